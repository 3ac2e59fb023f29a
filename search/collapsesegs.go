package search

// The documents sharing a number, read segment by segment (collapsedups.go
// groups them). A scorch snapshot is a list of immutable segments and a
// deleted-documents bitmap for each; a write adds a segment (and marks the
// documents it replaces deleted), a merge replaces several by one. So each
// segment's number terms and the documents holding them are read once, when
// the segment first appears, and kept while it is in the snapshot searched
// (segCache); a snapshot's copies are the terms held by two or more live
// documents over its segments, a merge of the segments' sorted term lists.
// After a write only the new segment is read: the walk over the kept lists
// costs a comparison per term, not the postings of every number term in
// every segment (a term reader of the snapshot opens one per segment),
// which cost ~30 µs a number, a second at 100,000 numbered documents.
//
// The segment's dictionary counts are not read (TestZapDictionaryCountDefect:
// after a one-document term every count reads 1); each term's postings are
// opened on the segment alone, a fresh list each (Dictionary.PostingsList
// clears what it reuses).

import (
	"container/heap"
	"context"
	"fmt"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"

	"github.com/vanban/vanban/indexer"
)

// segTerms are one segment's terms of a field, sorted, and the segment's
// documents holding each: term i's are nums[at[i]:at[i+1]]; and the facet
// values of the documents asked for so far (the copies), by number.
type segTerms struct {
	terms []string
	at    []int
	nums  []uint64
	mu    sync.Mutex
	vals  map[uint64]copyVals
}

// facetFields are the doc values a copy's facet values and its own date's
// year (the group of a yearless number) are read from.
var facetFields = []string{indexer.FieldType, indexer.FieldIssuer, indexer.FieldSite, indexer.FieldYear, indexer.FieldPublished}

// value is the facet values of document num of seg, from its doc values
// (what facetValues reads as sort keys: a keyword's term, the year's
// full-precision number), kept.
func (st *segTerms) value(seg segment.Segment, num uint64) (copyVals, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if v, ok := st.vals[num]; ok {
		return v, nil
	}
	dv, ok := seg.(segment.DocValueVisitable)
	if !ok {
		return copyVals{}, fmt.Errorf("collapse: a segment without doc values (%T)", seg)
	}
	var v copyVals
	_, err := dv.VisitDocValues(num, facetFields, v.visit, nil)
	if err != nil {
		return copyVals{}, fmt.Errorf("collapse: doc values: %w", err)
	}
	if st.vals == nil {
		st.vals = map[uint64]copyVals{}
	}
	st.vals[num] = v
	return v, nil
}

// segCache keeps the segTerms of the segments of the last snapshot read.
type segCache struct {
	mu sync.Mutex
	m  map[segment.Segment]*segTerms
}

// readSegTerms reads field's terms and postings in seg.
func readSegTerms(ctx context.Context, seg segment.Segment, field string) (*segTerms, error) {
	dict, err := seg.Dictionary(field)
	if err != nil {
		return nil, fmt.Errorf("collapse: segment dictionary: %w", err)
	}
	st := &segTerms{at: []int{0}}
	it := dict.AutomatonIterator(nil, nil, nil)
	var pl segment.PostingsList
	var pi segment.PostingsIterator
	for n := 0; ; n++ {
		if n%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("collapse: %w", err)
			}
		}
		e, err := it.Next()
		if err != nil {
			return nil, fmt.Errorf("collapse: segment dictionary: %w", err)
		}
		if e == nil {
			break
		}
		if pl, err = dict.PostingsList([]byte(e.Term), nil, pl); err != nil {
			return nil, fmt.Errorf("collapse: postings of %q: %w", e.Term, err)
		}
		pi = pl.Iterator(false, false, false, pi)
		for {
			p, err := pi.Next()
			if err != nil {
				return nil, fmt.Errorf("collapse: postings of %q: %w", e.Term, err)
			}
			if p == nil {
				break
			}
			st.nums = append(st.nums, p.Number())
		}
		st.terms = append(st.terms, e.Term)
		st.at = append(st.at, len(st.nums))
	}
	return st, nil
}

// segCursor walks one segment's terms in the merge.
type segCursor struct {
	ss *scorch.SegmentSnapshot
	st *segTerms
	i  int
}

type cursorHeap []*segCursor

func (h cursorHeap) Len() int           { return len(h) }
func (h cursorHeap) Less(i, j int) bool { return h[i].st.terms[h[i].i] < h[j].st.terms[h[j].i] }
func (h cursorHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *cursorHeap) Push(x any)        { *h = append(*h, x.(*segCursor)) }
func (h *cursorHeap) Pop() any {
	old := *h
	c := old[len(old)-1]
	*h = old[:len(old)-1]
	return c
}

// sharedTerms calls fn for each term of field that two or more live
// documents of snapshot is hold, with their IDs, in term order; fn
// returning false stops the walk. With vals, it sets their facet values
// there.
func (c *segCache) sharedTerms(ctx context.Context, is *scorch.IndexSnapshot, field string, vals map[string]copyVals, fn func(term string, ids []string) bool) error {
	segs := is.Segments()
	c.mu.Lock()
	old := c.m
	c.mu.Unlock()
	kept := make(map[segment.Segment]*segTerms, len(segs))
	h := make(cursorHeap, 0, len(segs))
	for _, ss := range segs {
		seg := ss.Segment()
		st := old[seg]
		if st == nil {
			var err error
			if st, err = readSegTerms(ctx, seg, field); err != nil {
				return err
			}
		}
		kept[seg] = st
		if len(st.terms) > 0 {
			h = append(h, &segCursor{ss: ss, st: st})
		}
	}
	c.mu.Lock()
	c.m = kept
	c.mu.Unlock()
	heap.Init(&h)
	type live struct {
		ss  *scorch.SegmentSnapshot
		st  *segTerms
		num uint64
	}
	var docs []live
	for n := 0; len(h) > 0; n++ {
		if n%(checkEvery*32) == 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("collapse: %w", err)
			}
		}
		term := h[0].st.terms[h[0].i]
		docs = docs[:0]
		for len(h) > 0 && h[0].st.terms[h[0].i] == term {
			cur := h[0]
			del := cur.ss.Deleted()
			for _, num := range cur.st.nums[cur.st.at[cur.i]:cur.st.at[cur.i+1]] {
				if del == nil || !del.Contains(uint32(num)) {
					docs = append(docs, live{cur.ss, cur.st, num})
				}
			}
			if cur.i++; cur.i < len(cur.st.terms) {
				heap.Fix(&h, 0)
			} else {
				heap.Pop(&h)
			}
		}
		if len(docs) < 2 {
			continue
		}
		ids := make([]string, len(docs))
		for i, d := range docs {
			id, err := d.ss.DocID(d.num)
			if err != nil {
				return fmt.Errorf("collapse: document of %q: %w", term, err)
			}
			ids[i] = string(id)
			if vals != nil {
				if vals[ids[i]], err = d.st.value(d.ss.Segment(), d.num); err != nil {
					return err
				}
			}
		}
		if !fn(term, ids) {
			return nil
		}
	}
	return nil
}
