package outline

import (
	"strings"
	"testing"
)

// TestAgencyNameTailReview: a Cục's, Vụ's or Sở's lower-case tail
// (nameTail) across a comma and before "và". A comma inside a name joins
// two nouns of its work ("Cục Quản lý khám, chữa bệnh"): the tail goes on
// past it unless a verb opens either side ("tổng hợp, báo cáo", "thu thập
// thông tin, chủ trì"). A tail never ends in "và": "tổng hợp và báo cáo"
// joins two verbs of the clause. Then thirty names of ministries'
// departments and provinces' departments written for the review, each
// before a task verb, read whole. Lines written for the test.
func TestAgencyNameTailReview(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Cục Quản lý khám, chữa bệnh chủ trì hướng dẫn các bệnh viện.", "Cục Quản lý khám, chữa bệnh"},
		{"Cục Quản lý khám, chữa bệnh có trách nhiệm kiểm tra.", "Cục Quản lý khám, chữa bệnh"},
		{"Sở Tài chính tổng hợp và báo cáo Ủy ban nhân dân tỉnh.", "Sở Tài chính"},
		{"Sở Nội vụ đề xuất và chủ trì tổ chức hội nghị.", "Sở Nội vụ"},
		// guards: a verb on either side of the comma ends the tail
		{"Sở Kế hoạch và Đầu tư tổng hợp, báo cáo kết quả.", "Sở Kế hoạch và Đầu tư"},
		{"Cục Thuế thu thập thông tin, chủ trì xử lý.", "Cục Thuế"},
		{"Sở Giáo dục và Đào tạo khảo sát, đánh giá và báo cáo kết quả.", "Sở Giáo dục và Đào tạo"},
		{"Sở Y tế nắm bắt tình hình, báo cáo kịp thời.", "Sở Y tế"},
		{"Sở Tư pháp thẩm định, góp ý dự thảo, chủ trì tổng hợp.", "Sở Tư pháp"},
	}
	for _, name := range reviewNames {
		tests = append(tests, struct{ text, agency string }{name + " chủ trì, phối hợp với các đơn vị triển khai.", name},
			struct{ text, agency string }{name + " phối hợp kiểm tra.", name})
	}
	for _, tt := range tests {
		atoks, an := AgencyWords(tt.text)
		if got := strings.TrimRight(strings.Join(atoks[:an], " "), ",:;."); got != tt.agency {
			t.Errorf("AgencyWords(%q) names %q, want %q", tt.text, got, tt.agency)
		}
	}
}

// reviewNames are agency names composed for the review of the name rule
// (EndsName, nameTail): departments of ministries and of provinces whose
// names hold lower-case words, verbs' syllables and commas.
var reviewNames = []string{
	"Cục Quản lý thị trường", "Sở Văn hóa, Thể thao và Du lịch", "Vụ Pháp chế", "Tổng cục Thống kê",
	"Ủy ban Dân tộc", "Cục An toàn thông tin", "Vụ Kế hoạch - Tài chính", "Vụ Tổ chức cán bộ",
	"Cục Quản lý chất lượng nông lâm sản và thủy sản", "Sở Tài nguyên và Môi trường", "Sở Thông tin và Truyền thông",
	"Sở Nông nghiệp và Phát triển nông thôn", "Cục Kiểm soát thủ tục hành chính", "Cục Quản lý đấu thầu",
	"Vụ Hợp tác quốc tế", "Cục Trồng trọt", "Cục Thú y", "Cục Bảo vệ thực vật", "Cục Quản lý xây dựng công trình",
	"Cục Phát triển doanh nghiệp", "Cục Tần số vô tuyến điện", "Cục Văn hóa cơ sở", "Cục Kinh tế xây dựng",
	"Cục Quản lý hoạt động xây dựng", "Cục Quản lý tài nguyên nước", "Cục Di sản văn hóa", "Cục Quản lý giá",
	"Cục Đầu tư nước ngoài", "Cục Quản lý nhà và thị trường bất động sản", "Cục Điều tiết điện lực",
	"Cục Y tế dự phòng", "Cục An toàn thực phẩm", "Cục Bổ trợ tư pháp", "Cục Quản lý xuất nhập cảnh",
	"Cục Đường thủy nội địa Việt Nam", "Cục Quản lý khám, chữa bệnh",
}
