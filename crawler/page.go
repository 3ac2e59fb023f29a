package crawler

// One URL of a run: fetched, its crawl state read and repaired, its page
// extracted and stored or its file handed to the file readers, its links
// queued (the run itself, its frontier and workers, are in crawler.go).

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/crawler/extract"
	"github.com/vanban/vanban/crawler/filetext/filekind"
)

// process fetches one URL and records its outcome. In-flight pages are not
// cancelled by a deadline: they finish, so that nothing is half-done. When
// ctx ends (SIGTERM), the waits and requests of the page stop at once and
// it is left as it was, in the frontier, for the next run; a page already
// fetched is stored.
func (r *run) process(ctx context.Context, raw string) {
	st := r.c.store
	v, err := st.GetKV(nsURL, raw)
	if err != nil { // the URL stays in the frontier, its state as it was
		r.fail(raw, "store", fmt.Errorf("read crawl state: %w", err))
		return
	}
	var state urlState
	if v != nil {
		if state, err = decodeState(raw, v); err != nil {
			state = r.repairState(raw, err)
		}
	}
	finish := func(links []linkRef) { r.finishURL(raw, state, links) }
	hint := r.hint(raw)
	// An attached file: linked from an article (this run's hint, or its
	// state from an earlier run).
	file := cmp.Or(state.Parent, hint.Parent) != ""
	if file {
		state.Parent = cmp.Or(state.Parent, hint.Parent)
	}
	if state.Run == r.id { // finished earlier in this run (before a crash)
		finish(nil)
		return
	}
	if !state.missDue(r.c.clock()) { // missing: asked weekly (missing.go)
		r.count(func(rep *Report) { rep.NotAsked++ })
		finish(nil)
		return
	}
	u, err := url.Parse(raw)
	if err != nil {
		r.fail(raw, "url", err)
		finish(nil)
		return
	}
	delay := r.c.hostDelay(ctx, u, r.site.Delay.Duration, r.arch)
	if ok, err := r.c.robotsAllowed(ctx, u, delay, r.arch); ctx.Err() != nil {
		return
	} else if err != nil {
		r.fail(raw, "robots_unavailable", err)
		finish(nil)
		return
	} else if !ok {
		r.count(func(rep *Report) { rep.RobotsDenied++ })
		finish(nil)
		return
	}
	cond := conditional{ETag: state.ETag, LastModified: state.LastModified, From: state.Redirect}
	fctx := ctx
	if file {
		fctx = context.WithValue(context.WithValue(ctx, bodyCapKey{}, r.c.files.opt.MaxBytes), headJudgeKey{}, notReadByHead)
		if state.Pending != "" && (state.WARC == "" || r.c.warcDir == "") {
			cond = conditional{} // waiting for a tool, with no archived copy to read
		}
	}
	resp, err := r.c.fetch(fctx, delay, raw, cond, r.arch)
	if err != nil && ctx.Err() != nil {
		return
	}
	if err != nil {
		r.fail(raw, errorKind(err), err)
		if file {
			r.fileUnfetched(raw, 0, err)
		}
		finish(nil)
		return
	}
	state.Status = resp.Status
	if file && resp.Status != http.StatusNotFound && resp.Status != http.StatusGone {
		r.addOps(raw, liveFileOp(raw)) // it answers: no longer dead (deadfiles.go)
	}
	switch resp.Status {
	case http.StatusNotModified:
		r.count(func(rep *Report) { rep.NotModified++ })
		if !file && state.DocID != "" {
			r.noteDocs(raw)                 // evidence.go
			r.noteSteady(raw, state.Stored) // answered.go
		}
		if file && state.Pending != "" {
			r.queueFile(raw, state, nil, warcRef{File: state.WARC, Offset: state.Offset}, nil) // read it now, if the tool is there
			return
		}
		finish(nil)
		return
	case http.StatusNotFound, http.StatusGone:
		r.count(func(rep *Report) { rep.NotFound++ })
		if file { // a dead attachment, listed until it answers or is unlinked
			r.deadFile(raw, &state, resp.Status)
			finish(nil)
			return
		}
		if resp.Status == http.StatusNotFound && state.Suspect == "" && r.liveDoc(state.DocID) {
			// A live document's first 404: kept as it was, archive
			// reference too; the next run decides (a deploy gone wrong
			// for a night costs nothing).
			r.count(func(rep *Report) { rep.NotFoundSuspect++ })
			r.c.log.Info("404 suspected: the document is kept, the next run decides", "site", r.site.Name, "url", raw, "doc_id", state.DocID)
			r.suspect(&state)
			state.ETag, state.LastModified = "", ""
			state.miss(r.c.clock())
			finish(nil)
			return
		}
		if resp.Status == http.StatusNotFound && r.liveDoc(state.DocID) {
			r.confirmGone(raw, &state) // the second: decided at the run's end (suspects.go)
			finish(nil)
			return
		}
		state.clearSuspect()
		if state.DocID != "" {
			if ch, err := st.MarkGone(state.DocID); err != nil {
				r.fail(raw, "store", err)
			} else if ch == corpus.Removed {
				r.count(func(rep *Report) { rep.Gone++ })
			}
		}
		state.ETag, state.LastModified, state.WARC, state.Offset, state.Pending = "", "", "", 0, ""
		state.miss(r.c.clock())
		finish(nil)
		return
	}
	r.count(func(rep *Report) { rep.Fetched++; rep.Bytes += int64(len(resp.Body)) })
	state.Redirect = ""
	missed := state // its misses, should the page be a soft 404
	state.found()
	if resp.URL != raw {
		state.Redirect = resp.URL
		if !file && r.ownDoc(raw, state) && !r.site.isArticle(resp.URL) {
			// An article taken down by a redirect to a page that is
			// none (the home page, a listing): gone, as a 404 says —
			// on the second run in a row, as a 404.
			if missed.Suspect == "" && r.liveDoc(state.DocID) {
				r.count(func(rep *Report) { rep.NotFoundSuspect++ })
				state = missed
				r.suspect(&state)
				state.ETag, state.LastModified = "", ""
				state.miss(r.c.clock())
				finish(nil)
				return
			}
			if r.liveDoc(state.DocID) {
				state = missed
				r.confirmGone(raw, &state) // the second: decided at the run's end (suspects.go)
				finish(nil)
				return
			}
			state.clearSuspect()
			r.retireDoc(raw, &state)
			state.miss(r.c.clock())
			finish(nil)
			return
		}
		if !r.site.allowed(resp.URL) && !(file && r.site.fileHost(resp.URL)) {
			finish(nil)
			return
		}
	}
	if file {
		r.fileFetched(raw, resp, state)
		return
	}
	if resp.Truncated {
		r.c.log.Warn("page truncated at size cap", "url", raw, "cap", r.c.policy.MaxBytes)
	}
	if isXML(resp) {
		locs, _ := parseSitemap(resp.Body) // an RSS/Atom feed or a sitemap
		finish(refs(locs))
		return
	}
	if !isHTML(resp) {
		finish(nil) // attachments are recorded on the pages that link them
		return
	}
	if resp.WARC.File != "" {
		state.WARC, state.Offset = resp.WARC.File, resp.WARC.Offset
	}
	links, err := r.store(resp, &state, hint)
	if errors.Is(err, errSoftSuspect) { // the first night: kept (soft404.go)
		r.count(func(rep *Report) { rep.SoftSuspect++ })
		r.c.log.Info("soft 404 suspected: the document is kept, the next run decides", "site", r.site.Name, "url", raw, "doc_id", state.DocID)
		r.suspect(&state)
		state.ETag, state.LastModified = "", "" // asked in full next run
		// the archived answer its document was read from, not this
		// one: re-extraction must not store the template
		state.WARC, state.Offset = missed.WARC, missed.Offset
		finish(nil)
		return
	}
	if errors.Is(err, errSoft404) && missed.Suspect != "" && r.liveDoc(state.DocID) {
		// the second night with the marks' evidence: decided at the
		// run's end (suspects.go), the archived answer kept till then
		r.count(func(rep *Report) { rep.NotFound++; rep.SoftNotFound++ })
		state.WARC, state.Offset = missed.WARC, missed.Offset
		state.Misses, state.FirstMiss, state.LastMiss = missed.Misses, missed.FirstMiss, missed.LastMiss
		state.Suspect, state.SuspectRuns = missed.Suspect, missed.SuspectRuns
		r.confirmGone(raw, &state)
		finish(nil)
		return
	}
	state.clearSuspect()
	if errors.Is(err, errSoft404) { // as a 404 (soft404.go)
		r.count(func(rep *Report) { rep.NotFound++; rep.SoftNotFound++ })
		r.c.log.Info("soft 404", "site", r.site.Name, "url", raw, "doc_id", state.DocID)
		if state.DocID != "" {
			r.retireDoc(raw, &state)
		}
		state.WARC, state.Offset = "", 0
		state.Misses, state.FirstMiss, state.LastMiss = missed.Misses, missed.FirstMiss, missed.LastMiss
		state.miss(r.c.clock())
		finish(nil)
		return
	}
	if err != nil {
		r.fail(raw, "store", err)
	}
	// the validators of this answer, a page retired just now included
	// (a page about documents: retireDoc cleared the old ones), so the
	// next run asks it conditionally (TestRetiredPageAskedConditionally)
	state.ETag, state.LastModified = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	finish(links)
}

