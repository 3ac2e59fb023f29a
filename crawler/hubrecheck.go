package crawler

// The weekly recheck of article pages that stored no document.
//
// A page's links are read only when it answers in full: a 304's links are
// not read again. So a page reached only through listings that answer 304
// was never asked again once it had stored no document, and what it
// became was never seen: an article page published empty ("Đang cập nhật")
// that later gets its text, a page about documents (vbpl.vn's "Văn bản
// liên quan" tab, extract.Article.NotDocument) that gains a link to a new
// plan (docs/log/i30-crawl.md, i30-rev-crawl.md).
//
// Such a page is asked again once a week, conditionally (a 304 when it is
// unchanged), on the night its URL's hash picks, so a site's pages are
// spread over the week, with no state of their own. Only article-shaped
// pages are (the site's article patterns match them): a listing's later
// page, a pager or a calendar month stores no document either, and seeding
// those restarted the trap's barren-hop count from each (trap.go) — the
// first, broader form of this rule re-entered TestCalendarTrap's calendar.
// A site without article patterns reads every page as an article, so its
// pages have no shape that tells an article: none is rechecked so.
//
// The cost is bounded: at most hubRecheckMax pages a night and site, each
// host of the site at most its share of them (hubShares); the pages due
// beyond are counted (Report.RecheckDeferred) and, picked in an order that
// changes each week, asked on a later week's night.

import (
	"cmp"
	"encoding/binary"
	"hash/fnv"
	"net/url"
	"slices"
	"time"
)

const (
	// hubRecheckNights is how often an article page that stored no
	// document is asked although no page linking it answered in full:
	// weekly, as a missing URL is (missRecheck).
	hubRecheckNights = 7
	// hubRecheckMax bounds the pages a site's run asks so a night.
	hubRecheckMax = 64
)

// hubCandidate reports whether the state s of u, a URL of site, is one the
// weekly recheck takes: an article-shaped page of the site that answered
// and stored no document (not a file, an alias, a redirect, a missing
// URL: their own rules ask them).
func hubCandidate(site *Site, u string, s urlState) bool {
	if s.DocID != "" || s.Parent != "" || s.Alias != "" || s.Redirect != "" || s.Misses > 0 || s.Suspect != "" {
		return false
	}
	return site.articleShaped(u) && site.admits(u)
}

// hubDue reports whether u is due at now when such pages are asked every
// nights nights: on one night of each nights, the night u's hash picks
// (every night when nights is 1). The night is the UTC day of now: two runs
// of one night agree.
func hubDue(u string, now time.Time, nights int) bool {
	if nights <= 1 {
		return true
	}
	h := fnv.New32a()
	h.Write([]byte(u))
	day := now.UTC().Unix() / int64(24*time.Hour/time.Second)
	return (uint64(day)+uint64(h.Sum32()))%uint64(nights) == 0
}

// recheckNights is the crawler's period of the weekly recheck:
// hubRecheckNights, or every night when the package is built with the tag
// vanban_recheck_every_night (forcedRecheck: the whole test suite run so,
// to see that no trap or pager comes back through it) or a test set it.
func (c *Crawler) recheckNights() int {
	if c.hubNights > 0 {
		return c.hubNights
	}
	if forcedRecheck {
		return 1
	}
	return hubRecheckNights
}

// hubShares picks, of the URLs due tonight, those a run asks: at most
// limit, each host at most its share — limit split evenly among the hosts
// with pages due, a host needing less leaving the rest to the others — and
// on each host first the URLs the week's order puts first (FNV of the week
// and the URL: the pages left out tonight differ from week to week). It
// returns them in the order given, and how many were left out.
func hubShares(due []string, now time.Time, limit int) (picked []string, deferred int) {
	if len(due) <= limit {
		return due, 0
	}
	week := uint64(now.UTC().Unix() / int64(7*24*time.Hour/time.Second))
	key := func(u string) uint64 {
		h := fnv.New64a()
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], week)
		h.Write(b[:])
		h.Write([]byte(u))
		return h.Sum64()
	}
	byHost := map[string][]string{}
	var hosts []string
	for _, u := range due {
		host := u
		if p, err := url.Parse(u); err == nil {
			host = p.Host
		}
		if _, ok := byHost[host]; !ok {
			hosts = append(hosts, host)
		}
		byHost[host] = append(byHost[host], u)
	}
	byKey := func(a, b string) int { return cmp.Compare(key(a), key(b)) }
	// Water-filling: the hosts needing least first (hosts needing as
	// many in the week's order: more hosts than pages leaves different
	// ones out each week), each taking at most an even share of what is
	// left, rounded up.
	slices.SortFunc(hosts, func(a, b string) int {
		if c := cmp.Compare(len(byHost[a]), len(byHost[b])); c != 0 {
			return c
		}
		return byKey(a, b)
	})
	take := map[string]bool{}
	left := limit
	for i, host := range hosts {
		us := byHost[host]
		n := len(hosts) - i
		share := (left + n - 1) / n
		if len(us) > share {
			slices.SortFunc(us, byKey)
			us = us[:share]
		}
		for _, u := range us {
			take[u] = true
		}
		left -= len(us)
	}
	for _, u := range due {
		if take[u] {
			picked = append(picked, u)
		}
	}
	return picked, len(due) - len(picked)
}
