package outline

import (
	"strings"
	"testing"
)

// TestFrontAfterMetadata: a copy of a decree saved from a portal opens
// with the portal's own line ("Cơ quan phát hành: …", "Ngày ban hành: …")
// before the header. That line started the body, so the header's lines
// after it — the issuer and national motto on one line, "Số:", the type
// line "NGHỊ ĐỊNH" — became unnumbered sections of tasks, and the legal
// basis ("Căn cứ Luật …; Theo đề nghị …") the text of one: passages a
// plan's items were linked to (i27-miss: 59/2026/TT-BGDĐT's "phải bảo đảm
// tuân thủ quy định tại Nghị định số 235/2026/NĐ-CP" went to the decree's
// "NGHỊ ĐỊNH | … Căn cứ …"). A header line before any heading or item
// reopens the front matter. Lines written for the test, shaped as the
// portal copies are.
func TestFrontAfterMetadata(t *testing.T) {
	decree := "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về chế độ hỗ trợ giáo viên mầm non công tác tại vùng khó khăn.\n" +
		"Điều 2. Trách nhiệm thi hành\nCác Bộ trưởng, Chủ tịch Ủy ban nhân dân cấp tỉnh chịu trách nhiệm thi hành Nghị định này."
	tests := []struct {
		name, body string
	}{
		{"a portal line, the issuer and motto on one line",
			"Cơ quan phát hành: VĂN PHÒNG CHÍNH PHỦ\nCHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n——— Độc lập - Tự do - Hạnh phúc\n" +
				"Số: 118/2026/NĐ-CP Hà Nội, ngày 12 tháng 3 năm 2026\nNGHỊ ĐỊNH\nVề chế độ hỗ trợ giáo viên mầm non\n" +
				"Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\nCăn cứ Luật Giáo dục số 43/2019/QH14;\nTheo đề nghị của Bộ trưởng Bộ Giáo dục và Đào tạo;\n" +
				"Chính phủ ban hành Nghị định về chế độ hỗ trợ giáo viên mầm non.\n" + decree},
		{"two portal lines before a header on separate lines",
			"Cơ quan ban hành: Chính phủ\nNgày ban hành: 12/03/2026\nCHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n" +
				"Số: 118/2026/NĐ-CP\nHà Nội, ngày 12 tháng 3 năm 2026\nNGHỊ ĐỊNH\nVề chế độ hỗ trợ giáo viên mầm non\n" +
				"Căn cứ Luật Giáo dục số 43/2019/QH14;\nChính phủ ban hành Nghị định về chế độ hỗ trợ giáo viên mầm non.\n" + decree},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var ids []string
			for _, p := range Parse(tc.body).Passages() {
				ids = append(ids, p.ID)
				if strings.Contains(p.Text, "Căn cứ") || strings.Contains(p.Text, "Độc lập") {
					t.Errorf("passage %s is the header or legal basis: %q", p.ID, p.Text)
				}
			}
			if got, want := strings.Join(ids, " "), "Đ1 Đ2"; got != want {
				t.Errorf("passages %q, want %q", got, want)
			}
		})
	}
}
