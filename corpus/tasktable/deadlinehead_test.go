package tasktable

import (
	"testing"

	"github.com/vanban/vanban/corpus/link"
)

// TestComputeDeadlineFromHeading: a deadline written in a heading is the
// deadline of the items under it that state none; an item's own deadline
// wins. A province's plan written for the test: work grouped by quarter,
// and a group with its deadline at the end of the heading.
func TestComputeDeadlineFromHeading(t *testing.T) {
	body := "KẾ HOẠCH\nTriển khai công tác chuyển đổi số năm 2025\n" +
		"I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao hiệu quả quản lý.\n" +
		"II. NHIỆM VỤ\n" +
		"1. Các nhiệm vụ cần hoàn thành trong Quý III/2025:\n" +
		"a) Sở Khoa học và Công nghệ rà soát hạ tầng mạng tại các trường học.\n" +
		"b) Sở Nội vụ thực hiện số hóa hồ sơ lưu trữ, hoàn thành trước ngày 15/8/2025.\n" +
		"2. Năm 2026:\n" +
		"a) Sở Nội vụ tổ chức tập huấn kỹ năng số cho công chức cấp xã.\n" +
		"b) Sở Tài chính bố trí kinh phí duy trì hệ thống.\n" +
		"3. Nhiệm vụ năm 2027:\n" +
		"a) Sở Khoa học và Công nghệ đánh giá mức độ chuyển đổi số của các xã.\n"
	plan := Plan{Doc: link.Doc{ID: "kh", Type: "Kế hoạch", Number: "45/KH-UBND", Title: "Kế hoạch chuyển đổi số năm 2025", Body: body},
		Published: "2025-03-10"}
	pt := Compute(plan, nil, nil, nil)
	if pt == nil {
		t.Fatal("the plan has no tasks")
	}
	want := map[string]string{"II.1.a": "2025-09-30", "II.1.b": "2025-08-15", "II.2.a": "2026-12-31", "II.2.b": "2026-12-31", "II.3.a": ""}
	seen := 0
	for _, tk := range pt.Tasks {
		if w, ok := want[tk.ID]; ok {
			seen++
			if tk.Deadline.Date != w {
				t.Errorf("task %s %q: deadline %q (%q), want %q", tk.ID, tk.Text, tk.Deadline.Date, tk.Deadline.Text, w)
			}
		}
	}
	if seen != len(want) {
		for _, tk := range pt.Tasks {
			t.Logf("task %s %q", tk.ID, tk.Text)
		}
		t.Errorf("%d of the %d tasks found", seen, len(want))
	}
}
