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
func numberNamed(ctx context.Context, e *Env, store *corpus.Store, s string) (string, error) {
	if !search.NamesNumber(s) {
		return "", nil
	}
	ix, err := openIndex(e, true)
	if err != nil {
		return "", fmt.Errorf("reading %q as a document number: %w", s, err)
	}
	defer ix.Close()
	nums, err := search.NumbersNamed(ctx, ix.Bleve(), s, storedNumber(store))
	switch {
	case err != nil:
		return "", err
	case len(nums) > 1:
		return "", fmt.Errorf("%q names several documents: %s; give the whole number", s, strings.Join(nums, ", "))
	case len(nums) == 1:
		return nums[0], nil
	}
	return "", nil
}

// readTaskNumbers reads a bare number in the filter's parent and plan as
// the one stored number it names (search.ReadTaskNumbers), saying so on
// stderr.
func readTaskNumbers(ctx context.Context, e *Env, store *corpus.Store, f *tasks.Filter) error {
	if !search.IsBareNumber(f.Parent) && !search.IsBareNumber(f.Plan) {
		return nil
	}
	ix, err := openIndex(e, true)
	if err != nil {
		return fmt.Errorf("reading a bare document number: %w", err)
	}
	defer ix.Close()
	notes, err := search.ReadTaskNumbers(ctx, ix.Bleve(), f, storedNumber(store))
	for _, n := range notes {
		fmt.Fprintf(e.Stderr, "vanban: read %s\n", n)
	}
	return err
}
