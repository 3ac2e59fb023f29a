package extract

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

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

// openingBytes bounds the opening of a text read for a label or heading:
// the longest ("tài liệu kèm theo", "Biểu mẫu số 12:") with room to spare.
const openingBytes = 48

// foldOpening appends the folded opening of s (openingBytes at most, cut
// at a rune) to buf: labels are read without folding a whole item.
func foldOpening(buf []byte, s string) []byte {
	s = strings.TrimSpace(s)
	if len(s) > openingBytes {
		cut := openingBytes
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	return viet.AppendFold(buf, s)
}

// annexLabel reports whether s opens with an annex's label.
func annexLabel(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || !strings.ContainsRune("pPbBmM", rune(s[0])) {
		return false // every label opens with "phụ", "biểu" or "mẫu"
	}
	var buf [2 * openingBytes]byte
	return annexLabelRE.Match(foldOpening(buf[:0], s))
}

// annexHeading reports whether s, the text of a short heading, names a
// list of the document's own annexes.
func annexHeading(s string) bool {
	var buf [2 * openingBytes]byte
	f := foldOpening(buf[:0], s)
	for _, h := range annexHeadings {
		if bytes.HasPrefix(f, []byte(h)) {
			return true
		}
	}
	return false
}

// maxHeadingBytes bounds the text, as written, of the block before a list
// read as its heading ("<p><strong>Phụ lục kèm theo:</strong></p>"); a
// paragraph opening "Phụ lục I quy định …" is none.
const maxHeadingBytes = 2 * maxLabel

// annexList reports a list (ul, ol) or table of the document's annexes:
// the block just before it is a heading naming annexes ("Phụ lục kèm
// theo:", "Tài liệu kèm theo:"), or every item (row) opens with an annex
// label and no heading names it a list of other pages ("Văn bản liên
// quan:" over another plan's "Phụ lục I kèm theo Kế hoạch số 88/KH-UBND").
func annexList(list *html.Node) bool {
	if list.DataAtom != atom.Ul && list.DataAtom != atom.Ol && list.DataAtom != atom.Table {
		return false
	}
	head := ""
	if h := prevElement(list); h != nil && rawTextWithin(h, maxHeadingBytes) {
		if t := firstText(h); t != nil {
			head = t.Data
		}
	}
	if head != "" && annexHeading(head) {
		return true
	}
	items := 0
	labelled := eachItem(list, func(it *html.Node) bool {
		items++
		return labelled(it)
	})
	return labelled && items > 0 && (head == "" || labelOf(head, true) != labelRelated)
}

// eachItem calls f on each item of a list (its li children) or table (its
// own rows) while f returns true; it returns false when f did, or when a
// list holds an element that is no item.
func eachItem(list *html.Node, f func(*html.Node) bool) bool {
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch {
			case list.DataAtom != atom.Table:
				if c.DataAtom != atom.Li || !f(c) {
					return false
				}
			case c.DataAtom == atom.Tr:
				if !f(c) {
					return false
				}
			case c.DataAtom == atom.Thead || c.DataAtom == atom.Tbody || c.DataAtom == atom.Tfoot:
				if !walk(c) {
					return false
				}
			}
		}
		return true
	}
	return walk(list)
}

// annexLine reports a paragraph, list item or table row that is a line of
// the document's annex list: a paragraph opening with an annex label, an
// item or row of an annex list or table.
func annexLine(n *html.Node) bool {
	if n.DataAtom == atom.Li {
		return n.Parent != nil && annexList(n.Parent)
	}
	if n.DataAtom == atom.Tr {
		for t := n.Parent; t != nil; t = t.Parent {
			if t.Type == html.ElementNode && t.DataAtom == atom.Table {
				return annexList(t)
			}
		}
		return false
	}
	if n.DataAtom != atom.P {
		return false
	}
	return labelled(n)
}

// labelled reports a block whose text opens with an annex label: its first
// text node does ("Phụ lục I:", "<b>Phụ lục</b> <a>…</a>"), or its opening
// text across inline markup does ("<b>Phụ</b> lục I", "<strong>Mẫu
// số</strong> 02": the label split where an editor bolded part of it).
func labelled(n *html.Node) bool {
	t := firstText(n)
	if t == nil {
		return false
	}
	if annexLabel(t.Data) {
		return true
	}
	if len(t.Data) >= openingBytes || !strings.ContainsRune("pPbBmM", rune(strings.TrimSpace(t.Data)[0])) {
		return false // the opening is that node's, and it is no label
	}
	return annexLabel(openingText(n))
}

// openingText returns the opening of n's text (its text nodes joined as
// written, inline markup dropped), at least openingBytes long unless the
// text is shorter.
func openingText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node) bool
	walk = func(m *html.Node) bool {
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				if b.Len() == 0 {
					b.WriteString(strings.TrimLeft(c.Data, " \t\r\n"))
				} else {
					b.WriteString(c.Data)
				}
				if b.Len() >= openingBytes {
					return false
				}
			case c.Type == html.ElementNode && !ignoredTag[c.DataAtom]:
				if blockTag[c.DataAtom] && b.Len() > 0 {
					return false // a block ends the opening line
				}
				if !walk(c) {
					return false
				}
			}
		}
		return true
	}
	walk(n)
	return b.String()
}

// rawTextWithin reports whether the text under n, as written (spaces
// uncollapsed), is at most limit bytes, without rendering it.
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
