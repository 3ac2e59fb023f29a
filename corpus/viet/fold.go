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
	for _, r := range "đĐÐ" {
		t[r-foldLo] = 'd'
	}
	return t
}

// isMark reports combining diacritical marks (NFD tones and shapes).
func isMark(r rune) bool { return r >= 0x0300 && r <= 0x036F }

// Fold lowercases s and removes every tone and shape mark, mapping đ, Đ and
// Ð to d: "Nghị quyết" → "nghi quyet". It accepts NFC and NFD input alike.
// The folded view is a recall layer: it merges distinct words (mà, má, ma).
func Fold(s string) string {
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			break
		}
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		case isMark(r):
			// dropped
		case r >= foldLo && r <= foldHi && foldTable[r-foldLo] != 0:
			b.WriteByte(byte(foldTable[r-foldLo]))
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// HasMarks reports whether s carries any Vietnamese diacritic (or đ), that
// is whether Fold would change more than its case.
func HasMarks(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf && (isMark(r) || (r >= foldLo && r <= foldHi && foldTable[r-foldLo] != 0)) {
			return true
		}
	}
	return false
}

// Lower returns the canonical exact view of a word: NFC, lowercase, canonical
// tone placement and Ð → đ. Two spellings of one word (Hoà, HÒA, hòa in NFD)
// give the same string.
func Lower(s string) string {
	if isPlainASCII(s) {
		return strings.ToLower(s)
	}
	return Canon(strings.ToLower(NFC(s)))
}
