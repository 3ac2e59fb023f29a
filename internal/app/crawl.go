package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler"
)

// crawlReport is the JSON written by --report.
type crawlReport struct {
	Started  time.Time        `json:"started"`
	Finished time.Time        `json:"finished"`
	Sites    []crawler.Report `json:"sites"`
	// Dropped is what the crawl did with the records of sites no longer
	// configured (crawler/dropped.go).
	Dropped crawler.Dropped `json:"dropped,omitzero"`
	// OtherRun are the sites not crawled, each with the sites file that
	// began its run in progress (crawler.ErrOtherRun).
	OtherRun map[string]string `json:"other_run,omitempty"`
}

// failure is why the crawl ends with an error (exit 1): its failed pages
// and the sites it was refused; nil when there are none.
func (r *crawlReport) failure() error {
	var parts []string
	if n := len(r.OtherRun); n > 0 {
		parts = append(parts, fmt.Sprintf("%s not crawled (a run in progress another sites file began)", count(n, "site")))
	}
	if n := r.failed(); n > 0 {
		parts = append(parts, fmt.Sprintf("%d pages failed", n))
	}
	if len(parts) == 0 {
		return nil
	}
	return errors.New(strings.Join(parts, ", "))
}

// otherRunSummary is the summary's clause on the sites refused for
// another file's run, empty when there were none.
func otherRunSummary(other map[string]string) string {
	if len(other) == 0 {
		return ""
	}
	names := slices.Sorted(maps.Keys(other))
	for i, n := range names {
		names[i] = n + " (" + other[n] + ")"
	}
	return ", not crawled, its run in progress begun by another sites file: " + strings.Join(names, ", ") + " (crawl it with that file, or with --prune to take it over)"
}

func (r *crawlReport) failed() int {
	n := 0
	for _, s := range r.Sites {
		n += s.Failed
	}
	return n
}

// droppedSummary is the summary's clause on the records of sites no
// longer configured (crawler/dropped.go), empty when there were none.
func droppedSummary(d crawler.Dropped) string {
	if d.Other != "" {
		return ", nothing aged of sites this configuration lacks: the data directory's is " + d.Other + " (crawl with --prune to make this one its own)"
	}
	var kept, deleted []string
	if d.RunsKept > 0 {
		kept = append(kept, count(d.RunsKept, "run")+" in progress")
	}
	if d.Kept > 0 {
		kept = append(kept, count(d.Kept, "URL state"))
	}
	if d.Runs > 0 {
		deleted = append(deleted, fmt.Sprintf("%s in progress with %s and %s", count(d.Runs, "run"), count(d.Frontier, "queued page"), count(d.Evidence, "evidence record")))
	}
	if d.Deleted > 0 {
		deleted = append(deleted, count(d.Deleted, "URL state"))
	}
	var parts []string
	if len(kept) > 0 {
		parts = append(parts, "kept a month (a site re-added resumes): "+strings.Join(kept, ", "))
	}
	if len(deleted) > 0 {
		parts = append(parts, "deleted after the month: "+strings.Join(deleted, ", "))
	}
	if d.Restored > 0 {
		parts = append(parts, count(d.Restored, "URL state")+" admitted again")
	}
	if len(parts) == 0 && len(d.Sites) > 0 {
		parts = append(parts, "their learned state kept a month") // no run, no page of their own
	}
	if len(parts) == 0 {
		return ""
	}
	whose := "records of pages no configured site admits"
	if len(d.Sites) > 0 {
		whose = "records of sites no longer configured (" + strings.Join(d.Sites, ", ") + ")"
	}
	return ", " + whose + ": " + strings.Join(parts, "; ")
}

