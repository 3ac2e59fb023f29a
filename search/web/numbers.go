package web

// Numbers typed as staff say them ("nq 380", a bare "2530") are read by
// package search (search/numbers.go), for the web and the CLI alike; here
// the handler gives it the index and the stored documents' numbers.

import (
	"context"

	"github.com/vanban/vanban/search"
	"github.com/vanban/vanban/tasks"
)

// number is the stored number of the document id.
func (h *Handler) number(id string) (string, error) {
	d, err := h.head(id)
	if err != nil {
		return "", err
	}
	return d.Number, nil
}

// numbersNamed are the numbers of the stored documents that s names
// partly (search.NumbersNamed), read on one snapshot of the index.
func (h *Handler) numbersNamed(ctx context.Context, s string) ([]string, error) {
	sn, err := h.s.Snapshot()
	if err != nil {
		return nil, err
	}
	defer sn.Close()
	return search.NumbersNamed(ctx, sn, s, h.number)
}

// readTaskNumbers reads a bare number in the tasks view's document fields
// (search.ReadTaskNumbers), both on one snapshot of the index.
func (h *Handler) readTaskNumbers(ctx context.Context, f *tasks.Filter) ([]string, error) {
	if !search.IsBareNumber(f.Parent) && !search.IsBareNumber(f.Plan) {
		return nil, nil
	}
	sn, err := h.s.Snapshot()
	if err != nil {
		return nil, err
	}
	defer sn.Close()
	return search.ReadTaskNumbers(ctx, sn, f, h.number)
}
