package crawler

import (
	"context"
	"encoding/json"
	"log/slog"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/vanban/vanban/corpus"
)

// KV namespaces of the crawl state in the store.
const (
	nsURL      = "crawl/url"      // URL → urlState
	nsFrontier = "crawl/frontier" // site \x00 URL → "" (queued, not yet done)
	nsRun      = "crawl/run"      // site → ID of the run in progress and its configuration (runs.go)
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
	// Parent is, for an attached file, the URL of the article that links
	// it (attach.go); Pending the Debian package of the missing tool the
	// file waits for.
	Parent  string `json:"parent,omitempty"`
	Pending string `json:"pending,omitempty"`
	// Misses counts the not-found answers in a row, the first and the
	// last of them at FirstMiss and LastMiss (missing.go).
	// Alias is the URL whose document this URL serves under another
	// spelling (casedup.go); DocID is that document's then.
	Alias string `json:"alias,omitempty"`
	// Suspect is the run that first read the page as a soft 404, or had
	// a 404, while its document was live (suspects.go); SuspectRuns the
	// runs in a row that did.
	Suspect     string `json:"suspect,omitempty"`
	SuspectRuns int    `json:"suspect_runs,omitempty"`
	// Stored is the run that stored the page's document as it is now
	// (answered.go steady); "" for a version stored before runs kept it.
	Stored    string    `json:"stored,omitempty"`
	Misses    int       `json:"misses,omitempty"`
	FirstMiss time.Time `json:"first_miss,omitzero"`
	LastMiss  time.Time `json:"last_miss,omitzero"`
	// Dropped is when the URL was first found allowed by no configured
	// site (dropped.go): its state is deleted missForget later.
	Dropped time.Time `json:"dropped,omitzero"`
}

