package crawler

// Article marks: what a site's live article pages carry and its answer
// for a page it lacks does not — the date line, the print and share
// tools, the attachment box, the article's own container — told by the
// page's structure, not its words. A soft 404 (soft404.go) is decided by
// text: the page reads as the site's answer for an address that cannot
// exist. Text alone cannot tell a short notice rewritten whole in one
// night, served at any address under its slug's directory (the probe then
// gets the notice itself), from a template; the marks can: the rewritten
// notice is still laid out as the site's articles are.
//
// A page's marks are its elements' signatures: the tag, its classes and
// id (digit runs as 0), and "+" when the element holds text (an empty
// date span in a template is not the date line). The site's marks are
// those carried by at least markShare of the live article pages the
// crawler stored (kept with the site's state, learn.go, over a window of
// about markWindow pages); its own marks for a probe are those the
// probe's answer lacks. A page reading as the probe is a soft 404 with
// evidence when it carries under a quarter of them, and no soft 404 when
// it carries more; when there are none (no live page yet, or the
// template carries all of them) the text decides alone, and a live
// document is then never made a tombstone, only suspected (page.go).

import (
	"slices"
	"strings"

	"golang.org/x/net/html"

	"github.com/vanban/vanban/crawler/extract"
)

const (
	maxPageMarks = 256 // signatures taken from one page, at most
	maxSiteMarks = 512 // signatures a site keeps counts of, at most
	markWindow   = 32  // the counts are halved every markWindow/2 pages past it
	markShare    = 0.8 // of the live pages, to be a site's mark
)

// markStats counts the signatures of a site's live article pages.
type markStats struct {
	Pages int            `json:"pages"`
	Count map[string]int `json:"count"`
}

// pageMarks returns the signatures of the elements of the page's body.
func pageMarks(p *extract.Page) map[string]bool {
	out := map[string]bool{}
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) (text bool) {
		switch n.Type {
		case html.TextNode:
			return strings.TrimSpace(n.Data) != ""
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template", "head":
				return false
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				text = true
			}
		}
		if n.Type == html.ElementNode && len(out) < maxPageMarks {
			s := signature(n)
			if text {
				s += "+"
			}
			out[s] = true
		}
		return text
	}
	for _, n := range p.Doc.Nodes {
		walk(n)
	}
	return out
}

// signature is an element's tag with its classes, sorted, and its id,
// digit runs as 0: "p.date", "div.news-detail#ctl0_content".
func signature(n *html.Node) string {
	var classes []string
	id := ""
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			classes = strings.Fields(a.Val)
		case "id":
			id = a.Val
		}
	}
	slices.Sort(classes)
	s := n.Data
	for _, c := range slices.Compact(classes) {
		s += "." + c
	}
	if id != "" {
		s += "#" + id
	}
	return zeroDigits(s)
}

// observeMarks adds the marks of a live article page.
func (l *learner) observeMarks(m map[string]bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	st := l.st.Marks
	if st == nil {
		st = &markStats{Count: map[string]int{}}
		l.st.Marks = st
	}
	st.Pages++
	for s := range m {
		if _, ok := st.Count[s]; ok || len(st.Count) < maxSiteMarks {
			st.Count[s]++
		}
	}
	if st.Pages >= markWindow {
		st.Pages /= 2
		for s, n := range st.Count {
			if n /= 2; n*4 < st.Pages {
				delete(st.Count, s)
			} else {
				st.Count[s] = n
			}
		}
	}
	l.dirty = true
}

// ownMarks returns the site's marks the probe's answer (its marks) lacks.
func (l *learner) ownMarks(probe map[string]bool) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	st := l.st.Marks
	if st == nil || st.Pages == 0 {
		return nil
	}
	var out []string
	for s, n := range st.Count {
		if float64(n) >= markShare*float64(st.Pages) && !probe[s] {
			out = append(out, s)
		}
	}
	return out
}

// carriesMarks reports whether a page's marks hold a quarter or more of
// own (the site's marks its missing-page answer lacks).
func carriesMarks(page map[string]bool, own []string) bool {
	n := 0
	for _, s := range own {
		if page[s] {
			n++
		}
	}
	return n*4 >= len(own)
}
