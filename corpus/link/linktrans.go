package link

// A translation model between implementing and implemented text, learned
// from the store being linked without labels (issue 17's paraphrase
// class; docs/log/i29-self.md): IBM Model 1's t(item term | passage
// term), estimated by EM over the pairs (item, its first passage) the
// linker is confident about (ConfidentPairs), then used to rank an
// item's first TransK candidates again (TransWeight, ranking only, as
// the section alignment).

import (
	"math"
	"slices"
	"strings"

	"github.com/vanban/vanban/corpus/outline"
)

// TransPair is an item's own terms and the terms of its first passage,
// sorted, with the confidence of the link (first score over second).
type TransPair struct {
	Item, Passage []string
	Margin        float64
}

// ConfidentPairs links plan as PlanWith does (p, cache; no background)
// and returns, for each item whose links are emitted and whose first
// candidate scores at least margin times its second (an only candidate
// counts as confident), the item's own terms and its first passage's.
func ConfidentPairs(plan Doc, parents []Doc, outlines []*outline.Outline, p Params, cache *Cache, margin float64) []TransPair {
	_, l, o, rs := linkPlanRankedIn(plan, nil, parents, outlines, p, cache, nil)
	vs := l.noneVecs(rs, false)
	keys := parentKeys(parents)
	own := newOwnArticle(&plan, keys, o, p)
	var out []TransPair
	for k, r := range rs {
		if len(r.cand) == 0 || vs[k][p.NoneMeasure] < p.NoneShare || l.directedElsewhere(r) || own.withholds(l, r) || l.ownExecution(o, r, keys) {
			continue
		}
		m := math.Inf(1)
		if len(r.cand) > 1 && r.cand[1].s > 0 {
			m = r.cand[0].s / r.cand[1].s
		}
		if m < margin {
			continue
		}
		out = append(out, TransPair{Item: sortedKeys(r.q.own), Passage: sortedKeys(l.targets[r.cand[0].j].bag.tf), Margin: m})
	}
	return out
}

// Translation is t(f|e), the probability that an item says term f where
// its passage says e (e "" is Model 1's empty word). It is a Background
// with neither associations nor frequencies, so that PlanWith takes it
// where it takes one.
type Translation struct {
	t    map[string][]transCell // t(f|·) of each f, sorted by e
	Mode TransMode
}

// transCell is t(f|e) of one e.
type transCell struct {
	e string
	p float64
}

// TransMode is how an item's terms are scored against a passage.
type TransMode int

const (
	// TransModel1 is Model 1's likelihood: the mean over the item's
	// known terms f of log((t(f|∅) + Σ_e t(f|e)) / (|E|+1)).
	TransModel1 TransMode = iota
	// TransBridge counts only the item's terms the passage lacks: the
	// mean over them of the best t(f|e) of a passage term e ≠ f.
	TransBridge
)

// Related is nil: a translation model brings no associations.
func (*Translation) Related(string) []RelatedTerm { return nil }

// DocFreq is none: a translation model counts no documents.
func (*Translation) DocFreq(string) (float64, float64) { return 0, 0 }

