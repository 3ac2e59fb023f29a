package tasktable

import "github.com/vanban/vanban/corpus/link"

// Written for these tests in the layout of real provincial documents (the
// same shapes as corpus's task_test.go): a resolution with numbered tasks,
// and a plan with a task table (agency, co-agency, deadline columns) and
// agency-headed bullets stating their deadlines in the text.
func resolutionDoc() *testDoc {
	return &testDoc{plan: Plan{Doc: link.Doc{ID: "nq", Type: "Nghị quyết", Number: "15/NQ-HĐND",
		Title: "Nghị quyết số 15/NQ-HĐND về phát triển du lịch và bảo tồn di sản",
		Body: "HỘI ĐỒNG NHÂN DÂN TỈNH\nQUYẾT NGHỊ:\nĐiều 1. Nhiệm vụ, giải pháp\n" +
			"1. Đầu tư hạ tầng giao thông đến các khu du lịch sinh thái ven hồ, bến thuyền và bãi đỗ xe.\n" +
			"2. Số hóa hồ sơ di tích, xây dựng bản đồ số di sản văn hóa và thuyết minh tự động tại các điểm đến.\n" +
			"3. Đào tạo, bồi dưỡng kỹ năng nghề du lịch cho người dân tham gia du lịch cộng đồng.\n" +
			"Điều 2. Tổ chức thực hiện\nGiao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này."},
		Published: "2024-03-01"}, plain: true}
}

func planDoc() *testDoc {
	return &testDoc{plan: Plan{Doc: link.Doc{ID: "kh", Type: "Kế hoạch", Number: "88/KH-UBND",
		Title: "Kế hoạch số 88/KH-UBND thực hiện Nghị quyết số 15/NQ-HĐND về phát triển du lịch",
		Body: "ỦY BAN NHÂN DÂN TỈNH\nI. MỤC ĐÍCH, YÊU CẦU\nTriển khai kịp thời Nghị quyết số 15/NQ-HĐND.\n" +
			"II. NHIỆM VỤ CỤ THỂ\n" +
			"STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành\n" +
			"1 | Đầu tư đường giao thông đến khu du lịch sinh thái ven hồ và bãi đỗ xe | Sở Xây dựng | Sở Tài chính | Quý IV/2025\n" +
			"2 | Số hóa hồ sơ di tích, xây dựng bản đồ số di sản văn hóa | Sở Văn hóa, Thể thao và Du lịch | Sở Khoa học và Công nghệ | Năm 2025\n" +
			"3 | Tập huấn kỹ năng nghề du lịch cộng đồng cho người dân | Sở Văn hóa, Thể thao và Du lịch | UBND các huyện | Hằng năm\n" +
			"III. TỔ CHỨC THỰC HIỆN\n1. Sở Tài nguyên và Môi trường:\n" +
			"- Phối hợp với UBND các huyện rà soát quỹ đất ven hồ cho khu du lịch sinh thái, hoàn thành trước ngày 30/9/2024.\n" +
			"2. Sở Kế hoạch và Đầu tư tổng hợp, báo cáo kết quả thực hiện trước ngày 15/12 hằng năm.\n"},
		Site: "tinh", Published: "2024-05-10", URL: "https://tinh.example.gov.vn/kh-88"}, parents: []string{"nq"}}
}
