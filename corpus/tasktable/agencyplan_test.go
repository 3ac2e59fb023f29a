package tasktable

import (
	"testing"

	"github.com/vanban/vanban/corpus/link"
)

// TestComputeAgencyLists: a telegram written for the test in the layout
// of the Prime Minister's (a lead-in naming its addressees before a
// colon, lists of ministries after "Bộ trưởng các Bộ:") gives each task
// every agency its text or heading names, one a ministry.
func TestComputeAgencyLists(t *testing.T) {
	body := "THỦ TƯỚNG CHÍNH PHỦ\nCÔNG ĐIỆN\nVề việc ứng phó với rét đậm, rét hại\n" +
		"THỦ TƯỚNG CHÍNH PHỦ điện:\n" +
		"1. Chủ tịch Ủy ban nhân dân các tỉnh: Sơn La, Lai Châu và Điện Biên chỉ đạo các cơ quan chức năng:\n" +
		"a) Hướng dẫn người dân che chắn chuồng trại, bảo vệ đàn gia súc.\n" +
		"b) Bố trí kinh phí hỗ trợ các hộ nghèo mua chăn ấm trước ngày 15/01/2027.\n" +
		"2. Bộ trưởng các Bộ: Giáo dục và Đào tạo, Y tế chỉ đạo các trường học điều chỉnh giờ học, bảo đảm sức khỏe học sinh.\n" +
		"3. Các Bộ Nông nghiệp và Môi trường, Công Thương: Theo dõi sát diễn biến thời tiết, cung cấp điện ổn định.\n" +
		"4. Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia theo dõi, tổng hợp tình hình hằng ngày.\n" +
		"Nơi nhận:\n- Như trên;\n- Lưu: VT.\n"
	plan := Plan{Doc: link.Doc{ID: "cd", Type: "Công điện", Number: "09/CĐ-TTg", Title: "Công điện về ứng phó rét đậm, rét hại", Body: body},
		Published: "2026-12-20"}
	pt := Compute(plan, nil, nil, nil)
	if pt == nil {
		t.Fatal("the telegram has no tasks")
	}
	want := map[string]string{
		"1.a": "Chủ tịch Ủy ban nhân dân các tỉnh: Sơn La, Lai Châu và Điện Biên",
		"1.b": "Chủ tịch Ủy ban nhân dân các tỉnh: Sơn La, Lai Châu và Điện Biên",
		"2":   "Bộ trưởng Bộ Giáo dục và Đào tạo, Bộ trưởng Bộ Y tế",
		"3":   "Bộ Nông nghiệp và Môi trường, Bộ Công Thương",
		"4":   "Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia",
	}
	seen := 0
	for _, tk := range pt.Tasks {
		w, ok := want[tk.ID]
		if !ok {
			continue
		}
		seen++
		if tk.Agency != w {
			t.Errorf("task %s %q: agency %q, want %q", tk.ID, tk.Text, tk.Agency, w)
		}
	}
	if seen != len(want) {
		for _, tk := range pt.Tasks {
			t.Logf("task %s agency %q: %q", tk.ID, tk.Agency, tk.Text)
		}
		t.Errorf("%d of the %d tasks found", seen, len(want))
	}
}

// TestComputeAgencyFromArticle: a decree's assigning article names its
// agency in its title ("Trách nhiệm của Ủy ban nhân dân cấp tỉnh"), its
// clauses only the work; the tasks view (which lists those clauses since
// outline roles.go) gives each the article's agency. Written for the test
// in a decree's layout.
func TestComputeAgencyFromArticle(t *testing.T) {
	body := "CHÍNH PHỦ\nNGHỊ ĐỊNH\nQuy định về kinh doanh dịch vụ cầm đồ\n" +
		"Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về điều kiện kinh doanh dịch vụ cầm đồ.\n" +
		"Điều 24. Trách nhiệm của Bộ Công an\n1. Hướng dẫn, kiểm tra việc thực hiện Nghị định này.\n" +
		"Điều 25. Trách nhiệm của Ủy ban nhân dân cấp tỉnh\n1. Chỉ đạo các sở, ngành kiểm tra việc chấp hành quy định về cầm đồ trên địa bàn.\n" +
		"2. Báo cáo Bộ Công an kết quả thực hiện trước ngày 15 tháng 12 hằng năm.\n" +
		"Điều 25a. Trách nhiệm của Cục Đăng kiểm Việt Nam\n1. Hướng dẫn việc kiểm định phương tiện cầm cố.\n" +
		"Điều 25b. Trách nhiệm của Bộ Công an trong việc quản lý cơ sở kinh doanh dịch vụ cầm đồ\n1. Kiểm tra định kỳ các cơ sở kinh doanh.\n" +
		"Điều 26. Hiệu lực thi hành\nNghị định này có hiệu lực thi hành từ ngày 01 tháng 3 năm 2027.\n"
	plan := Plan{Doc: link.Doc{ID: "nd", Type: "Nghị định", Number: "12/2027/NĐ-CP", Title: "Nghị định quy định về kinh doanh dịch vụ cầm đồ", Body: body},
		Published: "2027-01-10"}
	pt := Compute(plan, nil, nil, nil)
	if pt == nil {
		t.Fatal("the decree has no tasks")
	}
	want := map[string]string{"Đ24.1": "Bộ Công an", "Đ25.1": "Ủy ban nhân dân cấp tỉnh", "Đ25.2": "Ủy ban nhân dân cấp tỉnh",
		"Đ25a.1": "Cục Đăng kiểm Việt Nam", "Đ25b.1": "Bộ Công an"}
	seen := 0
	for _, tk := range pt.Tasks {
		if w, ok := want[tk.ID]; ok {
			seen++
			if tk.Agency != w {
				t.Errorf("task %s %q: agency %q, want %q", tk.ID, tk.Text, tk.Agency, w)
			}
		}
	}
	if seen != len(want) {
		for _, tk := range pt.Tasks {
			t.Logf("task %s agency %q section %q: %q", tk.ID, tk.Agency, tk.Context, tk.Text)
		}
		t.Errorf("%d of the %d tasks found", seen, len(want))
	}
}
