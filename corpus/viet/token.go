package viet

import (
	"unicode"
	"unicode/utf8"
)

// Kind tells a word from a document number.
type Kind uint8

const (
	// Word is a run of letters, combining marks and digits: one syllable
	// ("quyết"), a number ("2022") or a code ("QH13").
	Word Kind = iota
	// DocNumber is a whole số/ký hiệu such as 154/NQ-CP, 30/2020/NĐ-CP,
	// 24-NQ/TW or 73-CP, as ScanNumber reads it. Its parts are also
	// reported as Words.
	DocNumber
)

// Token is a span of the input: s[Start:End].
type Token struct {
	Start, End int
	Kind       Kind
}

// Tokenize splits s into syllables and document numbers. A document number is
// reported first, as one token, followed by the Words it is made of, so an
// index can hold both the whole key and its parts ("154", "nq", "cp"). Byte
// offsets refer to s, which may be NFC or NFD.
func Tokenize(s string, emit func(Token)) {
	numEnd := 0 // end of the document number being split into parts
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !isWordRune(r) {
			i += size
			continue
		}
		if i >= numEnd && isDigit(r) {
			if end := ScanNumber(s, i, nil); end > 0 {
				emit(Token{Start: i, End: end, Kind: DocNumber})
				numEnd = end
			}
		}
		j := i + size
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				if !asciiWord[c] {
					break
				}
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[j:])
			if !isWordRune(r) {
				break
			}
			j += size
		}
		emit(Token{Start: i, End: j, Kind: Word})
		i = j
	}
}

// Tokens returns the tokens of s as a slice.
func Tokens(s string) []Token {
	var ts []Token
	Tokenize(s, func(t Token) { ts = append(ts, t) })
	return ts
}

func isWordRune(r rune) bool {
	if r < rune(len(wordRunes)) {
		return wordRunes[r]
	}
	return isWordRuneSlow(r)
}

// isWordRuneSlow is isWordRune from the Unicode tables.
func isWordRuneSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// wordRunes is isWordRuneSlow of the characters below U+2000 (every
// Vietnamese letter and mark, precomposed or not): one look-up for the
// tokenizer instead of up to three range searches (docs/log/i21-cpu.md).
var wordRunes = func() (t [0x2000]bool) {
	for r := range rune(len(t)) {
		t[r] = isWordRuneSlow(r)
	}
	return t
}()

// asciiWord marks the ASCII word bytes: letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	copy(t[:], wordRunes[:utf8.RuneSelf])
	return t
}()

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func isWordByteBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isWordRune(r)
}
