package search

import "context"

// MaxExport caps the hits of an export (Each).
const MaxExport = 1000

// Each runs r once for its first limit hits (at most MaxExport; r.From,
// r.Size and r.Facets are ignored) and calls fn with each hit, its snippet
// set, in rank order. It stops at fn's first error, which it returns, and
// when ctx ends. The ranking is one search (an export of 1,000 rows ran the
// whole search ten times, a page of 100 at a time, and a costly query
// cost ten times its price); the stored bodies are read bodyChunk hits at
// a time, so an export holds the bodies of 25 documents, not 1,000.
// An error before the first call of fn is the search's (CostError,
// ErrBusy, ErrEmptyQuery…): nothing was produced. An export lists every
// copy of a number and every match: it neither collapses nor counts.
func (s *Searcher) Each(ctx context.Context, r Request, limit int, fn func(Hit) error) error {
	r.From, r.Size, r.Facets = 0, min(max(limit, 1), MaxExport), false
	r.Collapse, r.MinMatch = false, false
	v, err := s.pin()
	if err != nil {
		return err
	}
	defer v.Close()
	res, q, err := s.rank(ctx, v, r, MaxExport)
	if err != nil {
		return err
	}
	terms, w := HighlightTerms(q), wantedOf(q, r.Filters)
	for i := 0; i < len(res.Hits); i += bodyChunk {
		chunk := res.Hits[i:min(i+bodyChunk, len(res.Hits))]
		if err := s.snippets(ctx, chunk, terms, w); err != nil {
			return err
		}
		for _, h := range chunk {
			if err := fn(h); err != nil {
				return err
			}
		}
	}
	return nil
}
