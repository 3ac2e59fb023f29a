package graph

import (
	"context"
	"testing"

	"github.com/vanban/vanban/corpus/cite"
)

// TestRelationGroups: a decision 250 others are based on and one repeals
// has two groups counted in full, the strongest first, each naming its
// first links; the pages of a group name every link once; Relations keeps
// the repeal within its bound of 200 (it kept the first 200 in key order,
// based_on before repeals, and left the repeal out).
func TestRelationGroups(t *testing.T) {
	const n = 250
	s := openTestDB(t)
	s.put(groupDocs(n)...)
	gs, err := s.groups(context.Background(), "1579/QĐ-UBND", 3)
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
		if g.Kind != want.kind || g.In != want.in || g.Total != want.total || len(g.Links) != want.links || g.Label != RelationLabel(want.kind, want.in) {
			t.Errorf("group %d: %s in=%v total %d, %d links; want %s in=%v total %d, %d links", i, g.Kind, g.In, g.Total, len(g.Links),
				want.kind, want.in, want.total, want.links)
		}
	}
	if l := gs[0].Links[0]; l.Key != "9999/QĐ-UBND" || len(l.Docs) != 1 {
		t.Errorf("the repeal names %+v", l)
	}

	seen := map[string]bool{}
	for off := 0; off < n+100; off += 100 {
		g, err := s.page(context.Background(), "1579/QĐ-UBND", true, cite.BasedOn, off, 100)
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
	if g, err := s.page(context.Background(), "1579/QĐ-UBND", true, cite.BasedOn, 1<<62, 100); err != nil || len(g.Links) != 0 || g.Total != n {
		t.Errorf("a page far past the end: %d links of %d, %v", len(g.Links), g.Total, err)
	}
	if g, err := s.page(context.Background(), "1579/QĐ-UBND", true, "nonsense", 0, 100); err != nil || g.Total != 0 {
		t.Errorf("an unknown kind: %+v, %v", g, err)
	}

	rel, err := s.relations("1579/QĐ-UBND")
	if err != nil {
		t.Fatal(err)
	}
	if len(rel.In) != MaxLinks || rel.In[0].Kind != cite.Repeals || rel.In[1].Kind != cite.BasedOn {
		t.Errorf("Relations: %d in, the first %s; want %d, the repeal first", len(rel.In), rel.In[0].Kind, MaxLinks)
	}
}
