package crawler

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"mime"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/crawler/extract"
)

// KV namespaces of the crawl state in the store.
const (
	nsURL      = "crawl/url"      // URL → urlState
	nsFrontier = "crawl/frontier" // site \x00 URL → "" (queued, not yet done)
	nsRun      = "crawl/run"      // site → ID of the run in progress
)

// urlState is what the crawler remembers of one URL between runs.
type urlState struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	DocID        string `json:"doc,omitempty"`
	Redirect     string `json:"redirect,omitempty"`
	Status       int    `json:"status,omitempty"`
	Run          string `json:"run"` // the last run that finished this URL
	// WARC and Offset locate the archived 200 response the document was
	// extracted from (see archive.go), for re-extraction.
	WARC   string `json:"warc,omitempty"`
	Offset int64  `json:"warc_offset,omitempty"`
	// Link is the anchor text and listing date of the link the URL was
	// found through, kept for re-extraction.
	Link *linkRef `json:"link,omitempty"`
}

// Report counts the outcome of crawling one site.
type Report struct {
	Name         string         `json:"name"`
	Fetched      int            `json:"fetched"`      // 200 answers
	NotModified  int            `json:"not_modified"` // 304 answers
	New          int            `json:"new"`
	Changed      int            `json:"changed"`
	Unchanged    int            `json:"unchanged"`
	Gone         int            `json:"gone"`
	Failed       int            `json:"failed"`
	RobotsDenied int            `json:"robots_denied"`
	Bytes        int64          `json:"bytes"`
	Pending      int            `json:"pending"`            // left in the frontier (deadline or --max-pages)
	Resolved     int            `json:"resolved,omitempty"` // documents settled by what the site taught later (learn.go)
	Errors       map[string]int `json:"errors_by_kind,omitempty"`
}

// Crawler crawls sites into a store. It is safe for one Crawl per site at a
// time; sites may be crawled concurrently.
type Crawler struct {
	store     *corpus.Store
	client    *http.Client
	log       *slog.Logger
	userAgent string
	policy    Policy
	gate      *gate
	robots    *robots
	warcDir   string
	warcSize  int64
	// OnProgress, when set, is called after each page with the site's
	// running report.
	OnProgress func(Report)
}

// Options configure a Crawler.
type Options struct {
	UserAgent string
	Policy    Policy
	Logger    *slog.Logger
	Client    *http.Client // default: a client with redirects followed (max 10)
	// WARCDir, when set, is where every response is archived as WARC
	// (DATA/warc); WARCSize is the rotation size (default 256 MB).
	WARCDir  string
	WARCSize int64
}

// New returns a crawler writing into store.
func New(store *corpus.Store, opt Options) *Crawler {
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	if opt.UserAgent == "" {
		opt.UserAgent = defaultUserAgent
	}
	if opt.Client == nil {
		opt.Client = &http.Client{Transport: &http.Transport{
			Proxy: http.ProxyFromEnvironment, MaxIdleConnsPerHost: 4,
			ResponseHeaderTimeout: 60 * time.Second, IdleConnTimeout: 30 * time.Second,
		}}
	}
	// Redirects are followed by the crawler itself, and every request,
	// redirect hops included, passes the host gate inside the transport.
	policy := opt.Policy.withDefaults()
	g := newGate()
	client := *opt.Client
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	next := client.Transport
	if next == nil {
		next = http.DefaultTransport
	}
	client.Transport = &gateTransport{gate: g, timeout: policy.Timeout, next: next}
	opt.Client = &client
	return &Crawler{store: store, client: opt.Client, log: opt.Logger, userAgent: opt.UserAgent,
		policy: policy, gate: g, robots: newRobots(),
		warcDir: opt.WARCDir, warcSize: opt.WARCSize}
}

// Limits bound one Crawl.
type Limits struct {
	MaxPages int       // pages to process in this call; 0 = no limit
	Deadline time.Time // stop dequeuing at this time; in-flight pages finish
}

