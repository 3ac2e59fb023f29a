package outline

import "testing"

// TestPrivateDuty: an article (or a clause heading) "Trách nhiệm của …"
// naming a private party — an enterprise, an employer, a person, an
// organisation using a service, an investor — states a duty of the rule,
// no work assigned to an agency; one naming a state body assigns work.
// Titles written for the test in the shapes of decrees and circulars on
// labour, tourism, e-signatures, construction and trade (none from the
// data the rule was made on).
func TestPrivateDuty(t *testing.T) {
	tests := []struct {
		title string
		want  bool // assigningSection
	}{
		{"Trách nhiệm của người sử dụng lao động", false},
		{"Trách nhiệm của người lao động", false},
		{"Trách nhiệm của doanh nghiệp kinh doanh dịch vụ lữ hành", false},
		{"Trách nhiệm của các doanh nghiệp viễn thông", false},
		{"Trách nhiệm của tổ chức, cá nhân sử dụng dịch vụ chứng thực chữ ký số", false},
		{"Trách nhiệm của tổ chức sử dụng dịch vụ", false},
		{"Trách nhiệm của chủ đầu tư", false},
		{"Trách nhiệm của chủ sở hữu phương tiện", false},
		{"Trách nhiệm của thương nhân kinh doanh xăng dầu", false},
		{"Trách nhiệm của hộ gia đình, cá nhân", false},
		{"Trách nhiệm của cá nhân", false},
		{"Trách nhiệm của nhà đầu tư", false},
		{"Trách nhiệm của nhà thầu thi công", false},
		{"Trách nhiệm của tổ chức tín dụng", false},
		{"TRÁCH NHIỆM CỦA NGƯỜI NỘP THUẾ", false},
		{"Trách nhiệm của cơ sở sản xuất, kinh doanh thực phẩm", false},
		// state bodies and officials stay
		{"Trách nhiệm của người đứng đầu cơ quan, đơn vị", true},
		{"Trách nhiệm của người có thẩm quyền", true},
		{"Trách nhiệm của Sở Văn hóa, Thể thao và Du lịch", true},
		{"Trách nhiệm của các cơ quan, tổ chức, cá nhân có liên quan", true},
		{"Trách nhiệm của Kho bạc Nhà nước, tổ chức tín dụng", true},
		{"Trách nhiệm của tổ chức chính trị - xã hội", true},
		{"Trách nhiệm của Ủy ban nhân dân cấp xã", true},
	}
	for _, tt := range tests {
		o := Parse("Điều 4. " + tt.title + "\n1. Thực hiện đúng quy định tại Nghị định này.")
		k := -1
		for i := range o.Sections {
			if o.Sections[i].ID == "Đ4" {
				k = i
			}
		}
		if k < 0 {
			t.Fatalf("%q: no article Đ4", tt.title)
		}
		if got := o.assigningSection(k); got != tt.want {
			t.Errorf("assigningSection(%q) = %v, want %v", tt.title, got, tt.want)
		}
	}
}

