package link

// "Implements nothing specific": an item gets no link when the evidence
// that its best passage is what it implements falls under NoneShare on
// the measure NoneMeasure picks. The measures, each larger for stronger
// evidence, are computed for every item of a plan once its items are
// ranked, since some are relative to the plan's other items; the
// leave-one-pair-out over both development sets (TestLinksNullLOPO)
// chooses among them, and docs/log/i17-null.md has the figures.

import (
	"math"
	"slices"
)

// NoneMeasure names a measure of the "implements nothing" decision.
type NoneMeasure int

const (
	// noneOwn: the best passage's score over the item's own words (own)
	// as a share of the item's self score.
	noneOwn NoneMeasure = iota
	// noneRank: the ranking score (actor, action, goal weight, decay, the
	// parent prior) as a share of the self score.
	noneRank
	// noneRaw: noneRank without MatchDecay.
	noneRaw
	// noneRankPlan: noneRank over the median noneRank of the plan's items.
	noneRankPlan
	// noneBestPlan: the best ranking score over the median best of the
	// plan's items.
	noneBestPlan
	// nonePassage: noneRank over the largest noneRank any item of the
	// plan has on the same passage (the passage's own best item).
	nonePassage
	// nonePeak: how far the best stands above the item's scores over all
	// the passages it may link to, in standard deviations.
	nonePeak
	// noneEvid: noneRaw without the ranking priors (GoalWeight on a goal
	// passage, the chain's ParentPrior): the evidence of the words, the
	// action and the actor only. The priors choose among passages; that
	// an item implements a goal passage is no weaker evidence that it
	// implements something.
	noneEvid
	// noneBare: noneEvid without the actor factor: the words and the
	// action only.
	noneBare
	// noneFlat: noneEvid with the whole actor boost whenever the agencies
	// meet (not weighed by how many passages name the agency, which
	// tells passages apart but is no evidence of a link).
	noneFlat
	// noneMeasures is the number of measures.
	noneMeasures
)

// noneNames are the measures' names, for reports.
var noneNames = [noneMeasures]string{"own/self", "rank/self", "raw/self", "rank/self ÷ plan median",
	"best ÷ plan median best", "rank/self ÷ passage's best item", "peak (z of best)",
	"evidence/self (no priors)", "words+action/self (no priors, no actor)", "flat actor/self (no priors)"}

// noneVec is every measure of one item.
type noneVec [noneMeasures]float64

// ranked is an item of the plan with its query and ranked candidates.
type ranked struct {
	item int
	q    itemQuery
	cand []scored
	// ref is the index in cand of the candidate the decision and the
	// further links' thresholds (pick) read: the first without the section
	// alignment (unalignedTop), which ranks only; the re-ranker's first
	// when it re-ranks.
	ref int
}

// noneVecs returns the measures of each ranked item (zero for an item
// without candidates): every measure with all, otherwise the one the
// decision uses (own and peak score the item again; the others are ratios
// of scores at hand).
func (l *linker) noneVecs(rs []ranked, all bool) []noneVec {
	out := make([]noneVec, len(rs))
	var shares, bests []float64
	passBest := map[int]float64{} // target → the largest rank/self of an item whose top it is
	for k, r := range rs {
		if len(r.cand) == 0 || r.q.self <= 0 {
			continue
		}
		c := r.cand[r.ref]
		v := &out[k]
		if all || l.p.NoneMeasure == noneOwn {
			v[noneOwn] = l.own(r.q, c.j) / r.q.self
		}
		v[noneRank] = c.pre / r.q.self
		v[noneRaw] = c.raw / r.q.self
		v[noneEvid] = c.ev * c.actor / r.q.self
		v[noneBare] = c.ev / r.q.self
		v[noneFlat] = v[noneBare]
		if overlaps(r.q.actors, l.targets[c.j].actors) {
			v[noneFlat] *= 1 + l.p.ActorBoost
		}
		if all || l.p.NoneMeasure == nonePeak {
			v[nonePeak] = l.peak(r.q, r.cand, c)
		}
		shares = append(shares, v[noneRank])
		bests = append(bests, c.pre)
		passBest[c.j] = max(passBest[c.j], v[noneRank])
	}
	ms, mb := median(shares), median(bests)
	for k, r := range rs {
		if len(r.cand) == 0 || r.q.self <= 0 {
			continue
		}
		v := &out[k]
		if ms > 0 {
			v[noneRankPlan] = v[noneRank] / ms
		}
		if mb > 0 {
			v[noneBestPlan] = r.cand[r.ref].pre / mb
		}
		if b := passBest[r.cand[r.ref].j]; b > 0 {
			v[nonePassage] = v[noneRank] / b
		}
	}
	return out
}

// peak is (best − mean) / sd of q's ranking scores without the section
// alignment over the targets it may link to (those it shares no term
// with score 0); best is the candidate the decision reads.
func (l *linker) peak(q itemQuery, cand []scored, best scored) float64 {
	n := 0
	for j := range l.targets {
		if q.only == nil || q.only[l.targets[j].key] {
			n++
		}
	}
	if n < 2 {
		return 0
	}
	sum, sq := 0.0, 0.0
	for _, c := range cand {
		sum += c.pre
		sq += c.pre * c.pre
	}
	mean := sum / float64(n)
	sd := math.Sqrt(max(sq/float64(n)-mean*mean, 0))
	if sd == 0 {
		return 0
	}
	return (best.pre - mean) / sd
}

// median is the median of xs (0 when empty); xs is reordered.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	slices.Sort(xs)
	m := len(xs) / 2
	if len(xs)%2 == 1 {
		return xs[m]
	}
	return (xs[m-1] + xs[m]) / 2
}
