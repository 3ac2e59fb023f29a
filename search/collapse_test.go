package search

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
)

// copiesDocs are documents written for the test: one circular ingested
// from three files (one number, three IDs), a decree from two, two
// resolutions numbered 12/NQ-CP in different years (numbers without a year
// restart each year: two documents), untitled and unnumbered documents on
// the same subject, and filler.
func copiesDocs() []*corpus.Document {
	body := "Thông tư quy định về chế độ bồi dưỡng đối với cán bộ làm công tác tiếp công dân, xử lý đơn thư khiếu nại. "
	docs := []*corpus.Document{
		{ID: "tt/a.md", Title: "Thông tư 41/2026/TT-BTC chế độ bồi dưỡng tiếp công dân", Number: "41/2026/TT-BTC", Type: "Thông tư", Issuer: "Bộ Tài chính", Published: "2026-03-02", Body: body + body},
		{ID: "tt/b.md", Title: "Thông tư số 41/2026/TT-BTC", Number: "41/2026/TT-BTC", Type: "Thông tư", Issuer: "Bộ Tài chính", Published: "2026-03-02", Body: body},
		{ID: "tt/c.md", URL: "https://mof.example/tt41", Title: "TT 41/2026/TT-BTC (bản PDF)", Number: "41/2026/TT-BTC", Type: "Thông tư", Issuer: "BTC", Published: "2026-03-02", Body: body + "Bản chụp."},
		{ID: "nd/x.md", Title: "Nghị định 77/2026/NĐ-CP về tiếp công dân", Number: "77/2026/NĐ-CP", Type: "Nghị định", Issuer: "Chính phủ", Published: "2026-05-10", Body: "Nghị định quy định việc tiếp công dân và xử lý đơn khiếu nại, tố cáo."},
		{ID: "nd/y.md", Title: "Nghị định 77/2026/NĐ-CP", Number: "77/2026/NĐ-CP", Type: "Nghị định", Issuer: "Chính phủ", Published: "2026-05-10", Body: "Nghị định quy định việc tiếp công dân và xử lý đơn khiếu nại, tố cáo tại trụ sở."},
		{ID: "nq/2024.md", Title: "Nghị quyết 12/NQ-CP năm 2024 về tiếp công dân", Number: "12/NQ-CP", Type: "Nghị quyết", Issuer: "Chính phủ", Published: "2024-01-15", Body: "Nghị quyết về công tác tiếp công dân năm 2024."},
		{ID: "nq/2025.md", Title: "Nghị quyết 12/NQ-CP năm 2025 về tiếp công dân", Number: "12/NQ-CP", Type: "Nghị quyết", Issuer: "Chính phủ", Published: "2025-01-20", Body: "Nghị quyết về công tác tiếp công dân năm 2025."},
		{ID: "tin/1.html", Title: "Tin: tiếp công dân định kỳ", Type: "Tin", Published: "2026-06-01", Body: "Lãnh đạo tỉnh tiếp công dân định kỳ tháng 6."},
		{ID: "tin/2.html", Title: "Tin: tiếp công dân định kỳ", Type: "Tin", Published: "2026-06-01", Body: "Lãnh đạo tỉnh tiếp công dân định kỳ tháng 6."},
	}
	for i := range 12 {
		docs = append(docs, &corpus.Document{ID: fmt.Sprintf("khac/%02d", i), Title: fmt.Sprintf("Công văn %d/UBND về tiếp công dân", 300+i),
			Number: fmt.Sprintf("%d/UBND-TCD", 300+i), Type: "Công văn", Issuer: "UBND tỉnh", Published: "2026-02-01",
			Body: "Về việc tổ chức tiếp công dân tại trụ sở tiếp công dân của tỉnh."})
	}
	return docs
}

