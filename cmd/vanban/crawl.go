package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler"
)

// Exit codes of crawl (and nightly), after sysexits.h.
const (
	exitPartial   = 1  // some pages failed
	exitBadConfig = 78 // EX_CONFIG
)

// crawlReport is the JSON written by --report.
type crawlReport struct {
	Started  time.Time        `json:"started"`
	Finished time.Time        `json:"finished"`
	Sites    []crawler.Report `json:"sites"`
}

func (r *crawlReport) failed() int {
	n := 0
	for _, s := range r.Sites {
		n += s.Failed
	}
	return n
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
		t.Bytes += s.Bytes
		t.Pending += s.Pending
	}
	return fmt.Sprintf("crawl: %d sites, %d fetched, %d not modified, %d new, %d changed, %d unchanged, %d gone, %d failed, %d robots-denied, %.1f MB, %d pending, %s",
		len(r.Sites), t.Fetched, t.NotModified, t.New, t.Changed, t.Unchanged, t.Gone, t.Failed, t.RobotsDenied, float64(t.Bytes)/1e6, t.Pending, r.Finished.Sub(r.Started).Round(time.Millisecond))
}

func cmdCrawl() *command {
	c := &command{name: "crawl", usage: "--config FILE [--site NAME] [--deadline DURATION] [--max-pages N] [--report FILE]",
		short: "crawl the configured portals into the store (incremental, resumable)"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		fs := newFlags(e, c)
		config := fs.String("config", "", "sites `FILE` (TOML, one [[site]] table per portal)")
		only := fs.String("site", "", "crawl only the site `NAME`")
		deadline := fs.Duration("deadline", 0, "stop dequeuing after `DURATION`, finish in-flight pages, save the frontier")
		maxPages := fs.Int("max-pages", 0, "process at most `N` pages per site in this run (0: no limit)")
		reportPath := fs.String("report", "", "write a JSON report to `FILE`")
		verbose := fs.Bool("v", false, "log every page")
		if _, err := parseFlags(fs, args); err != nil {
			return err
		}
		if *config == "" {
			fs.Usage()
			return errUsage
		}
		cfg, err := loadConfig(*config)
		if err != nil {
			return err
		}
		sites, err := selectSites(cfg, *only)
		if err != nil {
			return &exitError{code: exitBadConfig, err: err}
		}
		store, err := openStore(e, false)
		if err != nil {
			return err
		}
		defer store.Close()
		lim := crawler.Limits{MaxPages: *maxPages}
		if *deadline > 0 {
			lim.Deadline = time.Now().Add(*deadline)
		}
		rep := runCrawl(ctx, e, store, cfg.UserAgent, sites, lim, logger(e.stderr, *verbose))
		return finishCrawl(e, rep, *reportPath)
	}
	return c
}

func selectSites(cfg *crawler.Config, only string) ([]*crawler.Site, error) {
	if only == "" {
		return cfg.Sites, nil
	}
	for _, s := range cfg.Sites {
		if s.Name == only {
			return []*crawler.Site{s}, nil
		}
	}
	return nil, fmt.Errorf("no site %q in the config", only)
}

// logger logs to w: text when w is a terminal, JSON otherwise.
func logger(w io.Writer, verbose bool) *slog.Logger {
	level := slog.LevelWarn
	if verbose {
		level = slog.LevelDebug
	}
	opts := &slog.HandlerOptions{Level: level}
	if isTerminal(w) {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}

// runCrawl crawls the sites concurrently (each at its own politeness).
func runCrawl(ctx context.Context, e *env, store *corpus.Store, ua string, sites []*crawler.Site, lim crawler.Limits, log *slog.Logger) *crawlReport {
	rep := &crawlReport{Started: time.Now().UTC(), Sites: make([]crawler.Report, len(sites))}
	for i, s := range sites {
		rep.Sites[i].Name = s.Name
	}
	c := crawler.New(store, crawler.Options{UserAgent: ua, Logger: log, WARCDir: warcDir(e)})
	prog := newSiteProgress(e.stderr)
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
			if err != nil && !errors.Is(err, context.Canceled) {
				log.Error("site crawl failed", "site", s.Name, "err", err)
				r.Failed++
			}
			mu.Lock()
			rep.Sites[i] = r
			mu.Unlock()
		}()
	}
	wg.Wait()
	prog.done(figures(rep.Sites))
	rep.Finished = time.Now().UTC()
	return rep
}

// warcDir is where crawls archive responses: DATA/warc.
func warcDir(e *env) string { return filepath.Join(e.data, "warc") }

func figures(reps []crawler.Report) []siteFigures {
	out := make([]siteFigures, len(reps))
	for i, r := range reps {
		out[i] = siteFigures{name: r.Name, pages: r.Fetched + r.NotModified + r.Failed, fresh: r.New,
			changed: r.Changed, errors: r.Failed, bytes: r.Bytes}
	}
	return out
}

func finishCrawl(e *env, rep *crawlReport, reportPath string) error {
	fmt.Fprintln(e.stderr, rep.summary())
	if err := writeReport(reportPath, rep); err != nil {
		return err
	}
	if n := rep.failed(); n > 0 {
		return &exitError{code: exitPartial, err: fmt.Errorf("%d pages failed", n)}
	}
	return nil
}

// loadConfig reads a sites file; a bad one is exit code 78.
func loadConfig(path string) (*crawler.Config, error) {
	cfg, err := crawler.LoadConfig(path)
	if err != nil {
		return nil, &exitError{code: exitBadConfig, err: err}
	}
	return cfg, nil
}

// writeReport writes v as indented JSON to path, when path is not empty.
func writeReport(path string, v any) error {
	if path == "" {
		return nil
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}
