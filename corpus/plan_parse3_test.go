package corpus

import (
	"testing"
)

// TestCheckerRomanRanges: a class range written with roman numerals ("IV
// - V", "I-V", "IX - X": classes of soil, of approach surfaces) is a cell
// of a table or a legend, not a heading, and the checker does not count it
// as a heading left as text (i17-parse3). Real lines from ../shared/data
// govdocs: TT 38/2026/TT-BXD ("Cấp đất đá" / "I - III" / "IV - V" / "0,1")
// and NĐ 222/2026/NĐ-CP ("ADG" / "I-V" / "Vùng dưới").
func TestCheckerRomanRanges(t *testing.T) {
	for _, l := range []string{"IV - V", "I-V", "IX - X", "IV- V", "XI -XII", "I - II"} {
		if headingLine(l) {
			t.Errorf("headingLine(%q) = true, a range of classes", l)
		}
	}
	for _, l := range []string{"II- NHIỆM VỤ", "IV - TỔ CHỨC THỰC HIỆN", "V. Kinh phí", "X - Số lần nộp tiền"} {
		if !headingLine(l) {
			t.Errorf("headingLine(%q) = false", l)
		}
	}
	bodies := []string{
		"Điều 5. Định mức đào đất\n1. Đào đất bằng máy đào, theo cấp đất đá:\nCấp đất đá\nI - III\nIV - V\n0,1",
		"Điều 12. Bề mặt tiếp cận\n1. Bảng 2-11. Kích thước của bề mặt tiếp cận thẳng bằng thiết bị\nADG\nI-V\nVùng dưới",
	}
	for _, b := range bodies {
		for _, a := range checkOutline(b) {
			if a.class == anomHeading {
				t.Errorf("%q: heading-as-text %q", b, a.what)
			}
		}
	}
}
