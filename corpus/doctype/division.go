package doctype

// The headings of a document's divisions (Phần, Chương, Mục), read the
// same way by the outline (corpus/outline, case-exact, with the title on
// the line) and by the header reader (crawler/extract, any case, marks or
// none, the heading alone on its line): one grammar, two readings.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
)

// DivisionWord is a word opening a division's heading, with the prefix of
// the section ID it gives.
type DivisionWord struct{ Word, ID string }

// DivisionWords are the words that open the heading of a division of a
// document above its sections or articles (ND 30/2020, Phụ lục I: Phần,
// Chương, Mục), in the order of their rank, with the prefix of the
// section ID each gives: the one list of them (corpus/outline's part
// headings, crawler/extract's header reader).
var DivisionWords = [...]DivisionWord{
	{"Phần ", "P"}, {"PHẦN ", "P"}, {"Chương ", "Ch"}, {"CHƯƠNG ", "Ch"}, {"Mục ", "M"}, {"MỤC ", "M"},
}

// ordinals are the words of "Phần thứ nhất", "PHẦN THỨ HAI".
var ordinals = map[string]string{"nhất": "1", "hai": "2", "ba": "3", "tư": "4", "bốn": "4", "năm": "5", "sáu": "6",
	"bảy": "7", "tám": "8", "chín": "9", "mười": "10"}

// DivisionHeading recognizes the heading of a part, a chapter or a section of
// a chapter: "Chương I", "Chương II. QUY ĐỊNH CHUNG", "CHƯƠNG III: …",
// "Mục 1 – NGUYÊN TẮC", "Phần thứ hai", "PHẦN I. ĐÁNH GIÁ …". It returns
// the section ID ("ChI", "M1", "P2") and the title on the line, possibly
// empty (it is then on the next lines). A sentence that starts with the
// word ("Mục 2 của Chương này quy định…", "Phần kinh phí còn lại…") is
// none: after the number comes the end of the line, a separator or an
// upper-case title.
func DivisionHeading(s string) (id, title string, ok bool) {
	var prefix, rest string
	if s == "" || s[0] != 'P' && s[0] != 'C' && s[0] != 'M' {
		return "", "", false
	}
	for _, w := range DivisionWords {
		if r, found := strings.CutPrefix(s, w.Word); found {
			prefix, rest = w.ID, strings.TrimSpace(r)
			break
		}
	}
	if prefix == "" || rest == "" {
		return "", "", false
	}
	num, after, _ := strings.Cut(rest, " ")
	if f := viet.Lower(num); f == "thứ" {
		num, after, _ = strings.Cut(strings.TrimSpace(after), " ")
		num = strings.TrimRight(num, ".:-–—")
		n, known := ordinals[viet.Lower(num)]
		if !known {
			return "", "", false
		}
		num = n
	} else {
		trimmed := strings.TrimRight(num, ".:-–—")
		if trimmed != num {
			after = num[len(trimmed):] + " " + after
		}
		num = trimmed
		inserted := false
		if prefix == "M" {
			num, inserted = insertedNumber(num) // "Mục 2a": a section an amending text inserts after Mục 2
		}
		if !IsRoman(num) && !(allDigits(num) && len(num) <= 3) && !inserted {
			return "", "", false
		}
	}
	after = strings.TrimSpace(after)
	if t := strings.TrimLeft(after, ".:-–— "); t != after || after == "" {
		return prefix + num, t, true
	}
	if IsUpperLine(after) {
		return prefix + num, after, true
	}
	return "", "", false
}

// insertedNumber reads the number of an inserted part, at most three
// digits and one letter (a–z or đ), as an ID writes it, the letter in
// lower case ("2a", "2A" → "2a"); num and false when it is not one.
func insertedNumber(num string) (string, bool) {
	r, n := utf8.DecodeLastRuneInString(num)
	digits := num[:len(num)-n]
	if digits == "" || len(digits) > 3 || !allDigits(digits) || !('a' <= r|0x20 && r|0x20 <= 'z' || r == 'đ' || r == 'Đ') {
		return num, false
	}
	return digits + strings.ToLower(string(r)), true
}

// IsRoman reports a roman numeral from I to LXXXIX, bare "L" aside (the
// letter L of lettered headings and group rows).
func IsRoman(s string) bool {
	if s == "" || s == "L" {
		return false
	}
	if t, ok := strings.CutPrefix(s, "XL"); ok {
		// XL–XLIX: a long list of sections (NQ 18/2026/NQ-CP, Phụ lục)
		return t == "" || IsRoman(t) && !strings.HasPrefix(t, "X") && !strings.HasPrefix(t, "L") // "XLLX" is no number
	}
	if t, ok := strings.CutPrefix(s, "L"); ok {
		return IsRoman(t) && !strings.HasPrefix(t, "XL") && !strings.HasPrefix(t, "L") // nor "LXL", "LLX"
	}
	rest := strings.TrimLeft(s, "X")
	if len(s)-len(rest) > 3 {
		return false
	}
	switch rest {
	case "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX":
		return true
	}
	return false
}

// IsUpperLine reports a line of at least 4 letters, none lower-case: a
// title ("NHIỆM VỤ, GIẢI PHÁP", "QUYẾT ĐỊNH").
func IsUpperLine(s string) bool { return UpperLetters(s) >= 4 }

// UpperLetters returns how many letters s has when none is lower-case,
// and -1 when one is: the one reading of "in capitals" behind
// IsUpperLine and the attachment generator's .VnTimeH runs
// (scripts/attachments, any capital letter).
func UpperLetters(s string) int {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return -1
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters
}

// allDigits reports s made of ASCII digits only.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// DivisionLine reports a division's heading alone on its line, in any
// case, with marks or none ("Chương I", "CHƯƠNG II:", "Chuong 3", "Phần
// thứ nhất", "Mục 2a"): the words and numbers DivisionHeading reads,
// nothing after them but "." or ":". A line with marks is read with them:
// a signer's name folding to a heading's words ("Phan Vĩ", "PHAN THU
// HẢI": "phan vi", "phan thu hai") is none; a line typed without any mark
// is read folded.
func DivisionLine(s string) bool {
	s = strings.TrimRight(viet.NFC(strings.TrimSpace(s)), ".:")
	read := viet.Lower
	if viet.Fold(s) == strings.ToLower(s) {
		read = viet.Fold
	}
	ws := strings.Fields(read(s))
	if len(ws) < 2 || len(ws) > 3 {
		return false
	}
	known := false
	for _, w := range DivisionWords {
		known = known || read(w.Word) == ws[0]+" "
	}
	if !known {
		return false
	}
	if ws[1] == read("thứ") {
		if len(ws) != 3 {
			return false
		}
		for o := range ordinals {
			if read(o) == ws[2] {
				return true
			}
		}
		return false
	}
	if len(ws) != 2 {
		return false
	}
	num := strings.TrimRight(ws[1], ".:")
	if _, inserted := insertedNumber(num); inserted && ws[0] == read("mục") {
		return true
	}
	return IsRoman(strings.ToUpper(num)) || allDigits(num) && len(num) <= 3
}
