package extract

import (
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// base returns the URL links resolve against: <base href> resolved
// against the page URL, else the page URL (nil when neither is known).
func (p *Page) base() *url.URL {
	b := p.URL
	if bn := p.idx().base; bn != nil {
		href := attr(bn, "href")
		if u, err := url.Parse(strings.TrimSpace(href)); err == nil {
			if b != nil {
				u = b.ResolveReference(u)
			}
			if u.IsAbs() {
				b = u
			}
		}
	}
	return b
}

// resolve makes href absolute against base and drops its fragment. It
// returns "" for anything that is not http(s).
func resolve(base *url.URL, href string) string {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return ""
	}
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String()
}

// Links returns every http(s) <a href> of the page, resolved and without
// fragments, in document order, with the date printed beside each in its
// listing row (see rowDate). Duplicates are kept: their texts differ.
func (p *Page) Links() []Link {
	base := p.base()
	var out []Link
	for _, n := range p.idx().links {
		if u := resolve(base, attr(n, "href")); u != "" {
			out = append(out, Link{URL: u, Text: nodeText(n), Date: p.rowDate(n, base, u)})
		}
	}
	return out
}

// rowLevels bounds how far up from a link its listing row is looked for.
const rowLevels = 4

// rowDate returns the text of a date slot in the link's row: the largest
// ancestor (up to rowLevels) whose links all lead to the same page — a
// table row, a list item, a teaser box — holding a numeric date ("" when
// none). Listings print the date beside each title.
func (p *Page) rowDate(a *html.Node, base *url.URL, target string) string {
	if len(p.idx().dateTexts) == 0 {
		return ""
	}
	var row *html.Node
	for n, i := a.Parent, 0; n != nil && n.Type == html.ElementNode && i < rowLevels; n, i = n.Parent, i+1 {
		if n.DataAtom == atom.Body || !linksOnlyTo(n, base, target) {
			break
		}
		row = n
	}
	if row == nil {
		return ""
	}
	for _, t := range p.idx().dateTexts {
		if contains(row, t) {
			if s := slotNode(t); s != nil {
				if s == t {
					return oneLine(t.Data)
				}
				return nodeText(s)
			}
		}
	}
	return ""
}

// linksOnlyTo reports whether every link under n leads to target.
func linksOnlyTo(n *html.Node, base *url.URL, target string) bool {
	ok := true
	var walk func(*html.Node)
	walk = func(m *html.Node) {
		for c := m.FirstChild; c != nil && ok; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.A && hasAttr(c, "href") {
				if u := resolve(base, attr(c, "href")); u != "" && u != target {
					ok = false
					return
				}
			}
			walk(c)
		}
	}
	walk(n)
	return ok
}

// safeFind returns the nodes matching sel; an invalid selector matches
// nothing.
func safeFind(s *goquery.Selection, sel string) (nodes []*html.Node) {
	defer func() {
		if recover() != nil {
			nodes = nil
		}
	}()
	return s.Find(sel).Nodes
}
