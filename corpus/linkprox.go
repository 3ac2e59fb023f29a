package corpus

// Where in a passage an item's words fall. A long general passage (a
// "hub": a ministry's paragraph of "Tổ chức thực hiện", a province's
// "chịu trách nhiệm toàn diện…") shares a few words with almost every
// item, each in another of its sentences; the task an item implements
// shares them in one stretch of text, since it states the same thing. So
// with ProxPower > 0 a passage's score is multiplied by its concentration
// to the power ProxPower: the share of its text score that falls inside
// its best window of ProxWindow syllables (each matched term counted once
// in a window, at its whole score). A passage shorter than the window,
// and one whose matches sit together, keep their score; one whose matches
// are spread over a long text loses. A passage's headings (its context)
// belong to all of its text and count inside every window.

import (
	"math"
	"slices"
)

// termPositions is the syllable index of every occurrence of each term of
// terms (termsOf's order: each syllable, then the pair it ends).
func termPositions(terms []string) (pos map[string][]int32, n int32) {
	pos = make(map[string][]int32, len(terms))
	i := int32(-1)
	for _, t := range terms {
		if !isPair(t) {
			i++
		}
		pos[t] = append(pos[t], max(i, 0))
	}
	return pos, i + 1
}

// hit is a term of an item matched in a target, with its score there.
type hit struct {
	term string
	s    float64
}

// occ is an occurrence of a matched term: its position and the index of
// the term among a target's hits.
type occ struct {
	pos int32
	k   int32
}

// concentration is the share of a target's score over hits that lies in
// its best window of w syllables, its context's share counting in every
// window: 1 when the matches sit within w syllables of each other.
func (l *linker) concentration(t *target, hits []hit, w int32) float64 {
	if t.length <= w {
		return 1
	}
	occs := l.occs[:0]
	ctx, text := 0.0, 0.0
	for k, h := range hits {
		ps := t.pos[h.term]
		if len(ps) == 0 {
			ctx += h.s // a term of the headings only
			continue
		}
		text += h.s
		for _, p := range ps {
			occs = append(occs, occ{p, int32(k)})
		}
	}
	l.occs = occs
	if text == 0 {
		return 1
	}
	slices.SortFunc(occs, func(a, b occ) int { return int(a.pos - b.pos) })
	if cap(l.inWin) < len(hits) {
		l.inWin = make([]int32, len(hits))
	}
	in := l.inWin[:len(hits)]
	clear(in)
	best, cur, lo := 0.0, 0.0, 0
	for _, o := range occs {
		if in[o.k] == 0 {
			cur += hits[o.k].s
		}
		in[o.k]++
		for occs[lo].pos <= o.pos-w {
			k := occs[lo].k
			in[k]--
			if in[k] == 0 {
				cur -= hits[k].s
			}
			lo++
		}
		best = max(best, cur)
	}
	return (ctx + best) / (ctx + text)
}

// concentrate multiplies l.acc by each target's concentration for q to the
// power ProxPower.
func (l *linker) concentrate(q itemQuery) {
	if l.hits == nil {
		l.hits = make([][]hit, len(l.targets))
	}
	for j := range l.hits {
		l.hits[j] = l.hits[j][:0]
	}
	for term, w := range q.terms {
		for _, p := range l.post[term] {
			l.hits[p.target] = append(l.hits[p.target], hit{term, w * p.w})
		}
	}
	win := int32(l.p.ProxWindow + l.p.ProxItem*float64(q.length))
	for j, hs := range l.hits {
		if len(hs) == 0 || l.acc[j] <= 0 {
			continue
		}
		if c := l.concentration(&l.targets[j], hs, win); c < 1 {
			l.acc[j] *= math.Pow(c, l.p.ProxPower)
		}
	}
}
