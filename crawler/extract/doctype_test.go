package extract

import "testing"

// TestTypeFromVocabulary: the header line and the number's type code are
// read with the one vocabulary (corpus/doctype), ND 30/2020 codes included.
func TestTypeFromVocabulary(t *testing.T) {
	for _, tc := range []struct{ num, want string }{
		{"45/KH-UBND", "Kế hoạch"},
		{"30/2020/NĐ-CP", "Nghị định"},
		{"12/QyĐ-UBND", "Quy định"},
		{"113/CTr-TU", "Chương trình"},
		{"06/ĐA-UBND", "Đề án"},
		{"15/kh-ubnd", "Kế hoạch"},
		{"9394/BTC-NSNN", ""},
		{"30/2020/ND-CP", ""}, // ND without Đ may be Hội Nông dân
	} {
		if got := typeFromNumber(tc.num); got != tc.want {
			t.Errorf("typeFromNumber(%q) = %q, want %q", tc.num, got, tc.want)
		}
	}
	for _, tc := range []struct {
		lines []string
		want  string
	}{
		{[]string{"", "KẾ HOẠCH", "Triển khai"}, "Kế hoạch"},
		{[]string{"THÔNG TƯ LIÊN TỊCH", "THÔNG TƯ"}, "Thông tư liên tịch"},
		{[]string{"  TỜ TRÌNH  "}, "Tờ trình"},
		{[]string{"Kế hoạch", "Về việc"}, ""},
	} {
		if got := typeLine(tc.lines); got != tc.want {
			t.Errorf("typeLine(%q) = %q, want %q", tc.lines, got, tc.want)
		}
	}
}
