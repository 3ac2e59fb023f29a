// Package search answers queries over the vanban index: one query builder
// for every entry point (CLI, HTTP, eval), snippets highlighted on the
// original accented text, facets, and the HTTP API and web page.
package search

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"

	"github.com/vanban/vanban/indexer"
)

// Request is one search.
type Request struct {
	Query   string
	Filters Filters
	From    int    // offset of the first hit
	Size    int    // number of hits; 0 means 10
	Sort    string // "" or "relevance", "date" (newest first), "-date" (oldest first), "title" (Vietnamese collation)
	Facets  bool   // compute facet counts
	// TopOnly ranks only the hits asked for: a document that cannot enter
	// the top From+Size is not scored (maxscore.go). The hits and scores
	// are the same. Without Facets, Total then counts only the documents
	// scored; with Facets, a second, unscored pass beside the ranking counts
	// every match and the facets exactly, on the postings bitmaps
	// (count.go). Applies to relevance-sorted free text, filtered or not.
	TopOnly bool
}

// Hit is one result.
type Hit struct {
	ID        string  `json:"id"`
	URL       string  `json:"url"`
	Title     string  `json:"title"`
	Published string  `json:"published"`
	Snippet   string  `json:"snippet"` // HTML: escaped text with <mark> around matched words
	Score     float64 `json:"score"`
	Type      string  `json:"type,omitempty"`
	Number    string  `json:"number,omitempty"`
	Issuer    string  `json:"issuer,omitempty"`
	Site      string  `json:"site,omitempty"`
	Match     *Match  `json:"match,omitempty"` // why it matched; only when asked (explain=1)
}

// Facet is the count of one value of a facet field.
type Facet struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Result is the answer to a Request.
type Result struct {
	Total uint64 `json:"total"`
	// TotalIsLowerBound is set when a TopOnly search skipped documents:
	// Total is then how many were scored, not how many match.
	TotalIsLowerBound bool               `json:"total_is_lower_bound,omitempty"`
	TookMS            float64            `json:"took_ms"`
	Hits              []Hit              `json:"hits"`
	Facets            map[string][]Facet `json:"facets,omitempty"`
}

// ErrEmptyQuery is returned for a request with nothing to search for.
var ErrEmptyQuery = errors.New("search: empty query")

// MaxSize caps Request.Size.
const MaxSize = 100

// Searcher runs requests against an index (a single index or an alias).
type Searcher struct {
	idx     bleve.Index
	weights Weights
	// parallel: see topKQuery.parallel
	parallel uint64
}

// New returns a Searcher over idx with the default weights.
func New(idx bleve.Index) *Searcher {
	return &Searcher{idx: idx, weights: DefaultWeights, parallel: parallelPostings}
}

// WithWeights returns a copy of s using w (for ranking experiments).
func (s *Searcher) WithWeights(w Weights) *Searcher {
	c := *s
	c.weights = w
	return &c
}

var storedFields = []string{indexer.FieldTitle, indexer.FieldURL, indexer.FieldPublished, indexer.FieldType, indexer.FieldNumber, indexer.FieldIssuer, indexer.FieldSite}

// Search runs a request.
func (s *Searcher) Search(ctx context.Context, r Request) (*Result, error) {
	start := time.Now()
	q := ParseQuery(r.Query)
	bq := Build(q, r.Filters, s.weights)
	if bq == nil {
		return nil, ErrEmptyQuery
	}
	size := r.Size
	if size <= 0 {
		size = 10
	}
	size = min(size, MaxSize)
	ranked := bq
	var t *topKQuery
	topOnly := r.TopOnly && (r.Sort == "" || r.Sort == "relevance")
	if topOnly {
		if t = topK(q, bq, max(r.From, 0)+size); t != nil {
			t.parallel = s.parallel
			ranked = t
		} else {
			topOnly = false
		}
	}
	req := bleve.NewSearchRequestOptions(ranked, size, max(r.From, 0), false)
	req.Fields = storedFields
	switch r.Sort {
	case "", "relevance":
		// Equal scores in document-ID order: the internal order of tied
		// hits depends on how the index was batched into segments.
		req.SortBy([]string{"-_score", "_id"})
	case "date":
		req.SortBy([]string{"-" + indexer.FieldPublished, "-_score", "_id"})
	case "-date":
		req.SortBy([]string{indexer.FieldPublished, "-_score", "_id"})
	case "title":
		req.SortBy([]string{indexer.FieldTitleSort, "-_score", "_id"})
	default:
		return nil, fmt.Errorf("search: unknown sort %q (relevance, date, -date, title)", r.Sort)
	}
	count := req // the request that counts the matches and the facets
	if topOnly && r.Facets {
		t.share = newPlanShare()
		count = bleve.NewSearchRequestOptions(&matchSetQuery{t}, 0, 0, false)
		count.Score = "none"
	}
	if r.Facets {
		for _, f := range termFacetFields {
			count.AddFacet(f, bleve.NewFacetRequest(f, termFacetSize))
		}
		count.AddFacet(indexer.FieldYear, yearFacet())
	}
	// The counting pass, when there is one, runs beside the ranking.
	type counted struct {
		total  uint64
		facets map[string][]Facet
		err    error
	}
	var countDone chan counted
	if count != req {
		countDone = make(chan counted, 1)
		go func() {
			total, fs, err := s.countPage(ctx, t, count)
			countDone <- counted{total, fs, err}
		}()
	}
	res, err := s.idx.SearchInContext(ctx, req)
	var c counted
	if countDone != nil {
		if t.share != nil {
			t.share.set(nil) // the ranking failed before planning: stop waiting
		}
		c = <-countDone
	}
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", r.Query, err)
	}
	out := &Result{Total: res.Total, TotalIsLowerBound: topOnly && !r.Facets, Hits: make([]Hit, 0, len(res.Hits))}
	if r.Facets {
		out.Facets = facets(res.Facets)
	}
	if countDone != nil {
		if c.err != nil {
			return nil, fmt.Errorf("search %q: count: %w", r.Query, c.err)
		}
		out.Total, out.Facets = c.total, c.facets
	}
	terms := highlightTerms(q)
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	bodies, err := s.bodies(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("search %q: snippets: %w", r.Query, err)
	}
	for _, h := range res.Hits {
		hit := Hit{ID: h.ID, Score: h.Score,
			Title: str(h.Fields, indexer.FieldTitle), URL: str(h.Fields, indexer.FieldURL),
			Type: str(h.Fields, indexer.FieldType), Number: str(h.Fields, indexer.FieldNumber),
			Issuer: str(h.Fields, indexer.FieldIssuer), Site: str(h.Fields, indexer.FieldSite)}
		if p := str(h.Fields, indexer.FieldPublished); len(p) >= 10 {
			hit.Published = p[:10]
		}
		hit.Snippet = Snippet(bodies[h.ID], terms, 240)
		out.Hits = append(out.Hits, hit)
	}
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// bodies fetches the stored bodies of the hits in one request, for their
// snippets.
func (s *Searcher) bodies(ctx context.Context, ids []string) (map[string]string, error) {
	out := make(map[string]string, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = []string{indexer.FieldBody}
	res, err := s.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("stored bodies of %d hits: %w", len(ids), err)
	}
	for _, h := range res.Hits {
		out[h.ID] = str(h.Fields, indexer.FieldBody)
	}
	return out, nil
}

