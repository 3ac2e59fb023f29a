package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
)

// Issuers: the cơ quan ban hành after "của", and how an issuer code in a
// key agrees with a name.

// issuerNames lists the issuers (cơ quan ban hành) recognized after
// "của", in canonical spelling. Matching is on folded words, so "Uỷ ban
// thường vụ quốc hội", "Bộ Văn hoá - Thể thao và Du lịch" and text typed
// without accents all match.
var issuerNames = []string{
	"Chính phủ", "Thủ tướng Chính phủ", "Chủ tịch nước", "Quốc hội",
	"Ủy ban Thường vụ Quốc hội", "Bộ Chính trị", "Ban Chấp hành Trung ương",
	"Ban Bí thư", "Văn phòng Chính phủ", "Văn phòng Quốc hội",
	"Văn phòng Trung ương Đảng", "Văn phòng Chủ tịch nước",
	"Tòa án nhân dân tối cao", "Viện kiểm sát nhân dân tối cao",
	"Hội đồng Thẩm phán Tòa án nhân dân tối cao", "Kiểm toán nhà nước",
	"Thanh tra Chính phủ", "Ngân hàng Nhà nước Việt Nam", "Ủy ban Dân tộc",
	"Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Ban Tổ chức Trung ương",
	"Ban Tuyên giáo Trung ương", "Ban Dân vận Trung ương",
	"Ban Tuyên giáo và Dân vận Trung ương", "Ban Kinh tế Trung ương",
	"Ban Nội chính Trung ương", "Ủy ban Kiểm tra Trung ương",
	"Ban Tổ chức - Cán bộ Chính phủ", "Bảo hiểm xã hội Việt Nam",
	"Tổng Liên đoàn Lao động Việt Nam", "Hội đồng Bầu cử quốc gia",
	// ministries, current and former
	"Bộ Quốc phòng", "Bộ Công an", "Bộ Ngoại giao", "Bộ Nội vụ", "Bộ Tư pháp",
	"Bộ Tài chính", "Bộ Công Thương", "Bộ Nông nghiệp và Phát triển nông thôn",
	"Bộ Nông nghiệp và Môi trường", "Bộ Giao thông vận tải", "Bộ Xây dựng",
	"Bộ Tài nguyên và Môi trường", "Bộ Thông tin và Truyền thông",
	"Bộ Lao động - Thương binh và Xã hội", "Bộ Văn hóa, Thể thao và Du lịch",
	"Bộ Khoa học và Công nghệ", "Bộ Giáo dục và Đào tạo", "Bộ Y tế",
	"Bộ Kế hoạch và Đầu tư", "Bộ Dân tộc và Tôn giáo",
	"Bộ Văn hóa - Thông tin", "Bộ Thương mại", "Bộ Công nghiệp", "Bộ Thủy sản",
	"Bộ Bưu chính, Viễn thông", "Bộ Khoa học, Công nghệ và Môi trường",
	"Bộ Giáo dục",
}

// issuerAliases maps other spellings to a canonical issuer name.
var issuerAliases = map[string]string{
	"Thủ tướng":                              "Thủ tướng Chính phủ",
	"Ban Chấp hành Trung ương Đảng":          "Ban Chấp hành Trung ương",
	"Ban Bí thư Trung ương Đảng":             "Ban Bí thư",
	"Ban Bí thư Trung ương":                  "Ban Bí thư",
	"Ngân hàng Nhà nước":                     "Ngân hàng Nhà nước Việt Nam",
	"Hội đồng Thẩm phán":                     "Hội đồng Thẩm phán Tòa án nhân dân tối cao",
	"Bộ Nông nghiệp và Phát triển Nông thôn": "Bộ Nông nghiệp và Phát triển nông thôn",
}

