package outline

import "testing"

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