// Report counts the outcome of crawling one site.
type Report struct {
	Name         string `json:"name"`
	Fetched      int    `json:"fetched"`      // 200 answers
	NotModified  int    `json:"not_modified"` // 304 answers
	New          int    `json:"new"`
	Changed      int    `json:"changed"`
	Unchanged    int    `json:"unchanged"`
	Gone         int    `json:"gone"`
	Failed       int    `json:"failed"`
	RobotsDenied int    `json:"robots_denied"`
	NotFound     int    `json:"not_found"`                // 404 and 410 answers (a known document's count in Gone too), soft 404s included
	SoftNotFound int    `json:"soft_not_found,omitempty"` // 200 answers that read as the site's page for what it lacks (soft404.go)
	SoftSuspect  int    `json:"soft_suspect,omitempty"`   // pages of live documents read as a soft 404 for the first time: kept, the next run decides (soft404.go)
	Probes       int    `json:"probes,omitempty"`         // requests for an address that cannot exist (soft404.go), not in Fetched; their bytes in Bytes
	// NotFoundSuspect counts live documents whose page answered 404
	// for the first time (page.go): kept, the next run decides.
	NotFoundSuspect int   `json:"not_found_suspect,omitempty"`
	Bytes           int64 `json:"bytes"`
	Pending         int   `json:"pending"`             // left in the frontier (deadline or --max-pages)
	Resolved        int   `json:"resolved,omitempty"`  // documents settled by what the site taught later (learn.go)
	TrapCut         int   `json:"trap_cut,omitempty"`  // links not followed: too many barren pages in a row (trap.go)
	Aliases         int   `json:"aliases,omitempty"`   // URLs found serving another URL's document under another spelling (casedup.go)
	NotAsked        int   `json:"not_asked,omitempty"` // missing URLs not asked again yet (missing.go)
	// Rechecked counts the article pages that stored no document asked
	// on their night of the week though no page linking them answered in
	// full (hubrecheck.go); RecheckDeferred those due that the night's
	// bound (hubRecheckMax, a share a host) left to a later week.
	Rechecked       int `json:"rechecked,omitempty"`
	RecheckDeferred int `json:"recheck_deferred,omitempty"`
	Forgotten       int `json:"forgotten,omitempty"` // missing URLs whose state was deleted (missing.go)
	// NotDocuments counts article pages that are about documents, not
	// documents (extract.Article.NotDocument: a list of the documents
	// related to one, with no text of its own): not stored, not failed,
	// their links followed.
	NotDocuments int            `json:"not_documents,omitempty"`
	Errors       map[string]int `json:"errors_by_kind,omitempty"`
	// Attached files (attach.go): read (their documents are counted in
	// New, Changed, Unchanged too), waiting for a missing tool, and not
	// readable, each of those with its URL and error (the first 200).
	Files        int         `json:"files"`
	FilesPending int         `json:"files_pending"`
	FilesFailed  int         `json:"files_failed"`
	FileErrors   []FileError `json:"file_errors,omitempty"`
	// FilePages counts file links that answered an HTML page (a viewer, a
	// login or error page) or a kind we do not read (a handler serving a
	// ZIP): not files read, not file errors (attach.go).
	FilePages int `json:"file_pages,omitempty"`
	// Adopted counts articles that took the header of the one file they
	// wrap (attach.go): a second write of an article already counted in
	// New, Changed or Unchanged, not a change of its own.
	Adopted int `json:"adopted,omitempty"`
	// DeadFiles are the site's attached files that answer 404 or 410
	// and that their articles still link, asked this run or not
	// (deadfiles.go): the first maxFileErrors, all counted in
	// DeadFileCount.
	DeadFiles     []DeadFile `json:"dead_files,omitempty"`
	DeadFileCount int        `json:"dead_file_count,omitempty"`
	// Suspects are the site's live documents whose page answers as if
	// it were gone, this run or before (suspects.go): the first
	// maxFileErrors, all counted in SuspectCount.
	Suspects     []Suspect `json:"suspects,omitempty"`
	SuspectCount int       `json:"suspect_count,omitempty"`
	// SuspectsNotReached counts the suspects this run did not reach
	// (Suspect.NotReached).
	SuspectsNotReached int `json:"suspects_not_reached,omitempty"`
	// SuspectsAwaitingEnd counts the suspects this run reached while it
	// did not end (its deadline, a page limit, a cancel): decided at the
	// end of the run resumed from its pending pages (evidence.go).
	SuspectsAwaitingEnd int `json:"suspects_awaiting_end,omitempty"`
	// RunEndedLate is the earlier run this Crawl decided before starting
	// its own: it finished its pages but was stopped (kill -9, a cancel)
	// before its end's decisions (evidence.go endLate). Its tombstones
	// are counted in Gone and SoftNotFound.
	RunEndedLate string `json:"run_ended_late,omitempty"`
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
	config    string      // Options.Config
	files     *filePool   // reads attached files beside the page workers
	warner    *ToolWarner // one warning per missing tool
	adoptMu   sync.Mutex  // orders the writes of an article and of the file it wraps
	// OnProgress, when set, is called after each page with the site's
	// running report.
	OnProgress func(Report)
	// now is the clock Limits.Deadline is read on; nil is time.Now (a
	// test sets it to pass the deadline at a chosen page, not at a time
	// the machine's load decides).
	now func() time.Time
	// hubNights, when set, is the period in nights of the weekly recheck
	// (hubrecheck.go): a test's 1 asks every such page every night.
	hubNights int
	// beforeEnd, when set, is called once a run has finished its pages,
	// before its end's decisions (a test hook: a kill placed there).
	beforeEnd func()
	// afterStep, when set, is called after each step of a run's end, with
	// the step's name and whether the end is a late one (endLate): a
	// test's kill placed inside the end.
	afterStep func(step string, late bool)
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
	// Files are the limits and the pool size of attached files.
	Files FileOptions
	// Config is the identity of the configuration the sites come from
	// (Config.Path, as PruneOptions.Config): a site's run belongs to the
	// configuration that began it (runs.go).
	Config string
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
		warcDir: opt.WARCDir, warcSize: opt.WARCSize, config: opt.Config,
		files: newFilePool(opt.Files), warner: NewToolWarner(opt.Logger)}
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
	r := newRun(c, ctx, site)
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
	r.fileWG.Wait() // the files still being read
	if err := r.refold(); err != nil {
		return r.report(), err
	}
	n, err := r.resolvePending()
	r.mu.Lock()
	r.rep.Pending = len(r.queue)
	r.rep.Resolved += n
	r.mu.Unlock()
	if err != nil {
		return r.report(), err
	}
	if r.rep.Pending == 0 && ctx.Err() == nil {
		// the night its end decides as, should it be ended late (endLate)
		ended := r.c.clock().UTC().Format(time.RFC3339Nano)
		if err := c.store.ApplyKV([]corpus.KVOp{r.evOp(evEnded, "", []byte(ended))}); err != nil {
			return r.report(), err
		}
	}
	if r.rep.Pending == 0 && ctx.Err() == nil && c.beforeEnd != nil {
		c.beforeEnd() // a test's kill or cancel, after the last page
	}
	if r.rep.Pending == 0 && ctx.Err() == nil {
		if err := r.end(); err != nil {
			return r.report(), err
		}
	}
	if err := r.reportDeadFiles(); err != nil {
		return r.report(), err
	}
	if err := r.reportSuspects(); err != nil {
		return r.report(), err
	}
	return r.report(), ctx.Err()
}

