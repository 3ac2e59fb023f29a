package extract

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A page may declare which element holds its article's text
// (itemprop="articleBody", schema.org). A paragraph that is all one link
// opening that element ("CLICK FOR FULL STATE SWIM RESULTS", linking the
// results on another site) is the article's first line by the page's own
// word, not another page's entry nor a restated headline — when the link
// leads off the site or to a file (offSite): a link to another page of
// the site opening the body is the site's chrome (a category, a
// breadcrumb, a related article).

// declaredLead reports n as a paragraph that is one link leading off the
// site of host, the page's (offSite), and opens an element the page
// declares its article's body: the first element with text inside it.
func declaredLead(n *html.Node, host string) bool {
	if n.DataAtom != atom.P || n.Parent == nil || attr(n.Parent, "itemprop") != "articleBody" {
		return false
	}
	if a := onlyLink(n); a == nil || !offSite(attr(a, "href"), host) {
		return false
	}
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c == n {
			return true
		}
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" || c.Type == html.ElementNode && strings.TrimSpace(nodeText(c)) != "" {
			return false
		}
	}
	return false
}

// declaredLeadText is the text of the declared body's opening paragraph
// when it is one link off the site (declaredLead), "" otherwise:
// dropHeadline keeps such a first line.
func (p *Page) declaredLeadText() string {
	var out, host string
	if p.URL != nil {
		host = p.URL.Hostname()
	}
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.P && declaredLead(n, host) {
			out = strings.Join(strings.Fields(nodeText(n)), " ")
			return true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(p.Doc.Nodes[0])
	return out
}

// onlyLink returns the link that is all of paragraph n's text, or nil.
func onlyLink(n *html.Node) *html.Node {
	var link *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
		case c.Type == html.ElementNode && c.DataAtom == atom.A && link == nil:
			link = c
		default:
			return nil
		}
	}
	return link
}

// offSite reports a link's address leading off the site of host (the
// page's; "" when unknown, then any absolute address to a host) or to a
// file: what an article's first line may point to — the results on
// another site, the full text.
func offSite(href, host string) bool {
	href = strings.TrimSpace(href)
	u, err := url.Parse(href)
	if err != nil {
		return false
	}
	if isAttachment(href) {
		return true
	}
	h := u.Hostname()
	return h != "" && (host == "" || !sameSite(h, host))
}
