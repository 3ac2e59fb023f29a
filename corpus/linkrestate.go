package corpus

// One task stated twice: a parent's "Tổ chức thực hiện" paragraph ("Bộ
// Công an chỉ đạo … ; …") often restates, in other words and among other
// tasks, a task its body states on its own. The two are one task; the
// body's statement is the one a plan implements. When the best passage for
// an item is such a paragraph and a body task it restates scores at least
// RestateScore of it, the body task takes its place (preferRestated). A
// body task is restated when the paragraph holds at least RestateShare of
// the idf mass of its syllable pairs (restatedShare).

import "math"

// preferRestated moves to the front of cand the first body task the best
// (an organisation passage) restates, when one scores RestateScore of it;
// it takes the best's score.
func (l *linker) preferRestated(cand []scored) {
	if l.p.RestateShare == 0 || len(cand) < 2 || l.targets[cand[0].j].p.Kind != SectionOrganisation {
		return
	}
	top := cand[0]
	for i, c := range cand[1:] {
		if c.s < l.p.RestateScore*top.s {
			return
		}
		if l.targets[c.j].p.Kind != SectionTasks || l.restatedShare(c.j, top.j) < l.p.RestateShare {
			continue
		}
		copy(cand[1:i+2], cand[:i+1])
		cand[0] = scored{c.j, top.s, top.raw}
		return
	}
}

// restatedShare is the share of the idf mass of target t's syllable pairs
// that target o holds.
func (l *linker) restatedShare(t, o int) float64 {
	tb, ob := &l.targets[t].bag, &l.targets[o].bag
	all, held := 0.0, 0.0
	for term := range tb.tf {
		if !isPair(term) {
			continue
		}
		df := l.df[term]
		idf := math.Log(1 + (l.n-df+0.5)/(df+0.5))
		all += idf
		if ob.tf[term] > 0 {
			held += idf
		}
	}
	if all == 0 {
		return 0
	}
	return held / all
}
