package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A document's title is its name — the trích yếu ("Tố tụng hình sự",
// "Về xem xét quyết định hành chính …") with its type — never a label made
// of the metadata: portals that index legal documents title their pages
// "Hiến pháp Không số" or "Bộ luật 101/2015/QH13" (type and the số ký hiệu
// field, breadcrumb and <title> alike) or by the number alone
// ("63/2023/AL"). Such a title is replaced by the name when the page gives
// one: the property table's trích yếu (a "Trích yếu" / "Tên văn bản"
// value, or the table's heading row, one cell across it), else the trích
// yếu of the document's own header, else — for a number alone — the
// body's first line when it is a short line that is not itself a label.
// The number field is a number only when it parses as one (normNumber):
// "Không số", "Đang cập nhật", "—" are not numbers.

// maxName bounds a body's first line taken as the name (runes);
// maxLabelSpaces the spaces of a label title (a type of up to four words,
// "số", a number or "Đang cập nhật").
const (
	maxName        = 300
	maxLabelSpaces = 8
)

// labelTitle reports whether title is only a number, or a type's name
// followed by a number or by what a number field holds when there is none.
func labelTitle(title, typ string) bool {
	t := strings.TrimSpace(title)
	if t == "" || strings.Count(t, " ") > maxLabelSpaces {
		return false // a headline, not a label: spares the scans below
	}
	if numberOnly(t) {
		return true
	}
	rest, ok := cutType(t, typ)
	if !ok {
		return false
	}
	rest = strings.TrimSpace(rest)
	if hasFoldPrefix(rest, "số") { // "Thông tư số 12/2024/TT-BTC"
		rest = strings.TrimLeft(rest[len("số"):], " :")
	}
	return rest == "" || numberOnly(rest) || noNumber(rest)
}

// numberOnly reports whether s is a số ký hiệu and nothing more.
func numberOnly(s string) bool {
	n := normNumber(s)
	return n != "" && len(n) >= len(strings.TrimSpace(s))-1
}

// noNumber reports what a number field holds when the document has no
// number: "Không số", "Không có", "Đang cập nhật", a dash.
func noNumber(s string) bool {
	switch viet.Fold(strings.Trim(strings.TrimSpace(s), ".")) {
	case "khong so", "khong co", "dang cap nhat", "chua co", "-", "—", "–", "":
		return true
	}
	return false
}

// cutType returns s without a leading type name: typ when given, else any
// type corpus/doctype knows.
func cutType(s, typ string) (string, bool) {
	if typ != "" && hasFoldPrefix(s, typ) {
		return s[len(typ):], true
	}
	if t := leadingType(s); t != "" {
		return s[len(t):], true
	}
	return "", false
}

// leadingType returns the opening words of s that name a document type
// (at most three words), or "".
func leadingType(s string) string {
	words := strings.Fields(s)
	for n := min(3, len(words)-1); n >= 1; n-- {
		head := strings.Join(words[:n], " ")
		if _, k, ok := doctype.Match(strings.Fields(viet.Fold(head))); ok && k == n && strings.HasPrefix(s, head) {
			return head
		}
	}
	return ""
}

// hasFoldPrefix reports whether s opens with p, case and marks aside,
// ending at a word boundary.
func hasFoldPrefix(s, p string) bool {
	if len(s) < len(p) || viet.Fold(s[:len(p)]) != viet.Fold(p) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[len(p):])
	return len(s) == len(p) || !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// docName composes a document's name from its type and trích yếu:
// "Bộ luật" + "TỐ TỤNG HÌNH SỰ" → "Bộ luật Tố tụng hình sự"; a trích yếu
// that opens with the type ("Hiến pháp năm 2013") is the name itself; one
// that opens with the type's last words continues it ("Văn bản hợp nhất" +
// "hợp nhất Luật Xử lý vi phạm hành chính" → "Văn bản hợp nhất Luật Xử lý
// vi phạm hành chính").
func docName(typ, abstract string) string {
	abstract = oneLine(abstract)
	if abstract == "" {
		return ""
	}
	if upper(abstract) {
		abstract = sentenceCase(abstract)
	}
	if typ == "" {
		return capitalize(abstract)
	}
	if hasFoldPrefix(abstract, typ) {
		return abstract
	}
	words := strings.Fields(typ)
	for k := len(words) - 1; k >= 1; k-- {
		if tail := strings.Join(words[len(words)-k:], " "); hasFoldPrefix(abstract, tail) {
			return typ + abstract[len(tail):]
		}
	}
	if hasFoldPrefix(abstract, "v/v") {
		// a letter's "V/v tổ chức …": "Công văn về việc tổ chức …"
		return typ + " về việc " + strings.TrimLeft(abstract[len("V/v"):], " :")
	}
	if hasFoldPrefix(abstract, "về") {
		// "Nghị định về một số chính sách …": the trích yếu's "Về"
		// continues the type in lower case; a name keeps its capital
		// ("Bộ luật Tố tụng hình sự").
		return typ + " v" + abstract[1:]
	}
	return typ + " " + abstract
}

