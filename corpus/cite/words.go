package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
)

// Words: scanning the text word by word, forward and back, folded.

// listGap reports whether s[from:to] only joins two items of a list:
// spaces, commas and the words "và", "hoặc", "các", "số".
func listGap(s string, from, to int) bool {
	if from > to || to-from > 40 {
		return false
	}
	for q := from; q < to; {
		r, size := utf8.DecodeRuneInString(s[q:])
		switch {
		case r == ' ' || r == ',' || r == '\t':
			q += size
		case isWordRune(r):
			w, _ := wordAt(s, q)
			switch w.fold {
			case "va", "hoac", "cac", "so":
			default:
				return false
			}
			q = w.end
		default:
			return false
		}
	}
	return true
}

// isFormWord reports a word that makes the number a form code, not a
// document: "Mẫu số 01/GTGT", "theo mẫu 01/TB-TĐT", "Biểu số 02/BC",
// "Phụ lục số 01/…".
func isFormWord(s string, w word) bool {
	switch {
	case strings.HasSuffix(w.fold, "mau"), w.fold == "bieu", w.fold == "phieu":
		return true
	case w.fold == "luc":
		w2, ok := prevWord(s, w.start, "")
		return ok && w2.fold == "phu"
	}
	return false
}

type word struct {
	start, end int
	fold       string // viet.Fold of the word
	hasDigit   bool
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// nextDigit returns the index of the first ASCII digit in s[i:], or len(s).
// It tests eight bytes at a time: the scanner looks at every byte of a text
// for the numbers a reference is built on, and most bytes are not digits.
func nextDigit(s string, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8] // one bounds check: the compiler loads the eight bytes at once
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		// a byte b is a digit when b < 0x80, b+(0x80-0x30) sets its high
		// bit (b >= 0x30) and b+(0x80-0x3A) does not (b < 0x3A); the sums of
		// the low seven bits never carry into the next byte
		low := x &^ highs
		if (low+ones*(0x80-0x30))&^(low+ones*(0x80-0x3A))&^x&highs != 0 {
			break
		}
	}
	for ; i < len(s) && !isDigit(s[i]); i++ {
	}
	return i
}

func isWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	case r >= 0xC0 && r <= 0x24F:
		return r != 0xD7 && r != 0xF7 // all letters but × and ÷
	case r >= 0x1E00 && r <= 0x1EFF, r >= 0x300 && r <= 0x36F:
		return true // Latin Extended Additional (ạ … ỹ), combining marks
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u00a0' || r == '\u202f' || (r >= '\u2000' && r <= '\u200a')
}

func skipSpace(s string, q int) int {
	for q < len(s) {
		r, size := utf8.DecodeRuneInString(s[q:])
		if !isSpace(r) {
			break
		}
		q += size
	}
	return q
}

func skipSpaceBack(s string, q int) int {
	for q > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:q])
		if !isSpace(r) {
			break
		}
		q -= size
	}
	return q
}

// wordEnd returns the end of the word starting at s[q].
func wordEnd(s string, q int) int {
	for q < len(s) {
		r, size := utf8.DecodeRuneInString(s[q:])
		if !isWordRune(r) {
			break
		}
		q += size
	}
	return q
}

// wordAt returns the word starting at s[q], if one does.
func wordAt(s string, q int) (word, bool) {
	w := word{start: q, end: q}
	for w.end < len(s) {
		if c := s[w.end]; c < utf8.RuneSelf {
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || isDigit(c)) {
				break
			}
			w.hasDigit = w.hasDigit || isDigit(c)
			w.end++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[w.end:])
		if !isWordRune(r) {
			break
		}
		if r < utf8.RuneSelf && isDigit(byte(r)) {
			w.hasDigit = true
		}
		w.end += size
	}
	if w.end == q {
		return w, false
	}
	w.fold = foldWord(s[w.start:w.end])
	return w, true
}

// foldWord returns viet.Fold(w) for a word (word runes only). The letters of
// Vietnamese text fold one by one here (foldLetterAt) with one allocation at
// most; a word holding anything else goes to viet.Fold.
func foldWord(w string) string {
	var buf [48]byte
	if len(w) > len(buf) {
		return viet.Fold(w)
	}
	n, same := 0, true
	for q := 0; q < len(w); n++ {
		switch c := w[q]; {
		case 'a' <= c && c <= 'z', isDigit(c):
			buf[n] = c
			q++
		case 'A' <= c && c <= 'Z':
			buf[n] = c + 'a' - 'A'
			q++
			same = false
		default:
			f, size := foldLetterAt(w, q)
			if f == 0 {
				return viet.Fold(w)
			}
			buf[n] = f
			q += size
			same = false
		}
	}
	if same {
		return w
	}
	return string(buf[:n])
}

// prevWord returns the word ending before pos, skipping spaces and the
// characters in punct.
func prevWord(s string, pos int, punct string) (word, bool) {
	q := pos
	for q > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:q])
		if !isSpace(r) && !strings.ContainsRune(punct, r) {
			break
		}
		q -= size
	}
	end := q
	for q > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:q])
		if !isWordRune(r) {
			break
		}
		q -= size
	}
	if q == end {
		return word{}, false
	}
	return wordAt(s, q)
}

// foldWords splits s into folded words, dropping punctuation.
func foldWords(s string) []string {
	return strings.FieldsFunc(viet.Fold(s), func(r rune) bool { return !isWordRune(r) })
}

// forwardWords reads words from q into ws and spaced, up to their
// capacity. spaced[i] reports whether only spaces separate word i from the
// one before; otherwise commas or dashes do. Reading stops at any other
// character.
func forwardWords(s string, q int, ws []word, spaced []bool) ([]word, []bool) {
	for len(ws) < cap(ws) {
		p := q
		only := true
		for p < len(s) {
			r, size := utf8.DecodeRuneInString(s[p:])
			if isWordRune(r) {
				break
			}
			if r == ',' || r == '-' || r == '–' {
				only = false
			} else if !isSpace(r) {
				return ws, spaced
			}
			p += size
		}
		w, ok := wordAt(s, p)
		if !ok {
			break
		}
		ws = append(ws, w)
		spaced = append(spaced, only)
		q = w.end
	}
	return ws, spaced
}

// hasWords reports whether ws starts with the folded words want,
// separated by spaces only, or also by commas and dashes when soft is set.
func hasWords(ws []word, spaced []bool, want []string, soft bool) bool {
	if len(ws) < len(want) {
		return false
	}
	for i, f := range want {
		if ws[i].fold != f || (i > 0 && !soft && !spaced[i]) {
			return false
		}
	}
	return true
}
