package search_test

import (
	"context"
	"math"
	"reflect"
	"testing"

	"github.com/vanban/vanban/eval"
	"github.com/vanban/vanban/internal/shared"
	"github.com/vanban/vanban/search"
)

// TestSameEvalAnyLayout indexes the alqac22 set (1,377 articles of four
// codes) in the three layouts of search.Layouts and requires, for every
// judged question as given and typed without diacritics (accent
// restoration reads the dictionary, where deleted documents' terms
// linger), the same top 100 on every layout, hence the same nDCG@10, MRR@10
// and recall; and for forty of them the same top ten with the same
// scores, ranked top-k and by bleve alone.
func TestSameEvalAnyLayout(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes a 1,377-document set three times")
	}
	dir := shared.Path(t, "eval", "alqac22")
	set, err := eval.Load(dir+"/corpus.jsonl", dir+"/queries.jsonl", dir+"/qrels/test.tsv")
	if err != nil {
		t.Fatal(err)
	}
	layouts := search.Layouts(t, set.Docs)
	var searchers []*search.Searcher
	for _, l := range layouts {
		searchers = append(searchers, search.New(l.Index, search.WithTexts(set.Texts())))
	}
	for _, variant := range []string{eval.AsGiven, eval.NoDiacritics} {
		var first eval.Report
		var firstRun eval.Run
		for i, s := range searchers {
			rep, run, err := eval.Evaluate(context.Background(), s, set, eval.Transform(variant))
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				first, firstRun = rep, run
				t.Logf("%s: nDCG@10 %.4f, MRR@10 %.4f, R@10 %.4f, R@100 %.4f", variant, rep.NDCG10, rep.MRR10, rep.Recall10, rep.Recall100)
				continue
			}
			// the same ranking of the top 100 of every question; the
			// figures then differ at most in the order eval sums them
			if !reflect.DeepEqual(run, firstRun) {
				t.Errorf("%s: the run on %s differs from the run on %s", variant, layouts[i].Name, layouts[0].Name)
			}
			for _, f := range [][2]float64{{rep.NDCG10, first.NDCG10}, {rep.MRR10, first.MRR10}, {rep.Recall10, first.Recall10}, {rep.Recall100, first.Recall100}} {
				if math.Abs(f[0]-f[1]) > 1e-12 {
					t.Errorf("%s on %s: %+v; on %s: %+v", variant, layouts[i].Name, rep, layouts[0].Name, first)
				}
			}
		}
		// scores, and bleve's own evaluation, on a part of the questions
		// (bleve's evaluation is slow)
		n := 0
		for _, q := range set.Queries {
			if _, judged := set.Qrels[q.ID]; !judged {
				continue
			}
			text := q.Text
			if tr := eval.Transform(variant); tr != nil {
				text = tr(text)
			}
			search.SameRanking(t, layouts, searchers, text)
			if n++; n == 40 {
				break
			}
		}
	}
}
