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
// partly (search.NumbersNamed).
func (h *Handler) numbersNamed(ctx context.Context, s string) ([]string, error) {
	return search.NumbersNamed(ctx, h.s.Index(), s, h.number)
}

// readTaskNumbers reads a bare number in the tasks view's document fields
// (search.ReadTaskNumbers).
func (h *Handler) readTaskNumbers(ctx context.Context, f *tasks.Filter) ([]string, error) {
	return search.ReadTaskNumbers(ctx, h.s.Index(), f, h.number)
}
