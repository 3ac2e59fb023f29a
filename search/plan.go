package search

import (
	"fmt"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/search/engine"
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
	// Statement is the share of Definition given to a statement "X là
	// Y" without a cue, Exam the weight of the words of exam items ("đúng
	// hay sai", "nào sau đây", stop.go; 0: ordinary words). Both are 0 but
	// in the exam profile (profile.go): they fit exam questions, not the
	// queries of a search box.
	Statement, Exam float64
	// DocType weighs the documents of the type a query names (typeboost.go).
	DocType float64
	// Article weighs the articles a query cites by number ("điều 29",
	// article.go).
	Article float64
	// Part multiplies the folded view's weight for the name of the
	// document a document is part of (the law of an article), Heading
	// the body weights for the titles of a text's article headings. The
	// heading views are off by default (HeadingWeight is the setting
	// measured): no dev set has whole texts to show a gain, and they cost
	// 20–35 % of query CPU at 100k documents (docs/log/ranking-07-collection-stats.md).
	Part, Heading float64
}

// DefaultWeights are the tuned boosts (see docs/ranking.md).
var DefaultWeights = Weights{Exact: 1.0, Fold: 0.5, Bigram: 1, Title: 0.6, Phrase: 2, Number: 30, Cites: 3, IDFPower: 4, Stop: 0.3, Restored: 1, Expansion: 0.1, MaxDF: 0.3, Definition: 15, DocType: 4,
	Article: 4, Part: 0.6}

// HeadingWeight is Weights.Heading for a collection of whole texts with
// article headings, where the heading views are meant to be switched on
// (docs/log/ranking-07-collection-stats.md).
const HeadingWeight = 0.6

// Filters restrict a search to facet values, a date range and documents in
// force.
type Filters struct {
	Type, Issuer, Site, Category string
	From, To                     time.Time // published date, inclusive; zero = open
	// InForce keeps the documents that have legal effect ("còn hiệu lực") at
	// At (zero: the time of the search), as the stored texts say
	// (graph.Span, indexer.FieldEffectFrom): a document nothing says
	// anything of is left out.
	InForce bool
	At      time.Time
	// units is the filter of the query's units (minmatch.go): set on the
	// plan a MinMatch search counts with, never on the one it ranks
	units query.Query
}

// The dates a filter may name: bleve keeps a date as nanoseconds since
// 1970 in an int64, and refuses a range reaching outside what its query
// parser accepts (query.MinRFC3339CompatibleTime to …Max). To is taken
// to the end of its day, so the last day is the one before bleve's last.
var (
	MinDate = query.MinRFC3339CompatibleTime.Truncate(24 * time.Hour)
	MaxDate = query.MaxRFC3339CompatibleTime.Truncate(24*time.Hour).AddDate(0, 0, -1)
)

// DateRangeError is a filter date outside MinDate–MaxDate.
type DateRangeError struct {
	Param string // "from" or "to"
	Date  time.Time
}

func (e *DateRangeError) Error() string {
	return fmt.Sprintf("%s %s is outside the dates the index can hold (%s to %s)",
		e.Param, e.Date.Format("2006-01-02"), MinDate.Format("2006-01-02"), MaxDate.Format("2006-01-02"))
}

// Validate reports a date filter the index cannot hold (*DateRangeError).
func (f Filters) Validate() error {
	for _, d := range []struct {
		param string
		t     time.Time
	}{{"from", f.From}, {"to", f.To}} {
		if !d.t.IsZero() && (d.t.Before(MinDate) || d.t.After(MaxDate)) {
			return &DateRangeError{Param: d.param, Date: d.t}
		}
	}
	return nil
}

// IsZero reports whether f restricts nothing.
func (f Filters) IsZero() bool {
	return f.Type == "" && f.Issuer == "" && f.Site == "" && f.Category == "" && f.From.IsZero() && f.To.IsZero() && !f.InForce
}

