package viet

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// OCR's noise in a number's digits, year, separators and Quốc hội term,
// read by the one grammar (number.go's scanNumber) only where it has one
// reading: the digits split by a space after "số", a year split by a space
// or glued to its code, a "." for the dash after a type's code, a term
// split from its code. The term's own letters ("QHI5", "QI113") are
// term.go's.

// splitLead reads the number's digits s[i:j] that OCR split with one space
// ("số 4 3/2024/QH1 5", "Quyết định số 52 8/QĐ-UBND": the "1" and other
// narrow glyphs OCR spaces from the next) and returns the end of the
// digits after the space, or 0. The break is read only where it has one
// reading: both halves of one or two digits (a tail of three digits or
// more is a number of its own and the digit before it a stray one: "sô 2
// 104/2015/QH13"; a first half padded with a 0 to two digits is a whole
// number: "Mẫu số 05 15/2024/…"; a tail of two digits after a first half
// of one joins only a "1", the narrow glyph OCR spaces from the next: "số
// 1 13/2017/…", where "số 2 97/2026/…" is a stray digit and a number of two
// digits — of 2,211 real numbers with a year, 1,380 have two digits and
// only 121 three starting 2–9; a one-digit tail is no whole number, 6
// unpadded against 314 padded "05": "số 3 6/…" still joins), a separator right after the tail, and in running text
// "số" (its own word, "Số:" too) right before the first half: one number
// stands after it and nothing between, where a clause's number ("khoản 4
// 3/2024/…"), a list's item ("4, 3/…") or a count may stand before a
// number elsewhere. A value known to be a number (GrammarKey) needs no "số".
func splitLead(s string, i, j int, whole bool) int {
	if j-i > 2 || j+1 >= len(s) || !isDigit(rune(s[j+1])) {
		return 0
	}
	if j-i == 2 && s[i] == '0' {
		return 0 // "Mẫu số 05 15/2024/…": a number padded to two digits is whole
	}
	r := j + 1
	for r < len(s) && isDigit(rune(s[r])) {
		r++
	}
	if r-j-1 > 2 {
		return 0
	}
	if j-i == 1 && r-j-1 == 2 && s[i] != '1' {
		return 0 // "số 2 97/2026/NĐ-CP": a stray digit before a two-digit number
	}
	if sep, _ := sepAt(s, r); sep == 0 {
		return 0
	}
	if !whole && !afterSo(s, i) {
		return 0
	}
	return r
}

// afterSo reports the word "số" right before s[i], a colon and one space
// or none between ("số 4", "Số: 4", "Số:4"), as typed, OCR'd ("sô") or
// decomposed.
func afterSo(s string, i int) bool {
	p := i
	if p > 0 && s[p-1] == ' ' {
		p--
	}
	if p > 0 && s[p-1] == ':' {
		p--
	}
	q := p
	for q > 0 && p-q < 12 {
		r, size := utf8.DecodeLastRuneInString(s[:q])
		if !isWordRune(r) {
			break
		}
		q -= size
	}
	if q == p || p-q >= 12 {
		return false
	}
	var buf [12]byte // the tokenizer's hot path: no allocation
	return string(AppendFold(buf[:0], s[q:p])) == "so"
}

// dotDash reports a "." at s[p] typed or OCR'd for the dash between a
// type's code and its issuer's ("NĐ.CP", "QĐ.UBND", "NQ.HĐND"), the caller
// having read the type's code right before it: no space after it and an
// upper-case code of two letters or more (lower case only in a value known
// to be a number: GrammarKey). A sentence's end has a space after its dot
// or a word after it ("NQ.Căn cứ"); a dot after the issuer ("NĐ-CP.UBND")
// is no caller's.
func dotDash(s string, p int, whole bool) bool {
	if p+1 >= len(s) || s[p] != '.' {
		return false
	}
	q := partEnd(s, p+1)
	if q == p+1 {
		return false
	}
	code := s[p+1 : q]
	k := partKind(code)
	return (k == partUpper || whole && k == partLower) && codeLetters(code) >= 2
}

