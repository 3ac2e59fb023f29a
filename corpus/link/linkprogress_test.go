package link

import (
	"testing"

	"github.com/vanban/vanban/corpus/outline"
)

// Lines written for the tests of this file, in the shapes of a
// conclusions notice, a provincial plan and a telegram; none is from a
// development set.

func TestReportsOnWhole(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Các Bộ, cơ quan hoàn thiện Báo cáo tình hình triển khai thực hiện Nghị quyết số 12/NQ-CP, gửi Bộ Kế hoạch trước ngày 10 tháng 12.", true},
		{"Định kỳ 6 tháng báo cáo Ủy ban nhân dân tỉnh (qua Sở Nội vụ) kết quả thực hiện Kế hoạch.", true},
		{"Tổng hợp tình hình thực hiện các Chương trình mục tiêu quốc gia trên địa bàn, báo cáo Thủ tướng.", true},
		{"Đánh giá kết quả thực hiện chỉ thị số 05-CT/TU về học tập và làm theo tư tưởng của Bác.", true},
		// The progress of the tasks as a whole (wholeTasks).
		{"Báo cáo kết quả thực hiện nhiệm vụ được giao về Bộ Nội vụ trước thứ Tư hằng tuần.", true},
		{"Các trường báo cáo kết quả thực hiện nhiệm vụ năm học 2026 - 2027 gửi về Sở Giáo dục và Đào tạo trước ngày 31/5/2027.", true},
		{"Tổng hợp tình hình triển khai thực hiện các nhiệm vụ nêu trên, báo cáo Ủy ban nhân dân huyện.", true},
		// The progress of something else than a document or the tasks
		// as a whole.
		{"Cập nhật tình hình thực hiện giải ngân vốn đầu tư công của các dự án trọng điểm.", false},
		{"Đánh giá kết quả thực hiện nhiệm vụ phát triển du lịch cộng đồng, đề xuất giải pháp cho giai đoạn mới.", false},
		{"Báo cáo kết quả thực hiện về Ban Chỉ đạo tỉnh trước thứ Sáu hằng tuần.", false},
		// i24-review: one numbered task is not the tasks as a whole.
		{"Báo cáo kết quả thực hiện nhiệm vụ 2 nêu trên về Sở Tài chính trước ngày 10/12/2027.", false},
		// Carrying a document out, reviewing nothing.
		{"Tổ chức thực hiện Nghị quyết số 12/NQ-CP bảo đảm đúng tiến độ.", false},
		{"Kiểm tra, đôn đốc việc thực hiện Nghị quyết và ban hành tiêu chí đánh giá việc thực hiện Nghị quyết.", false},
		// A name running text mostly uses as an ordinary phrase
		// (doctype's Common: a project, a contract, a rule) names the
		// type only with a number after it.
		{"Nâng cao kết quả thực hiện dự án đầu tư xây dựng trường học trên địa bàn.", false},
		{"Kiểm tra tình hình thực hiện hợp đồng BOT các tuyến quốc lộ qua tỉnh.", false},
		{"Rà soát tình hình thực hiện quy định về phòng cháy, chữa cháy tại các cơ sở kinh doanh.", false},
		{"Báo cáo kết quả thực hiện Quy định số 142-QĐ/TW của Bộ Chính trị.", true},
		{"BÁO CÁO TÌNH HÌNH THỰC HIỆN NGHỊ QUYẾT SỐ 12/NQ-CP", true},
		{"tình hình thực hiện", false},
		{"", false},
	} {
		if got := reportsOnWhole(c.text); got != c.want {
			t.Errorf("reportsOnWhole(%q) = %t, want %t", c.text, got, c.want)
		}
	}
}

