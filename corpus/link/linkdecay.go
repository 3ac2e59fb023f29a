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

// decayed sets l.acc to the decayed score of every target for q.
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
		if len(ps) == 0 {
			continue
		}
		slices.Sort(ps)
		f, s := 1.0, 0.0
		for i := len(ps) - 1; i >= 0; i-- {
			s += f * ps[i]
			f *= l.p.MatchDecay
		}
		l.acc[j] = s
	}
}
