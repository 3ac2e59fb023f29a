package link

// Ranking an item's candidates (the BM25 score through the postings of
// the query's terms, times the actor, action and the priors) and picking
// the passages it implements from them.

import (
	"math"
	"slices"

	"github.com/vanban/vanban/corpus/outline"
)

// rank scores every target sharing a term with q, best first.
func (l *linker) rank(q itemQuery) []scored {
	clear(l.acc)
	for _, term := range q.order {
		w := q.terms[term]
		for _, p := range l.post[term] {
			l.acc[p.target] += w * p.w
		}
	}
	raw := l.acc
	if l.p.MatchDecay > 0 {
		if l.dec == nil {
			l.dec = make([]float64, len(l.targets))
		}
		copy(l.dec, l.acc)
		raw = l.dec
		clear(l.acc)
		l.decayed(q)
	}
	var as actorStats
	if l.p.ActorIDF != 0 {
		as = l.actorStatsFor(q.only)
	}
	var cand []scored
	for j, s := range l.acc {
		t := &l.targets[j]
		if s <= 0 || q.only != nil && !q.only[t.key] {
			continue
		}
		c := scored{j: j, actor: 1}
		f := 1.0
		if overlaps(q.actors, t.actors) {
			c.actor = 1 + l.p.ActorBoost*l.actorWeight(as, q.actors, t.actors)
			f *= c.actor
		}
		act := 1 + l.p.ActionBoost*q.action.cosine(t.action)
		f *= act
		if t.p.Kind == outline.SectionGoals {
			f *= l.p.GoalWeight
		}
		if w, ok := l.pw[t.key]; ok {
			f *= w
		}
		if q.cited[j] {
			f *= l.p.RefBoost
		}
		c.s, c.raw, c.ev = s*f, raw[j]*f, raw[j]*act
		c.pre = c.s
		if q.headW > 0 { // ranking only (linkalign.go)
			c.s *= 1 + l.p.AlignBoost*q.align(t.sec)
		}
		cand = append(cand, c)
	}
	// slices' stable sort is sort.SliceStable's algorithm without its
	// reflection: the same comparisons, so the same order.
	slices.SortStableFunc(cand, func(a, b scored) int {
		switch {
		case a.s > b.s:
			return -1
		case b.s > a.s:
			return 1
		}
		return 0
	})
	return cand
}

// pick returns the passages q implements from its ranked candidates,
// the best of which the "implements nothing" decision (linknone.go) let
// through; ref is the candidate that decision read (ranked.ref).
func (l *linker) pick(q itemQuery, cand []scored, ref scored) []Match {
	// Further passages are linked when they score at least AlsoShare of
	// ref and match, with the words the passages before them do not
	// have, at least NovelShare of it: another part of the item, not a
	// second wording of the same part, and not a task of the item's own
	// agency (linkfurther.go). Of ref, not of the first: the
	// section alignment (linkalign.go) may rank a weaker passage first,
	// and ranks only (TestLinkAlignFurtherLinks).
	picked := []scored{cand[0]}
	for _, c := range cand[1:] {
		if len(picked) == l.p.MaxMatches {
			break
		}
		if c.raw < l.p.AlsoShare*ref.raw {
			continue // sorted by s: with MatchDecay a later one may score more
		}
		if !l.further(q, picked, c) {
			break // the item's own agency's other task (linkfurther.go)
		}
		if l.novel(q, c.j, picked) >= l.p.NovelShare*ref.raw {
			picked = append(picked, c)
		}
	}
	ms := make([]Match, len(picked))
	for i, c := range picked {
		t := &l.targets[c.j]
		ms[i] = Match{DocID: t.doc.ID, Number: t.doc.Number, Passage: t.p.ID, Title: t.p.Title, Score: math.Round(c.s*100) / 100}
	}
	return ms
}

// own is q's BM25 score against target j over the words of the item and
// of its topic headings: the measure of "implements nothing specific", so
// an agency heading ("2. Phòng Văn hóa:") sharing a word with a passage
// does not make up for a task the passage does not mention.
func (l *linker) own(q itemQuery, j int) float64 {
	b := &l.targets[j].bag
	s := 0.0
	for _, term := range q.order {
		if _, ok := q.own[term]; !ok {
			continue
		}
		if tf := b.tf[term]; tf > 0 {
			s += q.terms[term] * l.weight(term) * bm25(tf, l.df[term], l.n, b.n, l.avg)
		}
	}
	return s
}

// scored is a target and its score for an item.
type scored struct {
	j   int
	s   float64
	pre float64 // s without the section alignment (linkalign.go): the "implements nothing" decision ranks by it
	raw float64 // s without MatchDecay (further links are judged by it)
	// The parts of raw, for the "implements nothing" measures
	// (linknone.go): raw = ev × actor × the ranking priors (GoalWeight on
	// a goal passage, the chain's ParentPrior).
	ev    float64 // the undecayed BM25 score × the action factor: the evidence of the words and the action
	actor float64 // the actor factor (1 when the agencies do not meet)
}

// novel is q's score against target j over the terms none of the picked
// targets has.
func (l *linker) novel(q itemQuery, j int, picked []scored) float64 {
	b := &l.targets[j].bag
	s := 0.0
	for _, term := range q.order {
		w := q.terms[term]
		tf := b.tf[term]
		if tf == 0 {
			continue
		}
		seen := false
		for _, p := range picked {
			if l.targets[p.j].bag.tf[term] > 0 {
				seen = true
				break
			}
		}
		if !seen {
			s += w * l.weight(term) * bm25(tf, l.df[term], l.n, b.n, l.avg)
		}
	}
	return s
}

func overlaps(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}
