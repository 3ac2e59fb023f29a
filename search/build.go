package search

import (
	"regexp"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/indexer"
)

// Weights are the boosts of the query clauses. Exact-view matches weigh more
// than folded-only ones, so "mà" is not drowned by "ma/má/mạ"; bigrams reward
// syllables in their order; titles and document numbers weigh most.
type Weights struct {
	Exact, Fold, Bigram float64 // body views
	Title               float64 // multiplier of the body weights for the title views
	Phrase              float64 // a "quoted phrase"
	Number, Cites       float64 // a document number: the document's own, or cited in the text
}

// DefaultWeights are the tuned boosts (see docs/ranking.md).
var DefaultWeights = Weights{Exact: 1.0, Fold: 0.6, Bigram: 0.6, Title: 1.5, Phrase: 2, Number: 30, Cites: 3}

// Filters restrict a search to facet values and a date range.
type Filters struct {
	Type, Issuer, Site, Category string
	From, To                     time.Time // published date, inclusive; zero = open
}

func (f Filters) empty() bool {
	return f.Type == "" && f.Issuer == "" && f.Site == "" && f.Category == "" && f.From.IsZero() && f.To.IsZero()
}

// Build turns a parsed query into a bleve query. It returns nil when the
// query has nothing to search for and no filters.
func Build(q Query, f Filters, w Weights) query.Query {
	var should []query.Query
	if t := strings.TrimSpace(q.Text); t != "" {
		should = append(should, textClauses(t, w)...)
	}
	for _, p := range q.Phrases {
		should = append(should, textClauses(p, w)...)
	}
	for _, k := range q.Numbers {
		should = append(should, term(indexer.FieldNumber, k, w.Number), term(indexer.FieldCites, k, w.Cites))
	}
	for _, p := range q.Partial {
		re := regexp.QuoteMeta(p.Number) + `(/\d{4})?[/-]` + regexp.QuoteMeta(p.Code) + `[/-].*`
		should = append(should, regex(indexer.FieldNumber, re, w.Number), regex(indexer.FieldCites, re, w.Cites))
	}
	b := bleve.NewBooleanQuery()
	switch {
	case len(should) > 0:
		b.AddMust(bleve.NewDisjunctionQuery(should...))
	case len(q.Phrases) == 0 && f.empty():
		return nil
	default:
		b.AddMust(bleve.NewMatchAllQuery())
	}
	for _, p := range q.Phrases {
		// A quoted phrase must occur, spelled in any accents.
		b.AddMust(bleve.NewDisjunctionQuery(
			phrase(indexer.FieldBodyFold, p, w.Phrase), phrase(indexer.FieldTitleFold, p, w.Phrase*w.Title)))
	}
	for _, x := range q.Exclude {
		b.AddMustNot(phrase(indexer.FieldBodyFold, x, 1), phrase(indexer.FieldTitleFold, x, 1))
	}
	addFilters(b, f)
	return b
}

// textClauses are the scored views of some free text.
func textClauses(text string, w Weights) []query.Query {
	cs := []query.Query{
		match(indexer.FieldBody, text, w.Exact),
		match(indexer.FieldBodyFold, text, w.Fold),
		match(indexer.FieldTitle, text, w.Exact*w.Title),
		match(indexer.FieldTitleFold, text, w.Fold*w.Title),
	}
	if len(indexer.QueryTerms(text, indexer.AnalyzerBigram)) > 0 {
		cs = append(cs,
			match(indexer.FieldBodyBigram, text, w.Bigram),
			match(indexer.FieldTitleBigram, text, w.Bigram*w.Title))
	}
	return cs
}

func addFilters(b *query.BooleanQuery, f Filters) {
	for field, v := range map[string]string{indexer.FieldType: f.Type, indexer.FieldIssuer: f.Issuer, indexer.FieldSite: f.Site, indexer.FieldCategory: f.Category} {
		if v != "" {
			t := bleve.NewTermQuery(v)
			t.SetField(field)
			b.AddFilter(t)
		}
	}
	if !f.From.IsZero() || !f.To.IsZero() {
		end := f.To
		if !end.IsZero() {
			end = end.Add(24*time.Hour - time.Nanosecond)
		}
		r := bleve.NewDateRangeQuery(f.From, end)
		r.SetField(indexer.FieldPublished)
		b.AddFilter(r)
	}
}

func match(field, text string, boost float64) query.Query {
	m := bleve.NewMatchQuery(text)
	m.SetField(field)
	m.SetBoost(boost)
	m.SetOperator(query.MatchQueryOperatorOr)
	return m
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

func regex(field, re string, boost float64) query.Query {
	q := bleve.NewRegexpQuery(re)
	q.SetField(field)
	q.SetBoost(boost)
	return q
}

// highlightTerms are the folded words and number keys a snippet marks.
func highlightTerms(q Query) map[string]bool {
	set := map[string]bool{}
	for _, s := range append([]string{q.Text}, q.Phrases...) {
		for _, t := range indexer.QueryTerms(s, indexer.AnalyzerFold) {
			set[t] = true
		}
	}
	for _, k := range q.Numbers {
		set[k] = true
	}
	for _, p := range q.Partial {
		set[p.Number] = true
		set[p.Code] = true
	}
	delete(set, "")
	for t := range set {
		if stop[t] {
			delete(set, t)
		}
	}
	return set
}

// stop lists folded function words not worth highlighting on their own.
var stop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("va cua la cac nhung duoc cho voi trong tai theo ve thi ma co khong nay do de tu den mot") {
		m[viet.Fold(w)] = true
	}
	return m
}()
