package link

// Many small matches: a long general passage ("phối hợp với các", "chịu
// trách nhiệm", "các giải pháp" in a 550-word paragraph) can outscore the
// task an item implements on the number of its small matches. With
// MatchDecay, a passage's term matches are counted strongest first, the
// i-th at MatchDecay^i of its score: the strong matches count fully, the
// long tail of weak ones less and less.

import (
	"slices"
)

// decayed sets l.acc to the decayed score of every target for q that
// rank scores (those of the parents q may link to: q.only); the others'
// stay 0.
func (l *linker) decayed(q itemQuery) {
	if l.parts == nil {
		l.parts = make([][]float64, len(l.targets))
	}
	for j := range l.parts {
		l.parts[j] = l.parts[j][:0]
	}
	for _, term := range q.order {
		w := q.terms[term]
		for _, p := range l.post[term] {
			l.parts[p.target] = append(l.parts[p.target], w*p.w)
		}
	}
	for j, ps := range l.parts {
		if len(ps) == 0 || q.only != nil && !q.only[l.targets[j].key] {
			continue
		}
		sortShort(ps)
		f, s := 1.0, 0.0
		for i := len(ps) - 1; i >= 0; i-- {
			s += f * ps[i]
			f *= l.p.MatchDecay
		}
		l.acc[j] = s
	}
}

// shortSort is the longest list sortShort sorts by insertion: a target's
// matches of one item are mostly fewer, where insertion on < takes half
// of slices.Sort's time (pattern-defeating quicksort's pivots, and
// cmp.Less's test for NaN, cost more than the moves); longer lists, a
// long item's against a long passage, keep slices.Sort's n log n.
const shortSort = 48

// sortShort sorts ps ascending. Equal scores are equal floats, so their
// order does not change the decayed sum.
func sortShort(ps []float64) {
	if len(ps) > shortSort {
		slices.Sort(ps)
		return
	}
	for i := 1; i < len(ps); i++ {
		x, k := ps[i], i
		for ; k > 0 && x < ps[k-1]; k-- {
			ps[k] = ps[k-1]
		}
		ps[k] = x
	}
}
