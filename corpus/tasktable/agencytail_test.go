package tasktable

import "testing"

// TestAgencyTextTail: the task table's cell keeps a name's lower-case tail
// whole (outline.NameTail), its last word too when that word opens a verb
// elsewhere ("công trình": "trình"); and a tail is no tail when it ends in
// "và" ("Sở Tài chính tổng hợp và báo cáo"). Lines written for the test.
func TestAgencyTextTail(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Cục Quản lý xây dựng công trình chủ trì kiểm tra.", "Cục Quản lý xây dựng công trình"},
		{"Cục Giám sát chất lượng công trình phối hợp kiểm tra.", "Cục Giám sát chất lượng công trình"},
		{"Sở Tài chính tổng hợp và báo cáo Ủy ban nhân dân tỉnh.", "Sở Tài chính"},
		{"Sở Nội vụ đề xuất và chủ trì tổ chức hội nghị.", "Sở Nội vụ"},
		{"Cục Quản lý khám, chữa bệnh chủ trì hướng dẫn các bệnh viện.", "Cục Quản lý khám, chữa bệnh"},
		{"Cục Quản lý chất lượng công trình giao thông phối hợp kiểm tra.", "Cục Quản lý chất lượng công trình giao thông"},
	}
	for _, name := range cellNames {
		tests = append(tests, struct{ text, agency string }{name + " chủ trì, phối hợp với các đơn vị triển khai.", name})
	}
	for _, tt := range tests {
		if got := agencyText(tt.text); got != tt.agency {
			t.Errorf("agencyText(%q) = %q, want %q", tt.text, got, tt.agency)
		}
	}
}

// cellNames are agency names composed for the review of the name rule
// (outline.EndsName, outline.NameTail), as the outline test reads them.
var cellNames = []string{
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
