package link

// Exported for the external tests of package link_test only: what the
// measures of linking read besides the links. The leave-one-pair-out
// checks (TestLinksNullLOPO, TestLinksRerankLOPO) and the sweeps link the
// development sets through a store (store_test.go).

import (
	"math"

	"github.com/vanban/vanban/corpus/outline"
)

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

// NullFigures are what the "implements nothing" decision could read of a
// ranked item besides its measures (docs/log/i31-null.md measured each as
// a cut; none kept): whether the defaults withhold it, its best passage
// and the runner-up, and that passage's standing among the plan's items.
type NullFigures struct {
	Item     int     // index in PlanLinks.Items
	Withheld bool    // the decision (implementsNothing) gives it no link
	RawSelf  float64 // the measure in use (noneRaw)
	Top      string  // the passage the decision reads
	Second   string  // the best other passage by the undecayed score
	Margin   float64 // the top's undecayed score over the second's
	// Hub: the plan's ranked items whose top is the same passage.
	Hub int
	// Rival: RawSelf over the largest raw/self any other item of the plan
	// scores on the same passage (whether or not it is that item's top).
	Rival float64
	// Rarest: of the item's own terms the top holds, the rarest among the
	// parents' passages, as log(n/df)/log(n) (1: in one passage only).
	Rarest float64
}

// NullProbe is PlanWith with every ranked item's NullFigures.
func NullProbe(plan Doc, parents []Doc, outlines []*outline.Outline, p Params, cache *Cache) (*PlanLinks, []NullFigures) {
	pl, l, o, rs := linkPlanRanked(plan, parents, outlines, p, cache, nil)
	vs := l.noneVecs(rs, false)
	keys := parentKeys(parents)
	own := newOwnArticle(&plan, keys, o, p)
	hub := map[int]int{}
	for _, r := range rs {
		if len(r.cand) > 0 {
			hub[r.cand[r.ref].j]++
		}
	}
	var out []NullFigures
	for k, r := range rs {
		if len(r.cand) == 0 || r.q.self <= 0 {
			continue
		}
		c := r.cand[r.ref]
		f := NullFigures{Item: r.item, Withheld: l.implementsNothing(o, r, vs[k], own, keys), RawSelf: vs[k][noneRaw],
			Top: l.targets[c.j].p.ID, Hub: hub[c.j]}
		second := 0.0
		for _, d := range r.cand {
			if d.j != c.j && d.raw > second {
				second, f.Second = d.raw, l.targets[d.j].p.ID
			}
		}
		if second > 0 {
			f.Margin = c.raw / second
		}
		rival := 0.0
		for k2, r2 := range rs {
			if k2 == k || r2.q.self <= 0 {
				continue
			}
			for _, d := range r2.cand {
				if d.j == c.j {
					rival = max(rival, d.raw/r2.q.self)
				}
			}
		}
		if rival > 0 {
			f.Rival = f.RawSelf / rival
		}
		b := &l.targets[c.j].bag
		for term := range r.q.own {
			if b.tf[term] > 0 && l.n > 1 {
				f.Rarest = max(f.Rarest, math.Log(l.n/l.df[term])/math.Log(l.n))
			}
		}
		out = append(out, f)
	}
	return pl, out
}