// siteTitle reports a document page's title that names the site, not the
// document: a site's heading ("Chi tiết văn bản", "Văn bản", siteHeadings:
// a SharePoint list's item page), or the issuer's name alone or as one
// part of a <title> ("UBND huyện Phú Hòa - Văn bản chỉ đạo": an old
// portal's site and section). Like a label (labelTitle), it is replaced
// by the document's name.
//
// A part naming a portal ("Cổng thông tin điện tử huyện Phú Hòa - Văn bản
// chỉ đạo", "Cổng TTĐT …", "Trang thông tin điện tử …": the site's own
// name) is the site's too, as is a title opening with a site's heading
// before the site's name ("Văn bản | Sở Văn hóa, Thể thao và Du lịch
// tỉnh Phú An"; i31-rev-extract).
func siteTitle(title, issuer string) bool {
	if siteHeading(title) {
		return true
	}
	is := expandAbbrev(viet.Fold(issuer))
	parts := titleParts.Split(title, -1)
	if len(parts) > 1 && siteHeading(parts[0]) {
		return true
	}
	for _, part := range parts {
		f := viet.Fold(strings.TrimSpace(part))
		if is != "" && expandAbbrev(f) == is || portalName.MatchString(f) && len(f) <= 80 {
			return true
		}
	}
	return false
}

// portalName is a government portal's name, folded: "cổng thông tin điện
// tử tỉnh Phú An", "cổng TTĐT Sở Tài chính", "trang thông tin điện tử xã
// Hòa Thắng" (or the words alone).
var portalName = regexp.MustCompile(`^(cong|trang) (thong tin dien tu|ttdt)\b`)

// titleParts separates the parts of a <title>: "Site - Section", "… | …",
// "… :: …".
var titleParts = regexp.MustCompile(`\s+(?:[-–—|]|::)\s+`)

// upper reports whether s has letters and none in lower case
// (doctype.UpperLetters, the one reading of "in capitals").
func upper(s string) bool { return doctype.UpperLetters(s) > 0 }

// sentenceCase lowers all but the first letter and the capitals of the
// names in properNames ("QUỐC TỊCH VIỆT NAM" → "Quốc tịch Việt Nam"); a
// name whose first word is lower case ("nước Cộng hòa …") keeps it even
// at the start, where it continues a type ("Hiến pháp nước …").
func sentenceCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	lead := false
	for i := 0; i < len(words); i++ {
		name := properName(words[i:])
		if name == nil {
			continue
		}
		for k, w := range name {
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
				words[i+k] = capitalize(words[i+k])
			}
		}
		lead = lead || i == 0 && !unicode.IsUpper([]rune(name[0])[0])
		i += len(name) - 1
	}
	if len(words) > 0 && !lead {
		words[0] = capitalize(words[0])
	}
	return strings.Join(words, " ")
}

// properNames are names written with capitals in any text — the state's
// and its highest bodies' — as they are written; a name in capitals is
// sentence-cased to them. The issuer's casing (legal.go, properWords)
// adds its own.
var properNames = [][]string{
	strings.Fields("nước Cộng hòa xã hội chủ nghĩa Việt Nam"),
	strings.Fields("Cộng hòa xã hội chủ nghĩa Việt Nam"),
	strings.Fields("Việt Nam"),
	strings.Fields("Quốc hội"),
	strings.Fields("Chính phủ"),
}

// properName returns the entry of properNames that words (lower case)
// open with, marks and tone styles aside, or nil.
func properName(words []string) []string {
	for _, name := range properNames {
		if len(name) > len(words) {
			continue
		}
		k := 0
		for k < len(name) && viet.Fold(name[k]) == viet.Fold(words[k]) {
			k++
		}
		if k == len(name) {
			return name
		}
	}
	return nil
}

// abstractLabel reports a property table's label (in lower case, as
// propertyTable has it) for the trích yếu.
func abstractLabel(label string) bool {
	switch label {
	case "trích yếu", "trích yếu nội dung", "tên văn bản", "nội dung trích yếu":
		return true
	}
	return false
}

// tableHeading returns the text of the heading row of the table holding
// the label cell n: its first row when that row is one cell spanning the
// table ("<td colspan=4 class=title>Hiến pháp năm 2013</td>").
func tableHeading(n *html.Node) string {
	var table *html.Node
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.DataAtom == atom.Table {
			table = p
			break
		}
	}
	if table == nil {
		return ""
	}
	row := firstElement(table, atom.Tr)
	if row == nil || row == n.Parent {
		return ""
	}
	var cell *html.Node
	for c := row.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if cell != nil || c.DataAtom != atom.Td && c.DataAtom != atom.Th {
			return ""
		}
		cell = c
	}
	if cell == nil || attr(cell, "colspan") == "" || attr(cell, "colspan") == "1" {
		return ""
	}
	if t := nodeText(cell); runeCount(t) <= maxName {
		return t
	}
	return ""
}

// firstElement returns the first element of kind a under n, depth first,
// not inside a nested table.
func firstElement(n *html.Node, a atom.Atom) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == a {
			return c
		}
		if c.DataAtom == atom.Table {
			continue
		}
		if f := firstElement(c, a); f != nil {
			return f
		}
	}
	return nil
}

// firstLineName returns the body's first line when it may be a name: not
// longer than maxName, not a number, a date line or a label ("Số ký hiệu |
// …").
func firstLineName(body string) string {
	line, _, _ := strings.Cut(body, "\n")
	line = strings.TrimSpace(line)
	if line == "" || runeCount(line) > maxName || strings.Contains(line, " | ") || strings.Contains(line, ": ") || numberOnly(line) || upper(line) {
		return ""
	}
	return line
}
