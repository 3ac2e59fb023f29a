package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Small text helpers of the linker and the tasks. corpus/outline has its
// own copies (unexported there: they are no part of what an outline is).

// firstLine is the first line of s.
func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

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
