package crawler

// Suspects: live documents whose page answers as if it were gone — a 404,
// a redirect to a page that is none, or a soft 404 (soft404.go) — kept
// until the evidence says they are gone (urlState.Suspect, the run that
// first read the page so; SuspectRuns, the runs in a row that did).
//
//   - A 404, a redirect to a page that is none, or a soft 404 with the
//     article marks' evidence (softmarks.go) on a second run in a row
//     makes the document a tombstone at the end of that run when the
//     site answered it (answered.go): its documents did (stored,
//     unchanged, 304; on a site without article patterns, a document
//     as stored before the suspicion), or a listing that lists documents
//     did and no page of the run links the document; a listing's weaker word
//     (menu links only; a lone document still linked) waits a week of
//     misses (settleGone). Nights of a portal answering 404, a
//     maintenance page, a blank page or a login page for every address
//     decide nothing; the next run that reaches the site decides. 410 at
//     once (page.go).
//   - A soft 404 on text alone (a site whose pages share no layout, or
//     whose missing-page answer is laid out as its articles: no marks)
//     becomes a tombstone at the end of a complete run when all of
//     these hold (settleSuspects):
//       - the page read so on suspectRuns runs in a row;
//       - this run's reference was the site's answer for an address that
//         cannot route to the document (a query probe, a probe in
//         another directory, or a directory with digits), never the page's
//         own directory, which may serve the document itself (a notice
//         rewritten whole there reads as its probe);
//       - no page of this run links it (the listing, the sitemap and the
//         site's other pages dropped it);
//       - the site answered this run (answered.go): a night of
//         maintenance decides nothing.
//     Otherwise it stays suspected, kept and searchable.
//
// Both are decided at the end of a complete run only, on the evidence of
// all its parts (evidence.go): a run stopped by its deadline, a cancel
// or kill -9 decides nothing until the run resumed from its frontier
// ends — a part has not read every page that may link a suspect.
//
// While suspected, a document keeps the text it had: what its page
// answers is not stored over it, and its archive reference stays the
// answer it was read from (re-extraction cannot store the missing page
// either) — a missing page must not overwrite the document. A real page
// that changed to a short text reading as the site's missing page is
// not lost either: never a tombstone while linked or while the reference
// may be the page itself, it keeps its old text, listed as suspected, and
// its new text is stored on the first run that reads the page as its own
// (its document's title or number shown, the site's marks carried, or
// unlike the site's missing page) — from one night's answers such a page
// and the site's missing page cannot be told apart, and a document
// overwritten by a missing page is the worse loss.
//
// Every report lists the site's suspects (Report.Suspects, the first
// maxFileErrors; SuspectCount all of them), with the run that last
// reached each and whether this run did not (its deadline came first:
// NotReached, SuspectsNotReached), and `vanban status` all sites'
// (Suspects): so a document suspected for weeks is seen.

import (
	"encoding/json"
	"fmt"
	"maps"
	"sort"
	"time"

	"github.com/vanban/vanban/corpus"
)

// suspectRuns is how many runs in a row must read a page as a soft 404
// on text alone before, unlinked, it is a tombstone.
const suspectRuns = 3

// Suspect is a live document whose page answers as if it were gone.
type Suspect struct {
	URL   string    `json:"url"`
	DocID string    `json:"doc_id"`
	Since time.Time `json:"since"` // the run that first read it so
	Runs  int       `json:"runs"`  // runs in a row that read it so
	// LastAsked is the run that last reached the page; NotReached, in a
	// run's report, says that run did not (its deadline came first): the
	// next run that reaches it decides.
	LastAsked  time.Time `json:"last_asked"`
	NotReached bool      `json:"not_reached,omitempty"`
	run        string    // the ID of the run that last reached it
}

// suspect marks state as suspected by this run (the first run kept).
func (r *run) suspect(state *urlState) {
	if state.Suspect == "" {
		state.Suspect = r.id
		state.SuspectRuns = 0
	}
	state.SuspectRuns++
}

