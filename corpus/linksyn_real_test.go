package corpus_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/eval"
)

// thesaurusWeights are the values of ThesaurusWeight the sweep measures.
var thesaurusWeights = []float64{0, 0.1, 0.25, 0.35, 0.5, 0.75, 1}

// TestLinksThesaurusSweep measures the weight of thesaurus synonyms
// (corpus/linksyn.go) on the development set: top links right for each
// weight, per plan, and the items that change. It also chooses the weight
// leave-one-pair-out, the other weights at their defaults: for each pair,
// the weight right for the most items of the other eight (ties: the
// smaller weight), measured on the pair. Only when
// VANBAN_LINK_THESAURUS=1; docs/design.md (i17-thes) has the figures.
func TestLinksThesaurusSweep(t *testing.T) {
	if os.Getenv("VANBAN_LINK_THESAURUS") != "1" {
		t.Skip("VANBAN_LINK_THESAURUS=1 measures the thesaurus weights")
	}
	store, ids := devStore(t)
	labels := devLabels(t)
	eval1 := func(p corpus.LinkParams) *eval.LinkReport {
		rep, err := eval.EvaluateLinksWith(context.Background(), store, ids, labels,
			func(id string) (*corpus.PlanLinks, error) { return store.LinksWith(id, p) })
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	p0 := corpus.DefaultLinkParams()
	p0.ThesaurusWeight = 0
	base := eval1(p0)
	var b strings.Builder
	reps := make([]*eval.LinkReport, len(thesaurusWeights))
	for k, w := range thesaurusWeights {
		p := corpus.DefaultLinkParams()
		p.ThesaurusWeight = w
		r := eval1(p)
		reps[k] = r
		fmt.Fprintf(&b, "thesaurus %.2g: right %d of %d (p@1 %.3f), strict %.3f, found %.3f, none %d/%d, precision %.3f, recall %.3f\n",
			w, r.Overall.Right, r.Overall.Quoted, r.Overall.P1, r.Overall.P1Strict, r.Overall.FoundRate,
			r.Overall.NullNone, r.Overall.Null, r.Overall.Precision, r.Overall.Recall)
		writeChanges(&b, base, r)
	}
	held, quoted := 0, 0
	for i, pr := range base.Plans {
		best, bestRight := 0, -1
		for k, r := range reps {
			right := r.Overall.Right - r.Plans[i].Right
			if right > bestRight {
				best, bestRight = k, right
			}
		}
		held += reps[best].Plans[i].Right
		quoted += pr.Quoted
		fmt.Fprintf(&b, "held out %s: weight %.2g chosen on the other 8, right %d of %d (at 0: %d)\n",
			pr.Plan, thesaurusWeights[best], reps[best].Plans[i].Right, pr.Quoted, pr.Right)
	}
	fmt.Fprintf(&b, "leave-one-pair-out over the weight alone: %d of %d (%.3f)\n", held, quoted, float64(held)/float64(quoted))
	t.Log("\n" + b.String())
}
