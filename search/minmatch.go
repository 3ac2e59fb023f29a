package search

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/search/engine"
)

// What a query counts and lists (Request.MinMatch). A query's words are
// OR'ed for ranking, so that a document matching most of them still
// ranks; but then nearly every document matches something (a Vietnamese
// syllable folded — "co", "so", "khi", "noi" — is in every text) and the
// total and facets say nothing: "264 kết quả" of 268 for "o nhiem khong
// khi ha noi". Staff read the total as the documents about the query.
//
// A Vietnamese word is mostly two syllables ("ô nhiễm", "không khí", "Hà
// Nội", "mức lương", "cơ sở"), so the unit a document must hold is the
// query's pairs of syllables in a row, folded (the bigram views, spelled in
// any accents: the count is the same typed with or without marks), and a
// document number the query names (all its spellings: one unit). A
// document is counted and listed when it holds minMatch(n) of the n units;
// a one-word query's unit is its folded word. The ranking of what remains
// is unchanged: the units are a filter, unscored, applied by the top-k
// engine and bleve alike (Plan.Filters).

// minMatch is how many of a query's n units a document must hold: all of
// one or two ("kinh tế", "quyết định 2530"), half of more rounded up, at
// most four ("mức lương cơ sở": 2 of 3 pairs; a question of 20 pairs: 4).
func minMatch(n int) int {
	if n <= 2 {
		return n
	}
	return min(4, (n+1)/2)
}

// minMatchQuery is the filter of plan p's units (unitsQuery); nil for a
// query of one word and nothing else (every match holds it) or without
// units. The units:
//
//   - each pair of words in a row of the free text, folded, without a
//     digit ("quyết định 2530" → "quyet dinh"), held in the body or title
//     (the bigram views);
//   - without a number, each word with a digit ("hien phap 2013",
//     "bao so 15"), folded, in the body or title, and a lone word when the
//     text has no pair;
//   - the document numbers the query names, whole or partly, held as a
//     document's own number or cited: required, when the index holds any
//     of them ("nghi dinh 234": the documents of 234/…/NĐ-… or citing it,
//     with "nghi dinh"); the words typed with them that pair with nothing
//     ("số", the "nq" of "nq 380") are theirs. A reading of the query as
//     a number the index holds nowhere is left out: its words decide.
func minMatchQuery(p Plan, m mapping.IndexMapping) query.Query {
	var units []query.Query
	numbered := len(p.Numbers) > 0 || len(p.Partials) > 0
	text := p.text()
	if numbered {
		text = digitFree(withoutNumbers(text))
	}
	if bi := m.AnalyzerNamed(indexer.AnalyzerBigram); bi != nil && text != "" {
		seen := map[string]bool{}
		for _, t := range bi.Analyze([]byte(text)) {
			w := string(t.Term)
			if seen[w] || hasDigit(w) {
				continue
			}
			seen[w] = true
			units = append(units, anyField(w, indexer.FieldBodyBigram, indexer.FieldTitleBigram))
		}
	}
	pairs := len(units)
	if fo := m.AnalyzerNamed(indexer.AnalyzerFold); fo != nil && text != "" && !numbered {
		seen := map[string]bool{}
		for _, t := range fo.Analyze([]byte(text)) {
			w := string(t.Term)
			if seen[w] || !hasDigit(w) && pairs > 0 {
				continue
			}
			seen[w] = true
			units = append(units, anyField(w, indexer.FieldBodyFold, indexer.FieldTitleFold))
		}
	}
	if !numbered && (len(units) == 0 || len(units) == 1 && pairs == 0) {
		return nil
	}
	return &unitsQuery{text: units, numbers: p.Numbers, partials: p.Partials}
}

// unitsQuery is the units' filter, resolved on the snapshot searched: the
// numbers the index holds (required, when any), and minMatch of the text's
// units.
type unitsQuery struct {
	text     []query.Query
	numbers  []engine.Term
	partials []engine.Pattern
}

func (q *unitsQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	qq, err := q.resolve(ctx, r)
	if err != nil {
		return nil, err
	}
	return qq.Searcher(ctx, r, m, o)
}

// resolve is the filter on r.
func (q *unitsQuery) resolve(ctx context.Context, r index.IndexReader) (query.Query, error) {
	var nums []query.Query
	for _, n := range q.numbers {
		tfr, err := r.TermFieldReader(ctx, []byte(n.Term), n.Field, false, false, false)
		if err != nil {
			return nil, fmt.Errorf("search: units: %w", err)
		}
		held := tfr.Count() > 0
		tfr.Close()
		if held {
			nums = append(nums, term(n.Field, n.Term, 1))
		}
	}
	for _, p := range q.partials {
		c, err := engine.Expand(r, p)
		if err != nil {
			return nil, err
		}
		for _, t := range c {
			nums = append(nums, term(t.Field, t.Term, 1))
		}
	}
	var text query.Query
	switch len(q.text) {
	case 0:
	case 1:
		text = q.text[0]
	default:
		d := bleve.NewDisjunctionQuery(q.text...)
		d.SetMin(float64(minMatch(len(q.text))))
		text = d
	}
	switch {
	case len(nums) > 0 && text != nil:
		return bleve.NewConjunctionQuery(bleve.NewDisjunctionQuery(nums...), text), nil
	case len(nums) > 0:
		return bleve.NewDisjunctionQuery(nums...), nil
	case text != nil:
		return text, nil
	}
	return bleve.NewMatchAllQuery(), nil
}

// MarshalJSON writes the filter without the index: every number taken as
// held.
func (q *unitsQuery) MarshalJSON() ([]byte, error) {
	parts := map[string]any{"units": q.text, "min": minMatch(len(q.text))}
	var nums []query.Query
	for _, n := range q.numbers {
		nums = append(nums, term(n.Field, n.Term, 1))
	}
	for _, p := range q.partials {
		nums = append(nums, patternQuery(p))
	}
	if len(nums) > 0 {
		parts["numbers"] = nums
	}
	return json.Marshal(parts)
}

// digitFree is s without its words holding a digit (the "2530" of
// "quyết định 2530"; withoutNumbers blanks the whole numbers): the
// numbers' unit stands for them.
func digitFree(s string) string {
	ws := strings.Fields(s)
	out := ws[:0]
	for _, w := range ws {
		if !hasDigit(w) {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// hasDigit reports whether s holds an ASCII digit.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// anyField is term w in any of fields.
func anyField(w string, fields ...string) query.Query {
	qs := make([]query.Query, len(fields))
	for i, f := range fields {
		qs[i] = term(f, w, 1)
	}
	return bleve.NewDisjunctionQuery(qs...)
}
