package indexer

import (
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/vanban/vanban/corpus"
)

// TestArticleFields: the article numbers and heading titles of an article
// stored on its own and of a whole text (lines written for the test in the
// layout of Luật Lưu trữ; headings in Markdown, with leading zeros, and a
// sentence citing an article that is no heading).
func TestArticleFields(t *testing.T) {
	whole := &corpus.Document{ID: "luat-luu-tru", Title: "Luật Lưu trữ", Body: `Chương I
QUY ĐỊNH CHUNG
**Điều 1. Phạm vi điều chỉnh**
Luật này quy định về hoạt động lưu trữ.
## Điều 02. Giải thích từ ngữ
Tài liệu lưu trữ theo quy định tại Điều 9 của Luật này.
Điều 9 của Luật này được áp dụng cho lưu trữ lịch sử.
Điều 12. Chế độ phụ cấp đối với người làm lưu trữ
Điều 12. Chế độ phụ cấp đối với người làm lưu trữ
`}
	nums, heads := articleFields(whole)
	if want := []string{"1", "2", "12"}; !slices.Equal(nums, want) {
		t.Errorf("numbers %q, want %q", nums, want)
	}
	if want := []string{"Phạm vi điều chỉnh", "Giải thích từ ngữ", "Chế độ phụ cấp đối với người làm lưu trữ", "Chế độ phụ cấp đối với người làm lưu trữ"}; !slices.Equal(heads, want) {
		t.Errorf("headings %q, want %q", heads, want)
	}
	one := &corpus.Document{ID: "tv-20", Title: "Điều 20. Thư viện cộng đồng", Body: "Thư viện cộng đồng được thành lập tại khu dân cư.", PartOf: "Luật Thư viện"}
	nums, heads = articleFields(one)
	if !slices.Equal(nums, []string{"20"}) || len(heads) != 0 {
		t.Errorf("article on its own: numbers %q, headings %q; want [20], none", nums, heads)
	}
	f := Fields(one)
	if f[FieldPartFold] != "Luật Thư viện" || !slices.Equal(f[FieldArticle].([]string), []string{"20"}) {
		t.Errorf("Fields: part %v, article %v", f[FieldPartFold], f[FieldArticle])
	}
	if _, ok := f[FieldHeading]; ok {
		t.Error("Fields: an article on its own has no heading field")
	}
	if h := Fields(whole)[FieldHeadingFold]; !strings.Contains(h.(string), "Chế độ phụ cấp") {
		t.Errorf("Fields: heading view %q", h)
	}
}

// TestTitleAnalyzers: the title views leave out the "Điều N." of an
// article's title and nothing of any other title.
func TestTitleAnalyzers(t *testing.T) {
	m := bleve.NewIndexMapping()
	terms := func(analyzer, text string) []string {
		var out []string
		for _, tok := range m.AnalyzerNamed(analyzer).Analyze([]byte(text)) {
			out = append(out, string(tok.Term))
		}
		return out
	}
	for _, c := range []struct {
		analyzer, text string
		want           []string
	}{
		{AnalyzerTitleFold, "Điều 20. Thư viện cộng đồng", []string{"thu", "vien", "cong", "dong"}},
		{AnalyzerTitleExact, "  Điều 7: Lưu trữ", []string{"lưu", "trữ"}},
		{AnalyzerTitleBigram, "Điều 20. Thư viện cộng đồng", []string{"thu vien", "vien cong", "cong dong"}},
		{AnalyzerTitleFold, "Điều kiện thành lập thư viện", []string{"dieu", "kien", "thanh", "lap", "thu", "vien"}},
		{AnalyzerTitleFold, "Nghị định 30/2020/NĐ-CP về công tác văn thư", terms(AnalyzerFold, "Nghị định 30/2020/NĐ-CP về công tác văn thư")},
	} {
		if got := terms(c.analyzer, c.text); !slices.Equal(got, c.want) {
			t.Errorf("%s(%q) = %q, want %q", c.analyzer, c.text, got, c.want)
		}
	}
}
