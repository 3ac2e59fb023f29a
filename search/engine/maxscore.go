package engine

// The top-k evaluation (MaxScore, Turtle & Flood 1995). bleve walks every
// posting of every query term: a long question of 20 words is over 100
// term queries (six views, restored spellings), and most of the time goes
// to the long postings lists of the terms that weigh least. The engine
// scores the same query with bleve's own term scorers and gives every
// document the score bleve would give it; but it keeps the k best scores
// seen so far, and a document whose best possible score is below the k-th
// is not scored: the lists of the lightest terms, whose bounds add up to
// less than that, are only moved forward (Advance, which skips whole
// blocks) to the documents the other lists propose. The bounds take
// bleve's coordination factors into account. The hits are the same as
// bleve's; the total is then only the number of documents scored. A query
// with many postings is ranked by two engines at once, one per half of the
// index, which share the k-th best score (parallelTopK).

import (
	"container/heap"
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"sync/atomic"

	bsearch "github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/internal/bm25"
)

// maxScoreSearcher is the bleve searcher NewSearcher returns. A document's score
// is bleve's:
//
//	(text + numbers) × share of them matched   — the must disjunction
//	+ expansion                                — a should clause
//	+ Σ intents matched: term + factor × text  — nested should clauses
type maxScoreSearcher struct {
	text      planLists  // lists ascending by upper bound, after start
	numbers   []*posting // always read
	partials  planLists  // always read; one clause per partial number
	expansion planLists  // lists descending by upper bound
	intents   []*posting // always read
	all       []*posting
	k         int
	weight    float64
	qnorm     float64
	lo, hi    uint64         // the documents this searcher ranks: [lo, hi)
	shared    *atomic.Uint64 // the k-th best score of all engines (float64 bits); nil alone
	ctx       context.Context
	steps     int // candidates since the context was last checked

	started   bool
	prefix    []float64 // prefix[i]: the bound of a document only text.lists[:i] match
	restCnt   []int     // per clause: how many of text.lists[:essential] are in it
	restSum   []float64 // per clause: the sum of their bounds
	rc        []int     // restCnt, as a candidate's lists are read
	rs        []float64 // restSum, likewise
	cv        []float64 // per clause: its bound for the candidate
	expBound  float64   // the sum of the bounds of the expansion lists
	essential int       // text.lists[essential:] propose documents
	best      scoreHeap // the k best scores returned
	theta     float64   // the k-th best score, 0 before k
	cut       float64   // theta lowered by Round's error: bounds below it prune
	done      bool
	filter    *docFilter // the documents allowed; nil: all
	exclude   *docFilter // the documents left out; nil: none
	iscore    []float64  // per intent: its term's score at the candidate, -1 if none
	prop      []*posting
	pid       []uint64   // per proposer: its document, kept beside prop for the candidate scan
	propFrom  int        // the essential index prop was made for
	atD       []*posting // the proposers on the candidate
	atI       []int      // their indexes in prop
	hits      []*posting // the lighter text lists on the candidate, counted at their bounds
	hitB      []float64  // those bounds
	pst       *Postings  // the segments' document ranges; nil: bleve's readers
	blocked   bool       // some text list has block maxima
	bb        []float64  // per text list: its block bound at the candidate
	maybe     []bool     // per text list: it may have a posting at the candidate
	// the block bb and maybe are for, and restCnt and restSum there
	bseg, bblk, bess int
	bCnt             []int
	bSum             []float64
	bshift           uint // the blocks' size (Cache.shift)
}

