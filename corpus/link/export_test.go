package link

// Exported for the external tests of package link_test only: what the
// measures of linking read besides the links. The leave-one-pair-out
// checks (TestLinksNullLOPO, TestLinksRerankLOPO) and the sweeps link the
// development sets through a store (store_test.go).

import "github.com/vanban/vanban/corpus/outline"

// NoneMeasures is the number of measures of the "implements nothing"
// decision (noneMeasures).
const NoneMeasures = noneMeasures

// LTRNames are the re-ranker's features' names (ltrNames).
var LTRNames = ltrNames

// Probe is PlanWith telling probe (nil: none) the measures of the
// "implements nothing" decision (linknone.go, NoneMeasures of them) of
// each ranked item, by its index in PlanLinks.Items, before the decision.
func Probe(plan Doc, parents []Doc, outlines []*outline.Outline, p Params, cache *Cache, probe func(item int, v []float64)) *PlanLinks {
	return linkPlanProbe(plan, parents, outlines, p, cache, nil, func(item int, v noneVec) { probe(item, v[:]) })
}

// NoneName is the name of measure m, for reports.
func NoneName(m NoneMeasure) string { return noneNames[m] }

// LTRItem is a ranked item of a plan for the re-ranker: its index in
// PlanLinks.Items, its first k candidates as matches and their features.
type LTRItem struct {
	Item  int
	Cands []Match
	X     []ltrVec
}

// Candidates is PlanWith with weights p (their RerankK ignored) and, for
// every ranked item, its first k candidates before the "implements
// nothing" decision and their features.
func Candidates(plan Doc, parents []Doc, outlines []*outline.Outline, p Params, cache *Cache, k int) (*PlanLinks, []LTRItem) {
	p.RerankK = 0
	pl, l, o, rs := linkPlanRanked(plan, parents, outlines, p, cache, nil)
	var out []LTRItem
	nb := neighbours(rs)
	for n, r := range rs {
		it := LTRItem{Item: r.item, X: l.ltrFeatures(o, r.item, r.q, r.cand, k, nb[n])}
		for _, c := range r.cand[:len(it.X)] {
			t := &l.targets[c.j]
			it.Cands = append(it.Cands, Match{DocID: t.doc.ID, Number: t.doc.Number, Passage: t.p.ID, Title: t.p.Title, Score: c.s})
		}
		out = append(out, it)
	}
	return pl, out
}

// TrainRanker trains the re-ranker (linkltrtrain_test.go) on labelled items.
func TrainRanker(gs []LTRGroup, lambda float64, iters int) LTRWeights {
	return ltrTrainer{Lambda: lambda, Iters: iters}.trainRanker(gs)
}

// Score is w·x.
func (w *LTRWeights) Score(x ltrVec) float64 { return w.score(&x) }
