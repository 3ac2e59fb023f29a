package extract

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/vanban/vanban/crawler/filetext/filekind"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A page's attachments are the files that are its own: those its article
// links and those of its attachment block ("File đính kèm", "Tải về", a
// download dialog: portals put it outside the article body, often hidden).
// A download handler's link that names no file ("/download.aspx?id=5":
// filekind.Handler) is a file only inside an attachment block; an Office
// viewer's link (vbpl.vn's "WopiFrame.aspx?sourcedoc=/…/a.doc") stands for
// the file it shows (filekind.Viewed).
// A file link is not the page's (pagesFile) when
//
//   - it sits in a list of other pages: a block named or headed as one
//     ("tin-lien-quan", "Văn bản liên quan", "Tin khác" …), or a list item
//     whose title links another page (a listing row of another document,
//     vbpl.vn's "Văn bản được hợp nhất"): the file is that page's — unless
//     the list lies inside an attachment block (a row "Xem trực tuyến" |
//     "Tải về"), or the "list" holds the page's <h1>, <main> or article
//     text (a wrapper classed "has-related-posts");
//   - it sits in page chrome — header, nav, footer, sidebar, a widget
//     (ad specs, a media kit, a portal's operating rules, a form), not an
//     <article>'s own footer nor a block chrome only by its class that
//     holds the article ("has-sidebar", "sticky-footer-wrap": its text,
//     as extracted, is inside) — and no attachment block lies between it
//     and the chrome (a "Văn bản đính kèm" box in the side column, headed
//     inside the box or by the title bar just before its list, is the
//     document's).
//
// Anything else is kept: a file the article's text cites, a hidden
// download dialog, a box the page does not name. Measured on every real
// page we hold (docs/log/i19-extract.md): 19 of the 181 Zyte news
// pages linked a file, 8 of them only chrome; vbpl.vn's pages keep every
// file of their own text.

// jsPath finds a quoted path in javascript: links such as vbpl.vn's
// downloadfile('a.doc','/TW/Lists/vbpq/Attachments/96172/a.doc');
// isAttachment judges whether it names a file.
var jsPath = regexp.MustCompile(`['"]([^'"]*/[^'"]+)['"]`)

// attachments returns the absolute URLs of the page's own files
// (pagesFile), deduplicated in document order. title is the page's title,
// body the article's text
// as extracted: a block holding it is the article's container, whatever
// its class says.
func (p *Page) attachments(title, body string) []string {
	base := p.base()
	s := &fileScope{base: base, mark: articleMark(body), title: title, holds: map[*html.Node]bool{}}
	if p.URL != nil {
		s.self = resolve(nil, p.URL.String())
	}
	out := []string{}
	seen := map[string]bool{}
	add := func(n *html.Node, u string) {
		if v := filekind.Viewed(u); v != "" {
			u = resolve(nil, v) // an Office viewer: the file it shows
		}
		if u == "" || seen[u] {
			return
		}
		switch filekind.OfURL(u) {
		case filekind.Readable, filekind.Other:
			if !s.pagesFile(n) {
				return
			}
		case filekind.Handler:
			// A link naming no file is one only in an attachment block.
			if keep, attached := s.judge(n); !keep || !attached {
				return
			}
		default:
			return
		}
		seen[u] = true
		out = append(out, u)
	}
	for _, n := range p.idx().links {
		href := attr(n, "href")
		if strings.HasPrefix(strings.ToLower(strings.TrimSpace(href)), "javascript:") {
			for _, m := range jsPath.FindAllStringSubmatch(href, -1) {
				add(n, resolve(base, m[1]))
			}
			continue
		}
		add(n, resolve(base, href))
	}
	return out
}

// isAttachment reports a link to a document file, read or not
// (filekind.Attachment: its path's extension or a download handler's
// file=a.pdf).
func isAttachment(u string) bool { return filekind.Attachment(u) }

// fileScope holds what pagesFile judges a page's file links by: the
// page's base and own URL, and a mark of its article's text (articleMark)
// with the blocks found to hold it.
type fileScope struct {
	base  *url.URL
	self  string
	mark  string
	title string // the page's title: its header's <h1> makes the header the article's
	holds map[*html.Node]bool
}

// markRunes bounds the article's mark; minMarkRunes is the shortest
// line that marks it (a heading's words, "Lịch công tác", recur in chrome).
const (
	markRunes    = 60
	minMarkRunes = 30
)

// articleMark returns the opening of the body's longest line, "" when it
// is shorter than minMarkRunes: a block whose text holds it holds the
// article.
func articleMark(body string) string {
	long := ""
	for _, l := range strings.Split(body, "\n") {
		if len(l) > len(long) {
			long = l
		}
	}
	r := []rune(oneLine(long))
	if len(r) < minMarkRunes {
		return ""
	}
	return string(r[:min(len(r), markRunes)])
}

// article reports a block holding the page's article: an <article>,
// <main> or <h1>, or the article's text.
func (s *fileScope) article(n *html.Node) bool { return holdsArticle(n) || s.heldText(n) }

// heldText reports a block whose text holds the article's mark.
func (s *fileScope) heldText(n *html.Node) bool {
	if s.mark == "" {
		return false
	}
	h, ok := s.holds[n]
	if !ok {
		h = strings.Contains(nodeText(n), s.mark)
		s.holds[n] = h
	}
	return h
}

// labelLevels bounds how far above a file link a block's heading is read
// as naming the block: a list's own box, not a column holding the article.
const labelLevels = 4

