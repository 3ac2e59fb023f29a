package main

import (
	"context"

	"github.com/vanban/vanban/internal/app"
)

func cmdLinks() *command {
	c := &command{name: "links", usage: "[--server URL] [--json] DOC-ID|NUMBER",
		short: "plan items → the resolution passages they implement; for a resolution, which plans cover each task"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		var o app.LinksOptions
		fs := newFlags(e, c)
		fs.BoolVar(&o.JSON, "json", false, "print JSON: a plan's {id,number,title,resolutions,items:[{id,text,agency,deadline,linked,matches:[{doc_id,number,passage,title,score}]}]}, or a resolution's {…,plans,passages:[{id,title,text,by:[{id,number,items,score}]}],uncovered}")
		serverFlag(e, fs, &o.Server)
		pos, err := parseFlags(fs, args)
		if err != nil {
			return err
		}
		if len(pos) != 1 {
			fs.Usage()
			return errUsage
		}
		o.Arg = pos[0]
		return app.RunLinks(ctx, &e.Env, o)
	}
	return c
}
