package search

import (
	"context"
	"slices"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// TestSearchOCRSplitNumbers: numbers OCR split inside their digits after
// "số" ("số 4 3/2024/QH1 5") or typed with a "." for the dash
// ("31/2023/NĐ.CP") are found through an on-disk index by the number as
// typed whole, split after "số", or with the dot in either case: the
// tokenizer's key and the query's agree (viet splitLead, dotDash). A
// document that cites another number with the second half alone
// (3/2024/QH15) does not come first for the joined number. Written for
// the review; numbers made up.
func TestSearchOCRSplitNumbers(t *testing.T) {
	docs := []*corpus.Document{
		{ID: "split", Title: "Nghị định về cảng cá", Type: "Nghị định", Number: "99/2025/NĐ-CP", Published: "2025-01-02",
			Body: "Căn cứ Luật Đường thủy nội địa số 4 3/2024/QH1 5;\nCăn cứ Nghị định số 31/2023/NĐ.CP ngày 5 tháng 6 năm 2023 của Chính phủ;\nChính phủ ban hành Nghị định quy định về cảng cá."},
		{ID: "tail", Title: "Thông tư về thuế", Type: "Thông tư", Number: "7/2025/TT-BTC", Published: "2025-02-02",
			Body: "Căn cứ Luật số 3/2024/QH15 và Nghị định số 31/2023/NĐ-CP ngày 5 tháng 6 năm 2023;\nBộ trưởng ban hành Thông tư về thuế."},
		{ID: "other", Title: "Công văn", Type: "Công văn", Number: "12/UBND", Published: "2025-03-02",
			Body: "Về việc tổ chức hội nghị tiếp công dân năm 2024 tại trụ sở."},
	}
	s := searcherOf(t, docs)
	for _, tt := range []struct {
		q     string
		first string   // "" when any
		has   []string // must be among the hits
	}{
		{"43/2024/QH15", "split", nil},
		{"43/2024/qh15", "split", nil},
		{"Luật số 4 3/2024/QH1 5", "split", nil},
		{"3/2024/QH15", "tail", nil},
		{"31/2023/NĐ.CP", "", []string{"split", "tail"}},
		{"31/2023/nđ.cp", "", []string{"split", "tail"}},
		{"31/2023/NĐ-CP", "", []string{"split", "tail"}},
	} {
		res, err := s.Search(context.Background(), Request{Query: tt.q})
		if err != nil {
			t.Fatalf("Search(%q): %v", tt.q, err)
		}
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		if tt.first != "" && (len(ids) == 0 || ids[0] != tt.first) {
			t.Errorf("Search(%q) hits %v, want %s first", tt.q, ids, tt.first)
		}
		for _, id := range tt.has {
			if !slices.Contains(ids, id) {
				t.Errorf("Search(%q) hits %v, want %s among them", tt.q, ids, id)
			}
		}
	}
}
