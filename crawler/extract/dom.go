package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Class and id hints, after Readability's and trafilatura's lists, plus the
// names Vietnamese portals use (noidung, chitiet, tinlienquan, box-map …).
// They are substrings of the lowercased class and id: plain substring tests
// run about ten times faster than one alternation regexp, which mattered
// (a quarter of extraction time went to regexp backtracking).
var (
	positiveHint = hintList{
		"article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
		"blog", "story", "detail", "chitiet", "chi-tiet", "noidung", "noi-dung", "toanvan", "fulltext",
		"sapo",
	}
	// relatedHint names lists of other pages: boilerplate for the body,
	// other pages' files for attachments (pagesFile).
	relatedHint  = hintList{"related", "lienquan", "lien-quan", "tinkhac", "tin-khac", "cungchuyenmuc", "cung-chuyen-muc", "othernews", "other-news"}
	negativeHint = append(hintList{
		"hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footer", "footnote", "gdpr",
		"masthead", "media", "meta", "outbrain", "promo", "scroll", "share", "shoutbox",
		"sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool", "widget", "breadcrumb", "social",
		"subscribe", "newsletter", "box-map", "author", "byline", "caption", "credit",
	}, relatedHint...)
	// metaHint names short in-article blocks that are not the article's
	// text: captions, credits, bylines, datelines (below metaChars).
	metaHint = hintList{
		"caption", "credit", "byline", "dateline", "timestamp", "author", "tac-gia", "tacgia",
		"ngay-dang", "ngaydang", "post-date", "publish", "updated", "photo-source",
	}
	// unlikelyHint names blocks dropped before scoring unless maybeHint
	// also matches.
	unlikelyHint = append(hintList{
		"-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap",
		"disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "remark", "replies",
		"rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break",
		"agegate", "pagination", "pager", "popup", "yom-remote", "navbar", "topbar", "box-map",
		"cookie", "newsletter", "share",
	}, relatedHint...)
	maybeHint = hintList{
		"and", "article", "body", "column", "content", "main", "shadow", "detail", "chitiet", "noidung",
		"toanvan",
	}
)

// metaChars bounds the blocks metaHint may drop: an author box with a
// biography of several sentences is left to the other rules.
const metaChars = 200

// hintList is a set of substrings of class/id names.
type hintList []string

// MatchString reports whether s contains one of the hints.
func (l hintList) MatchString(s string) bool {
	for _, h := range l {
		if strings.Contains(s, h) {
			return true
		}
	}
	return false
}

// ignoredTag lists elements that never hold article text.
var ignoredTag = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Svg: true, atom.Canvas: true, atom.Object: true,
	atom.Embed: true, atom.Head: true, atom.Select: true, atom.Button: true,
	atom.Input: true, atom.Textarea: true, atom.Option: true, atom.Map: true,
	atom.Audio: true, atom.Video: true, atom.Math: true, atom.Dialog: true,
	atom.Link: true, atom.Meta: true, atom.Title: true,
}

// chromeTag lists elements that are page chrome outside an article.
var chromeTag = map[atom.Atom]bool{
	atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Header: true, atom.Form: false,
}

var chromeRole = map[string]bool{
	"navigation": true, "complementary": true, "banner": true, "contentinfo": true,
	"menu": true, "menubar": true, "search": true, "dialog": true, "alert": true,
}

// blockTag lists elements that break lines.
var blockTag = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Dd: true, atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true,
	atom.Figcaption: true, atom.Figure: true, atom.Footer: true, atom.Form: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Header: true, atom.Hr: true, atom.Li: true, atom.Main: true,
	atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true,
	atom.Table: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Ul: true, atom.Body: true,
	atom.Html: true, atom.Caption: true, atom.Center: true, atom.Details: true,
	atom.Summary: true, atom.Menu: true,
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// hints returns the lowercased class and id of n.
func hints(n *html.Node) string {
	c, id := attr(n, "class"), attr(n, "id")
	switch {
	case id == "":
		return strings.ToLower(c) // no copy when already lower case
	case c == "":
		return strings.ToLower(id)
	}
	return strings.ToLower(c + " " + id)
}

// hidden reports whether n is hidden from readers: the hidden attribute,
// aria-hidden="true", or an inline display:none / visibility:hidden.
func hidden(n *html.Node) bool {
	if hasAttr(n, "hidden") || attr(n, "aria-hidden") == "true" {
		return true
	}
	st := attr(n, "style")
	if st == "" {
		return false
	}
	st = strings.ToLower(strings.ReplaceAll(st, " ", ""))
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
}

