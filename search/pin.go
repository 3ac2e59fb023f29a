package search

// One request, one snapshot. A search makes several passes over the index:
// the abbreviations and phrase prices of its plan, the copies of its
// numbers and those that match (collapse.go), the ranking (once or a few
// times, wider), the count of the units (minmatch.go), the proximity
// rerank. bleve's SearchInContext opens a reader of the newest snapshot
// for each call, so an index write between two passes (a crawl writes
// often) left them reading different collections: a copy written after
// the fold search was listed beside its number's hit, and the total was
// off by the documents written meanwhile.
//
// So a request pins the snapshot current when it starts (Searcher.pin:
// the scorch reader, held until the request ends) and every pass reads
// it: the passes that searched through bleve's SearchInContext run
// bleve's own searcher and top-n collector on the pinned reader
// (pinned.search), and those that opened a reader use it. An index that
// gives no reader (an alias of several indexes) keeps the reader per pass.

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	"github.com/blevesearch/bleve/v2/search/facet"
	index "github.com/blevesearch/bleve_index_api"
)

// pinned is the snapshot of the index one request reads.
type pinned struct {
	idx bleve.Index
	r   index.IndexReader // nil: no reader to pin (an alias): each pass opens its own
}

// pin is the current snapshot of s's index, held until Close.
func (s *Searcher) pin() (*pinned, error) { return pinIndex(s.idx) }

// pinIndex is the current snapshot of idx, held until Close.
func pinIndex(idx bleve.Index) (*pinned, error) {
	v := &pinned{idx: idx}
	if idx == nil {
		return v, nil
	}
	adv, err := idx.Advanced()
	if err != nil {
		return v, nil // not a single index: nothing to pin
	}
	if v.r, err = adv.Reader(); err != nil {
		return nil, fmt.Errorf("search: reader: %w", err)
	}
	if is, ok := v.r.(*scorch.IndexSnapshot); ok && is == nil {
		v.r = nil // a closed index gives no snapshot
		return nil, fmt.Errorf("search: %w", bleve.ErrorIndexClosed)
	}
	return v, nil
}

// Snapshot is one snapshot of the index for a request that searches it
// outside Search, in one pass or several: the document page's cited and
// citing documents, the numbers a partly typed number names
// (NumbersNamed, ReadTaskNumbers). Each pass reads the snapshot current
// when it was taken, as Search's passes do; Close lets it go.
type Snapshot struct {
	v       *pinned
	between func(pass string) // the Searcher's test hook, called after each search
}

// Snapshot is the current snapshot of s's index.
func (s *Searcher) Snapshot() (*Snapshot, error) {
	v, err := s.pin()
	if err != nil {
		return nil, err
	}
	return &Snapshot{v: v, between: s.between}, nil
}

// PinIndex is the current snapshot of idx, for a caller without a
// Searcher (the commands' number readings).
func PinIndex(idx bleve.Index) (*Snapshot, error) {
	v, err := pinIndex(idx)
	if err != nil {
		return nil, err
	}
	return &Snapshot{v: v}, nil
}

// Search runs req on the snapshot (no highlights, stored fields or
// cursors: pinned.search).
func (sn *Snapshot) Search(ctx context.Context, req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	res, err := sn.v.search(ctx, req)
	if sn.between != nil && err == nil {
		sn.between("snapshot")
	}
	return res, err
}

// Close lets the snapshot go.
func (sn *Snapshot) Close() {
	if sn != nil {
		sn.v.Close()
	}
}

// Close lets the snapshot go.
func (v *pinned) Close() {
	if v != nil && v.r != nil {
		v.r.Close()
		v.r = nil
	}
}

// reader is the pinned reader and a no-op release, or, without one, a new
// reader of the index and its Close; ok is false when the index gives none.
func (v *pinned) reader() (r index.IndexReader, release func(), ok bool, err error) {
	if v.r != nil {
		return v.r, func() {}, true, nil
	}
	if v.idx == nil {
		return nil, nil, false, nil
	}
	adv, err := v.idx.Advanced()
	if err != nil {
		return nil, nil, false, nil
	}
	r, err = adv.Reader()
	if err != nil {
		return nil, nil, false, fmt.Errorf("search: reader: %w", err)
	}
	return r, func() { r.Close() }, true, nil
}

// search runs req on the pinned snapshot as bleve's SearchInContext runs it
// on a reader of its own: the same searcher (req's query on the index's
// mapping and scoring model), the same top-n collector, sort and facets.
// It takes the requests search/ makes (no highlight, stored fields,
// search-after or KNN; terms and numeric-range facets); without a pinned
// reader it is SearchInContext.
func (v *pinned) search(ctx context.Context, req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	if v.r == nil {
		return v.idx.SearchInContext(ctx, req)
	}
	if req.Highlight != nil || len(req.Fields) > 0 || req.SearchAfter != nil || req.SearchBefore != nil {
		return nil, fmt.Errorf("search: a pinned snapshot does not take highlights, fields or cursors")
	}
	m := v.idx.Mapping()
	model := index.DefaultScoringModel
	if im, ok := m.(*mapping.IndexMappingImpl); ok && im.ScoringModel == index.BM25Scoring {
		model = index.BM25Scoring
	}
	ctx = context.WithValue(ctx, bsearch.GetScoringModelCallbackKey,
		bsearch.GetScoringModelCallbackFn(func() string { return model }))
	ctx = bsearch.ContextWithTermSearchersCounter(ctx)
	coll := collector.NewTopNCollector(req.Size, req.From, req.Sort)
	if req.Score == "none" && req.Size > 0 && len(req.Facets) == 0 && len(req.Sort) == 1 && req.Sort[0].RequiresScoring() {
		coll.SetEarlyStop(req.Size + req.From)
	}
	searcher, err := req.Query.Searcher(ctx, v.r, m, bsearch.SearcherOptions{Explain: req.Explain, Score: req.Score})
	if err != nil {
		return nil, err
	}
	defer searcher.Close()
	if req.Facets != nil {
		fb := bsearch.NewFacetsBuilder(v.r)
		for name, fr := range req.Facets {
			switch {
			case fr.DateTimeRanges != nil || fr.TermPrefix != "" || fr.TermPattern != "":
				return nil, fmt.Errorf("search: facet %q: a pinned snapshot counts terms and numeric ranges only", name)
			case fr.NumericRanges != nil:
				b := facet.NewNumericFacetBuilder(fr.Field, fr.Size)
				for _, nr := range fr.NumericRanges {
					b.AddRange(nr.Name, nr.Min, nr.Max)
				}
				fb.Add(name, b)
			default:
				fb.Add(name, facet.NewTermsFacetBuilder(fr.Field, fr.Size))
			}
		}
		coll.SetFacetsBuilder(fb)
	}
	if err := coll.Collect(ctx, searcher, v.r); err != nil {
		return nil, err
	}
	return &bleve.SearchResult{
		Status:   &bleve.SearchStatus{Total: 1, Successful: 1},
		Request:  req,
		Hits:     coll.Results(),
		Total:    coll.Total(),
		MaxScore: coll.MaxScore(),
		Facets:   coll.FacetResults(),
	}, nil
}
