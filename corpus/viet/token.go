package viet

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind tells a word from a document number.
type Kind uint8

const (
	// Word is a run of letters, combining marks and digits: one syllable
	// ("quyết"), a number ("2022") or a code ("QH13").
	Word Kind = iota
	// DocNumber is a whole số/ký hiệu such as 154/NQ-CP, 30/2020/NĐ-CP or
	// 24-NQ/TW. Its parts are also reported as Words.
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
		if i >= numEnd && isDigit(r) && (i == 0 || !isWordByteBefore(s, i)) {
			if end := docNumberEnd(s, i); end > 0 {
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
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// asciiWord marks the ASCII word bytes: letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		r := rune(c)
		t[c] = unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return t
}()

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func isWordByteBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isWordRune(r)
}

// isDash reports the characters typed for the hyphen in document numbers.
func isDash(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '−':
		return true
	}
	return false
}

// docNumberEnd returns the end of the document number starting at s[i] (a
// digit), or 0. A document number is a run of digits followed by segments
// joined by '/' or a dash, containing at least one '/' and at least one
// segment with a letter: 154/NQ-CP, 30/2020/NĐ-CP, 24-NQ/TW, 63/2023/AL.
// Dates (23/11/2022), school years (2023/2024), ratios (1/2) and phone
// numbers have no letter segment and are not document numbers.
func docNumberEnd(s string, i int) int {
	j := i
	for j < len(s) && '0' <= s[j] && s[j] <= '9' {
		j++
	}
	if j-i > 6 {
		return 0
	}
	end, slashes, letters, segs := 0, 0, false, 0
	for j < len(s) {
		sep, size := utf8.DecodeRuneInString(s[j:])
		if sep != '/' && !isDash(sep) {
			break
		}
		k := j + size
		segStart := k
		hasLetter := false
		for k < len(s) {
			r, size := utf8.DecodeRuneInString(s[k:])
			if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
				hasLetter = true
			} else if !isDigit(r) {
				break
			}
			k += size
		}
		if k == segStart {
			break
		}
		if sep == '/' {
			slashes++
		}
		letters = letters || hasLetter
		segs++
		j, end = k, k
		if segs > 6 {
			break
		}
	}
	if slashes == 0 || !letters {
		return 0
	}
	return end
}

// NumberKey returns the index and lookup key of a document number: folded,
// lowercase, dashes unified, spaces around separators and leading zeros of
// the number removed. "Số 05/2020/NĐ–CP", "5/2020/nd-cp" and "5 / 2020 /
// ND - CP" all give "5/2020/nd-cp". It returns "" when s holds no document
// number.
func NumberKey(s string) string {
	s = strings.TrimSpace(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			continue
		case isDash(r):
			b.WriteByte('-')
		default:
			b.WriteRune(r)
		}
	}
	k := Fold(b.String())
	k = strings.TrimPrefix(k, "so:")
	k = strings.TrimPrefix(k, "so")
	for len(k) > 1 && k[0] == '0' && isDigit(rune(k[1])) {
		k = k[1:]
	}
	if k == "" || !isDigit(rune(k[0])) || docNumberEnd(k, 0) != len(k) {
		return ""
	}
	return k
}
