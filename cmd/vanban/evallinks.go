package main

import (
	"context"
	"fmt"
	"os"

	"github.com/vanban/vanban/eval"
)

// runEvalLinks is `vanban eval links`: it stores the documents (in a
// temporary data directory unless --data is given), links every labelled
// plan and prints the figures of package eval (links.go).
func runEvalLinks(ctx context.Context, e *env, args []string) error {
	c := &command{name: "eval links", usage: "--docs docs.jsonl --labels labels.jsonl [--json]",
		short: "link the labelled plans and report items found, p@1, none accuracy, precision and recall, per plan and overall"}
	fs := newFlags(e, c)
	docs := fs.String("docs", "", "documents `FILE` (JSON Lines as for `vanban ingest`: plans and the documents they cite)")
	labels := fs.String("labels", "", "labelled items `FILE` (JSON Lines: plan, item, resolution, quote, also, doubtful)")
	asJSON := fs.Bool("json", false, "print the report as JSON: {plans:[{plan,parents,items,found_rate,p@1,…}],overall,…}")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *docs == "" || *labels == "" {
		fs.Usage()
		return errUsage
	}
	f, err := os.Open(*labels)
	if err != nil {
		return err
	}
	ls, err := eval.ReadLinkLabels(f)
	f.Close()
	if err != nil {
		return err
	}
	if !e.dataSet {
		tmp, err := os.MkdirTemp("", "vanban-eval-links-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		e.data = tmp
	}
	store, err := openStore(e, false)
	if err != nil {
		return err
	}
	defer store.Close()
	ids, err := eval.IngestDocs(store, *docs)
	if err != nil {
		return err
	}
	rep, err := eval.EvaluateLinks(ctx, store, ids, ls)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSONTo(e.stdout, rep)
	}
	if err := eval.WriteLinkReport(e.stdout, rep); err != nil {
		return fmt.Errorf("eval links: %w", err)
	}
	return nil
}
