package outline

import (
	"strings"
	"testing"
)

// TestBareQuoteCitedNextNumber: an amending decree whose quote marks were
// lost quotes an article of the decree it amends right after announcing
// it; when that article's number is the amending text's next one ("Điều
// 5." of the amending decree: "Bổ sung khoản 1 Điều 6 của Nghị định số
// 123/2024/NĐ-CP …" then "Điều 6. Xác định số lợi …", NĐ 281/2026), the
// announcement naming it as another document's article makes it the
// quote, not the amending text's Điều 6 (which came twice, "Đ6~2"). An
// announcement naming the text's own article ("Điều 6 Nghị định này")
// leaves the heading the text's next article. Lines written for the test
// in 281/2026's shape.
func TestBareQuoteCitedNextNumber(t *testing.T) {
	tail := "Điều 6. Xác định số lợi bất hợp pháp có được từ hành vi vi phạm hành chính\n" +
		"1. Số lợi bất hợp pháp được xác định bằng giá trị quyền sử dụng đất.\n" +
		"2. Cơ quan có thẩm quyền xử phạt xác định số lợi bất hợp pháp.\n" +
		"Điều 6. Điều khoản thi hành\n" +
		"Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026.\n"
	for _, c := range []struct{ name, ann, secs, items string }{
		{"another decree's article", "Bổ sung khoản 1 Điều 6 của Nghị định số 123/2024/NĐ-CP với nội dung như sau:",
			" Đ5 Đ6", "Đ5 Đ5.“Đ6 Đ5.“Đ6.1 Đ5.“Đ6.2"},
		{"the text's own article", "Sửa đổi, bổ sung khoản 1 Điều 6 Nghị định này như sau:",
			" Đ5 Đ6 Đ6~2", "Đ6.1 Đ6.2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			o := Parse("Điều 5. Sửa đổi, bổ sung Điều 6\n" + c.ann + "\n" + tail)
			var secs, items []string
			for _, s := range o.Sections {
				secs = append(secs, s.ID)
			}
			for _, it := range o.Items {
				items = append(items, it.ID)
			}
			if g := strings.Join(secs, " "); g != c.secs {
				t.Errorf("sections %q, want %q", g, c.secs)
			}
			if g := strings.Join(items, " "); g != c.items {
				t.Errorf("items %q, want %q", g, c.items)
			}
		})
	}
}
