package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/vanban/vanban/internal/app"
	"github.com/vanban/vanban/search"
)

func cmdSearch() *command {
	c := &command{name: "search", usage: "[--server URL] [--json] [--limit N] [--type T] [--issuer I] [--site S] [--from DATE] [--to DATE] [--in-force] [--all-copies] [--any-word] [--profile exam] QUERY… | --bench queries.jsonl [--passes N] [--facets] [--exhaustive] [filters]", short: "search the index and print the results, or time a query set"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		var o app.SearchOptions
		fs := newFlags(e, c)
		fs.BoolVar(&o.JSON, "json", false, "print JSON: {total, took_ms, hits:[{id,url,title,published,snippet,score,effect}]}")
		fs.IntVar(&o.Limit, "limit", 10, "number of results (at most 100)")
		fs.StringVar(&o.Bench, "bench", "", "time every query of a BEIR queries `FILE` (JSON Lines: _id, text) against the index: p50, p90, p99")
		fs.IntVar(&o.Passes, "passes", 3, "with --bench, timed passes over the queries (after one untimed warm-up pass)")
		fs.BoolVar(&o.Facets, "facets", false, "with --bench, time the web page's search: the top hits, the exact total and the facets")
		fs.BoolVar(&o.AnyWord, "any-word", false, "count every document matching any word of the query (by default the count is of those holding enough of its pairs of words and the number it names; the list is the same either way)")
		fs.BoolVar(&o.AllCopies, "all-copies", false, "list every copy of a document number (by default a number is one result, its other copies named under it)")
		fs.BoolVar(&o.Exhaustive, "exhaustive", false, "with --bench, score every matching document (bleve's evaluation) instead of the top-k evaluation")
		fs.StringVar(&o.Profile, "profile", "", profileUsage)
		serverFlag(e, fs, &o.Server)
		f := &o.Filters
		fs.StringVar(&f.Type, "type", "", "only documents of this `type` (Nghị quyết, Kế hoạch, …), as the page's facet")
		fs.StringVar(&f.Issuer, "issuer", "", "only documents of this `issuer`")
		fs.StringVar(&f.Site, "site", "", "only documents of this `site`")
		fs.BoolVar(&f.InForce, "in-force", false, "only documents in force (còn hiệu lực) today, as the stored texts say: documents nothing says anything of are left out")
		from := fs.String("from", "", "only documents published on or after `DATE` (YYYY-MM-DD)")
		to := fs.String("to", "", "only documents published on or before `DATE` (YYYY-MM-DD)")
		words, err := parseFlags(fs, args)
		if err != nil {
			return err
		}
		if !knownProfile(e, "search", o.Profile) {
			return errUsage
		}
		for _, d := range []struct {
			flag, v string
			dst     *time.Time
		}{{"from", *from, &f.From}, {"to", *to, &f.To}} {
			if d.v == "" {
				continue
			}
			if *d.dst, err = time.Parse("2006-01-02", d.v); err != nil {
				return fmt.Errorf("search: --%s: want YYYY-MM-DD, got %q", d.flag, d.v)
			}
		}
		o.Query = strings.Join(words, " ")
		if o.Bench == "" && strings.TrimSpace(o.Query) == "" {
			fs.Usage()
			return errUsage
		}
		return app.RunSearch(ctx, &e.Env, o)
	}
	return c
}

// profileUsage is the help of --profile.
var profileUsage = "rank with the weights of the profile `NAME` (" + strings.Join(search.Profiles(), ", ") +
	"; none by default: docs/log/ranking-10-intent.md)"

// knownProfile reports whether name is "" or a profile, and says so on
// stderr when it is not.
func knownProfile(e *env, cmd, name string) bool {
	if _, err := search.ProfileWeights(name, search.DefaultWeights); err != nil {
		fmt.Fprintf(e.Stderr, "%s: unknown --profile %q (%s)\n", cmd, name, strings.Join(search.Profiles(), ", "))
		return false
	}
	return true
}
