package cite

import "testing"

// actorRelations are sentences written for this test (the demo portal's
// "tỉnh Phú An" and news-page style) on who implements: a verb inside the
// noun phrase after a copula "là" or in a relative clause of a noun ("công
// trình thực hiện …", "các dự án triển khai …") is said of that noun, not of
// the text; a verb opening the clause, or after the text's own subject
// ("Kế hoạch này …"), is the text's own act.
var actorRelations = []relCase{
	// not the text's act: a noun phrase after "là"
	{"copula", `Dự án là một trong những công trình trọng điểm thực hiện Nghị quyết số 154/NQ-CP ngày 23/11/2022 của Chính phủ về phát triển vùng Đông Nam Bộ.`,
		`154/NQ-CP;mentions`},
	{"copula", `Chuyển đổi số là nhiệm vụ trọng tâm thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị trong năm 2025.`,
		`57-NQ/TW;mentions`},
	{"copula", `Theo Sở Xây dựng, tuyến đường ven sông là công trình quan trọng nhằm triển khai Kế hoạch số 236/KH-UBND của UBND tỉnh Phú An.`,
		`236/KH-UBND;mentions`},
	// not the text's act: a relative clause of a noun
	{"relative", `Đến nay, tỉnh đã khởi công 12 công trình thực hiện Nghị quyết số 12/2023/NQ-HĐND của HĐND tỉnh Phú An.`,
		`12/2023/NQ-HĐND;mentions`},
	{"relative", `Các dự án triển khai Nghị quyết số 154/NQ-CP trên địa bàn tỉnh đều bảo đảm tiến độ.`,
		`154/NQ-CP;mentions`},
	{"relative", `Năm 2024, tỉnh đã hoàn thành 8 nhiệm vụ thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị.`,
		`57-NQ/TW;mentions`},
	{"relative", `Sở Kế hoạch và Đầu tư tổng hợp các giải pháp triển khai Kế hoạch số 45/KH-UBND của UBND tỉnh.`,
		`45/KH-UBND;mentions`},

	// the text's own act
	{"own relative", `Kế hoạch này đề ra các nhiệm vụ, giải pháp thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.`,
		`57-NQ/TW;implements`},
	{"own", `Thực hiện Nghị quyết số 154/NQ-CP ngày 23/11/2022 của Chính phủ, UBND tỉnh ban hành Kế hoạch thực hiện như sau:`,
		`154/NQ-CP;implements`},
	{"own", `Kế hoạch này triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị trên địa bàn tỉnh Phú An.`,
		`57-NQ/TW;implements`},
	{"own", `Để thực hiện Chỉ thị số 05/CT-TU ngày 12/4/2024 của Ban Thường vụ Tỉnh ủy, Bộ yêu cầu các đơn vị thực hiện các nội dung sau:`,
		`05/CT-TU;implements`},
	{"own copula", `Kế hoạch này là cơ sở để các sở, ngành triển khai thực hiện Nghị quyết số 12/2023/NQ-HĐND của HĐND tỉnh.`,
		`12/2023/NQ-HĐND;implements`},
	{"own copula", `Mục đích là triển khai thực hiện có hiệu quả Kết luận số 14-KL/TW ngày 24/9/2021 của Bộ Chính trị.`,
		`14-KL/TW;implements`},
}

// TestRelationsActor wants every relation of the table right: each line is
// one decision of actorOf.
func TestRelationsActor(t *testing.T) {
	s := scoreRelations(t, actorRelations)
	t.Logf("actor sentences: %s", s)
	if s.relOK != s.refs || s.missed+s.extra > 0 {
		t.Errorf("actor sentences: relation %d/%d, %d missed, %d extra; want all", s.relOK, s.refs, s.missed, s.extra)
	}
}
