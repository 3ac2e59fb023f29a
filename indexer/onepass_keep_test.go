package indexer

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
)

// analyzeWithPool analyzes text under every view with pool, as a build
// or an open Index does, and returns the scratches the pool then keeps.
func analyzeWithPool(t *testing.T, pool *scratchPool, text string) []*scratch {
	t.Helper()
	doc := document.NewDocument("d")
	for name, a := range viewAnalyzers(t) {
		doc.AddField(document.NewTextFieldCustom(name, nil, []byte(text), index.IndexField, a))
	}
	shareAnalysis(doc, pool)
	for _, f := range doc.Fields {
		f.Analyze()
	}
	pool.mu.Lock()
	defer pool.mu.Unlock()
	return append([]*scratch(nil), pool.free...)
}

// caseVariants is n distinct spellings of one word, which differ in case
// only: n surfaces of the lexicon, and two terms.
func caseVariants(word string, n int) string {
	var b strings.Builder
	letters := []rune(word)
	for v := range n {
		for i, r := range letters {
			if v>>(i%30)&1 == 1 {
				r = unicode.ToUpper(r)
			}
			b.WriteRune(r)
		}
		b.WriteByte(' ')
	}
	return b.String()
}

// TestLexiconKeptBounded: the scratch an open Index keeps for its next
// documents (for as long as a server runs) is bounded whatever the
// documents were — its lexicon by the spellings it holds, not only by the
// terms (words differing in case share their terms, so the words map grew
// without bound under a bound of terms), and its per-document buffers by
// a size, not by the longest document ever analyzed (with a sync.Pool
// they went at the next collections; the list keeps them).
func TestLexiconKeptBounded(t *testing.T) {
	pool := &scratchPool{maxTerms: onlineLexTerms}
	// 1: 40,000 spellings of one word, two terms
	kept := analyzeWithPool(t, pool, caseVariants("nghịquyếtđịnhthôngtư", 40_000))
	for _, sc := range kept {
		if len(sc.surface) > 2*pool.bound() || len(sc.words) > 2*pool.bound() {
			t.Errorf("a kept lexicon holds %d spellings (%d terms), bound %d terms", len(sc.surface), len(sc.terms), pool.bound())
		}
	}
	// 2: one long document of few words (a 5 MB text keeps 1M tokens)
	long := strings.Repeat("Điều 1 ban hành kèm theo quyết định này quy chế ", 40_000)
	if !utf8.ValidString(long) {
		t.Fatal("invalid text")
	}
	kept = analyzeWithPool(t, pool, long)
	if len(kept) == 0 {
		t.Fatal("no scratch kept after a document of few words")
	}
	for _, sc := range kept {
		held := 16*cap(sc.tokens) + 16*cap(sc.view) + 24*cap(sc.grams) + 4*cap(sc.bslot) + 4*cap(sc.slot)
		if held > 4<<20 {
			t.Errorf("a kept scratch holds %d MB of one document's buffers (tokens %d, view %d, grams %d)",
				held>>20, cap(sc.tokens), cap(sc.view), cap(sc.grams))
		}
	}
}

// TestPoolConcurrent: goroutines analyzing documents and making title
// sort keys with one pool at once, as an Index's analysis workers do
// (run with -race), get what each view's analyzer and a new collator
// give, with lexicons dropped at a small bound and reused between
// goroutines; the titles include decomposed marks, invalid UTF-8, long
// and empty ones, so that a collator's state after one would show in
// the next.
func TestPoolConcurrent(t *testing.T) {
	texts := []string{
		"Điều 5. Quyền và nghĩa vụ của Ủy ban nhân dân tỉnh", "ÂN THI hoà bình hòa bình", "",
		"Quyết định 12/QĐ-UBND ngày 5/6/2024", "a\u0301 e\u0302\u0301 O\u031B\u0300 \xff\xfe tiếng Việt",
		strings.Repeat("Nghị quyết số 154/NQ-CP về việc ", 60), "Ｑｕｙết định ﬁ ½ ²",
		caseVariants("thôngtư", 300), "x", "Đà Nẵng – An Giang — Ăn",
	}
	views := viewAnalyzers(t)
	opts := index.IndexField | index.IncludeTermVectors
	want := map[string]string{}
	keys := map[string]string{}
	for _, s := range texts {
		keys[s] = titleSortKey(s)
		for name, a := range views {
			f := analyzedAlone(name, s, opts, a)
			want[name+"\x00"+s] = freqString(f.AnalyzedLength(), f.AnalyzedTokenFrequencies())
		}
	}
	pool := &scratchPool{maxTerms: 64}
	const workers = 4
	errs := make(chan string, workers)
	for w := range workers {
		go func() {
			defer func() { errs <- "" }()
			for round := range 30 {
				s := texts[(round*7+w)%len(texts)]
				if got := pool.titleSortKey(s); got != keys[s] {
					errs <- "sort key of " + s
					return
				}
				doc := document.NewDocument("d")
				for name, a := range views {
					doc.AddField(document.NewTextFieldCustom(name, []uint64{3}, []byte(s), opts, a))
				}
				shareAnalysis(doc, pool)
				for _, f := range doc.Fields {
					f.Analyze()
					if got := freqString(f.AnalyzedLength(), f.AnalyzedTokenFrequencies()); got != want[f.Name()+"\x00"+s] {
						errs <- f.Name() + " of " + s + ": " + got + "\nWANT " + want[f.Name()+"\x00"+s]
						return
					}
				}
			}
		}()
	}
	for range workers {
		if e := <-errs; e != "" {
			t.Error(e)
			<-errs
		}
	}
}

// FuzzOnePassCarried: a text analyzed after another with the same pool —
// so with the words, spellings and terms the first left in the lexicon,
// or with a new lexicon when the first pushed it past a bound of 64 terms
// — gives each view's analyzer's frequencies, as alone.
func FuzzOnePassCarried(f *testing.F) {
	texts := onePassTexts()
	for i, s := range texts {
		f.Add(s, texts[(i+1)%len(texts)])
	}
	f.Add("ĐIỀU 5. Quyết định 12/QĐ-UBND", "điều 5 quyết định 12/qđ-ubnd QĐ")
	views := viewAnalyzers(f)
	opts := index.IndexField | index.IncludeTermVectors
	pool := &scratchPool{maxTerms: 64}
	f.Fuzz(func(t *testing.T, first, text string) {
		analyzeWithPool(t, pool, first)
		doc := document.NewDocument("d")
		var want []string
		for name, a := range views {
			alone := analyzedAlone(name, text, opts, a)
			want = append(want, freqString(alone.AnalyzedLength(), alone.AnalyzedTokenFrequencies()))
			doc.AddField(document.NewTextFieldCustom(name, []uint64{3}, []byte(text), opts, a))
		}
		shareAnalysis(doc, pool)
		for i, f := range doc.Fields {
			f.Analyze()
			if got := freqString(f.AnalyzedLength(), f.AnalyzedTokenFrequencies()); got != want[i] {
				t.Fatalf("%s of %q after %q:\n got %s\nwant %s", f.Name(), text, first, got, want[i])
			}
		}
	})
}
