// Package viet is vanban's one implementation of Vietnamese text handling:
// clean-up and NFC normalization, canonical tone-mark placement (hoà → hòa),
// folding for accent-free matching (Nghị quyết → nghi quyet, đ → d),
// syllable tokenization that keeps document numbers (154/NQ-CP) whole, and
// the one grammar and key of document numbers (ScanNumber, GrammarKey) that
// the tokenizer, the index, the citation parser and the query parser share.
//
// It imports only the standard library and golang.org/x/text, never logs and
// holds no mutable state: every table is built once and only read.
package viet

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Clean prepares raw text for storage: it removes zero-width and other
// invisible characters, maps no-break and typographic spaces to a plain space,
// maps the impostor Ð (U+00D0, Latin eth) to Đ, replaces invalid UTF-8, and
// applies NFKC (full-width digits and letters become ASCII) which, for
// Vietnamese letters, is the same as NFC. Tone placement is left as written:
// the stored text is what the user sees; canonical tones live in the index.
func Clean(s string) string {
	if isPlainASCII(s) || isClean(s) {
		return s
	}
	return cleanSlow(s)
}

// cleanSlow is Clean's rune-by-rune path, for text that holds a character
// Clean changes or may change (isClean).
func cleanSlow(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case isInvisible(r):
			// dropped
		case isOddSpace(r):
			b.WriteByte(' ')
		case r == 'Ð':
			b.WriteRune('Đ')
		default:
			b.WriteRune(r)
		}
	}
	return norm.NFKC.String(b.String())
}

// NFC returns s in Unicode normalization form C, cheaply when it already is.
func NFC(s string) string {
	if isPlainASCII(s) || norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// ComposeMarks returns s with every run of text that holds a combining mark
// of U+0300–U+036F (the tone and vowel marks of decomposed Vietnamese, as
// macOS and some PDF tools write it) in NFC, and s itself when it has none:
// a byte scan where NFC would read every character. Runs end at ASCII
// white space, which no mark composes with, so the result is NFC's for
// Vietnamese text; other non-NFC characters (compatibility singletons,
// Hangul jamo) are left as they are. For parsers that need composed letters.
func ComposeMarks(s string) string {
	var m marks
	i := m.next(s, 0)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	last := 0
	for i >= 0 {
		start := i
		for start > last && !isASCIISpace(s[start-1]) {
			start--
		}
		end := i
		for end < len(s) && !isASCIISpace(s[end]) {
			end++
		}
		b.WriteString(s[last:start])
		b.WriteString(norm.NFC.String(s[start:end]))
		last = end
		i = m.next(s, end)
	}
	b.WriteString(s[last:])
	return b.String()
}

// marks finds the combining marks of U+0300–U+036F (UTF-8 lead byte 0xCC
// or 0xCD) with strings.IndexByte, each byte's next place kept so that the
// text is read once.
type marks struct{ cc, cd int } // the next 0xCC, 0xCD at or after the last from, -1 for none; 0 for not yet looked

// next is the index of the first mark in s[from:] (as an index of s), or -1.
func (m *marks) next(s string, from int) int {
	m.cc = nextByte(s, from, m.cc, 0xCC)
	m.cd = nextByte(s, from, m.cd, 0xCD)
	switch {
	case m.cc < 0:
		return m.cd
	case m.cd < 0:
		return m.cc
	}
	return min(m.cc, m.cd)
}

// nextByte is the index of c in s at or after from, given at, its last
// known place (0: not looked yet; -1: none after it).
func nextByte(s string, from, at int, c byte) int {
	if at < 0 || (at >= from && at > 0) {
		return at
	}
	if k := strings.IndexByte(s[from:], c); k >= 0 {
		return from + k
	}
	return -1
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || (s[i] < 0x20 && s[i] != '\n' && s[i] != '\t' && s[i] != '\r') {
			return false
		}
	}
	return true
}

func isInvisible(r rune) bool {
	switch r {
	case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u200E', '\u200F':
		return true
	}
	return r < 0x20 && r != '\n' && r != '\t' && r != '\r'
}

func isOddSpace(r rune) bool {
	switch r {
	case '\u00A0', '\u1680', '\u202F', '\u205F', '\u3000':
		return true
	}
	return r >= '\u2000' && r <= '\u200A'
}
