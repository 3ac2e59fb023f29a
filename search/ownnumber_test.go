package search

import (
	"context"
	"slices"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// TestSearchOwnNumberTyped: a document's own number is one key in the
// number field and is found first however staff type it — slashes,
// spaces, dots or dashes for its separators, the issuer's code after a
// space. A stray digit before a number in an appendix's header names the
// number after it, not a made-up one, and a dot after a code no type has
// ends the number ("123/UBND.UBND"). Written for the test; numbers made
// up.
func TestSearchOwnNumberTyped(t *testing.T) {
	docs := []*corpus.Document{
		{ID: "own", Title: "Nghị định quy định về phí bảo vệ môi trường", Type: "Nghị định", Number: "97/2031/NĐ-CP", Published: "2031-03-05",
			Body: "Nghị định này quy định về phí bảo vệ môi trường đối với nước thải.\n\nPHỤ LỤC\n(Kèm theo Nghị định số 2 97/2031/NĐ-CP ngày 5 tháng 3 năm 2031 của Chính phủ)\nMẫu tờ khai phí."},
		{ID: "other", Title: "Thông tư hướng dẫn thu phí", Type: "Thông tư", Number: "12/2031/TT-BTC", Published: "2031-04-05",
			Body: "Căn cứ Nghị định số 297/2031/NĐ-CP ngày 1 tháng 4 năm 2031;\nCông văn số 123/UBND.UBND tỉnh đã giao Sở Tài chính hướng dẫn."},
	}
	s := searcherOf(t, docs)
	for _, tt := range []struct {
		q     string
		first string // "" when none
		not   string // must not be among the hits
	}{
		{"97/2031/NĐ-CP", "own", ""},
		{"97 2031 NĐ CP", "own", ""},
		{"97 2031 nd cp", "own", ""},
		{"97-2031-NĐ-CP", "own", ""},
		{"97.2031.NĐ.CP", "own", ""},
		{"97/2031/NĐ CP", "own", ""},
		{"97 / 2031 / nđ - cp", "own", ""},
		{"297/2031/NĐ-CP", "other", ""}, // "own" may follow on the number's words, never first
		{"123/UBND", "other", ""},
	} {
		res, err := s.Search(context.Background(), Request{Query: tt.q})
		if err != nil {
			t.Fatalf("Search(%q): %v", tt.q, err)
		}
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		if len(ids) == 0 || ids[0] != tt.first {
			t.Errorf("Search(%q) hits %v, want %s first", tt.q, ids, tt.first)
		}
		if tt.not != "" && slices.Contains(ids, tt.not) {
			t.Errorf("Search(%q) hits %v, want no %s", tt.q, ids, tt.not)
		}
	}
}
