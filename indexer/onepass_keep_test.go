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
