package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// News templates set the article's first paragraph apart: a <p> alone in a
// wrapper styled for it, whose class may say "media" or "promo" (CNN's
// "el__leafmedia--sourced-paragraph" holding "(CNN) President …"). By its
// wrapper's name Readability's cleaning drops it, or leaves it out of the
// siblings that join the winning block, and the body loses its lead. A
// paragraph of clean prose alone in its wrapper is judged as the paragraph:
// beside the winning block as a bare <p> would be (siblings), and inside
// it, when it is the block's first paragraph, never dropped for its
// wrapper's class.

// maxWrapDepth bounds the wrappers loneParagraph looks through.
const maxWrapDepth = 3

// loneParagraph returns the paragraph n is, or the one it only wraps
// (a <div> holding nothing but one <p>, a few levels deep, as news
// templates set the lead paragraph apart in a wrapper whose class says
// "media" or "lead"), else n: a wrapped paragraph joins the article as a
// bare one would, whatever its wrapper's class.
func loneParagraph(n *html.Node) *html.Node {
	m := n
	for d := 0; d < maxWrapDepth && m.DataAtom != atom.P; d++ {
		var only *html.Node
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "", c.Type == html.CommentNode:
			case c.Type == html.ElementNode && only == nil:
				only = c
			default:
				return n
			}
		}
		if only == nil {
			return n
		}
		m = only
	}
	if m.DataAtom != atom.P {
		return n
	}
	return m
}

// firstParagraph returns the first <p> under top that holds text, or nil.
func firstParagraph(top *html.Node) *html.Node {
	if top == nil {
		return nil
	}
	var found *html.Node
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || ignored(c) {
				continue
			}
			if c.DataAtom == atom.P && strings.TrimSpace(nodeText(c)) != "" {
				found = c
				return true
			}
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(top)
	return found
}

// keepsLead reports whether n only wraps lead, the winning block's first
// paragraph, and lead is clean prose.
func (s *scorer) keepsLead(n, lead *html.Node) bool {
	return lead != nil && n != lead && loneParagraph(n) == lead && s.cleanParagraph(lead)
}