// finishURL records u's state, with the writes queued for it and extra,
// adds its links to the frontier and removes it from there, in one
// transaction.
func (r *run) finishURL(u string, state urlState, links []linkRef, extra ...corpus.KVOp) {
	state.Run = r.id
	v, _ := json.Marshal(state)
	ops := append(append(r.finishOps(u), extra...), corpus.KVOp{NS: nsURL, Key: u, Value: v})
	if err := r.enqueue(u, state.DocID != "" && state.Parent == "", links, ops...); err != nil {
		r.fail(u, "store", err)
	}
}

// decodeState decodes the crawl state record v of URL u.
func decodeState(u string, v []byte) (urlState, error) {
	var s urlState
	if err := json.Unmarshal(v, &s); err != nil {
		return urlState{}, fmt.Errorf("crawl state of %s is unreadable (%w)", u, err)
	}
	return s, nil
}

// repairState handles a URL whose crawl state record cannot be decoded (a
// damaged store record): it counts the URL as failed, of kind "state", and
// returns the state to go on with: no validators, so the page is fetched
// again in full and its state rewritten by this run, and the document the
// URL would have stored, when there is one, so that a page now gone still
// becomes a tombstone.
func (r *run) repairState(u string, err error) urlState {
	r.fail(u, "state", fmt.Errorf("%w: fetching the page again without validators; its state is rewritten", err))
	var s urlState
	if d, err := r.c.store.Get(corpus.IDForURL(u)); err == nil && !d.Gone {
		s.DocID = d.ID
	}
	return s
}

