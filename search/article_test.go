package search

import (
	"context"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// articleSearcher searches an on-disk index of articles of two laws that
// are not in any evaluation set (Luật Thư viện, Luật Lưu trữ; text written
// for the test), stored one article per document as a corpus line with
// metadata gives them, and of two whole texts with article headings.
func articleSearcher(t *testing.T) *Searcher {
	t.Helper()
	type art struct{ id, law, num, title, body string }
	var docs []*corpus.Document
	for _, a := range []art{
		{"tv-20", "Luật Thư viện", "20", "Thư viện cộng đồng", "Thư viện cộng đồng được thành lập tại khu dân cư, phục vụ người dân đọc sách miễn phí."},
		{"tv-21", "Luật Thư viện", "21", "Thư viện tư nhân có phục vụ cộng đồng", "Cá nhân thành lập thư viện tư nhân và mở cửa phục vụ cộng đồng."},
		{"lt-20", "Luật Lưu trữ", "20", "Thời hạn nộp lưu hồ sơ", "Hồ sơ, tài liệu được nộp vào lưu trữ lịch sử trong thời hạn mười năm."},
		{"lt-21", "Luật Lưu trữ", "21", "Thu thập tài liệu lưu trữ", "Lưu trữ lịch sử thu thập tài liệu của cơ quan, tổ chức nộp lưu."},
	} {
		d := &corpus.Document{ID: a.id, Title: a.title, Body: a.body}
		corpus.PartMeta{Law: a.law, Article: a.num}.Apply(d)
		docs = append(docs, d)
	}
	docs = append(docs,
		&corpus.Document{ID: "nd-luu-tru", Title: "Nghị định quy định chi tiết về lưu trữ", Body: "Điều 1. Phạm vi điều chỉnh\n" +
			"Nghị định này quy định chi tiết một số điều về lưu trữ.\nĐiều 2. Chế độ phụ cấp đối với người làm lưu trữ\n" +
			"Người làm công tác này được hưởng theo mức do Chính phủ quy định.\nĐiều 3. Hiệu lực thi hành\nNghị định có hiệu lực từ ngày ký."},
		&corpus.Document{ID: "tin-luu-tru", Title: "Hội nghị tổng kết công tác lưu trữ năm 2023", Body: "Điều 1. Hội nghị tổng kết\n" +
			"Hội nghị bàn về chế độ phụ cấp đối với người làm lưu trữ. Chế độ phụ cấp cho người làm lưu trữ của tỉnh còn thấp; " +
			"người làm lưu trữ đề nghị tăng phụ cấp.\nĐiều 2. Tổ chức thực hiện\n" +
			"Văn phòng tổng hợp ý kiến để báo cáo."},
	)
	return searcherOf(t, docs)
}

// TestArticleIntent: an article cited by number comes first among the
// articles of that number, the law's name choosing between them, as given
// or typed without marks; without the article clause (Weights.Article 0)
// the number alone does not find it.
func TestArticleIntent(t *testing.T) {
	s := articleSearcher(t)
	s.weights.Heading = HeadingWeight // off by default
	top := func(s *Searcher, q string) string {
		t.Helper()
		res, err := s.Search(context.Background(), Request{Query: q, Size: 3})
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if len(res.Hits) == 0 {
			return ""
		}
		return res.Hits[0].ID
	}
	for _, c := range []struct{ q, want string }{
		{"điều 20 luật lưu trữ", "lt-20"},
		{"luat luu tru dieu 21", "lt-21"},
		{"luật thư viện điều 21", "tv-21"},
		{"dieu 20 luat thu vien", "tv-20"},
		// The heading of a whole text's article ranks it above a text
		// with the same words in its body only.
		{"chế độ phụ cấp người làm lưu trữ", "nd-luu-tru"},
	} {
		if got := top(s, c.q); got != c.want {
			t.Errorf("%q: first %q, want %q", c.q, got, c.want)
		}
	}
	off := New(s.idx)
	off.weights = s.weights
	off.weights.Article = 0
	if got := top(off, "luat luu tru dieu 21"); got == "lt-21" {
		t.Errorf("without the article clause %q still ranks lt-21 first: the test does not exercise it", "luat luu tru dieu 21")
	}
	off = New(s.idx)
	off.weights = s.weights
	off.weights.Heading = 0
	if got := top(off, "chế độ phụ cấp người làm lưu trữ"); got == "nd-luu-tru" {
		t.Error("without the heading views nd-luu-tru still comes first: the test does not exercise them")
	}
}
