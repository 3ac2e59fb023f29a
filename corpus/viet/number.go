package viet

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Document numbers (số, ký hiệu). This file is vanban's one grammar of a
// number: the tokenizer's DocNumber tokens, the grammar's key (GrammarKey,
// which doctype.NumberKey, the engine's one key, reads) and the citation parser (corpus/cite) all read numbers with
// it, so "what is a number" has one answer.
//
//	number = digits part {part}           (1–6 digits, then at most 8 parts,
//	                                        at least one with letters)
//	part   = sep (code | year)
//	sep    = "/" | "-" | "‐" "‑" "‒" "–" "—" "−" | "_"
//	code   = letters [digits]              (NQ, QH14, NĐ, UBTƯMTTQVN, BGD&ĐT)
//	year   = 1–4 digits                    (2020), only before the first code
//
// A code is upper case (Latin letters, Vietnamese ones included: NĐ,
// UBTƯMTTQVN), lower case (ASCII and đ only, no marks: "nq", "nđ", as typed), or the mixed case of the codes
// written so (TTg, CTr, QyĐ, TTr, TrS) and of typos of upper-case codes
// (BLĐTBXh): a capital first and at least twice as many capitals as small
// letters. Words (Điều, Luật, tháng) are not codes. One or two stray spaces
// may stand around a separator when the part after it is an upper-case code
// or a four-digit year ("154 /NQ-CP", "TT- BGTVT").
//
// OCR's noise in the year and the Quốc hội term is read where it has one
// reading (yearAt, splitTerm; the term's letters in term.go): a year split
// by one space (3+1 and 2+2 digits; 1+3 only before a Quốc hội code, whose
// numbers always carry a year: "46/2 019/QH14"), a year glued to the code
// after it ("66/2026NĐ-CP": the code a part of its own, reported with "/";
// a Quốc hội code or a code with its issuer, gluedCode),
// a term split from its code by one space ("QH1 4", "QHI 5", "QH 14"); the
// number's digits split by one space after "số" ("số 4 3/2024/QH15":
// splitLead) and a "." for the dash after a type's code ("NĐ.CP": dotDash).
//
// A number starts at a digit that starts a word and does not continue
// another number ("01:2021/BXD", "1.250", "6,5"). In running text
// (ScanNumber) a number has a "/" (154/NQ-CP, 30/2020/NĐ-CP, 24-NQ/TW,
// 154/nq-cp) or is written whole in capitals with no spaces (73-CP,
// 217-HĐBT, the form before 2000): lower-case keys without a "/" are
// chemical names, file names and slugs (7-chloro, 146-ndcp), and spaced
// ones headings ("Chương 1 - QUY ĐỊNH"). Dates (23/11/2022), school years
// (2023/2024), ratios (1/2) and phone numbers have no code. A value known
// to be a number (a number field, a key typed alone: GrammarKey) needs only
// the grammar: "73-cp" is a key there.

// maxNumberParts bounds the parts after the leading digits.
const maxNumberParts = 8

// ScanNumber reads the document number that starts at s[i], as running
// text writes it, and returns its end, or 0 when no number starts there.
// When part is not nil it is called for each part after the leading digits,
// in order, with its separator ('/' or '-': dashes and '_' are '-') and its
// text as written; a caller discards what it collected when ScanNumber
// returns 0.
func ScanNumber(s string, i int, part func(sep byte, text string)) int {
	return scanNumber(s, i, false, part)
}

// Kinds of a part.
const (
	partBad = iota
	partDigits
	partUpper // NQ, QH14, NĐ, TTg
	partLower // nq, nđ, ubnd: typed in lower case
)

