package search

import (
	"context"
	"slices"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
)

// TestPhraseBreakPairs: a body phrase's candidate is read only when each
// pair of adjacent words of the phrase is in the bigram view or in the
// view of pairs across breaks (body_bk): a document holding the phrase
// across a comma or a line break is still found, and the candidates
// holding its words apart are rejected from the index, their texts not
// read. On an on-disk index (searcherOf).
func TestPhraseBreakPairs(t *testing.T) {
	docs := []*corpus.Document{
		{ID: "lien", Title: "Tiền lương", Body: "Mức lương cơ sở áp dụng từ ngày 01 tháng 7 năm 2024."},
		{ID: "phay", Title: "Điều chỉnh", Body: "Điều chỉnh tăng mức lương, cơ sở để tính là chỉ số giá."},
		{ID: "dong", Title: "Phụ cấp", Body: "Phụ cấp tính theo mức lương\ncơ sở nhân với hệ số."},
		{ID: "roi", Title: "Trường học", Body: "Cơ sở giáo dục trả lương cho giáo viên theo mức quy định."},
		{ID: "roi2", Title: "Bảo hiểm", Body: "Mức đóng tính trên tiền lương tháng; cơ sở dữ liệu do Bộ quản lý."},
		{ID: "khac", Title: "Khác", Body: "Ủy ban nhân dân tỉnh phê duyệt kế hoạch năm."},
	}
	s := searcherOf(t, docs)
	ct := &countingTexts{Texts: docTexts(docs)}
	s.texts = ct
	for _, c := range []struct {
		q     string
		want  []string
		texts int64
	}{
		// 5 candidates hold the four words; "roi" and "roi2" hold no
		// "luong co" pair, bigram or across a break: 3 texts read
		{`"mức lương cơ sở"`, []string{"dong", "lien", "phay"}, 3},
		{`"muc luong co so"`, []string{"dong", "lien", "phay"}, 3},
		// two words: "lien" holds the bigram (no text), "phay" and
		// "dong" only across a break (read), "roi" and "roi2" neither
		{`"lương cơ"`, []string{"dong", "lien", "phay"}, 2},
		// "tháng" and "năm" are adjacent in "lien" only; "khac" holds
		// "năm" without "tháng"
		{`"tháng 7 năm"`, []string{"lien"}, 1},
	} {
		res, err := s.Search(context.Background(), Request{Query: c.q, Size: 10})
		if err != nil {
			t.Fatalf("%s: %v", c.q, err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.ID)
		}
		slices.Sort(got)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: hits %v, want %v", c.q, got, c.want)
		}
		// the ranking alone: the hits' snippets read their texts too
		ct.n.Store(0)
		if _, _, err := s.rank(context.Background(), mustPin(t, s), Request{Query: c.q}, MaxSize); err != nil {
			t.Fatal(err)
		}
		if n := ct.n.Load(); n != c.texts {
			t.Errorf("%s: %d texts read, want %d", c.q, n, c.texts)
		}
	}
}

// TestBreakPairs: the pairs a body phrase's candidates must hold are
// those of adjacent one-word slots, once each; a document number's key
// (and the first part sharing its position) and the word after it are
// left to the text.
func TestBreakPairs(t *testing.T) {
	for _, c := range []struct {
		phrase string
		want   []string
	}{
		{"Mức lương cơ sở", []string{"muc luong", "luong co", "co so"}},
		{"mức lương, cơ sở", []string{"muc luong", "luong co", "co so"}},
		{"bảo hiểm bảo hiểm", []string{"bao hiem", "hiem bao"}},
		{"chính phủ", []string{"chinh phu"}},
		{"quyết định", []string{"quyet dinh"}},
		{"số 12/2020/NĐ-CP quy định", []string{"2020 nd", "nd cp", "cp quy", "quy dinh"}},
		{"12/2020/NĐ-CP", []string{"2020 nd", "nd cp"}},
		{"Điều 5", []string{"dieu 5"}},
		{"luật", nil},
	} {
		got := breakPairs(phraseSlots(indexer.ScanFold, c.phrase))
		if !slices.Equal(got, c.want) {
			t.Errorf("breakPairs(%q) = %q, want %q", c.phrase, got, c.want)
		}
	}
}
