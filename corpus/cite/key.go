package cite

import (
	"strconv"
	"strings"
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

// scanKey reads the số/ký hiệu whose first digit is s[i], by the one
// grammar of numbers (viet.ScanNumber), writing its parts in canonical
// spelling.
func scanKey(s string, i int) (key, bool) {
	k := key{start: i}
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	k.number = s[i:j]
	k.end = viet.ScanNumber(s, i, func(sep byte, seg string) {
		if k.segs == nil { // most keys have two to four segments: one allocation each
			k.segs, k.seps = make([]string, 0, 4), make([]byte, 0, 4)
		}
		if isDigit(seg[0]) {
			if sep == '/' && len(seg) == 4 && len(k.segs) == 0 {
				if y, _ := strconv.Atoi(seg); y >= 1945 && y <= 2100 {
					k.year = y
				}
			}
			k.segs = append(k.segs, seg)
		} else {
			k.letters++
			k.segs = append(k.segs, viet.TermCode(canonSeg(seg, k.letters == 1), k.year))
		}
		if sep == '/' {
			k.slash = true
		}
		k.seps = append(k.seps, sep)
	})
	if k.end > j && s[j] == ' ' {
		k.number = viet.LeadDigits(s, i) // "số 4 3/2024/QH15"
	}
	return k, k.end > 0
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
	f := foldWord(letters)
	if sp, ok := spelling[f]; ok && (typePos || !typeOnlySpelling[f]) {
		return sp + digits
	}
	up := strings.ToUpper(viet.NFC(letters))
	up = strings.ReplaceAll(up, "Ð", "Đ")
	return up + digits
}

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