// scanNumber is ScanNumber; whole drops the running-text rule (a "/", or
// compact capitals).
func scanNumber(s string, i int, whole bool, part func(byte, string)) int {
	if i >= len(s) || !isDigit(rune(s[i])) || (i > 0 && (isWordByteBefore(s, i) || continuesNumber(s, i))) {
		return 0
	}
	j := i
	for j < len(s) && isDigit(rune(s[j])) {
		j++
	}
	if j-i > 6 {
		return 0
	}
	if j < len(s) && s[j] == ' ' {
		if r := splitLead(s, i, j, whole); r > 0 {
			j = r // "số 4 3/2024/QH15": one number's digits
		}
	}
	if j < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[j:]); isWordRune(r) {
			return 0 // "3G", "12a"
		}
	}
	end, parts, letters := j, 0, 0
	slash, compact, upper := false, true, true
	glued := -1       // where a code glued to the year before it starts ("2026NĐ-CP")
	yearPart := false // the part before is a year
	typePart := false // the part before is the number's first code, of two letters or more
	for parts < maxNumberParts {
		var sep byte
		p, sp, sp2 := j, 0, 0
		fromGlue := glued >= 0
		if fromGlue {
			sep, p, glued = '/', glued, -1
		} else {
			for p < len(s) && s[p] == ' ' && sp < 2 {
				p++
				sp++
			}
			var size int
			if sep, size = sepAt(s, p); sep == 0 {
				if sp > 0 || !typePart || !dotDash(s, p, whole) {
					break
				}
				sep, size = '-', 1 // "NĐ.CP": the dash after a type's code
			}
			p += size
			for p < len(s) && s[p] == ' ' && sp2 < 2 {
				p++
				sp2++
			}
		}
		q := partEnd(s, p)
		if q == p {
			break
		}
		text := s[p:q]
		if fromGlue && text[0] == '9' {
			text = glued9(text) // "54/201 49H13": yearAt read it (nineQ)
		}
		spaced := sp+sp2 > 0
		kind := partKind(text)
		if parts == 0 && sep == '/' && !spaced {
			if r, g, ok := yearAt(s, p, q, kind, whole); ok {
				text, kind = strings.Replace(s[p:r], " ", "", 1), partDigits // "02/201 7/QHI14", "66/2026NĐ-CP"
				if q = r; g {
					glued = r
				}
			}
		} else if parts == 1 && yearPart && (kind == partUpper || kind == partLower) {
			if r, ok := splitTerm(s, text, q); ok {
				text, q = text+s[q+1:r], r // "QH1 4", "QHI 5": the term
			}
		}
		switch kind {
		case partDigits:
			if letters > 0 || len(text) > 4 || (spaced && len(text) != 4) {
				kind = partBad
			}
		case partLower:
			if spaced {
				kind = partBad
			}
		}
		if kind == partBad {
			break
		}
		if kind != partDigits {
			letters++
			upper = upper && kind == partUpper
		}
		slash = slash || sep == '/'
		compact = compact && !spaced
		yearPart = parts == 0 && sep == '/' && len(text) == 4 && kind == partDigits
		typePart = kind != partDigits && letters == 1 && codeLetters(text) >= 2
		parts++
		if part != nil {
			part(sep, text)
		}
		j, end = q, q
	}
	if letters == 0 || !(whole || slash || (compact && upper)) {
		return 0
	}
	return end
}

// continuesNumber reports a digit run that continues a number: "01:2021"
// (QCVN 01:2021/BXD), "1.250", "6,5".
func continuesNumber(s string, i int) bool {
	return i >= 2 && strings.IndexByte(":.,", s[i-1]) >= 0 && isDigit(rune(s[i-2]))
}

// sepAt returns the separator at s[p] as '/' or '-', and its size, or 0.
func sepAt(s string, p int) (byte, int) {
	if p >= len(s) {
		return 0, 0
	}
	switch s[p] {
	case '/':
		return '/', 1
	case '-', '_':
		return '-', 1
	}
	r, size := utf8.DecodeRuneInString(s[p:])
	if IsDash(r) {
		return '-', size
	}
	return 0, 0
}

// IsDash reports the characters typed for the hyphen in document numbers
// and dates: "-", the Unicode hyphens and dashes, and the minus sign.
func IsDash(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '−':
		return true
	}
	return false
}

// partEnd returns the end of the part starting at p: letters, marks,
// digits and "&" inside (BGD&ĐT). Its loop is Tokenize's word loop with
// "&" added, written out in both: a shared function is not inlined and
// cost the tokenizer 9% more instructions.
func partEnd(s string, p int) int {
	q, base := p, false // base: a character that is no mark stands before q
	for q < len(s) {
		if c := s[q]; c < utf8.RuneSelf {
			if !asciiWord[c] && !(c == '&' && base && !markAt(s, q+1)) { // "BGD&ĐT"; a mark joins no "&", nor "&" a lone mark
				break
			}
			q++
			base = true
			continue
		}
		r, size := utf8.DecodeRuneInString(s[q:])
		if !isWordRune(r) {
			break
		}
		q += size
		base = base || !unicode.Is(unicode.Mn, r)
	}
	for q > p && s[q-1] == '&' {
		q--
	}
	return q
}

