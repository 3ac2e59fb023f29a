package crawler

// URLs that answer "not found" (404, 410, a redirect of a removed article
// to a page that is none): how often they are asked again and when their
// crawl state is forgotten. Without a rule every such URL kept a state
// record forever and was asked every night while anything linked it (a
// portal's template with a wrong relative link: 777 state records for 52
// documents, docs/log/i20-crawl.md).
//
//   - The first missNightly misses in a row are asked on every run (a
//     page down for a day comes back the next).
//   - Then the URL is asked when its last miss is missRecheck old (weekly);
//     a run that reaches it earlier counts it in Report.NotAsked.
//   - A URL that stored a document (a tombstone now) is rechecked even
//     when nothing links it, until it has been missing for missForget.
//   - At the end of a complete run, the state of a missing URL the run did
//     not reach (not linked, not rechecked) is deleted (Report.Forgotten).
//     A link to it later is a new URL; its tombstone comes back as new.
//
// So the states of missing URLs are bounded by the URLs the site links
// now plus the documents removed in the last month.

import (
	"time"

	"github.com/vanban/vanban/corpus"
)

const (
	missNightly = 3
	missRecheck = 7 * 24 * time.Hour
	missForget  = 30 * 24 * time.Hour
)

// miss records a not-found answer at now.
func (s *urlState) miss(now time.Time) {
	if s.Misses == 0 {
		s.FirstMiss = now
	}
	s.Misses++
	s.LastMiss = now
}

// found clears the misses: the URL answered.
func (s *urlState) found() {
	s.Misses, s.FirstMiss, s.LastMiss = 0, time.Time{}, time.Time{}
}

// missDue reports whether a URL is to be asked at now: any URL but one
// that missed missNightly times in a row and was last asked less than
// missRecheck ago.
func (s *urlState) missDue(now time.Time) bool {
	return s.Misses < missNightly || now.Sub(s.LastMiss) >= missRecheck
}

// recheckUnlinked reports whether a run rechecks the URL although no page
// links it: it stored a document, and has not been missing for missForget.
func (s *urlState) recheckUnlinked(now time.Time) bool {
	return s.DocID != "" && (s.Misses == 0 || now.Sub(s.FirstMiss) < missForget)
}

// forgetMissing deletes, at the end of a complete run, the states of the
// site's missing URLs the run did not reach.
func (r *run) forgetMissing() error {
	var ops []corpus.KVOp
	err := r.c.store.ForEachKV(nsURL, func(u string, v []byte) error {
		s, err := decodeState(u, v)
		if err != nil || s.Misses == 0 || s.Run == r.id || !r.ofSite(u, s) {
			return nil
		}
		ops = append(ops, corpus.KVOp{NS: nsURL, Key: u})
		return nil
	})
	if err != nil || len(ops) == 0 {
		return err
	}
	if err := r.c.store.ApplyKV(ops); err != nil {
		return err
	}
	r.count(func(rep *Report) { rep.Forgotten += len(ops) })
	r.c.log.Info("missing URLs forgotten", "site", r.site.Name, "n", len(ops))
	return nil
}

// ofSite reports whether the state of u belongs to the run's site: a page
// it allows, or a file of a page it allows.
func (r *run) ofSite(u string, s urlState) bool { return siteOwns(r.site, u, s) }
