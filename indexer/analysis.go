package indexer

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
)

// Analyzer names registered with bleve. The version suffix changes whenever
// an analyzer's output changes, because an index must be rebuilt then.
const (
	AnalyzerExact  = "vi_exact_v2"  // NFC + lowercase + canonical tones; document numbers whole and in parts
	AnalyzerFold   = "vi_fold_v3"   // lowercase, no marks, đ/Đ/Ð/ð → d; document numbers whole and in parts
	AnalyzerBigram = "vi_bigram_v1" // folded syllable bigrams ("kinh te", "te xa")
	// AnalyzerBreakBigram gives the folded syllable pairs that
	// AnalyzerBigram leaves out: two words in a row with a break between
	// them ("luong, co" → "luong co"). With it, every pair of words at
	// consecutive positions of the folded view is in one of the two.
	AnalyzerBreakBigram = "vi_break_bigram_v1"
	// AnalyzerBigramExact gives exact-view syllable bigrams ("kinh tế",
	// "tế xã"): adjacency with the accents as written.
	AnalyzerBigramExact = "vi_bigram_exact_v1"
	// AnalyzerBigramSample gives the exact-view bigrams of a document's
	// first SampleWords words: the sample of the language from which an
	// accent-free query's accents are restored (search/restore.go).
	AnalyzerBigramSample = "vi_bigram_sample_v1"
	AnalyzerKey          = "vi_key_v2" // the whole value as one document-number key
	// The title analyzers are the exact, folded and bigram views without
	// the "Điều N." that opens the title of an article (titleAnalyzer).
	AnalyzerTitleExact  = "vi_title_exact_v1"
	AnalyzerTitleFold   = "vi_title_fold_v1"
	AnalyzerTitleBigram = "vi_title_bigram_v1"
	// AnalyzerTitleFoldPositions was title_f's until layout 15 and
	// AnalyzerFoldPositions body_f's until layout 13 (since, they keep no
	// positions and are analyzed by AnalyzerTitleFold, AnalyzerFold; the
	// two stay registered for the tests' positional indexes): the same
	// terms and positions, with every token's byte offsets (Start, End)
	// zero. zap stores each location's offsets beside its position, and
	// nothing reads them back (phrases match on positions; snippets and
	// highlights are cut from the store's text), so zero offsets take one
	// byte each instead of two or three: 7 % of the index
	// (docs/log/i21-disk.md).
	AnalyzerFoldPositions      = "vi_fold_v3_pos"
	AnalyzerTitleFoldPositions = "vi_title_fold_v1_pos"
)

// SampleWords is how many words of each document feed the bigram sample.
// Restoration only needs how often each spelling of a syllable pair
// occurs, which a sample estimates; indexing every accented bigram of
// every document cost a quarter of the indexing time (docs/log/ranking-01-analysis.md).
const SampleWords = 64

// legacyAnalyzers are names of earlier analyzers, registered only so that
// an index made with them opens far enough to say it must be rebuilt.
var legacyAnalyzers = []string{"vi_fold_v1", "vi_exact_v1", "vi_fold_v2", "vi_key_v1"}

func init() {
	for name, a := range map[string]analysis.Analyzer{
		// the text views carry the view they give, from which the one
		// pass derives the same tokens (onepass.go)
		AnalyzerExact:              viewAnalyzer{viAnalyzer{term: exactTerm}, view{}},
		AnalyzerFold:               viewAnalyzer{viAnalyzer{term: foldTerm}, view{fold: true}},
		AnalyzerBigram:             viewAnalyzer{bigramAnalyzer{word: viet.AppendFold}, view{fold: true, bigram: true}},
		AnalyzerBreakBigram:        viewAnalyzer{bigramAnalyzer{word: viet.AppendFold, breaks: true}, view{fold: true, bigram: true, breaks: true}},
		AnalyzerBigramExact:        viewAnalyzer{bigramAnalyzer{word: appendLower}, view{bigram: true}},
		AnalyzerBigramSample:       viewAnalyzer{bigramAnalyzer{word: appendLower, max: SampleWords}, view{bigram: true, max: SampleWords}},
		AnalyzerKey:                keyAnalyzer{},
		AnalyzerTitleExact:         viewAnalyzer{titleAnalyzer{viAnalyzer{term: exactTerm}}, view{title: true}},
		AnalyzerTitleFold:          viewAnalyzer{titleAnalyzer{viAnalyzer{term: foldTerm}}, view{fold: true, title: true}},
		AnalyzerTitleBigram:        viewAnalyzer{titleAnalyzer{bigramAnalyzer{word: viet.AppendFold}}, view{fold: true, bigram: true, title: true}},
		AnalyzerFoldPositions:      viewAnalyzer{noOffsets{viAnalyzer{term: foldTerm}}, view{fold: true, noOffsets: true}},
		AnalyzerTitleFoldPositions: viewAnalyzer{noOffsets{titleAnalyzer{viAnalyzer{term: foldTerm}}}, view{fold: true, title: true, noOffsets: true}},
		legacyAnalyzers[0]:         viAnalyzer{term: foldTerm},
		legacyAnalyzers[1]:         viAnalyzer{term: exactTerm},
		legacyAnalyzers[2]:         viAnalyzer{term: foldTerm},
		legacyAnalyzers[3]:         keyAnalyzer{},
	} {
		a := a
		if err := registry.RegisterAnalyzer(name, func(map[string]any, *registry.Cache) (analysis.Analyzer, error) {
			return a, nil
		}); err != nil {
			panic(err) // programmer error: duplicate registration
		}
	}
}

