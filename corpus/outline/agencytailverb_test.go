package outline

import (
	"strings"
	"testing"
)

// TestAgencyTailVerbs: a Cục's, Vụ's, Sở's or Ban's lower-case tail is
// read by what a name holds, not cut at the first word that can also be a
// verb. The tail ends at a verb that opens the clause (a task or clause
// verb no name holds: "đề xuất", "nghiên cứu", "chủ trì"); it reads
// through a verb a name holds as its work ("xây dựng", "quản lý", "bảo
// đảm") after a lower-case noun or right before the clause's verb; a
// locality ("tỉnh Bình Dương") ends it; a capitalised word or a verb no
// table holds ("chia sẻ", "thiết lập") leaves no tail.
// Names and lines written for the test, across ministries and provinces.
func TestAgencyTailVerbs(t *testing.T) {
	tests := []struct{ text, agency string }{
		// the clause opens with a verb of the clause, not a task verb
		{"Cục Hợp tác quốc tế đề xuất phương án đàm phán.", "Cục Hợp tác quốc tế"},
		{"Vụ Phát triển nguồn nhân lực đề xuất chính sách thu hút.", "Vụ Phát triển nguồn nhân lực"},
		{"Cục Quản lý xây dựng công trình đề xuất biện pháp khắc phục.", "Cục Quản lý xây dựng công trình"},
		{"Cục Tần số vô tuyến điện nghiên cứu quy hoạch băng tần.", "Cục Tần số vô tuyến điện"},
		{"Sở Y tế thường xuyên kiểm tra cơ sở khám bệnh.", "Sở Y tế"},
		{"Cục Đăng ký quốc gia giao dịch bảo đảm chủ trì hướng dẫn.", "Cục Đăng ký quốc gia giao dịch bảo đảm"},
		{"Cục Kết cấu hạ tầng xây dựng nghiên cứu định mức.", "Cục Kết cấu hạ tầng xây dựng"},
		{"Cục Thuế doanh nghiệp lớn kiểm tra hồ sơ hoàn thuế.", "Cục Thuế doanh nghiệp lớn"},
		{"Cục Kinh tế xây dựng tham mưu ban hành định mức.", "Cục Kinh tế xây dựng"},
		// a locality ends the tail
		{"Cục Thi hành án dân sự tỉnh chủ trì đôn đốc.", "Cục Thi hành án dân sự tỉnh"},
		{"Cục Thi hành án dân sự tỉnh Quảng Ngãi đề xuất biện pháp.", "Cục Thi hành án dân sự tỉnh Quảng Ngãi"},
		{"Sở Tài chính tỉnh Bình Dương chủ trì thẩm định.", "Sở Tài chính tỉnh Bình Dương"},
		{"Ban Tiếp công dân tỉnh phối hợp tiếp dân.", "Ban Tiếp công dân tỉnh"},
		{"Ban Quản lý dự án giao thông huyện chủ trì giải phóng mặt bằng.", "Ban Quản lý dự án giao thông huyện"},
		// guards: the verb right after a name of a domain is the clause's
		{"Sở Y tế hỗ trợ bệnh viện triển khai phần mềm.", "Sở Y tế"},
		{"Cục Thuế kiểm tra việc kê khai thuế.", "Cục Thuế"},
		{"Sở Xây dựng quản lý chặt chẽ hồ sơ của dự án.", "Sở Xây dựng"},
		{"Cục Viễn thông chia sẻ quyền quản lý hạ tầng với doanh nghiệp.", "Cục Viễn thông"},
		{"Sở Tài chính trình Ủy ban nhân dân cấp tỉnh phê duyệt.", "Sở Tài chính"},
		{"Sở Khoa học và Công nghệ giúp Ủy ban nhân dân cấp tỉnh, theo dõi.", "Sở Khoa học và Công nghệ"},
		{"Cục Quản lý thị trường kiểm tra việc niêm yết giá thực hiện hằng tháng.", "Cục Quản lý thị trường"},
		{"Cục Bưu điện Trung ương thiết lập mạng dự phòng.", "Cục Bưu điện Trung ương"},
		{"Ban Thư ký Hội đồng quản trị Ban Kiểm soát chủ trì.", "Ban Thư ký Hội đồng"},
		// a unit's ministry after its name is the name's
		{"Cục Điều tra hình sự Bộ Quốc phòng chủ trì điều tra.", "Cục Điều tra hình sự Bộ Quốc phòng"},
		{"Sở Nội vụ thành lập đoàn kiểm tra.", "Sở Nội vụ"},
		{"Sở Tài chính tổng hợp và báo cáo Ủy ban nhân dân tỉnh.", "Sở Tài chính"},
		{"Ban Chỉ đạo tỉnh họp định kỳ.", "Ban Chỉ đạo"},
	}
	for _, tt := range tests {
		atoks, an := AgencyWords(tt.text)
		if got := strings.TrimRight(strings.Join(atoks[:an], " "), ",:;."); got != tt.agency {
			t.Errorf("AgencyWords(%q) names %q, want %q", tt.text, got, tt.agency)
		}
	}
}
