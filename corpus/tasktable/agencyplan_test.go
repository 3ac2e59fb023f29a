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
