package main

import (
	"context"
	"flag"

	"github.com/vanban/vanban/internal/app"
)

func cmdCrawl() *command {
	c := &command{name: "crawl", usage: "--config FILE [--site NAME] [--deadline DURATION] [--max-pages N] [--report FILE] [--prune]",
		short: "crawl the configured portals into the store (incremental, resumable)"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		var o app.CrawlOptions
		fs := newFlags(e, c)
		sitesFlags(fs, &o.SitesOptions)
		fs.StringVar(&o.Site, "site", "", "crawl only the site `NAME`")
		fs.DurationVar(&o.Deadline, "deadline", 0, "stop dequeuing after `DURATION`, finish in-flight pages, save the frontier")
		fs.IntVar(&o.MaxPages, "max-pages", 0, "process at most `N` pages per site in this run (0: no limit)")
		fs.StringVar(&o.Report, "report", "", "write a JSON report to `FILE`")
		fs.BoolVar(&o.Verbose, "v", false, "log every page")
		if _, err := parseFlags(fs, args); err != nil {
			return err
		}
		if o.Config == "" {
			fs.Usage()
			return errUsage
		}
		return app.RunCrawl(ctx, &e.Env, o)
	}
	return c
}

// sitesFlags registers the options `vanban crawl` and `vanban nightly`
// share (app.SitesOptions): the sites file and --prune, one meaning.
func sitesFlags(fs *flag.FlagSet, o *app.SitesOptions) {
	fs.StringVar(&o.Config, "config", "", "sites `FILE` (TOML, one [[site]] table per portal)")
	fs.BoolVar(&o.Prune, "prune", false, "make this sites file the data directory's own: only its crawls age and delete the records of sites it lacks, and they take over a site's run another file began")
}
