package corpus

import "testing"

// TestPlanAndResolutionClass: plan linking tells plans from resolutions
// by the class corpus/doctype gives the type (or the title's first words).
func TestPlanAndResolutionClass(t *testing.T) {
	for _, tc := range []struct {
		typ, title       string
		plan, resolution bool
	}{
		{"Kế hoạch", "", true, false},
		{"Chương trình hành động", "", true, false},
		{"", "Kế hoạch thực hiện Nghị quyết số 154/NQ-CP", true, false},
		{"Nghị quyết", "", false, true},
		{"Nghị quyết liên tịch", "", false, true},
		{"Chỉ thị", "", false, true},
		{"", "Kết luận của Bộ Chính trị về …", false, true},
		{"Thông báo", "Thông báo kết luận", false, false},
		{"", "Thông báo kết luận của Chủ tịch", false, false},
		{"Đề án", "", false, false},
		{"Quyết định", "Kế hoạch", false, false}, // the type wins over the title
		{"", "Tin tức", false, false},
	} {
		d := &Document{Type: tc.typ, Title: tc.title}
		if IsPlan(d) != tc.plan || IsResolution(d) != tc.resolution {
			t.Errorf("type %q title %q: IsPlan %v IsResolution %v, want %v %v", tc.typ, tc.title, IsPlan(d), IsResolution(d), tc.plan, tc.resolution)
		}
	}
}
