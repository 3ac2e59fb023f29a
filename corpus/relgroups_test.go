package corpus

import (
	"context"
	"testing"

	"github.com/vanban/vanban/corpus/cite"
)

// TestGroupPageAllocs: a group's page N walks the links before it to
// skip them (in the order its edges are stored), but a skipped link
// allocates nothing of its own (graph's linkSet): page 15 of a group of
// 1,500 plans implementing one resolution may cost at most 0.25 an
// allocation more than page 1 for each of the 1,400 links it skips. A
// string a skipped link (before i19-graph) was one and more each.
func TestGroupPageAllocs(t *testing.T) {
	s := openTestStore(t, t.TempDir())
	if _, err := s.PutBatch(hubDocs(1500, 0)); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	page := func(offset int) float64 {
		g, err := s.RelationGroupPage(ctx, "99/NQ-CP", true, cite.Implements, offset, 100)
		if err != nil || g.Total != 1500 || len(g.Links) != 100 {
			t.Fatalf("page at %d: %d of %d links, %v", offset, len(g.Links), g.Total, err)
		}
		return testing.AllocsPerRun(5, func() {
			if _, err := s.RelationGroupPage(ctx, "99/NQ-CP", true, cite.Implements, offset, 100); err != nil {
				t.Fatal(err)
			}
		})
	}
	first, later := page(0), page(1400)
	if per := (later - first) / 1400; per > 0.25 {
		t.Errorf("page 15 %.0f allocations, page 1 %.0f: %.2f a skipped link, want at most 0.25", later, first, per)
	}
	t.Logf("page 1 %.0f allocations, page 15 %.0f", first, later)
}
