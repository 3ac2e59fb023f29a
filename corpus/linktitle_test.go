package corpus

import (
	"strings"
	"testing"
)

// TestStripTitles: a parent's trích yếu is taken out of a text quoting
// it, wherever it stands and whatever its case; other words stay. Lines
// written for the test.
func TestStripTitles(t *testing.T) {
	d := &Document{Title: "Nghị định 45/2025/NĐ-CP quy định chế độ phụ cấp đối với nhân viên y tế thôn, bản"}
	tw := titleWords(d)
	if got := strings.Join(tw, " "); got != "quy dinh che do phu cap doi voi nhan vien y te thon ban" {
		t.Fatalf("titleWords = %q", got)
	}
	tests := []struct{ in, want string }{
		{"Nghị định số 12/2020/NĐ-CP quy định chế độ phụ cấp đối với nhân viên y tế thôn, bản hết hiệu lực.",
			"Nghị định số 12/2020/NĐ-CP ; hết hiệu lực."},
		{"Mức phụ cấp theo Nghị định số 45/2025/NĐ-CP Quy định chế độ phụ cấp đối với nhân viên y tế thôn, bản được tính như sau:",
			"Mức phụ cấp theo Nghị định số 45/2025/NĐ-CP ; được tính như sau:"},
		{"Nhân viên y tế thôn được hưởng phụ cấp hằng tháng.", "Nhân viên y tế thôn được hưởng phụ cấp hằng tháng."},
	}
	for _, tt := range tests {
		if got := stripTitles(tt.in, [][]string{tw}); got != tt.want {
			t.Errorf("stripTitles(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if tw := titleWords(&Document{Title: "Quyết định 12/QĐ-UBND về giá đất"}); tw != nil {
		t.Errorf("a short trích yếu is kept: %q", tw)
	}
}