// issuerCodes maps an issuer code in a ký hiệu to the issuer's name,
// for codes that name one issuer without doubt. TW (Bộ Chính trị, Ban Chấp
// hành or Ban Bí thư), UBND and HĐND (which province?) are left as codes.
var issuerCodes = map[string]string{
	"CP": "Chính phủ", "TTg": "Thủ tướng Chính phủ", "QH": "Quốc hội",
	"UBTVQH": "Ủy ban Thường vụ Quốc hội", "CTN": "Chủ tịch nước",
	"VPCP": "Văn phòng Chính phủ", "VPQH": "Văn phòng Quốc hội",
	"VPTW": "Văn phòng Trung ương Đảng", "NHNN": "Ngân hàng Nhà nước Việt Nam",
	"TANDTC": "Tòa án nhân dân tối cao", "VKSNDTC": "Viện kiểm sát nhân dân tối cao",
	"HĐTP": "Hội đồng Thẩm phán Tòa án nhân dân tối cao", "TTCP": "Thanh tra Chính phủ",
	"KTNN": "Kiểm toán nhà nước", "TU": "Tỉnh ủy", "UBDT": "Ủy ban Dân tộc",
	"BHXH": "Bảo hiểm xã hội Việt Nam",
	"BQP":  "Bộ Quốc phòng", "BCA": "Bộ Công an", "BNG": "Bộ Ngoại giao",
	"BNV": "Bộ Nội vụ", "BTP": "Bộ Tư pháp", "BTC": "Bộ Tài chính",
	"BCT": "Bộ Công Thương", "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
	"BNNMT": "Bộ Nông nghiệp và Môi trường", "BGTVT": "Bộ Giao thông vận tải",
	"BXD": "Bộ Xây dựng", "BTNMT": "Bộ Tài nguyên và Môi trường",
	"BTTTT": "Bộ Thông tin và Truyền thông", "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội",
	"BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch", "BKHCN": "Bộ Khoa học và Công nghệ",
	"BGDĐT": "Bộ Giáo dục và Đào tạo", "BYT": "Bộ Y tế", "BKHĐT": "Bộ Kế hoạch và Đầu tư",
	"BDTTG": "Bộ Dân tộc và Tôn giáo",
}

// issuerByCode returns the issuer named by a one-part issuer code, or "".
func issuerByCode(code string) string {
	if n, ok := issuerCodes[code]; ok {
		return n
	}
	switch t := trimDigits(code); t {
	case "QH", "UBTVQH":
		return issuerCodes[t]
	}
	return ""
}

// defaultIssuer is the Issuer of a ref whose text names none: the name
// the code implies, else the code itself.
func defaultIssuer(code string) string {
	if n := issuerByCode(code); n != "" {
		return n
	}
	return code
}

type issuerEntry struct {
	words []string
	name  string
}

// issuerIndex holds issuerNames and aliases by first folded word,
// longest first.
var issuerIndex = func() map[string][]issuerEntry {
	idx := make(map[string][]issuerEntry)
	add := func(spelling, name string) {
		ws := foldWords(spelling)
		idx[ws[0]] = append(idx[ws[0]], issuerEntry{ws, name})
	}
	for _, n := range issuerNames {
		add(n, n)
	}
	for a, n := range issuerAliases {
		add(a, n)
	}
	for k, es := range idx {
		for i := 1; i < len(es); i++ { // insertion sort, longest first
			for j := i; j > 0 && len(es[j].words) > len(es[j-1].words); j-- {
				es[j], es[j-1] = es[j-1], es[j]
			}
		}
		idx[k] = es
	}
	return idx
}()

// localHeads are local issuers (UBND tỉnh Bình Dương, Tỉnh ủy …): head,
// whether a level word (tỉnh, huyện…) may follow, then a capitalized place
// name.
var localHeads = []struct {
	words string
	name  string
	level bool
}{
	{"thuong truc hoi dong nhan dan", "Thường trực HĐND", true},
	{"thuong truc hdnd", "Thường trực HĐND", true},
	{"uy ban nhan dan", "UBND", true},
	{"ubnd", "UBND", true},
	{"hoi dong nhan dan", "HĐND", true},
	{"hdnd", "HĐND", true},
	{"ban thuong vu tinh uy", "Ban Thường vụ Tỉnh ủy", false},
	{"ban thuong vu thanh uy", "Ban Thường vụ Thành ủy", false},
	{"tinh uy", "Tỉnh ủy", false},
	{"thanh uy", "Thành ủy", false},
	{"huyen uy", "Huyện ủy", false},
	{"dang uy", "Đảng ủy", false},
}

// localHeadWords and levelWords are the words of localHeads and levels.
var localHeadWords, levelWords = func() ([][]string, [][]string) {
	var h, l [][]string
	for _, x := range localHeads {
		h = append(h, strings.Fields(x.words))
	}
	for _, x := range levels {
		l = append(l, strings.Fields(x.words))
	}
	return h, l
}()

// levels are levelNouns folded, as an issuer's words are matched.
var levels = func() []struct{ words, name string } {
	var ls []struct{ words, name string }
	for _, n := range levelNouns {
		ls = append(ls, struct{ words, name string }{viet.Fold(n), n})
	}
	return ls
}()

