package outline

import (
	"slices"
	"strings"
	"testing"
)

// TestArticleHeadingUpper: an article heading set in capitals, as older
// and scanned legal texts set it, is the same heading (the heading of
// Điều 4 of Nghị định 262/2026/NĐ-CP, ../shared/data/govdocs, in
// capitals); a sentence in capitals citing an article is none.
func TestArticleHeadingUpper(t *testing.T) {
	for in, want := range map[string]string{
		"ĐIỀU 4. NGUYÊN TẮC HOẠT ĐỘNG BÁO CHÍ CỦA CƠ QUAN BÁO CHÍ NƯỚC NGOÀI": "Đ4",
		"Điều 4. Nguyên tắc hoạt động báo chí của cơ quan báo chí nước ngoài": "Đ4",
		"ĐIỀU 12":                "Đ12",
		"ĐIỀU 169 của Luật này.": "",
		"ĐIỀU CHỈNH CỤC BỘ QUY HOẠCH CHI TIẾT": "",
	} {
		id, _, ok := articleHeading(in)
		if id != want || ok != (want != "") {
			t.Errorf("articleHeading(%q) = %q, %v; want %q", in, id, ok, want)
		}
	}
	o := Parse("ĐIỀU 1. PHẠM VI ĐIỀU CHỈNH\nThông tư này hướng dẫn chế độ báo cáo.\nĐIỀU 2. HIỆU LỰC THI HÀNH\nThông tư này có hiệu lực từ ngày ký.")
	var ids []string
	for _, s := range o.Sections {
		ids = append(ids, s.ID)
	}
	if len(ids) != 3 || ids[1] != "Đ1" || ids[2] != "Đ2" {
		t.Errorf("sections %v, want the preamble, Đ1 and Đ2", ids)
	}
}

// TestArticleHeadingUpperAfterChapter: an article heading in capitals
// right after a chapter's title in capitals opens the article, not a
// second line of the chapter's title, and its clauses and points hang on
// it (lines written for the test: a circular on school libraries).
func TestArticleHeadingUpperAfterChapter(t *testing.T) {
	o := Parse(strings.Join([]string{
		"Chương I",
		"QUY ĐỊNH CHUNG",
		"ĐIỀU 1. PHẠM VI ĐIỀU CHỈNH",
		"Thông tư này quy định về thư viện trường học.",
		"Chương II",
		"TỔ CHỨC THƯ VIỆN",
		"ĐIỀU 2. NGUYÊN TẮC VÀ YÊU CẦU",
		"1. Nguyên tắc",
		"a) Phục vụ miễn phí học sinh và giáo viên;",
		"b) Mở cửa theo thời gian biểu của nhà trường.",
		"2. Yêu cầu đối với tài liệu",
		"Tài liệu phải phù hợp với chương trình giáo dục phổ thông.",
		"ĐIỀU 3. TRÁCH NHIỆM CỦA NHÀ TRƯỜNG",
		"Hiệu trưởng bố trí kinh phí cho thư viện.",
	}, "\n"))
	var secs []string
	for _, s := range o.Sections {
		secs = append(secs, s.ID+" "+s.Title)
	}
	want := []string{" ", "ChI QUY ĐỊNH CHUNG", "Đ1 PHẠM VI ĐIỀU CHỈNH", "ChII TỔ CHỨC THƯ VIỆN", "Đ2 NGUYÊN TẮC VÀ YÊU CẦU", "Đ3 TRÁCH NHIỆM CỦA NHÀ TRƯỜNG"}
	if strings.Join(secs, "|") != strings.Join(want, "|") {
		t.Errorf("sections\n %q\nwant\n %q", secs, want)
	}
	var items []string
	for _, it := range o.Items {
		items = append(items, it.ID)
	}
	wantItems := []string{"Đ2.1", "Đ2.1.a", "Đ2.1.b", "Đ2.2"}
	for _, id := range wantItems {
		if !slices.Contains(items, id) {
			t.Errorf("items %q lack %s", items, id)
		}
	}
}
