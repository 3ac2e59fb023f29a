package tasks

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/vanban/vanban/corpus/deadline"
)

// Orders of a query.
const (
	SortDeadline = "deadline" // the nearest deadline first (the default)
	SortPlan     = "plan"     // the newest plan first, its tasks in order
)

// MaxLimit caps a page.
const MaxLimit = 500

// MaxExport caps the rows of one CSV export: the web's /api/tasks.csv,
// `vanban tasks --csv` and the commands' read API (/api/cli/tasks.csv).
const MaxExport = 100000

// Filter selects and orders tasks. Every field is optional.
type Filter struct {
	Agency   string        // the agency in charge, any spelling ("so y te", "Sở TN&MT")
	Partners bool          // Agency also matches co-agencies
	Parent   string        // a parent document (ID or number): tasks linked to its passages
	Passage  string        // with Parent: tasks linked to this passage ("II.1"), by their best link or a further one
	Best     bool          // with Passage: only tasks whose best link to Parent is Passage (bestLink: a parent page's count)
	Plan     string        // an implementing document (ID or number)
	From, To string        // deadline range, YYYY-MM-DD, inclusive: only dated tasks
	Kind     deadline.Kind // date, recurring, unknown, or "none" for none stated
	Site     string
	Sort     string // SortDeadline or SortPlan
	Offset   int
	Limit    int // 1–MaxLimit, default 50

	kind int // kindOrder of Kind, -1: any
}

// Validate checks the filter and fills in its defaults.
func (f *Filter) Validate() error {
	for _, d := range []struct{ name, v string }{{"from", f.From}, {"to", f.To}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", d.v); err != nil {
			return &FilterError{d.name, fmt.Sprintf("want YYYY-MM-DD, got %q", d.v)}
		}
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return &FilterError{"from", "after to"}
	}
	f.kind = -1
	switch f.Kind {
	case "":
	case "none":
		f.kind = int(kindOrder[deadline.None])
	case deadline.Date, deadline.Recurring, deadline.Unknown:
		f.kind = int(kindOrder[f.Kind])
	default:
		return &FilterError{"kind", "want date, recurring, unknown or none"}
	}
	switch f.Sort {
	case "":
		f.Sort = SortDeadline
	case SortDeadline, SortPlan:
	default:
		return &FilterError{"sort", "want deadline or plan"}
	}
	if f.Passage != "" && f.Parent == "" {
		return &FilterError{"passage", "needs parent"}
	}
	if f.Best && f.Passage == "" {
		return &FilterError{"best", "needs passage"}
	}
	if f.Limit == 0 {
		f.Limit = 50
	}
	if f.Limit < 0 || f.Offset < 0 {
		return &FilterError{"limit", "negative"}
	}
	f.Limit = min(f.Limit, MaxLimit)
	for _, s := range []struct{ name, v string }{{"agency", f.Agency}, {"parent", f.Parent}, {"plan", f.Plan}, {"site", f.Site}, {"passage", f.Passage}} {
		if len(s.v) > 300 {
			return &FilterError{s.name, "longer than 300 bytes"}
		}
	}
	return nil
}

// FilterError is a bad filter parameter.
type FilterError struct{ Param, Msg string }

func (e *FilterError) Error() string { return fmt.Sprintf("parameter %s: %s", e.Param, e.Msg) }

// FilterFromValues reads a filter from URL parameters: agency, partners=1,
// parent, passage, best=1, plan, from, to, kind, site, sort, page (from 1)
// and size (the page's length).
func FilterFromValues(v url.Values) (Filter, error) {
	f := Filter{Agency: strings.TrimSpace(v.Get("agency")), Parent: strings.TrimSpace(v.Get("parent")),
		Passage: strings.TrimSpace(v.Get("passage")), Plan: strings.TrimSpace(v.Get("plan")),
		From: v.Get("from"), To: v.Get("to"), Kind: deadline.Kind(v.Get("kind")), Site: v.Get("site"), Sort: v.Get("sort")}
	for _, b := range []struct {
		name string
		dst  *bool
	}{{"partners", &f.Partners}, {"best", &f.Best}} {
		switch v.Get(b.name) {
		case "", "0":
		case "1":
			*b.dst = true
		default:
			return f, &FilterError{b.name, "want 0 or 1"}
		}
	}
	page := 1
	for _, p := range []struct {
		name string
		dst  *int
	}{{"page", &page}, {"size", &f.Limit}} {
		if s := v.Get(p.name); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 {
				return f, &FilterError{p.name, fmt.Sprintf("want an integer ≥ 1, got %q", s)}
			}
			*p.dst = n
		}
	}
	if err := f.Validate(); err != nil {
		return f, err
	}
	if page > 100000/f.Limit {
		return f, &FilterError{"page", "too deep; narrow the filter"}
	}
	f.Offset = (page - 1) * f.Limit
	return f, nil
}