// titlePrefixes are the office holders that sign for an issuer: "của
// Bộ trưởng Bộ Tài chính", "của Hội nghị lần thứ bảy Ban Chấp hành Trung
// ương".
var titlePrefixes = [][]string{
	{"bo", "truong"}, {"thong", "doc"}, {"chanh", "an"}, {"vien", "truong"},
	{"chu", "nhiem"}, {"chu", "tich"}, {"hoi", "nghi"}, {"thu", "truong"},
	{"tong", "kiem", "toan"},
}

// issuersAt reads one issuer or a list of them ("Bộ Tài chính và Bộ Y
// tế", "Bộ Công an, Bộ Quốc phòng và Bộ Y tế") at s[q]. A name after a
// comma belongs to the list only when the list goes on to a "và" ("Bộ Công
// an, Bộ Quốc phòng và …") or the key's issuer code names it beside the
// others (a joint document: "TTLT-BTC-BLĐTBXH … của Bộ Tài chính, Bộ Lao
// động - Thương binh và Xã hội"; "KL/TW … của Bộ Chính trị, Ban Bí thư");
// otherwise it is the next clause's subject ("… của UBND tỉnh Phú Thọ, Sở
// Y tế đã tổ chức …") and the issuer ends at the comma. code is the key's
// issuer code, "" when there is none.
func issuersAt(s string, q int, code string) ([]string, int, bool) {
	name, end, ok := issuerAt(s, q)
	if !ok {
		return nil, 0, false
	}
	names := []string{name}
	kept, keptEnd := 1, end // the names known to be issuers, and their end
	for len(names) < 8 {
		p := skipSpace(s, end)
		comma, and := false, false
		if p < len(s) && s[p] == ',' {
			p, comma = skipSpace(s, p+1), true
		}
		if w, ok := wordAt(s, p); ok && w.fold == "va" {
			p, and = skipSpace(s, w.end), true
		}
		if !comma && !and {
			break
		}
		n, e, ok := issuerAt(s, p)
		if !ok {
			break
		}
		names, end = append(names, n), e
		if and || kept == len(names)-1 && code != "" && compatible(code, []string{n}) {
			kept, keptEnd = len(names), end
		}
	}
	return names[:kept], keptEnd, true
}

// issuerAt reads one issuer name at s[q].
func issuerAt(s string, q int) (string, int, bool) {
	// every issuer starts with a word of issuerFirst: read the others only then
	if w, ok := wordAt(s, q); !ok || !issuerFirst[w.fold] {
		return "", 0, false
	}
	var wbuf [16]word
	var sbuf [16]bool
	ws, spaced := forwardWords(s, q, wbuf[:0], sbuf[:0])
	if len(ws) == 0 {
		return "", 0, false
	}
	if name, n := matchIssuer(s, ws, spaced); n > 0 {
		return name, ws[n-1].end, true
	}
	for _, pre := range titlePrefixes {
		if !hasWords(ws, spaced, pre, false) {
			continue
		}
		for k := len(pre); k < len(ws) && k <= len(pre)+6; k++ {
			if !spaced[k] {
				break
			}
			if name, n := matchIssuer(s, ws[k:], spaced[k:]); n > 0 {
				return name, ws[k+n-1].end, true
			}
		}
	}
	if name, n := genericIssuer(s, ws, spaced); n > 0 {
		return name, ws[n-1].end, true
	}
	return "", 0, false
}

// matchIssuer matches the longest known issuer at the start of ws and
// returns its name and the number of words used.
func matchIssuer(s string, ws []word, spaced []bool) (string, int) {
	best, bestN := "", 0
	for _, e := range issuerIndex[ws[0].fold] {
		if len(e.words) <= len(ws) && hasWords(ws, spaced, e.words, true) {
			best, bestN = e.name, len(e.words)
			break
		}
	}
	for i, h := range localHeads {
		hw := localHeadWords[i]
		if len(hw) <= bestN || !hasWords(ws, spaced, hw, false) {
			continue
		}
		name, n := h.name, len(hw)
		if h.level {
			for j, l := range levels {
				lw := levelWords[j]
				if n < len(ws) && spaced[n] && hasWords(ws[n:], spaced[n:], lw, false) {
					name, n = name+" "+l.name, n+len(lw)
					break
				}
			}
		}
		// a capitalized place name: "Bình Dương", "Đắk Lắk"
		for k := 0; k < 4 && n < len(ws) && spaced[n]; k++ {
			w := ws[n]
			orig := s[w.start:w.end]
			r, _ := utf8.DecodeRuneInString(orig)
			if !unicode.IsUpper(r) || w.hasDigit || w.fold == "ve" || w.fold == "v" {
				break
			}
			name += " " + viet.Canon(orig)
			n++
		}
		return name, n
	}
	return best, bestN
}

