package main

import (
	"context"

	"github.com/vanban/vanban/internal/app"
)

func cmdDemo() *command {
	c := &command{name: "demo", usage: "[--addr 127.0.0.1:8080] [--no-ocr]",
		short: "crawl the embedded sample portal, index it and serve search (the whole pipeline)"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		var o app.DemoOptions
		fs := newFlags(e, c)
		fs.StringVar(&o.Addr, "addr", "127.0.0.1:8080", "listen `ADDRESS` for the search page (a free port if busy)")
		fs.StringVar(&o.Portal, "portal", "", "only serve the embedded portal on `ADDRESS` (to try crawl and nightly against it)")
		fs.BoolVar(&o.NoOCR, "no-ocr", false, "do not OCR the portal's scanned attachment (a faster start; its pages are listed as skipped)")
		if _, err := parseFlags(fs, args); err != nil {
			return err
		}
		o.TempData = !e.dataSet
		return app.RunDemo(ctx, &e.Env, o)
	}
	return c
}
