package main

import (
	"context"

	"github.com/vanban/vanban/corpus/deadline"
	"github.com/vanban/vanban/internal/app"
)

func cmdTasks() *command {
	c := &command{name: "tasks", usage: "[--server URL] [--agency A] [--parent DOC] [--from DATE --to DATE] [--json|--csv]",
		short: "the task items of every implementing document: agency, co-agencies, deadline, the passage implemented"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		var o app.TasksOptions
		f := &o.Filter
		var kind string
		fs := newFlags(e, c)
		fs.StringVar(&f.Agency, "agency", "", `the agency in charge, in any spelling ("so y te", "UBND huyện", "Sở TN&MT")`)
		fs.BoolVar(&f.Partners, "partners", false, "--agency also matches co-agencies")
		fs.StringVar(&f.Parent, "parent", "", "a parent document (number in any spelling, also bare: 2530; or ID): the tasks implementing it")
		fs.StringVar(&f.Passage, "passage", "", "with --parent: one passage (II.1)")
		fs.BoolVar(&f.Best, "best", false, "with --passage: only tasks whose best link to --parent is that passage (what its page counts)")
		fs.StringVar(&f.Plan, "plan", "", "one implementing document (number, also bare: 45; or ID)")
		fs.StringVar(&f.From, "from", "", "deadline from YYYY-MM-DD (dated tasks only)")
		fs.StringVar(&f.To, "to", "", "deadline to YYYY-MM-DD (dated tasks only)")
		fs.StringVar(&kind, "kind", "", "deadline kind: date, recurring, unknown, none")
		fs.StringVar(&f.Site, "site", "", "the site of the implementing document")
		fs.StringVar(&f.Sort, "sort", "", "deadline (the nearest first, default) or plan (newest document first)")
		fs.IntVar(&f.Offset, "offset", 0, "skip this many tasks")
		fs.IntVar(&f.Limit, "limit", 0, "tasks to print (default 50, at most 500; with --csv every task unless given, at most 100,000: past it the export fails saying it was cut)")
		fs.BoolVar(&o.JSON, "json", false, `print JSON: {"total","stale","kinds","tasks":[{"plan":{id,number,type,title,site,published,url},"id","text","context","agency","partners","output","deadline":{"text","kind","date","from","every"},"links":[{doc_id,number,passage,title,score}]}]}`)
		fs.BoolVar(&o.CSV, "csv", false, "print CSV (RFC 4180, a header row), every matching task")
		serverFlag(e, fs, &o.Server)
		pos, err := parseFlags(fs, args)
		if err != nil {
			return err
		}
		if len(pos) != 0 || o.JSON && o.CSV {
			fs.Usage()
			return errUsage
		}
		f.Kind = deadline.Kind(kind)
		if o.CSV {
			o.Limit, f.Limit = f.Limit, 0
		}
		return app.RunTasks(ctx, &e.Env, o)
	}
	return c
}