// exactTerm appends the exact view of one token to dst.
func exactTerm(dst []byte, s string, k viet.Kind) []byte {
	if k == viet.DocNumber {
		return append(dst, doctype.NumberKey(s)...)
	}
	return appendLower(dst, s)
}

// foldTerm appends the folded view of one token to dst.
func foldTerm(dst []byte, s string, k viet.Kind) []byte {
	if k == viet.DocNumber {
		return append(dst, doctype.NumberKey(s)...)
	}
	return viet.AppendFold(dst, s)
}

func appendLower(dst []byte, s string) []byte { return append(dst, viet.Lower(s)...) }

// viAnalyzer tokenizes with viet.Tokenize and maps each token through term.
// It is a token-level transformation: Start and End stay byte offsets into
// the original text, so highlights land on the accented original.
type viAnalyzer struct {
	term func(dst []byte, s string, k viet.Kind) []byte
}

func (a viAnalyzer) Analyze(input []byte) analysis.TokenStream {
	return analyze(input, a.term)
}

// analyze is shared by the exact and folded views (and by query analysis).
func analyze(input []byte, term func([]byte, string, viet.Kind) []byte) analysis.TokenStream {
	s := string(input)
	out := newStream(len(s)/5, len(s))
	pos := 0
	viet.Tokenize(s, func(t viet.Token) {
		p := pos + 1
		if t.Kind == viet.Word {
			pos++
		}
		w := s[t.Start:t.End]
		at := out.grow(2 * len(w))
		out.arena = term(out.arena, w, t.Kind)
		out.push(t.Start, t.End, p, analysis.AlphaNumeric, at)
	})
	return out.ts
}

// stream builds a token stream with few allocations: tokens come from
// blocks and terms share byte arenas, instead of one allocation each
// (BenchmarkAnalyze, docs/log/perf-choices.md). A term is never written after
// its token is made, so sharing an arena is safe.
type stream struct {
	ts    analysis.TokenStream
	block []analysis.Token
	arena []byte
}

// newStream expects about tokens tokens and bytes bytes of terms.
func newStream(tokens, bytes int) *stream {
	tokens++
	return &stream{ts: make(analysis.TokenStream, 0, tokens), block: make([]analysis.Token, tokens), arena: make([]byte, 0, bytes+16)}
}

// grow makes room for a term of about n bytes and returns where it starts.
// (A longer term is still right: append moves the arena.)
func (s *stream) grow(n int) int {
	if cap(s.arena)-len(s.arena) < n {
		s.arena = make([]byte, 0, max(4096, n))
	}
	return len(s.arena)
}

// push makes a token of the term appended to the arena since at; an empty
// term makes none.
func (s *stream) push(start, end, pos int, typ analysis.TokenType, at int) {
	if len(s.arena) == at {
		return
	}
	if len(s.block) == 0 {
		s.block = make([]analysis.Token, 64)
	}
	t := &s.block[0]
	s.block = s.block[1:]
	*t = analysis.Token{Start: start, End: end, Position: pos, Term: s.arena[at:len(s.arena):len(s.arena)], Type: typ}
	s.ts = append(s.ts, t)
}

// noOffsets is inner with every token's Start and End zero: positions
// only (AnalyzerFoldPositions).
type noOffsets struct{ inner analysis.Analyzer }