// store extracts the page and, when it is an article, stores it; the
// page's <title> and date evidence teach the site's learner either way.
// hint is the link that led to the page (its URL is the requested one). It
// returns the page's links to follow, with their anchor texts and listing
// dates.
func (r *run) store(resp *response, state *urlState, hint linkRef) ([]linkRef, error) {
	if hint.Text != "" || hint.Date != "" {
		state.Link = &linkRef{Text: hint.Text, Date: hint.Date}
	}
	base, _ := url.Parse(resp.URL)
	page, err := extract.Parse(resp.Body, resp.Header.Get("Content-Type"), base)
	if err != nil {
		return nil, err
	}
	links := pageLinks(page)
	if !r.site.isArticle(resp.URL) {
		r.learn.observe(page.HeadTitle(), page.DateVotes())
		r.noteListing(page, base, hint.URL, links) // the site answers (answered.go)
		return links, nil
	}
	a := page.Article(r.learn.options(hint))
	votes := extract.DateVotes{}
	votes.Add(page.DateVotes())
	votes.Add(a.DateVotes)
	r.learn.observe(page.HeadTitle(), votes)
	pend := r.learn.settle(a, page.HeadTitle(), resp.URL)
	files := r.fileLinks(a.Attachments, resp.URL)
	if a.NotDocument != "" {
		// A page about documents: its links lead to them; a document
		// an earlier run stored from it goes. Its files are fetched and
		// read all the same: a relation tab's files are its document's,
		// and a document page whose text is only its file, beside a
		// sidebar naming other documents, reads as one too (its file
		// is then the document).
		if r.ownDoc(resp.URL, *state) {
			r.retireDoc(resp.URL, state)
		}
		r.count(func(rep *Report) { rep.NotDocuments++ })
		if len(r.site.article) == 0 {
			r.noteListing(page, base, hint.URL, links) // no patterns: the site answers (answered.go)
		}
		r.c.log.Debug("not a document", "url", resp.URL, "why", a.NotDocument, "files", len(files))
		return append(links, files...), nil
	}
	// A page whose text is a line or two is an article when it carries
	// its document as a file ("Tệp đính kèm").
	noArticle := a.Title == "" || len(a.Body) < 40 && len(files) == 0
	if check, stored := r.softCheck(state, a, noArticle); check {
		if soft, sure, indep := r.soft404(page, base, stored); soft {
			if stored != nil && !stored.Gone && (state.Suspect == "" || !sure) {
				if !sure && indep {
					r.noteBlind(hint.URL) // settled at the run's end (suspects.go)
				}
				return nil, errSoftSuspect // a live document: confirmed by the next run, with evidence
			}
			return nil, errSoft404
		}
	}
	if noArticle {
		if len(r.site.article) == 0 {
			r.noteListing(page, base, hint.URL, links) // no patterns: the site answers (answered.go)
		}
		return links, fmt.Errorf("no article content on %s", resp.URL)
	}
	doc := ArticleDocument(resp.URL, r.site.Name, a)
	if !resp.Date.IsZero() {
		doc.FetchedAt = resp.Date.Truncate(time.Second)
	}
	r.c.adoptMu.Lock()
	r.adoptStoredFile(doc, files)
	if kd, keeper := r.caseTwin(resp.URL, doc); kd != nil { // casedup.go
		r.c.adoptMu.Unlock()
		r.alias(hint.URL, state, kd, keeper)
		return links, nil
	}
	ch, err := r.c.store.Put(doc)
	if err == nil {
		state.Alias = "" // its own document now
		err = r.noteFold(hint.URL, resp.URL)
	}
	r.c.adoptMu.Unlock()
	if err != nil {
		return links, err
	}
	if r.ownDoc(hint.URL, *state) && state.DocID != doc.ID {
		// The article moved (its URL redirects to its new address):
		// one document, at the new address.
		r.retireDoc(hint.URL, state)
	}
	state.DocID = doc.ID
	r.noteDocs(hint.URL) // evidence.go
	if ch == corpus.Unchanged {
		r.noteSteady(hint.URL, state.Stored) // answered.go
	} else {
		state.Stored = r.id
	}
	r.learn.observeMarks(pageMarks(page)) // a live article page (softmarks.go)
	r.addOps(hint.URL, pendingOp(r.site.Name, doc.ID, pend))
	r.countChange(ch)
	r.c.log.Debug("stored", "url", resp.URL, "doc_id", doc.ID, "change", ch.String())
	return append(links, files...), nil
}

