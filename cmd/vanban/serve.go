package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/vanban/vanban/internal/app"
)

func cmdServe() *command {
	c := &command{name: "serve", usage: "[--addr 127.0.0.1:8080] [--nightly HH:MM --config FILE] [--admin-token TOKEN]",
		short: "serve the search page and the JSON API (and run the nightly job in process)"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		var o app.ServeOptions
		fs := newFlags(e, c)
		fs.StringVar(&o.Addr, "addr", "127.0.0.1:8080", "listen `ADDRESS`")
		at := fs.String("nightly", "", "run the nightly job every day at `HH:MM` (local time); needs --config")
		fs.StringVar(&o.Config, "config", "", "sites `FILE` for the nightly job")
		fs.StringVar(&o.AdminToken, "admin-token", os.Getenv("VANBAN_ADMIN_TOKEN"), "enable POST /admin/nightly with this bearer `TOKEN` (default $VANBAN_ADMIN_TOKEN; off when empty)")
		if _, err := parseFlags(fs, args); err != nil {
			return err
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
