// Package viet is vanban's one implementation of Vietnamese text handling:
// clean-up and NFC normalization, canonical tone-mark placement (hoà → hòa),
// folding for accent-free matching (Nghị quyết → nghi quyet, đ → d),
// syllable tokenization that keeps document numbers (154/NQ-CP) whole, and
// the one grammar and key of document numbers (ScanNumber, NumberKey) that
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
	if isPlainASCII(s) {
		return s
	}
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
