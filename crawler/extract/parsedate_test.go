package extract

import "testing"

func TestParseDateExported(t *testing.T) {
	for _, tc := range []struct {
		in    string
		order DateOrder
		want  string
	}{
		{"23/11/2022", OrderUnknown, "2022-11-23"},
		{"2022-11-23T10:00:00Z", OrderUnknown, "2022-11-23"},
		{"ngày 5 tháng 6 năm 2024", OrderUnknown, "2024-06-05"},
		{"05/06/2024", DayFirst, "2024-06-05"},
		{"05/06/2024", OrderUnknown, ""},
		{"31/02/2024", DayFirst, ""},
		{"tuần trước", DayFirst, ""},
	} {
		if got := ParseDate(tc.in, tc.order); got != tc.want {
			t.Errorf("ParseDate(%q, %v) = %q, want %q", tc.in, tc.order, got, tc.want)
		}
	}
}