// clearSuspect clears the mark: the page answered as a page, or its
// document is a tombstone now.
func (s *urlState) clearSuspect() { s.Suspect, s.SuspectRuns = "", 0 }

// noteBlind records that u was suspected by this run on text alone with
// a reference that cannot be the document itself (settleSuspects).
func (r *run) noteBlind(u string) {
	r.mu.Lock()
	if r.blind == nil {
		r.blind = map[string]bool{}
	}
	r.blind[u] = true
	r.mu.Unlock()
	r.addOps(u, r.evOp(evBlind, u, nil)) // evidence.go
}

// confirmGone records that u's live document, suspected already, answered
// as gone again this run: kept, suspected, till settleGone decides.
func (r *run) confirmGone(u string, state *urlState) {
	r.suspect(state)
	state.ETag, state.LastModified = "", ""
	state.miss(r.c.clock())
	r.mu.Lock()
	if r.gone == nil {
		r.gone = map[string]bool{}
	}
	r.gone[u] = true
	r.mu.Unlock()
	r.addOps(u, r.evOp(evGone, u, nil)) // evidence.go
}

// siteAnswered reports whether the site's documents answered this run (a
// page stored, unchanged or 304): a run in which none did is a site
// down, whatever its status codes say.
func (rep *Report) siteAnswered() bool {
	return rep.New+rep.Changed+rep.Unchanged+rep.NotModified > 0
}

// settleGone makes tombstones of the documents confirmGone kept this run
// when the site answered it (answered.go): its documents did, at once;
// else a listing did and
//   - no page of the run links the document and a listing lists documents
//     of the site: at once (the section lists others, not it);
//   - no page of the run links it but the listings hold menu links only
//     (an emptied section, a search form, a maintenance note in the
//     menu), or it is the run's only document answering as gone and a
//     page still links it (a stale link, or a broken route of a
//     one-document section): once it has answered as gone for
//     listingWait.
//
// The run's gone, links, listings and documents answering are those of
// all its parts (evidence.go); called at the end of a complete run.
//
// Several documents answering as gone while still linked are a broken
// route: kept. Else they stay suspected.
func (r *run) settleGone() error {
	r.mu.Lock()
	gone := maps.Clone(r.gone)
	linked := map[string]bool{}
	for u := range gone {
		linked[u] = r.linked[u]
	}
	steady := r.steadyOK
	r.mu.Unlock()
	if len(gone) == 0 {
		return nil
	}
	// the documents' word (docsAnswered): one for the run on a site with
	// article patterns, per suspicion without them
	docs := len(r.site.article) > 0 && r.docsAnswered("")
	listing, lists := r.listingAnswered()
	unlisted := func(u string) bool { return !linked[u] }
	byListing := func(u string) bool { return listing && (unlisted(u) || len(gone) == 1) }
	var cands []string
	for u := range gone {
		if docs || steady || byListing(u) {
			cands = append(cands, u)
		}
	}
	sort.Strings(cands)
	now, kept := r.c.clock(), len(gone)-len(cands)
	for _, u := range cands {
		v, err := r.c.store.GetKV(nsURL, u)
		if err != nil {
			return fmt.Errorf("settling %s: %w", u, err)
		}
		if v == nil {
			continue
		}
		s, err := decodeState(u, v)
		if err != nil || s.Suspect == "" || s.Run != r.id {
			continue
		}
		byDocs := docs || r.docsAnswered(s.Suspect)
		if !byDocs && !byListing(u) {
			kept++ // no page answered as it did before the suspicion
			continue
		}
		since := s.FirstMiss // the run's clock, as now
		if since.IsZero() {
			since, _ = time.Parse(time.RFC3339Nano, s.Suspect)
		}
		at := now
		switch {
		case !r.late:
		case !r.pagesEnded.IsZero():
			at = r.pagesEnded // the night the run's pages ended (endLate)
		case !s.LastMiss.IsZero():
			at = s.LastMiss // killed before it was recorded: the night the run read it gone
		}
		if !byDocs && !(lists && unlisted(u)) && at.Sub(since) < listingWait {
			kept++ // a listing's weak word: a broken route or a search form may stand for a while
			continue
		}
		r.retireDoc(u, &s)
		s.Pending = ""
		s.clearSuspect()
		r.c.log.Info("gone: answered so on runs in a row, the site answering", "site", r.site.Name, "url", u, "doc_id", s.DocID)
		b, _ := json.Marshal(s)
		if err := r.c.store.PutKV(nsURL, u, b); err != nil {
			return fmt.Errorf("settling %s: %w", u, err)
		}
	}
	if kept > 0 {
		r.c.log.Warn("documents answering as gone kept: none of the site's documents answered this run, nor a listing that dropped them", "site", r.site.Name, "kept", kept, "listing", listing, "lists", lists)
	}
	return nil
}

