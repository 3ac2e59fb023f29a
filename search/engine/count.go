package engine

import (
	"context"
	"fmt"
	"math"
	"sort"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/numeric"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// Counting on postings bitmaps. A search page shows how many documents
// match and the facets of all of them. bleve counts facets hit by hit,
// reading each matching document's values: on a million documents a short
// query matching half of them spent most of its time there. Here each
// segment's matches are the union of the query terms' postings bitmaps
// (what bleve's unscored disjunction computes too), and a facet value's
// count is the size of the intersection of that union with the value's
// own postings bitmap: a few bitmap operations per value instead of one
// lookup per match. The result is bleve's (search's TestTopOnlySameHits
// and TestTopOnlyTwoEngines compare totals and facets).

// Match is the set of documents Count counts: those holding any of Terms
// or of the terms Patterns match (boosts are ignored), and none of Deny,
// within Filter (an unscored query; nil for all).
type Match struct {
	Terms    []Term
	Patterns []Pattern
	Deny     []Term
	Filter   query.Query
}

// Facets are the facets Count counts: for each of Fields (keyword fields),
// its Size most frequent values, most frequent first, then by value (as
// bleve orders a term facet); and for YearField (a numeric field), one
// count per year of Years, the range [y, y+1), most frequent first, then
// by year.
type Facets struct {
	Fields    []string
	Size      int
	YearField string
	Years     []int
}

// Facet is the count of one value of a facet.
type Facet struct {
	Value string
	Count int
}

// Count returns the number of documents of the snapshot r in m and, when
// facets is not nil, their facets. ok is false when r is not a scorch
// snapshot whose postings expose their bitmaps; the caller then asks
// bleve.
func Count(ctx context.Context, r index.IndexReader, im mapping.IndexMapping, m *Match, facets *Facets) (total uint64, fs map[string][]Facet, ok bool, err error) {
	snap, isSnap := r.(*scorch.IndexSnapshot)
	if !isSnap {
		return 0, nil, false, nil
	}
	terms := m.Terms
	for _, p := range m.Patterns {
		c, err := Expand(r, p)
		if err != nil {
			return 0, nil, true, err
		}
		terms = append(terms[:len(terms):len(terms)], c...)
	}
	var allow []*roaring.Bitmap
	if m.Filter != nil {
		if allow, err = filterBitmaps(ctx, snap, im, m.Filter); err != nil || allow == nil {
			return 0, nil, allow != nil, err
		}
	}
	var counts map[string]map[string]int
	yearCount := map[int]int{}
	if facets != nil {
		counts = map[string]map[string]int{}
		for _, f := range facets.Fields {
			counts[f] = map[string]int{}
		}
	}
	for si, ss := range snap.Segments() {
		if err := ctx.Err(); err != nil {
			return 0, nil, true, err
		}
		seg, deleted := ss.Segment(), ss.Deleted()
		match := roaring.New()
		for i, t := range terms {
			if i%64 == 63 {
				if err := ctx.Err(); err != nil {
					return 0, nil, true, err
				}
			}
			var ok bool
			if match, ok, err = orPostings(seg, deleted, t.Field, []byte(t.Term), match); err != nil || !ok {
				return 0, nil, ok, err
			}
		}
		if allow != nil {
			match.And(allow[si])
		}
		if len(m.Deny) > 0 {
			out := roaring.New()
			for _, t := range m.Deny {
				var ok bool
				if out, ok, err = orPostings(seg, deleted, t.Field, []byte(t.Term), out); err != nil || !ok {
					return 0, nil, ok, err
				}
			}
			match.AndNot(out)
		}
		n := match.GetCardinality()
		total += n
		if facets == nil || n == 0 {
			continue
		}
		for _, f := range facets.Fields {
			ok, err := eachValue(ctx, seg, deleted, f, nil, nil, func(term string, bm *roaring.Bitmap, one uint64, isOne bool) {
				if c := intersect(match, bm, one, isOne); c > 0 {
					counts[f][term] += c
				}
			})
			if err != nil || !ok {
				return 0, nil, ok, err
			}
		}
		if facets.YearField == "" {
			continue
		}
		// year: numeric terms; the full-precision ones (shift 0) carry the value
		lo, hi := []byte{numeric.ShiftStartInt64}, []byte{numeric.ShiftStartInt64 + 1}
		ok, err := eachValue(ctx, seg, deleted, facets.YearField, lo, hi, func(term string, bm *roaring.Bitmap, one uint64, isOne bool) {
			i64, err := numeric.PrefixCoded(term).Int64()
			if err != nil {
				return
			}
			// the ranges are [y, y+1)
			if c := intersect(match, bm, one, isOne); c > 0 {
				yearCount[int(math.Floor(numeric.Int64ToFloat64(i64)))] += c
			}
		})
		if err != nil || !ok {
			return 0, nil, ok, err
		}
	}
	if facets == nil {
		return total, nil, true, nil
	}
	fs = map[string][]Facet{}
	for _, f := range facets.Fields {
		var list []Facet
		for v, c := range counts[f] {
			list = append(list, Facet{Value: v, Count: c})
		}
		sort.Slice(list, func(i, j int) bool {
			if list[i].Count != list[j].Count {
				return list[i].Count > list[j].Count
			}
			return list[i].Value < list[j].Value
		})
		if len(list) > facets.Size {
			list = list[:facets.Size]
		}
		fs[f] = list
	}
	if facets.YearField != "" {
		var ys []Facet
		for _, y := range facets.Years {
			if c := yearCount[y]; c > 0 {
				ys = append(ys, Facet{Value: fmt.Sprint(y), Count: c})
			}
		}
		sort.Slice(ys, func(i, j int) bool {
			if ys[i].Count != ys[j].Count {
				return ys[i].Count > ys[j].Count
			}
			return ys[i].Value < ys[j].Value
		})
		fs[facets.YearField] = ys
	}
	return total, fs, true, nil
}

func filterBitmaps(ctx context.Context, snap *scorch.IndexSnapshot, m mapping.IndexMapping, filter query.Query) ([]*roaring.Bitmap, error) {
	segs := snap.Segments()
	offsets := make([]uint64, len(segs)+1)
	out := make([]*roaring.Bitmap, len(segs))
	for i, ss := range segs {
		offsets[i+1] = offsets[i] + ss.Segment().Count()
		out[i] = roaring.New()
	}
	fs, err := filter.Searcher(ctx, snap, m, bsearch.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, fmt.Errorf("engine: filter: %w", err)
	}
	defer fs.Close()
	sctx := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(fs.DocumentMatchPoolSize()+1, 0)}
	si, steps := 0, 0
	for {
		if steps++; steps%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		dm, err := fs.Next(sctx)
		if err != nil {
			return nil, fmt.Errorf("engine: filter: %w", err)
		}
		if dm == nil {
			return out, nil
		}
		id, err := internalID(dm)
		sctx.DocumentMatchPool.Put(dm)
		if err != nil {
			return nil, err
		}
		for si < len(segs) && id >= offsets[si+1] {
			si++
		}
		if si == len(segs) || id-offsets[si] > math.MaxUint32 {
			return nil, nil
		}
		out[si].Add(uint32(id - offsets[si]))
	}
}

