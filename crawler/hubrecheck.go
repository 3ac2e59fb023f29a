package crawler

import (
	"hash/fnv"
	"time"
)

// hubRecheckNights is how often a known page that stored no document — a
// listing's later page, a page about documents (extract.Article.NotDocument:
// a related-documents list, an outline) — is asked again although no page
// that links it answered in full: a 304's links are not read again, so
// without it a hub page reached only through unchanged listings was never
// asked again, and a document it gained was never found (i30-crawl's
// question; docs/log/i30-rev-crawl.md). Weekly, as missRecheck.
const hubRecheckNights = 7

// recheckHub reports whether a run at now asks u — a page whose state s
// stored no document and answered — although nothing linked it in full:
// each such URL on one night in hubRecheckNights, the night its hash
// picks, so a portal's hub pages are spread over the week (the request
// conditional: a 304 when nothing changed).
func (s *urlState) recheckHub(u string, now time.Time) bool {
	if s.DocID != "" || s.Parent != "" || s.Alias != "" || s.Redirect != "" || s.Misses > 0 {
		return false
	}
	h := fnv.New32a()
	h.Write([]byte(u))
	night := now.UTC().Unix() / int64(24*time.Hour/time.Second)
	return (uint64(night)+uint64(h.Sum32()))%hubRecheckNights == 0
}
