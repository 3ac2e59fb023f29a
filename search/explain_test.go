package search

import (
	"fmt"
	"testing"
)

func TestExplain(t *testing.T) {
	for _, c := range []struct {
		q, title, body, number string
		want                   Match
	}{
		{"nghị quyết", "Tin", "Nghị quyết đã ban hành", "", Match{Exact: []string{"nghị", "quyết"}, Phrases: []string{"nghị quyết"}}},
		{"nghi quyet", "Nghị quyết", "x", "", Match{Folded: []string{"nghi", "quyet"}, Phrases: []string{"nghi quyet"}, InTitle: true}},
		{"quyết nghị", "", "nghị quyết", "", Match{Exact: []string{"quyết", "nghị"}}},
		{"154/NQ-CP", "", "thực hiện Nghị quyết số 154/NQ-CP", "", Match{Cited: []string{"154/NQ-CP"}}},
		{"154 NQ CP", "", "", "154/NQ-CP", Match{Number: []string{"154/NQ-CP"}}},
	} {
		got := Explain(ParseQuery(c.q), c.title, c.body, c.number)
		if fmt.Sprint(*got) != fmt.Sprint(c.want) {
			t.Errorf("explain(%q, %q) = %+v, want %+v", c.q, c.body, *got, c.want)
		}
	}
}
