package viet

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldLo and foldHi bound the runes the fold table covers: Latin-1 through
// Latin Extended Additional, where every Vietnamese letter lives.
const (
	foldLo = 0x00C0
	foldHi = 0x1EFF
)

// foldTable maps a letter in [foldLo, foldHi] to its lowercase base letter
// with every mark removed, or 0 when the rune is not a folded letter. A rune
// table is ~8× faster than an x/text NFD → remove Mn → NFC chain per token
// (bleve-notes.md §14.1).
var foldTable = buildFoldTable()

func buildFoldTable() []rune {
	t := make([]rune, foldHi-foldLo+1)
	for r := rune(foldLo); r <= foldHi; r++ {
		if !unicode.IsLetter(r) {
			continue
		}
		d := norm.NFD.String(string(unicode.ToLower(r)))
		base, _ := utf8.DecodeRuneInString(d)
		if base < utf8.RuneSelf {
			t[r-foldLo] = base
		}
	}
	for _, r := range "đĐÐð" { // ð: the lowercase of the impostor Ð
		t[r-foldLo] = 'd'
	}
	return t
}

// isMark reports combining diacritical marks (NFD tones and shapes).
func isMark(r rune) bool { return r >= 0x0300 && r <= 0x036F }

// Fold lowercases s and removes every tone and shape mark, mapping đ, Đ,
// Ð and ð to d: "Nghị quyết" → "nghi quyet". It accepts NFC and NFD input alike.
// The folded view is a recall layer: it merges distinct words (mà, má, ma).
func Fold(s string) string {
	i := asciiLowerPrefix(s)
	if i == len(s) {
		return s
	}
	b := make([]byte, i, len(s))
	copy(b, s[:i])
	return string(appendFold(b, s[i:]))
}

// AppendFold appends Fold(s) to dst: the allocation-free form for
// analyzers that collect terms in one buffer.
func AppendFold(dst []byte, s string) []byte {
	i := asciiLowerPrefix(s)
	return appendFold(append(dst, s[:i]...), s[i:])
}

// asciiLowerPrefix is the length of the prefix of s that Fold keeps as is.
func asciiLowerPrefix(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return i
		}
	}
	return len(s)
}

func appendFold(b []byte, s string) []byte {
	start, checked := len(b), false
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
		case isMark(r):
			// dropped
		case r >= foldLo && r <= foldHi && foldTable[r-foldLo] != 0:
			b = append(b, byte(foldTable[r-foldLo]))
		default:
			// Outside Vietnamese letters: fold the NFC form, so that Fold
			// agrees with Canon (which normalizes) on any input. Vietnamese
			// text never takes this branch twice.
			if !checked {
				checked = true
				if !norm.NFC.IsNormalString(s) {
					return appendFold(b[:start], norm.NFC.String(s))
				}
			}
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
	}
	return b
}

// HasMarks reports whether s carries any Vietnamese diacritic (or đ), that
// is whether Fold would change more than its case.
func HasMarks(s string) bool {
	for _, r := range s {
		if Marked(r) {
			return true
		}
	}
	return false
}

// Marked reports whether r is a letter with a Vietnamese diacritic (or đ),
// or a combining mark: a rune Fold changes beyond its case.
func Marked(r rune) bool {
	return r >= utf8.RuneSelf && (isMark(r) || (r >= foldLo && r <= foldHi && foldTable[r-foldLo] != 0))
}

// Lower returns the canonical exact view of a word: NFC, lowercase, canonical
// tone placement and Ð → đ. Two spellings of one word (Hoà, HÒA, hòa in NFD)
// give the same string.
func Lower(s string) string {
	if isPlainASCII(s) {
		return strings.ToLower(s)
	}
	if l, ok := lowerLatin(s); ok {
		return canonNFC(l)
	}
	return Canon(strings.ToLower(NFC(s)))
}

// isLatin reports the precomposed Latin letters Vietnamese is written
// with: Latin-1 Supplement, Latin Extended-A, ơ ư Ơ Ư and Latin Extended
// Additional. A string of these and ASCII is already NFC and stays so when
// lowercased (TestLatinIsNFC).
func isLatin(r rune) bool {
	switch {
	case r >= 0x00C0 && r <= 0x017F, r >= 0x1E00 && r <= 0x1EFF:
		return true
	}
	return r == 'Ơ' || r == 'ơ' || r == 'Ư' || r == 'ư'
}

// lowerLatin lowercases s without a normalization pass when every rune is
// ASCII or isLatin, and reports false otherwise. It returns s itself when s
// is already lowercase.
func lowerLatin(s string) (string, bool) {
	var b []byte // nil until the output differs from s
	done := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				if b == nil {
					b = make([]byte, 0, len(s))
				}
				b = append(append(b, s[done:i]...), c+'a'-'A')
				done = i + 1
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isLatin(r) {
			return "", false
		}
		if l := unicode.ToLower(r); l != r {
			if b == nil {
				b = make([]byte, 0, len(s))
			}
			b = utf8.AppendRune(append(b, s[done:i]...), l)
			done = i + size
		}
		i += size
	}
	if b == nil {
		return s, true
	}
	return string(append(b, s[done:]...)), true
}
