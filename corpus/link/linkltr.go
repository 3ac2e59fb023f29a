package link

// A learned re-ranker over the linker's own signals (issue 17, i17-ltr).
//
// The linker's score is a hand-weighted product of signals (link.go). The
// re-ranker takes an item's top RerankK candidates and orders them again
// by a linear score w·x over a few features of each candidate, all of them
// things the linker already computes (ltrFeature). The weights are learned
// from the labelled development pairs by a softmax over each item's
// candidates (linkltrtrain_test.go). With RerankK 0 (the default) nothing is
// re-ranked; docs/log/i17-ltr.md has the measurements.

import (
	"math"
	"slices"

	"github.com/vanban/vanban/corpus/outline"

	"github.com/vanban/vanban/corpus/viet"
)

// ltrFeature indexes the features of a candidate.
type ltrFeature int

const (
	ltrScore    ltrFeature = iota // log of the ranking score over the item's best
	ltrRaw                        // log of the undecayed score over the best's undecayed score
	ltrRank                       // log(1 + the linker's rank), 0 for its top
	ltrOwn                        // the score over the item's own words / the item's self score
	ltrActor                      // log of the actor factor
	ltrAction                     // the cosine of the action vectors
	ltrWords                      // log(1 + the passage's words)
	ltrGoal                       // 1 for a goal passage
	ltrOrg                        // 1 for a passage of "Tổ chức thực hiện"
	ltrAppendix                   // 1 for an appendix row
	ltrHeading                    // the share of the item's topic-heading terms the passage holds
	ltrPos                        // |passage's place in its parent − item's place in the plan|
	ltrPrior                      // log of the parent prior (linkparent.go)
	ltrMatched                    // the share of the item's own terms the passage holds
	ltrNear                       // distance in its parent to the linker's top of the items before and after (neighbours)
	ltrN                          // the number of features
)

// ltrNames are the features' names, for reports (TestLinksRerankLOPO).
var ltrNames = [ltrN]string{"score", "raw", "rank", "own", "actor", "action", "words", "goal",
	"organisation", "appendix", "heading", "position", "prior", "matched", "near"}

// ltrVec is the features of one candidate.
type ltrVec [ltrN]float64

// LTRWeights is a linear scorer over ltrVec.
type LTRWeights [ltrN]float64

// score is w·x.
func (w *LTRWeights) score(x *ltrVec) float64 {
	s := 0.0
	for f := range x {
		s += w[f] * x[f]
	}
	return s
}

// relPos is the place of the k-th of n things, 0 for the first and 1 for
// the last (0 when there is one).
func relPos(k, n int) float64 {
	if n <= 1 {
		return 0
	}
	return float64(k) / float64(n-1)
}

// logRatio is log(a/b), with ratios floored at 1e-6 so that a zero score
// stays finite.
func logRatio(a, b float64) float64 {
	if b <= 0 {
		return 0
	}
	return math.Log(max(a/b, 1e-6))
}

// ltrFeatures returns the features of the first k candidates of item i
// of plan o (query q, ranked candidates cand, best first).
// nb is the targets neighbours gives the item.
func (l *linker) ltrFeatures(o *outline.Outline, i int, q itemQuery, cand []scored, k int, nb []int) []ltrVec {
	k = min(k, len(cand))
	if k == 0 {
		return nil
	}
	heads := headingTerms(o, i)
	ipos := relPos(i, len(o.Items))
	best := cand[0]
	out := make([]ltrVec, k)
	for r, c := range cand[:k] {
		t := &l.targets[c.j]
		x := &out[r]
		x[ltrScore] = logRatio(c.s, best.s)
		x[ltrRaw] = logRatio(c.raw, best.raw)
		x[ltrRank] = math.Log1p(float64(r))
		x[ltrActor] = math.Log(c.actor)
		x[ltrAction] = q.action.cosine(t.action)
		x[ltrWords] = math.Log1p(float64(viet.WordCount(t.p.Text)))
		if t.p.Kind == outline.SectionGoals {
			x[ltrGoal] = 1
		}
		if t.p.Kind == outline.SectionOrganisation {
			x[ltrOrg] = 1
		}
		if t.appendix {
			x[ltrAppendix] = 1
		}
		if len(heads) > 0 {
			n := 0
			for _, h := range heads {
				if t.bag.tf[h] > 0 {
					n++
				}
			}
			x[ltrHeading] = float64(n) / float64(len(heads))
		}
		x[ltrPos] = math.Abs(t.pos - ipos)
		if w, ok := l.pw[t.key]; ok && w > 0 {
			x[ltrPrior] = math.Log(w)
		}
		own, matched := l.ownMatched(q, c.j)
		if q.self > 0 {
			x[ltrOwn] = own / q.self
		}
		if len(q.own) > 0 {
			x[ltrMatched] = float64(matched) / float64(len(q.own))
		}
		x[ltrNear] = 0.5 // no neighbour in the same parent
		for _, j := range nb {
			if u := &l.targets[j]; u.key == t.key {
				x[ltrNear] = min(x[ltrNear], math.Abs(t.pos-u.pos))
			}
		}
	}
	return out
}

// neighbours returns, for each ranked item, the targets the linker puts
// first for the ranked items just before and after it (plans often follow
// their parent's order). It reads the linker's order, so it must be
// called before any re-ranking.
func neighbours(rs []ranked) [][]int {
	out := make([][]int, len(rs))
	for k := range rs {
		for _, d := range []int{k - 1, k + 1} {
			if d >= 0 && d < len(rs) && len(rs[d].cand) > 0 {
				out[k] = append(out[k], rs[d].cand[0].j)
			}
		}
	}
	return out
}

// ownMatched is l.own(q, j) and the number of the item's own terms
// target j holds, in one pass.
func (l *linker) ownMatched(q itemQuery, j int) (float64, int) {
	b := &l.targets[j].bag
	s, n := 0.0, 0
	for _, term := range q.order {
		if _, ok := q.own[term]; !ok {
			continue
		}
		if tf := b.tf[term]; tf > 0 {
			s += q.terms[term] * l.weight(term) * bm25(tf, l.df[term], l.n, b.n, l.avg)
			n++
		}
	}
	return s, n
}

// headingTerms is the distinct terms of the headings and section title
// item i is under, those naming only an agency left out, sorted.
func headingTerms(o *outline.Outline, i int) []string {
	return sectionTerms(o.ContextParts(i)...)
}

// rerank orders the first RerankK candidates of item i (neighbour
// targets nb) by the learned score, best first (ties keep the linker's order); the rest stay behind
// them.
func (l *linker) rerank(o *outline.Outline, i int, q itemQuery, cand []scored, nb []int) {
	xs := l.ltrFeatures(o, i, q, cand, l.p.RerankK, nb)
	if len(xs) < 2 {
		return
	}
	type pair struct {
		c scored
		s float64
	}
	ps := make([]pair, len(xs))
	for r := range xs {
		ps[r] = pair{cand[r], l.p.Rerank.score(&xs[r])}
	}
	slices.SortStableFunc(ps, func(a, b pair) int {
		switch {
		case a.s > b.s:
			return -1
		case a.s < b.s:
			return 1
		}
		return 0
	})
	for r := range ps {
		cand[r] = ps[r].c
	}
}
