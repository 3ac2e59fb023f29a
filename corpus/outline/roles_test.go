package outline

import (
	"strings"
	"testing"
)

// TestItemTask: what the tasks view lists, by structure. Lines written for
// the test in the shapes of a Nghị định, a Thông tư, a Quyết định, a Chỉ
// thị, a Kế hoạch and a Công văn (none copied from the data the rule was
// made on). A Nghị định's "Trách nhiệm của Ủy ban nhân dân cấp tỉnh"
// assigns work to a named agency: its clauses are tasks (the decree then
// implements the law it cites through them); its rules are not.
func TestItemTask(t *testing.T) {
	tests := []struct {
		name, body string
		want       map[string]bool // item ID → Task(); items not named are not checked
	}{
		{"a decree: rules are provisions, the assigning article holds tasks",
			"Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về điều kiện kinh doanh dịch vụ cầm đồ.\n" +
				"Điều 2. Giải thích từ ngữ\n1. Cầm đồ là việc người cầm đồ giao tài sản để vay tiền.\n" +
				"Điều 5. Điều kiện cấp giấy chứng nhận\n1. Có trụ sở cố định tại địa phương.\n2. Có vốn điều lệ tối thiểu 5 tỷ đồng.\n" +
				"Điều 12. Xử phạt vi phạm\n1. Phạt tiền từ 5.000.000 đồng đến 10.000.000 đồng đối với hành vi không niêm yết giá.\n" +
				"Điều 25. Trách nhiệm của Ủy ban nhân dân cấp tỉnh\n1. Chỉ đạo các sở, ngành kiểm tra việc chấp hành quy định về cầm đồ trên địa bàn.\n2. Báo cáo Bộ Công an kết quả thực hiện trước ngày 15 tháng 12 hằng năm.\n" +
				"Điều 26. Hiệu lực thi hành\n1. Nghị định này có hiệu lực thi hành từ ngày 01 tháng 3 năm 2027.",
			map[string]bool{"Đ2.1": false, "Đ5.1": false, "Đ5.2": false, "Đ12.1": false, "Đ25.1": true, "Đ25.2": true, "Đ26.1": false}},
		{"a circular: only Tổ chức thực hiện",
			"Điều 1. Đối tượng áp dụng\n1. Công chức cấp xã làm việc trong các cơ quan của Đảng.\n2. Viên chức trong các đơn vị sự nghiệp công lập.\n" +
				"Điều 2. Xác định nguồn kinh phí\n1. Sử dụng nguồn tiết kiệm 10% chi thường xuyên để thực hiện mức lương mới.\n" +
				"Điều 3. Tổ chức thực hiện\n1. Sở Nội vụ hướng dẫn các huyện triển khai.\n2. Trong quá trình thực hiện, nếu có vướng mắc, các cơ quan phản ánh về Bộ Nội vụ để hướng dẫn.",
			map[string]bool{"Đ1.1": false, "Đ1.2": false, "Đ2.1": false, "Đ3.1": true, "Đ3.2": true}},
		{"an article that assigns work and states the effect",
			"Điều 1. Phạm vi điều chỉnh\n1. Nghị quyết này quy định cơ chế đặc thù khai thác khoáng sản làm vật liệu xây dựng.\n" +
				"Điều 7. Tổ chức thực hiện và hiệu lực thi hành\n1. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.\n" +
				"2. Ủy ban nhân dân các tỉnh chỉ đạo kiểm tra, giám sát việc khai thác vượt công suất.",
			map[string]bool{"Đ1.1": false, "Đ7.1": false, "Đ7.2": true}},
		{"a decision approving a plan keeps its tasks",
			"Điều 1. Phê duyệt Kế hoạch thực hiện Chương trình chuyển đổi số của tỉnh giai đoạn 2026 - 2030 với các nội dung sau:\n" +
				"1. Rà soát, hoàn thiện hạ tầng số tại các xã vùng cao.\n2. Tổ chức tập huấn kỹ năng số cho cán bộ cấp xã.\n" +
				"Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n",
			map[string]bool{"Đ1.1": true, "Đ1.2": true}},
		{"a decision issuing a plan in its annex keeps the annex's tasks",
			"Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống thiên tai năm 2027.\n" +
				"Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n" +
				"PHỤ LỤC\nKẾ HOẠCH PHÒNG, CHỐNG THIÊN TAI NĂM 2027\nI. NHIỆM VỤ\n1. Sở Nông nghiệp và Môi trường kiểm tra hệ thống đê điều trước mùa mưa bão.\n2. Sở Xây dựng rà soát các công trình xuống cấp.",
			map[string]bool{"PL.1": true, "PL.2": true}},
		{"a decision assigning the tasks listed in its appendix keeps them",
			"Điều 1. Giao nhiệm vụ cho các sở, ban, ngành và Ủy ban nhân dân cấp xã thực hiện các nhiệm vụ trọng tâm năm 2027 tại Phụ lục kèm theo Quyết định này.\n" +
				"Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n" +
				"PHỤ LỤC\nDANH MỤC NHIỆM VỤ TRỌNG TÂM NĂM 2027\n1. Sở Tài chính tham mưu phân bổ vốn đầu tư công trước ngày 31/3/2027.\n2. Sở Nội vụ hoàn thành sắp xếp đơn vị sự nghiệp công lập trong quý II/2027.",
			map[string]bool{"PL.1": true, "PL.2": true}},
		{"a decision issuing a list of tasks keeps them",
			"Điều 1. Ban hành kèm theo Quyết định này Danh mục nhiệm vụ trọng tâm năm 2027 của Ủy ban nhân dân tỉnh.\n" +
				"Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n" +
				"PHỤ LỤC\nDANH MỤC NHIỆM VỤ TRỌNG TÂM NĂM 2027\n1. Sở Tài chính tham mưu phân bổ vốn đầu tư công trước ngày 31/3/2027.\n2. Sở Nội vụ hoàn thành sắp xếp đơn vị sự nghiệp công lập trong quý II/2027.",
			map[string]bool{"PL.1": true, "PL.2": true}},
		{"a decree's duty to report on a form: the forms appendix stays provisions",
			"Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về quản lý cụm công nghiệp.\n" +
				"Điều 20. Trách nhiệm của Ủy ban nhân dân cấp tỉnh\n1. Báo cáo Bộ Công Thương tình hình cụm công nghiệp theo Mẫu số 01 tại Phụ lục kèm theo Nghị định này.\n" +
				"PHỤ LỤC\nMẪU BÁO CÁO\n1. Tên cụm công nghiệp, diện tích, tỷ lệ lấp đầy.\n2. Số doanh nghiệp đang hoạt động.",
			map[string]bool{"Đ20.1": true, "PL.1": false, "PL.2": false}},
		{"a decision issuing rules: its regulation's articles are provisions",
			"Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý cụm công nghiệp trên địa bàn tỉnh.\n" +
				"Điều 2. Giao Sở Công Thương chủ trì, hướng dẫn thực hiện Quy chế này.\n" +
				"QUY CHẾ\nĐiều 1. Phạm vi điều chỉnh\n1. Quy chế này quy định việc quản lý cụm công nghiệp.\nĐiều 4. Điều kiện thành lập cụm công nghiệp\n1. Có quy mô diện tích không quá 75 ha.",
			map[string]bool{"Đ1~2.1": false, "Đ4.1": false}},
		{"a circular in chapters whose articles the parser did not read",
			"Chương I\nQUY ĐỊNH CHUNG\n1. Thông tư này quy định tiêu chí xác định doanh nghiệp khoa học.\n2. Doanh nghiệp phải có doanh thu từ sản phẩm khoa học đạt 30%.\n" +
				"Chương V\nTỔ CHỨC THỰC HIỆN\n1. Sở Khoa học và Công nghệ hướng dẫn, kiểm tra việc thực hiện.",
			map[string]bool{"ChI.1": false, "ChI.2": false, "ChV.1": true}},
		{"a directive's numbered points are tasks",
			"Để chấn chỉnh kỷ cương hành chính, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:\n" +
				"1. Thủ trưởng các sở, ban, ngành tăng cường kiểm tra công vụ, xử lý nghiêm cán bộ vi phạm.\n" +
				"2. Ủy ban nhân dân các xã thực hiện công khai thủ tục hành chính tại trụ sở.\n" +
				"3. Sở Nội vụ theo dõi, đôn đốc và báo cáo kết quả thực hiện Chỉ thị này.",
			map[string]bool{"1": true, "2": true, "3": true}},
		{"a letter: its requests are tasks, its closing and contact lines are not",
			"Kính gửi: Các trường trung học phổ thông\n" +
				"1. Theo dõi chỉ số chất lượng không khí hằng ngày và thông báo cho học sinh.\n" +
				"2. Hạn chế tổ chức các hoạt động ngoài trời khi chỉ số ở mức kém.\n" +
				"Đề nghị các đơn vị báo cáo kết quả thực hiện về Sở trước ngày 20/01/2027./.\n" +
				"Mọi chi tiết xin liên hệ Phòng Giáo dục phổ thông, điện thoại: 0236.3821.456.\n" +
				"Đề nghị Hiệu trưởng các trường nghiêm túc triển khai thực hiện./.\n" +
				"Nơi nhận:\n- Như trên;\n- Lưu: VT.",
			map[string]bool{"1": true, "2": true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := Parse(tt.body)
			seen := map[string]bool{}
			for i := range o.Items {
				it := &o.Items[i]
				seen[it.ID] = true
				if want, ok := tt.want[it.ID]; ok && it.Task() != want {
					t.Errorf("%s %q: Task() = %v, want %v", it.ID, it.Text, it.Task(), want)
				}
			}
			for id := range tt.want {
				if !seen[id] {
					t.Errorf("no item %s; items: %s", id, taskItemIDs(o))
				}
			}
		})
	}
}

