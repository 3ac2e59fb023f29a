package main

import (
	"context"

	"github.com/vanban/vanban/internal/app"
)

func cmdRefs() *command {
	c := &command{name: "refs", usage: "[--server URL] [--json] KEY|DOC-ID  or  refs --parse [FILE|-]",
		short: "citations: what a document cites and what cites it, or the references in a text"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		var o app.RefsOptions
		fs := newFlags(e, c)
		fs.BoolVar(&o.Parse, "parse", false, `print the references in FILE (or stdin) as a JSON array of {"text","type","key","number","year","issuer","date","relation","by","other","part","partial","ground","effective","until"}`)
		fs.BoolVar(&o.JSON, "json", false, "print JSON")
		serverFlag(e, fs, &o.Server)
		pos, err := parseFlags(fs, args)
		if err != nil {
			return err
		}
		switch {
		case o.Parse && len(pos) <= 1:
			if len(pos) == 1 {
				o.File = pos[0]
			}
		case !o.Parse && len(pos) == 1:
			o.Arg = pos[0]
		default:
			fs.Usage()
			return errUsage
		}
		return app.RunRefs(ctx, &e.Env, o)
	}
	return c
}
