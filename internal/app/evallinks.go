package app

import (
	"context"
	"fmt"
	"os"

	"github.com/vanban/vanban/eval"
)

// EvalLinksOptions are the inputs of `vanban eval links`.
type EvalLinksOptions struct {
	Docs, Labels string // JSON Lines: the documents (ingest format) and the labelled items
	JSON         bool   // print the report as JSON
	// TempData stores the documents in a temporary data directory,
	// removed at the end, instead of e.Data.
	TempData bool
}

// RunEvalLinks stores the documents, links every labelled plan and prints
// the figures of package eval (links.go).
func RunEvalLinks(ctx context.Context, e *Env, opts EvalLinksOptions) error {
	f, err := os.Open(opts.Labels)
	if err != nil {
		return err
	}
	labels, err := eval.ReadLinkLabels(f)
	f.Close()
	if err != nil {
		return err
	}
	if opts.TempData {
		tmp, err := os.MkdirTemp("", "vanban-eval-links-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		te := *e
		te.Data = tmp
		e = &te
	}
	store, err := openStore(ctx, e, false)
	if err != nil {
		return err
	}
	defer store.Close()
	ids, err := eval.IngestDocs(store, opts.Docs)
	if err != nil {
		return err
	}
	rep, err := eval.EvaluateLinks(ctx, store, ids, labels)
	if err != nil {
		return err
	}
	if opts.JSON {
		return writeJSONTo(e.Stdout, rep)
	}
	if err := eval.WriteLinkReport(e.Stdout, rep); err != nil {
		return fmt.Errorf("eval links: %w", err)
	}
	return nil
}
