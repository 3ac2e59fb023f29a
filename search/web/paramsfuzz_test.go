package web

import (
	"errors"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/search"
)

// paramsSeeds are query strings of the search and document routes, as the
// pages write them and as people type them.
var paramsSeeds = []string{
	"q=k%E1%BA%BF+ho%E1%BA%A1ch+chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91&page=2&size=20&sort=-date",
	"q=%2257%2FNQ-TW%22+-d%E1%BB%B1+th%E1%BA%A3o&type=K%E1%BA%BF+ho%E1%BA%A1ch&issuer=UBND+t%E1%BB%89nh&in_force=1",
	"q=ngh%E1%BB%8B+%C4%91%E1%BB%8Bnh+100&from=2024-01-01&to=2025-12-31&facets=0&collapse=0&minmatch=0",
	"q=x&from=0001-01-01",
	"q=x&from=2026-02-30",
	"q=x&page=1001&size=10",
	"q=x&size=1000000&page=2",
	"q=x&page=-3",
	"q=x&sort=relevance&site=haugiang&category=v%C4%83n+b%E1%BA%A3n",
	"q=x&facets=c%C3%B3",
	"part=2&cited=3&rel=in.implements&relpage=2",
	"rel=out.based_on",
	"relpage=2",
	"rel=in.kh%C3%B4ng&relpage=1",
	"part=0",
	"cited=99999999999999999999",
	"",
}

// FuzzRequestParams reads any query string as the search route's and the
// document route's parameters. parseRequest refuses with a *requestError
// naming a parameter the request gave, or returns a request within its
// bounds (1 ≤ size ≤ search.MaxSize, a whole page no deeper than 10,000
// hits, a known sort, a query ≤ 1,000 bytes); readDocParams returns pages
// from 1 and a group only for a rel given, or the want of a parameter the
// request gave.
func FuzzRequestParams(f *testing.F) {
	for _, q := range paramsSeeds {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		r, err := parseRequest(v)
		if err != nil {
			var re *requestError
			if !errors.As(err, &re) {
				t.Fatalf("%q: %T %v, want a *requestError", raw, err, err)
			}
			if !v.Has(re.Param) || re.Msg == "" {
				t.Errorf("%q: error names parameter %q, which the request did not give: %v", raw, re.Param, err)
			}
		} else {
			if r.Size < 1 || r.Size > search.MaxSize || r.From < 0 || r.From%r.Size != 0 || r.From+r.Size > 10000+search.MaxSize {
				t.Errorf("%q: size %d, from %d", raw, r.Size, r.From)
			}
			if r.Sort != "" && !slices.Contains(sorts, r.Sort) || len(r.Query) > 1000 {
				t.Errorf("%q: sort %q, query of %d bytes", raw, r.Sort, len(r.Query))
			}
			if err := r.Filters.Validate(); err != nil {
				t.Errorf("%q: accepted filters fail Validate: %v", raw, err)
			}
		}
		p, bad, ok := readDocParams(v)
		if !ok {
			given := false
			for _, n := range bad.names {
				given = given || v.Has(n)
			}
			if !given || !strings.Contains(bad.api(), bad.names[0]) {
				t.Errorf("%q: refused for %v, which the request did not give", raw, bad.names)
			}
			return
		}
		if p.part < 1 || p.cited < 1 || p.relpage < 1 {
			t.Errorf("%q: part %d, cited %d, relpage %d", raw, p.part, p.cited, p.relpage)
		}
		if (p.rel != nil) != (v.Get("rel") != "") {
			t.Errorf("%q: group %v for rel %q", raw, p.rel, v.Get("rel"))
		}
	})
}