// TestItemTaskLetterLines: a letter's closing request and contact line are
// no tasks; their text is read by the item (the lines of TestItemTask
// checked without depending on how the parser numbers paragraphs).
func TestItemTaskLetterLines(t *testing.T) {
	body := "Kính gửi: Các trường trung học phổ thông\n" +
		"1. Theo dõi chỉ số chất lượng không khí hằng ngày và thông báo cho học sinh.\n" +
		"Đề nghị các đơn vị báo cáo kết quả thực hiện về Sở trước ngày 20/01/2027./.\n" +
		"Mọi chi tiết xin liên hệ Phòng Giáo dục phổ thông, điện thoại: 0236.3821.456.\n" +
		"Đề nghị Hiệu trưởng các trường nghiêm túc triển khai thực hiện./.\n"
	want := map[string]bool{
		"Theo dõi chỉ số":        true,
		"Đề nghị các đơn vị báo": true,
		"Mọi chi tiết":           false,
		"Đề nghị Hiệu trưởng":    false,
	}
	o := Parse(body)
	for prefix, w := range want {
		found := false
		for i := range o.Items {
			if it := &o.Items[i]; strings.HasPrefix(it.Text, prefix) {
				found = true
				if it.Task() != w {
					t.Errorf("%s %q: Task() = %v, want %v", it.ID, it.Text, it.Task(), w)
				}
			}
		}
		if !found {
			t.Errorf("no item %q; items: %s", prefix, taskItemIDs(o))
		}
	}
}

