package tasktable

import (
	"testing"

	"strings"

	"github.com/vanban/vanban/corpus/viet"
)

// TestAgencyCellUpperCase: a task written in capitals (a heading, a
// telegram's lead, a scanned cover) names the agencies its sentence-case
// form names, as written: the name ends at the clause's verb ("SỞ TÀI
// CHÍNH BỐ TRÍ …" names "SỞ TÀI CHÍNH", not the whole line) and a head's
// word inside a name ("VỤ" of "SỞ NỘI VỤ") is the name's. Lines written
// for the test in the shapes of provincial plans and ministry letters.
func TestAgencyCellUpperCase(t *testing.T) {
	tests := []string{
		"Sở Nội vụ chủ trì, phối hợp với các sở, ngành thẩm định đề án vị trí việc làm.",
		"Sở Tài chính bố trí kinh phí thực hiện kế hoạch.",
		"Sở Giáo dục và Đào tạo chủ trì tổ chức kỳ thi tuyển sinh lớp 10.",
		"Bộ Nội vụ hướng dẫn việc sắp xếp đơn vị sự nghiệp công lập.",
		"Vụ Pháp chế thẩm định dự thảo thông tư trước ngày 15/10.",
		"Sở Nội vụ, Sở Tài chính phối hợp rà soát biên chế.",
		"Sở Công Thương xây dựng kế hoạch kiểm tra thị trường dịp Tết.",
		"Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức lễ hội.",
		"Ủy ban nhân dân các huyện, thị xã, thành phố chỉ đạo các xã ra quân.",
		"Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh bố trí lực lượng ứng trực.",
		"Sở Y tế chủ trì, phối hợp với Sở Tài chính lập dự toán.",
	}
	for _, lo := range tests {
		up := strings.ToUpper(lo)
		want := agencyText(lo)
		if want == "" {
			t.Fatalf("agencyText(%q) names none", lo)
		}
		if got := agencyText(up); viet.Lower(got) != viet.Lower(want) {
			t.Errorf("agencyText(%q) = %q, want %q as written", up, got, strings.ToUpper(want))
		}
		if got, want := partnersIn(up), partnersIn(lo); viet.Lower(got) != viet.Lower(want) {
			t.Errorf("partnersIn(%q) = %q, want %q as written", up, got, strings.ToUpper(want))
		}
	}
}

// TestAgencyCellUpperHeadings: headings in capitals as an appendix's
// groups are written: a head's first name word is the name's even when it
// opens a verb ("BỘ XÂY DỰNG": "Bộ Xây dựng" in sentence case), and a
// word after "CÁC" is a noun, no verb ("… VÀ CÁC TỔ CHỨC THÀNH VIÊN").
// Lines written for the test.
func TestAgencyCellUpperHeadings(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"BỘ XÂY DỰNG", "BỘ XÂY DỰNG"},
		{"BỘ XÂY DỰNG CHỦ TRÌ THẨM ĐỊNH THIẾT KẾ CƠ SỞ.", "BỘ XÂY DỰNG"},
		{"SỞ XÂY DỰNG, SỞ TÀI CHÍNH PHỐI HỢP KIỂM TRA.", "SỞ XÂY DỰNG, SỞ TÀI CHÍNH"},
		{"ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH VÀ CÁC TỔ CHỨC CHÍNH TRỊ - XÃ HỘI", "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH VÀ CÁC TỔ CHỨC CHÍNH TRỊ - XÃ HỘI"},
		{"MẶT TRẬN TỔ QUỐC VIỆT NAM VÀ CÁC TỔ CHỨC THÀNH VIÊN", "MẶT TRẬN TỔ QUỐC VIỆT NAM VÀ CÁC TỔ CHỨC THÀNH VIÊN"},
	}
	for _, tt := range tests {
		if got := agencyText(tt.text); got != tt.agency {
			t.Errorf("agencyText(%q) = %q, want %q", tt.text, got, tt.agency)
		}
	}
}
