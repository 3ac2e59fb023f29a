package tasktable

import "testing"

// TestAgencyCellTailVerbs: the task table's cell reads a Cục's, Vụ's,
// Sở's or Ban's lower-case tail by the actor table's rule
// (outline.NameTail): through verbs a name holds as its work, up to the
// clause's verb even when that is no task verb ("đề xuất", "nghiên
// cứu"), a locality ending it. Lines written for the test.
func TestAgencyCellTailVerbs(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Cục Hợp tác quốc tế đề xuất phương án đàm phán.", "Cục Hợp tác quốc tế"},
		{"Vụ Phát triển nguồn nhân lực đề xuất chính sách thu hút.", "Vụ Phát triển nguồn nhân lực"},
		{"Cục Quản lý xây dựng công trình nghiên cứu sửa đổi tiêu chuẩn.", "Cục Quản lý xây dựng công trình"},
		{"Cục Tần số vô tuyến điện nghiên cứu quy hoạch băng tần.", "Cục Tần số vô tuyến điện"},
		{"Cục Đăng ký quốc gia giao dịch bảo đảm chủ trì hướng dẫn.", "Cục Đăng ký quốc gia giao dịch bảo đảm"},
		{"Cục Thi hành án dân sự tỉnh chủ trì đôn đốc.", "Cục Thi hành án dân sự tỉnh"},
		{"Ban Tiếp công dân tỉnh phối hợp tiếp dân.", "Ban Tiếp công dân tỉnh"},
		// guards
		{"Sở Tài chính tỉnh Bình Dương chủ trì thẩm định.", "Sở Tài chính tỉnh Bình Dương"},
		{"Ban Quản lý các khu công nghiệp chủ trì hướng dẫn.", "Ban Quản lý các khu công nghiệp"},
		{"Ban Dân tộc tỉnh chủ trì rà soát.", "Ban Dân tộc tỉnh"},
		{"Ủy ban nhân dân thành phố Thủ Đức chủ trì triển khai.", "Ủy ban nhân dân thành phố Thủ Đức"},
		{"Sở Y tế hỗ trợ bệnh viện triển khai phần mềm.", "Sở Y tế"},
		{"Cục Quản lý thị trường kiểm tra việc niêm yết giá thực hiện hằng tháng.", "Cục Quản lý thị trường"},
		{"Sở Tài chính trình Ủy ban nhân dân cấp tỉnh phê duyệt.", "Sở Tài chính"},
	}
	for _, tt := range tests {
		if got := agencyText(tt.text); got != tt.agency {
			t.Errorf("agencyText(%q) = %q, want %q", tt.text, got, tt.agency)
		}
	}
}
