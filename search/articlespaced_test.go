package search

import (
	"context"
	"slices"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// TestArticleIntentSpacedLetter: a query that types an inserted article's
// letter apart from its number ("điều 63 a", "Điều 63 A", "điều 63-a")
// names that article, as "điều 63a" does (search/query.ArticleRefs): in an
// on-disk index it ranks article 63a of the decree above article 63, whose
// points "a)", "b)" hold the letter as a word too. "điều 63 và …" is article
// 63. The 63a title is real (49/2026/NĐ-CP inserts "Điều 63a. Các trường
// hợp bất khả kháng khi gia hạn sử dụng đất …" into Nghị định
// 102/2024/NĐ-CP); the rest is written for the test.
func TestArticleIntentSpacedLetter(t *testing.T) {
	var docs []*corpus.Document
	for _, a := range []struct{ id, num, title, body string }{
		{"nd102-63", "63", "Gia hạn sử dụng đất khi hết thời hạn",
			"1. Người sử dụng đất nộp hồ sơ xin gia hạn theo Điều 172 của Luật Đất đai gồm:\na) Đơn xin gia hạn sử dụng đất;\nb) Giấy chứng nhận quyền sử dụng đất."},
		{"nd102-63a", "63a", "Các trường hợp bất khả kháng khi gia hạn sử dụng đất",
			"1. Thiên tai, hỏa hoạn làm người sử dụng đất không nộp được hồ sơ đúng hạn theo Điều 172 của Luật Đất đai."},
		{"nd102-64", "64", "Hồ sơ xin gia hạn sử dụng đất", "1. Hồ sơ gồm đơn xin gia hạn sử dụng đất theo quy định tại Điều 63 của Nghị định này."},
		{"nd102-31", "31", "Trường hợp bất khả kháng", "1. Các trường hợp bất khả kháng gồm thiên tai, dịch bệnh theo quy định tại Điều 172 của Luật Đất đai."},
		{"nd102-65", "65", "Trình tự gia hạn sử dụng đất", "1. Cơ quan tiếp nhận hồ sơ kiểm tra điều kiện gia hạn sử dụng đất."},
	} {
		d := &corpus.Document{ID: a.id, Title: a.title, Body: a.body}
		corpus.PartMeta{Law: "102/2024/NĐ-CP", Article: a.num}.Apply(d)
		docs = append(docs, d)
	}
	s := searcherOf(t, docs)
	for _, c := range []struct{ q, first string }{
		{"điều 63 a", "nd102-63a"},
		{"Điều 63 A", "nd102-63a"},
		{"điều 63-a", "nd102-63a"},
		{"điều 63a", "nd102-63a"},
		{"điều 63", "nd102-63"},
		{"điều 63 và 64", "nd102-63"},
	} {
		res, err := s.Search(context.Background(), Request{Query: c.q, Size: 10})
		if err != nil {
			t.Fatalf("Search(%q): %v", c.q, err)
		}
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		if len(ids) == 0 || ids[0] != c.first || !slices.Contains(ids, "nd102-63") {
			t.Errorf("%q: %v, want %s first", c.q, ids, c.first)
		}
	}
}
