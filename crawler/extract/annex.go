package extract

import (
	"regexp"
	"strings"

	"github.com/vanban/vanban/corpus/viet"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A posted plan or decision often lists its own annexes and forms after
// its text, each item a link to the file or to a viewer page: "Phụ lục I:
// <Danh mục nhiệm vụ …> (<tải về>)", "Mẫu 01: <Báo cáo kết quả …>",
// "Biểu 02: …", or a list under "Tài liệu kèm theo:". Such a list is the
// document's: its lines are body text (linkedCitation, boilerplate) and
// its files attachments (pagesFile: not rows of other pages). What tells
// it from a list of other documents is the item's label — an annex's
// number, where another document's row opens with its type and number
// ("Luật 15/2012/QH13 …", "Kế hoạch số 88/KH-UBND …": vbpl.vn's merged
// laws, its search results; no row of another page on the real pages
// opens with an annex label) — or the list's heading. This file owns that
// vocabulary.

// annexLabelRE matches, folded, the label opening an annex or form of the
// document: "Phụ lục I", "Phụ lục 02", "Phụ lục:", "Phụ lục kèm theo",
// "Mẫu 01", "Mẫu số 02/TB", "Biểu 01", "Biểu mẫu số 3", "Phụ biểu 05" —
// a numeral (or a single letter) after the word, so that "Mẫu đơn thư",
// "Biểu dương …" do not.
var annexLabelRE = regexp.MustCompile(`^(phu luc|phu bieu|bieu mau|bieu|mau)( so)? ?([0-9]+[a-z]?|[ivxlc]+|[a-z])([^a-z0-9]|$)|^phu luc ?(:|kem theo|$)`)

// annexHeadings open, folded, the heading of a list of the document's own
// annexes or enclosures.
var annexHeadings = []string{"phu luc", "cac phu luc", "bieu mau", "tai lieu kem theo", "van ban kem theo", "tep kem theo", "file kem theo"}

// annexLabel reports whether s opens with an annex's label.
func annexLabel(s string) bool {
	return annexLabelRE.MatchString(viet.Fold(strings.TrimSpace(s)))
}

// annexHeading reports whether s, a short heading, names a list of the
// document's own annexes.
func annexHeading(s string) bool {
	f := viet.Fold(strings.TrimSpace(s))
	if len(f) > maxLabel {
		return false
	}
	for _, h := range annexHeadings {
		if strings.HasPrefix(f, h) {
			return true
		}
	}
	return false
}

// annexList reports a list (ul, ol) or table of the document's annexes:
// the block just before it is a heading naming annexes ("Phụ lục kèm
// theo:", "Tài liệu kèm theo:"), or every item (row) opens with an annex
// label and no heading names it a list of other pages ("Văn bản liên
// quan:" over another plan's "Phụ lục I kèm theo Kế hoạch số 88/KH-UBND").
func annexList(list *html.Node) bool {
	var items []*html.Node
	switch list.DataAtom {
	case atom.Ul, atom.Ol:
		for c := list.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				items = append(items, c)
			}
		}
	case atom.Table:
		items = rows(list)
	default:
		return false
	}
	if h := prevElement(list); h != nil && rawTextWithin(h, 4*maxLabel) {
		t := nodeText(h)
		if annexHeading(t) {
			return true
		}
		if len(t) <= maxLabel && labelOf(t, true) == labelRelated {
			return false
		}
	}
	for _, it := range items {
		if (it.DataAtom != atom.Li && it.DataAtom != atom.Tr) || !annexLabel(nodeText(it)) {
			return false
		}
	}
	return len(items) > 0
}

// rows returns a table's own rows (not those of tables inside it).
func rows(table *html.Node) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.DataAtom {
			case atom.Tr:
				out = append(out, c)
			case atom.Thead, atom.Tbody, atom.Tfoot:
				walk(c)
			}
		}
	}
	walk(table)
	return out
}

// annexLine reports a paragraph or list item that is a line of the
// document's annex list: a paragraph opening with an annex label, an item
// of an annex list.
func annexLine(n *html.Node) bool {
	if n.DataAtom == atom.Li {
		return n.Parent != nil && annexList(n.Parent)
	}
	return n.DataAtom == atom.P && annexLabel(nodeText(n))
}

// rawTextWithin reports whether the text under n, as written (spaces
// uncollapsed), is at most limit bytes: a bound on what is read as a
// heading, so that no block before a long list is rendered per item.
func rawTextWithin(n *html.Node, limit int) bool {
	total := 0
	var walk func(*html.Node) bool
	walk = func(m *html.Node) bool {
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				if total += len(c.Data); total > limit {
					return false
				}
			} else if !walk(c) {
				return false
			}
		}
		return true
	}
	return walk(n)
}
