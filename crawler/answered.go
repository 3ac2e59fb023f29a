package crawler

// Whether the site answered a run: the evidence the removal rules
// (suspects.go) need before a page answering as gone costs its document.
// The site answered when
//
//   - its documents did: a page stored (new, changed or unchanged) or
//     answered 304 (Report.siteAnswered); or
//   - a listing did (listingAnswered): a page of the site that is not an
//     article (the listing, the home page, a menu's page) answered 200
//     HTML at the address asked (a redirect elsewhere, a login page, is
//     none; http→https or a trailing slash is the same address: sameAddress),
//     linking another page of the site, and not reading as the site's
//     answer this run for a page it lacks (a maintenance page served at
//     every address reads as the soft-404 probe: soft404.go). A 404, a
//     blank page, a maintenance note without links or a login redirect is
//     none.
//
// A listing's word alone decides a document answering as gone when it is
// the run's only such document, or when no page of the run links it (the
// listing dropped it): every document of a section answering 404 while the
// listing still links them is a broken route for a night, not a removal
// (settleGone). A section whose every document is taken down and unlisted,
// or a one-document section, so loses its removed documents; a portal down
// for nights — 404 everywhere, a maintenance page, a blank page, a login
// redirect — loses none.

import (
	"net/url"
	"slices"
	"strings"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler/extract"
)

// maxListings bounds the listings' fingerprints a run keeps: one that is
// not the site's missing-page answer is all the evidence needs.
const maxListings = 8

// noteListing records a page of the site that is not an article, fetched
// from asked and read at u, as the site answering this run when it
// answered at the address asked and links another page of the site; its
// fingerprints are compared with the run's probe answers at its end.
func (r *run) noteListing(page *extract.Page, u *url.URL, asked string, links []linkRef) {
	if r.offline || !sameAddress(asked, u) {
		return
	}
	self := corpus.CanonicalURL(u.String())
	if !slices.ContainsFunc(links, func(l linkRef) bool {
		v := corpus.CanonicalURL(l.URL)
		return v != self && r.site.allowed(v)
	}) {
		return
	}
	r.mu.Lock()
	full := len(r.listings) >= maxListings
	r.mu.Unlock()
	if full {
		return
	}
	fp := fingerprint(page, u, r.learn.options(linkRef{}))
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.listings) < maxListings && !slices.ContainsFunc(r.listings, func(f fingerprints) bool { return f.text == fp.text }) {
		r.listings = append(r.listings, fp)
	}
}

// listingAnswered reports whether a listing of the site answered this run
// (noteListing) that does not read as any of the run's probe answers, the
// site's page for what it lacks. Called after the run's pages are done.
func (r *run) listingAnswered() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, l := range r.listings {
		missing := false
		for _, pa := range r.probes {
			if pa.ok && l.readsAs(pa.fp) {
				missing = true
				break
			}
		}
		if !missing {
			return true
		}
	}
	return false
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
