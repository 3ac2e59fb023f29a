package doctype

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
	"golang.org/x/text/unicode/norm"
)

// TestDivisionLine: a division's heading alone on its line, in any case,
// marks or none (crawler/extract's reading), against DivisionHeading's
// grammar (corpus/outline's).
func TestDivisionLine(t *testing.T) {
	for _, tt := range []struct {
		line string
		want bool
	}{
		{"Chương I", true},
		{"CHƯƠNG II:", true},
		{"Chương IV.", true},
		{"Chuong 3", true}, // typed without marks
		{"chương V", true},
		{"Phần thứ nhất", true},
		{"PHẦN THỨ HAI", true},
		{"Phan thu tu", true},
		{"Mục 2", true},
		{"Mục 2a", true}, // a section an amending text inserts
		{"MỤC 10", true},
		{"Chương XLI", true},
		{"Chương I. QUY ĐỊNH CHUNG", false}, // a title on the line: not alone
		{"Mục 2 của Chương này quy định", false},
		{"Phần kinh phí còn lại", false},
		{"Phần thứ", false},
		{"Chương", false},
		{"Chương 1234", false},
		{"Điều 1", false},
		{"QUY ĐỊNH CHUNG", false},
		{"Chương L", false}, // the letter L is no numeral alone (IsRoman)
		// A name whose words fold to a heading's (i31-extract): a line
		// with marks is read with them, "Phan" is no "Phần", "Vĩ" no "VI",
		// "Hải" no "hai"; a line typed without any mark is read folded.
		{"Phan Vĩ", false},
		{"PHAN VĨ", false},
		{"Phan Thu Hải", false},
		{"PHAN THU HẢI", false},
		{"Phan Thư Ba", false},
		{"Chương Vĩ", false},
		{"Nguyễn Văn An", false},
		{"NGUYỄN VĂN AN", false},
		{"PHẦN VI", true},
		{"Phần VI", true},
		{"Phần thứ Hai", true},
		{"Phan VI", true}, // no mark on the line: read folded
		{"PHAN THU HAI", true},
	} {
		if got := DivisionLine(tt.line); got != tt.want {
			t.Errorf("DivisionLine(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestDivisionLineAsBefore: every line crawler/extract's own expression
// (divisionHeadingRe, before it joined doctype) read as a division
// heading and DivisionHeading reads too is still one; the lines it read
// that the grammar refuses are listed.
func TestDivisionLineAsBefore(t *testing.T) {
	old := regexp.MustCompile(`^(chuong|phan|muc)\s+(thu\s+\pL+|[ivxlc]+|\d+)\s*[.:]?$`)
	for _, l := range []string{"Chương I", "CHƯƠNG III", "Chương 12", "Chuong II:", "Mục 1.", "Phần thứ ba", "PHẦN I", "Phần thứ năm", "muc iv"} {
		if old.MatchString(viet.Fold(l)) != DivisionLine(l) {
			t.Errorf("%q: the old expression %v, DivisionLine %v", l, old.MatchString(viet.Fold(l)), DivisionLine(l))
		}
	}
}

// TestUpperLetters: the one reading of a line in capitals (IsUpperLine,
// scripts/attachments' .VnTimeH runs).
func TestUpperLetters(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want int
		line bool
	}{
		{"QUYẾT ĐỊNH", 9, true},
		{"NHIỆM VỤ, GIẢI PHÁP", 15, true},
		{"SỐ", 2, false}, // a run in capitals, too short for a title line
		{"Số:", -1, false},
		{"12/2026/QĐ-UBND", 6, true},
		{"2026", 0, false},
		{"", 0, false},
		{"PHÓ CHỦ TỊCH nước", -1, false},
	} {
		if got := UpperLetters(tt.s); got != tt.want {
			t.Errorf("UpperLetters(%q) = %d, want %d", tt.s, got, tt.want)
		}
		if got := IsUpperLine(tt.s); got != tt.line {
			t.Errorf("IsUpperLine(%q) = %v, want %v", tt.s, got, tt.line)
		}
	}
}

// FuzzDivisionLine: DivisionLine reads a line as it reads its NFD form
// and its capitals (i31-extract: a line with marks is read with them, so
// the spelling of the marks must not change the reading).
func FuzzDivisionLine(f *testing.F) {
	for _, s := range []string{"Chương I", "PHẦN THỨ HAI", "Phan Vĩ", "Phan thu tu", "Mục 2a", "Phan Thu Hải", "Chuong 3:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := DivisionLine(s)
		if nfd := norm.NFD.String(s); DivisionLine(nfd) != got {
			t.Errorf("DivisionLine(%q) = %v, its NFD form %v", s, got, !got)
		}
		if up := strings.ToUpper(s); utf8.ValidString(s) && viet.Lower(up) == viet.Lower(s) && DivisionLine(up) != got {
			t.Errorf("DivisionLine(%q) = %v, in capitals %v", s, got, !got)
		}
	})
}
