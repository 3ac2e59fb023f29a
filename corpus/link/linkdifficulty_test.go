package link

import (
	"testing"

	"github.com/vanban/vanban/corpus/outline"
)

// Lines written for the tests of this file, in the shapes of a provincial
// plan's, a ministry decision's, a directive's and a circular's closing
// items; none is from a development set.

func TestReportsDifficulties(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các sở, ngành, địa phương kịp thời báo cáo Ủy ban nhân dân tỉnh (qua Sở Nông nghiệp và Môi trường) để xem xét, chỉ đạo./.", true},
		{"4. Trong quá trình tổ chức thực hiện nếu phát sinh khó khăn, vướng mắc, đề nghị các đơn vị phản ánh về Cục Thuế để được hướng dẫn.", true},
		{"Quá trình triển khai, nếu có khó khăn vướng mắc, các đơn vị gửi về Văn phòng Bộ để tổng hợp, trình Bộ trưởng xem xét.", true},
		{"Trường hợp có khó khăn, vướng mắc vượt thẩm quyền, Chủ tịch Ủy ban nhân dân cấp xã đề xuất Ủy ban nhân dân tỉnh giải quyết.", true},
		{"c) Nếu có khó khăn, vướng mắc, các trường kiến nghị Sở Giáo dục và Đào tạo để hướng dẫn.", true},
		{"Khi gặp khó khăn, vướng mắc, các hợp tác xã trao đổi với Phòng Kinh tế để được hỗ trợ.", true},
		// Removing difficulties is a task of its own.
		{"Tập trung tháo gỡ khó khăn, vướng mắc cho doanh nghiệp trong quá trình thực hiện dự án đầu tư.", false},
		{"Kịp thời giải quyết khó khăn, vướng mắc của người dân về thủ tục đất đai, báo cáo kết quả hằng quý.", false},
		{"Trong quá trình thực hiện, các sở chủ động rà soát, tháo gỡ khó khăn, vướng mắc cho nhà đầu tư.", false},
		// A task beside the request.
		{"Sở Tài chính định kỳ báo cáo kết quả thực hiện; trong quá trình thực hiện nếu có khó khăn, vướng mắc báo cáo Ủy ban nhân dân tỉnh.", false},
		// No report sent up.
		{"Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các sở chủ động giải quyết theo thẩm quyền.", false},
		{"Báo cáo khó khăn, vướng mắc trong triển khai Nghị quyết về Văn phòng Chính phủ.", false},
		{"vướng mắc", false},
		{"", false},
	} {
		if got := reportsDifficulties(c.text); got != c.want {
			t.Errorf("reportsDifficulties(%q) = %t, want %t", c.text, got, c.want)
		}
	}
}

// TestLinkDifficultiesItem: a decision's closing request to report
// difficulties gets no link, though its parent closes with one in the
// same words; its task does. Without the rule the request is linked to
// the parent's.
func TestLinkDifficultiesItem(t *testing.T) {
	res := Doc{ID: "r", Number: "21/CT-TTg", Type: "Chỉ thị", Body: "THỦ TƯỚNG CHÍNH PHỦ\nCHỈ THỊ:\n" +
		"1. Các Bộ, ngành, địa phương tăng cường kiểm tra an toàn thực phẩm tại bếp ăn tập thể, trường học.\n" +
		"2. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các Bộ, ngành, địa phương kịp thời báo cáo Thủ tướng Chính phủ để xem xét, chỉ đạo."}
	plan := Doc{ID: "p", Number: "77/KH-UBND", Type: "Kế hoạch", Body: "III. NHIỆM VỤ\n" +
		"1. Sở Y tế tăng cường kiểm tra an toàn thực phẩm tại bếp ăn tập thể, trường học trên địa bàn tỉnh.\n" +
		"2. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các sở, ngành, địa phương kịp thời báo cáo Ủy ban nhân dân tỉnh để xem xét, chỉ đạo.\n"}
	links := func(p Params) (task, closing int) {
		pl := PlanWith(plan, []Doc{res}, []*outline.Outline{nil}, p, nil, nil)
		n := map[string]int{}
		for _, it := range pl.Items {
			n[it.ID] = len(it.Matches)
		}
		return n["III.1"], n["III.2"]
	}
	off := DefaultParams()
	off.Difficulties = 0
	if task, closing := links(off); task == 0 || closing == 0 {
		t.Errorf("without the rule: task %d links, request %d; want both linked (the test no longer shows the rule)", task, closing)
	}
	if task, closing := links(DefaultParams()); task == 0 || closing != 0 {
		t.Errorf("defaults: task %d links, request %d; want the task linked, the request not", task, closing)
	}
}

func FuzzReportsDifficulties(f *testing.F) {
	for _, s := range []string{"Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, báo cáo", "1. Nếu có khó khăn vướng mắc", "Khi vướng", "trường hợp vướng mắc thì"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		reportsDifficulties(s) // no panic on any text
	})
}
