package link_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/eval"
)

// storePairs is the confident pairs (link.ConfidentPairs at margin) of
// every document of s's store that has parents, in the order of their
// stored IDs: what the store alone says, no label read.
func storePairs(t *testing.T, store *corpus.Store, ids map[string]string, margin float64) []link.TransPair {
	t.Helper()
	docs := make([]string, 0, len(ids))
	for _, id := range ids {
		docs = append(docs, id)
	}
	slices.Sort(docs)
	docs = slices.Compact(docs)
	var out []link.TransPair
	for _, id := range docs {
		in, err := store.LinkInput(id)
		if errors.Is(err, corpus.ErrNotFound) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(in.Parents) == 0 {
			continue
		}
		out = append(out, link.ConfidentPairs(in.Plan, in.Parents, in.Outlines, link.DefaultParams(), in.Cache, margin)...)
	}
	return out
}

// transMargin and transIters are the confidence margin and EM rounds of
// the translation model TestLinksLOPO learns (VANBAN_LINK_TRANS=1).
const (
	transMargin = 1.25
	transIters  = 5
)

// TestLinksTranslationSweep measures the translation model
// (linktrans.go) on the development sets: for each set, the model is
// learned from its own store's confident links and the sets are linked
// again with it at each setting. VANBAN_LINK_TRANS=1 runs it (with the
// VANBAN_LINK_DEVn sets of TestLinksLOPO); docs/log/i29-self.md has
// the figures.
func TestLinksTranslationSweep(t *testing.T) {
	if os.Getenv("VANBAN_LINK_TRANS") != "1" {
		t.Skip("VANBAN_LINK_TRANS=1 measures the translation model")
	}
	sets := linkSets(t)
	evalSet := func(s linkSet, p link.Params, bg link.Background) *eval.LinkReport {
		rep, err := eval.EvaluateLinksWith(context.Background(), s.store, s.ids, s.labels,
			func(id string) (*link.PlanLinks, error) { return linksWith(s.store, id, p, bg) })
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	missed := func(r *eval.LinkReport) map[string]bool {
		m := map[string]bool{}
		for _, x := range r.Misses {
			if x.Want != "none" {
				m[x.Plan+" | "+x.Item] = true
			}
		}
		return m
	}
	base := make([]*eval.LinkReport, len(sets))
	var b strings.Builder
	for k, s := range sets {
		base[k] = evalSet(s, link.DefaultParams(), nil)
		o := base[k].Overall
		fmt.Fprintf(os.Stderr, "base %q: right %d/%d\n", s.prefix, base[k].Overall.Right, base[k].Overall.Quoted)
		fmt.Fprintf(&b, "base %q: right %d/%d, none %d/%d, precision %.3f\n", s.prefix, o.Right, o.Quoted, o.NullNone, o.Null, o.Precision)
	}
	// The first sweep (docs/log/i29-self.md): margins 1.25 and 1.5,
	// unweighted, both modes, weights 0.1–1; the second: every emitted
	// link weighted by its confidence, Model 1, the two lightest weights.
	margins := []float64{1}
	iters := 5
	for _, mg := range margins {
		models := make([]*link.Translation, len(sets))
		for k, s := range sets {
			pairs := storePairs(t, s.store, s.ids, mg)
			models[k] = link.LearnTranslation(pairs, iters, true)
			fmt.Fprintf(&b, "margin %.3g: set %q %d pairs\n", mg, s.prefix, len(pairs))
		}
		for _, mode := range []link.TransMode{link.TransModel1} {
			for _, w := range []float64{0.1, 0.25} {
				p := link.DefaultParams()
				p.TransWeight = w
				var line []string
				won, lost, right := 0, 0, 0
				for k, s := range sets {
					models[k].Mode = mode
					r := evalSet(s, p, models[k])
					o := r.Overall
					right += o.Right
					bm, rm := missed(base[k]), missed(r)
					for x := range bm {
						if !rm[x] {
							won++
						}
					}
					for x := range rm {
						if !bm[x] {
							lost++
						}
					}
					line = append(line, fmt.Sprintf("%q %d→%d none %d→%d prec %.3f→%.3f", s.prefix,
						base[k].Overall.Right, o.Right, base[k].Overall.NullNone, o.NullNone, base[k].Overall.Precision, o.Precision))
				}
				fmt.Fprintf(&b, "margin %.3g mode %d w %.2g: right %d (+%d −%d) | %s\n", mg, mode, w, right, won, lost, strings.Join(line, "; "))
				fmt.Fprintf(os.Stderr, "margin %.3g mode %d w %.2g: right %d (+%d −%d) | %s\n", mg, mode, w, right, won, lost, strings.Join(line, "; "))
			}
		}
	}
	t.Log("\n" + b.String())
}

// TestLinksTranslationTable prints what set 1's model (margin
// transMargin, unweighted) learned for some item terms: its strongest
// passage terms other than the term itself.
func TestLinksTranslationTable(t *testing.T) {
	if os.Getenv("VANBAN_LINK_TRANS") != "1" {
		t.Skip("VANBAN_LINK_TRANS=1 prints the translation table")
	}
	store, ids := devStore(t)
	pairs := storePairs(t, store, ids, transMargin)
	tr := link.LearnTranslation(pairs, transIters, false)
	var b strings.Builder
	for _, f := range []string{"cap phat", "hang hoa", "nhu yeu", "tuyen truyen", "tiep te", "kiem tra", "ho tro", "trien khai", "dan", "ve"} {
		fmt.Fprintf(&b, "%s:", f)
		for _, c := range tr.Top(f, 6) {
			fmt.Fprintf(&b, " %s %.3f;", c.Term, c.Weight)
		}
		b.WriteString("\n")
	}
	t.Log("\n" + b.String())
}
