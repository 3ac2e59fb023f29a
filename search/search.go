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
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/graph"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/search/engine"
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
	// Collapse makes the copies of one document number one hit
	// (collapse.go): its best-scoring copy, the others in its Copies; the
	// total and facets count the number once.
	Collapse bool
	// MinMatch counts the documents holding enough of the query's units
	// (minmatch.go): its pairs of words and the number it names. Total
	// and the facets count those; the hits are the ranking unchanged, of
	// every document matching a word, Result.Listed of them.
	MinMatch bool
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
	// Effect is the hit's legal effect status (corpus.Store.DocEffect),
	// filled by the callers that have the store (search/web, vanban search).
	Effect *graph.Effect `json:"effect,omitempty"`
	// Copies are the other documents of its number that match, folded
	// into this hit (Request.Collapse).
	Copies []Copy `json:"copies,omitempty"`
	// Matched is the document of the file the search found when it is one
	// its cover slip transmits after the first, which the hit's number,
	// type, issuer and date are (corpus.FileInfo.Transmitted): a search
	// for the second's number, or filtered by its type, issuer or date.
	Matched *corpus.Transmitted `json:"matched,omitempty"`
	// Dead is set when the file the document was read from (File) answers
	// 404 or 410 now: the crawler keeps its document while its article
	// links the file. Filled by the callers that have the crawler's
	// records (search/web: deadHits).
	Dead *corpus.DeadMark `json:"dead,omitempty"`

	pages []corpus.PageStart // a file's page starts in its body, until its snippet sets Page
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
	// Folded is how many matching documents were folded into another of
	// their number (Request.Collapse); Total counts without them.
	Folded int `json:"folded,omitempty"`
	// Listed is how many hits the ranking holds (every document matching
	// a word, a number once when collapsed) when Total counts the
	// documents holding most of the query (Request.MinMatch): the pages
	// run to Listed.
	Listed uint64 `json:"listed,omitempty"`
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

// TextMap is Texts held in memory: the bodies by document ID (an
// evaluation's collection, which has no store).
type TextMap map[string]string

// Bodies returns the bodies of ids that m holds.
func (m TextMap) Bodies(ctx context.Context, ids []string) (map[string]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("search: bodies: %w", err)
	}
	out := make(map[string]string, len(ids))
	for _, id := range ids {
		if b, ok := m[id]; ok {
			out[id] = b
		}
	}
	return out, nil
}

// Searcher runs requests against an index (a single index or an alias).
// It is safe for concurrent use.
type Searcher struct {
	idx     bleve.Index
	texts   Texts // nil: hits without snippets
	weights Weights
	// parallel is the number of text postings from which a top-k search
	// runs two engines at once (engine.Options.Split)
	parallel  uint64
	budget    Budget
	admission *admission
	// postings counts the postings every search has read (guard.go)
	postings atomic.Uint64
	// positions counts the postings read with positions (phrases)
	positions atomic.Uint64
	refused   atomic.Uint64 // searches refused for their cost
	busy      atomic.Uint64 // searches refused because too many costly ones waited
	// unguarded reads the index without guard.go's reader (tests compare)
	unguarded bool
	// watch, when set, is called on the searching goroutine at each of a
	// search's looks at its context, with the postings read so far (tests
	// cancel a search at a known point of its work, without racing it)
	watch func(postings uint64)
	// unpriced skips the price on the index (tests of the guard's stop)
	unpriced bool
	// stats are the BM25 statistics of the last snapshot searched
	stats *indexer.StatsCache
	// cache keeps the engine's exact score bounds of the terms searched
	cache *engine.Cache
	// abbrevs is the abbreviation dictionary of the last snapshot searched
	abbrevs *abbrevCache
	// relatedOpt say when a query gets related terms (related.go), from
	// the table relatedCache decoded last
	relatedOpt   RelatedOptions
	relatedCache relatedCache
	// proximity is the rerank of a short query's best hits (proximity.go)
	proximity ProximityOptions
	// dupc keeps the documents sharing a number, per snapshot (collapse.go)
	dupc dupCache
	// segs keeps each segment's number terms (collapsesegs.go)
	segs segCache
	// between, when set, is called between two passes of a request with
	// the name of the pass done ("folded", "ranked", "snapshot": a
	// Snapshot's search): tests write to the index there (pin.go)
	between func(pass string)
}

