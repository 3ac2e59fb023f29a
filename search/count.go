package search

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/search/engine"
)

// The page's total and facets. bleve's request counts them hit by hit; a
// top-k search counts them beside the ranking, on the postings bitmaps
// (engine.Count), or with bleve's unscored request of the same matches
// when the index does not expose its bitmaps.

// termFacetFields are the keyword fields counted as facets, and
// termFacetSize how many values each shows (bleve's top-N order: count,
// then value).
var termFacetFields = []string{indexer.FieldType, indexer.FieldIssuer, indexer.FieldSite}

const termFacetSize = 20

// facetYears are the years the year facet counts: this one and the 29
// before it.
func facetYears() []int {
	this := time.Now().Year()
	ys := make([]int, 0, 30)
	for y := this; y >= this-29; y-- {
		ys = append(ys, y)
	}
	return ys
}

// addFacets asks bleve's request for the page's facets.
func addFacets(req *bleve.SearchRequest) {
	for _, f := range termFacetFields {
		req.AddFacet(f, bleve.NewFacetRequest(f, termFacetSize))
	}
	ys := facetYears()
	fr := bleve.NewFacetRequest(indexer.FieldYear, len(ys))
	for _, y := range ys {
		lo, hi := float64(y), float64(y+1)
		fr.AddNumericRange(fmt.Sprint(y), &lo, &hi)
	}
	req.AddFacet(indexer.FieldYear, fr)
}

// excludedTerms are the folded-view terms of excluded texts that are one
// word each (a one-word phrase matches the documents holding the word);
// ok is false when some excluded text has several words.
func (s *Searcher) excludedTerms(excluded []string) (terms []engine.Term, ok bool) {
	if len(excluded) == 0 {
		return nil, true
	}
	a := s.idx.Mapping().AnalyzerNamed(indexer.AnalyzerFold)
	if a == nil {
		return nil, false
	}
	for _, x := range excluded {
		ts := a.Analyze([]byte(x))
		switch len(ts) {
		case 0: // matches nothing
		case 1:
			t := string(ts[0].Term)
			terms = append(terms, engine.Term{Field: indexer.FieldBodyFold, Term: t}, engine.Term{Field: indexer.FieldTitleFold, Term: t})
		default:
			return nil, false
		}
	}
	return terms, true
}

// countPage is the page's counting pass of a top-k search: the number of
// matches and, with facets, their facets, on the postings bitmaps, or with
// bleve's request count when the index does not expose them.
func (s *Searcher) countPage(ctx context.Context, v *pinned, t *topKQuery, withFacets bool, work *searchWork) (uint64, map[string][]Facet, error) {
	// An excluded word is its postings in the folded views; an excluded
	// phrase of several words is left to bleve (the documents it matches
	// would have to be collected one by one, slower than bleve's own pass).
	deny, wordsOnly := s.excludedTerms(t.plan.Exclude)
	if wordsOnly {
		if r, release, ok, err := v.reader(); err == nil && ok {
			defer release()
			m := &engine.Match{Patterns: t.plan.Partials, Deny: deny, Filter: filterQuery(t.plan.Filters)}
			for _, c := range t.resolvedText(ctx, s.guard(ctx, r, work)) {
				m.Terms = append(m.Terms, c...)
			}
			m.Terms = append(m.Terms, t.plan.Numbers...)
			var fc *engine.Facets
			if withFacets {
				fc = &engine.Facets{Fields: termFacetFields, Size: termFacetSize, YearField: indexer.FieldYear, Years: facetYears()}
			}
			total, fs, ok, err := engine.Count(ctx, r, s.idx.Mapping(), m, fc)
			if err != nil {
				return 0, nil, err
			}
			if ok {
				return total, engineFacets(fs), nil
			}
		}
	}
	return countRequest(ctx, v, s.guarded(&matchSetQuery{t}, work), withFacets)
}

// countRequest is the total and (withFacets) facets of the documents q
// matches, by bleve's unscored request on snapshot v.
func countRequest(ctx context.Context, v *pinned, q query.Query, withFacets bool) (uint64, map[string][]Facet, error) {
	count := bleve.NewSearchRequestOptions(q, 0, 0, false)
	count.Score = "none"
	if withFacets {
		addFacets(count)
	}
	res, err := v.search(ctx, count)
	if err != nil {
		return 0, nil, err
	}
	var fs map[string][]Facet
	if withFacets {
		fs = facets(res.Facets)
	}
	return res.Total, fs, nil
}

// engineFacets are the engine's facet counts as a Result's.
func engineFacets(in map[string][]engine.Facet) map[string][]Facet {
	if in == nil {
		return nil
	}
	out := make(map[string][]Facet, len(in))
	for name, fs := range in {
		list := []Facet{} // a facet no document has a value of is an empty list, not null
		for _, f := range fs {
			list = append(list, Facet(f))
		}
		out[name] = list
	}
	return out
}

// facets are bleve's facet results as a Result's: term values and the
// year ranges that counted any document, most frequent first.
func facets(fr bsearch.FacetResults) map[string][]Facet {
	out := map[string][]Facet{}
	for name, r := range fr {
		fs := []Facet{} // a facet no document has a value of is an empty list, not null
		if r.Terms != nil {
			for _, t := range r.Terms.Terms() {
				fs = append(fs, Facet{Value: t.Term, Count: t.Count})
			}
		}
		for _, n := range r.NumericRanges {
			if n.Count > 0 {
				fs = append(fs, Facet{Value: n.Name, Count: n.Count})
			}
		}
		sort.SliceStable(fs, func(i, j int) bool { return fs[i].Count > fs[j].Count })
		out[name] = fs
	}
	return out
}

// countUnits is the total and facets of the documents holding enough of
// plan p's units (minmatch.go), by bleve's unscored request: the count of
// a MinMatch search the top-k engine does not rank.
func (s *Searcher) countUnits(ctx context.Context, v *pinned, p Plan, withFacets bool, work *searchWork) (uint64, map[string][]Facet, error) {
	p.Filters.units = p.units
	return countRequest(ctx, v, s.guarded(p.bleveQuery(s.texts), work), withFacets)
}
