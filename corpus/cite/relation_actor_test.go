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
	// not the text's act: a bare type word, or the text's own ("Nghị quyết
	// này"), as the subject of a copula: what follows "là" says what the
	// document is for, it is not an act of it
	{"type copula", `Kế hoạch này là cơ sở để các sở, ngành triển khai thực hiện Nghị quyết số 12/2023/NQ-HĐND của HĐND tỉnh.`,
		`12/2023/NQ-HĐND;mentions`},
	{"type copula", `Nghị quyết này là cơ sở để Ủy ban nhân dân tỉnh sửa đổi, bổ sung Quyết định số 21/2019/QĐ-UBND ngày 14/8/2019 của UBND tỉnh Tây Giang.`,
		`21/2019/QĐ-UBND;mentions`},
	{"type copula", `Quyết định này là căn cứ để thay thế Quyết định số 1120/QĐ-UBND ngày 02/6/2021 của Chủ tịch UBND tỉnh.`,
		`1120/QĐ-UBND;mentions`},
	{"type copula", `Thông tư này là căn cứ pháp lý để hướng dẫn thi hành Nghị định số 84/2025/NĐ-CP ngày 15 tháng 4 năm 2025 của Chính phủ.`,
		`84/2025/NĐ-CP;mentions`},
	{"type copula", `Kế hoạch là văn bản cụ thể hóa Nghị quyết số 09-NQ/TU ngày 30/9/2024 của Tỉnh ủy Tây Giang.`,
		`09-NQ/TU;mentions`},
	{"type copula", `Theo đó, Chương trình là cơ sở để các địa phương tổ chức thực hiện Kết luận số 91-KL/TW của Bộ Chính trị.`,
		`91-KL/TW;mentions`},

	// not the text's act: a relative clause of a noun
	{"relative", `Đến nay, tỉnh đã khởi công 12 công trình thực hiện Nghị quyết số 12/2023/NQ-HĐND của HĐND tỉnh Phú An.`,
		`12/2023/NQ-HĐND;mentions`},
	{"relative", `Các dự án triển khai Nghị quyết số 154/NQ-CP trên địa bàn tỉnh đều bảo đảm tiến độ.`,
		`154/NQ-CP;mentions`},
	{"relative", `Năm 2024, tỉnh đã hoàn thành 8 nhiệm vụ thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị.`,
		`57-NQ/TW;mentions`},
	{"relative", `Sở Kế hoạch và Đầu tư tổng hợp các giải pháp triển khai Kế hoạch số 45/KH-UBND của UBND tỉnh.`,
		`45/KH-UBND;mentions`},

	// a change asked of others is not made by the text ...
	{"directive", `Sở Tư pháp đề nghị bãi bỏ Quyết định số 12/2017/QĐ-UBND ngày 03/4/2017 của UBND tỉnh Sóc Trăng.`,
		`12/2017/QĐ-UBND;mentions`},
	{"directive", `Ban Pháp chế HĐND tỉnh đề nghị sửa đổi Nghị quyết số 08/2021/NQ-HĐND ngày 15/7/2021 của HĐND tỉnh Nghệ An.`,
		`08/2021/NQ-HĐND;mentions`},
	{"directive", `Bộ Tài chính yêu cầu các địa phương thay thế Quyết định số 41/2019/QĐ-UBND ngày 20/9/2019 của UBND tỉnh.`,
		`41/2019/QĐ-UBND;mentions`},
	// ... an implementation asked of others is how a directive text
	// (Công văn, Công điện) implements: it keeps its relation
	{"directive implements", `UBND tỉnh Hậu Giang yêu cầu các sở, ngành thực hiện nghiêm Chỉ thị số 18/CT-TTg ngày 30/4/2025 của Thủ tướng Chính phủ.`,
		`18/CT-TTg;implements`},
	{"directive implements", `Ban Thường vụ Huyện ủy Tam Nông đề nghị các chi bộ quán triệt Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị.`,
		`35-NQ/TW;implements`},
	// ... but a head before it still gives the text its relation
	{"own directive", `Thực hiện Kế hoạch số 64/KH-UBND ngày 10/5/2025 của UBND tỉnh Tuyên Quang, UBND huyện yêu cầu các xã báo cáo kết quả trước ngày 30/6/2025.`,
		`64/KH-UBND;implements`},

	// not the text's act: a span of months before the verb makes it a noun,
	// as "hai năm thực hiện" does
	{"nominal", `Ngày 28/6, Sở Công Thương tỉnh Long An tổ chức sơ kết 6 tháng thực hiện Kế hoạch số 95/KH-UBND ngày 14/01/2025 của UBND tỉnh.`,
		`95/KH-UBND;mentions`},
	{"nominal", `Sau ba tháng triển khai Chỉ thị số 12-CT/TU ngày 05/02/2025 của Tỉnh ủy Thái Bình, các xã đã ra quân đồng loạt.`,
		`12-CT/TU;mentions`},

	// the text's own act
	{"own relative", `Kế hoạch này đề ra các nhiệm vụ, giải pháp thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.`,
		`57-NQ/TW;implements`},
	{"own", `Thực hiện Nghị quyết số 154/NQ-CP ngày 23/11/2022 của Chính phủ, UBND tỉnh ban hành Kế hoạch thực hiện như sau:`,
		`154/NQ-CP;implements`},
	{"own", `Kế hoạch này triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị trên địa bàn tỉnh Phú An.`,
		`57-NQ/TW;implements`},
	{"own", `Để thực hiện Chỉ thị số 05/CT-TU ngày 12/4/2024 của Ban Thường vụ Tỉnh ủy, Bộ yêu cầu các đơn vị thực hiện các nội dung sau:`,
		`05/CT-TU;implements`},
	{"own", `Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 1120/QĐ-UBND ngày 02/6/2021 của Chủ tịch UBND tỉnh.`,
		`1120/QĐ-UBND;replaces`},
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