// ignored reports whether n and its subtree hold no readable text.
func ignored(n *html.Node) bool {
	switch n.Type {
	case html.TextNode, html.DocumentNode:
		return false
	case html.ElementNode:
		return ignoredTag[n.DataAtom] || hidden(n)
	}
	return true // comments, doctypes
}

// chrome reports whether the element n is navigation, header, footer or
// another block unlikely to hold the article, judged by tag, role and
// class/id. Article containers are never chrome.
func chrome(n *html.Node) bool { return chromeBy(n, true) }

// pageChrome returns chrome, except for the article's own header, which
// holds its title and date (articleHeader; title is the page's title).
func pageChrome(title string) func(*html.Node) bool {
	return func(n *html.Node) bool { return !articleHeader(n, title) && chrome(n) }
}

// headerHint is the class/id word of a header block.
var headerHint = hintList{"header"}

// articleHeader reports whether n, a <header> or a block whose class or id
// says header, is the article's header rather than the site's, by
// structure: inside an <article> it is the article's; elsewhere (also
// inside a <main> that wraps the whole page) it is when it holds the
// page's title (title, as the title rules chose it) as an <h1> that is no
// link, and no menu (menuBlock): a portal's header holds its name (a
// logo's <h1>, linked or not), its menu and a dateline of today, an
// article's its title, byline and date.
func articleHeader(n *html.Node, title string) bool {
	if n.Type != html.ElementNode || n.DataAtom != atom.Header && !headerHint.MatchString(hints(n)) {
		return false
	}
	if within(n, atom.Article) {
		return true
	}
	isTitle, menu := false, false
	var walk func(*html.Node)
	walk = func(m *html.Node) {
		for c := m.FirstChild; c != nil && !menu; c = c.NextSibling {
			if c.Type != html.ElementNode || ignored(c) {
				continue
			}
			switch {
			case menuBlock(c):
				menu = true
			case c.DataAtom == atom.H1 && findAtom(c, atom.A) == nil && sameTitle(nodeText(c), title):
				isTitle = true
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return isTitle && !menu
}

// sameTitle reports a heading that is the page's title: the same text
// (titleKey), or one the start of the other (a title cut, or a heading
// with a subtitle), the shorter at least minCut bytes.
func sameTitle(heading, title string) bool {
	h, _ := titleKey(heading)
	t, _ := titleKey(title)
	if len(h) > len(t) {
		h, t = t, h
	}
	return len(h) >= minCut && strings.HasPrefix(t, h)
}

// menuHint names a menu by class or id.
var menuHint = hintList{"menu", "navbar", "navigation"}

// minMenuLinks is the fewest items of a list, each a link, that make it
// a menu.
const minMenuLinks = 3

// menuBlock reports a site's menu: <nav>, role navigation, a block whose
// class or id says menu, or a list of at least minMenuLinks items each
// holding a link and nothing much else ("Trang chủ", "Tin tức", "Văn
// bản" …).
func menuBlock(n *html.Node) bool {
	if n.DataAtom == atom.Nav || attr(n, "role") == "navigation" || menuHint.MatchString(hints(n)) {
		return true
	}
	if n.DataAtom != atom.Ul && n.DataAtom != atom.Ol {
		return false
	}
	links := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom != atom.Li {
			continue
		}
		a := findAtom(c, atom.A)
		if a == nil || runeCount(nodeText(a))*2 < runeCount(nodeText(c)) {
			return false
		}
		links++
	}
	return links >= minMenuLinks
}

// insidePageChrome reports whether an ancestor of n is hidden or page
// chrome (pageChrome: the article's header is not; title is the page's).
func insidePageChrome(n *html.Node, title string) bool {
	chromeOf := pageChrome(title)
	for p := n.Parent; p != nil; p = p.Parent {
		if ignored(p) || chromeOf(p) {
			return true
		}
	}
	return false
}

// chromeBy is chrome, judging by class and id only when byClass is set.
func chromeBy(n *html.Node, byClass bool) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.Body, atom.Html, atom.Article, atom.Main, atom.A, atom.Td, atom.Tr, atom.Tbody, atom.Table:
		return false
	}
	if chromeTag[n.DataAtom] || chromeRole[attr(n, "role")] {
		return true
	}
	if !byClass {
		return false
	}
	h := hints(n)
	return h != "" && unlikelyHint.MatchString(h) && !maybeHint.MatchString(h)
}

// classWeight scores n's class and id: +25 for article-like names, -25 for
// boilerplate-like ones.
func classWeight(n *html.Node) float64 {
	h := hints(n)
	if h == "" {
		return 0
	}
	w := 0.0
	if negativeHint.MatchString(h) {
		w -= 25
	}
	if positiveHint.MatchString(h) {
		w += 25
	}
	return w
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}
