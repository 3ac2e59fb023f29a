package crawler

// A run's evidence about the site, kept in the store as it is gathered,
// so that a run stopped (its deadline, a cancel, kill -9) and resumed by
// the next Crawl decides as a run that read the site whole: the pages
// that answered as gone again (confirmGone) or read as a soft 404 on text
// alone (noteBlind), the suspects a page of the run links (enqueue), the
// site's documents answering (docsAnswered), its listings' fingerprints
// (noteListing) and its answers for pages it lacks (probeAt). A resumed
// run loads them (loadEvidence) and adds its own; the decisions
// (settleGone, settleSuspects) are taken at the end of the complete run
// only — a part stopped early has not read every page that may link a
// suspect — and the evidence is then deleted, as it is when a new run
// starts. Each record is written with the page that gave it (the page's
// transaction, finishURL), a probe's on its own: what a killed part
// recorded is what it finished.
//
// The records are bounded by the run's suspects, its listings
// (maxListings of each kind) and its probe shapes.

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/vanban/vanban/corpus"
)

// nsEvidence holds a run's evidence: site \x00 run \x00 kind \x00 key.
const nsEvidence = "crawl/evidence"

// Kinds of evidence records.
const (
	evGone    = "g" // key: a URL that answered as gone again; value ""
	evBlind   = "b" // key: a URL read as a soft 404 on text alone
	evLinked  = "l" // key: a suspect a page of the run links
	evDocs    = "d" // a document of the site answered (stored, unchanged, 304)
	evSteady  = "s" // value: the oldest version that answered unchanged (noteSteady)
	evListing = "t" // key: its index; value: evListingRec
	evProbe   = "p" // key: the probe's shape; value: evPrint
	evQueued  = "q" // the run's seeds are queued (start): its frontier empty, its pages are all finished
	evEnded   = "e" // value: when the run's pages all finished (Crawl), the night its end decides as (endLate)
)

// evPrint is a page's fingerprints as stored.
type evPrint struct {
	Text    string `json:"t"`
	Article string `json:"a,omitempty"`
	DocLike bool   `json:"d,omitempty"`
}

func printOf(f fingerprints) evPrint { return evPrint{f.text, f.article, f.docLike} }
func (p evPrint) fingerprints() fingerprints {
	return fingerprints{text: p.Text, article: p.Article, docLike: p.DocLike}
}

// evListingRec is a listing as stored.
type evListingRec struct {
	Print evPrint `json:"f"`
	Lists bool    `json:"l,omitempty"`
}

// evKey is the key of a record of this run.
func (r *run) evKey(kind, key string) string {
	return r.site.Name + "\x00" + r.id + "\x00" + kind + "\x00" + key
}

// evOp is the write of a record of this run.
func (r *run) evOp(kind, key string, value []byte) corpus.KVOp {
	if value == nil {
		value = []byte{}
	}
	return corpus.KVOp{NS: nsEvidence, Key: r.evKey(kind, key), Value: value}
}

// clearEvidence deletes the site's evidence records, of any run.
func (r *run) clearEvidence() error {
	var ops []corpus.KVOp
	prefix := r.site.Name + "\x00"
	err := r.c.store.ForEachKV(nsEvidence, func(k string, _ []byte) error {
		if strings.HasPrefix(k, prefix) {
			ops = append(ops, corpus.KVOp{NS: nsEvidence, Key: k})
		}
		return nil
	})
	if err != nil || len(ops) == 0 {
		return err
	}
	return r.c.store.ApplyKV(ops)
}

// loadEvidence reads what the earlier parts of this run recorded, and
// whether its pages were queued (evQueued).
func (r *run) loadEvidence() (queued bool, err error) {
	prefix := r.site.Name + "\x00" + r.id + "\x00"
	err = r.c.store.ForEachKV(nsEvidence, func(k string, v []byte) error {
		rest, ok := strings.CutPrefix(k, prefix)
		if !ok {
			return nil
		}
		kind, key, _ := strings.Cut(rest, "\x00")
		switch kind {
		case evGone:
			r.gone[key] = true
		case evBlind:
			r.blind[key] = true
		case evLinked:
			r.linked[key] = true
		case evDocs:
			r.pastDocs = true
		case evSteady:
			if s := string(v); !r.steadyOK || olderRun(s, r.steady) {
				r.steady, r.steadyOK = s, true
			}
		case evListing:
			var l evListingRec
			if json.Unmarshal(v, &l) == nil {
				r.listings = append(r.listings, listing{l.Print.fingerprints(), l.Lists})
			}
		case evProbe:
			var p evPrint
			if json.Unmarshal(v, &p) == nil {
				r.pastProbes = append(r.pastProbes, p.fingerprints())
			}
		case evQueued:
			queued = true
		case evEnded:
			if t, err := time.Parse(time.RFC3339Nano, string(v)); err == nil {
				r.pagesEnded = t
			}
		}
		return nil
	})
	return queued, err
}

// endLate takes the end's decisions of the run prev, still in progress
// with an empty frontier, before a new run starts: a run whose pages all
// finished (its seeds were queued: evQueued) but that was killed or
// cancelled before its end. Its evidence is as complete as at its end,
// so it decides now what it would have decided then (a night late
// otherwise: a new run clears it). A listing's week (listingWait) is
// counted to the night its pages all finished (evEnded, written then),
// not to now; for a run killed before that record, to the night the run
// read each page as gone. The
// steps of an end that read the run's memory only (casedup.go refold,
// learn.go resolvePending) are not taken: the next run does them.
//
// A run without evQueued — killed in its start before its seeds were
// queued, or begun by a version that did not record it — decides
// nothing: an empty frontier there is no run read whole, and its end
// would forget every missing URL it did not ask (forgetMissing).
func (r *run) endLate(prev string) error {
	old := newRun(r.c, r.ctx, r.site)
	old.id, old.late = prev, true
	queued, err := old.loadEvidence()
	if err != nil || !queued {
		return err
	}
	r.c.log.Info("ending the run stopped after its last page", "site", r.site.Name, "run", prev)
	err = old.end()
	rep := old.report()
	r.mu.Lock()
	r.rep.RunEndedLate = prev
	r.rep.Gone += rep.Gone
	r.rep.SoftNotFound += rep.SoftNotFound
	r.rep.Forgotten += rep.Forgotten
	r.rep.Failed += rep.Failed
	for k, n := range rep.Errors {
		if r.rep.Errors == nil {
			r.rep.Errors = map[string]int{}
		}
		r.rep.Errors[k] += n
	}
	r.mu.Unlock()
	if err != nil {
		return fmt.Errorf("ending run %s: %w", prev, err)
	}
	return nil
}

// noteDocs records that a document of the site answered this run, with
// the page u.
func (r *run) noteDocs(u string) {
	r.mu.Lock()
	first := !r.docsNoted
	r.docsNoted = true
	r.mu.Unlock()
	if first {
		r.addOps(u, r.evOp(evDocs, "", nil))
	}
}
