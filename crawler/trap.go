package crawler

// Crawler traps: a calendar, a search form or a session parameter make
// links without end ("Tháng sau" → ?thang=2027-01 → ?thang=2027-02 …), all
// allowed by the site's fence. A chain of pages that lead nowhere new is
// cut: a page is barren when it is not a stored document and none of the
// links it adds to the frontier has a URL shape (urlShape) other than its
// own; the links of a barren page are one hop further from anything
// useful than the page itself, and links more than maxBarrenHops hops
// away are not followed. A listing's "?page=2" is not barren on a first
// crawl (it adds articles); on a later crawl a listing adds only the
// pages of its own pager and the chain ends maxBarrenHops pages past the
// last page with something new, which is where the new articles are not.

import (
	"net/url"
	"slices"
	"strings"
)

// maxBarrenHops is how many barren pages in a row are followed.
const maxBarrenHops = 3

// urlShape is the shape of a URL: its host and path with every run of
// digits written 0, and its query's parameter names, sorted. Pages of one
// pager or one calendar share a shape; an article and its listing do not.
func urlShape(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return shapeOf(u)
}

// shapeOf is urlShape of a parsed URL.
func shapeOf(u *url.URL) string {
	var b strings.Builder
	b.WriteString(strings.ToLower(u.Host))
	b.WriteString(zeroDigits(u.Path))
	if u.RawQuery != "" {
		var keys []string
		for kv := range strings.SplitSeq(u.RawQuery, "&") {
			k, _, _ := strings.Cut(kv, "=")
			keys = append(keys, strings.ToLower(k))
		}
		slices.Sort(keys)
		b.WriteString("?" + strings.Join(slices.Compact(keys), "&"))
	}
	return b.String()
}

// zeroDigits writes each run of ASCII digits in s as 0: the shape of a
// URL's path, shared by the trap rule and the soft-404 probe (soft404.go).
func zeroDigits(s string) string {
	var b strings.Builder
	digit := false
	for _, r := range s {
		if r >= '0' && r <= '9' {
			if !digit {
				b.WriteByte('0')
			}
			digit = true
			continue
		}
		digit = false
		b.WriteRune(r)
	}
	return b.String()
}

// barrenHops returns the hops of the links found on page from: 0 when the
// page is a document or adds a link of another shape than its own (fresh
// are the links new to this run), else one more than the page's own.
func barrenHops(from string, fromHops int, fromDoc bool, fresh []linkRef) int {
	if fromDoc {
		return 0
	}
	shape := urlShape(from)
	for _, l := range fresh {
		if l.Parent == "" && urlShape(l.URL) != shape {
			return 0
		}
	}
	return fromHops + 1
}
