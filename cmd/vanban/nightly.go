package main

import (
	"context"

	"github.com/vanban/vanban/internal/app"
)

func cmdNightly() *command {
	c := &command{name: "nightly", usage: "--config FILE [--deadline DURATION] [--report FILE] [--prune]",
		short: "incremental crawl + index in one run, locked; hands the job to a running server"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		var o app.NightlyOptions
		fs := newFlags(e, c)
		sitesFlags(fs, &o.SitesOptions)
		fs.DurationVar(&o.Deadline, "deadline", 0, "stop crawling after `DURATION` (the frontier is saved), then index")
		fs.StringVar(&o.Report, "report", "", "write the JSON report to `FILE`")
		fs.BoolVar(&o.Verbose, "v", false, "log every page")
		if _, err := parseFlags(fs, args); err != nil {
			return err
		}
		if o.Config == "" {
			fs.Usage()
			return errUsage
		}
		return app.RunNightly(ctx, &e.Env, o)
	}
	return c
}
