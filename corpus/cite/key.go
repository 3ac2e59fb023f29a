package cite

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
)

// Keys: the số/ký hiệu itself, its symbol and its canonical spelling.

// key is a số/ký hiệu found in the text.
type key struct {
	start, end int
	number     string
	segs       []string // canonical segments after the number
	seps       []byte   // the separator before each segment: '/' or '-'
	slash      bool
	letters    int // number of segments with letters
	year       int
}

func (k *key) text() string {
	var b strings.Builder
	b.WriteString(k.number)
	for i, seg := range k.segs {
		b.WriteByte(k.seps[i])
		b.WriteString(seg)
	}
	return b.String()
}

// symbol returns the document type named by the symbol's abbreviation (ND 30
// Phụ lục III and the legal types) and the issuer code: "NQ-CP" → Nghị
// quyết, "CP"; "24-NQ/TW" → Nghị quyết, "TW"; "2018/QH14" → Luật, "QH14";
// "BTC-NSNN" → "", "BTC".
func (k *key) symbol() (typ, code string) {
	fi := -1
	for i, seg := range k.segs {
		if !isDigit(seg[0]) {
			fi = i
			break
		}
	}
	if fi < 0 {
		return "", ""
	}
	first := k.segs[fi]
	rest := func(from int) string {
		var b strings.Builder
		for i := from; i < len(k.segs); i++ {
			if b.Len() > 0 {
				b.WriteByte(k.seps[i])
			}
			b.WriteString(k.segs[i])
		}
		return b.String()
	}
	if t, ok := doctype.ByCode(first); ok {
		return t.Name, rest(fi + 1)
	}
	if fi == len(k.segs)-1 {
		switch trimDigits(first) {
		case "QH":
			return typeLaw, first
		case "UBTVQH":
			return typeOrdinance, first
		}
	}
	return "", first
}

// scanKey reads a số/ký hiệu starting at the digit s[i]: digits, then
// segments joined by "/" or a dash, with at most two stray spaces around a
// separator when the segment after it is an upper-case code.
func scanKey(s string, i int) (key, bool) {
	k := key{start: i}
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	if j-i > 6 {
		return k, false
	}
	if j < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[j:]); isWordRune(r) {
			return k, false // "3G", "12a"
		}
	}
	k.number = s[i:j]
	end := j
	for len(k.segs) < 8 {
		p, sp := j, 0
		for p < len(s) && s[p] == ' ' && sp < 2 {
			p++
			sp++
		}
		sep, size := sepAt(s, p)
		if sep == 0 {
			break
		}
		p += size
		sp2 := 0
		for p < len(s) && s[p] == ' ' && sp2 < 2 {
			p++
			sp2++
		}
		q := segEnd(s, p)
		if q == p {
			break
		}
		seg := s[p:q]
		spaced := sp+sp2 > 0
		kind := segKind(seg)
		switch kind {
		case segDigits:
			if k.letters > 0 || len(seg) > 4 || (spaced && len(seg) != 4) {
				kind = segBad
			}
		case segLower:
			if spaced {
				kind = segBad
			}
		}
		if kind == segBad {
			break
		}
		if kind == segDigits {
			if sep == '/' && len(seg) == 4 && len(k.segs) == 0 {
				if y, _ := strconv.Atoi(seg); y >= 1945 && y <= 2100 {
					k.year = y
				}
			}
			k.segs = append(k.segs, seg)
		} else {
			k.letters++
			k.segs = append(k.segs, canonSeg(seg, k.letters == 1))
		}
		if sep == '/' {
			k.slash = true
		}
		k.seps = append(k.seps, sep)
		j, end = q, q
	}
	if k.letters == 0 {
		return k, false
	}
	// Trailing digit segments after the last letter segment are not part
	// of the key; they cannot occur given the rule above.
	k.end = end
	return k, true
}

// sepAt returns the separator at s[p] as '/' or '-', or 0.
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
	switch r {
	case '‐', '‑', '‒', '–', '—', '−':
		return '-', size
	}
	return 0, 0
}

// segEnd returns the end of the segment starting at p: letters, marks,
// digits and "&" (BGD&ĐT).
func segEnd(s string, p int) int {
	q := p
	for q < len(s) {
		r, size := utf8.DecodeRuneInString(s[q:])
		if !isWordRune(r) && !(r == '&' && q > p) {
			break
		}
		q += size
	}
	for q > p && s[q-1] == '&' {
		q--
	}
	return q
}

const (
	segBad = iota
	segDigits
	segUpper // NQ, QH14, NĐ, TTg
	segLower // nq, nđ, ubnd: typed in lower case
)

