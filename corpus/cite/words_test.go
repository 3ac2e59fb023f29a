package cite

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
)

// TestNextDigit compares nextDigit with a byte loop at every start of
// texts holding digits at every offset of an eight-byte word, bytes next to
// the digits' range ("/", ":") and multi-byte letters whose bytes have the
// high bit set.
func TestNextDigit(t *testing.T) {
	texts := []string{
		"",
		"Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020",
		"không có chữ số nào trong câu này: ///:::",
		"ỹỹỹỹỹỹỹỹỹỹ9",
		"\x80\xb0\xb9\xff\x2f\x3a\x3a\x2f0",
	}
	for n := 0; n < 20; n++ {
		b := []byte("abcdefghijklmnopqrstuvwxyz")
		b[n] = '0' + byte(n%10)
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		for i := 0; i <= len(s); i++ {
			checkNextDigit(t, s, i)
		}
	}
}

// checkNextDigit compares nextDigit(s, i) with a byte loop.
func checkNextDigit(t *testing.T, s string, i int) {
	t.Helper()
	want := i
	for want < len(s) && !isDigit(s[want]) {
		want++
	}
	if got := nextDigit(s, i); got != want {
		t.Errorf("nextDigit(%q, %d) = %d, want %d", s, i, got, want)
	}
}

func FuzzNextDigit(f *testing.F) {
	f.Add("Quyết định số 1234/QĐ-UBND", 3)
	f.Fuzz(func(t *testing.T, s string, i int) {
		if i >= 0 && i <= len(s) {
			checkNextDigit(t, s, i)
		}
	})
}

// TestFoldLetterAt compares the lexer's fast fold of two- and three-byte
// letters with decoding the rune, for every rune below U+2000 and for
// truncated and invalid sequences.
func TestFoldLetterAt(t *testing.T) {
	var texts []string
	for r := rune(0x80); r < 0x2000; r++ {
		s := string(r)
		texts = append(texts, s+"a", s, s[:len(s)-1], s[:len(s)-1]+"a")
	}
	texts = append(texts, "\xe1\x80", "\xe1\xc0\x80", "\xc3\xc3", "\xe1\x80\xc0")
	for _, s := range texts {
		f, size := foldLetterAt(s, 0)
		if f == 0 {
			continue // the caller decodes: nothing to compare
		}
		r, n := utf8.DecodeRuneInString(s)
		if r < 0xC0 || r >= 0x1F00 || foldRunes[r-0xC0] != f || n != size {
			t.Errorf("foldLetterAt(%q) = %q, %d; decoded %U, %d", s, f, size, r, n)
		}
	}
	if f, _ := foldLetterAt("ệ", 0); f != 'e' {
		t.Errorf("foldLetterAt(ệ) = %q, want e", f)
	}
}

// TestFoldWord compares foldWord with viet.Fold on every letter below
// U+2000 alone and inside a word, and on words of legal text.
func TestFoldWord(t *testing.T) {
	words := []string{"", "Quyết", "định", "NGHỊ", "ĐỊNH", "30/2020", "hiệu", "Hoà", "e\u0301", "ÐIỀU", "İstanbul", "straße",
		strings.Repeat("ệ", 20), strings.Repeat("a", 60)}
	for r := rune(0x41); r < 0x2000; r++ {
		if isWordRune(r) {
			words = append(words, string(r), "x"+string(r)+"Y", string(r)+"\u0301")
		}
	}
	for _, w := range words {
		if got, want := foldWord(w), viet.Fold(w); got != want {
			t.Errorf("foldWord(%q) = %q, viet.Fold = %q", w, got, want)
		}
	}
}

func FuzzFoldWord(f *testing.F) {
	f.Add("Thủ tướng")
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) }) {
			if got, want := foldWord(w), viet.Fold(w); got != want {
				t.Errorf("foldWord(%q) = %q, viet.Fold = %q", w, got, want)
			}
		}
	})
}
