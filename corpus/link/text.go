package link

import (
	"unicode"
	"unicode/utf8"
)

// Small text helpers of the linker. corpus and corpus/outline have their
// own copies (unexported there: they are no part of what a link is).

// isCap reports a word starting with an upper-case letter.
func isCap(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// words counts the space-separated words of s.
func words(s string) int {
	n, in := 0, false
	for _, r := range s {
		sp := unicode.IsSpace(r)
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}