// markAt reports a combining mark at s[i]: it belongs to the character
// before it, so an "&" it follows ends the part (Fold drops the mark and
// the key would end in "&").
func markAt(s string, i int) bool {
	if i >= len(s) || s[i] < utf8.RuneSelf {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.Is(unicode.Mn, r)
}

// partKind classifies a part (see the grammar above).
func partKind(text string) int {
	if isDigit(rune(text[0])) {
		for i := 0; i < len(text); i++ {
			if !isDigit(rune(text[i])) {
				return partBad
			}
		}
		return partDigits
	}
	upper, lower, other, letters, marks := 0, 0, 0, 0, 0
	digits := false
	for _, r := range text {
		if r < utf8.RuneSelf { // the common case: ASCII codes
			switch {
			case isDigit(r):
				digits = true
				continue
			case digits:
				return partBad // letters after digits
			case 'A' <= r && r <= 'Z':
				upper++
			case 'a' <= r && r <= 'z':
				lower++
			case r == '&':
				continue
			default:
				return partBad
			}
			letters++
			continue
		}
		switch {
		case digits:
			return partBad // letters after digits
		case unicode.Is(unicode.Mn, r):
			marks++
			if !isMark(r) {
				other++ // not a Vietnamese mark
			}
			continue
		case unicode.IsUpper(r):
			upper++
			if !(r >= foldLo && r <= foldHi && foldTable[r-foldLo] != 0) {
				other++ // not a Latin letter: no code's
			}
		case unicode.IsLower(r):
			lower++
			if r != 'đ' {
				other++
			}
		default:
			return partBad
		}
		letters++
	}
	switch {
	case letters == 0 || letters > 16:
		return partBad
	case lower == 0 && other == 0:
		return partUpper
	case upper == 0 && other == 0 && marks == 0:
		return partLower
	case other == 0 && marks == 0 && upper >= 2 && upper >= 2*lower:
		// mixed case: TTg, CTr, QyĐ, BLĐTBXh; not words (Điều, Luật)
		if r, _ := utf8.DecodeRuneInString(text); unicode.IsUpper(r) {
			return partUpper
		}
	}
	return partBad
}

// GrammarKey returns the grammar's key of a document number, the key
// doctype.NumberKey starts from: no caller but that one reads it (the
// grammar reads a "." for the dash after any first code of two letters,
// doctype.NumberKey only after a type's; TestOneNumberKey in
// corpus/doctype holds every other package to doctype.NumberKey). It is folded,
// lowercase, dashes unified, a leading "Số" or "Số:" and the spaces around
// separators removed, and the leading zeros of the number dropped. "Số
// 05/2020/NĐ–CP", "5/2020/nd-cp" and "5 / 2020 / ND - CP" all give
// "5/2020/nd-cp", "73-CP" gives "73-cp". s is taken as a number: the
// grammar above applies, not the running-text rule. It returns "" when s
// is not one number.
func GrammarKey(s string) string {
	f := strings.TrimSpace(Fold(s))
	if rest, ok := strings.CutPrefix(f, "so"); ok {
		f = strings.TrimLeft(rest, ": \t")
	}
	var b strings.Builder
	b.Grow(len(f))
	space := false // white space is pending
	for _, r := range f {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case IsDash(r) || r == '_':
			r = '-'
		}
		if space && r != '/' && r != '-' && !strings.HasSuffix(b.String(), "/") && !strings.HasSuffix(b.String(), "-") {
			b.WriteByte(' ') // between two words: not one number
		}
		space = false
		b.WriteRune(r)
	}
	k := b.String()
	for len(k) > 1 && k[0] == '0' && isDigit(rune(k[1])) && !(len(k) > 2 && k[2] == ' ') {
		k = k[1:] // not a pad before a space: "05 15/…" is two numbers (splitLead)
	}
	if k == "" {
		return ""
	}
	if !strings.ContainsAny(k, " .") && !gluedKey(k) {
		if scanNumber(k, 0, true, nil) != len(k) {
			return ""
		}
		return termKey(k)
	}
	// a space the grammar reads through (a split number, year or term), a
	// dot read for a dash or a code glued to the year: the key is its parts
	var w strings.Builder
	lead := LeadDigits(k, 0)
	for len(lead) > 1 && lead[0] == '0' {
		lead = lead[1:] // "0 2/2017/qh14"
	}
	w.WriteString(lead)
	if scanNumber(k, 0, true, func(sep byte, p string) { w.WriteByte(sep); w.WriteString(p) }) != len(k) {
		return ""
	}
	return termKey(w.String())
}

// gluedKey reports a digit followed by a letter in the key k: a code glued
// to the year ("66/2026nd-cp"); codes put their digits after their letters.
func gluedKey(k string) bool {
	for i := 1; i < len(k); i++ {
		if isDigit(rune(k[i-1])) && isLetter(k[i]) {
			return true
		}
	}
	return false
}