// codeLetters counts the letters of a code before any digit.
func codeLetters(code string) int {
	n := 0
	for _, c := range code {
		if isDigit(c) {
			break
		}
		if unicode.IsLetter(c) {
			n++
		}
	}
	return n
}

// LeadDigits returns the digits of the number ScanNumber (or GrammarKey's
// grammar) read at s[i]: the digits there, and those after the space that
// splitLead reads through ("4 3/2024/QH15" → "43"). A number never goes on
// with a space and a digit otherwise.
func LeadDigits(s string, i int) string {
	j := i
	for j < len(s) && isDigit(rune(s[j])) {
		j++
	}
	if j+1 >= len(s) || s[j] != ' ' || !isDigit(rune(s[j+1])) {
		return s[i:j]
	}
	r := j + 1
	for r < len(s) && isDigit(rune(s[r])) {
		r++
	}
	return s[i:j] + s[j+1:r]
}

// yearAt reads the year in the year's place (the first part, right after
// the number and "/", s[p:q] as partEnd ends it) through OCR's noise, where
// the noise has one reading: a year split by one space ("02/201 7/QHI14",
// "15/20 23/NĐ-CP", "46/2 019/QH14": splitYear) or a year glued to the code
// after it ("66/2026NĐ-CP", "18/201 7QHI4"). It returns the end of the
// year and whether a code is glued there; a whole year written as it should
// be is not its business.
func yearAt(s string, p, q, kind int, whole bool) (int, bool, bool) {
	if kind == partDigits {
		return splitYear(s, p, q, whole)
	}
	if kind == partBad && q-p > 4 && q-p <= 20 {
		r := p
		for r < q && isDigit(rune(s[r])) {
			r++
		}
		if r-p == 4 && gluedCode(s, r, q, year(s[p:r]), whole) {
			return r, true, true
		}
		if r-p == 5 && nineQ(s, r-1, year(s[p:r-1]), whole) {
			return r - 1, true, true // "54/20149H13"
		}
	}
	return 0, false, false
}

// splitYear reads a year OCR split with a space, in the year's place: the
// digits s[p:q] (1 to 3 of them), one space, the digits that make four,
// then "/" and a code, or the code glued right after ("02/201 7/QHI14",
// "15/20 23/NĐ-CP", "18/201 7QHI4"). It returns the end of the year's
// second half and whether the code is glued. The break is read only where
// it has one reading: a year of 1945–2100 that a Quốc hội code's term, if
// the code is one, agrees with (termAgrees); a split after the first digit
// only before a Quốc hội code, whose numbers always carry a year ("46/2
// 019/QH14": a "019/QĐ-UBND" is a number of its own). Any other spacing, a
// part of digits after it or a term that did not sit that year leaves the
// digits as two words.
func splitYear(s string, p, q int, whole bool) (int, bool, bool) {
	if n := q - p; n < 1 || n > 3 || q+1 >= len(s) || s[q] != ' ' {
		return 0, false, false
	}
	r := q + 1
	for r < len(s) && isDigit(rune(s[r])) {
		r++
	}
	if (q-p)+(r-q-1) == 5 && r-q-1 >= 2 && r < len(s) && nineQ(s, r-1, year(s[p:q]+s[q+1:r-1]), whole) {
		return r - 1, true, true // "54/201 49H13"
	}
	if (q-p)+(r-q-1) != 4 || r-q-1 == 0 || r >= len(s) {
		return 0, false, false
	}
	y := year(s[p:q] + s[q+1:r])
	if s[r] != '/' {
		c := partEnd(s, r)
		ok := gluedCode(s, r, c, y, whole) && (q-p > 1 || isTermCode(s[r:c], y))
		return r, true, ok
	}
	c := partEnd(s, r+1)
	if y < 1945 || y > 2100 || c == r+1 {
		return 0, false, false
	}
	code := s[r+1 : c]
	if k := partKind(code); k != partUpper && k != partLower || !termAgrees(code, y) || q-p == 1 && !isTermCode(code, y) {
		return 0, false, false
	}
	return r, false, true
}