// Plan describes a search: what it matches, how each part weighs and what
// restricts it. It is a plain value, built from the parsed query without
// looking at the index (Build), and compiled twice: into bleve's query
// (bleveQuery, bleve.go) and into the top-k engine's (engineQuery,
// topk.go). Both compilations resolve the texts into weighted terms on the
// snapshot the search runs on (text.go: term statistics, accent
// restoration, pruning) with the same function, so they agree by
// construction. The scoring it describes (bleve's):
//
//	score = parts × share of the parts matched   (parts: Σ texts, numbers, partials; a document matches one at least)
//	      + expansion                              (only adds)
//	      + Σ phrases                              (each must occur)
//	      + Σ intents the document matches: term + Factor × text (all the texts as one)
//
// Exclude and Filters change no score: they leave documents out.
type Plan struct {
	// Texts are the free texts scored in every view of title and body:
	// the words outside phrases, exclusions and numbers, then each quoted
	// phrase.
	Texts []Text
	// Numbers are the term queries of the document numbers: each number key
	// on the document's own number (×Weights.Number) and among the numbers
	// its text cites (×Weights.Cites).
	Numbers []engine.Term
	// Partials are the regexps of the partial numbers ("nq 154", "nghị
	// quyết 154") over the same two fields, each scored as the
	// disjunction of the keys it matches.
	Partials []engine.Pattern
	// Expansion is the other side of the abbreviations ("UBND" → "Ủy ban
	// nhân dân" and back), scored as text ×Weights.Expansion in a clause
	// that only adds to a matching document's score; nil for none.
	Expansion *Text
	// Related are the terms the collection associates with a short
	// query's words (related.go), scored in the expansions' clause; nil
	// for none.
	Related *Related
	// Phrases must occur, spelled in any accents: each a phrase query on
	// the folded body (×Weights.Phrase) or title (×Phrase·Title).
	Phrases []Phrase
	// Exclude are the words and phrases a document must not hold, in its
	// folded body or title (-word, -"phrase").
	Exclude []string
	// Intents are what the query asks for beyond its words (intent.go), in
	// the order their clauses nest, innermost first.
	Intents []Intent
	Filters Filters
	// Weights weigh the terms of the texts when they are resolved.
	Weights Weights
	// units is the filter of the query's units (minmatch.go) when the
	// request counts by them (Request.MinMatch); nil: none
	units query.Query
}

// Text is free text, scored in every view with the Weights of the plan
// times Boost (0 means 1).
type Text struct {
	Text  string
	Boost float64
}

// Phrase is a quoted phrase that must occur, with the boosts of its match
// in the folded body and the folded title.
type Phrase struct {
	Text        string
	Body, Title float64
}

// Intent is a clause for what a query asks beyond its words: the
// documents holding Term in Field gain the score of that term, weighed
// Boost (times idf^(IDFPower−2) on the snapshot when IDF is set, like a
// query term of the same rarity), plus Factor times the score of the
// query's text (all of Plan.Texts). A document that does not hold the term
// keeps its score.
type Intent struct {
	Name        string // what it is, for a reader of the plan: "type Kế hoạch", "definition"
	Field, Term string
	Boost       float64
	IDF         bool
	Factor      float64
}

// Build describes the search of a parsed query with filters and weights.
// It reads no index: the texts become weighted terms when the plan is
// compiled on the snapshot a search runs on.
//
// Texts, phrases and exclusions without a word the index could hold ("-",
// a quoted "?") are left out: they would match nothing, or everything.
func Build(q Query, f Filters, w Weights) Plan {
	p := Plan{Filters: f, Weights: w}
	for _, x := range q.Exclude {
		if hasWords(x) {
			p.Exclude = append(p.Exclude, x)
		}
	}
	if t := strings.TrimSpace(q.Text); hasWords(t) {
		p.Texts = append(p.Texts, Text{Text: t})
	}
	for _, ph := range q.Phrases {
		if !hasWords(ph) {
			continue
		}
		p.Texts = append(p.Texts, Text{Text: ph})
		p.Phrases = append(p.Phrases, Phrase{Text: ph, Body: w.Phrase, Title: w.Phrase * w.Title})
	}
	for _, k := range q.Numbers {
		p.Numbers = append(p.Numbers, engine.Term{Field: indexer.FieldNumber, Term: k, Boost: w.Number},
			engine.Term{Field: indexer.FieldCites, Term: k, Boost: w.Cites})
	}
	for _, pn := range q.Partial {
		re := pn.Pattern()
		p.Partials = append(p.Partials, engine.Pattern{Field: indexer.FieldNumber, Regexp: re, Boost: w.Number},
			engine.Pattern{Field: indexer.FieldCites, Regexp: re, Boost: w.Cites})
	}
	if w.Expansion > 0 && len(q.Expansions) > 0 {
		p.Expansion = &Text{Text: strings.Join(q.Expansions, "; "), Boost: w.Expansion}
	}
	for _, rule := range intentRules {
		p.Intents = append(p.Intents, rule(q, w)...)
	}
	return p
}

// hasWords reports whether text holds a word any view of the index
// would hold.
func hasWords(text string) bool {
	return len(indexer.QueryTerms(text, indexer.AnalyzerFold)) > 0
}

// empty reports whether the plan has nothing to search for and no
// filters: a search refuses it (ErrEmptyQuery).
func (p Plan) empty() bool {
	return len(p.Texts)+len(p.Numbers)+len(p.Partials)+len(p.Phrases) == 0 && p.Filters.IsZero()
}

// text is the query's text the intents score once more: every text,
// phrases included.
func (p Plan) text() string {
	ts := make([]string, len(p.Texts))
	for i, t := range p.Texts {
		ts[i] = t.Text
	}
	return strings.Join(ts, " ")
}