// newRun returns the state of a run of site, its ID not set yet.
func newRun(c *Crawler, ctx context.Context, site *Site) *run {
	r := &run{c: c, ctx: ctx, site: site, rep: Report{Name: site.Name}, seen: map[string]bool{},
		gone: map[string]bool{}, blind: map[string]bool{}, linked: map[string]bool{}, suspected: map[string]bool{}}
	r.cond = sync.NewCond(&r.mu)
	return r
}

// end takes a complete run's decisions, on the evidence of the whole run,
// its earlier parts' too (evidence.go), and closes the run.
func (r *run) end() error {
	for _, step := range []struct {
		name string
		do   func() error
	}{
		{"settleGone", r.settleGone},
		{"pruneDeadFiles", r.pruneDeadFiles},
		{"settleSuspects", r.settleSuspects},
		{"clearEvidence", r.clearEvidence},
		{"forgetMissing", r.forgetMissing},
	} {
		if err := step.do(); err != nil {
			return err
		}
		if r.c.afterStep != nil {
			r.c.afterStep(step.name, r.late) // a test's kill inside the end
		}
	}
	if err := r.c.store.PutKV(nsRun, r.site.Name, nil); err != nil {
		return err
	}
	r.ended = true
	return nil
}

// run is the state of one Crawl.
type run struct {
	c     *Crawler
	ctx   context.Context // the crawl's: cancelling it stops the reading of files
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
	// fileWG counts the run's files handed to the file pool.
	fileWG sync.WaitGroup
	// probes are the site's answers for pages that cannot exist, by
	// address shape (soft404.go); none when offline (re-extraction
	// from the archive asks the site nothing).
	probes  map[string]*probeAnswer
	routes  map[string]string // address shape → the query parameter routing it, "" for none (probeparam.go)
	offline bool
	// folds are the spellings (fold key → URLs) whose documents this run
	// stored apart, to compare again at its end; foldMem the holders this
	// run recorded, before their records are committed (casedup.go).
	folds   map[string][]string
	foldMem map[string]string
	// linked are the URLs a page of this run links; blind the pages
	// suspected this run on text alone against a reference that cannot
	// be their document (suspects.go).
	linked map[string]bool
	blind  map[string]bool
	// gone are the suspected pages that answered as gone again this
	// run, decided at its end (suspects.go settleGone).
	gone map[string]bool
	// listings are the fingerprints of the site's pages that are not
	// articles and answered this run as themselves, with links
	// (answered.go).
	listings []listing
	// steady is the oldest version (Stored) among the documents that
	// answered this run unchanged or 304, when steadyOK (answered.go).
	steady   string
	steadyOK bool
	// suspected are the site's URLs suspected when the run started
	// (their links are evidence: evidence.go); pastDocs and pastProbes
	// what the run's earlier parts recorded of the site's documents
	// answering and of its probe answers; docsNoted says this part
	// recorded the first.
	suspected map[string]bool
	pastDocs  bool
	// ended says the run reached its end and decided (Crawl); late
	// that it is an earlier run ended by this Crawl (endLate).
	ended      bool
	late       bool
	pagesEnded time.Time // when its pages all finished, for a late end (evEnded)
	pastProbes []fingerprints
	docsNoted  bool
	// dirs sums up the run's URLs by parent directory (soft404.go
	// slugDir).
	dirs map[string]*dirSummary
	// shapes are the run's URLs that carry a query, by address shape
	// (shapes.go); nil until a check needs them.
	shapes map[string][]shapeURL
}

