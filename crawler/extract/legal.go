package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/doctype"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Legal-document fields come from two places:
//
//   - property tables (vbpl.vn "Thuộc tính"): a label cell "Số ký hiệu",
//     "Loại văn bản", "Cơ quan ban hành/ Chức danh / Người ký" or
//     "Ngày ban hành" followed by its value cell;
//   - the document's own header (Nghị định 30/2020 layout): the issuing
//     body's name in capitals, "Số: 45/KH-UBND", then the type in capitals
//     ("KẾ HOẠCH") above the trích yếu.
//
// A table wins over the header.

// legal fills Number, Type and Issuer, and Published from "Ngày ban
// hành" when no publication date was found.
func (p *Page) legal(a *Article) {
	table, so := legalHints(p.Doc.Nodes[0])
	var abstract string // the trích yếu, for a title that is a label (docname.go)
	if table {
		abstract = p.propertyTable(a)
	}
	if a.Number == "" && so {
		p.header(a, a.Body)
	}
	if a.Number == "" && so {
		// The header may sit outside the extracted body (vbpl.vn renders
		// it as tables beside div#toanvancontent).
		if b := findAtom(p.Doc.Nodes[0], atom.Body); b != nil {
			p.header(a, renderText(b, chrome))
		}
	}
	if a.Type == "" && a.Number != "" {
		a.Type = typeFromNumber(a.Number)
	}
	if labelTitle(a.Title, a.Type) || (a.Number != "" || a.Type != "") && siteTitle(a.Title, a.Issuer) {
		p.nameTitle(a, abstract)
	}
}

// nameTitle replaces a title that is a label by the document's name
// (docname.go): the table's trích yếu, the header's, or for a number alone
// the body's first line.
func (p *Page) nameTitle(a *Article, abstract string) {
	typ := a.Type
	if rest, ok := cutType(a.Title, typ); ok && typ == "" {
		typ = strings.TrimSpace(a.Title[:len(a.Title)-len(rest)])
	}
	d := ParseDocument(strings.Split(a.Body, "\n"))
	if abstract == "" && d.Type != "" && runeCount(d.Title) <= maxName {
		abstract = d.Title // under the header's type line
	}
	if a.Type == "" && typ != "" && d.Type == typ {
		a.Type = typ // the label's type, which the text's own type line says too
	}
	if a.Issuer == "" && a.Type != "" && d.Type == a.Type {
		a.Issuer = d.Issuer // the text's, read by its layout (a header or the adoption formula)
	}
	if numberOnly(a.Title) {
		// A page titled by its number alone ("63/2023/AL") names it.
		if a.Number == "" {
			a.Number = normNumber(a.Title)
		}
		if a.Type == "" {
			a.Type = typeFromNumber(a.Number)
		}
		// The page's heading may print the number over the name: the
		// number is the Number, not a line of the text.
		if first, rest, ok := strings.Cut(a.Body, "\n"); ok && strings.TrimSpace(first) == a.Title {
			a.Body = rest
		}
		if abstract == "" {
			abstract = firstLineName(a.Body)
		}
	}
	if name := docName(typ, abstract); name != "" {
		a.Title = name
	} else if rest, ok := cutType(a.Title, typ); ok && noNumber(rest) {
		a.Title = strings.TrimSpace(a.Title[:len(a.Title)-len(rest)]) // "Hiến pháp Không số" → "Hiến pháp"
	}
}

// legalHints reports whether any text node holds a property-table label
// or a capitalised "Số" (an English "No." or "Number:"), so pages without
// them skip the costlier scans
// (a quarter of extraction time on a 140 KB news page).
func legalHints(n *html.Node) (table, so bool) {
	if n.Type == html.TextNode {
		d := n.Data
		so = strings.Contains(d, "Số") || strings.Contains(d, "No.") || strings.Contains(d, "Number:") // an English translation's header
		table = strings.Contains(d, "Loại văn bản") || strings.Contains(d, "Số ký hiệu") || strings.Contains(d, "Cơ quan") || strings.Contains(d, "Ngày ban hành") ||
			strings.Contains(d, "Ngày xác thực") || strings.Contains(d, "Ngày thông qua")
		return table, so
	}
	for c := n.FirstChild; c != nil && !(table && so); c = c.NextSibling {
		t, s := legalHints(c)
		table, so = table || t, so || s
	}
	return table, so
}

