package outline

import (
	"strings"
	"testing"
)

// TestWrappedRangeDash: in a hard-wrapped body the wrap may fall inside a
// range of years or numbers, before its spaced dash ("… năm học 2025" /
// "- 2026 gửi về Sở …"): the line is the rest of the sentence, not a
// bullet. Lines written for the test (a department's letter, a district's
// plan); a dash bullet whose year heads an entry ("- 2027: …") is still a
// bullet, after a line ending with a number too. (i24-review7: the line
// before the range's dash fills the width, as where a wrap falls; the
// cases had it short — "đoạn 2026" / "- 2030, …", which would have fit —
// a shape rangeWraps no longer reads as a wrap, TestWrappedRangeBullets.)
func TestWrappedRangeDash(t *testing.T) {
	for _, c := range []struct {
		name, body string
		item       string // one item holds it
		bullets    int    // dash items
	}{
		{"a school year", wrapFiller + `1. Các trường rà soát, bổ sung kế hoạch giáo dục của nhà trường và báo cáo kết
quả rà soát, kết quả thực hiện nhiệm vụ và các chỉ tiêu giáo dục năm học 2025
- 2026 về Sở Giáo dục và Đào tạo (qua Văn phòng Sở) trước ngày 15 tháng 6 năm
2026 để tổng hợp.`,
			"chỉ tiêu giáo dục năm học 2025 - 2026 về Sở Giáo dục", 0},
		{"a plan's period", wrapFiller + `1. Ủy ban nhân dân các xã xây dựng kế hoạch phát triển du lịch cộng đồng
trên địa bàn, bảo đảm phù hợp với quy hoạch chung của huyện giai đoạn 2026
- 2030, trình Hội đồng nhân dân cùng cấp thông qua trong quý III năm 2026.`,
			"huyện giai đoạn 2026 - 2030, trình Hội đồng nhân dân", 0},
		{"bullets by year", wrapFiller + `1. Lộ trình hoàn thành tiêu chí nông thôn mới nâng cao của các xã như sau.
- 2026: hoàn thành tại 5 xã có số thứ tự trong danh sách kèm theo từ 1 đến 5
- 2027: hoàn thành tại các xã còn lại.`,
			"hoàn thành tại 5 xã", 2},
	} {
		o := Parse(c.body)
		found, bullets := false, 0
		for _, it := range o.Items {
			found = found || strings.Contains(it.Text, c.item)
			if it.Label == "-" {
				bullets++
			}
		}
		if !found || bullets != c.bullets {
			t.Errorf("%s: no item holds %q, or not %d bullets: %q", c.name, c.item, c.bullets, outlineItems(o))
		}
	}
}
