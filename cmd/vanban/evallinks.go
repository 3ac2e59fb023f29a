package main

import (
	"context"

	"github.com/vanban/vanban/internal/app"
)

// runEvalLinks is `vanban eval links`: flags → app.RunEvalLinks.
func runEvalLinks(ctx context.Context, e *env, args []string) error {
	c := &command{name: "eval links", usage: "--docs docs.jsonl --labels labels.jsonl [--json]",
		short: "link the labelled plans and report items found, p@1, none accuracy, precision and recall, per plan and overall"}
	var o app.EvalLinksOptions
	fs := newFlags(e, c)
	fs.StringVar(&o.Docs, "docs", "", "documents `FILE` (JSON Lines as for `vanban ingest`: plans and the documents they cite)")
	fs.StringVar(&o.Labels, "labels", "", "labelled items `FILE` (JSON Lines: plan, item, resolution, quote, also, doubtful)")
	fs.BoolVar(&o.JSON, "json", false, "print the report as JSON: {plans:[{plan,parents,items,found_rate,p@1,…}],overall,…}")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if o.Docs == "" || o.Labels == "" {
		fs.Usage()
		return errUsage
	}
	o.TempData = !e.dataSet
	return app.RunEvalLinks(ctx, &e.Env, o)
}
