package search

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
)

// abbrevText is the abbreviation dictionary: abbreviation = full form, one a
// line: the abbreviations of administrative and legal text (UBND, KT-XH,
// BLDS …). Document-type codes come from corpus/doctype (typeAbbrevs). An abbreviation of two letters only counts when typed in
// capitals ("KH", not "kh"), since short lowercase words are syllables.
const abbrevText = `
UBND = Ủy ban nhân dân
HĐND = Hội đồng nhân dân
UBMTTQ = Ủy ban Mặt trận Tổ quốc
MTTQ = Mặt trận Tổ quốc
TAND = Tòa án nhân dân
VKSND = Viện kiểm sát nhân dân
UBTVQH = Ủy ban Thường vụ Quốc hội
BLDS = Bộ luật Dân sự
BLHS = Bộ luật Hình sự
BLLĐ = Bộ luật Lao động
BLTTDS = Bộ luật Tố tụng dân sự
BLTTHS = Bộ luật Tố tụng hình sự
KT-XH = kinh tế - xã hội
CĐS = chuyển đổi số
TTĐT = thông tin điện tử
CNTT = công nghệ thông tin
KHCN = khoa học và công nghệ
ATGT = an toàn giao thông
BHXH = bảo hiểm xã hội
BHYT = bảo hiểm y tế
GD-ĐT = giáo dục và đào tạo
NSNN = ngân sách nhà nước
CBCCVC = cán bộ, công chức, viên chức
TNHH = trách nhiệm hữu hạn
`

// issuerAbbrevText lists issuer codes. Like the document-type codes of
// corpus/doctype (typeAbbrevs), they are expanded but not abbreviated back:
// in text they occur inside document numbers, which have their own fields.
const issuerAbbrevText = `
QH = Quốc hội
CP = Chính phủ
TTg = Thủ tướng Chính phủ
`

// abbrev is one dictionary entry, both sides as folded syllables.
type abbrev struct {
	short, long   string // as written
	shortF, longF []string
	oneWay        bool // expand only
}

var abbrevs = slices.Concat(parseAbbrevs(abbrevText, false), typeAbbrevs(), parseAbbrevs(issuerAbbrevText, true))

// typeAbbrevs are the codes of corpus/doctype (Nghị định 30/2020/NĐ-CP,
// Phụ lục III, and the legal and Party codes) with their type names,
// expanded only. One-letter codes (L, Lệnh) are left out: a lone capital
// in a query is an initial or a list label.
func typeAbbrevs() []abbrev {
	var b strings.Builder
	for _, t := range doctype.All {
		if utf8.RuneCountInString(t.Code) >= 2 {
			b.WriteString(t.Code + " = " + t.Name + "\n")
		}
	}
	return parseAbbrevs(b.String(), true)
}

func parseAbbrevs(text string, oneWay bool) []abbrev {
	var out []abbrev
	for _, line := range strings.Split(text, "\n") {
		short, long, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		a := abbrev{short: strings.TrimSpace(short), long: strings.TrimSpace(long), oneWay: oneWay}
		a.shortF, a.longF = foldedWords(a.short), foldedWords(a.long)
		out = append(out, a)
	}
	return out
}

func foldedWords(s string) []string {
	var ws []string
	for _, w := range words(s) {
		ws = append(ws, viet.Fold(w))
	}
	return ws
}

// words are the syllables of s outside document numbers ("154/NQ-CP" is a
// number, not the abbreviation NQ).
func words(s string) []string {
	var ws []string
	numEnd := 0
	viet.Tokenize(s, func(t viet.Token) {
		switch {
		case t.Kind == viet.DocNumber:
			numEnd = t.End
		case t.Start >= numEnd:
			ws = append(ws, s[t.Start:t.End])
		}
	})
	return ws
}

// expand returns the other side of every abbreviation in text: "UBND tỉnh"
// gives "Ủy ban nhân dân", and "Ủy ban nhân dân tỉnh" gives "UBND".
func expand(text string) []string {
	ws := words(text)
	fw := make([]string, len(ws))
	for i, w := range ws {
		fw[i] = viet.Fold(w)
	}
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, a := range abbrevs {
		if i := indexWords(fw, a.shortF); i >= 0 && sameMarks(ws[i:i+len(a.shortF)], a.short) &&
			(len(strings.Join(a.shortF, "")) >= 3 || allUpper(ws[i:i+len(a.shortF)])) {
			add(a.long)
		}
		if !a.oneWay && indexWords(fw, a.longF) >= 0 {
			add(a.short)
		}
	}
	return out
}

func indexWords(ws, sub []string) int {
	for i := 0; i+len(sub) <= len(ws); i++ {
		j := 0
		for j < len(sub) && ws[i+j] == sub[j] {
			j++
		}
		if j == len(sub) {
			return i
		}
	}
	return -1
}

// sameMarks reports whether typed words that carry marks spell the
// abbreviation exactly: "HĐ" is Hợp đồng, not HD (Hướng dẫn), while an
// unmarked "HD" may be either.
func sameMarks(typed []string, short string) bool {
	sw := words(short)
	for k, w := range typed {
		if viet.HasMarks(w) && (k >= len(sw) || viet.Lower(w) != viet.Lower(sw[k])) {
			return false
		}
	}
	return true
}

func allUpper(ws []string) bool {
	for _, w := range ws {
		for _, r := range w {
			if unicode.IsLower(r) {
				return false
			}
		}
	}
	return true
}