// Crawl crawls one site. A run interrupted by a deadline, a page limit, a
// cancelled context or a killed process is resumed by the next Crawl from
// the persisted frontier, without refetching what it finished.
func (c *Crawler) Crawl(ctx context.Context, site *Site, lim Limits) (Report, error) {
	r := &run{c: c, site: site, rep: Report{Name: site.Name}, seen: map[string]bool{}}
	r.cond = sync.NewCond(&r.mu)
	err := r.begin()
	if err == nil {
		err = r.start(ctx)
	}
	if r.arch != nil {
		defer r.arch.Close()
	}
	if err != nil {
		return r.rep, err
	}
	workers := min(max(site.Concurrency, 1), MaxConcurrency)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.work(ctx, lim)
		}()
	}
	wg.Wait()
	n, err := r.resolvePending()
	r.mu.Lock()
	r.rep.Pending = len(r.queue)
	r.rep.Resolved += n
	r.mu.Unlock()
	if err != nil {
		return r.report(), err
	}
	if r.rep.Pending == 0 && ctx.Err() == nil {
		if err := c.store.PutKV(nsRun, site.Name, nil); err != nil {
			return r.report(), err
		}
	}
	return r.report(), ctx.Err()
}

// run is the state of one Crawl.
type run struct {
	c     *Crawler
	site  *Site
	id    string
	mu    sync.Mutex
	cond  *sync.Cond
	queue []string
	seen  map[string]bool
	busy  int
	done  int
	rep   Report
	arch  *archive // nil when not archiving
	learn *learner
	hints map[string]linkRef       // URL → the link that led to it
	ops   map[string][]corpus.KVOp // URL → writes to commit when it is finished
}

// linkRef is a link to follow and what the page that held it said about
// it: the anchor text and the date printed beside it (frontier value).
type linkRef struct {
	URL  string `json:"-"`
	Text string `json:"t,omitempty"`
	Date string `json:"d,omitempty"`
}

func refs(urls []string) []linkRef {
	out := make([]linkRef, len(urls))
	for i, u := range urls {
		out[i].URL = u
	}
	return out
}

// begin loads what the crawler learned about the site in earlier runs.
func (r *run) begin() error {
	l, err := loadLearner(r.c.store, r.site)
	r.learn, r.hints, r.ops = l, map[string]linkRef{}, map[string][]corpus.KVOp{}
	return err
}

// addOps queues writes to commit with the URL's state.
func (r *run) addOps(u string, ops ...corpus.KVOp) {
	r.mu.Lock()
	r.ops[u] = append(r.ops[u], ops...)
	r.mu.Unlock()
}

// takeOps returns the writes queued for u.
func (r *run) takeOps(u string) []corpus.KVOp {
	r.mu.Lock()
	defer r.mu.Unlock()
	ops := r.ops[u]
	delete(r.ops, u)
	return ops
}

// finishOps returns the writes to commit with u's state: those queued for
// it and the site state when it changed.
func (r *run) finishOps(u string) []corpus.KVOp {
	return append(r.takeOps(u), r.learn.saveOps()...)
}

// hint returns what the link to u said about it (URL is u).
func (r *run) hint(u string) linkRef {
	r.mu.Lock()
	defer r.mu.Unlock()
	h := r.hints[u]
	h.URL = u
	return h
}

func (r *run) report() Report {
	r.mu.Lock()
	defer r.mu.Unlock()
	rep := r.rep
	rep.Errors = maps.Clone(rep.Errors)
	return rep
}

func frontierKey(site, u string) string { return site + "\x00" + u }

