package outline

import (
	"slices"
	"testing"
)

// TestActorsUpperCase: a text written in capitals (a heading, a telegram's
// lead, a scanned cover) names the same agencies with the same keys as in
// sentence case — a word in capitals is no abbreviation there unless it
// is marked as one ("GD&ĐT", "LĐ-TB&XH"). Robustness's case-upper variant
// lost two of set 1's right links when "TÀI CHÍNH" keyed as "tai". Left:
// "SỞ NỘI VỤ" in capitals, where "VỤ" reads as the head of a Vụ.
func TestActorsUpperCase(t *testing.T) {
	tests := []struct{ lower, upper string }{
		{"Sở Xây dựng chủ trì rà soát quy hoạch.", "SỞ XÂY DỰNG CHỦ TRÌ RÀ SOÁT QUY HOẠCH."},
		{"Sở Tài chính bố trí kinh phí thực hiện.", "SỞ TÀI CHÍNH BỐ TRÍ KINH PHÍ THỰC HIỆN."},
		{"Sở Giao thông vận tải kiểm tra bến khách ngang sông.", "SỞ GIAO THÔNG VẬN TẢI KIỂM TRA BẾN KHÁCH NGANG SÔNG."},
		{"Sở GD&ĐT chỉ đạo các trường học.", "SỞ GD&ĐT CHỈ ĐẠO CÁC TRƯỜNG HỌC."},
		{"Sở LĐ-TB&XH, Sở Y tế rà soát đối tượng.", "SỞ LĐ-TB&XH, SỞ Y TẾ RÀ SOÁT ĐỐI TƯỢNG."},
	}
	for _, tt := range tests {
		lo, up := actors(tt.lower), actors(tt.upper)
		if len(lo) == 0 || !slices.Equal(lo, up) {
			t.Errorf("actors(%q) = %q, actors(%q) = %q: want the same, not empty", tt.lower, lo, tt.upper, up)
		}
	}
}