// TestLetterClosing: the lines one by one.
func TestLetterClosing(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Chi tiết liên hệ phòng Kế hoạch - Tài chính, Sở Y tế, điện thoại: 0258.3822.111.", true},
		{"Mọi chi tiết xin liên hệ đồng chí Nguyễn Văn A, chuyên viên Phòng Tổng hợp.", true},
		{"Trong quá trình thực hiện, nếu có vướng mắc, liên hệ Văn phòng Sở (điện thoại 0263 3822 999) để được hướng dẫn.", true},
		{"Ủy ban nhân dân huyện đề nghị Thủ trưởng các cơ quan, đơn vị nghiêm túc thực hiện./.", true},
		{"Đề nghị các đơn vị khẩn trương triển khai thực hiện các nội dung trên./.", true},
		{"Sở Tài chính yêu cầu các phòng, ban quan tâm thực hiện.", true},
		// requests that name work are tasks
		{"Đề nghị các đơn vị báo cáo kết quả thực hiện về Sở trước ngày 20/01/2027./.", false},
		{"Công bố số điện thoại đường dây nóng 1900 9095 để người dân phản ánh.", false},
		{"Đề nghị Sở Y tế chủ trì, phối hợp với các đơn vị tổ chức thực hiện việc tiêm chủng mở rộng cho trẻ em dưới 5 tuổi tại các xã vùng sâu, vùng xa, bảo đảm an toàn và hiệu quả trong suốt mùa dịch năm 2027 theo đúng chỉ đạo của Bộ Y tế và hướng dẫn chuyên môn.", false},
		{"Tổ chức tuyên truyền về phòng, chống ô nhiễm không khí.", false},
	}
	for _, tt := range tests {
		if got := letterClosing(tt.text); got != tt.want {
			t.Errorf("letterClosing(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestAssigningSection: the titles of a legal text's articles that assign
// work, and those that state rules.
func TestAssigningSection(t *testing.T) {
	tests := []struct {
		title, first string // an untitled article's first line in first
		want         bool
	}{
		{"Tổ chức thực hiện", "", true},
		{"Trách nhiệm của Ủy ban nhân dân cấp tỉnh", "", true},
		{"Trách nhiệm thi hành", "", true},
		{"Tổ chức thực hiện và hiệu lực thi hành", "", true},
		{"Giao nhiệm vụ cho các bộ, ngành", "", true},
		{"Phân công thực hiện", "", true},
		{"TRÁCH NHIỆM CỦA CÁC BỘ, NGÀNH", "", true},
		{"Đối tượng áp dụng", "", false},
		{"Giải thích từ ngữ", "", false},
		{"Điều kiện cấp giấy phép", "", false},
		{"Thủ tục đăng ký", "", false},
		{"Định mức chi phí quản lý dự án", "", false},
		{"Hiệu lực thi hành", "", false},
		{"Điều khoản chuyển tiếp", "", false},
		{"Quyền và nghĩa vụ của nhà đầu tư", "", false},
		{"Quyền và trách nhiệm của cơ sở đào tạo", "", false},
		{"Nhiệm vụ, quyền hạn, trách nhiệm của Hội đồng thẩm định", "", false},
		{"Giao đất để thực hiện dự án", "", false},
		{"Giao Bộ Tài chính hướng dẫn thực hiện", "", true},
		{"Trách nhiệm cung cấp thông tin của người nộp hồ sơ", "", false},
		{"Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành Nghị định này", "", false},
		{"", "Giao Sở Tài chính chủ trì, hướng dẫn các đơn vị lập dự toán.", true},
		{"", "Ủy ban nhân dân cấp tỉnh có trách nhiệm kiểm tra việc thực hiện.", true},
		{"", "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này.", false},
		{"", "Mức phụ cấp được tính theo mức lương cơ sở.", false},
		{"", "**Hiệu lực và trách nhiệm thi hành**", true}, // a title set on its own line
		{"", "**Phạm vi áp dụng**", false},
	}
	for _, tt := range tests {
		body := "Điều 4. " + tt.title
		if tt.title == "" {
			body = "Điều 4.\n" + tt.first
		}
		o := Parse(body + "\n1. Nội dung của điều.")
		k := -1
		for i := range o.Sections {
			if o.Sections[i].ID == "Đ4" {
				k = i
			}
		}
		if k < 0 {
			t.Fatalf("%q: no article Đ4", body)
		}
		if got := o.assigningSection(k); got != tt.want {
			t.Errorf("assigningSection(%q / %q) = %v, want %v", tt.title, tt.first, got, tt.want)
		}
	}
}

func taskItemIDs(o *Outline) string {
	var ids []string
	for i := range o.Items {
		ids = append(ids, o.Items[i].ID)
	}
	return strings.Join(ids, " ")
}

// TestBoldClosingNotTask: a Markdown conversion sets "Nơi nhận:" in bold
// after a legal text's last article, which assigns work; the list after it
// is no item, so no task (written for the test in the shape of a Thông tư's
// end).
func TestBoldClosingNotTask(t *testing.T) {
	body := "Điều 1. Phạm vi điều chỉnh\n1. Thông tư này hướng dẫn chế độ bồi dưỡng cho người làm công tác tiếp công dân.\n" +
		"Điều 5. Trách nhiệm thi hành\n1. Bộ trưởng, Thủ trưởng cơ quan ngang bộ chịu trách nhiệm hướng dẫn các đơn vị trực thuộc thực hiện.\n" +
		"**Nơi nhận:**\n- Thủ tướng, các Phó Thủ tướng Chính phủ;\n- Các bộ, cơ quan ngang bộ;\n- Lưu: VT, HCSN.\n"
	o := Parse(body)
	var tasks []string
	for i := range o.Items {
		if it := &o.Items[i]; it.Task() {
			tasks = append(tasks, it.ID+" "+it.Text)
		}
	}
	if len(tasks) != 1 || !strings.HasPrefix(tasks[0], "Đ5.1 ") {
		t.Errorf("tasks = %q, want Đ5.1 only", tasks)
	}
}
