package outline

import "testing"

// TestReportsDifficultiesContact (i31-party): the request to contact an
// office about difficulties ("đề nghị liên hệ Phòng … để được hướng dẫn")
// sends them up as a report does. The first line is the written chain's
// Sở letter (corpus/testdata/party), the others a district's letter and a
// school board's, written for the test; a contact that does work of its
// own stays a task.
func TestReportsDifficultiesContact(t *testing.T) {
	for line, want := range map[string]bool{
		"Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị liên hệ Phòng Chuyển đổi số, Sở Khoa học và Công nghệ để được hướng dẫn.":                    true,
		"Trong quá trình triển khai, nếu có khó khăn, vướng mắc, các đơn vị liên hệ Văn phòng Ủy ban nhân dân huyện (số điện thoại 0251.3822111) để được hướng dẫn.": true,
		"Nếu có vướng mắc, các trường liên hệ Phòng Giáo dục và Đào tạo để được giải đáp.":                                                                           true,
		"Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị liên hệ Sở Tài chính và chủ trì rà soát, bố trí kinh phí bổ sung.":                        false,
	} {
		if got := ReportsDifficulties(line); got != want {
			t.Errorf("ReportsDifficulties(%q) = %v, want %v", line, got, want)
		}
	}
}
