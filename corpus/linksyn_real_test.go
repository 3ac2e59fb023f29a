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

// TestLinksThesaurusSweep measures the weight of thesaurus synonyms
// (corpus/linksyn.go) on the development set; linkSweep says what is
// printed. Only when VANBAN_LINK_THESAURUS=1; docs/design.md (i17-thes)
// has the figures.
func TestLinksThesaurusSweep(t *testing.T) {
	if os.Getenv("VANBAN_LINK_THESAURUS") != "1" {
		t.Skip("VANBAN_LINK_THESAURUS=1 measures the thesaurus weights")
	}
	var names []string
	var ps []corpus.LinkParams
	for _, w := range []float64{0, 0.1, 0.25, 0.35, 0.5, 0.75, 1} {
		p := corpus.DefaultLinkParams()
		p.ThesaurusWeight = w
		names = append(names, fmt.Sprintf("thesaurus %.2g", w))
		ps = append(ps, p)
	}
	linkSweep(t, names, ps)
}

// TestLinksRestateSweep measures a body task taking the place of the
// "Tổ chức thực hiện" paragraph restating it (corpus/linkrestate.go).
// Only when VANBAN_LINK_RESTATE=1.
func TestLinksRestateSweep(t *testing.T) {
	if os.Getenv("VANBAN_LINK_RESTATE") != "1" {
		t.Skip("VANBAN_LINK_RESTATE=1 measures the restated body tasks")
	}
	names := []string{"off"}
	ps := []corpus.LinkParams{corpus.DefaultLinkParams()}
	for _, share := range []float64{0.3, 0.4, 0.5, 0.6, 0.75} {
		for _, score := range []float64{0, 0.5, 0.7, 0.85} {
			p := corpus.DefaultLinkParams()
			p.RestateShare, p.RestateScore = share, score
			names = append(names, fmt.Sprintf("restate share %.2g, score %.2g", share, score))
			ps = append(ps, p)
		}
	}
	linkSweep(t, names, ps)
}

// linkSweep evaluates each setting of ps (the first is the base) on the
// development set and prints its figures, right items per plan and the
// items whose top link changes against the base; then it chooses a
// setting leave-one-pair-out: for each pair, the setting right for the
// most items of the other eight (ties: the earlier), measured on the pair.
func linkSweep(t *testing.T, names []string, ps []corpus.LinkParams) {
	store, ids := devStore(t)
	labels := devLabels(t)
	var b strings.Builder
	reps := make([]*eval.LinkReport, len(ps))
	for k, p := range ps {
		r, err := eval.EvaluateLinksWith(context.Background(), store, ids, labels,
			func(id string) (*corpus.PlanLinks, error) { return store.LinksWith(id, p) })
		if err != nil {
			t.Fatal(err)
		}
		reps[k] = r
		fmt.Fprintf(&b, "%s: right %d of %d (p@1 %.3f), strict %.3f, found %.3f, none %d/%d, precision %.3f, recall %.3f\n",
			names[k], r.Overall.Right, r.Overall.Quoted, r.Overall.P1, r.Overall.P1Strict, r.Overall.FoundRate,
			r.Overall.NullNone, r.Overall.Null, r.Overall.Precision, r.Overall.Recall)
		writeChanges(&b, reps[0], r)
	}
	held, quoted := 0, 0
	for i, pr := range reps[0].Plans {
		best, bestRight := 0, -1
		for k, r := range reps {
			if right := r.Overall.Right - r.Plans[i].Right; right > bestRight {
				best, bestRight = k, right
			}
		}
		held += reps[best].Plans[i].Right
		quoted += pr.Quoted
		fmt.Fprintf(&b, "held out %s: %s chosen on the other 8, right %d of %d (base: %d)\n",
			pr.Plan, names[best], reps[best].Plans[i].Right, pr.Quoted, pr.Right)
	}
	fmt.Fprintf(&b, "leave-one-pair-out over these settings: %d of %d (%.3f)\n", held, quoted, float64(held)/float64(quoted))
	t.Log("\n" + b.String())
}

// TestLinksDecaySweep measures the decay of a passage's weaker matches
// (corpus/linkdecay.go). Only when VANBAN_LINK_DECAY=1.
func TestLinksDecaySweep(t *testing.T) {
	if os.Getenv("VANBAN_LINK_DECAY") != "1" {
		t.Skip("VANBAN_LINK_DECAY=1 measures the decay of weaker matches")
	}
	names := []string{"off"}
	ps := []corpus.LinkParams{corpus.DefaultLinkParams()}
	for _, d := range []float64{0.998, 0.995, 0.99, 0.985, 0.98, 0.97, 0.95, 0.9, 0.8} {
		p := corpus.DefaultLinkParams()
		p.MatchDecay = d
		names = append(names, fmt.Sprintf("decay %.3g", d))
		ps = append(ps, p)
	}
	linkSweep(t, names, ps)
}
