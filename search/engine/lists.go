package engine

import (
	"encoding/binary"
	"fmt"
	"math"

	bsearch "github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
)

// posting is one term query's postings in the top-k searcher.
type posting struct {
	s      bsearch.Searcher
	rp     *replay                // the postings s scores, walked by the engine; nil: s walks its own
	blocks *listBlocks            // the list's block maxima; nil: none (blockmax.go)
	sctx   *bsearch.SearchContext // of the last read
	cur    *bsearch.DocumentMatch // nil before the first read, at the end, when taken, or not yet scored (match)
	id     uint64                 // cur's document; math.MaxUint64 at the end
	read   bool                   // the list has been read
	ub     float64                // the term's highest possible score
	boost  float64
	tfmax  float64 // the highest term-frequency factor of its documents (bounds.go)
	clause int     // in its planLists
	factor float64 // of an intent
	kind   int8    // textList, numberList, partialList, expansionList or intentList
	known  bool    // the frequency and norm of the posting rp stands on are read
	target [8]byte // the document Advance is asked for (no allocation per call)
}

const (
	textList int8 = iota
	numberList
	partialList
	expansionList
	intentList
)

// planLists are the postings of a disjunction of clauses (the text, the
// expansion, the patterns).
type planLists struct {
	lists     []*posting
	clauseLen []int
	sum       []float64 // per clause: the scores of the matching terms
	matched   []int     // per clause: how many terms matched
}

func (p *planLists) reset() {
	clear(p.sum)
	clear(p.matched)
}

func (p *planLists) add(l *posting) {
	p.sum[l.clause] += l.match().Score
	p.matched[l.clause]++
}

// bound is the text score of a document matching cnt[c] terms of clause c
// with scores summing to sum[c], computed as bleve does (see score).
func (p *planLists) bound(cnt []int, sum []float64) float64 {
	var text float64
	n := 0
	for c, k := range cnt {
		if k > 0 {
			n++
			text += sum[c] * float64(k) / float64(p.clauseLen[c])
		}
	}
	return text * float64(n) / float64(len(p.clauseLen)) * (1 + 1e-9)
}

// score is bleve's score of the disjunction: each clause a disjunction (sum ×
// the share of its terms that matched), the text a disjunction of clauses.
func (p *planLists) score() (float64, bool) {
	var text float64
	n := 0
	for c, sum := range p.sum {
		if p.matched[c] > 0 {
			n++
			text += sum * float64(p.matched[c]) / float64(p.clauseLen[c])
		}
	}
	if n == 0 {
		return 0, false
	}
	return text * float64(n) / float64(len(p.sum)), true
}
func internalID(dm *bsearch.DocumentMatch) (uint64, error) {
	if len(dm.IndexInternalID) != 8 {
		return 0, fmt.Errorf("top-k: unexpected internal id %x", dm.IndexInternalID)
	}
	return binary.BigEndian.Uint64(dm.IndexInternalID), nil
}

// upperBound is the highest score a term searcher can give: bleve's BM25
// term score is queryWeight·idf·BleveTF ≤ queryWeight·idf·tfmax, where
// tfmax is the highest BleveTF of the term's documents (bounds.go), at
// most MaxBleveTF (bm25); queryWeight = boost·idf·queryNorm and Weight() =
// (boost·idf)².
func upperBound(s bsearch.Searcher, boost, tfmax, qnorm float64) float64 {
	if boost <= 0 {
		return 0
	}
	return s.Weight() * qnorm * tfmax / boost * (1 + 1e-9)
}

// next moves the list to its next document.
func (l *posting) next(ctx *bsearch.SearchContext) error {
	l.drop(ctx)
	if l.rp != nil {
		d, err := l.rp.termReader.Next(&l.rp.tfd)
		return l.setRead(ctx, d, err)
	}
	dm, err := l.s.Next(ctx)
	return l.set(dm, err)
}

// advance moves the list to the first document at or after id.
func (l *posting) advance(ctx *bsearch.SearchContext, id uint64) error {
	if l.read && l.id >= id {
		return nil
	}
	l.drop(ctx)
	if l.rp != nil {
		d, err := l.rp.termReader.advance(id, &l.rp.tfd)
		return l.setRead(ctx, d, err)
	}
	binary.BigEndian.PutUint64(l.target[:], id)
	dm, err := l.s.Advance(ctx, l.target[:])
	return l.set(dm, err)
}

// drop gives the current match back to the pool.
func (l *posting) drop(ctx *bsearch.SearchContext) {
	if l.cur != nil {
		ctx.DocumentMatchPool.Put(l.cur)
		l.cur = nil
	}
}

func (l *posting) set(dm *bsearch.DocumentMatch, err error) error {
	l.read, l.cur, l.id = true, dm, math.MaxUint64
	if err != nil {
		l.cur = nil
		return err
	}
	if dm != nil {
		l.id, err = internalID(dm)
	}
	return err
}

// setRead records a read of the engine's own walk (rp): the document, not
// yet scored.
func (l *posting) setRead(ctx *bsearch.SearchContext, d *index.TermFieldDoc, err error) error {
	l.read, l.sctx, l.id = true, ctx, math.MaxUint64
	if err != nil {
		return err
	}
	if d != nil {
		l.id = l.rp.num
		l.known = !l.rp.lazy
	}
	return nil
}

// resolve reads the frequency and norm of the posting a lazy list stands
// on (cursor.go), before match scores it.
func (l *posting) resolve() error {
	if l.rp == nil || l.known || l.id == math.MaxUint64 {
		return nil
	}
	if err := l.rp.termReader.resolve(&l.rp.tfd); err != nil {
		return err
	}
	l.known = true
	return nil
}

// match is the list's current document scored by bleve's term searcher
// (nil at the end). For a list the engine walks, the searcher scores it
// now: its read returns the posting the list stands on (replay), and
// neither that read nor bleve's scorer can fail; a lazy list is resolved
// first (resolve, whose error the engine has seen before it scores).
func (l *posting) match() *bsearch.DocumentMatch {
	if l.cur == nil && l.rp != nil && l.id != math.MaxUint64 {
		if l.resolve() != nil {
			return nil
		}
		l.cur, _ = l.s.Advance(l.sctx, l.rp.tfd.ID)
	}
	return l.cur
}

// moveEssential takes out of the essential set the text lists whose bounds,
// a filter searcher's documents.
type docFilter struct {
	s       bsearch.Searcher
	cur     *bsearch.DocumentMatch
	id      uint64 // cur's document; math.MaxUint64 once exhausted
	started bool
}

// at reports whether d is in the filter, and the filter's first document
// at or after d. Calls must come with d increasing.
func (f *docFilter) at(ctx *bsearch.SearchContext, d uint64) (bool, uint64, error) {
	if !f.started || f.id < d {
		f.started = true
		if f.cur != nil {
			ctx.DocumentMatchPool.Put(f.cur)
			f.cur = nil
		}
		// a fresh ID: a filter is any bleve searcher, which may keep it
		id := make([]byte, 8)
		binary.BigEndian.PutUint64(id, d)
		dm, err := f.s.Advance(ctx, id)
		if err != nil {
			return false, 0, err
		}
		f.cur, f.id = dm, math.MaxUint64
		if dm != nil {
			if f.id, err = internalID(dm); err != nil {
				return false, 0, err
			}
		}
	}
	return f.id == d, f.id, nil
}

// scoreHeap is a min-heap of scores.
type scoreHeap []float64

func (h scoreHeap) Len() int           { return len(h) }
func (h scoreHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h scoreHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *scoreHeap) Push(x any)        { *h = append(*h, x.(float64)) }
func (h *scoreHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
