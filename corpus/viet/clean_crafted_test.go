package viet

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestCleanCrafted: texts made to part Clean's fast path (isClean) from
// its rune loop with NFKC — NFD Vietnamese, tone marks decomposed after a
// precomposed vowel, a precomposed letter before a mark that composes
// with it, characters past the table (CJK, Hangul jamo that compose, the
// full-width forms), invalid UTF-8 and an encoded U+FFFD, zero-width and
// control characters, CR, LF and tabs — each against cleanSlow, with
// whether the fast path takes it.
func TestCleanCrafted(t *testing.T) {
	vi := "Ủy ban nhân dân tỉnh Quảng Ngãi\r\nĐiều 5.\tThông tư số 01/2024/TT-BTC"
	for _, tc := range []struct {
		s    string
		fast bool
	}{
		{vi, true},
		{norm.NFD.String(vi), false},
		{"hoa\u0300 thu\u0309y", false},             // decomposed tones
		{"ho\u00e0\u0323", false},                   // precomposed + a second mark
		{"\u00ea\u0301", false},                     // ê + acute composes to ế
		{"A\u030a", false},                          // Å
		{"\u1100\u1161", false},                     // jamo compose (past the table)
		{"中文 ｱ Ａ１", false},                          // past the table, full width
		{"a\xffb", false},                           // invalid UTF-8
		{"a\xed\xa0\x80b", false},                   // an encoded surrogate
		{"a\ufffdb", false},                         // U+FFFD as written
		{"a\u200bb\u200dc\ufeff", false},            // zero-width
		{"a\x00b\x1fc\x7f", false},                  // controls (DEL kept)
		{"a\u0085b\u009fc", true},                   // C1 controls: kept by both
		{"\r\n\t\r", true},                          // kept as they are
		{"Ð\u00d0", false},                          // the impostor eth
		{"x\u00a0y\u2009z\u3000", false},            // odd spaces
		{"ﬁ ½ ² Ⅳ", false},                          // compatibility forms
		{"\u0340\u0341\u0343\u0344", false},         // singletons
		{"\u0f73 \u0b47\u0b3e \u09c7\u09d7", false}, // Indic that composes
		{strings.Repeat("Nghị định ", 1000), true},
	} {
		if got := isClean(tc.s); got != tc.fast {
			t.Errorf("isClean(%+q) = %v, want %v", tc.s, got, tc.fast)
		}
		if got, want := Clean(tc.s), cleanSlow(tc.s); got != want {
			t.Errorf("Clean(%+q) = %+q, rune loop and NFKC give %+q", tc.s, got, want)
		}
	}
}
