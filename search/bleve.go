package search

import (
	"context"
	"encoding/json"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/internal/bm25"
	"github.com/vanban/vanban/search/engine"
)

// rankedQuery is the query a search ranks with, bleve's or the engine's:
// q scored with the collection statistics of the very snapshot it runs
// on (indexer.Stats: the live documents and their total field lengths,
// the same however the index is segmented), handed to bleve's term
// scorers through the hook bleve has for that (search.BM25StatsKey), so
// that every term searcher below (bleve's, the engine's, a phrase's)
// reads them; and its scores rounded (bm25.Round), so that equal scores
// tie whatever order their terms were added in, and the sort puts them in
// document-ID order (docs/log/ranking-07-collection-stats.md).
type rankedQuery struct {
	q     query.Query
	stats *indexer.StatsCache
}

func (q *rankedQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	if o.Score == "none" {
		return q.q.Searcher(ctx, r, m, o)
	}
	st, err := q.stats.Get(r)
	if err != nil {
		return nil, err
	}
	s, err := q.q.Searcher(context.WithValue(ctx, bsearch.BM25StatsKey, st), r, m, o)
	if err != nil {
		return nil, err
	}
	return roundedSearcher{s}, nil
}

// MarshalJSON writes the query it ranks.
func (q *rankedQuery) MarshalJSON() ([]byte, error) { return json.Marshal(q.q) }

// roundedSearcher is a searcher whose scores are rounded (bm25.Round).
type roundedSearcher struct{ bsearch.Searcher }

func (s roundedSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	return rounded(s.Searcher.Next(ctx))
}

func (s roundedSearcher) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	return rounded(s.Searcher.Advance(ctx, id))
}

func rounded(dm *bsearch.DocumentMatch, err error) (*bsearch.DocumentMatch, error) {
	if dm != nil {
		dm.Score = bm25.Round(dm.Score)
	}
	return dm, err
}

// bleveQuery compiles the plan into bleve's query, nil for an empty plan:
//
//	Boolean(
//	  must:     Disjunction(text…, number^Boost…, regexp^Boost…)   (MatchAll when there are none)
//	  should:   expansion text
//	  must:     Disjunction(body phrase, title phrase) per phrase
//	  must_not: body phrase, title phrase per exclusion
//	  filter:   Conjunction(the filters))
//
// wrapped once per intent, innermost first, in
//
//	Boolean(must: <the above>, should: Conjunction(term^boost, text×Factor)).
//
// A text is a textQuery: its terms are resolved on the index reader of the
// search (Text.clauses), the same as the top-k engine's. A phrase on the
// body or title is verified on texts (phrase.go; nil: such a phrase fails
// with ErrNoTexts when it runs).
func (p Plan) bleveQuery(texts Texts) query.Query {
	if p.empty() {
		return nil
	}
	var should []query.Query
	for _, t := range p.Texts {
		should = append(should, &textQuery{t: t, w: p.Weights})
	}
	for _, n := range p.Numbers {
		should = append(should, term(n.Field, n.Term, n.Boost))
	}
	for _, r := range p.Partials {
		should = append(should, patternQuery(r))
	}
	b := bleve.NewBooleanQuery()
	if len(should) > 0 {
		b.AddMust(bleve.NewDisjunctionQuery(should...))
	} else {
		b.AddMust(bleve.NewMatchAllQuery())
	}
	if p.hasExpansion() {
		// Expansions and related terms add to the score of the documents
		// they match without making the rest lose coordination (a
		// disjunction would halve them).
		b.AddShould(&expansionQuery{p})
	}
	for _, ph := range p.Phrases {
		b.AddMust(bleve.NewDisjunctionQuery(
			bodyPhraseQuery(ph.Text, ph.Body, texts), titlePhraseQuery(ph.Text, ph.Title, texts)))
	}
	if len(p.Exclude) > 0 {
		b.AddMustNot(exclusions(p.Exclude, texts)...)
	}
	if f := filterQuery(p.Filters); f != nil {
		b.AddFilter(f)
	}
	var out query.Query = b
	text := p.text()
	for _, in := range p.Intents {
		n := bleve.NewBooleanQuery()
		n.AddMust(out)
		n.AddShould(&intentQuery{in: in, text: text, w: p.Weights})
		out = n
	}
	return out
}

// textQuery is a text of the plan as a bleve query. Its clauses are built
// when the search starts, from the statistics of the index reader: term
// weights need document frequencies, and a diacritic-free query is
// restored from the index vocabulary.
type textQuery struct {
	t Text
	w Weights
}

func (q *textQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	return clausesQuery(q.t.clauses(q.w, newStats(r))).Searcher(ctx, r, m, o)
}

// MarshalJSON writes the query as built without index statistics.
func (q *textQuery) MarshalJSON() ([]byte, error) {
	return json.Marshal(clausesQuery(q.t.clauses(q.w, nil)))
}