func (r *crawlReport) summary() string {
	var t crawler.Report
	for _, s := range r.Sites {
		t.Fetched += s.Fetched
		t.NotModified += s.NotModified
		t.New += s.New
		t.Changed += s.Changed
		t.Unchanged += s.Unchanged
		t.Gone += s.Gone
		t.Failed += s.Failed
		t.RobotsDenied += s.RobotsDenied
		t.NotFound += s.NotFound
		t.TrapCut += s.TrapCut
		t.NotDocuments += s.NotDocuments
		t.SoftNotFound += s.SoftNotFound
		t.SoftSuspect += s.SoftSuspect
		t.NotFoundSuspect += s.NotFoundSuspect
		t.SuspectCount += s.SuspectCount
		t.SuspectsNotReached += s.SuspectsNotReached
		t.SuspectsAwaitingEnd += s.SuspectsAwaitingEnd
		t.Probes += s.Probes
		t.Aliases += s.Aliases
		t.NotAsked += s.NotAsked
		t.Forgotten += s.Forgotten
		t.Rechecked += s.Rechecked
		t.RecheckDeferred += s.RecheckDeferred
		t.Bytes += s.Bytes
		t.Pending += s.Pending
		t.Files += s.Files
		t.FilesPending += s.FilesPending
		t.FilesFailed += s.FilesFailed
		t.FilePages += s.FilePages
		t.Adopted += s.Adopted
		t.DeadFileCount += s.DeadFileCount
	}
	more := ""
	if t.Files+t.FilesPending+t.FilesFailed > 0 {
		more = fmt.Sprintf(", files: %d read, %d waiting for a tool, %d not read (unreadable, dead or down)", t.Files, t.FilesPending, t.FilesFailed)
	}
	if t.Adopted > 0 {
		more += fmt.Sprintf(", %d articles took their file's header", t.Adopted)
	}
	if t.DeadFileCount > 0 { // asked this run or not (crawler/deadfiles.go)
		more += fmt.Sprintf(", %d dead attachments still linked (vanban status names them)", t.DeadFileCount)
	}
	// Answers the counts above leave out: 404s of links never stored,
	// and links not followed as a crawler trap (trap.go).
	if t.NotFound > 0 {
		more += fmt.Sprintf(", %d not found", t.NotFound)
		if t.SoftNotFound > 0 {
			more += fmt.Sprintf(" (%d of them a 200 reading as the site's missing page)", t.SoftNotFound)
		}
	}
	if t.SoftSuspect > 0 {
		more += fmt.Sprintf(", %d documents whose page read as the site's missing page (kept; crawler/suspects.go decides)", t.SoftSuspect)
	}
	if t.NotFoundSuspect > 0 {
		more += fmt.Sprintf(", %d documents whose page answered 404 for the first time (kept; the next run decides)", t.NotFoundSuspect)
	}
	if t.SuspectCount > 0 { // this run's or earlier (crawler/suspects.go)
		more += fmt.Sprintf(", %d suspected documents kept (vanban status names them)", t.SuspectCount)
		if t.SuspectsNotReached > 0 {
			more += fmt.Sprintf(", %d of them not reached by this run (its deadline: the next run that reaches them decides)", t.SuspectsNotReached)
		}
		if t.SuspectsAwaitingEnd > 0 { // a stopped run decides nothing (crawler/evidence.go)
			more += fmt.Sprintf(", %d of them reached by this stopped run (decided at the end of the run, resumed from the %d pending pages)", t.SuspectsAwaitingEnd, t.Pending)
		}
	}
	late := 0
	for _, s := range r.Sites {
		if s.RunEndedLate != "" {
			late++
		}
	}
	if late > 0 { // killed or cancelled before their end (crawler/evidence.go endLate)
		its := "its"
		if late > 1 {
			its = "their"
		}
		more += fmt.Sprintf(", %s stopped after %s last page decided (tombstones counted in gone)", count(late, "earlier run"), its)
	}
	more += droppedSummary(r.Dropped)
	more += otherRunSummary(r.OtherRun)
	if t.Probes > 0 { // requests beside the pages (soft404.go)
		more += fmt.Sprintf(", %d soft-404 probes", t.Probes)
	}
	if t.Aliases > 0 {
		more += fmt.Sprintf(", %d URLs another spelling of a stored document's", t.Aliases)
	}
	if t.TrapCut > 0 {
		more += fmt.Sprintf(", %d trap links not followed", t.TrapCut)
	}
	// Missing URLs not asked again yet, and those forgotten (missing.go).
	if t.NotAsked > 0 {
		more += fmt.Sprintf(", %d missing not asked (weekly)", t.NotAsked)
	}
	if t.Forgotten > 0 {
		more += fmt.Sprintf(", %d missing forgotten", t.Forgotten)
	}
	// Article pages that stored no document, asked on their night of the
	// week, and those the night's bound left to a later week
	// (crawler/hubrecheck.go).
	if t.Rechecked+t.RecheckDeferred > 0 {
		more += fmt.Sprintf(", %d article pages without a document rechecked (weekly)", t.Rechecked)
		if t.RecheckDeferred > 0 {
			more += fmt.Sprintf(", %d more due left to a later week (the night's bound)", t.RecheckDeferred)
		}
	}
	if t.FilePages > 0 {
		more += fmt.Sprintf(", %d file links gave a page or a kind not read", t.FilePages)
	}
	if t.NotDocuments > 0 {
		more += fmt.Sprintf(", %d pages about documents not stored", t.NotDocuments)
	}
	return fmt.Sprintf("crawl: %d sites, %d fetched, %d not modified, %d new, %d changed, %d unchanged, %d gone, %d failed, %d robots-denied, %.1f MB, %d pending%s, %s",
		len(r.Sites), t.Fetched, t.NotModified, t.New, t.Changed, t.Unchanged, t.Gone, t.Failed, t.RobotsDenied, float64(t.Bytes)/1e6, t.Pending, more, r.Finished.Sub(r.Started).Round(time.Millisecond))
}

// fileErrors lists the files of the run that could not be read, one line
// each.
func (r *crawlReport) fileErrors() string {
	var b strings.Builder
	for _, s := range r.Sites {
		for _, f := range s.FileErrors {
			fmt.Fprintf(&b, "file not read (%s): %s\n", f.Kind, f.Error)
		}
	}
	return b.String()
}