// joinIssuers writes several issuers as Vietnamese does: "A và B",
// "A, B và C".
func joinIssuers(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " và " + names[len(names)-1]
}

// compatible reports whether an issuer code in a key ("BTC", "QH14",
// "BTC-BKHCN", "TW") agrees with the issuer names stated in the text. A
// code part agrees with a name when its letters occur in order in the
// name's initials (BLĐTBXH: Bộ Lao động - Thương binh và Xã hội; VKSTC:
// Viện kiểm sát nhân dân tối cao), or the name belongs to the code's family
// (QH: Quốc hội or its Standing Committee). Unknown codes agree with
// everything.
func compatible(code string, names []string) bool {
	if code == "" {
		return true
	}
	parts := strings.FieldsFunc(viet.Fold(code), func(r rune) bool { return r == '-' || r == '/' })
	for _, name := range names {
		ws := foldWords(name)
		var ini strings.Builder
		for i, w := range ws {
			switch {
			case w == "va":
			case w == "trung" && i+1 < len(ws) && ws[i+1] == "uong":
				ini.WriteString("t") // Trung ương is TW in codes
			case w == "uong" && i > 0 && ws[i-1] == "trung":
				ini.WriteString("w")
			default:
				ini.WriteByte(w[0])
			}
		}
		a := ini.String()
		for _, part := range parts {
			part = strings.Map(func(r rune) rune {
				if 'a' <= r && r <= 'z' {
					return r
				}
				return -1
			}, part)
			switch {
			case part == "":
			case subsequence(part, a), strings.HasPrefix(part, a):
				return true
			case part == ws[0]: // ubnd, hdnd
				return true
			case inFamily(part, name):
				return true
			}
		}
	}
	return false
}

// subsequence reports whether the letters of sub occur in order in s,
// starting with the first.
func subsequence(sub, s string) bool {
	if len(sub) < 2 || sub[0] != s[0] {
		return false
	}
	i := 0
	for j := 0; j < len(s) && i < len(sub); j++ {
		if s[j] == sub[i] {
			i++
		}
	}
	return i == len(sub)
}

// issuerFamily lists, by folded code, the issuers (name prefixes) a
// code may stand for besides the one its letters spell.
var issuerFamily = map[string][]string{
	"tw":     {"Bộ Chính trị", "Ban Chấp hành Trung ương", "Ban Bí thư"},
	"vptw":   {"Văn phòng Trung ương Đảng"},
	"tu":     {"Ban Thường vụ Tỉnh ủy"},
	"qh":     {"Quốc hội", "Ủy ban Thường vụ Quốc hội"},
	"ubtvqh": {"Quốc hội", "Ủy ban Thường vụ Quốc hội"},
	"ctn":    {"Quốc hội", "Ủy ban Thường vụ Quốc hội"},
	"ttg":    {"Thủ tướng Chính phủ", "Chính phủ"},
	"hdtp":   {"Tòa án nhân dân tối cao"},
}

func inFamily(part, name string) bool {
	for _, f := range issuerFamily[part] {
		if strings.HasPrefix(name, f) {
			return true
		}
	}
	return false
}

// issuerFirst holds the first words of every issuer issuerAt may read: the
// table, local heads, office holders and generic heads.
var issuerFirst = func() map[string]bool {
	m := map[string]bool{}
	for k := range issuerIndex {
		m[k] = true
	}
	for _, hw := range localHeadWords {
		m[hw[0]] = true
	}
	for _, pre := range titlePrefixes {
		m[pre[0]] = true
	}
	for k := range genericHeads {
		m[k] = true
	}
	return m
}()

// genericHeads start the names of agencies missing from the table:
// "Ủy ban Thể dục thể thao", "Sở Tài chính", "Cục Thuế".
var genericHeads = map[string]bool{
	"bo": true, "uy": true, "ban": true, "tong": true, "cuc": true, "so": true,
	"van": true, "hoi": true, "ngan": true, "kiem": true, "thanh": true,
	"toa": true, "vien": true, "hoc": true, "dai": true, "trung": true,
}

// genericStops end a generic issuer name: what usually follows it (and
// subjectOpeners, the words opening a subject).
var genericStops = map[string]bool{
	"ve": true, "quy": true, "ban": true, "huong": true, "co": true,
	"tai": true, "theo": true, "ngay": true, "nam": true, "sua": true,
	"thuc": true, "trong": true, "cho": true, "de": true, "v": true,
	"va": true, "phe": true, "bai": true, "dinh": true, "thi": true,
}

