package app

import (
	"context"
	"fmt"
)

// RecompressOptions are the options of `vanban store recompress`.
type RecompressOptions struct {
	JSON bool // print the report as JSON
}

// RunRecompress retrains the store's record dictionary on a sample of all
// its documents and rewrites every record with it (corpus.Store.Recompress):
// for a store upgraded from format 4, whose records keep the built-in
// dictionary until they change, or one whose collection drifted from the
// documents its dictionary was trained on. The index is not touched (the
// documents do not change).
func RunRecompress(ctx context.Context, e *Env, opts RecompressOptions) error {
	store, err := openStore(ctx, e, false)
	if err != nil {
		return err
	}
	defer store.Close()
	rep, err := store.Recompress(ctx)
	if err != nil {
		return err
	}
	if opts.JSON {
		return writeJSONTo(e.Stdout, rep)
	}
	fmt.Fprintf(e.Stdout, "trained record dictionary %#x (%d bytes) on %d documents; rewrote %d records; dropped %d older dictionaries\n",
		rep.DictID, rep.DictBytes, rep.Samples, rep.Rewritten, rep.Dropped)
	if rep.Unreadable > 0 {
		fmt.Fprintf(e.Stdout, "%d records do not decode and were left as they are (the older dictionaries are kept): `vanban check` lists them, `vanban store salvage` copies the rest into a new store\n", rep.Unreadable)
	}
	return nil
}
