package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler"
	"github.com/vanban/vanban/indexer"
)

// nightlyReport is what one nightly run did: the crawl report plus the
// indexing outcome. It is printed, written with --report and kept in the
// store's history.
type nightlyReport struct {
	crawlReport
	Indexed      int            `json:"indexed"`
	Removed      int            `json:"removed"`
	DurationS    float64        `json:"duration_s"`
	IndexBytes   int64          `json:"index_bytes"`
	Documents    uint64         `json:"documents"`
	Errors       map[string]int `json:"errors_by_kind,omitempty"`
	Error        string         `json:"error,omitempty"` // a fatal error, when the run stopped
	HandedToServ bool           `json:"handed_to_server,omitempty"`
	Unreadable   bool           `json:"unreadable,omitempty"` // a history record that does not parse (history; never stored)
}

func (r *nightlyReport) summary() string {
	if r.Unreadable {
		return r.Error
	}
	s := fmt.Sprintf("nightly: %s; indexed %d, removed %d, %d documents, index %.1f MB, %.1fs",
		strings.TrimPrefix(r.crawlReport.summary(), "crawl: "), r.Indexed, r.Removed, r.Documents, float64(r.IndexBytes)/1e6, r.DurationS)
	if r.Error != "" {
		s += "; error: " + r.Error
	}
	return s
}

// exitCode is the exit code of the `vanban nightly` that made the report
// (as `vanban status` shows it): 1 when the run stopped, pages failed or
// sites were refused for another file's run (failure).
func (r *nightlyReport) exitCode() int {
	if r.Error != "" || r.failure() != nil {
		return 1
	}
	return 0
}

// KV namespace of the nightly history.
const nsHistory = "nightly/history"

// historyKeep is how many reports the history keeps.
const historyKeep = 30

// nightlyLockPath is the lock that keeps two nightly runs apart, whether
// they run as separate processes or inside `vanban serve`.
func nightlyLockPath(data string) string { return filepath.Join(data, "nightly.lock") }

// nightlyJob runs one crawl + index over an open store and index. It is
// called by `vanban nightly`, by the server's schedule and by the server for
// a job handed over through the control socket.
func nightlyJob(ctx context.Context, e *Env, store *corpus.Store, ix *indexer.Index, cfg *crawler.Config, sites []*crawler.Site, so SitesOptions, deadline time.Duration, log *slog.Logger) *nightlyReport {
	start := time.Now()
	lim := crawler.Limits{}
	if deadline > 0 {
		lim.Deadline = start.Add(deadline)
	}
	rep := &nightlyReport{crawlReport: *runCrawl(ctx, e, store, cfg, sites, lim, so.pruneOptions(cfg), log)}
	rep.Errors = map[string]int{}
	for _, s := range rep.Sites {
		for k, v := range s.Errors {
			rep.Errors[k] += v
		}
	}
	if ctx.Err() != nil {
		rep.Error = "interrupted: " + context.Cause(ctx).Error()
	} else {
		st, err := ix.Sync(ctx, store, nil)
		rep.Indexed, rep.Removed = st.Indexed, st.Removed
		if err != nil {
			rep.Error = err.Error()
			rep.Errors["index"]++
		}
		if err := syncTasks(ctx, e, store, nil); err != nil && ctx.Err() == nil {
			log.Error("tasks: sync failed", "err", err)
			rep.Errors["tasks"]++
		}
	}
	n, err := ix.DocCount()
	if rep.Documents = n; err != nil {
		log.Error("index: cannot count documents", "err", err)
		rep.Errors["index"]++
	}
	rep.IndexBytes = dirSize(ix.Path())
	rep.DurationS = time.Since(start).Seconds()
	rep.Finished = time.Now().UTC()
	if err := saveHistory(store, rep); err != nil {
		log.Error("cannot save nightly history", "err", err)
	}
	return rep
}

