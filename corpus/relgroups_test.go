package corpus

import (
	"context"
	"fmt"
	"testing"

	"github.com/vanban/vanban/corpus/cite"
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
