// Package search answers queries over the vanban index, for every entry
// point (CLI, eval, the web layer in search/web). A query is parsed once
// (ParseQuery), described as a Plan value (Build: texts, document numbers,
// partial numbers, abbreviation expansions, intents, phrases, exclusions,
// filters, weights), and the plan is compiled twice: into bleve's query
// (bleve.go) and into the top-k engine's (topk.go, search/engine), which
// ranks the same plan to the same hits and scores without scoring the
// documents that cannot enter the page. Snippets are marked on the
// original accented text. docs/design.md draws the whole.
package search

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/vanban/vanban/corpus"
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
	// File is the kind of the file the document was read from ("pdf",
	// "docx", "doc"; empty for a page), and Page the page of the file the
	// snippet is on (0 when unknown).
	File  string `json:"file,omitempty"`
	Page  int    `json:"page,omitempty"`
	Match *Match `json:"match,omitempty"` // why it matched; only when asked (explain=1)
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

// Texts gives the bodies of documents by ID, for the snippets: the corpus
// store (*corpus.Store), where the text is kept once (the index stores no
// body).
type Texts interface {
	Bodies(ctx context.Context, ids []string) (map[string]string, error)
}

// Searcher runs requests against an index (a single index or an alias).
type Searcher struct {
	idx     bleve.Index
	texts   Texts // nil: hits without snippets
	weights Weights
	// parallel is the number of text postings from which a top-k search
	// runs two engines at once (engine.Options.Split)
	parallel uint64
}

// New returns a Searcher over idx with the default weights.
func New(idx bleve.Index) *Searcher {
	return &Searcher{idx: idx, weights: DefaultWeights, parallel: parallelPostings}
}

// WithTexts returns a copy of s whose hits carry snippets cut from the
// bodies t gives. Without it (evaluations, which read only the ranking)
// hits have no snippet.
func (s *Searcher) WithTexts(t Texts) *Searcher {
	c := *s
	c.texts = t
	return &c
}

// parallelPostings is the number of text postings from which a query is
// ranked in two halves at once (docs/performance.md: 200k postings at 100k
// documents; 50k was no better).
const parallelPostings = 200_000

// Index is the index s searches.
func (s *Searcher) Index() bleve.Index { return s.idx }

var storedFields = []string{indexer.FieldTitle, indexer.FieldURL, indexer.FieldPublished, indexer.FieldType, indexer.FieldNumber, indexer.FieldIssuer, indexer.FieldSite, indexer.FieldFile, indexer.FieldPages}

// Search runs a request: its plan (Build), ranked by the top-k engine or
// by bleve's evaluation (evaluation says which, and why), with the total
// and facets counted beside the ranking when top-k, and a snippet per hit.
func (s *Searcher) Search(ctx context.Context, r Request) (*Result, error) {
	start := time.Now()
	q := ParseQuery(r.Query)
	p := Build(q, r.Filters, s.weights)
	if p.empty() {
		return nil, ErrEmptyQuery
	}
	size := r.Size
	if size <= 0 {
		size = 10
	}
	size = min(size, MaxSize)
	bq := p.bleveQuery()
	ranked := bq
	var t *topKQuery
	topOnly, _ := evaluation(p, r)
	if topOnly {
		t = &topKQuery{plan: p, k: max(r.From, 0) + size, split: s.parallel, bleve: bq}
		ranked = t
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
	// A top-k page is counted by a pass of its own, beside the ranking;
	// otherwise bleve's request counts the matches and the facets.
	type counted struct {
		total  uint64
		facets map[string][]Facet
		err    error
	}
	var countDone chan counted
	if topOnly && r.Facets {
		t.share = newPlanShare()
		countDone = make(chan counted, 1)
		go func() {
			total, fs, err := s.countPage(ctx, t, true)
			countDone <- counted{total, fs, err}
		}()
	} else if r.Facets {
		addFacets(req)
	}
	res, err := s.idx.SearchInContext(ctx, req)
	var c counted
	if countDone != nil {
		t.share.set(nil) // the ranking failed before resolving its text: stop waiting
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
	terms := HighlightTerms(q)
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
			Title: indexer.Stored(h.Fields, indexer.FieldTitle), URL: indexer.Stored(h.Fields, indexer.FieldURL),
			Type: indexer.Stored(h.Fields, indexer.FieldType), Number: indexer.Stored(h.Fields, indexer.FieldNumber),
			Issuer: indexer.Stored(h.Fields, indexer.FieldIssuer), Site: indexer.Stored(h.Fields, indexer.FieldSite)}
		if p := indexer.Stored(h.Fields, indexer.FieldPublished); len(p) >= 10 {
			hit.Published = p[:10]
		}
		var at int
		hit.Snippet, at = snippetAt(bodies[h.ID], terms, 240)
		if hit.File = indexer.Stored(h.Fields, indexer.FieldFile); hit.File != "" && at >= 0 {
			f := corpus.FileInfo{PageStarts: corpus.ParsePageStarts(indexer.Stored(h.Fields, indexer.FieldPages))}
			hit.Page = f.PageAt(at)
		}
		out.Hits = append(out.Hits, hit)
	}
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// bodies fetches the bodies of the hits in one request, for their
// snippets.
func (s *Searcher) bodies(ctx context.Context, ids []string) (map[string]string, error) {
	if len(ids) == 0 || s.texts == nil {
		return map[string]string{}, nil
	}
	out, err := s.texts.Bodies(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("bodies of %d hits: %w", len(ids), err)
	}
	return out, nil
}