// WithPassHook has f called between two passes of a request, with the
// name of the pass done: for tests that write to the index mid-request
// (every pass must read the snapshot the request started on).
func WithPassHook(f func(pass string)) Option { return func(s *Searcher) { s.between = f } }

// cacheMax is how many (segment, field, term) score bounds a Searcher
// keeps: a long question has a few hundred terms per segment, a bound
// is about 100 bytes.
const cacheMax = 1 << 16

// An Option configures a Searcher.
type Option func(*Searcher)

// WithBudget sets what a query may cost (DefaultBudget otherwise).
func WithBudget(b Budget) Option { return func(s *Searcher) { s.budget = b } }

// New returns a Searcher over idx with the default weights and budget.
func New(idx bleve.Index, opts ...Option) *Searcher {
	s := &Searcher{idx: idx, weights: DefaultWeights, parallel: parallelPostings, budget: DefaultBudget(), stats: new(indexer.StatsCache),
		cache: engine.NewCache(cacheMax), abbrevs: new(abbrevCache), relatedOpt: DefaultRelated,
		proximity: DefaultProximity}
	for _, o := range opts {
		o(s)
	}
	s.admission = newAdmission(s.budget)
	return s
}

// Stats are a Searcher's counters since it was made, for metrics.
type Stats struct {
	PostingsRead uint64 // postings read by every search
	// PositionsRead are those of PostingsRead read with their positions
	// (quoted phrases and exclusions)
	PositionsRead uint64
	Refused       uint64 // searches refused for their cost (CostError)
	Busy          uint64 // searches refused because costly ones queued (ErrBusy)
	Waiting       int64  // costly searches waiting for a slot now
	Running       int    // costly searches running now
}

// Stats returns the counters.
func (s *Searcher) Stats() Stats {
	st := Stats{PostingsRead: s.postings.Load(), PositionsRead: s.positions.Load(), Refused: s.refused.Load(), Busy: s.busy.Load()}
	if a := s.admission; a != nil {
		st.Waiting, st.Running = a.waiting.Load(), len(a.slots)
	}
	return st
}

// Price is the cost of request r, and an error when the budget refuses it:
// what Search checks before running.
func (s *Searcher) Price(r Request) (Cost, error) {
	v, err := s.pin()
	if err != nil {
		return Cost{}, err
	}
	defer v.Close()
	_, _, c, err := s.prepare(v, r)
	return c, err
}

// prepare parses and plans r on the request's snapshot v, prices the
// plan and checks it against the budget.
func (s *Searcher) prepare(v *pinned, r Request) (Query, Plan, Cost, error) {
	if err := r.Filters.Validate(); err != nil {
		return Query{}, Plan{}, Cost{}, err
	}
	q := ParseQuery(r.Query)
	var err error
	if q.Expansions, err = s.expansions(v, q); err != nil {
		return q, Plan{}, Cost{}, err
	}
	p := Build(q, r.Filters, s.weights)
	p.Related = s.related(v, q)
	if r.MinMatch {
		p.units = minMatchQuery(p, s.idx.Mapping())
	}
	if p.empty() {
		return q, p, Cost{}, ErrEmptyQuery
	}
	topOnly, _ := evaluation(p, r)
	c := p.Cost(!topOnly)
	if s.budget.Max > 0 && c.Units() > s.budget.Max {
		return q, p, c, s.costError(q, r, c)
	}
	// the shape admits it: its phrases priced on the index
	ps, err := s.priceOnIndex(v, p)
	if err != nil {
		return q, p, c, err
	}
	if c.Positions = positionsTotal(ps); s.budget.MaxPositions > 0 && c.Positions > s.budget.MaxPositions {
		return q, p, c, s.positionsError(c, ps, len(p.Phrases))
	}
	return q, p, c, nil
}

// WithTexts sets where hits get their snippets, and where quoted phrases
// on the body and the proximity rerank read its positions (the index keeps
// none): the bodies t gives. Without it hits have no snippet, and a search
// that needs the body's positions fails with ErrNoTexts.
func WithTexts(t Texts) Option { return func(s *Searcher) { s.texts = t } }