// propertyTable reads label/value cell pairs, and returns the trích yếu:
// a "Trích yếu" value, else the heading row of the table of the number.
// A number cell is the number only when it parses as one ("Không số" is
// not: docname.go).
func (p *Page) propertyTable(a *Article) (abstract string) {
	var heading string
	for _, n := range p.idx().cells {
		if insideIgnored(n) {
			continue
		}
		label := strings.ToLower(strings.TrimRight(nodeText(n), ": "))
		if label == "" || len(label) > 60 {
			continue
		}
		var field *string
		switch {
		case label == "số ký hiệu" || label == "số hiệu" || label == "số văn bản" || label == "ký hiệu":
			field = &a.Number
		case label == "loại văn bản":
			field = &a.Type
		case strings.HasPrefix(label, "cơ quan ban hành") || strings.HasPrefix(label, "cơ quan hợp nhất"):
			field = &a.Issuer
		case label == "ngày ban hành" || label == "ngày xác thực" || label == "ngày thông qua":
			// "Ngày thông qua": the day a law or an án lệ was adopted,
			// its date as a decree's is the day it was signed.
			field = &a.Published
		case abstractLabel(label):
			field = &abstract
		default:
			continue
		}
		if field == &a.Number && heading == "" {
			heading = tableHeading(n)
		}
		v := nextCell(n)
		if field == &a.Number && normNumber(v) == "" {
			v = ""
		}
		if v == "" || *field != "" {
			continue
		}
		if field == &a.Published {
			v = parseDate(v, DayFirst)
		}
		*field = v
	}
	if abstract == "" {
		abstract = heading
	}
	return abstract
}

func nextCell(n *html.Node) string {
	for c := n.NextSibling; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th || c.DataAtom == atom.Dd) {
			return nodeText(c)
		}
	}
	return ""
}

func insideIgnored(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && ignoredTag[n.DataAtom] {
			return true
		}
	}
	return false
}

// header reads "Số: …", the issuer and the type from the rendered
// document with the rules of the document layout (document.go).
func (p *Page) header(a *Article, text string) {
	d := ParseDocument(strings.Split(text, "\n"))
	if d.Number == "" {
		return
	}
	a.Number = d.Number
	if a.Issuer == "" {
		a.Issuer = d.Issuer
	}
	if a.Type == "" {
		a.Type = d.Type
	}
}

// typeLine returns the type named by the first header line that is a
// type's name in capitals ("KẾ HOẠCH"), by corpus/doctype.
func typeLine(lines []string) string {
	for _, l := range lines {
		if t, ok := doctype.ByHeader(strings.TrimSpace(l)); ok {
			return t.Name
		}
	}
	return ""
}

// typeFromNumber maps the type code of a number ("45/KH-UBND" → KH) to a
// loại văn bản, by corpus/doctype: the first code, in any case, of a part
// after a "/".
func typeFromNumber(num string) string {
	parts := strings.Split(num, "/")
	for _, part := range parts[1:] {
		code := part
		if i := strings.IndexAny(code, "-–"); i >= 0 {
			code = code[:i]
		}
		if t, ok := doctype.ByCode(code); ok {
			return t.Name
		}
	}
	return ""
}

func isUpper(s string) bool {
	letters := 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' || (r > 0x7f && strings.ToUpper(string(r)) != string(r)) {
			return false
		}
		if r >= 'A' && r <= 'Z' || r > 0x7f {
			letters++
		}
	}
	return letters >= 3
}

