package link

import (
	"testing"

	"github.com/vanban/vanban/corpus/outline"
)

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
