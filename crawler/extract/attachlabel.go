package extract

import (
	"strings"

	"github.com/vanban/vanban/corpus/viet"
	"golang.org/x/net/html"
)

// The headings that name a block on a page: an attachment block ("Tệp
// đính kèm", "Tải về") or a list of other pages ("Tin liên quan"), as
// pagesFile reads them.

const (
	labelAttach  = "attach"
	labelRelated = "related"
)

// relatedHeadings head lists of other pages, lower case; a line that is
// one of them alone is a widget label in a body (chromeLines).
var relatedHeadings = []string{"tin liên quan", "văn bản liên quan", "bài viết liên quan", "tin bài liên quan", "tin khác",
	"các tin khác", "bài viết khác", "tin cùng chuyên mục", "xem thêm", "related"}

// attachLabels and relatedLabels open the heading of a block (folded):
// "File đính kèm", "Tải về"; "Tin liên quan", "Các tin khác".
var (
	attachLabels  = []string{"file dinh kem", "tep dinh kem", "tai lieu dinh kem", "van ban dinh kem", "dinh kem", "tai ve", "tai file", "tai xuong", "attachment"}
	relatedLabels = foldAll(relatedHeadings)
)

func foldAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = viet.Fold(s)
	}
	return out
}

// maxLabel bounds a heading read as a block's label, in bytes.
const maxLabel = 80

// blockLabel returns labelAttach or labelRelated when the block's title
// attribute or its first text (its heading) names it so, else "". An
// attachment block may also be named by the title bar just before it
// (a side box's "Tài liệu đính kèm" over a table or nested list). A list
// of other pages is named only by a heading of its own — text opening a
// block that does not hold the file link a ("Tin liên quan", "Xem thêm:"),
// not the words opening the link's own paragraph ("Xem thêm: <file>",
// "Xem thêm toàn văn tại đây" cite the page's file).
func blockLabel(n, a *html.Node) string {
	if t := attr(n, "title"); t != "" && len(t) <= maxLabel {
		if l := labelOf(t, true); l != "" {
			return l
		}
	}
	if t := firstText(n); t != nil && len(strings.TrimSpace(t.Data)) <= maxLabel {
		if l := labelOf(t.Data, ownHeading(t, n, a)); l != "" {
			return l
		}
	}
	if h := prevElement(n); h != nil {
		if t := firstText(h); t != nil && labelOf(t.Data, false) == labelAttach && len(nodeText(h)) <= maxLabel {
			return labelAttach
		}
	}
	return ""
}

// labelOf returns the label a heading s names: an attachment block's when
// s opens with one of attachLabels, a related list's when s is one of
// relatedLabels and heading is set.
func labelOf(s string, heading bool) string {
	f := viet.Fold(strings.TrimSpace(s))
	if heading {
		for _, l := range relatedLabels {
			if strings.HasPrefix(f, l) {
				return labelRelated
			}
		}
	}
	for _, l := range attachLabels {
		if strings.HasPrefix(f, l) {
			return labelAttach
		}
	}
	return ""
}

// ownHeading reports whether the text node t, the first text of block n,
// heads the link a rather than opening its line: the nearest blocks
// (within n) of t and of a differ ("<h3>Tin liên quan</h3><ul><li><a>",
// "Văn bản liên quan<ul><li><a>"; not "<p>Xem thêm: <a>").
func ownHeading(t, n, a *html.Node) bool {
	return blockIn(t, n) != blockIn(a, n)
}

// blockIn returns the nearest block element above x, or n when none lies
// between them.
func blockIn(x, n *html.Node) *html.Node {
	for b := x.Parent; b != nil && b != n; b = b.Parent {
		if blockTag[b.DataAtom] {
			return b
		}
	}
	return n
}

// firstText returns the first non-blank text node under n (nil when none),
// not looking into ignored markup.
func firstText(n *html.Node) *html.Node { return edgeText(n, false) }

// lastText returns the last non-blank text node under n, as firstText.
func lastText(n *html.Node) *html.Node { return edgeText(n, true) }

// edgeText is firstText, or lastText when last.
func edgeText(n *html.Node, last bool) *html.Node {
	c, next := n.FirstChild, func(c *html.Node) *html.Node { return c.NextSibling }
	if last {
		c, next = n.LastChild, func(c *html.Node) *html.Node { return c.PrevSibling }
	}
	for ; c != nil; c = next(c) {
		switch {
		case c.Type == html.TextNode:
			if strings.TrimSpace(c.Data) != "" {
				return c
			}
		case c.Type == html.ElementNode && !ignoredTag[c.DataAtom]:
			if t := edgeText(c, last); t != nil {
				return t
			}
		}
	}
	return nil
}