// Agency names are written in sentence case with capitals for proper names
// (Nghị định 30/2020, Phụ lục I): "Ủy ban nhân dân tỉnh Sông Bé", "Sở Tài
// chính", "Bộ Giáo dục và Đào tạo", "Cục Thuế tỉnh Bình Dương".
var (
	// adminUnits open a place name: every word after them is capitalized
	// up to the next generic word.
	// Party committees ("Tỉnh ủy Bình Dương") come first.
	// The levels of government are cite's (cite.LevelNouns).
	adminUnits = append([]string{"tỉnh ủy", "tỉnh uỷ", "thành ủy", "thành uỷ", "huyện ủy", "huyện uỷ", "quận ủy", "quận uỷ",
		"đảng ủy", "đảng uỷ"}, cite.LevelNouns()...)
	// agencyHeads open a specialised name whose first word, and the first
	// word after "và", is capitalized ("Sở Kế hoạch và Đầu tư").
	agencyHeads = []string{"tổng cục", "chi cục", "văn phòng", "trung tâm", "ban quản lý", "sở", "bộ", "cục",
		"vụ", "viện", "ban", "phòng", "kho bạc", "ngân hàng", "học viện", "trường", "báo", "đài"}
	// genericNames stay lower case after their first word.
	genericNames = []string{"ủy ban nhân dân", "uỷ ban nhân dân", "hội đồng nhân dân", "tòa án nhân dân",
		"toà án nhân dân", "viện kiểm sát nhân dân"}
	// properWords are always capitalized.
	// properNames (docname.go), names in any text, and the words an
	// issuer's name writes so.
	properWords = func() map[string]string {
		m := map[string]string{"trung ương": "Trung ương", "đảng": "Đảng", "nhà nước": "Nhà nước", "tối cao": "tối cao"}
		for _, n := range properNames {
			if len(n) <= 2 { // matchProper's longest
				m[strings.ToLower(strings.Join(n, " "))] = strings.Join(n, " ")
			}
		}
		return m
	}()
	// abbreviations stay in capitals.
	abbreviations = map[string]bool{"UBND": true, "HĐND": true, "TW": true, "TP": true, "TP.": true, "MTTQ": true,
		"BHXH": true, "KBNN": true, "TAND": true, "VKSND": true, "CP": true, "TTĐT": true, "CNTT": true}
)

// normalCase renders an issuer written in capitals ("ỦY BAN NHÂN DÂN TỈNH
// SÔNG BÉ") in normal case ("Ủy ban nhân dân tỉnh Sông Bé"); text not in
// capitals is returned as it is.
func normalCase(s string) string {
	if s == "" || !isUpper(s) {
		return s
	}
	words := strings.Fields(s)
	lower := make([]string, len(words))
	for i, w := range words {
		lower[i] = strings.ToLower(w)
	}
	out := make([]string, len(words))
	const (
		plain = iota
		place // inside a place name
		named // the next word opens a specialised name
	)
	state := named // the first word is capitalized
	for i := 0; i < len(words); {
		if abbreviations[words[i]] {
			out[i] = words[i]
			i++
			continue
		}
		if n := matchPhrase(lower[i:], genericNames); n > 0 {
			copy(out[i:], lower[i:i+n])
			if i == 0 {
				out[0] = capitalize(out[0])
			}
			i, state = i+n, plain
			continue
		}
		if n := matchPhrase(lower[i:], adminUnits); n > 0 {
			copy(out[i:], lower[i:i+n])
			if i == 0 {
				out[0] = capitalize(out[0])
			}
			i, state = i+n, place
			continue
		}
		if n, ok := matchProper(lower[i:]); ok {
			copy(out[i:], strings.Fields(properWords[strings.Join(lower[i:i+n], " ")]))
			if i == 0 {
				out[0] = capitalize(out[0])
			}
			i, state = i+n, plain
			continue
		}
		if state != place {
			if n := matchPhrase(lower[i:], agencyHeads); n > 0 {
				copy(out[i:], lower[i:i+n])
				if i == 0 {
					out[0] = capitalize(out[0])
				}
				i, state = i+n, named
				continue
			}
		}
		switch {
		case state == place || state == named:
			out[i] = capitalize(lower[i])
			if state == named {
				state = plain
			}
		case lower[i] == "và":
			out[i] = lower[i]
			state = named
		default:
			out[i] = lower[i]
		}
		i++
	}
	return strings.Join(out, " ")
}

// matchPhrase returns the length in words of the first phrase that words
// starts with, or 0.
func matchPhrase(words []string, phrases []string) int {
	for _, p := range phrases {
		pw := strings.Fields(p)
		if len(pw) <= len(words) && slicesEqual(words[:len(pw)], pw) {
			return len(pw)
		}
	}
	return 0
}

func matchProper(words []string) (int, bool) {
	for n := min(2, len(words)); n >= 1; n-- {
		if _, ok := properWords[strings.Join(words[:n], " ")]; ok {
			return n, true
		}
	}
	return 0, false
}

func slicesEqual(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}

func capitalize(w string) string {
	for i, r := range w {
		return string(unicode.ToUpper(r)) + w[i+utf8.RuneLen(r):]
	}
	return w
}
