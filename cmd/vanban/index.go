package main

import (
	"context"
	"fmt"

	"github.com/vanban/vanban/indexer"
)

func cmdIndex() *command {
	c := &command{name: "index", usage: "[--rebuild]", short: "bring the index up to date with the store (new, changed, removed documents)"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		fs := newFlags(e, c)
		rebuild := fs.Bool("rebuild", false, "build the index again from the store")
		if _, err := parseFlags(fs, args); err != nil {
			return err
		}
		store, err := openStore(e, true)
		if err != nil {
			return err
		}
		defer store.Close()
		prog := newProgress(e.stderr, "index")
		report := func(st indexer.SyncStats) { prog.update(st.Indexed+st.Removed, st.Bytes) }
		var st indexer.SyncStats
		if *rebuild {
			st, err = indexer.Rebuild(ctx, indexer.DirFor(e.data), store, report)
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
		return nil
	}
	return c
}