// genericIssuer reads an issuer missing from the table: a capitalized
// head word ("Bộ", "Ủy ban", "Sở"…) and the following words up to a comma,
// a stop word, a subject opener or eight words, written with canonical
// tones.
func genericIssuer(s string, ws []word, spaced []bool) (string, int) {
	w := ws[0]
	r, _ := utf8.DecodeRuneInString(s[w.start:w.end])
	if !unicode.IsUpper(r) || !genericHeads[w.fold] || len(ws) < 2 {
		return "", 0
	}
	n := 1
	for n < len(ws) && n < 8 && spaced[n] && !ws[n].hasDigit && (n == 1 || !genericStops[ws[n].fold] && !opensSubject(ws[n:], spaced[n:])) {
		n++
	}
	if n < 2 {
		return "", 0
	}
	parts := make([]string, n)
	for i := 0; i < n; i++ {
		parts[i] = viet.Canon(s[ws[i].start:ws[i].end])
	}
	return strings.Join(parts, " "), n
}

// nameWords are the words of each issuerNames entry, as written (for their
// capitals) and folded.
var nameWords = func() [][2][]string {
	out := make([][2][]string, len(issuerNames))
	for i, n := range issuerNames {
		w := strings.FieldsFunc(n, func(r rune) bool { return !isWordRune(r) })
		f := make([]string, len(w))
		for k := range w {
			f[k] = viet.Fold(w[k])
		}
		out[i] = [2][]string{w, f}
	}
	return out
}()

// NameRest reports how many words at the start of next finish the name of
// an issuer (issuerNames) that name breaks off at its end, a line or a
// table cell wrapped inside it: "Sở Giáo dục" then "và Đào tạo chủ trì …"
// → 3 ("và Đào tạo"); "Bộ Văn hóa, Thể thao" then "và Du lịch" → 3. A
// province's department (Sở) is named as its ministry (Bộ). The break
// comes after the head and at least one word of the name, and a word the
// name writes with a capital has it in next ("và đào tạo nghề" finishes no
// name). It is 0 when next does not go on with such a name.
func NameRest(name, next string) int {
	if !restStart(next) {
		return 0 // the common case, cheaply: next starts no name's rest
	}
	toks := strings.Fields(next)
	if f := strings.Fields(name); len(f) > maxNameWords {
		name = strings.Join(f[len(f)-maxNameWords:], " ") // only its end can break a name off
	}
	have := foldWords(name)
	best := 0
	for _, nw := range nameWords {
		written, folded := nw[0], nw[1]
		for k := 2; k < len(folded) && k <= len(have); k++ {
			if !endsWithName(have, folded[:k]) {
				continue
			}
			if n := restOf(toks, written[k:], folded[k:]); n > best {
				best = n
			}
		}
	}
	return best
}

// maxNameWords bounds the words of an issuer's name (issuerNames: "Hội
// đồng Thẩm phán Tòa án nhân dân tối cao" has 9).
const maxNameWords = 12

// restStarts are the folded words a name's rest can start with: each word
// of a name after its second.
var restStarts = func() map[string]bool {
	m := map[string]bool{}
	for _, nw := range nameWords {
		for _, w := range nw[1][min(2, len(nw[1])):] {
			m[w] = true
		}
	}
	return m
}()

// restStart reports whether the first word of s (marks before it passed
// over) may start the rest of a name.
func restStart(s string) bool {
	s = strings.TrimLeftFunc(s, func(r rune) bool { return !isWordRune(r) })
	end := strings.IndexFunc(s, func(r rune) bool { return !isWordRune(r) })
	if end < 0 {
		end = len(s)
	}
	return end > 0 && end <= 24 && restStarts[viet.Fold(s[:end])]
}

// endsWithName reports whether the folded words have end with the first
// words of a name, "sở" standing for "bộ".
func endsWithName(have, name []string) bool {
	off := len(have) - len(name)
	for j, w := range name {
		if h := have[off+j]; h != w && !(j == 0 && w == "bo" && h == "so") {
			return false
		}
	}
	return true
}

// restOf reports how many of toks (words as written, with their
// punctuation) spell the words of a name, or 0: marks alone ("-", ",")
// are passed over, a word the name capitalises must be capitalised.
func restOf(toks, written, folded []string) int {
	j := 0
	for i, t := range toks {
		w := strings.TrimFunc(t, func(r rune) bool { return !isWordRune(r) })
		if w == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(written[j])
		c, _ := utf8.DecodeRuneInString(w)
		if viet.Fold(w) != folded[j] || unicode.IsUpper(r) && !unicode.IsUpper(c) {
			return 0
		}
		if j++; j == len(folded) {
			return i + 1
		}
	}
	return 0
}