// liveDoc reports whether id names a stored document that is not a
// tombstone.
func (r *run) liveDoc(id string) bool {
	if id == "" {
		return false
	}
	d, err := r.c.store.Get(id)
	return err == nil && d != nil && !d.Gone
}

// ownDoc reports whether u's state names the document stored from u's
// own address (not a redirect's target, which another URL may still
// serve).
func (r *run) ownDoc(u string, state urlState) bool {
	return state.DocID != "" && state.DocID == corpus.IDForURL(u)
}

// retireDoc makes the document of u's state a tombstone, counted gone, and
// clears the state's validators and archive reference. The state keeps
// the document's ID, as after a 404, so that the URL is asked again by
// the next runs: a page behind a maintenance redirect comes back.
func (r *run) retireDoc(u string, state *urlState) {
	if ch, err := r.c.store.MarkGone(state.DocID); err != nil {
		r.fail(u, "store", err)
		return
	} else if ch == corpus.Removed {
		r.count(func(rep *Report) { rep.Gone++ })
	}
	state.ETag, state.LastModified, state.WARC, state.Offset = "", "", "", 0
}

// countChange counts a stored document's change in the report.
func (r *run) countChange(ch corpus.Change) {
	r.count(func(rep *Report) {
		switch ch {
		case corpus.New:
			rep.New++
		case corpus.Changed:
			rep.Changed++
		default:
			rep.Unchanged++
		}
	})
}

