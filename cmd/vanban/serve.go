package main

import (
	"context"
	"fmt"
	"time"

	"github.com/vanban/vanban/internal/app"
)

func cmdServe() *command {
	c := &command{name: "serve", usage: "[--addr 127.0.0.1:8080] [--nightly HH:MM --config FILE] [--admin-token-file FILE] [--request-timeout 15s]",
		short: "serve the search page and the JSON API (and run the nightly job in process)"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		var o app.ServeOptions
		fs := newFlags(e, c)
		fs.StringVar(&o.Addr, "addr", "127.0.0.1:8080", "listen `ADDRESS`")
		at := fs.String("nightly", "", "run the nightly job every day at `HH:MM` (local time); needs --config")
		fs.StringVar(&o.Config, "config", "", "sites `FILE` for the nightly job")
		fs.StringVar(&o.AdminTokenFile, "admin-token-file", "", "enable the admin routes (POST /admin/nightly, GET /admin/jobs/ID) with the bearer token on the first line of `FILE` (mode 600); without it, $VANBAN_ADMIN_TOKEN; off when neither")
		fs.StringVar(&o.AdminToken, "admin-token", "", "the admin bearer `TOKEN` itself: every local user sees it in ps; prefer --admin-token-file or $VANBAN_ADMIN_TOKEN")
		fs.DurationVar(&o.RequestTimeout, "request-timeout", app.DefaultRequestTimeout, "time a search, page or export has to answer before it stops and the client gets a 503")
		if _, err := parseFlags(fs, args); err != nil {
			return err
		}
		if o.AdminToken != "" {
			fmt.Fprintln(e.Stderr, "serve: warning: --admin-token shows the token to every local user (ps); use --admin-token-file or $VANBAN_ADMIN_TOKEN")
		}
		if o.RequestTimeout <= 0 {
			fmt.Fprintln(e.Stderr, "serve: --request-timeout must be positive")
			return errUsage
		}
		if *at != "" {
			t, err := time.Parse("15:04", *at)
			if err != nil || o.Config == "" {
				fmt.Fprintln(e.Stderr, "serve: --nightly takes HH:MM and needs --config")
				return errUsage
			}
			o.Schedule, o.NightlyAt = true, time.Duration(t.Hour())*time.Hour+time.Duration(t.Minute())*time.Minute
		}
		return app.RunServe(ctx, &e.Env, o)
	}
	return c
}
