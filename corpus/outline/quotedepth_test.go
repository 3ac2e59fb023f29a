package outline

import (
	"strings"
	"testing"
)

// TestQuoteDepth: a quoted amendment's provisions are grafted, and so are
// those of a quote inside it (an amending text quoted with its own quoted
// amendment); a third quote inside those stays the text of the item
// announcing it (maxQuoteDepth), so nested quotes never closed are read a
// bounded number of times (TestPathologicalLinear's open quotes). Lines
// written for the test in the shape of NĐ amending an amending decree.
func TestQuoteDepth(t *testing.T) {
	body := "Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 15/2024/NĐ-CP\n" +
		"1. Sửa đổi, bổ sung khoản 3 Điều 2 như sau:\n" +
		"“3. Sửa đổi, bổ sung khoản 1 Điều 5 như sau:\n" +
		"“1. Bổ sung điểm c như sau:\n" +
		"“c) Hồ sơ đề nghị gồm đơn và bản sao giấy phép.\n" +
		"Điều 2. Hiệu lực thi hành\n" +
		"Nghị định này có hiệu lực từ ngày 01 tháng 7 năm 2026.\n"
	o := Parse(body)
	var got []string
	for _, it := range o.Items {
		got = append(got, it.ID)
	}
	want := []string{"Đ1.1", "Đ1.1.“3", "Đ1.1.“3.“1"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("items %q, want %q", got, want)
	}
	if n := len(o.Items); n > 0 && !strings.Contains(o.Items[n-1].Text, "“c) Hồ sơ đề nghị") {
		t.Errorf("the third quote left its announcing item's text: %q", o.Items[n-1].Text)
	}
}