func TestAssignsLeader(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Giao Phó Thủ tướng Chính phủ Nguyễn Văn A trực tiếp chỉ đạo các Bộ, địa phương khắc phục hậu quả bão.", true},
		{"Giao đồng chí Phó Thủ tướng thường trực đi kiểm tra công tác phòng, chống hạn mặn tại các tỉnh.", true},
		{"Giao các Phó Thủ tướng theo lĩnh vực được phân công chỉ đạo, đôn đốc các Bộ.", true},
		{"Giao đồng chí Phó Chủ tịch Ủy ban nhân dân tỉnh phụ trách khối kinh tế chỉ đạo thực hiện Kế hoạch.", true},
		{"Giao Phó Chủ tịch UBND tỉnh Trần Văn B chỉ đạo công tác giải phóng mặt bằng.", true},
		{"GIAO PHÓ THỦ TƯỚNG CHÍNH PHỦ chỉ đạo các Bộ.", true},
		{"Giao đồng chí Phó Chủ tịch Thường trực UBND tỉnh chỉ đạo các sở, ngành rà soát quy hoạch.", true},
		{"Giao đồng chí Phó Bí thư Thường trực Tỉnh ủy chỉ đạo sơ kết Nghị quyết.", true},
		{"Giao các Phó Chủ tịch Ủy ban nhân dân tỉnh theo lĩnh vực được phân công chỉ đạo.", true},
		{"Giao Phó Giám đốc Sở Nội vụ theo dõi tiến độ.", false},
		{"Giao đồng chí", false},
		// Agencies, not the issuer's leaders; a meeting reported.
		{"Giao Bộ Tài chính chủ trì, phối hợp với các Bộ bố trí kinh phí.", false},
		{"Giao Sở Tư pháp theo dõi, đôn đốc các cơ quan triển khai thực hiện.", false},
		{"Phó Thủ tướng Chính phủ Nguyễn Văn A đã chủ trì cuộc họp với các Bộ.", false},
		{"Chủ tịch Ủy ban nhân dân các tỉnh chỉ đạo sơ tán dân.", false},
		{"Giao", false},
	} {
		if got := assignsLeader(c.text); got != c.want {
			t.Errorf("assignsLeader(%q) = %t, want %t", c.text, got, c.want)
		}
	}
}

// TestLinkProgressItems: a notice's point asking for the report on the
// resolution's progress and its point assigning a Deputy Prime Minister
// get no link, though they share the resolution's monitoring and
// direction words; its task does. Without the rules both are linked.
func TestLinkProgressItems(t *testing.T) {
	res := Doc{ID: "r", Number: "12/NQ-CP", Type: "Nghị quyết", Body: "CHÍNH PHỦ\nQUYẾT NGHỊ:\n" +
		"1. Các Bộ, ngành, địa phương khẩn trương sửa chữa trường học, trạm y tế bị hư hỏng do bão.\n" +
		"2. Giao Phó Thủ tướng Chính phủ chỉ đạo các Bộ, địa phương triển khai Nghị quyết; Bộ Kế hoạch và Đầu tư theo dõi, tổng hợp tình hình triển khai thực hiện Nghị quyết, báo cáo Chính phủ hằng tháng."}
	plan := Doc{ID: "p", Number: "30/TB-VPCP", Type: "Thông báo", Body: "Phó Thủ tướng kết luận như sau:\n" +
		"1. Các Bộ, địa phương hoàn thành sửa chữa trường học, trạm y tế trước ngày 31 tháng 12.\n" +
		"2. Các Bộ, địa phương hoàn thiện Báo cáo tình hình triển khai thực hiện Nghị quyết số 12/NQ-CP, gửi Bộ Kế hoạch và Đầu tư tổng hợp, báo cáo Chính phủ.\n" +
		"3. Giao Phó Thủ tướng Chính phủ Nguyễn Văn A tiếp tục chỉ đạo các Bộ, địa phương triển khai công tác khắc phục hậu quả bão.\n"}
	links := func(p Params) (task, report, leader int) {
		pl := PlanWith(plan, []Doc{res}, []*outline.Outline{nil}, p, nil, nil)
		n := map[string]int{}
		for _, it := range pl.Items {
			n[it.ID] = len(it.Matches)
		}
		return n["1"], n["2"], n["3"]
	}
	off := DefaultParams()
	off.Progress, off.Leaders = 0, 0
	if task, report, leader := links(off); task == 0 || report == 0 || leader == 0 {
		t.Errorf("without the rules: %d, %d, %d links; want all linked (the test no longer shows the rules)", task, report, leader)
	}
	if task, report, leader := links(DefaultParams()); task == 0 || report != 0 || leader != 0 {
		t.Errorf("defaults: task %d links, report %d, leader %d; want the task linked, neither other", task, report, leader)
	}
}

func FuzzProgressRules(f *testing.F) {
	for _, s := range []string{"Báo cáo tình hình triển khai thực hiện Nghị quyết", "kết quả thực hiện các", "Giao đồng chí", "Giao các Phó Thủ tướng", "Giao đồng chí Phó Bí thư", "tình hình triển khai thực hiện"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		reportsOnWhole(s) // no panic on any text
		assignsLeader(s)
	})
}
