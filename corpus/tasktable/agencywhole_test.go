package tasktable

import "testing"

// TestAgencyNameWhole: a Cục's, Vụ's or Sở's name whose second syllable
// also opens a verb or is a common noun ("Việc làm", "Bồi thường", "Đăng
// kiểm", "Dự báo") is read whole; where the name ends is the actor
// table's one rule (outline.EndsName), not a list of first syllables.
// Names and lines written for the test, across ministries and
// provinces; the verbs after them vary.
func TestAgencyNameWhole(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Cục Việc làm chủ trì hướng dẫn các địa phương.", "Cục Việc làm"},
		{"Cục Bồi thường nhà nước hướng dẫn nghiệp vụ bồi thường.", "Cục Bồi thường nhà nước"},
		{"Cục Đăng kiểm Việt Nam kiểm tra phương tiện cơ giới.", "Cục Đăng kiểm Việt Nam"},
		{"Vụ Tổ chức cán bộ tham mưu phương án sắp xếp.", "Vụ Tổ chức cán bộ"},
		{"Cục Quản lý xây dựng công trình theo dõi tiến độ dự án.", "Cục Quản lý xây dựng công trình"},
		{"Sở Xây dựng chủ trì thẩm định thiết kế.", "Sở Xây dựng"},
		{"Cục Người có công phối hợp rà soát hồ sơ.", "Cục Người có công"},
		{"Cục Bảo trợ xã hội chủ trì xây dựng đề án.", "Cục Bảo trợ xã hội"},
		{"Cục Thi hành án dân sự chủ trì đôn đốc thi hành án.", "Cục Thi hành án dân sự"},
		{"Cục Kiểm định hải quan thực hiện phân tích mẫu.", "Cục Kiểm định hải quan"},
		{"Vụ Thi đua - Khen thưởng tổng hợp hồ sơ khen thưởng.", "Vụ Thi đua - Khen thưởng"},
		{"Cục Bản quyền tác giả hướng dẫn đăng ký quyền tác giả.", "Cục Bản quyền tác giả"},
		{"Cục Dự trữ Nhà nước bảo đảm hàng dự trữ.", "Cục Dự trữ Nhà nước"},
		{"Sở Tư pháp thẩm định dự thảo quyết định.", "Sở Tư pháp"},
		{"Cục Trồng trọt chỉ đạo sản xuất vụ đông.", "Cục Trồng trọt"},
		{"Cục Chăn nuôi hướng dẫn tái đàn.", "Cục Chăn nuôi"},
		{"Cục Xử lý vi phạm hành chính hướng dẫn áp dụng pháp luật.", "Cục Xử lý vi phạm hành chính"},
		{"Cục Giám định nhà nước về chất lượng công trình xây dựng kiểm tra công tác nghiệm thu.", "Cục Giám định nhà nước"},
		{"Cục Hợp tác quốc tế chủ trì đón đoàn.", "Cục Hợp tác quốc tế"},
		{"Cục Phát triển đô thị hướng dẫn lập chương trình.", "Cục Phát triển đô thị"},
		{"Cục Kinh tế hợp tác và Phát triển nông thôn tham mưu chính sách.", "Cục Kinh tế hợp tác và Phát triển nông thôn"},
		{"Vụ Pháp chế rà soát văn bản.", "Vụ Pháp chế"},
		{"Cục Thống kê cung cấp số liệu.", "Cục Thống kê"},
		{"Cục Hàng hải Việt Nam chủ trì triển khai.", "Cục Hàng hải Việt Nam"},
		{"Cục Lãnh sự hướng dẫn thủ tục.", "Cục Lãnh sự"},
		{"Cục Dự báo thời tiết chủ trì phát tin cảnh báo.", "Cục Dự báo thời tiết"},
		{"Sở Giáo dục và Đào tạo chủ trì tổ chức kỳ thi.", "Sở Giáo dục và Đào tạo"},
		{"Cục Văn thư và Lưu trữ nhà nước hướng dẫn chỉnh lý tài liệu.", "Cục Văn thư và Lưu trữ nhà nước"},
		{"Cục Tần số vô tuyến điện kiểm tra việc sử dụng tần số.", "Cục Tần số vô tuyến điện"},
		// The clause's verb after the name, a capitalised name's last word.
		{"Sở Công Thương mở rộng mạng lưới phân phối.", "Sở Công Thương"},
		{"Sở Công Thương trình Ủy ban nhân dân tỉnh phê duyệt.", "Sở Công Thương"},
		{"Sở Y tế lập danh sách cơ sở khám bệnh.", "Sở Y tế"},
		{"Cục Thuế nắm bắt tình hình kê khai.", "Cục Thuế"},
		{"Cục Thuế phân loại người nộp thuế.", "Cục Thuế"},
		{"Sở Công Thương khảo sát nhu cầu.", "Sở Công Thương"},
		{"Cục Hải quan để kiểm soát hàng hóa.", "Cục Hải quan"},
		{"Sở Nội vụ về việc sắp xếp tổ chức.", "Sở Nội vụ"},
		{"Sở Công Thương sớm ban hành kế hoạch.", "Sở Công Thương"},
		{"Sở Công Thương tiếp nhận hồ sơ.", "Sở Công Thương"},
		{"Cục Thuế làm việc với doanh nghiệp.", "Cục Thuế"},
	}
	for _, tt := range tests {
		if got := agencyText(tt.text); got != tt.agency {
			t.Errorf("agencyText(%q) = %q, want %q", tt.text, got, tt.agency)
		}
	}
}
