package outline

import "testing"

// TestDisseminatedSelf: the Party's closing line on its own text's
// dissemination (i31-party). The first two lines are the written chain's
// (corpus/testdata/party), the others of a Ban Bí thư's directive, a
// Kết luận and a Thành ủy's programme, written for the test; the tasks
// that disseminate another text are no closing line.
func TestDisseminatedSelf(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"Nghị quyết này phổ biến đến chi bộ.", true},
		{"* Ghi chú: Kế hoạch này phổ biến đến chi bộ.", true},
		{"Chỉ thị này phổ biến đến chi bộ và đảng viên.", true},
		{"Kết luận này được phổ biến tới tận chi bộ.", true},
		{"CHƯƠNG TRÌNH HÀNH ĐỘNG NÀY PHỔ BIẾN ĐẾN CHI BỘ.", true},
		// i31-rev-party: "các chi bộ" (a Huyện ủy's directive, a Đảng ủy's
		// plan, written for the test), NFD and no marks
		{"Chỉ thị này được phổ biến đến các chi bộ.", true},
		{"Kế hoạch này phổ biến đến các chi bộ, đảng viên.", true},
		{"Ke hoach nay pho bien den chi bo.", true},
		{"Ke\u0302\u0301 hoa\u0323ch na\u0300y pho\u0302\u0309 bie\u0302\u0301n \u0111e\u0302\u0301n chi bo\u0302\u0323.", true},
		{"Các chi bộ phổ biến Kế hoạch này đến các đảng viên.", false},
		{"Các chi bộ phổ biến Nghị quyết đến đảng viên.", false},
		{"Nghị quyết số 12-NQ/TU phổ biến đến chi bộ.", false},
		{"Kế hoạch này phổ biến đến chi bộ; Văn phòng Tỉnh ủy theo dõi, đôn đốc thực hiện.", false},
		{"Ban Tuyên giáo Tỉnh ủy phổ biến Kế hoạch này đến chi bộ.", false},
	} {
		if got := disseminatedSelf(tt.s); got != tt.want {
			t.Errorf("disseminatedSelf(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// TestPartyClosing: the dissemination line is no task and no passage.
func TestPartyClosing(t *testing.T) {
	for _, body := range []string{
		"IV- TỔ CHỨC THỰC HIỆN\n1- Các tỉnh ủy, thành ủy tổ chức học tập, quán triệt Nghị quyết.\nNghị quyết này phổ biến đến chi bộ.",
		"III- TỔ CHỨC THỰC HIỆN\n1- Văn phòng Thành ủy theo dõi, đôn đốc.\n* Ghi chú: Chương trình này phổ biến đến chi bộ.",
	} {
		o := Parse(body)
		for i := range o.Items {
			if o.Items[i].Linkable() && disseminatedSelf(o.Items[i].Text) {
				t.Errorf("%q: the dissemination line is offered for linking", o.Items[i].Text)
			}
		}
		for _, p := range o.Passages() {
			if disseminatedSelf(p.Text) && !o.ClosingPassage(&p) {
				t.Errorf("%q: the dissemination line is a target", p.Text)
			}
		}
	}
}
