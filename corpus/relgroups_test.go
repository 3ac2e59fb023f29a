package corpus

import (
	"context"
	"fmt"
	"testing"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/graph"
)

// groupDocs are 1579/QĐ-UBND (decisionA), n decisions of a fictional
// province based on it and one that repeals it (lines written for the
// test).
func groupDocs(n int) []*Document {
	a := *decisionA
	docs := []*Document{&a}
	for i := range n {
		num := fmt.Sprintf("%d/QĐ-UBND", 3000+i)
		docs = append(docs, &Document{URL: fmt.Sprintf("https://phuan.example/cc/%d", i), Type: "Quyết định", Number: num, Published: "2024-09-01",
			Title: "Quyết định số " + num + " về hạ tầng dữ liệu huyện",
			Body:  "Căn cứ Quyết định số 1579/QĐ-UBND ngày 05 tháng 7 năm 2024 của UBND tỉnh;\nĐiều 1. Giao nhiệm vụ.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký."})
	}
	docs = append(docs, &Document{URL: "https://phuan.example/bb", Type: "Quyết định", Number: "9999/QĐ-UBND", Published: "2026-01-05",
		Title: "Quyết định số 9999/QĐ-UBND bãi bỏ Quyết định số 1579/QĐ-UBND",
		Body:  "Điều 1. Bãi bỏ Quyết định số 1579/QĐ-UBND ngày 05 tháng 7 năm 2024 của UBND tỉnh.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký."})
	return docs
}

// TestRelationGroups: a decision 250 others are based on and one repeals
// has two groups counted in full, the strongest first, each naming its
// first links; the pages of a group name every link once; Relations keeps
// the repeal within its bound of 200 (it kept the first 200 in key order,
// based_on before repeals, and left the repeal out).
func TestRelationGroups(t *testing.T) {
	const n = 250
	s := openTestStore(t, t.TempDir())
	if _, err := s.PutBatch(groupDocs(n)); err != nil {
		t.Fatal(err)
	}
	gs, err := s.RelationGroups(context.Background(), "1579/QĐ-UBND", 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(gs) != 3 {
		t.Fatalf("%d groups, want 3 (repealed by, based on by, based on): %+v", len(gs), gs)
	}
	for i, want := range []struct {
		kind  cite.Relation
		in    bool
		total int
		links int
	}{{cite.Repeals, true, 1, 1}, {cite.BasedOn, true, n, 3}, {cite.BasedOn, false, 1, 1}} {
		g := gs[i]
		if g.Kind != want.kind || g.In != want.in || g.Total != want.total || len(g.Links) != want.links || g.Label != graph.RelationLabel(want.kind, want.in) {
			t.Errorf("group %d: %s in=%v total %d, %d links; want %s in=%v total %d, %d links", i, g.Kind, g.In, g.Total, len(g.Links),
				want.kind, want.in, want.total, want.links)
		}
	}
	if l := gs[0].Links[0]; l.Key != "9999/QĐ-UBND" || len(l.Docs) != 1 {
		t.Errorf("the repeal names %+v", l)
	}

	seen := map[string]bool{}
	for off := 0; off < n+100; off += 100 {
		g, err := s.RelationGroupPage(context.Background(), "1579/QĐ-UBND", true, cite.BasedOn, off, 100)
		if err != nil {
			t.Fatal(err)
		}
		if g.Total != n || len(g.Links) != min(100, max(0, n-off)) {
			t.Errorf("page at %d: total %d, %d links", off, g.Total, len(g.Links))
		}
		for _, l := range g.Links {
			if seen[l.Key] || len(l.Docs) != 1 {
				t.Errorf("page at %d: %s again, or not stored (%v)", off, l.Key, l.Docs)
			}
			seen[l.Key] = true
		}
	}
	if len(seen) != n {
		t.Errorf("the pages name %d links, want %d", len(seen), n)
	}
	if g, err := s.RelationGroupPage(context.Background(), "1579/QĐ-UBND", true, cite.BasedOn, 1<<62, 100); err != nil || len(g.Links) != 0 || g.Total != n {
		t.Errorf("a page far past the end: %d links of %d, %v", len(g.Links), g.Total, err)
	}
	if g, err := s.RelationGroupPage(context.Background(), "1579/QĐ-UBND", true, "nonsense", 0, 100); err != nil || g.Total != 0 {
		t.Errorf("an unknown kind: %+v, %v", g, err)
	}

	rel, err := s.Relations("1579/QĐ-UBND")
	if err != nil {
		t.Fatal(err)
	}
	if len(rel.In) != graph.MaxLinks || rel.In[0].Kind != cite.Repeals || rel.In[1].Kind != cite.BasedOn {
		t.Errorf("Relations: %d in, the first %s; want %d, the repeal first", len(rel.In), rel.In[0].Kind, graph.MaxLinks)
	}
}

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