func copiesSearcher(t *testing.T) *Searcher {
	t.Helper()
	docs := copiesDocs()
	ix, err := indexer.Open(filepath.Join(t.TempDir(), "index"), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.Add(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	return New(ix.Bleve(), WithTexts(docTexts(docs)))
}

func facetCount(fs []Facet, v string) int {
	for _, f := range fs {
		if f.Value == v {
			return f.Count
		}
	}
	return 0
}

// TestCollapseNumbers: the copies of a number are one hit, the best
// scoring, with the others as its copies; the total and facets count the
// number once; yearless numbers of different years and unnumbered
// documents never collapse; pages never repeat a number and together list
// every number once.
func TestCollapseNumbers(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an on-disk index")
	}
	s := copiesSearcher(t)
	ctx := context.Background()
	for _, topOnly := range []bool{false, true} {
		t.Run(fmt.Sprintf("topOnly=%v", topOnly), func(t *testing.T) {
			q := "tiep cong dan"
			flat, err := s.Search(ctx, Request{Query: q, Size: 100, Facets: true, TopOnly: topOnly})
			if err != nil {
				t.Fatal(err)
			}
			if flat.Total != 21 {
				t.Fatalf("uncollapsed total %d, want 21", flat.Total)
			}
			all, err := s.Search(ctx, Request{Query: q, Size: 100, Facets: true, TopOnly: topOnly, Collapse: true})
			if err != nil {
				t.Fatal(err)
			}
			// 41/2026/TT-BTC ×3 → 1, 77/2026/NĐ-CP ×2 → 1: three folded
			if all.Total != 18 || all.Folded != 3 || len(all.Hits) != 18 {
				t.Fatalf("collapsed total %d folded %d hits %d, want 18, 3, 18", all.Total, all.Folded, len(all.Hits))
			}
			byID := map[string]Hit{}
			var order []string
			for _, h := range all.Hits {
				byID[h.ID] = h
				order = append(order, h.ID)
			}
			// the kept copy is the best-scoring one of the flat ranking
			var firstTT, firstND string
			for _, h := range flat.Hits {
				if firstTT == "" && h.Number == "41/2026/TT-BTC" {
					firstTT = h.ID
				}
				if firstND == "" && h.Number == "77/2026/NĐ-CP" {
					firstND = h.ID
				}
			}
			tt, ok := byID[firstTT]
			if !ok || len(tt.Copies) != 2 {
				t.Fatalf("41/2026/TT-BTC kept %q with copies %+v; hits %v", firstTT, tt.Copies, order)
			}
			for _, c := range tt.Copies {
				if _, listed := byID[c.ID]; listed {
					t.Errorf("copy %s is listed too", c.ID)
				}
				if c.ID == "tt/c.md" && c.URL != "https://mof.example/tt41" {
					t.Errorf("copy %s: URL %q", c.ID, c.URL)
				}
				if c.Title == "" {
					t.Errorf("copy %s without its title", c.ID)
				}
			}
			if nd := byID[firstND]; len(nd.Copies) != 1 {
				t.Errorf("77/2026/NĐ-CP copies %+v, want 1", nd.Copies)
			}
			for _, id := range []string{"nq/2024.md", "nq/2025.md", "tin/1.html", "tin/2.html"} {
				if h, ok := byID[id]; !ok || len(h.Copies) > 0 {
					t.Errorf("%s: listed %v, copies %+v; want listed alone", id, ok, h.Copies)
				}
			}
			// facets count a number once; the copy typed "BTC" counts once under it
			ft, fi := all.Facets[indexer.FieldType], all.Facets[indexer.FieldIssuer]
			for _, c := range []struct {
				fs   []Facet
				v    string
				want int
			}{{ft, "Thông tư", 1}, {ft, "Nghị định", 1}, {ft, "Nghị quyết", 2}, {ft, "Tin", 2}, {fi, "Bộ Tài chính", 1}, {fi, "BTC", 1}, {fi, "Chính phủ", 3}} {
				if got := facetCount(c.fs, c.v); got != c.want {
					t.Errorf("facet %q: %d, want %d", c.v, got, c.want)
				}
			}
			if got := facetCount(all.Facets[indexer.FieldYear], "2026"); got != 16 {
				t.Errorf("year 2026: %d, want 16 (19 documents, 3 folded)", got)
			}
			// pages of 4: every number once, in the one-page order
			var paged []string
			for from := 0; from < 24; from += 4 {
				p, err := s.Search(ctx, Request{Query: q, From: from, Size: 4, Facets: true, TopOnly: topOnly, Collapse: true})
				if err != nil {
					t.Fatal(err)
				}
				if p.Total != 18 {
					t.Errorf("page at %d: total %d", from, p.Total)
				}
				for _, h := range p.Hits {
					paged = append(paged, h.ID)
				}
			}
			if !slices.Equal(paged, order) {
				t.Errorf("pages of 4:\n%v\nwant\n%v", paged, order)
			}
		})
	}
}

// TestCollapseFilterNarrows: a filter that keeps one copy leaves nothing
// to fold; a query one copy alone matches lists that copy alone.
func TestCollapseFilterNarrows(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an on-disk index")
	}
	s := copiesSearcher(t)
	ctx := context.Background()
	res, err := s.Search(ctx, Request{Query: "tiep cong dan", Size: 50, Facets: true, TopOnly: true, Collapse: true, Filters: Filters{Issuer: "BTC"}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 || len(res.Hits) != 1 || res.Hits[0].ID != "tt/c.md" || len(res.Hits[0].Copies) != 0 {
		t.Errorf("issuer BTC: total %d hits %+v, want tt/c.md alone", res.Total, res.Hits)
	}
	res, err = s.Search(ctx, Request{Query: "bản chụp", Size: 50, TopOnly: true, Collapse: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].ID != "tt/c.md" || len(res.Hits[0].Copies) != 0 {
		t.Errorf("bản chụp: %+v, want tt/c.md first without copies", res.Hits)
	}
}

// BenchmarkCollapse: a page of a query matching every document of 3,000,
// a third of them copies (500 numbers ×3, as a collection ingested from
// several sources holds), collapsed or not; and the per-snapshot read of
// the duplicate numbers.
func BenchmarkCollapse(b *testing.B) {
	var docs []*corpus.Document
	words := []string{"tiếp công dân", "xử lý đơn thư", "khiếu nại tố cáo", "bồi dưỡng cán bộ", "trụ sở tiếp dân"}
	for i := range 3000 {
		n := fmt.Sprintf("%d/2026/TT-BTC", i)
		if i < 1500 {
			n = fmt.Sprintf("%d/2026/TT-BNV", i/3) // 500 numbers, three copies each
		}
		docs = append(docs, &corpus.Document{ID: fmt.Sprintf("d/%04d", i), Title: "Thông tư " + n, Number: n, Type: "Thông tư", Issuer: "Bộ",
			Published: "2026-01-02", Body: fmt.Sprintf("Thông tư về %s và %s, số %d.", words[i%5], words[(i/5)%5], i)})
	}
	ix, err := indexer.Open(filepath.Join(b.TempDir(), "index"), indexer.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Add(context.Background(), docs); err != nil {
		b.Fatal(err)
	}
	s := New(ix.Bleve(), WithTexts(docTexts(docs)))
	ctx := context.Background()
	for _, c := range []struct {
		name     string
		collapse bool
		from     int
	}{{"flat", false, 0}, {"collapsed", true, 0}, {"flat/page10", false, 90}, {"collapsed/page10", true, 90}} {
		b.Run(c.name, func(b *testing.B) {
			r := Request{Query: "tiep cong dan thong tu", Size: 10, From: c.from, Facets: true, TopOnly: true, Collapse: c.collapse}
			for b.Loop() {
				if _, err := s.Search(ctx, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("snapshot", func(b *testing.B) {
		v := mustPin(b, s)
		for b.Loop() {
			if d, err := s.readDups(ctx, v); err != nil || len(d.ids) != 1500 {
				b.Fatalf("%d copies, %v", len(d.ids), err)
			}
		}
	})
}