// start resumes the frontier of an interrupted run, or starts a new run
// from the seeds, the sitemaps and every known page of the site.
func (r *run) start(ctx context.Context) error {
	st := r.c.store
	prev, err := st.GetKV(nsRun, r.site.Name)
	if err != nil {
		return err
	}
	var pending []string
	err = st.ForEachKV(nsFrontier, func(k string, v []byte) error {
		if site, u, ok := strings.Cut(k, "\x00"); ok && site == r.site.Name {
			pending = append(pending, u)
			var h linkRef
			if len(v) > 0 && json.Unmarshal(v, &h) == nil {
				r.hints[u] = h
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if prev != nil && len(pending) > 0 {
		r.id = string(prev)
		r.c.log.Info("resuming crawl", "site", r.site.Name, "run", r.id, "pending", len(pending))
		if err := r.openArchive(); err != nil {
			return err
		}
		for _, u := range pending {
			r.seen[u] = true
		}
		r.queue = pending
		return nil
	}
	r.id = time.Now().UTC().Format(time.RFC3339Nano)
	if err := st.PutKV(nsRun, r.site.Name, []byte(r.id)); err != nil {
		return err
	}
	if err := r.openArchive(); err != nil {
		return err
	}
	seeds := append(append([]string(nil), r.site.Start...), r.site.Feeds...)
	err = st.ForEachKV(nsURL, func(u string, v []byte) error {
		// Recheck known pages (304, changed or gone), and pages whose state
		// is unreadable, so that process reports and repairs it.
		if s, err := decodeState(u, v); (err != nil || s.DocID != "") && r.site.allowed(u) {
			seeds = append(seeds, u)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, s := range r.site.Start {
		if u, err := url.Parse(s); err == nil {
			seeds = append(seeds, r.sitemapURLs(ctx, u)...)
		}
	}
	return r.enqueue("", refs(seeds))
}

func (r *run) openArchive() error {
	if r.c.warcDir == "" {
		return nil
	}
	a, err := openArchive(r.c.warcDir, r.site.Name, r.id, r.c.warcSize)
	r.arch = a
	return err
}

// enqueue adds the unseen allowed URLs (and the configured start and feed
// URLs, allowed or not) to the frontier, durably, with their anchor text
// and listing date, marking from (when not empty) done in the same
// transaction.
func (r *run) enqueue(from string, links []linkRef, extra ...corpus.KVOp) error {
	r.mu.Lock()
	var fresh []string
	ops := extra
	for _, l := range links {
		u := l.URL
		if !r.seen[u] && (r.site.allowed(u) || slices.Contains(r.site.Start, u) || slices.Contains(r.site.Feeds, u)) {
			r.seen[u] = true
			fresh = append(fresh, u)
			v := []byte{}
			if l.Text != "" || l.Date != "" {
				r.hints[u] = l
				v, _ = json.Marshal(l)
			}
			ops = append(ops, corpus.KVOp{NS: nsFrontier, Key: frontierKey(r.site.Name, u), Value: v})
		}
	}
	r.mu.Unlock()
	if from != "" {
		ops = append(ops, corpus.KVOp{NS: nsFrontier, Key: frontierKey(r.site.Name, from)})
	}
	if err := r.c.store.ApplyKV(ops); err != nil {
		return err
	}
	r.mu.Lock()
	r.queue = append(r.queue, fresh...)
	r.cond.Broadcast()
	r.mu.Unlock()
	return nil
}

// work processes queued URLs until the queue is empty and no page is in
// flight, the limits are reached or ctx is done.
func (r *run) work(ctx context.Context, lim Limits) {
	for {
		r.mu.Lock()
		for len(r.queue) == 0 && r.busy > 0 {
			r.cond.Wait()
		}
		stop := len(r.queue) == 0 || ctx.Err() != nil ||
			(lim.MaxPages > 0 && r.done >= lim.MaxPages) ||
			(!lim.Deadline.IsZero() && time.Now().After(lim.Deadline))
		if stop {
			r.cond.Broadcast()
			r.mu.Unlock()
			return
		}
		u := r.queue[0]
		r.queue = r.queue[1:]
		r.busy++
		r.done++
		r.mu.Unlock()

		r.process(ctx, u)

		r.mu.Lock()
		r.busy--
		r.cond.Broadcast()
		r.mu.Unlock()
		if r.c.OnProgress != nil {
			r.c.OnProgress(r.report())
		}
	}
}

func (r *run) count(f func(*Report)) {
	r.mu.Lock()
	f(&r.rep)
	r.mu.Unlock()
}

func (r *run) fail(u, kind string, err error) {
	r.c.log.Warn("page failed", "site", r.site.Name, "url", u, "kind", kind, "err", err)
	r.count(func(rep *Report) {
		rep.Failed++
		if rep.Errors == nil {
			rep.Errors = map[string]int{}
		}
		rep.Errors[kind]++
	})
}

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
	finish := func(links []linkRef) {
		state.Run = r.id
		v, _ := json.Marshal(state)
		if err := r.enqueue(raw, links, append(r.finishOps(raw), corpus.KVOp{NS: nsURL, Key: raw, Value: v})...); err != nil {
			r.fail(raw, "store", err)
		}
	}
	if state.Run == r.id { // finished earlier in this run (before a crash)
		finish(nil)
		return
	}
	u, err := url.Parse(raw)
	if err != nil {
		r.fail(raw, "url", err)
		finish(nil)
		return
	}
	delay := r.c.hostDelay(ctx, u, r.site.Delay.Duration)
	if ok, err := r.c.robotsAllowed(ctx, u, delay); ctx.Err() != nil {
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
	resp, err := r.c.fetch(ctx, delay, raw, conditional{ETag: state.ETag, LastModified: state.LastModified}, r.arch)
	if err != nil && ctx.Err() != nil {
		return
	}
	if err != nil {
		r.fail(raw, errorKind(err), err)
		finish(nil)
		return
	}
	state.Status = resp.Status
	switch resp.Status {
	case http.StatusNotModified:
		r.count(func(rep *Report) { rep.NotModified++ })
		finish(nil)
		return
	case http.StatusNotFound, http.StatusGone:
		if state.DocID != "" {
			if ch, err := st.MarkGone(state.DocID); err != nil {
				r.fail(raw, "store", err)
			} else if ch == corpus.Removed {
				r.count(func(rep *Report) { rep.Gone++ })
			}
		}
		state.ETag, state.LastModified, state.WARC, state.Offset = "", "", "", 0
		finish(nil)
		return
	}
	r.count(func(rep *Report) { rep.Fetched++; rep.Bytes += int64(len(resp.Body)) })
	if resp.URL != raw {
		state.Redirect = resp.URL
		if !r.site.allowed(resp.URL) {
			finish(nil)
			return
		}
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
	links, err := r.store(resp, &state, r.hint(raw))
	if err != nil {
		r.fail(raw, "store", err)
	}
	state.ETag, state.LastModified = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	finish(links)
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
		return links, nil
	}
	a := page.Article(r.learn.options(hint))
	votes := extract.DateVotes{}
	votes.Add(page.DateVotes())
	votes.Add(a.DateVotes)
	r.learn.observe(page.HeadTitle(), votes)
	pend := r.learn.settle(a, page.HeadTitle(), resp.URL)
	if a.Title == "" || len(a.Body) < 40 {
		return links, fmt.Errorf("no article content on %s", resp.URL)
	}
	doc := document(resp.URL, r.site.Name, a)
	if !resp.Date.IsZero() {
		doc.FetchedAt = resp.Date.Truncate(time.Second)
	}
	ch, err := r.c.store.Put(doc)
	if err != nil {
		return links, err
	}
	state.DocID = doc.ID
	r.addOps(hint.URL, pendingOp(r.site.Name, doc.ID, pend))
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
	r.c.log.Debug("stored", "url", resp.URL, "doc_id", doc.ID, "change", ch.String())
	return links, nil
}

// document turns an extracted article into a corpus document. When the
// page gave no document number and its title opens with a citation
// ("Kế hoạch số 45/KH-UBND ngày … của UBND tỉnh về …"), the page is that
// document: its type, number and issuer come from the title.
func document(pageURL, site string, a *extract.Article) *corpus.Document {
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
		return !isAttachment(resp.URL)
	}
	mt, _, _ := mime.ParseMediaType(ct)
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// isAttachment reports links to files that are recorded, not crawled.
func isAttachment(u string) bool {
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	switch strings.ToLower(path.Ext(p.Path)) {
	case ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".zip", ".rar", ".7z", ".odt", ".rtf",
		".jpg", ".jpeg", ".png", ".gif", ".mp4", ".mp3":
		return true
	}
	return false
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
		if isAttachment(l.URL) {
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