// TestPrivateDutyItems: inside an article assigning work to several
// parties, the clauses under a private party's heading are no tasks, those
// under an agency's are (a decree on trade fairs written for the test).
func TestPrivateDutyItems(t *testing.T) {
	body := "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về hội chợ, triển lãm thương mại.\n" +
		"Điều 20. Trách nhiệm của các cơ quan, tổ chức\n" +
		"1. Trách nhiệm của Sở Công Thương:\n" +
		"a) Kiểm tra việc tổ chức hội chợ trên địa bàn tỉnh;\n" +
		"b) Báo cáo Bộ Công Thương kết quả kiểm tra trước ngày 15 tháng 12 hằng năm.\n" +
		"2. Trách nhiệm của thương nhân tổ chức hội chợ:\n" +
		"a) Đăng ký tổ chức hội chợ với Sở Công Thương trước khi thực hiện;\n" +
		"b) Báo cáo kết quả tổ chức hội chợ trong thời hạn 30 ngày kể từ ngày kết thúc.\n" +
		"Điều 21. Trách nhiệm của doanh nghiệp kinh doanh dịch vụ hội chợ\n" +
		"1. Niêm yết công khai giá dịch vụ tại nơi tổ chức.\n" +
		"2. Sở Công Thương chủ trì công bố danh sách doanh nghiệp vi phạm trên cổng thông tin điện tử.\n"
	o := Parse(body)
	want := map[string]bool{"Đ20.1.a": true, "Đ20.1.b": true, "Đ20.2.a": false, "Đ20.2.b": false,
		"Đ21.1": false, "Đ21.2": true} // a state agency's clause inside a private party's article stays a task
	seen := 0
	for i := range o.Items {
		it := &o.Items[i]
		if w, ok := want[it.ID]; ok {
			seen++
			if it.Task() != w {
				t.Errorf("%s %q: Task() = %v, want %v", it.ID, it.Text, it.Task(), w)
			}
		}
	}
	if seen != len(want) {
		t.Errorf("items %s, want %v", taskItemIDs(o), want)
	}
}

// TestAppendixRepeatsBody: a decree whose appendix repeats its body (a
// converted file holding the text twice, or an annex restating an article)
// lists each task once: the appendix's copy of a body task is no task; an
// appendix item of its own stays one. Written for the test in the shape of
// a decree on water resources.
func TestAppendixRepeatsBody(t *testing.T) {
	article := "Điều 30. Trách nhiệm của Ủy ban nhân dân cấp tỉnh\n" +
		"1. Chỉ đạo các sở, ngành kiểm tra việc khai thác nước dưới đất trên địa bàn.\n" +
		"2. Báo cáo Bộ Nông nghiệp và Môi trường kết quả thực hiện trước ngày 31 tháng 12 hằng năm.\n"
	body := "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về bảo vệ tài nguyên nước.\n" + article +
		"PHỤ LỤC\nVĂN BẢN HỢP NHẤT\n" + article +
		"3. Công bố danh mục nguồn nước nội tỉnh phải lập hành lang bảo vệ.\n"
	o := Parse(body)
	var tasks []string
	for i := range o.Items {
		if it := &o.Items[i]; it.Task() {
			tasks = append(tasks, it.ID)
		}
	}
	want := []string{"Đ30.1", "Đ30.2", "PL.Đ30.3"}
	if len(tasks) != len(want) {
		t.Fatalf("tasks %v, want %v (items %s)", tasks, want, taskItemIDs(o))
	}
	for i := range want {
		if tasks[i] != want[i] {
			t.Errorf("tasks %v, want %v", tasks, want)
			break
		}
	}
}

// TestApprovesMasterPlan: a Quyết định approving a Quy hoạch (a master
// plan) carries it as a decision approving a plan does: its items are
// tasks (written for the test in the shape of a provincial master plan's
// approval and of a sector plan's).
func TestApprovesMasterPlan(t *testing.T) {
	for _, head := range []string{
		"Điều 1. Phê duyệt Quy hoạch tỉnh Quảng Trị thời kỳ 2026 - 2035, tầm nhìn đến năm 2050 với những nội dung chủ yếu sau:",
		"Điều 1. Phê duyệt điều chỉnh Quy hoạch mạng lưới cơ sở y tế thời kỳ 2026 - 2030 với các nội dung sau:",
	} {
		o := Parse(head + "\n1. Sở Xây dựng tổ chức công bố quy hoạch trong thời hạn 15 ngày.\n" +
			"2. Sở Tài chính bố trí nguồn lực thực hiện các dự án ưu tiên.\n" +
			"Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n")
		n := 0
		for i := range o.Items {
			if o.Items[i].Task() {
				n++
			}
		}
		if n != 2 {
			t.Errorf("%q: %d tasks, want 2 (items %s)", head, n, taskItemIDs(o))
		}
	}
}
