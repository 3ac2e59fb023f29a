package main

import (
	"context"
	"fmt"

	"github.com/vanban/vanban/eval"
	"github.com/vanban/vanban/internal/app"
)

func cmdEval() *command {
	c := &command{name: "eval", usage: "--corpus corpus.jsonl --queries queries.jsonl --qrels qrels.tsv [--indexed] [--variant V] [--by style|law|marks] [--profile exam] [--run run.trec] [--json] | eval links --docs docs.jsonl --labels labels.jsonl [--json]",
		short: "measure ranking quality (nDCG@10, MRR@10, recall) and speed on a BEIR-layout set; `eval links`: plan linking against labelled items"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		if len(args) > 0 && args[0] == "links" {
			return runEvalLinks(ctx, e, args[1:])
		}
		var o app.EvalOptions
		fs := newFlags(e, c)
		fs.StringVar(&o.Corpus, "corpus", "", "BEIR corpus `FILE` (JSON Lines: _id, title, text)")
		fs.StringVar(&o.Queries, "queries", "", "BEIR queries `FILE` (JSON Lines: _id, text)")
		fs.StringVar(&o.Qrels, "qrels", "", "qrels `FILE` (TSV: query-id, corpus-id, score)")
		fs.StringVar(&o.Run, "run", "", "also write the ranking to `FILE` in TREC format")
		fs.BoolVar(&o.JSON, "json", false, "print the figures as one JSON object (one per line, with \"variant\", for --variant all)")
		fs.BoolVar(&o.Indexed, "indexed", false, "rank with the index of --data (as `vanban ingest` left it) instead of indexing --corpus in a temporary directory")
		fs.StringVar(&o.By, "by", "", "also score the queries in groups: `"+eval.ByUsage+"` (the style and law fields of the dev sets, devsets/README.md)")
		fs.StringVar(&o.Profile, "profile", "", profileUsage)
		variant := fs.String("variant", eval.AsGiven, "rewrite the queries first: `"+eval.VariantsUsage+"`")
		if _, err := parseFlags(fs, args); err != nil {
			return err
		}
		o.Variants = []string{*variant}
		if *variant == "all" {
			o.Variants = eval.Variants
		}
		for _, v := range o.Variants {
			if v != eval.AsGiven && eval.Transform(v) == nil {
				fmt.Fprintf(e.Stderr, "eval: unknown --variant %q (%s)\n", v, eval.VariantsUsage)
				return errUsage
			}
		}
		if o.By != "" {
			if _, err := eval.Groups(nil, o.By); err != nil {
				fmt.Fprintf(e.Stderr, "eval: unknown --by %q (%s)\n", o.By, eval.ByUsage)
				return errUsage
			}
		}
		if !knownProfile(e, "eval", o.Profile) {
			return errUsage
		}
		if o.Corpus == "" || o.Queries == "" || o.Qrels == "" {
			fs.Usage()
			return errUsage
		}
		return app.RunEval(ctx, &e.Env, o)
	}
	return c
}