// pagesFile reports whether the file link a belongs to the page (see the
// comment at the top of the file). self is the page's own URL. Walking up
// from the link, the outermost of a list of other pages and an
// attachment block decides: a related list whose rows carry their own
// "Tải về" box is the other pages', an attachment box whose rows pair a
// viewer page with the file ("Xem trực tuyến" | "Tải về") is the page's.
// Chrome counts only above the link with no attachment block between.
// A block holding the page's title or main (holdsPage) or the article's
// text is no list of other pages, whatever its class says
// ("has-related-posts"); nor is one holding the article chrome by its
// class ("has-sidebar", "sticky-footer-wrap" around the article).
func (s *fileScope) pagesFile(a *html.Node) bool {
	keep, _ := s.judge(a)
	return keep
}

// judge is pagesFile, and whether the block that decided is an
// attachment block (a download handler's link naming no file is the
// page's file only there).
func (s *fileScope) judge(a *html.Node) (keep, attached bool) {
	keep = true
	level := 0
	for n := a.Parent; n != nil && n.Type == html.ElementNode; n = n.Parent {
		level++
		label := ""
		if level <= labelLevels {
			label = blockLabel(n, a)
		}
		switch {
		case (relatedHint.MatchString(hints(n)) || label == labelRelated || otherItem(n, a, s.base, s.self)) && !holdsPage(n) && !s.heldText(n):
			keep, attached = false, false
		case attachHint.MatchString(hints(n)) || label == labelAttach:
			keep, attached = true, true
		case !attached && (tagChrome(n, s.title) || classChrome(n) && !s.article(n)):
			keep = false
		}
	}
	return keep, attached
}

var (
	// attachHint names attachment and download blocks (vbpl.vn's
	// "vbFile", "divShowDialogDownload"; "file-dinh-kem", "tai-ve").
	attachHint = hintList{"attach", "dinhkem", "dinh-kem", "download", "taive", "tai-ve", "taixuong", "tai-xuong", "vbfile"}
)

// tagChrome reports page chrome for files by tag and role: header, nav,
// footer, aside and their ARIA roles (as chrome judges them; an
// <article>'s own header and footer are the article's). Unlike chrome, a
// dialog is not: download dialogs hold the document's files.
func tagChrome(n *html.Node, title string) bool {
	if r := attr(n, "role"); r == "dialog" || r == "alert" {
		return false
	}
	if n.DataAtom == atom.Footer && within(n, atom.Article) {
		return false
	}
	return (n.DataAtom == atom.Header || chromeBy(n, false)) && pageChrome(title)(n)
}

// classChrome reports a block whose class names chrome (footer, sidebar,
// menu, "-ad-" …) or a widget ("widget-12", "textwidget": a media kit in a
// sidebar); pagesFile does not count one holding the article
// ("Page-ad-margins" wraps a whole news page).
func classChrome(n *html.Node) bool {
	if n.DataAtom == atom.Header || chromeBy(n, false) {
		return false // judged by tag
	}
	h := hints(n)
	return h != "" && (chromeBy(n, true) || widgetClass(h))
}

// holdsArticle reports a block holding an <article>, <main> or <h1>.
func holdsArticle(n *html.Node) bool {
	return findAtom(n, atom.Article) != nil || findAtom(n, atom.Main) != nil || findAtom(n, atom.H1) != nil
}

// holdsPage reports a block holding the page's <h1> or <main>: not a list
// of other pages. An <article> does not tell: teaser lists are made of
// them (a right column of <article class="story-list"> boxes).
func holdsPage(n *html.Node) bool {
	return findAtom(n, atom.H1) != nil || findAtom(n, atom.Main) != nil
}

// within reports whether an ancestor of n is an element a.
func within(n *html.Node, a atom.Atom) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.DataAtom == a {
			return true
		}
	}
	return false
}

// widgetClass reports a class or id word opening with "widget", or
// "textwidget" (WordPress sidebars); page builders' "elementor-widget"
// wraps the article itself.
func widgetClass(h string) bool {
	for _, w := range strings.Fields(h) {
		if strings.HasPrefix(w, "widget") || w == "textwidget" {
			return true
		}
	}
	return false
}

// minItemTitle is the shortest anchor text read as another page's title
// in a list item ("Luật 15/2012/QH13 …"; not "Xem", "»").
const minItemTitle = 10

// otherItem reports a list item (li), or a row (tr) of a table of two
// rows or more, holding, beside the file link a, a link titled by another
// page: the item lists that page and the file is its — unless the item is
// one of the page's annexes ("Phụ lục I: <Danh mục …> (<tải về>)": the
// link is the annex's viewer page). pagesFile keeps a row holding the
// page's title or article text (a layout table's row).
func otherItem(n, a *html.Node, base *url.URL, self string) bool {
	switch {
	case n.DataAtom == atom.Tr:
		if !listingRow(n) {
			return false
		}
	case n.DataAtom != atom.Li:
		return false
	}
	if annexLine(n) {
		return false // an item of the page's annex list (annex.go)
	}
	found := false
	var walk func(*html.Node)
	walk = func(m *html.Node) {
		for c := m.FirstChild; c != nil && !found; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.A && c != a {
				u := resolve(base, attr(c, "href"))
				if u != "" && u != self && !isAttachment(u) && runeCount(nodeText(c)) >= minItemTitle {
					found = true
					return
				}
			}
			walk(c)
		}
	}
	walk(n)
	return found
}

// listingRow reports a table row with a sibling row: a row of a listing,
// not a one-row layout table.
func listingRow(tr *html.Node) bool {
	for c := tr.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c != tr && c.Type == html.ElementNode && c.DataAtom == atom.Tr {
			return true
		}
	}
	return false
}
