package outline

import (
	"strings"
	"testing"
)

// TestPageLineSpacedDot: a page's number OCR read with a space and a dot
// after it ("3 ." where page 2 or 3 ends inside clause 3 of Điều 3, NĐ
// 235/2026 in govdocs and set 7; "28 ." and "30 ." at the foot of pages
// of NĐ 210/2026, govdocs, its only page numbers read) is a page line in
// a wrapped body, as a number alone in the pages' sequence is, whatever
// page was read last: no figure or label is written so. It is not the
// clause's text, and the paragraph after it stays a paragraph. The bodies
// are written for the test in those documents' shapes.
func TestPageLineSpacedDot(t *testing.T) {
	p := &outlineParser{wrapAt: 80}
	for _, l := range []string{"2", "3 .", "28 .", "30"} {
		if !p.pageLine(l) {
			t.Errorf("%q is a page's number", l)
		}
	}
	for _, l := range []string{"24", "3 . Người làm việc", "3.", ". 3", "1234 ."} {
		if p.pageLine(l) {
			t.Errorf("%q after page 30 is no page's number", l)
		}
	}
	if (&outlineParser{}).pageLine("3 .") {
		t.Error(`"3 ." is no page line outside a wrapped body (as "3")`)
	}

	for _, c := range []struct {
		name, body string
		want       map[string]string // item ID → its text
	}{
		{"NĐ 235/2026's shape: '3 .' between clause 3 and its paragraph",
			wrappedPreamble + `Điều 3. Nguyên tắc thực hiện
1. Bảo đảm thực hiện đúng chủ trương của Đảng, pháp luật của Nhà nước,
không làm ảnh hưởng đến chức năng, nhiệm vụ của đơn vị sự nghiệp công lập.
2. Người làm việc theo chế độ hợp đồng lao động quy định tại Nghị định
này không thuộc biên chế viên chức được cấp có thẩm quyền phê duyệt.
3 .
Đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên được tự quyết định
tổng số người làm việc trong đơn vị theo quy định của pháp luật.
3. Chế độ, chính sách đối với lao động hợp đồng thực hiện theo thỏa thuận.`,
			map[string]string{
				"Đ3.2":    "Người làm việc theo chế độ hợp đồng lao động quy định tại Nghị định này không thuộc biên chế viên chức được cấp có thẩm quyền phê duyệt.",
				"Đ3.2.¶1": "Đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên được tự quyết định tổng số người làm việc trong đơn vị theo quy định của pháp luật.",
				"Đ3.3":    "Chế độ, chính sách đối với lao động hợp đồng thực hiện theo thỏa thuận.",
			}},
		{"NĐ 210/2026's shape: '28 .', no page read before, inside a clause's sentence",
			wrappedPreamble + `Điều 30. Thanh toán hợp đồng xây dựng
1. Việc thanh toán hợp đồng phải phù hợp với loại hợp đồng, giá hợp đồng
và các điều kiện trong hợp đồng mà các bên đã ký kết.
2. Bên giao thầu phải thanh toán đầy đủ cho bên nhận thầu theo giá trị khối
lượng công việc hoàn thành được nghiệm thu và xác nhận theo quy định tại
28 .
khoản 1 Điều 31 Nghị định này.
3. Hồ sơ thanh toán hợp đồng do bên nhận thầu lập.`,
			map[string]string{
				"Đ30.1": "Việc thanh toán hợp đồng phải phù hợp với loại hợp đồng, giá hợp đồng và các điều kiện trong hợp đồng mà các bên đã ký kết.",
				"Đ30.2": "Bên giao thầu phải thanh toán đầy đủ cho bên nhận thầu theo giá trị khối lượng công việc hoàn thành được nghiệm thu và xác nhận theo quy định tại khoản 1 Điều 31 Nghị định này.",
				"Đ30.3": "Hồ sơ thanh toán hợp đồng do bên nhận thầu lập.",
			}},
	} {
		o := Parse(c.body)
		got := map[string]string{}
		for _, it := range o.Items {
			if _, ok := c.want[it.ID]; ok {
				got[it.ID] = strings.ReplaceAll(it.Text, "\n", " ")
			}
		}
		for id, want := range c.want {
			if got[id] != want {
				t.Errorf("%s: %s = %q, want %q", c.name, id, got[id], want)
			}
		}
		for _, ps := range o.Passages() {
			if strings.Contains(ps.Text, " .") {
				t.Errorf("%s: passage %s holds the page line: %q", c.name, ps.ID, ps.Text)
			}
		}
	}
}
