package deadline

import (
	"testing"
	"time"
)

// TestHeading: what a heading above several items says of when they are
// due. Headings written for the test in the shapes of provincial plans
// (work programmes by quarter, a district's plan by year), none from the
// data sets.
func TestHeading(t *testing.T) {
	ref := time.Date(2025, 3, 10, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		ok   bool
		date string
		kind Kind
	}{
		{"Các nhiệm vụ cần hoàn thành trong Quý III/2025:", true, "2025-09-30", Date},
		{"Sở Y tế chủ trì thực hiện các nội dung sau, hoàn thành trước ngày 30/6/2025:", true, "2025-06-30", Date},
		{"Năm 2026", true, "2026-12-31", Date},
		{"NĂM 2026:", true, "2026-12-31", Date},
		{"Quý IV/2025", true, "2025-12-31", Date},
		{"6 tháng đầu năm 2026:", true, "2026-06-30", Date},
		{"Giai đoạn 2026 - 2027", true, "2027-12-31", Date},
		{"Trong năm 2025:", true, "2025-12-31", Date},
		{"Thường xuyên:", true, "", Recurring},
		// a subject, not a time the items are due by
		{"Nhiệm vụ năm 2026", false, "", None},
		{"Mục tiêu đến năm 2030", false, "", None},
		{"NHIỆM VỤ, GIẢI PHÁP GIAI ĐOẠN 2026-2030", false, "", None},
		{"Kết quả thực hiện năm 2024", false, "", None},
		{"Năm 2024:", false, "", None}, // over at the plan's date
		{"Tổ chức thực hiện", false, "", None},
		{"Quý I", false, "", None},
		{"Kế hoạch thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024", false, "", None},
		{"", false, "", None},
	}
	for _, tt := range tests {
		d, ok := Heading(tt.text, ref)
		if ok != tt.ok || d.Date != tt.date || ok && d.Kind != tt.kind {
			t.Errorf("Heading(%q) = %v %q %v, want %v %q %v", tt.text, ok, d.Date, d.Kind, tt.ok, tt.date, tt.kind)
		}
	}
}

// FuzzHeading: any heading is read without a crash, and what it states
// is a date or a recurrence.
func FuzzHeading(f *testing.F) {
	for _, s := range []string{"Năm 2026:", "Quý IV/2025", "Các nhiệm vụ hoàn thành trong Quý III/2025:", "6 tháng đầu năm", "II", "\xff năm 2026"} {
		f.Add(s)
	}
	ref := time.Date(2025, 3, 10, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		if d, ok := Heading(s, ref); ok && d.Kind != Date && d.Kind != Recurring {
			t.Errorf("Heading(%q) = kind %v", s, d.Kind)
		}
	})
}

// BenchmarkHeading: the headings above a task without a deadline are read
// for every such task of a plan (tasktable headDeadline).
func BenchmarkHeading(b *testing.B) {
	ref := time.Date(2025, 3, 10, 0, 0, 0, 0, time.UTC)
	heads := []string{"Các nhiệm vụ cần hoàn thành trong Quý III/2025:", "Năm 2026:",
		"Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với các sở, ngành thực hiện các nhiệm vụ sau:",
		"NHIỆM VỤ, GIẢI PHÁP GIAI ĐOẠN 2026-2030"}
	b.ReportAllocs()
	for b.Loop() {
		for _, h := range heads {
			Heading(h, ref)
		}
	}
}