// LearnTranslation estimates t(f|e) from pairs by iters rounds of EM
// (IBM Model 1), each pair weighing 1, or with weighted its confidence
// 1−1/Margin (0 for a first passage scoring what the second does). The same pairs give the same
// table to the last bit: every sum runs in the pairs' and terms' order.
func LearnTranslation(pairs []TransPair, iters int, weighted bool) *Translation {
	ids := map[string]int32{"": 0}
	names := []string{""}
	id := func(s string) int32 {
		if v, ok := ids[s]; ok {
			return v
		}
		v := int32(len(names))
		ids[s] = v
		names = append(names, s)
		return v
	}
	// Each pair's items and passage terms as ids; the (f, e) cells as
	// indexes into one table, found by a map built once.
	type ipair struct {
		f, e []int32
		w    float64
	}
	ps := make([]ipair, len(pairs))
	for k, p := range pairs {
		w := 1.0
		if weighted {
			w = 1 - 1/p.Margin
		}
		e := []int32{0}
		for _, s := range p.Passage {
			e = append(e, id(s))
		}
		f := make([]int32, 0, len(p.Item))
		for _, s := range p.Item {
			f = append(f, id(s))
		}
		ps[k] = ipair{f, e, w}
	}
	cell := map[uint64]int32{}
	var cf, ce []int32
	idx := make([][]int32, len(ps)) // per pair, |f|×|e| cells
	for k, p := range ps {
		c := make([]int32, 0, len(p.f)*len(p.e))
		for _, f := range p.f {
			for _, e := range p.e {
				key := uint64(f)<<32 | uint64(e)
				v, ok := cell[key]
				if !ok {
					v = int32(len(cf))
					cell[key] = v
					cf, ce = append(cf, f), append(ce, e)
				}
				c = append(c, v)
			}
		}
		idx[k] = c
	}
	t := make([]float64, len(cf))
	for i := range t {
		t[i] = 1
	}
	count := make([]float64, len(cf))
	total := make([]float64, len(names))
	for it := 0; it < iters; it++ {
		clear(count)
		for k, p := range ps {
			c := idx[k]
			ne := len(p.e)
			for a := range p.f {
				row := c[a*ne : (a+1)*ne]
				z := 0.0
				for _, v := range row {
					z += t[v]
				}
				if z == 0 {
					continue
				}
				for _, v := range row {
					count[v] += p.w * t[v] / z
				}
			}
		}
		clear(total)
		for v, n := range count {
			total[ce[v]] += n
		}
		for v, n := range count {
			if tot := total[ce[v]]; tot > 0 {
				t[v] = n / tot
			} else {
				t[v] = 0
			}
		}
	}
	out := &Translation{t: map[string][]transCell{}}
	for v := range t {
		if t[v] >= 1e-4 {
			f := names[cf[v]]
			out.t[f] = append(out.t[f], transCell{names[ce[v]], t[v]})
		}
	}
	for _, cs := range out.t {
		slices.SortFunc(cs, func(a, b transCell) int { return strings.Compare(a.e, b.e) })
	}
	return out
}

// P is t(f|e) (0 when never learned).
func (tr *Translation) P(f, e string) float64 {
	cs := tr.t[f]
	if i, ok := slices.BinarySearchFunc(cs, e, func(c transCell, e string) int { return strings.Compare(c.e, e) }); ok {
		return cs[i].p
	}
	return 0
}

// score is the translation score of the item's terms f (sorted) against
// target b's terms, and false when no term of the item is known.
func (tr *Translation) score(f []string, b *bag) (float64, bool) {
	s, n := 0.0, 0
	for _, term := range f {
		cs := tr.t[term]
		if cs == nil {
			continue
		}
		switch tr.Mode {
		case TransBridge:
			if b.tf[term] > 0 {
				continue
			}
			best := 0.0
			for _, c := range cs {
				if c.e != "" && c.e != term && b.tf[c.e] > 0 {
					best = max(best, c.p)
				}
			}
			s += best
		default:
			z := 0.0
			for _, c := range cs {
				if c.e == "" || b.tf[c.e] > 0 {
					z += c.p
				}
			}
			s += math.Log(max(z, 1e-9) / float64(len(b.tf)+1))
		}
		n++
	}
	if n == 0 {
		return 0, false
	}
	return s / float64(n), true
}

// translate ranks q's first TransK candidates again by the translation
// model (Params.TransWeight): a candidate's score s is multiplied by
// 1+TransWeight·T, T its translation score as a share of the best of the
// K (Model 1: exp of the difference from the best mean log-likelihood;
// the bridge: the score over the best). Ranking only: pre and raw stay.
func (l *linker) translate(q itemQuery, cand []scored) {
	tr, ok := l.bg.(*Translation)
	if !ok || l.p.TransWeight == 0 || len(cand) < 2 {
		return
	}
	k := min(len(cand), l.p.TransK)
	f := sortedKeys(q.own)
	ts := make([]float64, k)
	known := make([]bool, k)
	best, any := math.Inf(-1), false
	for i := range k {
		ts[i], known[i] = tr.score(f, &l.targets[cand[i].j].bag)
		if known[i] {
			best, any = max(best, ts[i]), true
		}
	}
	if !any {
		return
	}
	for i := range k {
		if !known[i] {
			continue
		}
		share := 0.0
		switch tr.Mode {
		case TransBridge:
			if best > 0 {
				share = ts[i] / best
			}
		default:
			share = math.Exp(ts[i] - best)
		}
		cand[i].s *= 1 + l.p.TransWeight*share
	}
	slices.SortStableFunc(cand[:k], func(a, b scored) int {
		switch {
		case a.s > b.s:
			return -1
		case b.s > a.s:
			return 1
		}
		return 0
	})
}