// ArticleDocument turns an extracted article into a corpus document. When the
// page gave no document number and its title opens with a citation
// ("Kế hoạch số 45/KH-UBND ngày … của UBND tỉnh về …"), the page is that
// document: its type, number and issuer come from the title.
func ArticleDocument(pageURL, site string, a *extract.Article) *corpus.Document {
	d := &corpus.Document{
		URL: pageURL, Site: site, Title: a.Title, Published: a.Published, Summary: a.Summary,
		Body: a.Body, Category: a.Category, Type: a.Type, Number: a.Number, Issuer: a.Issuer,
		Attachments: a.Attachments, FetchedAt: time.Now().UTC().Truncate(time.Second),
		DateAmbiguous: a.DateAmbiguous,
	}
	if d.Number == "" {
		if refs := cite.ParseRefs(d.Title); len(refs) > 0 && refs[0].Start == 0 {
			r := refs[0]
			d.Type, d.Number = r.Type, r.Key
			if d.Issuer == "" {
				d.Issuer = r.Issuer
			}
		}
	}
	return d
}

func isHTML(resp *response) bool {
	ct := resp.Header.Get("Content-Type")
	if ct == "" {
		return filekind.OfURL(resp.URL) == filekind.Page
	}
	mt, _, _ := mime.ParseMediaType(ct)
	return mt == "text/html" || mt == "application/xhtml+xml"
}

func errorKind(err error) string {
	var se *statusError
	var ae *archiveError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("http_%d", se.Code)
	case errors.As(err, &ae):
		return "archive"
	case retryable(err):
		return "timeout"
	default:
		return "network"
	}
}

// pageLinks returns the links of a page to follow: feeds it announces and
// its non-attachment links, one per URL, with the longest anchor text the
// page gives it (a listing links a story from its picture, its title and
// "Xem chi tiết") and the first listing date beside it.
func pageLinks(page *extract.Page) []linkRef {
	out := refs(feedLinks(page))
	at := map[string]int{}
	for _, l := range page.Links() {
		if filekind.OfURL(l.URL) != filekind.Page { // files are recorded, not crawled
			continue
		}
		i, ok := at[l.URL]
		if !ok {
			at[l.URL] = len(out)
			out = append(out, linkRef{URL: l.URL, Text: l.Text, Date: l.Date})
			continue
		}
		if len(l.Text) > len(out[i].Text) {
			out[i].Text = l.Text
		}
		if out[i].Date == "" {
			out[i].Date = l.Date
		}
	}
	return out
}