func (a noOffsets) Analyze(input []byte) analysis.TokenStream {
	ts := a.inner.Analyze(input)
	for _, t := range ts {
		t.Start, t.End = 0, 0
	}
	return ts
}

// bigramAnalyzer emits syllable pairs, each syllable mapped by word:
// "phát triển kinh tế" → "phat trien", "trien kinh", "kinh te" (folded). A
// pair never spans a sentence or clause break (. , ; : ! ? and newlines);
// with breaks, it emits only the pairs that do.
type bigramAnalyzer struct {
	word   func(dst []byte, s string) []byte
	max    int  // words read; 0 reads all
	breaks bool // only the pairs across a break
}

func (a bigramAnalyzer) Analyze(input []byte) analysis.TokenStream {
	s := string(input)
	out := newStream(len(s)/5, 2*len(s))
	var prev, cur []byte // the mapped syllables
	prevStart, prevEnd, pos := 0, 0, 0
	viet.Tokenize(s, func(t viet.Token) {
		if t.Kind != viet.Word {
			return
		}
		pos++
		if a.max > 0 && pos > a.max {
			return
		}
		cur = a.word(cur[:0], s[t.Start:t.End])
		if len(prev) > 0 && hasBreak(s[prevEnd:t.Start]) == a.breaks {
			at := out.grow(len(prev) + 1 + len(cur))
			out.arena = append(append(append(out.arena, prev...), ' '), cur...)
			out.push(prevStart, t.End, pos-1, analysis.Shingle, at)
		}
		prev, cur = cur, prev
		prevStart, prevEnd = t.Start, t.End
	})
	return out.ts
}

func hasBreak(gap string) bool {
	if len(gap) == 1 && gap[0] == ' ' {
		return false
	}
	return strings.ContainsAny(gap, ".,;:!?\n()\"“”")
}

// keyAnalyzer indexes a whole value (a document number) as one key.
type keyAnalyzer struct{}

func (keyAnalyzer) Analyze(input []byte) analysis.TokenStream {
	k := numberKey(string(input))
	if k == "" {
		return nil
	}
	return analysis.TokenStream{{Start: 0, End: len(input), Position: 1, Term: []byte(k), Type: analysis.AlphaNumeric}}
}

// numberKey is the term AnalyzerKey gives a number field's value: its
// number key, else its folded text; "" for none.
func numberKey(v string) string {
	s := strings.TrimSpace(v)
	if k := doctype.NumberKey(s); k != "" {
		return k
	}
	return viet.Fold(s)
}

// ScanFold calls fn with every term of AnalyzerFold's analysis of text
// (the terms of body_f) and its position, in order: the same terms and
// positions as the analyzer's token stream (TestScanFold), without
// building it. term is valid only during the call. Quoted phrases and the
// proximity rerank read the body's positions this way from the stored
// text, since the index keeps none (layout 13).
func ScanFold(text string, fn func(term []byte, pos int)) { scanFold(text, 0, fn) }

// ScanTitleFold is ScanFold for the folded title (title_f,
// AnalyzerTitleFold): without the "Điều N." that opens an article's title
// (titleAnalyzer), the positions after it unchanged. The index keeps no
// positions of the title either (layout 15).
func ScanTitleFold(text string, fn func(term []byte, pos int)) {
	scanFold(text, headingPrefix(text), fn)
}

// scanFold is ScanFold without the terms that start before byte skip.
func scanFold(text string, skip int, fn func(term []byte, pos int)) {
	var buf []byte
	pos := 0
	viet.Tokenize(text, func(t viet.Token) {
		p := pos + 1
		if t.Kind == viet.Word {
			pos++
		}
		if t.Start < skip {
			return
		}
		if buf = foldTerm(buf[:0], text[t.Start:t.End], t.Kind); len(buf) > 0 {
			fn(buf, p)
		}
	})
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
		ts = bigramAnalyzer{word: viet.AppendFold}.Analyze([]byte(text))
	case AnalyzerBreakBigram:
		ts = bigramAnalyzer{word: viet.AppendFold, breaks: true}.Analyze([]byte(text))
	case AnalyzerBigramExact:
		ts = bigramAnalyzer{word: appendLower}.Analyze([]byte(text))
	case AnalyzerBigramSample:
		ts = bigramAnalyzer{word: appendLower, max: SampleWords}.Analyze([]byte(text))
	case AnalyzerKey:
		ts = keyAnalyzer{}.Analyze([]byte(text))
	}
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = string(t.Term)
	}
	return out
}