// saveHistory keeps rep in the history, each site's dead attachments and
// suspects counted, not listed: the lists are the store's
// (crawler.DeadFiles, crawler.Suspects) and the run's report file's, and
// 30 copies of them would grow with the sites.
func saveHistory(store *corpus.Store, rep *nightlyReport) error {
	kept := *rep
	kept.Sites = slices.Clone(rep.Sites)
	for i := range kept.Sites {
		kept.Sites[i].DeadFiles = nil
		kept.Sites[i].Suspects = nil
	}
	b, err := json.Marshal(&kept)
	if err != nil {
		return err
	}
	if err := store.PutKV(nsHistory, rep.Started.Format(time.RFC3339Nano), b); err != nil {
		return err
	}
	var keys []string
	if err := store.ForEachKV(nsHistory, func(k string, _ []byte) error { keys = append(keys, k); return nil }); err != nil {
		return fmt.Errorf("prune nightly history: %w", err)
	}
	var ops []corpus.KVOp
	for len(keys) > historyKeep {
		ops = append(ops, corpus.KVOp{NS: nsHistory, Key: keys[0]})
		keys = keys[1:]
	}
	return store.ApplyKV(ops)
}

// history returns the kept nightly reports, newest first. A record that
// does not parse (a value no checksum guards: salvage copies it as it is)
// is a report of the run its key names (its start) with Error saying so
// and Unreadable set (the control socket's /status carries it): listed by
// `vanban status` beside the readable ones, kept until the history prunes
// it. The error is the store's.
func history(store *corpus.Store) ([]nightlyReport, error) {
	var out []nightlyReport
	err := store.ForEachKV(nsHistory, func(k string, v []byte) error {
		var r nightlyReport
		if err := json.Unmarshal(v, &r); err != nil {
			r = nightlyReport{Unreadable: true, Error: fmt.Sprintf("nightly history record %s unreadable: %v", k, err)}
			r.Started, _ = time.Parse(time.RFC3339Nano, k)
		}
		out = append(out, r)
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Started.After(out[j].Started) })
	return out, err
}

func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

// NightlyOptions are the options of `vanban nightly`.
type NightlyOptions struct {
	SitesOptions
	Deadline time.Duration // stop crawling after this long, then index (0: none)
	Report   string        // write the JSON report to this file ("": none)
	Verbose  bool          // log every page
}

// RunNightly runs one incremental crawl + index under the nightly lock, or
// hands it to the `vanban serve` that owns the data directory. It fails
// when the run stopped, some pages failed or a site was refused for
// another file's run (after the report is written).
func RunNightly(ctx context.Context, e *Env, opts NightlyOptions) error {
	cfgPath, err := filepath.Abs(opts.Config)
	if err != nil {
		return err
	}
	cfg, err := loadConfig(cfgPath)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(e.Data, 0o755); err != nil {
		return fmt.Errorf("data dir: %w", err)
	}
	lock, err := tryLock(nightlyLockPath(e.Data))
	if errors.Is(err, errHeld) {
		return classify(ErrLocked, fmt.Errorf("another nightly run is in progress (%v)", err))
	} else if err != nil {
		return err
	}
	defer lock.unlock()
	log := logger(e.Stderr, opts.Verbose)

	var rep *nightlyReport
	if client := dialControl(e.Data); client != nil {
		// A server owns the data directory: it runs the job in-process
		// and keeps answering searches meanwhile.
		fmt.Fprintln(e.Stderr, "nightly: a server is running on this data directory; handing the job to it")
		rep, err = client.nightly(ctx, controlJob{Config: cfgPath, Deadline: opts.Deadline.String(), Prune: opts.Prune})
		if err != nil {
			return fmt.Errorf("hand job to server: %w", err)
		}
		rep.HandedToServ = true
	} else {
		store, ix, err := openData(ctx, e, false)
		if err != nil {
			return err
		}
		defer store.Close()
		defer ix.Close()
		rep = nightlyJob(ctx, e, store, ix, cfg, cfg.Sites, opts.SitesOptions, opts.Deadline, log)
	}
	fmt.Fprintln(e.Stderr, rep.summary())
	if err := writeReport(opts.Report, rep); err != nil {
		return err
	}
	if rep.exitCode() != 0 {
		msg := rep.Error
		if f := rep.failure(); f != nil {
			msg = strings.TrimPrefix(msg+" "+f.Error(), " ")
		}
		return errors.New(msg)
	}
	return nil
}
