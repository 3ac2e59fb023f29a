package search

import (
	"context"
	"slices"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// TestArticleIntentSuffix: an inserted article ("Điều 63a.", which an
// amending decree adds after Điều 63) is cited by its number with its
// letter, "điều 63a", and the article field knows it apart from article
// 63: in an on-disk index, the query "điều 63a" ranks the article 63a
// above article 63 of the same decree, and the text holding a "Điều 63a."
// heading above the one holding "Điều 63." only; "điều 63" still ranks
// article 63 first. The 63a lines are real (49/2026/NĐ-CP inserts "Điều
// 63a. Các trường hợp bất khả kháng khi gia hạn sử dụng đất …" into
// Nghị định 102/2024/NĐ-CP); the article 63 lines are written for the test.
func TestArticleIntentSuffix(t *testing.T) {
	const (
		title63  = "Gia hạn sử dụng đất khi hết thời hạn"
		body63   = "1. Người sử dụng đất nộp hồ sơ xin gia hạn sử dụng đất trước khi hết thời hạn sử dụng đất.\n2. Cơ quan có thẩm quyền quyết định gia hạn sử dụng đất theo quy định tại Điều 172 của Luật Đất đai."
		title63a = "Các trường hợp bất khả kháng khi gia hạn sử dụng đất quy định tại khoản 3 Điều 172 của Luật Đất đai"
		body63a  = "1. Trường hợp bất khả kháng quy định tại các điểm a, b, c, d, đ, e và g khoản 1 Điều 31 của Nghị định số 102/2024/NĐ-CP."
	)
	var docs []*corpus.Document
	for _, a := range []struct{ id, num, title, body string }{
		{"nd102-63", "63", title63, body63},
		{"nd102-63a", "63a", title63a, body63a},
		{"nd102-31", "31", "Trường hợp bất khả kháng", "1. Các trường hợp bất khả kháng gồm thiên tai, dịch bệnh, chiến tranh theo quy định tại Điều 172 của Luật Đất đai."},
		{"nd102-64", "64", "Hồ sơ xin gia hạn sử dụng đất", "1. Hồ sơ gồm đơn xin gia hạn sử dụng đất theo quy định tại Điều 63 của Nghị định này."},
		{"nd102-65", "65", "Trình tự gia hạn sử dụng đất", "1. Cơ quan tiếp nhận hồ sơ kiểm tra điều kiện gia hạn sử dụng đất."},
	} {
		d := &corpus.Document{ID: a.id, Title: a.title, Body: a.body}
		corpus.PartMeta{Law: "102/2024/NĐ-CP", Article: a.num}.Apply(d)
		docs = append(docs, d)
	}
	docs = append(docs,
		&corpus.Document{ID: "text-63a", Title: "Nghị định quy định chi tiết về đất đai", Body: "Điều 63. " + title63 + "\n" + body63 +
			"\nĐiều 63a. " + title63a + "\n" + body63a},
		&corpus.Document{ID: "text-63", Title: "Nghị định quy định chi tiết về đất đai", Body: "Điều 63. " + title63 + "\n" + body63 +
			"\nĐiều 64. Thu hồi đất\n1. Trường hợp bất khả kháng quy định tại khoản 1 Điều 31 của Nghị định số 102/2024/NĐ-CP."},
	)
	s := searcherOf(t, docs)
	rank := func(q string) []string {
		t.Helper()
		res, err := s.Search(context.Background(), Request{Query: q, Size: 10})
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		return ids
	}
	before := func(ids []string, a, b string) bool {
		i, j := slices.Index(ids, a), slices.Index(ids, b)
		return i >= 0 && (j < 0 || i < j)
	}
	for _, c := range []struct{ q, first, second string }{
		{"điều 63a", "nd102-63a", "nd102-63"},
		{"ĐIỀU 63A", "nd102-63a", "nd102-63"},
		{"dieu 63a nghi dinh 102/2024", "nd102-63a", "nd102-63"},
		{"điều 63a", "text-63a", "text-63"},
		{"điều 63", "nd102-63", "nd102-63a"},
	} {
		if ids := rank(c.q); !before(ids, c.first, c.second) {
			t.Errorf("%q: %v, want %s before %s", c.q, ids, c.first, c.second)
		}
	}
	// The first hit holds the article cited: the article itself or a
	// text with its heading.
	for q, want := range map[string][]string{
		"điều 63a": {"nd102-63a", "text-63a"},
		"điều 63":  {"nd102-63", "text-63", "text-63a"},
	} {
		if ids := rank(q); len(ids) == 0 || !slices.Contains(want, ids[0]) {
			t.Errorf("%q: %v, want one of %v first", q, ids, want)
		}
	}
}
