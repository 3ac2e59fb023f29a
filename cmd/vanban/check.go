package main

import (
	"context"

	"github.com/vanban/vanban/internal/app"
)

func cmdCheck() *command {
	c := &command{name: "check", usage: "[--json]", short: "check every page of the store and whether the index opens and keeps up"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		var o app.CheckOptions
		fs := newFlags(e, c)
		fs.BoolVar(&o.JSON, "json", false, "print the report as JSON")
		if _, err := parseFlags(fs, args); err != nil {
			return err
		}
		return app.RunCheck(ctx, &e.Env, o)
	}
	return c
}

func cmdStore() *command {
	c := &command{name: "store", usage: "salvage [--config FILE] [--json] | recompress [--json]",
		short: "salvage: copy every readable document of a damaged store into a new one, then rebuild the index; recompress: retrain the records' dictionary and rewrite every record with it"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		var o app.SalvageOptions
		fs := newFlags(e, c)
		fs.StringVar(&o.Config, "config", "", "salvage: sites `FILE`: re-extract the lost documents from the WARC archive")
		fs.BoolVar(&o.JSON, "json", false, "print the report as JSON")
		pos, err := parseFlags(fs, args)
		if err != nil {
			return err
		}
		switch {
		case len(pos) == 1 && pos[0] == "salvage":
			return app.RunSalvage(ctx, &e.Env, o)
		case len(pos) == 1 && pos[0] == "recompress" && o.Config == "":
			return app.RunRecompress(ctx, &e.Env, app.RecompressOptions{JSON: o.JSON})
		}
		fs.Usage()
		return errUsage
	}
	return c
}
