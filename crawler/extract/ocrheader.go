package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
)

// OCR's damage to the header's "Số:" label, read where it has one reading
// (docs/log/i30-attach.md). The label opens its cell, capitalised, and a
// number follows it; OCR of a coarse or grey scan reads its "ố" as a digit
// ("S6:", "S0:", "S0 1234/QĐ-UBND") and its colon as a semicolon ("Số;",
// "Sô;"). Marks read wrong ("Sô:", "Sỏ:") are the folded label's already
// (numberLabelRe matches folded text). The label is spelled back as typed
// ("Số:" or, with the colon lost, "Số ") so numberIn, numberLabel and
// bareNumber read it by their own rules: the number must still be there
// and whole, a line counting things ("S6 52/QĐ-UBND của xe …") is no
// number line, and an unreadable number ("S6: đ# /QĐ-UBND") stays empty.
// Running text's "số" before a number is viet's (afterSo), not this.

// ocrNumberLabel returns s with an OCR-damaged "Số" label at its start
// spelled "Số:" (a semicolon after it, or a colon after a digit's "ố") or
// "Số " (a space and a digit after it), or s unchanged.
func ocrNumberLabel(s string) string {
	if s == "" || s[0] != 'S' {
		return s // the label is capitalised: a cell opening "s6" is text
	}
	w, size := utf8.DecodeRuneInString(s[1:])
	n := 1 + size
	digit := w == '6' || w == '0' // ố read as a digit
	if !digit && viet.Fold(s[:n]) != "so" {
		return s
	}
	rest := strings.TrimLeft(s[n:], " ")
	switch {
	case rest == "":
		return s
	case rest[0] == ';' || digit && rest[0] == ':':
		return "Số:" + rest[1:]
	case rest[0] >= '0' && rest[0] <= '9' && rest != s[n:]:
		return "Số " + rest // "S0 1234/QĐ-UBND", "Sô 12/…": bareNumber's own checks follow
	}
	return s
}

// gluedDashes returns s with each dash other than "-" that stands between
// two letters or digits ("TT–BYT", "QĐ−UBND": an editor's en dash, OCR's
// or a PDF's minus, viet.IsDash's set) typed "-", the separator
// numberBody reads; a dash with a space beside it ("12/QĐ-UBND – Hà Nội")
// separates words and stays, and so does one before a word in lower case
// (codeWord: "—Hà Nội" after the number). Without it the number ended at the dash:
// "15/2026/TT" for "15/2026/TT–BYT", a wrong number.
func gluedDashes(s string) string {
	if !strings.ContainsAny(s, "‐‑‒–—−") {
		return s
	}
	rs := []rune(s)
	for i := 1; i+1 < len(rs); i++ {
		if rs[i] != '-' && viet.IsDash(rs[i]) && wordRune(rs[i-1]) && wordRune(rs[i+1]) && codeWord(rs[i+1:]) {
			rs[i] = '-'
		}
	}
	return string(rs)
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// codeWord reports the word opening rs written as a number's code is, no
// letter in lower case ("BYT", "UBND", "2026"): a dash before a word in
// lower case ("12/2026/TT-BTC—Hà Nội", "–bổ sung") ends the number.
func codeWord(rs []rune) bool {
	for _, r := range rs {
		if !wordRune(r) {
			break
		}
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}