func (s *maxScoreSearcher) start(ctx *bsearch.SearchContext) error {
	s.started = true
	for _, l := range s.all {
		l.ub = upperBound(l.s, l.boost, l.tfmax, s.qnorm)
		if l.blocks != nil && s.pst != nil && l.kind == textList {
			l.blocks.scale = upperBound(l.s, l.boost, 1, s.qnorm)
			s.blocked = true
		}
	}
	s.bb, s.maybe = make([]float64, len(s.text.lists)), make([]bool, len(s.text.lists))
	s.bCnt, s.bSum, s.bseg = make([]int, len(s.text.clauseLen)), make([]float64, len(s.text.clauseLen)), -1
	byBound := func(a, b *posting) int {
		switch {
		case a.ub < b.ub:
			return -1
		case a.ub > b.ub:
			return 1
		}
		return 0
	}
	slices.SortStableFunc(s.text.lists, byBound)
	// The bound of a document that only the lightest lists match: bleve
	// scales each clause by the share of its terms that matched and the
	// text by the share of clauses, so the bound is that of matching all
	// of them, shares included — far below the plain sum of their bounds.
	nc := len(s.text.clauseLen)
	cnt, sum := make([]int, nc), make([]float64, nc)
	s.prefix = make([]float64, len(s.text.lists)+1)
	for i, l := range s.text.lists {
		cnt[l.clause]++
		sum[l.clause] += l.ub
		s.prefix[i+1] = s.text.bound(cnt, sum)
	}
	s.restCnt, s.restSum = make([]int, nc), make([]float64, nc)
	s.rc, s.rs, s.cv = make([]int, nc), make([]float64, nc), make([]float64, nc)
	slices.SortStableFunc(s.expansion.lists, func(a, b *posting) int { return byBound(b, a) })
	for _, l := range s.expansion.lists {
		s.expBound += l.ub
	}
	s.iscore = make([]float64, len(s.intents))
	for _, l := range slices.Concat(s.text.lists, s.numbers, s.partials.lists, s.intents) {
		var err error
		if s.lo > 0 {
			err = l.advance(ctx, s.lo)
		} else {
			err = l.next(ctx)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// match cannot enter the top k.
func (s *maxScoreSearcher) moveEssential() {
	for s.essential < len(s.text.lists) && s.prefix[s.essential+1]+s.expBound < s.cut {
		l := s.text.lists[s.essential]
		s.restCnt[l.clause]++
		s.restSum[l.clause] += l.ub
		s.essential++
	}
}

func (s *maxScoreSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	if s.done {
		return nil, nil
	}
	if !s.started {
		if err := s.start(ctx); err != nil {
			return nil, err
		}
	}
	for {
		if s.steps++; s.steps >= 4096 {
			s.steps = 0
			if s.ctx != nil {
				if err := s.ctx.Err(); err != nil {
					return nil, err
				}
			}
		}
		if s.shared != nil {
			if t := math.Float64frombits(s.shared.Load()); t > s.theta {
				s.setTheta(t)
				s.moveEssential()
			}
		}
		// the candidate: the lowest document of the essential text lists,
		// the numbers and the intents' terms
		// (scanned in pid, a dense copy of the proposers' documents: the
		// scan ran at every candidate over scattered postings)
		prop := s.proposers()
		d := s.lowest()
		s.atD = s.atD[:0]
		for _, i := range s.atI {
			s.atD = append(s.atD, prop[i])
		}
		if d >= s.hi {
			s.done = true
			return nil, nil
		}
		if s.filter != nil {
			in, next, err := s.filter.at(ctx, d)
			if err != nil {
				return nil, err
			}
			if !in {
				// nothing before the filter's next document can match
				if next >= s.hi {
					s.done = true
					return nil, nil
				}
				for _, l := range s.atD {
					if err := l.advance(ctx, next); err != nil {
						return nil, err
					}
				}
				s.movedAtD()
				continue
			}
		}
		if s.exclude != nil {
			out, _, err := s.exclude.at(ctx, d)
			if err != nil {
				return nil, err
			}
			if out {
				for _, l := range s.atD {
					if err := l.next(ctx); err != nil {
						return nil, err
					}
				}
				s.movedAtD()
				continue
			}
		}
		dm, err := s.score(ctx, d)
		if err != nil || dm != nil {
			return dm, err
		}
	}
}

// score scores the candidate d and moves the proposing lists past it. It
// returns nil when d cannot enter the top k or is not a match.
func (s *maxScoreSearcher) score(ctx *bsearch.SearchContext, d uint64) (*bsearch.DocumentMatch, error) {
	var out *bsearch.DocumentMatch
	take := func(l *posting) {
		if out == nil {
			out, l.cur = l.match(), nil
		}
	}
	// what is known at d: the intents, the numbers, the essential lists
	var mult, iadd float64 // intents: Σ factor, Σ term score
	for i, l := range s.intents {
		s.iscore[i] = -1
		if l.id == d {
			s.iscore[i] = l.match().Score
			mult += l.factor
			iadd += s.iscore[i]
		}
	}
	var nsum float64
	nmatched := 0
	for _, l := range s.numbers {
		if l.id == d {
			nsum += l.match().Score
			nmatched++
			take(l)
		}
	}
	if len(s.partials.clauseLen) > 0 {
		// each partial number is a part of its own, scaled by the share
		// of its terms that matched
		s.partials.reset()
		for _, l := range s.partials.lists {
			if l.id == d {
				s.partials.add(l)
				take(l)
			}
		}
		for c, sum := range s.partials.sum {
			if m := s.partials.matched[c]; m > 0 {
				nsum += sum * float64(m) / float64(s.partials.clauseLen[c])
				nmatched++
			}
		}
	}
	s.text.reset()
	for _, l := range s.atD {
		if l.kind == textList {
			if err := l.resolve(); err != nil {
				return nil, err
			}
			s.text.add(l)
			take(l)
		}
	}
	// the lighter text lists, heaviest first, while d can still make it:
	// the text's bound is kept per clause (matched and unread terms)
	// the lighter lists' bounds in d's block (or no posting there) where
	// they have block maxima: never above the whole-index bounds, so they
	// are taken at once (the whole-index bounds were checked first, and
	// their clause bounds summed, at every candidate)
	blocks := s.blocked && s.essential > 0
	if blocks {
		s.blockBounds(d)
	} else {
		copy(s.rc, s.restCnt)
		copy(s.rs, s.restSum)
	}
	s.hits, s.hitB = s.hits[:0], s.hitB[:0]
	clauses := len(s.text.clauseLen)
	total, touched := s.clauseBounds()
	pruned := func() bool {
		tb := total * float64(touched) / float64(clauses) * (1 + 1e-9)
		return (1+mult)*tb+nsum+iadd+s.expBound < s.cut
	}
	complete := true
	for i := s.essential - 1; i >= 0; i-- {
		if blocks && !s.maybe[i] {
			continue // no posting of the list in d's block
		}
		if pruned() {
			complete = false
			break
		}
		l := s.text.lists[i]
		c := l.clause
		if err := l.advance(ctx, d); err != nil {
			return nil, err
		}
		s.rc[c]--
		if blocks {
			s.rs[c] -= s.bb[i]
		} else {
			s.rs[c] -= l.ub
		}
		if s.rc[c] == 0 {
			s.rs[c] = 0
		}
		if l.id == d {
			// counted at its bound: its score is read only if d is
			// not ruled out (most candidates are)
			b := l.ub
			if blocks {
				b = s.bb[i]
			}
			s.text.sum[c] += b
			s.text.matched[c]++
			s.hits, s.hitB = append(s.hits, l), append(s.hitB, b)
		}
		old := s.cv[c]
		s.cv[c] = 0
		if a := s.text.matched[c] + s.rc[c]; a > 0 {
			s.cv[c] = float64(a) / float64(s.text.clauseLen[c]) * (s.text.sum[c] + s.rs[c])
		} else {
			touched--
		}
		total += s.cv[c] - old
	}
	var score float64
	ok := false
	if complete && len(s.hits) > 0 {
		// the lighter lists' scores in place of their bounds, heaviest
		// first, while d can still make it
		for i, l := range s.hits {
			if err := l.resolve(); err != nil {
				return nil, err
			}
			s.text.sum[l.clause] += l.match().Score - s.hitB[i]
			if total, touched = s.clauseBounds(); pruned() {
				complete = false
				break
			}
		}
	}
	if complete && len(s.hits) > 0 {
		// the exact sums: the scores added in the order they matched in
		s.text.reset()
		for _, l := range slices.Concat(s.atD, s.hits) {
			if l.kind != textList {
				continue
			}
			if err := l.resolve(); err != nil {
				return nil, err
			}
			s.text.add(l)
			take(l)
		}
	}
	if complete {
		var err error
		if score, ok, err = s.exact(ctx, d, nsum, nmatched); err != nil {
			return nil, err
		}
	}
	// move the proposing lists past d
	for _, l := range s.atD {
		if err := l.next(ctx); err != nil {
			return nil, err
		}
	}
	s.movedAtD()
	if !ok || score < s.theta {
		if out != nil {
			ctx.DocumentMatchPool.Put(out)
		}
		return nil, nil
	}
	out.Score = score
	if len(s.best) < s.k {
		heap.Push(&s.best, score)
	} else if score > s.best[0] {
		s.best[0] = score
		heap.Fix(&s.best, 0)
	}
	if len(s.best) == s.k && s.best[0] > s.theta {
		s.setTheta(s.best[0])
		if s.shared != nil {
			// publish the k-th best if it is the best bound of all engines
			for {
				old := s.shared.Load()
				if math.Float64frombits(old) >= s.theta || s.shared.CompareAndSwap(old, math.Float64bits(s.theta)) {
					break
				}
			}
		}
		s.moveEssential()
	}
	return out, nil
}

// clauseBounds sets cv to each clause's bound for the candidate (the terms
// matched and the unread terms rc, rs) and returns the text's bound before
// the share of clauses (the sum of cv) and the number of clauses counted.
func (s *maxScoreSearcher) clauseBounds() (total float64, touched int) {
	for c := range s.text.clauseLen {
		s.cv[c] = 0
		if a := s.text.matched[c] + s.rc[c]; a > 0 {
			touched++
			s.cv[c] = float64(a) / float64(s.text.clauseLen[c]) * (s.text.sum[c] + s.rs[c])
			total += s.cv[c]
		}
	}
	return total, touched
}

// blockBounds sets rc and rs from the lighter text lists' bounds in d's
// block (bb), leaving out the lists without a posting there (maybe). They
// are computed once per block (and set of lighter lists): the candidates
// of a block share them.
func (s *maxScoreSearcher) blockBounds(d uint64) {
	seg := s.bseg
	if seg < 0 || d < s.pst.offsets[seg] || d >= s.pst.offsets[seg+1] {
		seg = s.pst.segmentOf(d)
	}
	blk := int((d - s.pst.offsets[seg]) >> s.bshift)
	if seg != s.bseg || blk != s.bblk || s.essential != s.bess {
		s.bseg, s.bblk, s.bess = seg, blk, s.essential
		clear(s.bCnt)
		clear(s.bSum)
		for i, l := range s.text.lists[:s.essential] {
			b, maybe := l.ub, true
			if l.blocks != nil {
				b, maybe = l.blocks.at(seg, blk, l.ub)
			}
			s.bb[i], s.maybe[i] = b, maybe
			if maybe {
				s.bCnt[l.clause]++
				s.bSum[l.clause] += b
			}
		}
	}
	copy(s.rc, s.bCnt)
	copy(s.rs, s.bSum)
}

// proposers are the lists whose documents are candidates: the numbers,
// the intents' terms and the essential text lists.
func (s *maxScoreSearcher) proposers() []*posting {
	if s.prop == nil || s.propFrom != s.essential {
		s.prop = slices.Concat(s.numbers, s.partials.lists, s.intents, s.text.lists[s.essential:])
		s.propFrom = s.essential
		s.pid = s.pid[:0]
		for _, l := range s.prop {
			s.pid = append(s.pid, l.id)
		}
	}
	return s.prop
}

// lowest returns the lowest document of the proposers (pid) and sets atI
// to the indexes of the proposers on it, in prop's order. Two passes
// without hard-to-predict branches: the minimum over four independent
// lanes, then the indexes written at every step and kept where equal.
func (s *maxScoreSearcher) lowest() uint64 {
	pid := s.pid
	m0, m1, m2, m3 := uint64(math.MaxUint64), uint64(math.MaxUint64), uint64(math.MaxUint64), uint64(math.MaxUint64)
	i := 0
	for ; i+4 <= len(pid); i += 4 {
		m0, m1, m2, m3 = min(m0, pid[i]), min(m1, pid[i+1]), min(m2, pid[i+2]), min(m3, pid[i+3])
	}
	for ; i < len(pid); i++ {
		m0 = min(m0, pid[i])
	}
	d := min(m0, m1, m2, m3)
	if cap(s.atI) < len(pid) {
		s.atI = make([]int, len(pid))
	}
	at := s.atI[:len(pid)]
	n := 0
	for i, id := range pid {
		at[n] = i
		if id == d {
			n++
		}
	}
	s.atI = at[:n]
	return d
}

// movedAtD copies the documents of the proposers on the candidate (atD),
// once they have moved, into pid.
func (s *maxScoreSearcher) movedAtD() {
	for j, i := range s.atI {
		s.pid[i] = s.atD[j].id
	}
}

// exact is d's score, once every text list is on or past d; ok is false
// when d is not a match, or its expansion cannot lift it into the top k.
func (s *maxScoreSearcher) exact(ctx *bsearch.SearchContext, d uint64, nsum float64, nmatched int) (float64, bool, error) {
	text, matched := s.text.score()
	parts := nmatched
	if matched {
		parts++
	}
	if parts == 0 {
		return 0, false, nil
	}
	must := (text + nsum) * float64(parts) / float64(1+len(s.numbers)+len(s.partials.clauseLen))
	var intents float64
	if matched {
		for i, l := range s.intents {
			if s.iscore[i] >= 0 {
				intents += s.iscore[i] + l.factor*text
			}
		}
	}
	score := must
	if len(s.expansion.lists) > 0 {
		s.expansion.reset()
		var known float64
		rest := s.expBound
		for _, l := range s.expansion.lists {
			if must+intents+known+rest < s.cut {
				return 0, false, nil
			}
			rest -= l.ub
			if err := l.advance(ctx, d); err != nil {
				return 0, false, err
			}
			if l.id == d {
				known += l.match().Score
				s.expansion.add(l)
			}
		}
		if e, ok := s.expansion.score(); ok {
			score += e
		}
	}
	if matched {
		for i, l := range s.intents {
			if s.iscore[i] >= 0 {
				score += s.iscore[i] + l.factor*text
			}
		}
	}
	return bm25.Round(score), true, nil
}

// setTheta makes t the k-th best score. Scores are rounded (bm25.Round) so
// that equal scores are equal whatever the order their terms were added
// in, and bleve's collector orders them by document ID: a document whose
// rounded score equals the k-th may still be among the k, so the bounds,
// which are not rounded, prune below theta lowered by Round's largest
// error (2⁻³⁶ relative), not below theta.
func (s *maxScoreSearcher) setTheta(t float64) {
	s.theta = t
	s.cut = t * (1 - 1e-10)
}

func (s *maxScoreSearcher) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	// Not called by the collector (the engine is the whole query); kept
	// correct: move the proposing lists to id, then go on.
	if len(id) != 8 {
		return nil, fmt.Errorf("top-k: unexpected internal id %x", id)
	}
	if !s.started {
		if err := s.start(ctx); err != nil {
			return nil, err
		}
	}
	target := binary.BigEndian.Uint64(id)
	for i, l := range s.proposers() {
		if err := l.advance(ctx, target); err != nil {
			return nil, err
		}
		s.pid[i] = l.id
	}
	return s.Next(ctx)
}

func (s *maxScoreSearcher) Close() error {
	var first error
	for _, l := range s.all {
		if err := l.s.Close(); err != nil && first == nil {
			first = err
		}
	}
	for _, f := range []*docFilter{s.filter, s.exclude} {
		if f != nil {
			if err := f.s.Close(); err != nil && first == nil {
				first = err
			}
		}
	}
	return first
}

func (s *maxScoreSearcher) Weight() float64 { return s.weight }

func (s *maxScoreSearcher) SetQueryNorm(n float64) {
	s.qnorm = n
	for _, l := range s.all {
		l.s.SetQueryNorm(n)
	}
}

func (s *maxScoreSearcher) Count() uint64 {
	var n uint64
	for _, l := range s.all {
		n += l.s.Count()
	}
	return n
}

func (s *maxScoreSearcher) Min() int { return 0 }

func (s *maxScoreSearcher) Size() int {
	n := 256 + 8*len(s.best)
	for _, l := range s.all {
		n += l.s.Size() + 64
	}
	return n
}

func (s *maxScoreSearcher) DocumentMatchPoolSize() int {
	n := len(s.all) + 1
	for _, f := range []*docFilter{s.filter, s.exclude} {
		if f != nil {
			n += f.s.DocumentMatchPoolSize() + 1
		}
	}
	return n
}