// orPostings adds the live documents of field:term in seg to match. ok is
// false when the segment's postings do not expose their bitmap.
func orPostings(seg segment.Segment, deleted *roaring.Bitmap, field string, term []byte, match *roaring.Bitmap) (*roaring.Bitmap, bool, error) {
	d, err := seg.Dictionary(field)
	if err != nil {
		return match, true, err
	}
	bm, one, isOne, ok, err := live(d, term, deleted)
	if err != nil || !ok {
		return match, ok, err
	}
	if bm != nil {
		match.Or(bm)
	} else if isOne {
		match.Add(uint32(one))
	}
	return match, true, nil
}

// live is the live documents of term in d: a bitmap, or one document (the
// segment's single-document encoding). ok is false when the postings do
// not expose them.
func live(d segment.TermDictionary, term []byte, deleted *roaring.Bitmap) (bm *roaring.Bitmap, one uint64, isOne, ok bool, err error) {
	pl, err := d.PostingsList(term, deleted, nil)
	if err != nil {
		return nil, 0, false, true, err
	}
	it, ok := pl.Iterator(false, false, false, nil).(segment.OptimizablePostingsIterator)
	if !ok {
		return nil, 0, false, false, nil
	}
	one, isOne = it.DocNum1Hit()
	return it.ActualBitmap(), one, isOne, true, nil
}

// eachValue calls fn with every term of field in seg within [lo, hi) (all
// when nil) and its live documents: a bitmap, or one document. ok is false
// when the postings do not expose their bitmaps. It stops with ctx's error
// when ctx ends.
func eachValue(ctx context.Context, seg segment.Segment, deleted *roaring.Bitmap, field string, lo, hi []byte, fn func(term string, bm *roaring.Bitmap, one uint64, isOne bool)) (ok bool, err error) {
	d, err := seg.Dictionary(field)
	if err != nil {
		return true, err
	}
	it := d.AutomatonIterator(nil, lo, hi)
	for n := 1; ; n++ {
		if n%256 == 0 {
			if err := ctx.Err(); err != nil {
				return true, err
			}
		}
		e, err := it.Next()
		if err != nil {
			return true, err
		}
		if e == nil {
			return true, nil
		}
		bm, one, isOne, ok, err := live(d, []byte(e.Term), deleted)
		if err != nil || !ok {
			return ok, err
		}
		fn(e.Term, bm, one, isOne)
	}
}

// intersect is the number of documents of match in bm (or the one
// document).
func intersect(match, bm *roaring.Bitmap, one uint64, isOne bool) int {
	switch {
	case bm != nil:
		return int(match.AndCardinality(bm))
	case isOne && match.Contains(uint32(one)):
		return 1
	}
	return 0
}
