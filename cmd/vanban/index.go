package main

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler"
	"github.com/vanban/vanban/indexer"
)

func cmdIndex() *command {
	c := &command{name: "index", usage: "[--rebuild [--compact]] [--reextract --config FILE [--site NAME]]", short: "bring the index up to date with the store (new, changed, removed documents)"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		fs := newFlags(e, c)
		rebuild := fs.Bool("rebuild", false, "build the index again from the store")
		compact := fs.Bool("compact", false, "with --rebuild, merge the new index into one segment: a smaller index and slightly faster queries, but the merge maps the whole index into memory")
		memLimit := fs.Int("mem-limit", 256, "soft limit of the Go heap in `MB` (runtime/debug.SetMemoryLimit; 0: none)")
		reextract := fs.Bool("reextract", false, "first extract the archived pages (DATA/warc) again with the current extractor and site options, without fetching")
		config := fs.String("config", "", "sites `FILE` for --reextract")
		only := fs.String("site", "", "with --reextract, only the site `NAME`")
		if _, err := parseFlags(fs, args); err != nil {
			return err
		}
		if *reextract && *config == "" || *compact && !*rebuild {
			fs.Usage()
			return errUsage
		}
		if *memLimit > 0 {
			defer debug.SetMemoryLimit(debug.SetMemoryLimit(int64(*memLimit) << 20))
		}
		store, err := openStore(e, !*reextract)
		if err != nil {
			return err
		}
		defer store.Close()
		failed := 0
		if *reextract {
			if failed, err = reextractSites(ctx, e, store, *config, *only); err != nil {
				return err
			}
		}
		prog := newProgress(e.stderr, "index")
		report := func(st indexer.SyncStats) { prog.update(st.Indexed+st.Removed, st.Bytes) }
		var st indexer.SyncStats
		if *rebuild {
			st, err = indexer.Rebuild(ctx, indexer.DirFor(e.data), store, report, *compact)
		} else {
			var ix *indexer.Index
			if ix, err = openIndex(e, false); err != nil {
				return err
			}
			st, err = ix.Sync(ctx, store, report)
			if cerr := ix.Close(); err == nil {
				err = cerr
			}
		}
		prog.done()
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "indexed %d, removed %d documents in %s\n", st.Indexed, st.Removed, st.Duration.Round(1e6))
		if failed > 0 {
			return &exitError{code: exitPartial, err: fmt.Errorf("%d archived pages could not be re-extracted", failed)}
		}
		return nil
	}
	return c
}

// reextractSites runs crawler.Reextract for the configured sites and
// prints one line of counts per site. It returns the number of pages that
// failed.
func reextractSites(ctx context.Context, e *env, store *corpus.Store, config, only string) (int, error) {
	cfg, err := loadConfig(config)
	if err != nil {
		return 0, err
	}
	sites, err := selectSites(cfg, only)
	if err != nil {
		return 0, &exitError{code: exitBadConfig, err: err}
	}
	c := crawler.New(store, crawler.Options{UserAgent: cfg.UserAgent, Logger: logger(e.stderr, false), WARCDir: warcDir(e)})
	failed := 0
	for _, s := range sites {
		r, err := c.Reextract(ctx, s)
		if err != nil {
			return failed, fmt.Errorf("reextract %s: %w", s.Name, err)
		}
		printReextract(e.stdout, r)
		failed += r.Failed
	}
	return failed, nil
}

func printReextract(w io.Writer, r crawler.Report) {
	fmt.Fprintf(w, "reextract %s: %d records, %d new, %d changed, %d unchanged, %d failed\n", r.Name, r.Fetched, r.New, r.Changed, r.Unchanged, r.Failed)
}
