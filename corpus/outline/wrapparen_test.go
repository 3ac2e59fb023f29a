package outline

import (
	"strings"
	"testing"
)

// wrapFiller is a wrapped lead of about 80 columns, written for these
// tests, so that a short body is read as hard-wrapped (minWrapLines).
var wrapFiller = strings.Repeat(`Căn cứ Kế hoạch số 12/KH-SGDĐT ngày 05 tháng 01 năm 2026 của Sở Giáo dục và
Đào tạo về thực hiện nhiệm vụ năm học 2025 - 2026 trên địa bàn tỉnh, Sở yêu
cầu các đơn vị triển khai thực hiện các nội dung sau đây.
`, 7)

// TestColonInParen: a colon at the end of a line inside a parenthesis the
// paragraph opened and has not closed ("… (hoặc qua đầu mối là …, gặp
// đ/c Hạnh:" / "ĐT 0912…) để …") neither ends the item nor opens a list:
// the next line is the rest of the item, in a hard-wrapped body (pdftotext,
// e-mail) and in one paragraph a line. Lines written for the test in the
// shapes of a department's letter to its schools, a district health
// plan and a commune's notice; a colon after a closed parenthesis still
// leads in to a list, and a next line closing no parenthesis is read as
// before.
func TestColonInParen(t *testing.T) {
	for _, c := range []struct {
		name, body string
		item       string // one item holds all of it, joined by one space or one line break
		items      int    // the outline's items
		first      bool   // … and starts with it
	}{
		{"wrapped, the parenthesis opened a line before", wrapFiller + `1. Các trường xây dựng kế hoạch cụ thể, bố trí nguồn lực để tổ chức thực hiện.
2. Các trường chủ động phối hợp với các phòng chuyên môn thuộc Sở (hoặc qua
đầu mối là Phòng Giáo dục trung học, gặp đ/c Hạnh, chuyên viên phòng, ĐT:
0912345678) để triển khai thực hiện và kịp thời tháo gỡ các khó khăn, vướng
mắc; báo cáo kết quả thực hiện về Sở trước ngày 15/6/2026./.`,
			"(hoặc qua đầu mối là Phòng Giáo dục trung học, gặp đ/c Hạnh, chuyên viên phòng, ĐT: 0912345678) để triển khai", 2, false},
		{"wrapped, the parenthesis opened on the colon's line", wrapFiller + `1. Trung tâm Y tế huyện tổ chức tiêm chủng mở rộng cho trẻ em dưới 5 tuổi.
2. Các trạm y tế xã báo cáo số liệu tiêm chủng hằng tháng về Trung tâm Y tế
(đầu mối tiếp nhận là Khoa Kiểm soát bệnh tật, liên hệ bà Trần Thị Mai, ĐT:
Số 0987654321, thư điện tử mai.ttt@example.vn) chậm nhất ngày 25 hằng tháng.`,
			"liên hệ bà Trần Thị Mai, ĐT: Số 0987654321, thư điện tử", 2, false},
		{"one paragraph a line", `1. Công an xã rà soát các điểm có nguy cơ mất an toàn giao thông trên địa bàn.
2. Các thôn tổ chức ra quân tổng vệ sinh môi trường (liên hệ đồng chí Phó Chủ tịch UBND xã, ĐT:
0901234567) trước ngày 30/4/2026.`,
			"(liên hệ đồng chí Phó Chủ tịch UBND xã, ĐT:\n0901234567) trước ngày 30/4/2026.", 2, false},
		{"a closed parenthesis leads in", `1. Công an xã rà soát các điểm có nguy cơ mất an toàn giao thông trên địa bàn.
2. Các thôn thực hiện các nội dung sau (theo Phụ lục kèm theo):
- Tổ chức ra quân tổng vệ sinh môi trường trước ngày 30/4/2026.
- Báo cáo kết quả về Ủy ban nhân dân xã.`,
			"Các thôn thực hiện các nội dung sau (theo Phụ lục kèm theo):", 4, false},
		// OCR of a form: "}" read for ")", and the next field's line
		// closes no parenthesis: two fields, not one.
		{"a form's fields", `1. Thông tin về người đại diện theo pháp luật của doanh nghiệp:
Họ tên Chủ tịch Hội đồng thành viên (Phó Chủ tịch}/Người đại diện cũ:
~ Họ tên Chủ tịch Hội đồng thành viên (Phó Chủ tịch)/Người đại diện mới:`,
			"~ Họ tên Chủ tịch Hội đồng thành viên", 3, true},
	} {
		o := Parse(c.body)
		found := false
		for _, it := range o.Items {
			found = found || strings.Contains(it.Text, c.item) && (!c.first || strings.HasPrefix(it.Text, c.item))
		}
		if !found || len(o.Items) != c.items {
			t.Errorf("%s: no item holds %q, or not %d items: %q", c.name, c.item, c.items, outlineItems(o))
		}
	}
}