// parallelPostings is the number of text postings from which a query is
// ranked in two halves at once (docs/log/perf-maxscore.md: 200k postings at 100k
// documents; 50k was no better).
const parallelPostings = 200_000

// Index is the index s searches.
func (s *Searcher) Index() bleve.Index { return s.idx }

// Search runs a request: its plan (Build), ranked by the top-k engine or
// by bleve's evaluation (evaluation says which, and why), with the total
// and facets counted beside the ranking when top-k, and a snippet per hit.
//
// A request over the budget fails before it runs (CostError); an
// expensive one waits for a slot (Budget). Every read of the index stops
// when ctx ends (guard.go): the error then wraps ctx's. Errors never hold
// the query's text, which logs must not show.
func (s *Searcher) Search(ctx context.Context, r Request) (*Result, error) {
	start := time.Now()
	v, err := s.pin()
	if err != nil {
		return nil, err
	}
	defer v.Close()
	var out *Result
	var q Query
	if r.Collapse {
		out, q, err = s.collapsed(ctx, v, r)
	} else {
		out, q, err = s.rank(ctx, v, r, MaxSize)
	}
	if err != nil {
		return nil, err
	}
	if err := s.snippets(ctx, out.Hits, HighlightTerms(q), wantedOf(q, r.Filters)); err != nil {
		return nil, err
	}
	if err := s.copies(ctx, out.Hits); err != nil {
		return nil, err
	}
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// rank runs r on the request's snapshot v for at most maxSize hits: its
// ranking, total and facets, the hits without their snippets. It holds a
// slot for a costly search until it returns.
func (s *Searcher) rank(ctx context.Context, v *pinned, r Request, maxSize int) (*Result, Query, error) {
	if err := ctx.Err(); err != nil {
		return nil, Query{}, fmt.Errorf("search: %w", err)
	}
	q, p, cost, err := s.prepare(v, r)
	if err != nil {
		var ce *CostError
		if errors.As(err, &ce) {
			s.refused.Add(1)
		}
		return nil, q, err
	}
	release, err := s.admit(ctx, cost)
	if err != nil {
		if errors.Is(err, ErrBusy) {
			s.busy.Add(1)
		}
		return nil, q, err
	}
	defer release()
	work := &searchWork{}
	if s.budget.MaxPositions > 0 {
		work.maxPositions = 2 * uint64(s.budget.MaxPositions)
	}
	work.checkpoint = s.watch
	defer func() { s.postings.Add(work.postings.Load()); s.positions.Add(work.positions.Load()) }()
	size := r.Size
	if size <= 0 {
		size = 10
	}
	size = min(size, maxSize)
	from := max(r.From, 0)
	// a proximity rerank ranks its Depth hits first, then pages them
	var pq *proxQuery
	if r.Sort == "" || r.Sort == "relevance" {
		pq = proximityQuery(q, p.Intents, p.Weights.MaxDF, s.proximity)
	}
	// Sorted by date or title, the list is the documents the total
	// counts (those holding the query's units): ranked by relevance the
	// best come first whatever else the list holds, but sorted otherwise
	// a text holding one incidental word ("công" of "cụm công nghiệp")
	// would lead the page (i31-search).
	if p.units != nil && r.Sort != "" && r.Sort != "relevance" {
		p.Filters.units = p.units
	}
	want, skip := size, from
	if pq != nil && from < pq.o.Depth {
		want, skip = max(from+size, pq.o.Depth), 0
	}
	bq := p.bleveQuery(s.texts)
	ranked := s.guarded(bq, work)
	var t *topKQuery
	topOnly, _ := evaluation(p, r)
	if topOnly {
		t = &topKQuery{plan: p, k: skip + want, split: s.parallel, cache: s.cache, bleve: bq, texts: s.texts}
		ranked = s.guarded(t, work)
	}
	req := bleve.NewSearchRequestOptions(&rankedQuery{q: ranked, stats: s.stats}, want, skip, false)
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
		req.Sort[0] = untitledLast{SortField: req.Sort[0].(*bsearch.SortField), empty: indexer.TitleSortKey("")}
	default:
		return nil, q, fmt.Errorf("search: unknown sort %q (relevance, date, -date, title)", r.Sort)
	}
	// A top-k page is counted by a pass of its own, beside the ranking;
	// otherwise bleve's request counts the matches and the facets.
	type counted struct {
		total, listed uint64
		facets        map[string][]Facet
		err           error
	}
	counting := r.Facets || p.units != nil
	var countDone chan counted
	if topOnly && counting {
		t.share = newPlanShare()
		countDone = make(chan counted, 1)
		go func() {
			var c counted
			if p.units != nil {
				tc := *t
				tc.plan.Filters.units = p.units
				c.total, c.facets, c.err = s.countPage(ctx, v, &tc, r.Facets, work)
				if c.err == nil {
					c.listed, _, c.err = s.countPage(ctx, v, t, false, work)
				}
			} else {
				c.total, c.facets, c.err = s.countPage(ctx, v, t, true, work)
			}
			countDone <- c
		}()
	} else if r.Facets {
		addFacets(req)
	}
	res, err := v.search(ctx, req)
	if s.between != nil && err == nil {
		s.between("ranked")
	}
	var c counted
	if countDone != nil {
		t.share.set(nil) // the ranking failed before resolving its text: stop waiting
		c = <-countDone
	} else if err == nil && p.units != nil {
		c.listed = res.Total
		c.total, c.facets, c.err = s.countUnits(ctx, v, p, r.Facets, work)
	}
	if (err != nil || c.err != nil) && work.overPositions() {
		s.refused.Add(1)
		cost.Positions = int(work.positions.Load())
		return nil, q, &CostError{Cost: cost, Max: s.budget.Max, MaxPositions: s.budget.MaxPositions, Stopped: true}
	}
	if err != nil {
		return nil, q, fmt.Errorf("search: %w", err)
	}
	out := &Result{Total: res.Total, TotalIsLowerBound: topOnly && !counting, Hits: make([]Hit, 0, len(res.Hits))}
	if r.Facets {
		out.Facets = facets(res.Facets)
	}
	if countDone != nil || p.units != nil {
		if c.err != nil {
			return nil, q, fmt.Errorf("search: count: %w", c.err)
		}
		out.Total = c.total
		if r.Facets {
			out.Facets = c.facets
		}
		if p.units != nil {
			out.Listed = c.listed
		}
	}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, Hit{ID: h.ID, Score: h.Score})
	}
	if pq != nil && from < pq.o.Depth {
		if err := s.proximityRerank(ctx, v, pq, out.Hits); err != nil {
			return nil, q, err
		}
		out.Hits = out.Hits[min(from, len(out.Hits)):min(from+size, len(out.Hits))]
	}
	return out, q, nil
}

