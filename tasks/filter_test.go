package tasks

import (
	"net/url"
	"testing"
)

// TestFilterFromValues: every URL parameter of /tasks, /api/tasks and
// /api/tasks.csv reaches its field of the filter.
func TestFilterFromValues(t *testing.T) {
	v := url.Values{"agency": {" sở y tế "}, "partners": {"1"}, "parent": {"154/NQ-CP"}, "passage": {"II.1"},
		"plan": {"45/KH-UBND"}, "from": {"2025-01-01"}, "to": {"2025-12-31"}, "kind": {"recurring"}, "site": {"binhduong"},
		"sort": {"plan"}, "page": {"3"}, "size": {"20"}}
	f, err := FilterFromValues(v)
	if err != nil {
		t.Fatal(err)
	}
	want := Filter{Agency: "sở y tế", Partners: true, Parent: "154/NQ-CP", Passage: "II.1", Plan: "45/KH-UBND",
		From: "2025-01-01", To: "2025-12-31", Kind: "recurring", Site: "binhduong", Sort: SortPlan, Offset: 40, Limit: 20,
		kind: int(kindOrder["recurring"])}
	if f != want {
		t.Errorf("FilterFromValues(%v) =\n%+v, want\n%+v", v, f, want)
	}
	f, err = FilterFromValues(url.Values{})
	if err != nil {
		t.Fatal(err)
	}
	if want := (Filter{Sort: SortDeadline, Limit: 50, kind: -1}); f != want {
		t.Errorf("FilterFromValues(none) = %+v, want the defaults %+v", f, want)
	}
	for _, bad := range []url.Values{{"partners": {"yes"}}, {"page": {"0"}}, {"size": {"x"}}, {"from": {"2025-13-01"}},
		{"kind": {"soon"}}, {"passage": {"II.1"}}, {"page": {"100000"}}} {
		if _, err := FilterFromValues(bad); err == nil {
			t.Errorf("FilterFromValues(%v): no error", bad)
		}
	}
}
