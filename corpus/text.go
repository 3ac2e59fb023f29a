package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Small text helpers of the tasks. corpus/outline and corpus/link have
// their own copies (unexported there: they are no part of what an outline
// or a link is).

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
