package extract

import (
	"regexp"
	"strings"

	"github.com/vanban/vanban/corpus/viet"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A paragraph or list item made mostly of a link is another page's entry
// (scorer.junk), and a list mostly of links is boilerplate (boilerplate) —
// except the lines of a posted document that link what they cite, which
// are its text: its citations and relations are read from them.

// preambleLine matches a preamble line's opening, folded ("Căn cứ …").
var preambleLine = regexp.MustCompile(`^(` + preambleOpeners + `)`)

// linkedCitation reports a paragraph or list item that is a document's own
// line though its words are mostly a link to what it cites: a preamble
// line ("Căn cứ <Luật …>;"), an item of an enumeration, or a line of its
// annex list ("Phụ lục I: <Danh mục …>", annex.go). Entries of lists of
// other pages are none of these.
func linkedCitation(n *html.Node) bool {
	if preambleLine.MatchString(viet.Fold(nodeText(n))) || annexLine(n) {
		return true
	}
	return n.DataAtom == atom.Li && n.Parent != nil && enumeration(n.Parent)
}

// enumeration reports a list of two items or more ended, outside their
// links, by ";" — the last by ";" or "." — as a document's enumerations
// are ("Bãi bỏ các văn bản sau:" / "<Quyết định số …>;" / "<Quyết định
// số …>."); a list of other pages ends its entries with a title, a date
// or nothing.
func enumeration(list *html.Node) bool {
	var items []*html.Node
	for c := list.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom != atom.Li {
			return false
		}
		items = append(items, c)
	}
	if len(items) < 2 {
		return false
	}
	for i, li := range items {
		end := itemEnd(li)
		if end != ';' && (i < len(items)-1 || end != '.') {
			return false
		}
	}
	return true
}

// itemEnd returns the last character of a list item's text when it lies
// outside a link, else 0.
func itemEnd(li *html.Node) byte {
	t := lastText(li)
	if t == nil || within(t, atom.A) {
		return 0
	}
	s := strings.TrimSpace(t.Data)
	return s[len(s)-1]
}