// linkRef is a link to follow and what the page that held it said about
// it: the anchor text and the date printed beside it (frontier value).
type linkRef struct {
	URL  string `json:"-"`
	Text string `json:"t,omitempty"`
	Date string `json:"d,omitempty"`
	// Parent is, for an attached file, the article linking it.
	Parent string `json:"p,omitempty"`
	// Hops counts the barren pages in a row that led to the link (trap.go).
	Hops int `json:"h,omitempty"`
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
	return append(r.takeOps(u), r.learn.saveOps(false)...)
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
	rep.FileErrors = slices.Clone(rep.FileErrors)
	rep.DeadFiles = slices.Clone(rep.DeadFiles)
	rep.Suspects = slices.Clone(rep.Suspects)
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
	prevID, prevConfig := parseRun(prev)
	if prev != nil {
		own, err := r.runOwner(prevConfig, len(pending))
		if err != nil {
			return err
		}
		if !own {
			// the directory's own configuration takes over another's run
			r.c.log.Info("taking over a run another configuration began", "site", r.site.Name, "run", prevID, "config", prevConfig, "pending", len(pending))
			if err := r.discardRun(pending); err != nil {
				return err
			}
			prev, pending = nil, nil
		} else if prevConfig == "" && r.c.config != "" {
			// a run recorded before runs named their configuration
			if err := st.PutKV(nsRun, r.site.Name, runValue(prevID, r.c.config)); err != nil {
				return err
			}
		}
	}
	if prev != nil && len(pending) > 0 {
		r.id = prevID
		r.c.log.Info("resuming crawl", "site", r.site.Name, "run", r.id, "pending", len(pending))
		if err := r.openArchive(); err != nil {
			return err
		}
		if pending, err = r.canonicalFrontier(pending); err != nil {
			return err
		}
		for _, u := range pending {
			r.seen[u] = true
		}
		r.queue = pending
		if _, err := r.loadEvidence(); err != nil {
			return err
		}
		// The URLs the run's earlier parts finished are the run's as
		// much as its frontier: seen (not queued again), read by knownID
		// and routeParam (shapes.go) as a run read whole reads them.
		return st.ForEachKV(nsURL, func(u string, v []byte) error {
			s, err := decodeState(u, v)
			if err != nil || !r.ofSite(u, s) {
				return nil
			}
			if s.Run == r.id {
				r.seen[u] = true
			}
			if s.Suspect != "" && s.Parent == "" {
				r.suspected[u] = true
			}
			return nil
		})
	}
	if prev != nil {
		// its pages all finished, or none queued yet
		if err := r.endLate(prevID); err != nil {
			return err
		}
	}
	r.id = runID(time.Now())
	if err := r.clearEvidence(); err != nil {
		return err
	}
	if err := st.PutKV(nsRun, r.site.Name, runValue(r.id, r.c.config)); err != nil {
		return err
	}
	if err := r.openArchive(); err != nil {
		return err
	}
	seeds := refs(append(append([]string(nil), r.site.Start...), r.site.Feeds...))
	var dups []staleState
	own := map[string]urlState{} // URLs whose own document is stored (casedup.go)
	now := r.c.clock()
	dead, err := r.deadSet() // rechecked while their articles link them (deadfiles.go)
	if err != nil {
		return err
	}
	var hubs []string // article pages that stored no document, due tonight (hubrecheck.go)
	nights := r.c.recheckNights()
	err = st.ForEachKV(nsURL, func(u string, v []byte) error {
		// Recheck known pages (304, changed or gone), and pages whose state
		// is unreadable, so that process reports and repairs it; and the
		// site's known files, and those waiting for a tool.
		s, err := decodeState(u, v)
		if err == nil && s.Parent == "" && s.DocID != "" && s.DocID == corpus.IDForURL(u) && corpus.CanonicalURL(u) == u && r.site.admits(u) {
			own[u] = s
		}
		if err == nil && s.Suspect != "" && s.Parent == "" && r.site.admits(u) {
			r.suspected[u] = true // its links are evidence (evidence.go)
		}
		if err == nil && s.Parent == "" && corpus.CanonicalURL(u) != u {
			// Kept by an earlier version under a tracking URL (its
			// document's ID the one of that spelling, store format 5 and
			// before, or moved to the canonical URL's by the upgrade).
			dups = append(dups, staleState{u, s.DocID})
			seeds = append(seeds, linkRef{URL: u})
			return nil
		}
		switch {
		case s.Parent != "" && (s.recheckUnlinked(now) || s.Pending != "" || dead[u]) && r.ofSite(u, s):
			// the site's file as its parent page is (Site.admits: a
			// file of the home page or the feed too), the rule siteOwns
			// gives PruneDropped and forgetMissing
			seeds = append(seeds, linkRef{URL: u, Parent: s.Parent})
		case (err != nil || s.recheckUnlinked(now)) && r.site.admits(u):
			seeds = append(seeds, linkRef{URL: u})
		case err == nil && hubCandidate(r.site, u, s) && hubDue(u, now, nights):
			hubs = append(hubs, u)
		}
		return nil
	})
	if err != nil {
		return err
	}
	hubs, deferred := hubShares(hubs, now, hubRecheckMax)
	seeds = append(seeds, refs(hubs)...)
	r.count(func(rep *Report) { rep.Rechecked += len(hubs); rep.RecheckDeferred += deferred })
	if err := r.retire(dups); err != nil {
		return err
	}
	if err := r.foldStates(own); err != nil {
		return err
	}
	for _, s := range r.site.Start {
		if u, err := url.Parse(s); err == nil {
			seeds = append(seeds, refs(r.sitemapURLs(ctx, u))...)
		}
	}
	// the run's pages queued: from now on an empty frontier is a run
	// whose pages all finished (evidence.go endLate)
	return r.enqueue("", false, seeds, r.evOp(evQueued, "", nil))
}

