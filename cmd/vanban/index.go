package main

import (
	"context"

	"github.com/vanban/vanban/internal/app"
)

func cmdIndex() *command {
	c := &command{name: "index", usage: "[--rebuild [--compact]] [--associations] [--reextract --config FILE [--site NAME]]", short: "bring the index up to date with the store (new, changed, removed documents)"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		var o app.IndexOptions
		fs := newFlags(e, c)
		fs.BoolVar(&o.Rebuild, "rebuild", false, "build the index again from the store")
		fs.BoolVar(&o.Compact, "compact", false, "with --rebuild, merge the new index into one segment: the offline builder's segment and the one of the documents over 4 KB of text added after it; the merge maps the whole index into memory")
		fs.BoolVar(&o.Associations, "associations", false, "learn the collection's term associations into the index (a fifth of a bulk build's CPU; an index that has them keeps them current); nothing uses them by default")
		fs.IntVar(&o.MemLimitMB, "mem-limit", -1, "soft limit of the Go heap in `MB` (runtime/debug.SetMemoryLimit; 0: none; -1: 256 per core while the machine has 2 GB of memory per core, at most 8 cores: a segment worker each)")
		fs.BoolVar(&o.Reextract, "reextract", false, "first extract the archived pages (DATA/warc) again with the current extractor and site options, without fetching")
		fs.StringVar(&o.Config, "config", "", "sites `FILE` for --reextract")
		fs.StringVar(&o.Site, "site", "", "with --reextract, only the site `NAME`")
		if _, err := parseFlags(fs, args); err != nil {
			return err
		}
		if o.Reextract && o.Config == "" || o.Compact && !o.Rebuild {
			fs.Usage()
			return errUsage
		}
		return app.RunIndex(ctx, &e.Env, o)
	}
	return c
}