// SitesOptions are the sites file a crawl reads and whether it becomes
// the data directory's own: the options `vanban crawl` and `vanban
// nightly` share, with one meaning (cmd/vanban sitesFlags registers them).
type SitesOptions struct {
	Config string // sites file (TOML)
	// Prune makes Config the data directory's configuration: only its
	// crawls age and delete the records of sites it lacks
	// (crawler.PruneDropped), and they take over a site's run another
	// configuration began (crawler.ErrOtherRun).
	Prune bool
}

// pruneOptions are the crawler.PruneOptions of a crawl of cfg, the
// configuration loaded from o.Config.
func (o SitesOptions) pruneOptions(cfg *crawler.Config) crawler.PruneOptions {
	return crawler.PruneOptions{Config: cfg.Path, Adopt: o.Prune}
}

// CrawlOptions are the options of `vanban crawl`.
type CrawlOptions struct {
	SitesOptions
	Site     string        // crawl only this site ("": all)
	Deadline time.Duration // stop dequeuing after this long (0: none)
	MaxPages int           // pages per site in this run (0: no limit)
	Report   string        // write the JSON report to this file ("": none)
	Verbose  bool          // log every page
}

// RunCrawl crawls the configured sites into the store, all at once, each at
// its own politeness. It fails when some pages failed (after the report is
// written).
func RunCrawl(ctx context.Context, e *Env, opts CrawlOptions) error {
	cfg, err := loadConfig(opts.Config)
	if err != nil {
		return err
	}
	sites, err := selectSites(cfg, opts.Site)
	if err != nil {
		return err
	}
	store, err := openStore(ctx, e, false)
	if err != nil {
		return err
	}
	defer store.Close()
	lim := crawler.Limits{MaxPages: opts.MaxPages}
	if opts.Deadline > 0 {
		lim.Deadline = time.Now().Add(opts.Deadline)
	}
	rep := runCrawl(ctx, e, store, cfg, sites, lim, opts.pruneOptions(cfg), logger(e.Stderr, opts.Verbose))
	fmt.Fprint(e.Stderr, rep.fileErrors())
	fmt.Fprintln(e.Stderr, rep.summary())
	if err := writeReport(opts.Report, rep); err != nil {
		return err
	}
	return rep.failure()
}

// runCrawl crawls the sites concurrently (each at its own politeness).
// prune says whose configuration cfg is (crawler.PruneDropped).
func runCrawl(ctx context.Context, e *Env, store *corpus.Store, cfg *crawler.Config, sites []*crawler.Site, lim crawler.Limits, prune crawler.PruneOptions, log *slog.Logger) *crawlReport {
	rep := &crawlReport{Started: time.Now().UTC(), Sites: make([]crawler.Report, len(sites))}
	for i, s := range sites {
		rep.Sites[i].Name = s.Name
	}
	// the records of sites no longer configured, whichever sites this
	// crawl selects, when cfg is the data directory's configuration
	// (crawler/dropped.go)
	if d, err := crawler.PruneDropped(ctx, store, cfg.Sites, time.Now(), prune); err != nil {
		log.Error("pruning the records of sites no longer configured", "err", err)
	} else {
		rep.Dropped = d
	}
	c := crawler.New(store, crawler.Options{UserAgent: cfg.UserAgent, Logger: log, WARCDir: warcDir(e), Files: cfg.Files.Options(),
		Config: prune.Config}) // a site's run is its configuration's (crawler.ErrOtherRun)
	prog := newSiteProgress(e.Stderr)
	var mu sync.Mutex
	c.OnProgress = func(r crawler.Report) {
		mu.Lock()
		defer mu.Unlock()
		for i, s := range sites {
			if s.Name == r.Name {
				rep.Sites[i] = r
			}
		}
		prog.update(figures(rep.Sites), false)
	}
	var wg sync.WaitGroup
	for i, s := range sites {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := c.Crawl(ctx, s, lim)
			var other *crawler.OtherRunError
			refused := errors.As(err, &other)
			if err != nil && !errors.Is(err, context.Canceled) {
				log.Error("site crawl failed", "site", s.Name, "err", err)
				if !refused { // a site refused is said as such (OtherRun)
					r.Failed++
				}
			}
			mu.Lock()
			if refused {
				if rep.OtherRun == nil {
					rep.OtherRun = map[string]string{}
				}
				rep.OtherRun[s.Name] = other.Config
			}
			rep.Sites[i] = r
			mu.Unlock()
		}()
	}
	wg.Wait()
	prog.done(figures(rep.Sites))
	rep.Finished = time.Now().UTC()
	return rep
}

func figures(reps []crawler.Report) []siteFigures {
	out := make([]siteFigures, len(reps))
	for i, r := range reps {
		out[i] = siteFigures{name: r.Name, pages: r.Fetched + r.NotModified + r.Failed, fresh: r.New,
			changed: r.Changed, errors: r.Failed, bytes: r.Bytes}
	}
	return out
}
