package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler"
	"github.com/vanban/vanban/indexer"
)

// IndexOptions are the options of `vanban index`.
type IndexOptions struct {
	Rebuild    bool // build the index again from the store
	Compact    bool // with Rebuild, merge the new index into one segment
	MemLimitMB int  // soft limit of the Go heap in MB (0: none; negative: from the machine, indexer.DefaultMemLimit)
	// Reextract first extracts the archived pages (DATA/warc) again with
	// the current extractor and the options of the sites in Config (only
	// Site, when set), without fetching.
	Reextract bool
	Config    string
	Site      string
	// Associations learns the term associations into the index (kept
	// current from then on: indexer, associations.go).
	Associations bool
}

// RunIndex brings the index up to date with the store (or rebuilds it),
// after re-extracting the archive when asked, then the task table (the
// tasks of the implementing documents that changed or whose parents did:
// corpus.Store.SyncTasks), so that a server or `vanban tasks` started
// afterwards finds them stored. It fails when some archived pages could
// not be re-extracted (after indexing the others).
func RunIndex(ctx context.Context, e *Env, opts IndexOptions) error {
	defer setMemLimit(opts.MemLimitMB)()
	store, err := openStore(ctx, e, false) // read-write: the task table is stored
	if err != nil {
		return err
	}
	defer store.Close()
	failed := 0
	if opts.Reextract {
		if failed, err = reextractSites(ctx, e, store, opts.Config, opts.Site); err != nil {
			return err
		}
	}
	prog := newProgress(e.Stderr, "index")
	report := func(st indexer.SyncStats) { prog.update(st.Indexed+st.Removed, st.Bytes) }
	var st indexer.SyncStats
	if opts.Rebuild {
		st, err = indexer.Build(ctx, indexer.DirFor(e.Data), store, indexer.BuildOptions{Compact: opts.Compact, Progress: report, Associations: opts.Associations})
	} else {
		st, err = syncIndex(ctx, e, store, report, opts.Associations)
	}
	prog.done()
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "indexed %d, removed %d documents in %s\n", st.Indexed, st.Removed, st.Duration.Round(1e6))
	if err := syncTasks(ctx, e, store, e.Stdout); err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d archived pages could not be re-extracted", failed)
	}
	return nil
}

// syncIndex brings the index up to date with the store on the online
// path; an empty index that has applied nothing of a store with documents
// (an ingest stopped before its index was written) is written whole by
// the offline builder instead.
func syncIndex(ctx context.Context, e *Env, store *corpus.Store, report func(indexer.SyncStats), assoc bool) (indexer.SyncStats, error) {
	ix, err := openIndex(ctx, e, false)
	if err != nil {
		return indexer.SyncStats{}, err
	}
	empty, err := emptyIndex(ix)
	var last uint64
	if err == nil && empty {
		last, err = store.LastSeq()
	}
	if err != nil || last > 0 {
		if cerr := ix.Close(); err != nil || cerr != nil {
			return indexer.SyncStats{}, errors.Join(err, cerr)
		}
		return indexer.Build(ctx, indexer.DirFor(e.Data), store, indexer.BuildOptions{Progress: report, Associations: assoc})
	}
	st, err := ix.Sync(ctx, store, report)
	if err == nil && assoc {
		err = ix.LearnAssociations(ctx, store)
	}
	return st, errors.Join(err, ix.Close())
}

// reextractSites runs crawler.Reextract for the configured sites and
// prints one line of counts per site. It returns the number of pages that
// failed.
func reextractSites(ctx context.Context, e *Env, store *corpus.Store, config, only string) (int, error) {
	cfg, err := loadConfig(config)
	if err != nil {
		return 0, err
	}
	sites, err := selectSites(cfg, only)
	if err != nil {
		return 0, err
	}
	c := crawler.New(store, crawler.Options{UserAgent: cfg.UserAgent, Logger: logger(e.Stderr, false), WARCDir: warcDir(e), Files: cfg.Files.Options()})
	failed := 0
	for _, s := range sites {
		r, err := c.Reextract(ctx, s)
		if err != nil {
			return failed, fmt.Errorf("reextract %s: %w", s.Name, err)
		}
		printReextract(e.Stdout, r)
		failed += r.Failed
	}
	return failed, nil
}

func printReextract(w io.Writer, r crawler.Report) {
	fmt.Fprintf(w, "reextract %s: %d records, %d new, %d changed, %d unchanged, %d failed", r.Name, r.Fetched, r.New, r.Changed, r.Unchanged, r.Failed)
	if r.Files+r.FilesPending+r.FilesFailed > 0 {
		fmt.Fprintf(w, "; files: %d read, %d waiting for a tool, %d not readable", r.Files, r.FilesPending, r.FilesFailed)
	}
	fmt.Fprintln(w)
	for _, f := range r.FileErrors {
		fmt.Fprintf(w, "  file not read (%s): %s\n", f.Kind, f.Error)
	}
}

// setMemLimit sets the process's soft memory limit to mb MB (0: leaves it;
// negative: the bulk default from the machine, indexer.DefaultMemLimit)
// and returns what puts the old one back.
func setMemLimit(mb int) (restore func()) {
	limit := int64(mb) << 20
	switch {
	case mb == 0:
		return func() {}
	case mb < 0:
		limit = indexer.DefaultMemLimit()
	}
	old := debug.SetMemoryLimit(limit)
	return func() { debug.SetMemoryLimit(old) }
}
