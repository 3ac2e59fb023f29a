package app

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"text/tabwriter"
	"time"

	"github.com/vanban/vanban/eval"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/search"
)

// EvalOptions are the options of `vanban eval`.
type EvalOptions struct {
	Corpus, Queries, Qrels string   // a BEIR-layout set
	Variants               []string // query rewrites to measure (eval.AsGiven: none)
	Run                    string   // also write the first variant's ranking here (TREC)
	JSON                   bool     // print one JSON object per variant
	// Indexed ranks with the index of the data directory (as `vanban
	// ingest` or `vanban index` left it) instead of indexing Corpus in a
	// temporary directory: the same set on indexes of other layouts
	// (docs/log/ranking-07-collection-stats.md).
	Indexed bool
	// By, when set, also scores the queries in groups (eval.Groups: by
	// style, law, or with and without diacritics).
	By string
	// Profile names the weights' profile (search.Profiles; "": the
	// default weights).
	Profile string
}

// RunEval indexes a BEIR-layout set in a temporary directory and prints its
// ranking quality (nDCG@10, MRR@10, recall) and speed, per query variant.
func RunEval(ctx context.Context, e *Env, opts EvalOptions) error {
	variants := opts.Variants
	w, err := search.ProfileWeights(opts.Profile, search.DefaultWeights)
	if err != nil {
		return err
	}
	set, err := eval.Load(opts.Corpus, opts.Queries, opts.Qrels)
	if err != nil {
		return err
	}
	ix, took, done, err := evalIndex(ctx, e, set, opts.Indexed)
	if err != nil {
		return err
	}
	defer done()
	var groups map[string]string
	if opts.By != "" {
		if groups, err = eval.Groups(set.Queries, opts.By); err != nil {
			return err
		}
	}
	// the set's texts: the body's positions for phrases and the proximity
	// rerank (the index keeps none)
	texts := set.Texts()
	for _, v := range variants {
		rep, run, err := eval.Evaluate(ctx, search.New(ix.Bleve(), search.WithTexts(texts), search.WithWeights(w)), set, eval.Transform(v))
		if err != nil {
			return err
		}
		if took > 0 {
			rep.IndexSeconds = took.Seconds()
			rep.IndexDocsPerS = float64(len(set.Docs)) / took.Seconds()
		}
		if opts.Run != "" && v == variants[0] {
			if err := writeRun(opts.Run, run); err != nil {
				return err
			}
		}
		var by map[string]eval.Report
		if groups != nil {
			by = eval.ScoreBy(run, set.Qrels, groups)
		}
		switch {
		case opts.JSON && (len(variants) > 1 || by != nil):
			err = json.NewEncoder(e.Stdout).Encode(struct {
				Variant string `json:"variant"`
				eval.Report
				By map[string]eval.Report `json:"by,omitempty"`
			}{v, rep, by})
		case opts.JSON:
			err = json.NewEncoder(e.Stdout).Encode(rep)
		default:
			if len(variants) > 1 || v != eval.AsGiven {
				fmt.Fprintf(e.Stdout, "variant      %s\n", v)
			}
			_, err = fmt.Fprintf(e.Stdout, "queries      %d\nnDCG@10      %.4f\nMRR@10       %.4f\nRecall@10    %.4f\nRecall@100   %.4f\nindexing     %.0f docs/s (%d docs in %.2fs)\nquery p50    %.2f ms\nquery p99    %.2f ms\n",
				rep.Queries, rep.NDCG10, rep.MRR10, rep.Recall10, rep.Recall100, rep.IndexDocsPerS, len(set.Docs), rep.IndexSeconds, rep.QueryP50MS, rep.QueryP99MS)
			if err == nil && by != nil {
				err = printGroups(e.Stdout, opts.By, by)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// evalIndex is the index set is ranked with: the data directory's
// (indexed; took 0), which must hold every document of the set, or set's
// documents indexed in a temporary directory. done closes it (and removes
// the directory).
func evalIndex(ctx context.Context, e *Env, set *eval.Set, indexed bool) (ix *indexer.Index, took time.Duration, done func(), err error) {
	if indexed {
		ix, err := openIndex(ctx, e, true)
		if err != nil {
			return nil, 0, nil, err
		}
		n, err := ix.DocCount()
		if err == nil && n < uint64(len(set.Docs)) {
			err = fmt.Errorf("eval: the index of %s has %d documents, the corpus %d: ingest it first", e.Data, n, len(set.Docs))
		}
		if err != nil {
			ix.Close()
			return nil, 0, nil, err
		}
		return ix, 0, func() { ix.Close() }, nil
	}
	tmp, err := os.MkdirTemp("", "vanban-eval-")
	if err != nil {
		return nil, 0, nil, err
	}
	ix, took, err = eval.BuildIndex(ctx, tmp+"/index", set.Docs)
	if err != nil {
		os.RemoveAll(tmp)
		return nil, 0, nil, err
	}
	return ix, took, func() { ix.Close(); os.RemoveAll(tmp) }, nil
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

// printGroups prints the figures of each group, in name order.
func printGroups(w io.Writer, by string, reps map[string]eval.Report) error {
	names := slices.Sorted(maps.Keys(reps))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\tqueries\tnDCG@10\tMRR@10\tR@10\tR@100\n", by)
	for _, g := range names {
		r := reps[g]
		fmt.Fprintf(tw, "%s\t%d\t%.4f\t%.4f\t%.4f\t%.4f\n", g, r.Queries, r.NDCG10, r.MRR10, r.Recall10, r.Recall100)
	}
	return tw.Flush()
}
