package search

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
)

func TestMinMatchRule(t *testing.T) {
	for _, tt := range []struct{ n, want int }{{1, 1}, {2, 2}, {3, 2}, {4, 2}, {5, 3}, {6, 3}, {7, 4}, {8, 4}, {20, 4}} {
		if got := minMatch(tt.n); got != tt.want {
			t.Errorf("minMatch(%d) = %d, want %d", tt.n, got, tt.want)
		}
	}
}

// unitsDocs are written for the test: documents about the query's
// subject, and documents holding every one of its syllables scattered
// (as any Vietnamese text holds "co", "so", "khi", "noi").
func unitsDocs() []*corpus.Document {
	docs := []*corpus.Document{
		{ID: "khi-thai", Title: "Kế hoạch kiểm soát ô nhiễm không khí trên địa bàn Hà Nội", Body: "Thành phố Hà Nội triển khai các giải pháp giảm ô nhiễm không khí do giao thông và xây dựng."},
		{ID: "bui-min", Title: "Công văn về bụi mịn", Body: "Ô nhiễm không khí do bụi mịn tại các khu công nghiệp cần được kiểm soát."},
		// water, not air: "ô nhiễm" and "Hà Nội" are two of the five pairs
		{ID: "nuoc", Title: "Công văn về nguồn nước", Body: "Ô nhiễm nguồn nước sông Tô Lịch ở Hà Nội."},
		{ID: "luong", Title: "Thông tư hướng dẫn mức lương cơ sở", Body: "Mức lương cơ sở là căn cứ tính các khoản phụ cấp."},
		{ID: "qd-2530", Title: "Quyết định số 2530/QĐ-TTg", Number: "2530/QĐ-TTg", Body: "Quyết định phê duyệt kế hoạch hành động về môi trường."},
		{ID: "cite-2530", Title: "Kế hoạch thực hiện", Body: "Thực hiện Quyết định số 2530/QĐ-TTg của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành kế hoạch."},
		{ID: "qd-khac", Title: "Quyết định số 17/QĐ-UBND", Number: "17/QĐ-UBND", Body: "Quyết định về việc giao chỉ tiêu năm 2026."},
		{ID: "an-le", Title: "Án lệ số 63/2023/AL", Number: "63/2023/AL", Body: "Án lệ về xác định lỗi trong hợp đồng đặt cọc."},
	}
	// scattered syllables: có, cơ quan, khi, nơi, hạ tầng, nội dung, mức, lượng, số, sở, không, ô tô, nhiễm bệnh
	for i := range 6 {
		docs = append(docs, &corpus.Document{ID: fmt.Sprintf("rai-%d", i), Title: fmt.Sprintf("Công văn %d về hạ tầng", i),
			Body: "Khi có yêu cầu, cơ quan nơi tiếp nhận xem xét nội dung; số lượng hồ sơ không hạn chế, mức độ hoàn thành tại trụ sở; xe ô tô; phòng nhiễm bệnh; hà khắc; quyết toán; định kỳ."})
	}
	return docs
}

// TestMinMatchCounts: the total and facets count the documents holding
// enough of the query's units, typed with or without accents; a number
// the query names is required when the index holds it and left out when
// it holds it nowhere; the list is the ranking unchanged (Listed of it).
func TestMinMatchCounts(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an on-disk index")
	}
	docs := unitsDocs()
	ix, err := indexer.Open(filepath.Join(t.TempDir(), "index"), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Add(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	s := New(ix.Bleve(), WithTexts(docTexts(docs)))
	ctx := context.Background()
	for _, tt := range []struct {
		query string
		want  []string // the documents counted, any order
	}{
		{"o nhiem khong khi ha noi", []string{"khi-thai", "bui-min"}},
		{"ô nhiễm không khí hà nội", []string{"khi-thai", "bui-min"}},
		{"muc luong co so", []string{"luong"}},
		{"quyet dinh 2530", []string{"qd-2530", "cite-2530"}},
		{"2530/QĐ-TTg", []string{"qd-2530", "cite-2530"}},
		// "an le 63" reads as a partial number no stored key matches: its words decide
		{"an le 63", []string{"an-le"}},
	} {
		counted := countedIDs(t, s, tt.query)
		want := slices.Clone(tt.want)
		slices.Sort(want)
		if !slices.Equal(counted, want) {
			t.Errorf("%q: counts %v, want %v", tt.query, counted, want)
		}
		for _, topOnly := range []bool{true, false} {
			any, err := s.Search(ctx, Request{Query: tt.query, Size: 50, Facets: true, TopOnly: topOnly})
			if err != nil {
				t.Fatal(err)
			}
			res, err := s.Search(ctx, Request{Query: tt.query, Size: 50, Facets: true, TopOnly: topOnly, MinMatch: true})
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != uint64(len(want)) || res.Listed != any.Total {
				t.Errorf("%q (topOnly %v): total %d listed %d, want %d and the any-word total %d", tt.query, topOnly, res.Total, res.Listed, len(want), any.Total)
			}
			if any.Total <= res.Total && tt.query != "an le 63" {
				t.Errorf("%q: any word counts %d, no more than %d", tt.query, any.Total, res.Total)
			}
			// the list is the ranking unchanged
			if len(res.Hits) != len(any.Hits) {
				t.Fatalf("%q: %d hits, the any-word ranking %d", tt.query, len(res.Hits), len(any.Hits))
			}
			for i := range res.Hits {
				if res.Hits[i].ID != any.Hits[i].ID || res.Hits[i].Score != any.Hits[i].Score {
					t.Errorf("%q: hit %d %s %v, the any-word ranking's %s %v", tt.query, i, res.Hits[i].ID, res.Hits[i].Score, any.Hits[i].ID, any.Hits[i].Score)
				}
			}
			// facets count what the total counts
			n := 0
			for _, f := range res.Facets[indexer.FieldYear] {
				n += f.Count
			}
			if n > len(want) {
				t.Errorf("%q: year facet counts %d, over the total %d", tt.query, n, len(want))
			}
		}
	}
}

// countedIDs are the documents the query's units let through, sorted.
func countedIDs(t *testing.T, s *Searcher, q string) []string {
	t.Helper()
	_, p, _, err := s.prepare(mustPin(t, s), Request{Query: q, MinMatch: true})
	if err != nil {
		t.Fatal(err)
	}
	p.Filters.units = p.units
	res, err := s.idx.Search(bleve.NewSearchRequestOptions(p.bleveQuery(s.texts), 100, 0, false))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	slices.Sort(ids)
	return ids
}
