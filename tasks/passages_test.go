package tasks

import (
	"context"
	"maps"
	"slices"
	"testing"
)

// TestPassages: a parent's tasks counted by passage as Coverage counts
// them, the first Per of each passage asked read in the order of the
// tasks view (SortPlan), Limit in all with the passages asked first
// served first, and nothing read for a passage not asked.
func TestPassages(t *testing.T) {
	tb, _ := testTable(t)
	ctx := context.Background()
	all := queryTable(t, tb, Filter{Parent: "15/NQ-HĐND", Sort: SortPlan, Limit: MaxLimit})
	first := map[string][]string{} // passage → its tasks, in order
	var order []string
	for _, r := range all.Tasks {
		if len(r.Links) == 0 {
			continue
		}
		p := r.Links[0].Passage
		if first[p] == nil {
			order = append(order, p)
		}
		first[p] = append(first[p], r.Plan.ID+" "+r.ID)
	}
	if len(order) < 3 || !slices.ContainsFunc(order, func(p string) bool { return len(first[p]) > 1 }) {
		t.Fatalf("the test needs three passages, one with two tasks: %v", first)
	}
	count, unlinked, err := tb.Coverage(ctx, "15/NQ-HĐND")
	if err != nil {
		t.Fatal(err)
	}
	ids := func(rows []Row) []string {
		var out []string
		for _, r := range rows {
			out = append(out, r.Plan.ID+" "+r.ID)
		}
		return out
	}
	// The last passage asked first; one task each; two in all.
	asked := []string{order[len(order)-1], order[0], order[1]}
	res, err := tb.Passages(ctx, PassageQuery{Parent: "15/NQ-HĐND", Passages: asked, Per: 1, Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(res.Count, count) || res.Unlinked != unlinked || res.Total != all.Total || res.Shown != 2 {
		t.Errorf("Passages: counts %v, %d unlinked, %d of %d shown; want %v, %d, 2 of %d", res.Count, res.Unlinked, res.Shown, res.Total,
			count, unlinked, all.Total)
	}
	for i, p := range asked {
		want := first[p][:1]
		if i == 2 {
			want = nil // past Limit
		}
		if got := ids(res.Tasks[p]); !slices.Equal(got, want) {
			t.Errorf("passage %s: %v, want %v", p, got, want)
		}
	}
	// Every task of every passage, in order.
	res, err = tb.Passages(ctx, PassageQuery{Parent: "15/NQ-HĐND", Passages: order, Per: MaxLimit, Limit: MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range order {
		if got := ids(res.Tasks[p]); !slices.Equal(got, first[p]) {
			t.Errorf("passage %s: %v, want %v", p, got, first[p])
		}
	}
	if _, err := tb.Passages(ctx, PassageQuery{Parent: "15/NQ-HĐND", Per: -1}); err == nil {
		t.Error("a negative Per is accepted")
	}
}