// segKind classifies a segment. Letters come first, then optional
// digits (QH14, UBKTTC16); upper-case codes may hold Vietnamese letters
// (UBTƯMTTQVN), lower-case ones only ASCII and đ.
func segKind(seg string) int {
	if isDigit(seg[0]) {
		for i := 0; i < len(seg); i++ {
			if !isDigit(seg[i]) {
				return segBad
			}
		}
		return segDigits
	}
	upper, lower, other, letters, marks := 0, 0, 0, 0, 0
	digits := false
	for _, r := range seg {
		switch {
		case isDigit(byte(r)) && r < utf8.RuneSelf:
			digits = true
			continue
		case digits:
			return segBad // letters after digits
		case unicode.Is(unicode.Mn, r):
			marks++
			continue
		case r == '&':
			continue
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
			if r >= utf8.RuneSelf && r != 'đ' {
				other++
			}
		default:
			return segBad
		}
		letters++
	}
	switch {
	case letters == 0 || letters > 16:
		return segBad
	case lower == 0:
		return segUpper
	case upper == 0 && other == 0 && marks == 0:
		return segLower
	case upper > 0 && other == 0 && marks == 0:
		// mixed case: the codes written so (TTg, CTr, QyĐ…) and typos of
		// upper-case codes (BLĐTBXh); not words (Điều, Luật).
		if sp, ok := spelling[foldLetters(trimDigits(seg))]; ok && sp != strings.ToUpper(sp) {
			return segUpper
		}
		r, _ := utf8.DecodeRuneInString(seg)
		if unicode.IsUpper(r) && upper >= 3 && upper >= 2*lower {
			return segUpper
		}
	}
	return segBad
}

// canonSeg writes a segment as officially spelled: upper case, Đ
// restored in NĐ, QĐ, HĐND… and the mixed case of TTg, CTr, QyĐ, TTr, TrS.
// The two-letter type codes ND, QD and CD get their Đ only as the first
// code of a symbol: elsewhere ND may be Hội Nông dân.
func canonSeg(seg string, typePos bool) string {
	letters, digits := seg, ""
	for i := 0; i < len(seg); i++ {
		if isDigit(seg[i]) {
			letters, digits = seg[:i], seg[i:]
			break
		}
	}
	f := foldLetters(letters)
	if sp, ok := spelling[f]; ok && (typePos || !typeOnlySpelling[f]) {
		return sp + digits
	}
	up := strings.ToUpper(viet.NFC(letters))
	up = strings.ReplaceAll(up, "Ð", "Đ")
	return up + digits
}

func foldLetters(s string) string { return viet.Fold(s) }

func trimDigits(s string) string {
	return strings.TrimRight(s, "0123456789")
}

// spelling gives, by folded code, the official spelling of codes whose
// folded form loses a Đ, an Ư or their mixed case: the type codes of
// corpus/doctype, and the issuer and other codes below. Codes where
// folding is ambiguous (HD Hướng dẫn / HĐ Hợp đồng, DA Dự án / ĐA Đề án)
// are left as typed. typeOnlySpelling marks the type codes of two letters,
// whose spelling applies only as the first code of a symbol (ND, QD, CD:
// elsewhere ND may be Hội Nông dân).
var spelling, typeOnlySpelling = spellings()

func spellings() (map[string]string, map[string]bool) {
	m, typeOnly := map[string]string{}, map[string]bool{}
	for _, c := range otherSpellings {
		m[viet.Fold(c)] = c
	}
	for _, t := range doctype.All {
		if t.Code == "" {
			continue
		}
		f := viet.Fold(t.Code)
		if len(doctype.ByFoldedCode(f)) > 1 {
			continue
		}
		m[f] = t.Code
		if utf8.RuneCountInString(t.Code) <= 2 {
			typeOnly[f] = true
		}
	}
	return m, typeOnly
}

// otherSpellings are issuer and other codes in official spelling.
var otherSpellings = []string{
	"HĐND", "TTg", "BGDĐT", "BLĐTBXH", "BKHĐT", "HĐTP", "LĐTBXH", "ĐHQG", "UBTƯMTTQVN",
	"BGD&ĐT", "HĐQT", "HĐTV", "ĐĐBQH", "BCĐ", "ĐU", "QĐLT", "TLĐLĐ",
}

// numberBefore reports a digit run that continues a number: "01:2021"
// (QCVN 01:2021/BXD), "1.250", "6,5".
func numberBefore(s string, i int) bool {
	return i >= 2 && strings.IndexByte(":.,", s[i-1]) >= 0 && isDigit(s[i-2])
}