// listingWait is how long a document answering as gone waits when the
// site's only evidence is a listing's weak word (settleGone): a week of
// nights, as a missing page is rechecked (missing.go).
const listingWait = missRecheck

// settleSuspects makes tombstones, at the end of a complete run, of the
// documents suspected on text alone that the evidence now says are gone
// (the rules above).
func (r *run) settleSuspects() error {
	r.mu.Lock()
	var cands []string
	for u := range r.blind {
		if !r.linked[u] {
			cands = append(cands, u)
		}
	}
	r.mu.Unlock()
	if len(cands) == 0 {
		return nil
	}
	answered, _ := r.listingAnswered()
	sort.Strings(cands)
	for _, u := range cands {
		v, err := r.c.store.GetKV(nsURL, u)
		if err != nil || v == nil {
			return err
		}
		s, err := decodeState(u, v)
		if err != nil || s.Suspect == "" || s.SuspectRuns < suspectRuns || s.Run != r.id {
			continue
		}
		if !answered && !r.docsAnswered(s.Suspect) {
			continue // a night of maintenance decides nothing
		}
		r.retireDoc(u, &s)
		s.clearSuspect()
		r.count(func(rep *Report) { rep.SoftNotFound++ })
		r.c.log.Info("soft 404: suspected on runs in a row, linked by no page, the site's other documents live", "site", r.site.Name, "url", u, "doc_id", s.DocID, "runs", suspectRuns)
		b, _ := json.Marshal(s)
		if err := r.c.store.PutKV(nsURL, u, b); err != nil {
			return err
		}
	}
	return nil
}

// suspectsOf lists the suspects among the crawl states, those keep
// selects (nil: all), by URL.
func suspectsOf(store *corpus.Store, keep func(u string, s urlState) bool) ([]Suspect, error) {
	var out []Suspect
	err := store.ForEachKV(nsURL, func(u string, v []byte) error {
		s, err := decodeState(u, v)
		if err != nil || s.Suspect == "" || keep != nil && !keep(u, s) {
			return nil
		}
		since, _ := time.Parse(time.RFC3339Nano, s.Suspect)
		asked, _ := time.Parse(time.RFC3339Nano, s.Run)
		out = append(out, Suspect{URL: u, DocID: s.DocID, Since: since.UTC(), Runs: s.SuspectRuns, LastAsked: asked.UTC(), run: s.Run})
		return nil
	})
	return out, err
}

// Suspects lists every site's suspects (vanban status), by URL.
func Suspects(store *corpus.Store) ([]Suspect, error) { return suspectsOf(store, nil) }

// reportSuspects lists the site's suspects in the run's report.
func (r *run) reportSuspects() error {
	all, err := suspectsOf(r.c.store, func(u string, s urlState) bool { return s.Parent == "" && r.site.admits(u) })
	if err != nil {
		return err
	}
	unreached, awaiting := 0, 0
	for i := range all {
		if all[i].NotReached = all[i].run != r.id; all[i].NotReached {
			unreached++
		} else if !r.ended {
			awaiting++ // decided at the end of the resumed run (evidence.go)
		}
	}
	r.mu.Lock()
	r.rep.SuspectCount, r.rep.SuspectsNotReached, r.rep.SuspectsAwaitingEnd = len(all), unreached, awaiting
	r.rep.Suspects = all[:min(len(all), maxFileErrors)]
	r.mu.Unlock()
	return nil
}
