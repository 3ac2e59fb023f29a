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
// crawler stored (learned with the site's state, learn.go: a record of
// their own, crawl/marks; over a window of about markWindow pages); its own marks for a probe are those the
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
	maxSigBytes  = 160 // bytes of a signature kept (its "+" aside): a class list may run to thousands
	markWindow   = 32  // the counts are halved every markWindow/2 pages past it
	markShare    = 0.8 // of the live pages, to be a site's mark
	// marksSaveEvery is how many pages' marks the site's record (crawl/marks)
	// is written after, besides at the end of each run.
	marksSaveEvery = 64
)

// markStats counts the signatures of a site's live article pages.
type markStats struct {
	Pages int            `json:"pages"`
	Count map[string]int `json:"count"`
}

// mark is an element's signature and whether it holds text.
type mark struct {
	sig  string
	text bool
}

// key is the mark as the site state keeps it: the signature, "+" when
// it holds text.
func (m mark) key() string {
	if m.text {
		return m.sig + "+"
	}
	return m.sig
}

// markOf is the mark a site state's key names.
func markOf(key string) mark {
	sig, text := strings.CutSuffix(key, "+")
	return mark{sig, text}
}

// pageMarks returns the marks of the elements of the page's body (at
// most maxPageMarks). Elements sharing a tag, class and id share one
// signature, built once.
func pageMarks(p *extract.Page) map[mark]bool {
	out := map[mark]bool{}
	sigs := map[[3]string]string{}
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
			out[mark{signatureOf(n, sigs), text}] = true
		}
		return text
	}
	for _, n := range p.Doc.Nodes {
		walk(n)
	}
	return out
}

// signatureOf returns n's signature, from memo when an element of the
// same tag, class and id had it.
func signatureOf(n *html.Node, memo map[[3]string]string) string {
	k := [3]string{n.Data}
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			k[1] = a.Val
		case "id":
			k[2] = a.Val
		}
	}
	if k[1] == "" && k[2] == "" {
		return n.Data
	}
	if s, ok := memo[k]; ok {
		return s
	}
	s := signature(k[0], k[1], k[2])
	memo[k] = s
	return s
}

// signature is an element's tag with its classes, sorted, and its id,
// digit runs as 0: "p.date", "div.news-detail#ctl0_content"; its first
// maxSigBytes bytes (whole characters), which tell one layout's elements
// apart, so the site's record stays bounded in bytes.
func signature(tag, class, id string) string {
	classes := strings.Fields(class)
	slices.Sort(classes)
	s := tag
	for _, c := range slices.Compact(classes) {
		s += "." + c
	}
	if id != "" {
		s += "#" + id
	}
	s = zeroDigits(s)
	if len(s) > maxSigBytes {
		s = strings.ToValidUTF8(s[:maxSigBytes], "")
	}
	return s
}

// valid reports whether a marks record read back is one observeMarks
// could have written: pages positive, at most maxSiteMarks signatures of
// at most maxSigBytes, each counted on 1 to pages pages. A damaged one is
// relearned, never evidence.
func (st *markStats) valid() bool {
	if st.Pages <= 0 || st.Count == nil || len(st.Count) > maxSiteMarks {
		return false
	}
	for s, n := range st.Count {
		if n <= 0 || n > st.Pages || len(strings.TrimSuffix(s, "+")) > maxSigBytes {
			return false
		}
	}
	return true
}

// observeMarks adds the marks of a live article page.
func (l *learner) observeMarks(m map[mark]bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	st := l.marks
	if st == nil {
		st = &markStats{Count: map[string]int{}}
		l.marks = st
	}
	st.Pages++
	for mk := range m {
		s := mk.key()
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
	l.marksNew++
}

// ownMarks returns the site's marks the probe's answer (its marks) lacks.
func (l *learner) ownMarks(probe map[mark]bool) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	st := l.marks
	if st == nil || st.Pages == 0 {
		return nil
	}
	var out []string
	for s, n := range st.Count {
		if float64(n) >= markShare*float64(st.Pages) && !probe[markOf(s)] {
			out = append(out, s)
		}
	}
	return out
}

// carriesMarks reports whether a page's marks hold a quarter or more of
// own (the site's marks its missing-page answer lacks).
func carriesMarks(page map[mark]bool, own []string) bool {
	n := 0
	for _, s := range own {
		if page[markOf(s)] {
			n++
		}
	}
	return n*4 >= len(own)
}
