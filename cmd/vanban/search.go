package main

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"math"
	"os"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/vanban/vanban/eval"
	"github.com/vanban/vanban/search"
)

func cmdSearch() *command {
	c := &command{name: "search", usage: "[--json] [--limit N] [--type T] [--issuer I] [--site S] [--from DATE] [--to DATE] QUERY… | --bench queries.jsonl [--passes N] [--facets] [--exhaustive] [filters]", short: "search the index and print the results, or time a query set"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		fs := newFlags(e, c)
		asJSON := fs.Bool("json", false, "print JSON: {total, took_ms, hits:[{id,url,title,published,snippet,score}]}")
		limit := fs.Int("limit", 10, "number of results (at most 100)")
		bench := fs.String("bench", "", "time every query of a BEIR queries `FILE` (JSON Lines: _id, text) against the index: p50, p90, p99")
		passes := fs.Int("passes", 3, "with --bench, timed passes over the queries (after one untimed warm-up pass)")
		withFacets := fs.Bool("facets", false, "with --bench, time the web page's search: the top hits, the exact total and the facets")
		exhaustive := fs.Bool("exhaustive", false, "with --bench, score every matching document (bleve's evaluation) instead of the top-k evaluation")
		var f search.Filters
		fs.StringVar(&f.Type, "type", "", "only documents of this `type` (Nghị quyết, Kế hoạch, …), as the page's facet")
		fs.StringVar(&f.Issuer, "issuer", "", "only documents of this `issuer`")
		fs.StringVar(&f.Site, "site", "", "only documents of this `site`")
		from := fs.String("from", "", "only documents published on or after `DATE` (YYYY-MM-DD)")
		to := fs.String("to", "", "only documents published on or before `DATE` (YYYY-MM-DD)")
		words, err := parseFlags(fs, args)
		if err != nil {
			return err
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
		if *bench != "" {
			return benchQueries(ctx, e, *bench, *limit, *passes, search.Request{Size: *limit, TopOnly: !*exhaustive, Facets: *withFacets, Filters: f})
		}
		q := strings.Join(words, " ")
		if strings.TrimSpace(q) == "" {
			fs.Usage()
			return errUsage
		}
		ix, err := openIndex(e, true)
		if err != nil {
			return err
		}
		defer ix.Close()
		res, err := search.New(ix.Bleve()).Search(ctx, search.Request{Query: q, Size: *limit, TopOnly: true, Filters: f})
		if err != nil {
			return err
		}
		if *asJSON {
			enc := json.NewEncoder(e.stdout)
			enc.SetEscapeHTML(false)
			return enc.Encode(res)
		}
		if res.TotalIsLowerBound {
			fmt.Fprintf(e.stdout, "top %d of at least %d results (%.1f ms)\n", len(res.Hits), res.Total, res.TookMS)
		} else {
			fmt.Fprintf(e.stdout, "%d results (%.1f ms)\n", res.Total, res.TookMS)
		}
		for i, h := range res.Hits {
			fmt.Fprintf(e.stdout, "\n%d. %s", i+1, h.Title)
			if h.Published != "" {
				fmt.Fprintf(e.stdout, " (%s)", h.Published)
			}
			fmt.Fprintf(e.stdout, "\n   %s\n   %s\n", h.URL, plainSnippet(h.Snippet))
		}
		return nil
	}
	return c
}

var markTag = regexp.MustCompile(`</?mark>`)

// plainSnippet turns an HTML snippet into terminal text, matches in [brackets].
func plainSnippet(s string) string {
	s = markTag.ReplaceAllStringFunc(s, func(t string) string {
		if t == "<mark>" {
			return "["
		}
		return "]"
	})
	return html.UnescapeString(s)
}

// benchQueries runs every query of file once untimed (warming the page
// cache and bleve's dictionaries) and then passes times, and prints the
// latency percentiles of the timed runs. It is `vanban eval`'s timing over
// an existing data directory, for corpora without judgments (the scale
// corpus).
func benchQueries(ctx context.Context, e *env, file string, limit, passes int, r search.Request) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	qs, err := eval.ReadQueries(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	ix, err := openIndex(e, true)
	if err != nil {
		return err
	}
	defer ix.Close()
	s := search.New(ix.Bleve())
	var lat []float64
	start := time.Now()
	for pass := 0; pass <= passes; pass++ {
		if pass == 1 {
			start = time.Now()
		}
		for _, q := range qs {
			t := time.Now()
			r.Query = q.Text
			if _, err := s.Search(ctx, r); err != nil && err != search.ErrEmptyQuery {
				return fmt.Errorf("query %s: %w", q.ID, err)
			}
			if pass > 0 {
				lat = append(lat, float64(time.Since(t).Microseconds())/1000)
			}
		}
	}
	secs := time.Since(start).Seconds()
	sort.Float64s(lat)
	pct := func(p float64) float64 {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, max(0, int(math.Ceil(p*float64(len(lat))))-1))]
	}
	n, _ := ix.DocCount()
	fmt.Fprintf(e.stdout, "%d queries × %d passes on %d documents: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, %.1f queries/s\n",
		len(qs), passes, n, pct(0.50), pct(0.90), pct(0.99), pct(1), float64(len(lat))/secs)
	return nil
}
