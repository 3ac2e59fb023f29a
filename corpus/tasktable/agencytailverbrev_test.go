package tasktable

import "testing"

// TestAgencyCellTailHoldsNoTask: a name's tail reads through a verb a
// name holds as its work only in a Cục's or Vụ's name, a unit named by
// its work ("Cục Quản lý xây dựng công trình"). A Sở is named by its
// sector and a Ban's work-words are the table's own (nameTails: "dự án
// đầu tư xây dựng"): after them such a verb opens the clause, and the
// task keeps it ("Sở Tài nguyên và Môi trường kiểm soát … đề xuất …" is
// the Sở's work, not a name). A tail that read through a verb holds no
// locality: "đường tỉnh" is the verb's object. Lines written for the
// review (i24-review3), none from the collection.
func TestAgencyCellTailHoldsNoTask(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Sở Tài nguyên và Môi trường kiểm soát chất lượng môi trường đề xuất giải pháp.", "Sở Tài nguyên và Môi trường"},
		{"Sở Xây dựng quản lý chặt chẽ chất lượng công trình tổ chức kiểm tra định kỳ.", "Sở Xây dựng"},
		{"Sở Giao thông vận tải quản lý bảo trì đường tỉnh hướng dẫn các huyện.", "Sở Giao thông vận tải"},
		{"Sở Công Thương kiểm soát thị trường hỗ trợ doanh nghiệp.", "Sở Công Thương"},
		{"Sở Văn hóa và Thể thao giám sát lễ hội đề xuất khen thưởng.", "Sở Văn hóa và Thể thao"},
		{"Ban Quản lý dự án giám sát thi công bảo đảm tiến độ.", "Ban Quản lý dự án"},
		{"Ban Quản lý dự án xây dựng kế hoạch giải ngân chủ trì thực hiện.", "Ban Quản lý dự án"},
		{"Ban Quản lý dự án giám sát thi công hạng mục cầu thực hiện nghiệm thu.", "Ban Quản lý dự án"},
		{"Cục Đường bộ quản lý vận hành đường tỉnh hướng dẫn các nhà thầu.", "Cục Đường bộ"},
		// guards: a unit named by its work, a locality after a name, a
		// verb a name holds after a Sở's clause has opened
		{"Sở Tư pháp lưu giữ hồ sơ công chứng xây dựng cơ sở dữ liệu.", "Sở Tư pháp"},
		{"Sở Y tế tỉnh quản lý danh mục thuốc.", "Sở Y tế tỉnh"},
		{"Cục Quản lý xây dựng công trình nghiên cứu sửa đổi tiêu chuẩn.", "Cục Quản lý xây dựng công trình"},
		{"Cục Kinh tế xây dựng tham mưu ban hành định mức.", "Cục Kinh tế xây dựng"},
		{"Cục Đăng ký quốc gia giao dịch bảo đảm chủ trì hướng dẫn.", "Cục Đăng ký quốc gia giao dịch bảo đảm"},
		{"Cục Thi hành án dân sự tỉnh chủ trì đôn đốc.", "Cục Thi hành án dân sự tỉnh"},
		{"Ban Tiếp công dân tỉnh phối hợp tiếp dân.", "Ban Tiếp công dân tỉnh"},
		{"Ban Quản lý dự án đầu tư xây dựng tỉnh chủ trì giải phóng mặt bằng.", "Ban Quản lý dự án đầu tư xây dựng tỉnh"},
		{"Sở Y tế tỉnh Bình Dương chủ trì triển khai.", "Sở Y tế tỉnh Bình Dương"},
		{"Cục Thuế thành phố Hồ Chí Minh chủ trì rà soát.", "Cục Thuế thành phố Hồ Chí Minh"},
	}
	for _, tt := range tests {
		if got := agencyText(tt.text); got != tt.agency {
			t.Errorf("agencyText(%q) = %q, want %q", tt.text, got, tt.agency)
		}
	}
}
