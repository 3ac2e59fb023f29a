package corpus

// The plan's own goals as a bridge. A plan often states, in its goals
// ("II. MỤC TIÊU": "Hỗ trợ khẩn cấp lương thực, thực phẩm, nước uống …
// không để hộ dân nào thiếu ăn, thiếu nước uống"), what its parent asks in
// nearly the parent's words ("Cung ứng, tiếp tế kịp thời lương thực, thực
// phẩm … không được để người dân bị đói, bị rét, thiếu nước uống"), and
// then details it in items of its own words ("Phân bổ hàng hóa theo đúng
// mức độ thiệt hại …", "Trực tiếp tiếp nhận, bảo quản và cấp phát đến
// từng hộ"). An item that carries out one of the plan's goal lines
// implements what that goal line restates. So each goal line of the plan
// is linked like an item; an item's bridge to a passage is the largest,
// over the goal lines, of the item's likeness to the goal line (the cosine
// of their tf·idf vectors over the item's and the line's own words) times
// the passage's score for the line as a share of the line's best. With
// GoalBridge β, the item's ranking score × (1 + β × bridge). It ranks only:
// the "implements nothing" decision reads the undecayed score without it,
// as with MatchDecay. Off by default: measured in docs/design.md,
// i17-miss3.

import (
	"math"
	"sort"
)

// termVec is a sparse vector over terms sorted by name.
type termVec struct {
	terms []string
	w     []float64
	norm  float64
}

// ownVec is the tf·idf vector of q's own words (the item's and its topic
// headings'), idf over the linker's collection.
func (l *linker) ownVec(q *itemQuery) termVec {
	var v termVec
	for _, t := range q.order {
		tf, ok := q.own[t]
		if !ok || tf <= 0 || l.df[t] <= 0 {
			continue
		}
		w := tf * math.Log(1+l.n/l.df[t])
		v.terms = append(v.terms, t)
		v.w = append(v.w, w)
		v.norm += w * w
	}
	v.norm = math.Sqrt(v.norm)
	return v
}

// cosine of two vectors (0 when either is empty).
func (a termVec) cosine(b termVec) float64 {
	if a.norm == 0 || b.norm == 0 {
		return 0
	}
	s := 0.0
	for i, j := 0, 0; i < len(a.terms) && j < len(b.terms); {
		switch {
		case a.terms[i] < b.terms[j]:
			i++
		case a.terms[i] > b.terms[j]:
			j++
		default:
			s += a.w[i] * b.w[j]
			i++
			j++
		}
	}
	return s / (a.norm * b.norm)
}

// goalBridge weighs the ranked candidates of every item in rs by its
// bridge through the plan's goal lines and orders them again.
func (l *linker) goalBridge(o *Outline, rs []ranked, keys, primary map[string]bool) {
	type goalLine struct {
		vec   termVec
		share map[int]float64 // target → its score for the line / the line's best
	}
	var gs []goalLine
	for g := range o.Items {
		if it := &o.Items[g]; it.Kind != SectionGoals || it.Heading {
			continue
		}
		q := l.query(o, g, keys, primary)
		cand := l.rank(q)
		if len(cand) == 0 || cand[0].s <= 0 {
			continue
		}
		gl := goalLine{vec: l.ownVec(&q), share: make(map[int]float64, len(cand))}
		for _, c := range cand {
			gl.share[c.j] = c.s / cand[0].s
		}
		gs = append(gs, gl)
	}
	if len(gs) == 0 {
		return
	}
	sims := make([]float64, len(gs))
	for k := range rs {
		r := &rs[k]
		v := l.ownVec(&r.q)
		for g := range gs {
			sims[g] = v.cosine(gs[g].vec)
		}
		for m := range r.cand {
			c := &r.cand[m]
			b := 0.0
			for g := range gs {
				b = max(b, sims[g]*gs[g].share[c.j])
			}
			c.s *= 1 + l.p.GoalBridge*b
		}
		sort.SliceStable(r.cand, func(a, b int) bool { return r.cand[a].s > r.cand[b].s })
	}
}
