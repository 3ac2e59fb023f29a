package tasks

import (
	"errors"
	"net/url"
	"reflect"
	"testing"
)

// FuzzFilterFromValues reads any query string as the tasks view's
// parameters (the web's /tasks and /api/tasks, the commands' read API): a
// refusal is a *FilterError naming a parameter the request gave; an
// accepted filter is within its bounds (1 ≤ size ≤ MaxLimit, a whole page
// no deeper than 100,000 rows, names ≤ 300 bytes, a known sort) and
// validating it again changes nothing.
func FuzzFilterFromValues(f *testing.F) {
	for _, q := range []string{
		"agency=S%E1%BB%9F+Y+t%E1%BA%BF&partners=1&sort=deadline",
		"agency=so+tn%26mt&from=2026-01-01&to=2026-12-31&kind=date&page=3&size=20",
		"parent=57-NQ%2FTW&passage=II.1&best=1&plan=123%2FKH-UBND",
		"parent=57-NQ%2FTW&best=1",
		"passage=III.2",
		"kind=none&site=haugiang&sort=plan&size=500&page=200",
		"from=2026-13-01",
		"from=2027-01-01&to=2026-06-30",
		"page=0&size=-1",
		"page=99999999999999999999",
		"size=501&page=201",
		"kind=h%C3%A0ng+qu%C3%BD&partners=c%C3%B3",
		"agency=" + string(make([]byte, 301)),
		"",
	} {
		f.Add(q)
	}
	names := map[string]bool{"agency": true, "partners": true, "parent": true, "passage": true, "best": true, "plan": true,
		"from": true, "to": true, "kind": true, "site": true, "sort": true, "page": true, "size": true}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		flt, err := FilterFromValues(v)
		if err != nil {
			var fe *FilterError
			if !errors.As(err, &fe) {
				t.Fatalf("%q: %T %v, want a *FilterError", raw, err, err)
			}
			if !names[fe.Param] || !v.Has(fe.Param) {
				t.Errorf("%q: error names parameter %q, which the request did not give: %v", raw, fe.Param, err)
			}
			return
		}
		if flt.Limit < 1 || flt.Limit > MaxLimit || flt.Offset < 0 || flt.Offset%flt.Limit != 0 || flt.Offset+flt.Limit > 100000+MaxLimit {
			t.Errorf("%q: limit %d, offset %d", raw, flt.Limit, flt.Offset)
		}
		if flt.Sort != SortDeadline && flt.Sort != SortPlan {
			t.Errorf("%q: sort %q", raw, flt.Sort)
		}
		for _, s := range []string{flt.Agency, flt.Parent, flt.Passage, flt.Plan, flt.Site} {
			if len(s) > 300 {
				t.Errorf("%q: a name of %d bytes accepted", raw, len(s))
			}
		}
		again := flt
		if err := again.Validate(); err != nil || !reflect.DeepEqual(again, flt) {
			t.Errorf("%q: validating the accepted filter again: %v, %+v → %+v", raw, err, flt, again)
		}
	})
}