func str(fields map[string]any, name string) string {
	switch v := fields[name].(type) {
	case string:
		return v
	case []any:
		if len(v) > 0 {
			s, _ := v[0].(string)
			return s
		}
	}
	return ""
}

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

func yearFacet() *bleve.FacetRequest {
	ys := facetYears()
	fr := bleve.NewFacetRequest(indexer.FieldYear, len(ys))
	for _, y := range ys {
		lo, hi := float64(y), float64(y+1)
		fr.AddNumericRange(fmt.Sprint(y), &lo, &hi)
	}
	return fr
}

// excludedTerms are the folded-view terms of excluded texts that are one
// word each (a one-word phrase matches the documents holding the word);
// ok is false when some excluded text has several words.
func (s *Searcher) excludedTerms(excluded []string) (terms []fieldTerm, ok bool) {
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
			terms = append(terms, fieldTerm{indexer.FieldBodyFold, t}, fieldTerm{indexer.FieldTitleFold, t})
		default:
			return nil, false
		}
	}
	return terms, true
}

// countPage is the page's counting pass of a top-k search: the number of
// matches and their facets, on the postings bitmaps (count.go), or with
// bleve's request count when the index does not expose them.
func (s *Searcher) countPage(ctx context.Context, t *topKQuery, count *bleve.SearchRequest) (uint64, map[string][]Facet, error) {
	// An excluded word is its postings in the folded views; an excluded
	// phrase of several words is left to bleve (the documents it matches
	// would have to be collected one by one, slower than bleve's own pass).
	deny, wordsOnly := s.excludedTerms(t.excluded)
	if adv, err := s.idx.Advanced(); err == nil && wordsOnly {
		if r, err := adv.Reader(); err == nil {
			defer r.Close()
			var plan [][]termSpec
			if t.share != nil {
				plan = t.share.wait(ctx)
			}
			if plan == nil {
				plan = t.text.plan(newStats(r))
			}
			var terms []fieldTerm
			for _, c := range plan {
				for _, ts := range c {
					terms = append(terms, fieldTerm{ts.field, ts.term})
				}
			}
			for _, n := range t.numbers {
				terms = append(terms, fieldTerm{n.Field(), n.Term})
			}
			for _, p := range t.partials {
				pts, err := regexpTerms(r, p)
				if err != nil {
					return 0, nil, err
				}
				for _, pt := range pts {
					terms = append(terms, fieldTerm{p.Field(), pt})
				}
			}
			total, fs, ok, err := bitmapCount(ctx, r, s.idx.Mapping(), terms, deny, t.filter, len(count.Facets) > 0, facetYears())
			if err != nil {
				return 0, nil, err
			}
			if ok {
				return total, fs, nil
			}
		}
	}
	res, err := s.idx.SearchInContext(ctx, count)
	if err != nil {
		return 0, nil, err
	}
	var fs map[string][]Facet
	if len(count.Facets) > 0 {
		fs = facets(res.Facets)
	}
	return res.Total, fs, nil
}

func facets(fr bsearch.FacetResults) map[string][]Facet {
	out := map[string][]Facet{}
	for name, r := range fr {
		var fs []Facet
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
