package indexer

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/vanban/vanban/corpus/viet"
)

// Analyzer names registered with bleve. The version suffix changes whenever
// an analyzer's output changes, because an index must be rebuilt then.
const (
	AnalyzerExact  = "vi_exact_v1"  // NFC + lowercase + canonical tones; document numbers whole and in parts
	AnalyzerFold   = "vi_fold_v1"   // lowercase, no marks, đ → d; document numbers whole and in parts
	AnalyzerBigram = "vi_bigram_v1" // folded syllable bigrams ("kinh te", "te xa")
	// AnalyzerBigramExact gives exact-view syllable bigrams ("kinh tế",
	// "tế xã"): adjacency with the accents as written, and the vocabulary
	// that restores the accents of an accent-free query.
	AnalyzerBigramExact = "vi_bigram_exact_v1"
	AnalyzerKey         = "vi_key_v1" // the whole value as one document-number key
)

func init() {
	for name, a := range map[string]analysis.Analyzer{
		AnalyzerExact:       viAnalyzer{term: exactTerm},
		AnalyzerFold:        viAnalyzer{term: foldTerm},
		AnalyzerBigram:      bigramAnalyzer{word: viet.Fold},
		AnalyzerBigramExact: bigramAnalyzer{word: viet.Lower},
		AnalyzerKey:         keyAnalyzer{},
	} {
		a := a
		if err := registry.RegisterAnalyzer(name, func(map[string]any, *registry.Cache) (analysis.Analyzer, error) {
			return a, nil
		}); err != nil {
			panic(err) // programmer error: duplicate registration
		}
	}
}

// exactTerm is the exact view of one token.
func exactTerm(s string, k viet.Kind) string {
	if k == viet.DocNumber {
		return viet.NumberKey(s)
	}
	return viet.Lower(s)
}

// foldTerm is the folded view of one token.
func foldTerm(s string, k viet.Kind) string {
	if k == viet.DocNumber {
		return viet.NumberKey(s)
	}
	return viet.Fold(s)
}

// viAnalyzer tokenizes with viet.Tokenize and maps each token through term.
// It is a token-level transformation: Start and End stay byte offsets into
// the original text, so highlights land on the accented original.
type viAnalyzer struct {
	term func(string, viet.Kind) string
}

func (a viAnalyzer) Analyze(input []byte) analysis.TokenStream {
	return analyze(input, a.term)
}

// analyze is shared by the exact and folded views (and by query analysis).
func analyze(input []byte, term func(string, viet.Kind) string) analysis.TokenStream {
	s := string(input)
	ts := make(analysis.TokenStream, 0, len(s)/5)
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
		ts = append(ts, &analysis.Token{
			Start: t.Start, End: t.End, Position: p,
			Term: []byte(v), Type: analysis.AlphaNumeric,
		})
	})
	return ts
}

// bigramAnalyzer emits syllable pairs, each syllable mapped by word:
// "phát triển kinh tế" → "phat trien", "trien kinh", "kinh te" (folded). A
// pair never spans a sentence or clause break (. , ; : ! ? and newlines).
type bigramAnalyzer struct {
	word func(string) string
}

func (a bigramAnalyzer) Analyze(input []byte) analysis.TokenStream {
	s := string(input)
	ts := make(analysis.TokenStream, 0, len(s)/5)
	var prev string
	prevStart, prevEnd, pos := 0, 0, 0
	viet.Tokenize(s, func(t viet.Token) {
		if t.Kind != viet.Word {
			return
		}
		pos++
		w := a.word(s[t.Start:t.End])
		if prev != "" && !hasBreak(s[prevEnd:t.Start]) {
			ts = append(ts, &analysis.Token{
				Start: prevStart, End: t.End, Position: pos - 1,
				Term: []byte(prev + " " + w), Type: analysis.Shingle,
			})
		}
		prev, prevStart, prevEnd = w, t.Start, t.End
	})
	return ts
}

func hasBreak(gap string) bool { return strings.ContainsAny(gap, ".,;:!?\n()\"“”") }

// keyAnalyzer indexes a whole value (a document number) as one key.
type keyAnalyzer struct{}

func (keyAnalyzer) Analyze(input []byte) analysis.TokenStream {
	s := strings.TrimSpace(string(input))
	k := viet.NumberKey(s)
	if k == "" {
		k = viet.Fold(s)
	}
	if k == "" {
		return nil
	}
	return analysis.TokenStream{{Start: 0, End: len(input), Position: 1, Term: []byte(k), Type: analysis.AlphaNumeric}}
}

// QueryTerms analyzes query text the way the named view analyzes documents
// and returns the terms in order.
func QueryTerms(text, analyzer string) []string {
	var ts analysis.TokenStream
	switch analyzer {
	case AnalyzerExact:
		ts = analyze([]byte(text), exactTerm)
	case AnalyzerFold:
		ts = analyze([]byte(text), foldTerm)
	case AnalyzerBigram:
		ts = bigramAnalyzer{word: viet.Fold}.Analyze([]byte(text))
	case AnalyzerBigramExact:
		ts = bigramAnalyzer{word: viet.Lower}.Analyze([]byte(text))
	case AnalyzerKey:
		ts = keyAnalyzer{}.Analyze([]byte(text))
	}
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = string(t.Term)
	}
	return out
}
