package outline

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestNamesReportingRegime: the one owner of the reporting regime's
// phrase, which a heading (sectionKind) and linking's OwnExec read. Lines
// written for the test.
func TestNamesReportingRegime(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Chế độ báo cáo", true},
		{"CHẾ ĐỘ THÔNG TIN, BÁO CÁO", true},
		{"Thực hiện chế độ thông tin báo cáo hằng tuần với Sở Y tế.", true},
		{"che do bao cao dinh ky", true},
		{norm.NFD.String("Chế độ thông tin, báo cáo"), true},
		{"Chế độ đãi ngộ đối với bác sĩ về công tác tại xã", false},
		{"Báo cáo kết quả thực hiện", false},
		// the words apart by more than one space (a PDF's justified line) or a no-break space
		{"CHẾ  ĐỘ THÔNG TIN, BÁO CÁO", true},
		{"Thực hiện chế\u00a0độ báo cáo định kỳ", true},
		{"Chế độ\nbáo cáo", true},
		{"", false},
	} {
		if got := NamesReportingRegime(c.text); got != c.want {
			t.Errorf("NamesReportingRegime(%q) = %t, want %t", c.text, got, c.want)
		}
	}
}

// TestSectionKindRegime: a section heading naming the reporting regime
// organises the carrying out, in each way the regime is written ("CHẾ
// ĐỘ THÔNG TIN, BÁO CÁO" was read as tasks).
func TestSectionKindRegime(t *testing.T) {
	for _, title := range []string{"CHẾ ĐỘ BÁO CÁO", "CHẾ ĐỘ THÔNG TIN, BÁO CÁO", "Chế độ thông tin báo cáo", "TỔ CHỨC THỰC HIỆN VÀ CHẾ ĐỘ BÁO CÁO"} {
		if got := sectionKind(title); got != SectionOrganisation {
			t.Errorf("sectionKind(%q) = %v, want %v", title, got, SectionOrganisation)
		}
	}
}