// gluedCode reports a code s[r:c] glued to the year y before it: at least
// two letters of an upper-case code (lower case only in a number known to
// be one: GrammarKey) that is a Quốc hội code whose term sat in y
// ("88/2025QHI5") or a type's code with its issuer after a dash
// ("66/2026NĐ-CP").
func gluedCode(s string, r, c, y int, whole bool) bool {
	if y < 1945 || y > 2100 || c-r < 2 || c-r > 16 {
		return false
	}
	code := s[r:c]
	k := partKind(code)
	if !(k == partUpper || whole && k == partLower) {
		return false
	}
	if codeLetters(code) < 2 {
		return false
	}
	if isTermCode(code, y) {
		return true
	}
	// Any other code glued to a year is a number's only with its issuer
	// after a dash ("NĐ-CP", "TT-BTC", "KH-UBND"): letters alone after a
	// year are as often a unit, an issuer or a note ("1/2000KM",
	// "12/2025UBND", "2023/2024TB").
	// The issuer's part must be one the grammar takes (letters), or the
	// number would end before what made it one ("2000AĐ–0").
	sep, size := sepAt(s, c)
	if sep != '-' {
		// "22/2022NĐ.CP": the dot read for the dash (dotDash)
		return sep == 0 && dotDash(s, c, whole) && termAgrees(code, y)
	}
	e := partEnd(s, c+size)
	if e == c+size {
		return false
	}
	if k := partKind(s[c+size : e]); k == partDigits || k == partBad {
		return false
	}
	return termAgrees(code, y)
}

// nineQ reports a Quốc hội code whose Q OCR read as 9 at s[c], right
// after the year y ("54/201 49H13", "54/20149H13"): "9", then "H" and a
// term that sat in y ("QH13"), upper case (lower case only in a value
// known to be a number), and nothing after it but the number's end.
// Digits then letters are no part of any reading of a number, so the 9 is
// a letter there, and the only codes that end in "QH" and a term are the
// Quốc hội's: the reading is one. glued9 gives the code.
func nineQ(s string, c, y int, whole bool) bool {
	if c+2 >= len(s) || s[c] != '9' || !(s[c+1] == 'H' || whole && s[c+1] == 'h') {
		return false
	}
	e := partEnd(s, c)
	if e-c > 6 {
		return false
	}
	code := glued9(s[c:e])
	k := partKind(code)
	return (k == partUpper || whole && k == partLower) && isTermCode(code, y)
}

// glued9 is the code a Quốc hội code with its Q read as 9 stands for
// ("9H13" → "QH13"; nineQ reads where).
func glued9(code string) string {
	if code[1] == 'h' {
		return "q" + code[1:]
	}
	return "Q" + code[1:]
}

func isLetter(c byte) bool { return c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' }

// year is the value of a run of digits.
func year(d string) int {
	y := 0
	for i := 0; i < len(d); i++ {
		y = y*10 + int(d[i]-'0')
	}
	return y
}

// splitTerm reads the term of a Quốc hội code that OCR split with a space
// after the code, which ends at s[q] ("QH1 4", "QHI 5", "QH 14", "UBTVQH1 5"): the code
// is the body ("QH", "UBTVQH") and at most one character of the term, then
// one space and the digits that make the term two characters, then no word
// character. It returns the end of those digits.
func splitTerm(s, code string, q int) (int, bool) {
	if q+1 >= len(s) || s[q] != ' ' || !isDigit(rune(s[q+1])) || len(code) > 8 {
		return 0, false
	}
	up := strings.ToUpper(code)
	prefix := termPrefix(up)
	if prefix == "" || len(up)-len(prefix) > 1 || strings.Trim(up[len(prefix):], "0123456789IL") != "" {
		return 0, false
	}
	r := q + 1 + 2 - (len(up) - len(prefix))
	if r > len(s) || strings.Trim(s[q+1:r], "0123456789") != "" {
		return 0, false
	}
	if r < len(s) {
		if c, _ := utf8.DecodeRuneInString(s[r:]); isWordRune(c) || c == '/' || c == '-' {
			return 0, false
		}
	}
	return r, true
}