// staleState is a crawl state kept under a URL that is not canonical, and
// the document it names.
type staleState struct{ url, doc string }

// retire removes the crawl states of URLs that are not canonical
// (corpus.CanonicalURL) and their documents: an earlier version stored a
// page shared with utm_source=… as a document of its own. The canonical
// URL is crawled in their place by the same run.
func (r *run) retire(stale []staleState) error {
	for _, st := range stale {
		u := st.url
		// A spelling whose document is the canonical URL's own (a
		// fragment, a host in capitals, or a document the store's
		// upgrade moved there) keeps it: only the state goes.
		if st.doc != "" && st.doc != corpus.IDForURL(u) {
			ch, err := r.c.store.MarkGone(st.doc)
			if err != nil {
				return err
			}
			if ch == corpus.Removed {
				r.count(func(rep *Report) { rep.Gone++ })
			}
		}
		if err := r.c.store.PutKV(nsURL, u, nil); err != nil {
			return err
		}
		r.c.log.Info("duplicate URL retired", "site", r.site.Name, "url", u, "canonical", corpus.CanonicalURL(u))
	}
	return nil
}

// canonicalFrontier returns the frontier of an interrupted run with its
// URLs canonical (an earlier version queued them as found), rewriting the
// entries that change.
func (r *run) canonicalFrontier(pending []string) ([]string, error) {
	var ops []corpus.KVOp
	out := pending[:0]
	seen := map[string]bool{}
	for _, u := range pending {
		c := corpus.CanonicalURL(u)
		if c != u {
			ops = append(ops, corpus.KVOp{NS: nsFrontier, Key: frontierKey(r.site.Name, u)})
			if !seen[c] {
				v := []byte{}
				if h, ok := r.hints[u]; ok {
					h.URL = c
					r.hints[c] = h
					v, _ = json.Marshal(h)
				}
				ops = append(ops, corpus.KVOp{NS: nsFrontier, Key: frontierKey(r.site.Name, c), Value: v})
			}
			delete(r.hints, u)
		}
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out, r.c.store.ApplyKV(ops)
}

// runID names a run by its start, in UTC with nine digits of fraction:
// RFC3339Nano drops trailing zeros, and the WARC files, named after the
// run, then sorted out of time order (…T142045.83Z after …T142045.830253Z).
func runID(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000000000Z07:00")
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
// transaction. fromDoc says from was stored as a document; the links of a
// chain of barren pages are cut (trap.go).
func (r *run) enqueue(from string, fromDoc bool, links []linkRef, extra ...corpus.KVOp) error {
	r.mu.Lock()
	if r.linked == nil {
		r.linked = map[string]bool{}
	}
	ops := extra
	var fresh []linkRef
	inFresh := map[string]bool{}
	for _, l := range links {
		u := corpus.CanonicalURL(l.URL)
		l.URL = u
		ok := r.site.admits(u)
		if l.Parent != "" {
			ok = r.site.fileAllowed(u)
		} else if ok && from != "" && u != from && !r.linked[u] {
			r.linked[u] = true // a page of the site links it (suspects.go)
			if r.suspected[u] {
				ops = append(ops, r.evOp(evLinked, u, nil))
			}
		}
		if !r.seen[u] && ok && !inFresh[u] {
			inFresh[u] = true
			fresh = append(fresh, l)
		}
	}
	hops := 0
	if from != "" {
		hops = barrenHops(from, r.hints[from].Hops, fromDoc, fresh)
	}
	var queued []string
	for _, l := range fresh {
		if hops > maxBarrenHops && l.Parent == "" {
			r.rep.TrapCut++
			continue
		}
		u := l.URL
		l.Hops = hops
		r.seen[u] = true
		r.addShape(u)
		queued = append(queued, u)
		v := []byte{}
		if l.Text != "" || l.Date != "" || l.Parent != "" || l.Hops > 0 {
			r.hints[u] = l
			v, _ = json.Marshal(l)
		}
		ops = append(ops, corpus.KVOp{NS: nsFrontier, Key: frontierKey(r.site.Name, u), Value: v})
	}
	r.mu.Unlock()
	if hops > maxBarrenHops {
		r.c.log.Debug("trap: links not followed", "site", r.site.Name, "url", from, "hops", hops)
	}
	if from != "" {
		ops = append(ops, corpus.KVOp{NS: nsFrontier, Key: frontierKey(r.site.Name, from)})
	}
	if err := r.c.store.ApplyKV(ops); err != nil {
		return err
	}
	r.mu.Lock()
	r.queue = append(r.queue, queued...)
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
			(!lim.Deadline.IsZero() && r.c.clock().After(lim.Deadline))
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

func (c *Crawler) clock() time.Time {
	if c.now != nil {
		return c.now()
	}
	return time.Now()
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
