package search

import (
	"context"
	"encoding/json"
	"math"
	"regexp"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

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
	// IDFPower is the power of a term's BM25 idf in its weight. bleve
	// multiplies the idf into both the query weight and the document score,
	// so a plain match query weighs terms by idf²; per-term boosts of
	// idf^(IDFPower-2) give idf^IDFPower.
	IDFPower float64
	// Stop multiplies the weight of function and question words ("bao
	// nhiêu", "gì", "không", "được", "theo quy định"): they are kept, so a
	// query made only of them still works, but they barely rank.
	Stop float64
	// Restored weighs the exact views of an accent-free query's restored
	// spelling (restore.go), relative to Exact.
	Restored float64
	// Expansion weighs the expansions of abbreviations (Query.Expansions).
	Expansion float64
	// MaxDF leaves out of a field's clause the terms found in more than
	// this fraction of the documents (0 keeps all): see prune.
	MaxDF float64
	// Definition weighs the definitions articles ("Giải thích từ ngữ") for
	// a query that asks what something is (definition.go).
	Definition float64
	// DocType weighs the documents of the type a query names (typeboost.go).
	DocType float64
}

// DefaultWeights are the tuned boosts (see docs/ranking.md).
var DefaultWeights = Weights{Exact: 1.0, Fold: 0.5, Bigram: 1, Title: 0.6, Phrase: 2, Number: 30, Cites: 3, IDFPower: 4, Stop: 0.3, Restored: 0.5, Expansion: 0.1, MaxDF: 0.3, Definition: 15, DocType: 4}

// Filters restrict a search to facet values and a date range.
type Filters struct {
	Type, Issuer, Site, Category string
	From, To                     time.Time // published date, inclusive; zero = open
}

func (f Filters) empty() bool {
	return f.Type == "" && f.Issuer == "" && f.Site == "" && f.Category == "" && f.From.IsZero() && f.To.IsZero()
}

// Build turns a parsed query into a bleve query. It returns nil when the
// query has nothing to search for and no filters. Free text becomes a
// textQuery, which weighs its terms with the statistics of the index it
// runs on.
func Build(q Query, f Filters, w Weights) query.Query {
	var should []query.Query
	if t := strings.TrimSpace(q.Text); t != "" {
		should = append(should, &textQuery{text: t, w: w})
	}
	for _, p := range q.Phrases {
		should = append(should, &textQuery{text: p, w: w})
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
	if w.Expansion > 0 && len(q.Expansions) > 0 {
		// Expansions add to the score of the documents they match without
		// making the rest lose coordination (a disjunction would halve them).
		b.AddShould(&textQuery{text: strings.Join(q.Expansions, "; "), w: w, boost: w.Expansion})
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
	return withIntents(b, q, w)
}

// textQuery is free text searched in every view. Its bleve query is built
// when the search starts, from the statistics of the index reader: term
// weights need document frequencies, and a diacritic-free query is restored
// from the index vocabulary.
type textQuery struct {
	text  string
	w     Weights
	boost float64 // 0 means 1
}

func (q *textQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	return q.expand(newStats(r)).Searcher(ctx, r, m, o)
}

// expand is the bleve query of the text; st may be nil.
func (q *textQuery) expand(st *termStats) query.Query {
	plan := q.plan(st)
	if len(plan) == 0 {
		return bleve.NewMatchNoneQuery()
	}
	cs := make([]query.Query, len(plan))
	for i, c := range plan {
		if len(c) == 1 {
			cs[i] = term(c[0].field, c[0].term, c[0].boost)
			continue
		}
		tq := make([]query.Query, len(c))
		for j, t := range c {
			tq[j] = term(t.field, t.term, t.boost)
		}
		cs[i] = bleve.NewDisjunctionQuery(tq...)
	}
	return bleve.NewDisjunctionQuery(cs...)
}

// termSpec is one scored term of a text query: a term query on one field.
type termSpec struct {
	field, term string
	boost       float64
}

// plan is the structure of the text's bleve query: a disjunction of
// clauses, each a disjunction of term queries (bleve scores a disjunction
// as the sum of its matching parts times the fraction that matched). The
// top-k searcher (maxscore.go) scores the same plan.
func (q *textQuery) plan(st *termStats) [][]termSpec {
	w := q.w
	if q.boost > 0 {
		// bleve ignores the boost of a disjunction: scale the terms.
		w.Exact, w.Fold, w.Bigram = w.Exact*q.boost, w.Fold*q.boost, w.Bigram*q.boost
	}
	cs := textClauses(q.text, w, st)
	if w.Restored > 0 {
		if r := restore(q.text, st); r != "" {
			// The restored spelling feeds the exact views only; the folded
			// views above already match every spelling.
			rw := Weights{Exact: w.Exact * w.Restored, Title: w.Title, IDFPower: w.IDFPower, Stop: w.Stop}
			cs = append(cs, textClauses(r, rw, st)...)
		}
	}
	return cs
}

// MarshalJSON writes the query as built without index statistics.
func (q *textQuery) MarshalJSON() ([]byte, error) { return json.Marshal(q.expand(nil)) }

// view is one analysis of the text and the fields indexed that way.
type view struct {
	analyzer    string
	body, title string
	weight      float64
}

// textClauses are the scored views of some free text: for each view and
// field, one term per distinct term, each boosted by its idf and stop-word
// weight.
func textClauses(text string, w Weights, st *termStats) [][]termSpec {
	var cs [][]termSpec
	for _, v := range []view{
		{indexer.AnalyzerExact, indexer.FieldBody, indexer.FieldTitle, w.Exact},
		{indexer.AnalyzerFold, indexer.FieldBodyFold, indexer.FieldTitleFold, w.Fold},
		{indexer.AnalyzerBigram, indexer.FieldBodyBigram, indexer.FieldTitleBigram, w.Bigram},
	} {
		if v.weight <= 0 {
			continue
		}
		terms := dedup(indexer.QueryTerms(text, v.analyzer))
		if len(terms) == 0 {
			continue
		}
		for _, f := range []struct {
			name  string
			boost float64
		}{{v.body, v.weight}, {v.title, v.weight * w.Title}} {
			if f.boost <= 0 {
				continue
			}
			fterms := prune(terms, f.name, st, w.MaxDF)
			c := make([]termSpec, len(fterms))
			for i, t := range fterms {
				c[i] = termSpec{f.name, t, f.boost * termWeight(st, f.name, t, w)}
			}
			cs = append(cs, c)
		}
	}
	return cs
}

// termWeight is the boost of one term: the idf correction and the stop-word
// factor.
func termWeight(st *termStats, field, t string, w Weights) float64 {
	g := 1.0
	if isStop(t) {
		g = w.Stop
	}
	if st != nil && w.IDFPower != 2 {
		if idf := st.idf(field, t); idf > 0 {
			g *= math.Pow(idf, w.IDFPower-2)
		}
	}
	return g
}

func dedup(ts []string) []string {
	seen := make(map[string]bool, len(ts))
	out := ts[:0]
	for _, t := range ts {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// addFilters restricts b to the filters, all of them: bleve keeps one
// filter per boolean query, so they are joined in one conjunction.
func addFilters(b *query.BooleanQuery, f Filters) {
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
		r := bleve.NewDateRangeQuery(f.From, end)
		r.SetField(indexer.FieldPublished)
		fs = append(fs, r)
	}
	switch len(fs) {
	case 0:
	case 1:
		b.AddFilter(fs[0])
	default:
		b.AddFilter(bleve.NewConjunctionQuery(fs...))
	}
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
