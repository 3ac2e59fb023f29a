package search

import (
	"context"
	"encoding/json"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/search/engine"
)

// Compiling a plan into the top-k engine (search/engine): the same texts,
// resolved on the same snapshot by the same function as bleve's query
// (Text.clauses), the same numbers, partial numbers, expansion, intents,
// filters and exclusions. Nothing is read back out of bleve's query.

// Why a search is or is not ranked top-k.
const (
	whyNotAsked  = "top-k not asked for (Request.TopOnly)"
	whySorted    = "sorted by a field: every match is ordered"
	whyPhrases   = "quoted phrases are scored clauses of their own, with positions, which the engine does not read"
	whyNoText    = "no free text to rank (filters alone)"
	whyNoTerms   = "the text has no term on this index (bleve matches the numbers alone)"
	whyExplained = "explanations and unscored matching are bleve's"
)

// evaluation says whether a request for plan p is ranked by the top-k
// engine and, when not, why: bleve's exhaustive evaluation then scores
// every match. Both give the same hits and scores (TestTopOnlySameHits).
func evaluation(p Plan, r Request) (topK bool, why string) {
	switch {
	case !r.TopOnly:
		return false, whyNotAsked
	case r.Sort != "" && r.Sort != "relevance":
		return false, whySorted
	case len(p.Phrases) > 0:
		return false, whyPhrases
	case len(p.Texts) != 1:
		return false, whyNoText
	}
	return true, ""
}

// topKQuery is a plan ranked for its k best hits by the engine, as a bleve
// query (the search request sorts, pages and loads the stored fields).
type topKQuery struct {
	plan Plan
	k    int
	// split: see engine.Options.Split
	split uint64
	// cache: see engine.Options.Cache
	cache *engine.Cache
	// bleve is the plan's bleve query, which runs when the engine does
	// not apply on the snapshot (whyNoTerms, whyExplained).
	bleve query.Query
	// texts verify the exclusions' phrases on the body (phrase.go)
	texts Texts
	// share, when set, hands the resolved text to the page's counting
	// pass (matchSetQuery, countPage), which runs beside this search and
	// would otherwise resolve it again (for an accent-free query, the
	// restoration too).
	share *planShare
}

// planShare passes one search's resolved text to another running at the
// same time. The first set wins; set(nil) says there will be none, and
// the waiting side resolves its own.
type planShare struct {
	once sync.Once
	done chan struct{}
	text []engine.Clause
}

func newPlanShare() *planShare { return &planShare{done: make(chan struct{})} }

func (p *planShare) set(text []engine.Clause) {
	p.once.Do(func() { p.text = text; close(p.done) })
}

// wait returns the shared text, or nil when there is none or ctx ends.
func (p *planShare) wait(ctx context.Context) []engine.Clause {
	select {
	case <-p.done:
		return p.text
	case <-ctx.Done():
		return nil
	}
}

// MarshalJSON writes the bleve query it ranks like.
func (q *topKQuery) MarshalJSON() ([]byte, error) { return json.Marshal(q.bleve) }

func (q *topKQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	if q.share != nil {
		defer q.share.set(nil) // none resolved: the counting pass resolves its own
	}
	if o.Explain || o.IncludeTermVectors || o.Score == "none" {
		return q.bleve.Searcher(ctx, r, m, o) // whyExplained
	}
	st := newStatsCached(r, q.cache)
	text := q.plan.Texts[0].clauses(q.plan.Weights, st)
	if q.share != nil {
		q.share.set(text)
	}
	if len(text) == 0 {
		return q.bleve.Searcher(ctx, r, m, o) // whyNoTerms
	}
	return engine.NewSearcher(ctx, r, m, q.plan.engineQuery(text, st, q.texts), engine.Options{K: q.k, Split: q.split, Postings: st.postings(), Cache: q.cache}, o)
}

// engineQuery is the plan as the engine evaluates it, its text resolved to
// text on the snapshot of st; texts verify its exclusions' phrases.
func (p Plan) engineQuery(text []engine.Clause, st *termStats, texts Texts) *engine.Query {
	eq := &engine.Query{Text: text, Numbers: p.Numbers, Patterns: p.Partials, Filter: filterQuery(p.Filters)}
	if len(p.Exclude) > 0 {
		eq.Exclude = bleve.NewDisjunctionQuery(exclusions(p.Exclude, texts)...)
	}
	if p.hasExpansion() {
		eq.Expansion = p.expansionClauses(st)
	}
	for _, in := range p.Intents {
		eq.Intents = append(eq.Intents, engine.Intent{Field: in.Field, Term: in.Term, Boost: in.termBoost(st, p.Weights), Factor: in.Factor})
	}
	return eq
}

// resolvedText is the text the ranking resolved (shared), or the text
// resolved on r.
func (q *topKQuery) resolvedText(ctx context.Context, r index.IndexReader) []engine.Clause {
	var text []engine.Clause
	if q.share != nil {
		// the ranking's; only its terms matter to a count, so a snapshot
		// taken a moment apart (a write in between) changes nothing
		// beyond the terms that write added or removed
		text = q.share.wait(ctx)
	}
	if text == nil {
		text = q.plan.Texts[0].clauses(q.plan.Weights, newStatsCached(r, q.cache))
	}
	return text
}

// matchSetQuery matches the documents q's plan matches, unscored: the
// intents and the expansion only add to scores, so the matches are the
// documents with any term of the text or any document number. As one flat
// disjunction of term queries, bleve unions their postings bitmaps at once
// when no score is asked for, instead of merging nested disjunctions. It
// counts a page when the engine cannot (countPage).
type matchSetQuery struct{ q *topKQuery }

func (m *matchSetQuery) Searcher(ctx context.Context, r index.IndexReader, im mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	var ts []query.Query
	for _, c := range m.q.resolvedText(ctx, r) {
		for _, t := range c {
			ts = append(ts, term(t.Field, t.Term, 1))
		}
	}
	p := m.q.plan
	for _, n := range p.Numbers {
		ts = append(ts, term(n.Field, n.Term, n.Boost))
	}
	for _, pn := range p.Partials {
		ts = append(ts, patternQuery(pn))
	}
	var q query.Query = bleve.NewDisjunctionQuery(ts...)
	if f := filterQuery(p.Filters); f != nil || len(p.Exclude) > 0 {
		b := bleve.NewBooleanQuery()
		b.AddMust(q)
		if f != nil {
			b.AddFilter(f)
		}
		if len(p.Exclude) > 0 {
			b.AddMustNot(exclusions(p.Exclude, m.q.texts)...)
		}
		q = b
	}
	return q.Searcher(ctx, r, im, o)
}

// MarshalJSON writes the query it matches like.
func (m *matchSetQuery) MarshalJSON() ([]byte, error) { return json.Marshal(m.q.bleve) }
