package indexer

import (
	"reflect"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
)

// refAnalyze and refBigrams are the analyzers as they were before the
// token blocks and term arenas (one allocation per token and term); the
// analyzers must emit exactly the same streams.
func refAnalyze(input []byte, term func(string, viet.Kind) string) analysis.TokenStream {
	s := string(input)
	var ts analysis.TokenStream
	pos := 0
	viet.Tokenize(s, func(t viet.Token) {
		p := pos + 1
		if t.Kind == viet.Word {
			pos++
		}
		v := term(s[t.Start:t.End], t.Kind)
		if v == "" {
			return
		}
		ts = append(ts, &analysis.Token{Start: t.Start, End: t.End, Position: p, Term: []byte(v), Type: analysis.AlphaNumeric})
	})
	return ts
}

func refBigrams(input []byte, word func(string) string) analysis.TokenStream {
	s := string(input)
	var ts analysis.TokenStream
	var prev string
	prevStart, prevEnd, pos := 0, 0, 0
	viet.Tokenize(s, func(t viet.Token) {
		if t.Kind != viet.Word {
			return
		}
		pos++
		w := word(s[t.Start:t.End])
		if prev != "" && !hasBreak(s[prevEnd:t.Start]) {
			ts = append(ts, &analysis.Token{Start: prevStart, End: t.End, Position: pos - 1, Term: []byte(prev + " " + w), Type: analysis.Shingle})
		}
		prev, prevStart, prevEnd = w, t.Start, t.End
	})
	return ts
}

func TestAnalyzersMatchReference(t *testing.T) {
	ref := map[string]func([]byte) analysis.TokenStream{
		AnalyzerExact: func(b []byte) analysis.TokenStream {
			return refAnalyze(b, func(s string, k viet.Kind) string {
				if k == viet.DocNumber {
					return doctype.NumberKey(s)
				}
				return viet.Lower(s)
			})
		},
		AnalyzerFold: func(b []byte) analysis.TokenStream {
			return refAnalyze(b, func(s string, k viet.Kind) string {
				if k == viet.DocNumber {
					return doctype.NumberKey(s)
				}
				return viet.Fold(s)
			})
		},
		AnalyzerBigram:      func(b []byte) analysis.TokenStream { return refBigrams(b, viet.Fold) },
		AnalyzerBigramExact: func(b []byte) analysis.TokenStream { return refBigrams(b, viet.Lower) },
		AnalyzerBreakBigram: func(b []byte) analysis.TokenStream { return refBreakBigrams(b, viet.Fold) },
		AnalyzerBigramSample: func(b []byte) analysis.TokenStream {
			// the pairs whose second word is among the first SampleWords
			var out analysis.TokenStream
			for _, t := range refBigrams(b, viet.Lower) {
				if t.Position+1 <= SampleWords {
					out = append(out, t)
				}
			}
			return out
		},
	}
	inputs := []string{"", "a", "\u0301\u0301 x", "x \u0301 y", "Ủy ban, HĐND; 154/NQ-CP (2022) “trích”\nđoạn", norm.NFD.String(benchParagraphs[2]), strings.ToUpper(benchParagraphs[1]), "a\xffb c"}
	for _, d := range benchDocs(50) {
		inputs = append(inputs, d.Title, d.Body)
	}
	m := NewMapping()
	for name, want := range ref {
		a := m.AnalyzerNamed(name)
		for _, in := range inputs {
			got, exp := a.Analyze([]byte(in)), want([]byte(in))
			if len(got) == 0 && len(exp) == 0 {
				continue
			}
			if !reflect.DeepEqual(got, exp) {
				t.Errorf("%s(%q) differs from the reference:\n got %v\nwant %v", name, in, got, exp)
			}
		}
	}
}

// refBreakBigrams are the pairs refBigrams leaves out: two words in a row
// with a break between them.
func refBreakBigrams(input []byte, word func(string) string) analysis.TokenStream {
	s := string(input)
	var ts analysis.TokenStream
	var prev string
	prevStart, prevEnd, pos := 0, 0, 0
	viet.Tokenize(s, func(t viet.Token) {
		if t.Kind != viet.Word {
			return
		}
		pos++
		w := word(s[t.Start:t.End])
		if prev != "" && hasBreak(s[prevEnd:t.Start]) {
			ts = append(ts, &analysis.Token{Start: prevStart, End: t.End, Position: pos - 1, Term: []byte(prev + " " + w), Type: analysis.Shingle})
		}
		prev, prevStart, prevEnd = w, t.Start, t.End
	})
	return ts
}
