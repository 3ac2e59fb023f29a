package viet

import (
	"unicode"
	"unicode/utf8"
)

// WordCount counts the space-separated words of s.
func WordCount(s string) int {
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

// StartsUpper reports a word starting with an upper-case letter
// ("Sở", "Điều", "UBND"; not "các", "1.", "").
func StartsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
