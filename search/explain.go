package search

import (
	"strings"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/indexer"
)

// Match says why a hit matched, view by view: the words found with the
// query's own diacritics (the exact view), the words found only once
// diacritics are removed (the folded view), the query text or quoted phrases
// found as consecutive words, and the document numbers found as the hit's
// own number or as a citation in it. It is derived from the hit's stored
// text and the analyzed query, so it costs nothing unless asked for.
type Match struct {
	Exact   []string `json:"exact,omitempty"`
	Folded  []string `json:"folded,omitempty"`
	Phrases []string `json:"phrases,omitempty"`
	Number  []string `json:"number,omitempty"` // the hit's own số ký hiệu
	Cited   []string `json:"cited,omitempty"`  // numbers the hit cites
	InTitle bool     `json:"in_title,omitempty"`
}

// Empty reports whether nothing matched in the text (a filter-only hit).
func (m *Match) Empty() bool {
	return m == nil || len(m.Exact)+len(m.Folded)+len(m.Phrases)+len(m.Number)+len(m.Cited) == 0
}

// Explain matches q against a document's title, body and number: why a
// hit of q matched (Hit.Match, the page's and the API's explain=1).
func Explain(q Query, title, body, number string) *Match {
	m := &Match{}
	text := title + "\n" + body
	docExact := set(indexer.QueryTerms(text, indexer.AnalyzerExact))
	docFold := indexer.QueryTerms(text, indexer.AnalyzerFold)
	docFoldSet := set(docFold)
	titleFold := set(indexer.QueryTerms(title, indexer.AnalyzerFold))
	words := withoutNumbers(strings.Join(append([]string{q.Text}, q.Phrases...), " "))
	exact := indexer.QueryTerms(words, indexer.AnalyzerExact)
	fold := indexer.QueryTerms(words, indexer.AnalyzerFold)
	seen := map[string]bool{}
	for i, e := range exact {
		if i >= len(fold) || seen[e] || doctype.NumberKey(e) != "" {
			continue
		}
		seen[e] = true
		switch {
		case docExact[e]:
			m.Exact = append(m.Exact, e)
		case docFoldSet[fold[i]]:
			m.Folded = append(m.Folded, e)
		}
		if titleFold[fold[i]] {
			m.InTitle = true
		}
	}
	phrases := q.Phrases
	if t := withoutNumbers(q.Text); len(strings.Fields(t)) > 1 {
		phrases = append([]string{t}, phrases...)
	}
	for _, p := range phrases {
		if pf := indexer.QueryTerms(p, indexer.AnalyzerFold); len(pf) > 1 && containsRun(docFold, pf) {
			m.Phrases = append(m.Phrases, p)
		}
	}
	own := doctype.NumberKey(number)
	cites := map[string]bool{}
	viet.Tokenize(text, func(t viet.Token) {
		if t.Kind == viet.DocNumber {
			cites[doctype.NumberKey(text[t.Start:t.End])] = true
		}
	})
	for _, k := range q.Numbers {
		switch {
		case k == own:
			m.Number = append(m.Number, number)
		case cites[k]:
			m.Cited = append(m.Cited, strings.ToUpper(k))
		}
	}
	return m
}

// withoutNumbers blanks the document numbers of s, whose parts ("154",
// "nq") would otherwise be reported as words.
func withoutNumbers(s string) string {
	b := []byte(s)
	viet.Tokenize(s, func(t viet.Token) {
		if t.Kind == viet.DocNumber {
			for i := t.Start; i < t.End; i++ {
				b[i] = ' '
			}
		}
	})
	return strings.Join(strings.Fields(string(b)), " ")
}

func set(ts []string) map[string]bool {
	m := make(map[string]bool, len(ts))
	for _, t := range ts {
		m[t] = true
	}
	return m
}

// containsRun reports whether sub occurs in seq as consecutive elements.
func containsRun(seq, sub []string) bool {
	for i := 0; i+len(sub) <= len(seq); i++ {
		j := 0
		for j < len(sub) && seq[i+j] == sub[j] {
			j++
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}
