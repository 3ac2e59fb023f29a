package main

import (
	"context"

	"github.com/vanban/vanban/internal/app"
)

func cmdStatus() *command {
	c := &command{name: "status", usage: "[--json] [--n N]", short: "show the last nightly runs"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		var o app.StatusOptions
		fs := newFlags(e, c)
		fs.BoolVar(&o.JSON, "json", false, "print the reports as JSON")
		fs.IntVar(&o.N, "n", 10, "show the last `N` runs")
		if _, err := parseFlags(fs, args); err != nil {
			return err
		}
		return app.RunStatus(ctx, &e.Env, o)
	}
	return c
}

func cmdStats() *command {
	c := &command{name: "stats", usage: "[--json]", short: "documents by site and type, index size, last crawl"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		var o app.StatsOptions
		fs := newFlags(e, c)
		fs.BoolVar(&o.JSON, "json", false, "print JSON")
		if _, err := parseFlags(fs, args); err != nil {
			return err
		}
		return app.RunStats(ctx, &e.Env, o)
	}
	return c
}
