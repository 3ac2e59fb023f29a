package crawler

// Whether the site answered a run: the evidence the removal rules
// (suspects.go) need before a page answering as gone costs its document.
// The site answered when
//
//   - its documents did: a page stored (new, changed or unchanged) or
//     answered 304 (Report.siteAnswered); on a site without article
//     patterns, where every page is read as an article (a listing, a
//     menu's page), only a document answering as the version stored
//     before the page was suspected (docsAnswered: a maintenance note
//     stored over a listing the first night reads unchanged the second);
//     or
//   - a listing did (listingAnswered): a page of the site that is not an
//     article (the listing, the home page, a menu's page) answered 200
//     HTML at the address asked (a redirect elsewhere, a login page, is
//     none; http→https or a trailing slash is the same address: sameAddress),
//     linking another page of the site, and not reading as the site's
//     answer this run for a page it lacks (a maintenance page served at
//     every address reads as the soft-404 probe: soft404.go). A 404, a
//     blank page, a maintenance note without links or a login redirect is
//     none. On a site without article patterns its pages not stored (a
//     page about documents, a page with no article) are its listings, and
//     none lists documents (every link reads as an article): their word
//     is the weak one.
//
// A listing's word alone decides a document answering as gone at once
// when no page of the run links it and a listing lists documents of the
// site (links an article: the section lists others, not it). Its word is
// weak — the document waits a week of misses (suspects.go listingWait) —
// when the listings hold menu links only (an emptied section, a search
// form or a maintenance note inside the menu), or the document is the
// run's only one answering as gone and still linked (a stale link, or a
// one-document section's broken route). Several documents answering as
// gone while still linked are a broken route: kept (settleGone). So a
// section whose documents are taken down and unlisted loses them, at once
// or after a week; a portal down for nights — 404 everywhere, a
// maintenance page, a blank page, a login redirect or login page — loses
// none.

import (
	"encoding/json"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler/extract"
)

// maxListings bounds the listings' fingerprints a run keeps of each kind
// (listing articles or menu pages only): one that is not the site's
// missing-page answer is all the evidence needs.
const maxListings = 8

// listing is a page of the site that answered a run as a listing: its
// fingerprints, and whether it links an article of the site (it lists
// documents) or only other pages (a menu, a search form, a note).
type listing struct {
	fp    fingerprints
	lists bool
}

// noteListing records a page of the site that is not an article, fetched
// from asked and read at u, as the site answering this run when it
// answered at the address asked and links another page of the site; its
// fingerprints are compared with the run's probe answers at its end.
func (r *run) noteListing(page *extract.Page, u *url.URL, asked string, links []linkRef) {
	if r.offline || !sameAddress(asked, u) {
		return
	}
	self := corpus.CanonicalURL(u.String())
	other, lists := false, false
	for _, l := range links {
		v := corpus.CanonicalURL(l.URL)
		if v == self || !r.site.allowed(v) {
			continue
		}
		other = true
		if r.site.articleShaped(v) {
			lists = true
			break
		}
	}
	if !other {
		return
	}
	full := func() bool {
		n := 0
		for _, l := range r.listings {
			if l.lists == lists {
				n++
			}
		}
		return n >= maxListings
	}
	r.mu.Lock()
	f := full()
	r.mu.Unlock()
	if f {
		return
	}
	fp := fingerprint(page, u, r.learn.options(linkRef{}))
	r.mu.Lock()
	defer r.mu.Unlock()
	if !full() && !slices.ContainsFunc(r.listings, func(l listing) bool { return l.lists == lists && l.fp.text == fp.text }) {
		r.listings = append(r.listings, listing{fp, lists})
		v, _ := json.Marshal(evListingRec{printOf(fp), lists})
		if r.ops == nil {
			r.ops = map[string][]corpus.KVOp{}
		}
		r.ops[asked] = append(r.ops[asked], r.evOp(evListing, strconv.Itoa(len(r.listings)-1), v)) // evidence.go
	}
}

// listingAnswered reports whether a listing of the site answered this run
// (noteListing) that does not read as any of the run's probe answers, the
// site's page for what it lacks, and whether such a listing lists
// documents (links an article of the site). Called after the run's pages
// are done.
func (r *run) listingAnswered() (answered, lists bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, l := range r.listings {
		missing := slices.ContainsFunc(r.pastProbes, l.fp.readsAs) // the run's earlier parts' (evidence.go)
		for _, pa := range r.probes {
			if pa.ok && l.fp.readsAs(pa.fp) {
				missing = true
				break
			}
		}
		if !missing {
			answered = true
			lists = lists || l.lists
		}
	}
	return answered, lists
}

// sameAddress reports whether a page asked at asked answered at got as
// itself: the same host and query, the path but for a trailing slash; the
// scheme may differ (http upgraded to https). A redirect to another page
// — a login page, the home page — is not.
func sameAddress(asked string, got *url.URL) bool {
	a, err := url.Parse(asked)
	if err != nil || got == nil {
		return false
	}
	return strings.EqualFold(a.Host, got.Host) && a.RawQuery == got.RawQuery &&
		strings.TrimSuffix(a.EscapedPath(), "/") == strings.TrimSuffix(got.EscapedPath(), "/")
}

// noteSteady records a document of the site that answered this run as
// the version stored (unchanged, or 304) by the run stored ("" before
// runs kept it): on a site without article patterns, where a listing or
// a menu's page is a document too, the site's documents answered about a
// page suspected since a run only when one reads as it did before that
// run (docsAnswered) — a maintenance note stored over a listing the
// first night reads unchanged the second.
func (r *run) noteSteady(u, stored string) {
	r.mu.Lock()
	older := !r.steadyOK || olderRun(stored, r.steady)
	if older {
		r.steady, r.steadyOK = stored, true
	}
	r.mu.Unlock()
	if older {
		r.addOps(u, r.evOp(evSteady, "", []byte(stored))) // evidence.go
	}
}

// docsAnswered reports whether the site's documents answered this run,
// as evidence about a page suspected since the run suspect: any document
// stored, unchanged or 304 on a site with article patterns (its articles
// are documents, its listings are not); on a site without them, where
// every page is read as an article, a document answering as the version
// stored before suspect (noteSteady).
func (r *run) docsAnswered(suspect string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.site.article) > 0 {
		return r.rep.siteAnswered() || r.pastDocs
	}
	return r.steadyOK && olderRun(r.steady, suspect)
}

// olderRun reports whether the run a started before the run b ("" is
// older than any run: a version stored before runs were kept).
func olderRun(a, b string) bool {
	if a == "" {
		return b != ""
	}
	ta, err1 := time.Parse(time.RFC3339Nano, a)
	tb, err2 := time.Parse(time.RFC3339Nano, b)
	return err1 == nil && err2 == nil && ta.Before(tb)
}
