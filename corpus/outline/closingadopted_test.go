package outline

import (
	"strings"
	"testing"
)

// TestAdoptedSelf: a text's sentence on its own adoption ("Nghị quyết
// này đã được Hội đồng nhân dân tỉnh … khóa …, kỳ họp thứ … thông qua
// ngày …", "Luật này đã được Quốc hội … thông qua …") is a closing
// provision: it states how the text came to be, no task. Lines written
// for the test in the shapes of HĐND resolutions, laws and ordinances of
// any province; a task of approving something, or one stated beside the
// adoption, is not.
func TestAdoptedSelf(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Nghị quyết này đã được Hội đồng nhân dân tỉnh Phú An khóa X, kỳ họp thứ 21 thông qua ngày 09 tháng 12 năm 2025./.", true},
		{"2. Nghị quyết này đã được Hội đồng nhân dân thành phố Cảng Nam Khóa XVI, Kỳ họp thứ mười thông qua ngày 05/7/2024.", true},
		{"Nghị quyết này được Hội đồng nhân dân tỉnh Sơn Lâm khóa XVII, kỳ họp chuyên đề thông qua ngày 20 tháng 3 năm 2026 và có hiệu lực từ ngày 01 tháng 4 năm 2026.", true},
		{"Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, kỳ họp thứ 9 thông qua ngày 25 tháng 6 năm 2025.", true},
		{"Pháp lệnh này đã được Ủy ban Thường vụ Quốc hội khóa XV thông qua ngày 12 tháng 3 năm 2024.", true},
		{"NGHỊ QUYẾT NÀY ĐÃ ĐƯỢC HỘI ĐỒNG NHÂN DÂN TỈNH PHÚ AN KHÓA X, KỲ HỌP THỨ 21\nTHÔNG QUA NGÀY 09 THÁNG 12 NĂM 2025./.", true},
		// hard-wrapped, as a PDF's text is
		{"Nghị quyết này đã được Hội đồng nhân dân tỉnh Phú An khóa X, kỳ họp\nthứ 21 thông qua ngày 09 tháng 12 năm 2025.", true},
		// tasks: approving, or a task beside the adoption
		{"Hội đồng nhân dân tỉnh thông qua Đề án phát triển giao thông nông thôn giai đoạn 2026 - 2030.", false},
		{"Ủy ban nhân dân tỉnh trình Hội đồng nhân dân tỉnh thông qua kế hoạch đầu tư công trung hạn.", false},
		{"Nghị quyết này đã được Hội đồng nhân dân tỉnh khóa X thông qua ngày 09/12/2025; giao Ủy ban nhân dân tỉnh tổ chức triển khai thực hiện.", false},
		{"Kế hoạch này được thông qua tại hội nghị Ban Thường vụ; các sở, ngành xây dựng kế hoạch thực hiện.", false},
		// another text's adoption, a report of it
		{"Nghị quyết số 12/NQ-HĐND đã được Hội đồng nhân dân tỉnh thông qua ngày 10/7/2025 về phát triển du lịch.", false},
		{"Đề án đã được thông qua, các đơn vị khẩn trương triển khai.", false},
	}
	for _, tt := range tests {
		if got := closingClause(tt.text); got != tt.want {
			t.Errorf("closingClause(%q) = %t, want %t", tt.text, got, tt.want)
		}
	}
}

// TestAdoptedSelfNotTask: a HĐND resolution's closing line under
// "Điều 2. Tổ chức thực hiện" is no task (its Provision is set), while
// the article's assignment stays one.
func TestAdoptedSelfNotTask(t *testing.T) {
	body := "Điều 1. Phê duyệt Kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030 của tỉnh Phú An với các nội dung chủ yếu sau:\n" +
		"1. Tổng vốn đầu tư công trung hạn 12.500 tỷ đồng.\n" +
		"2. Danh mục dự án tại Phụ lục kèm theo.\n" +
		"Điều 2. Tổ chức thực hiện\n" +
		"1. Giao Ủy ban nhân dân tỉnh tổ chức triển khai thực hiện Nghị quyết này.\n" +
		"2. Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.\n" +
		"3. Nghị quyết này đã được Hội đồng nhân dân tỉnh Phú An khóa X, kỳ họp thứ 21 thông qua ngày 09 tháng 12 năm 2025./.\n"
	o := Parse(body)
	var adopted, assign *Item
	for i := range o.Items {
		it := &o.Items[i]
		switch {
		case strings.HasPrefix(it.Text, "Nghị quyết này đã"):
			adopted = it
		case strings.HasPrefix(it.Text, "Giao"):
			assign = it
		}
	}
	if adopted == nil || assign == nil {
		t.Fatalf("items not read: %+v", o.Items)
	}
	if !adopted.Provision {
		t.Errorf("the adoption line is a task: %+v", *adopted)
	}
	if assign.Provision {
		t.Errorf("the assignment is no task: %+v", *assign)
	}
}