// snippets sets the display fields (Records) and the snippet of each hit,
// from the documents or bodies fetched
// bodyChunk hits a request, so that a page of 100 hits holds the bodies of
// bodyChunk documents at once (a failure fails the search: no hits
// silently without their snippets).
func (s *Searcher) snippets(ctx context.Context, hits []Hit, terms map[string]bool, w wanted) error {
	for len(hits) > 0 {
		chunk := hits[:min(bodyChunk, len(hits))]
		hits = hits[len(chunk):]
		ids := make([]string, len(chunk))
		for i, h := range chunk {
			ids[i] = h.ID
		}
		docs, ok, err := s.records(ctx, ids)
		var bodies map[string]string
		if ok && err == nil {
			bodies = make(map[string]string, len(docs))
			for id, d := range docs {
				bodies[id] = d.FullBody()
			}
		} else if !ok {
			bodies, err = s.bodies(ctx, ids)
		}
		if err != nil {
			return fmt.Errorf("search: snippets: %w", err)
		}
		for i := range chunk {
			h := &chunk[i]
			if d := docs[h.ID]; d != nil {
				h.display(d, bodies[h.ID])
				h.Matched = w.matched(d)
			}
			var at int
			h.Snippet, at = snippetAt(bodies[h.ID], terms, 240)
			if h.File != "" && at >= 0 {
				f := corpus.FileInfo{PageStarts: h.pages}
				h.Page = f.PageAt(at)
			}
		}
	}
	return nil
}

// bodyChunk is how many hits' bodies are read at once.
const bodyChunk = 25

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
