package app

import (
	"context"
	"fmt"
	"strings"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/search"
	"github.com/vanban/vanban/tasks"
)

// Numbers as staff type them ("nq 380", a bare "2530") are read as the web
// reads them (search.NumbersNamed): the index finds the stored documents
// whose numbers they name. The index is opened only for such a number.

// storedNumber gives search.NumbersNamed the stored number of a live
// document.
func storedNumber(store *corpus.Store) func(id string) (string, error) {
	return func(id string) (string, error) {
		d, err := store.Get(id)
		if err != nil || d.Gone {
			return "", err
		}
		return d.Number, nil
	}
}

// numberNamed is the one stored number that s names partly ("nq 380",
// "380"), or "" when it names none (or a whole number, or no number); a
// number naming several is an error listing them.
func numberNamed(ctx context.Context, r *reader, s string) (string, error) {
	if !search.NamesNumber(s) {
		return "", nil
	}
	ix, err := r.index()
	if err != nil {
		return "", fmt.Errorf("reading %q as a document number: %w", s, err)
	}
	sn, err := search.PinIndex(ix.Bleve())
	if err != nil {
		return "", err
	}
	defer sn.Close()
	nums, err := search.NumbersNamed(ctx, sn, s, storedNumber(r.store))
	switch {
	case err != nil:
		return "", err
	case len(nums) > 1:
		return "", ownError(fmt.Errorf("%q names several documents: %s; give the whole number", s, strings.Join(nums, ", ")))
	case len(nums) == 1:
		return nums[0], nil
	}
	return "", nil
}

// readTaskNumbers reads a bare number in the filter's parent and plan as
// the one stored number it names (search.ReadTaskNumbers), and returns
// how it read them, for stderr.
func readTaskNumbers(ctx context.Context, r *reader, f *tasks.Filter) ([]string, error) {
	if !search.IsBareNumber(f.Parent) && !search.IsBareNumber(f.Plan) {
		return nil, nil
	}
	ix, err := r.index()
	if err != nil {
		return nil, fmt.Errorf("reading a bare document number: %w", err)
	}
	sn, err := search.PinIndex(ix.Bleve())
	if err != nil {
		return nil, err
	}
	defer sn.Close()
	return search.ReadTaskNumbers(ctx, sn, f, storedNumber(r.store))
}
