package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A database's page about one document may show, beside the document's
// own description, a table of other documents of its kind: one row a
// document, its number in the first cell ("62/2023/AL | Về thời điểm … |
// Tải về"). That table is a listing, reached as such by the crawler
// through its links; as the body's text it buries the description under
// every other document's name. It is told only where the description sits
// apart under the page's title (mainText): inside a document's text, a
// table of documents (an annex listing the documents a plan drafts or
// repeals) is the document's own.

// minListRows is the fewest rows opening with a number a table needs to
// be a list of documents; listShare the least share of its data rows
// they must be.
const (
	minListRows = 3
	listShare   = 0.8
)

// documentList returns the table in top (top itself, or the first table
// under it) when its data rows open with document numbers, else nil.
func documentList(top *html.Node) *html.Node {
	t := top
	if top.DataAtom != atom.Table {
		t = findAtom(top, atom.Table)
	}
	if t == nil {
		return nil
	}
	rows, numbered := 0, 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.DataAtom {
			case atom.Table:
				continue // a nested table's rows are not this one's
			case atom.Tr:
				cell := firstCell(c)
				if cell == nil || cell.DataAtom == atom.Th {
					continue // a header row
				}
				rows++
				if f := strings.Fields(nodeText(cell)); len(f) > 0 && normNumber(f[0]) != "" {
					numbered++
				}
				continue
			}
			walk(c)
		}
	}
	walk(t)
	if numbered < minListRows || float64(numbered) < listShare*float64(rows) {
		return nil
	}
	return t
}

// firstCell returns a row's first td or th.
func firstCell(tr *html.Node) *html.Node {
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.Td || c.DataAtom == atom.Th {
			return c
		}
	}
	return nil
}
