package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/vanban/vanban/eval"
	"github.com/vanban/vanban/search"
)

func cmdEval() *command {
	c := &command{name: "eval", usage: "--corpus corpus.jsonl --queries queries.jsonl --qrels qrels.tsv [--variant V] [--run run.trec] [--json] | eval links --docs docs.jsonl --labels labels.jsonl [--json]",
		short: "measure ranking quality (nDCG@10, MRR@10, recall) and speed on a BEIR-layout set; `eval links`: plan linking against labelled items"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		if len(args) > 0 && args[0] == "links" {
			return runEvalLinks(ctx, e, args[1:])
		}
		fs := newFlags(e, c)
		corpusPath := fs.String("corpus", "", "BEIR corpus `FILE` (JSON Lines: _id, title, text)")
		queriesPath := fs.String("queries", "", "BEIR queries `FILE` (JSON Lines: _id, text)")
		qrelsPath := fs.String("qrels", "", "qrels `FILE` (TSV: query-id, corpus-id, score)")
		runPath := fs.String("run", "", "also write the ranking to `FILE` in TREC format")
		asJSON := fs.Bool("json", false, "print the figures as one JSON object (one per line, with \"variant\", for --variant all)")
		variant := fs.String("variant", eval.AsGiven, "rewrite the queries first: `"+eval.VariantsUsage+"`")
		if _, err := parseFlags(fs, args); err != nil {
			return err
		}
		variants := []string{*variant}
		if *variant == "all" {
			variants = eval.Variants
		}
		for _, v := range variants {
			if v != eval.AsGiven && eval.Transform(v) == nil {
				fmt.Fprintf(e.stderr, "eval: unknown --variant %q (%s)\n", v, eval.VariantsUsage)
				return errUsage
			}
		}
		if *corpusPath == "" || *queriesPath == "" || *qrelsPath == "" {
			fs.Usage()
			return errUsage
		}
		set, err := eval.Load(*corpusPath, *queriesPath, *qrelsPath)
		if err != nil {
			return err
		}
		tmp, err := os.MkdirTemp("", "vanban-eval-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		ix, took, err := eval.BuildIndex(ctx, tmp+"/index", set.Docs)
		if err != nil {
			return err
		}
		defer ix.Close()
		for _, v := range variants {
			rep, run, err := eval.Evaluate(ctx, search.New(ix.Bleve()), set, eval.Transform(v))
			if err != nil {
				return err
			}
			rep.IndexSeconds = took.Seconds()
			rep.IndexDocsPerS = float64(len(set.Docs)) / took.Seconds()
			if *runPath != "" && v == variants[0] {
				if err := writeRun(*runPath, run); err != nil {
					return err
				}
			}
			switch {
			case *asJSON && len(variants) > 1:
				err = json.NewEncoder(e.stdout).Encode(struct {
					Variant string `json:"variant"`
					eval.Report
				}{v, rep})
			case *asJSON:
				err = json.NewEncoder(e.stdout).Encode(rep)
			default:
				if len(variants) > 1 || v != eval.AsGiven {
					fmt.Fprintf(e.stdout, "variant      %s\n", v)
				}
				_, err = fmt.Fprintf(e.stdout, "queries      %d\nnDCG@10      %.4f\nMRR@10       %.4f\nRecall@10    %.4f\nRecall@100   %.4f\nindexing     %.0f docs/s (%d docs in %.2fs)\nquery p50    %.2f ms\nquery p99    %.2f ms\n",
					rep.Queries, rep.NDCG10, rep.MRR10, rep.Recall10, rep.Recall100, rep.IndexDocsPerS, len(set.Docs), rep.IndexSeconds, rep.QueryP50MS, rep.QueryP99MS)
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

// writeRun writes a run in TREC format to path.
func writeRun(path string, run eval.Run) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := eval.WriteTREC(f, run, "vanban"); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