// clausesQuery is bleve's query of resolved text clauses: a disjunction of
// clauses, each a disjunction of term queries (a clause of one term is
// that term query).
func clausesQuery(cs []engine.Clause) query.Query {
	if len(cs) == 0 {
		return bleve.NewMatchNoneQuery()
	}
	qs := make([]query.Query, len(cs))
	for i, c := range cs {
		if len(c) == 1 {
			qs[i] = term(c[0].Field, c[0].Term, c[0].Boost)
			continue
		}
		tq := make([]query.Query, len(c))
		for j, t := range c {
			tq[j] = term(t.Field, t.Term, t.Boost)
		}
		qs[i] = bleve.NewDisjunctionQuery(tq...)
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// intentQuery is an intent of the plan as a bleve query: the conjunction
// of its term and the query's text ×Factor (the term alone without text).
type intentQuery struct {
	in   Intent
	text string
	w    Weights
}

func (q *intentQuery) query(st *termStats) query.Query {
	tq := term(q.in.Field, q.in.Term, q.in.termBoost(st, q.w))
	if q.text == "" {
		return tq
	}
	return bleve.NewConjunctionQuery(tq, &textQuery{t: Text{Text: q.text, Boost: q.in.Factor}, w: q.w})
}

func (q *intentQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	var st *termStats
	if q.in.IDF {
		st = newStats(r)
	}
	return q.query(st).Searcher(ctx, r, m, o)
}

// MarshalJSON writes the query as built without index statistics.
func (q *intentQuery) MarshalJSON() ([]byte, error) { return json.Marshal(q.query(nil)) }

// exclusions are the must-not clauses of excluded words and phrases: a
// phrase on the folded body and one on the folded title for each, both
// verified on texts.
func exclusions(xs []string, texts Texts) []query.Query {
	var out []query.Query
	for _, x := range xs {
		out = append(out, bodyPhraseQuery(x, 1, texts), titlePhraseQuery(x, 1, texts))
	}
	return out
}

// filterQuery is the query of the filters, nil for none: bleve keeps one
// filter per boolean query, so several are joined in one conjunction.
func filterQuery(f Filters) query.Query {
	var fs []query.Query
	for _, kv := range [...]struct{ field, v string }{
		{indexer.FieldType, f.Type}, {indexer.FieldIssuer, f.Issuer}, {indexer.FieldSite, f.Site}, {indexer.FieldCategory, f.Category},
	} {
		if kv.v != "" {
			t := bleve.NewTermQuery(kv.v)
			t.SetField(kv.field)
			fs = append(fs, t)
		}
	}
	if !f.From.IsZero() || !f.To.IsZero() {
		end := f.To
		if !end.IsZero() {
			end = end.Add(24*time.Hour - time.Nanosecond)
		}
		own := bleve.NewDateRangeQuery(f.From, end)
		own.SetField(indexer.FieldPublished)
		also := bleve.NewDateRangeQuery(f.From, end) // a further document of the file's cover slip
		also.SetField(indexer.FieldPublishedAlso)
		fs = append(fs, bleve.NewDisjunctionQuery(own, also))
	}
	if f.InForce {
		fs = append(fs, inForceQuery(f.At)...)
	}
	if f.units != nil {
		fs = append(fs, f.units)
	}
	switch len(fs) {
	case 0:
		return nil
	case 1:
		return fs[0]
	default:
		return bleve.NewConjunctionQuery(fs...)
	}
}

// inForceQuery keeps the documents in force at t (now when zero): effect
// from on or before t, effect until after it.
func inForceQuery(t time.Time) []query.Query {
	if t.IsZero() {
		t = time.Now()
	}
	yes, no := true, false
	from := bleve.NewDateRangeInclusiveQuery(time.Time{}, t, nil, &yes)
	from.SetField(indexer.FieldEffectFrom)
	until := bleve.NewDateRangeInclusiveQuery(t, time.Time{}, &no, nil)
	until.SetField(indexer.FieldEffectUntil)
	return []query.Query{from, until}
}

func phrase(field, text string, boost float64) query.Query {
	p := bleve.NewMatchPhraseQuery(text)
	p.SetField(field)
	p.SetBoost(boost)
	return p
}

func term(field, t string, boost float64) query.Query {
	q := bleve.NewTermQuery(t)
	q.SetField(field)
	q.SetBoost(boost)
	return q
}

func patternQuery(p engine.Pattern) query.Query { return &patternTerms{p} }

// patternTerms is a partial document number as bleve's query: the
// disjunction of the terms its regexp matches on the snapshot
// (engine.Expand), as bleve scores a regexp query, but of live terms only.
type patternTerms struct{ p engine.Pattern }

func (q *patternTerms) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	c, err := engine.Expand(r, q.p)
	if err != nil {
		return nil, err
	}
	if len(c) == 0 {
		return bleve.NewMatchNoneQuery().Searcher(ctx, r, m, o)
	}
	ts := make([]query.Query, len(c))
	for i, t := range c {
		ts[i] = term(t.Field, t.Term, t.Boost)
	}
	return bleve.NewDisjunctionQuery(ts...).Searcher(ctx, r, m, o)
}

// MarshalJSON writes the regexp query it stands for.
func (q *patternTerms) MarshalJSON() ([]byte, error) {
	rq := bleve.NewRegexpQuery(q.p.Regexp)
	rq.SetField(q.p.Field)
	rq.SetBoost(q.p.Boost)
	return json.Marshal(rq)
}
