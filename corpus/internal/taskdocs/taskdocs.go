// Package taskdocs holds the task table's test fixtures: a resolution with
// numbered tasks and a plan implementing it with a task table (agency,
// co-agency, deadline columns) and agency-headed bullets stating their
// deadlines in the text, written for the tests in the layout of real
// provincial documents, and the fields the table must read from the plan.
// corpus's tests store them (TestTasksFields, through the store), and
// corpus/tasktable's compute them (TestComputeFields); test files of two
// packages cannot share a fixture, an internal package can, and only test
// files import it.
package taskdocs

// Doc is a fixture document.
type Doc struct {
	ID, URL, Type, Number, Published, Site, Title, Body string
}

// Resolution is 15/NQ-HĐND, with three numbered tasks in its Điều 1.
func Resolution() Doc {
	return Doc{ID: "nq", Type: "Nghị quyết", Number: "15/NQ-HĐND", Published: "2024-03-01",
		Title: "Nghị quyết số 15/NQ-HĐND về phát triển du lịch và bảo tồn di sản",
		Body: "HỘI ĐỒNG NHÂN DÂN TỈNH\nQUYẾT NGHỊ:\nĐiều 1. Nhiệm vụ, giải pháp\n" +
			"1. Đầu tư hạ tầng giao thông đến các khu du lịch sinh thái ven hồ, bến thuyền và bãi đỗ xe.\n" +
			"2. Số hóa hồ sơ di tích, xây dựng bản đồ số di sản văn hóa và thuyết minh tự động tại các điểm đến.\n" +
			"3. Đào tạo, bồi dưỡng kỹ năng nghề du lịch cho người dân tham gia du lịch cộng đồng.\n" +
			"Điều 2. Tổ chức thực hiện\nGiao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này."}
}

// Plan is 88/KH-UBND, implementing Resolution.
func Plan() Doc {
	return Doc{ID: "kh", Type: "Kế hoạch", Number: "88/KH-UBND", Published: "2024-05-10", Site: "tinh",
		URL:   "https://tinh.example.gov.vn/kh-88",
		Title: "Kế hoạch số 88/KH-UBND thực hiện Nghị quyết số 15/NQ-HĐND về phát triển du lịch",
		Body: "ỦY BAN NHÂN DÂN TỈNH\nI. MỤC ĐÍCH, YÊU CẦU\nTriển khai kịp thời Nghị quyết số 15/NQ-HĐND.\n" +
			"II. NHIỆM VỤ CỤ THỂ\n" +
			"STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành\n" +
			"1 | Đầu tư đường giao thông đến khu du lịch sinh thái ven hồ và bãi đỗ xe | Sở Xây dựng | Sở Tài chính | Quý IV/2025\n" +
			"2 | Số hóa hồ sơ di tích, xây dựng bản đồ số di sản văn hóa | Sở Văn hóa, Thể thao và Du lịch | Sở Khoa học và Công nghệ | Năm 2025\n" +
			"3 | Tập huấn kỹ năng nghề du lịch cộng đồng cho người dân | Sở Văn hóa, Thể thao và Du lịch | UBND các huyện | Hằng năm\n" +
			"III. TỔ CHỨC THỰC HIỆN\n1. Sở Tài nguyên và Môi trường:\n" +
			"- Phối hợp với UBND các huyện rà soát quỹ đất ven hồ cho khu du lịch sinh thái, hoàn thành trước ngày 30/9/2024.\n" +
			"2. Sở Kế hoạch và Đầu tư tổng hợp, báo cáo kết quả thực hiện trước ngày 15/12 hằng năm.\n"}
}

// Field is what the table must read of one task of Plan; Passage "*" is
// the linker's choice, not the table's (corpus/link).
type Field struct {
	ID, Agency, Partners, Deadline, Kind, Date, Every, Passage string
}

// Fields are Plan's tasks as the table reads them.
func Fields() []Field {
	return []Field{
		{"II.r1", "Sở Xây dựng", "Sở Tài chính", "Quý IV/2025", "date", "2025-12-31", "", "Đ1.1"},
		{"II.r2", "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ", "Năm 2025", "date", "2025-12-31", "", "Đ1.2"},
		{"II.r3", "Sở Văn hóa, Thể thao và Du lịch", "UBND các huyện", "Hằng năm", "recurring", "", "year", "Đ1.3"},
		{"III.1.•1", "Sở Tài nguyên và Môi trường", "UBND các huyện", "hoàn thành trước ngày 30/9/2024", "date", "2024-09-30", "", "*"},
		{"III.2", "Sở Kế hoạch và Đầu tư", "", "trước ngày 15/12 hằng năm", "recurring", "", "year", "*"},
	}
}
