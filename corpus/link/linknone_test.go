package link

import (
	"math"
	"testing"

	"github.com/vanban/vanban/corpus/outline"
)

// Lines written for the test: a provincial resolution on digital
// agriculture with no passage on reporting or funding, and a plan
// implementing it with two real tasks and the reporting and funding items
// every plan closes with. The reporting item shares "các sở, ngành" with
// the resolution's last passage, which is on something else.
var (
	noneParent = Doc{ID: "r", Number: "09/NQ-HĐND", Type: "Nghị quyết", Body: "HỘI ĐỒNG NHÂN DÂN TỈNH\nQUYẾT NGHỊ:\n" +
		"Điều 1. Nhiệm vụ và giải pháp\n" +
		"1. Xây dựng cơ sở dữ liệu số về đất trồng lúa, vùng nguyên liệu và mã số vùng trồng của tỉnh.\n" +
		"2. Hỗ trợ hợp tác xã ứng dụng thương mại điện tử để tiêu thụ nông sản; mỗi huyện có ít nhất một sản phẩm trên sàn.\n" +
		"3. Đào tạo kỹ năng số cho cán bộ khuyến nông và nông dân trẻ.\n" +
		"4. Nâng cao hiệu quả quản lý nhà nước về nông nghiệp trên môi trường số, kết nối dữ liệu với các sở, ngành."}
	nonePlan = Doc{ID: "p", Number: "45/KH-UBND", Type: "Kế hoạch", Body: "ỦY BAN NHÂN DÂN TỈNH\nII. NHIỆM VỤ\n" +
		"1. Sở Nông nghiệp và Môi trường chủ trì xây dựng cơ sở dữ liệu về đất trồng lúa và mã số vùng trồng, hoàn thành trong năm 2026.\n" +
		"2. Sở Công Thương hướng dẫn hợp tác xã đưa nông sản lên sàn thương mại điện tử.\n" +
		"III. TỔ CHỨC THỰC HIỆN\n" +
		"1. Các sở, ngành, Ủy ban nhân dân các huyện định kỳ 6 tháng báo cáo kết quả thực hiện về Sở Kế hoạch và Đầu tư để tổng hợp.\n" +
		"2. Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân sách hằng năm của các cơ quan, đơn vị.\n"}
)

// TestLinkNothingSpecificShared: the reporting and funding items implement no
// passage of a parent that says nothing of reporting or funding, and get
// no link at the default decision, while the two tasks get theirs. With
// the decision off the reporting item links to the passage it shares
// generic words with, so it is the decision that withholds it.
func TestLinkNothingSpecificShared(t *testing.T) {
	link := func(p Params) map[string]string {
		pl := linkPlan(nonePlan, []Doc{noneParent}, []*outline.Outline{nil}, p)
		out := map[string]string{}
		for _, id := range []string{"II.1", "II.2", "III.1", "III.2"} {
			out[id] = top(pl, id)
		}
		return out
	}
	got := link(DefaultParams())
	want := map[string]string{"II.1": "Đ1.1", "II.2": "Đ1.2", "III.1": "-", "III.2": "-"}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("item %s → %s, want %s", id, got[id], w)
		}
	}
	off := DefaultParams()
	off.NoneShare = 0
	if g := link(off)["III.1"]; g != "Đ1.4" {
		t.Errorf("with the decision off the reporting item → %s, want Đ1.4 (the test no longer shows the decision)", g)
	}
}

// TestNoneMeasures: every measure of the decision but the passage's is
// larger for the task than for the reporting item of the same plan, and
// the relative ones are relative (the plan's median item is 1, an item
// alone on its passage is 1).
func TestNoneMeasures(t *testing.T) {
	vs := map[int]noneVec{}
	linkPlanProbe(nonePlan, []Doc{noneParent}, []*outline.Outline{nil}, DefaultParams(), nil, nil,
		func(i int, v noneVec) { vs[i] = v })
	o := outline.Parse(nonePlan.Body)
	idx := map[string]int{}
	for i, it := range o.Items {
		idx[it.ID] = i
	}
	task, report := vs[idx["II.1"]], vs[idx["III.1"]]
	for m := range noneMeasures {
		if m == nonePassage { // each is the only item whose top is its passage
			if task[m] != 1 || report[m] != 1 {
				t.Errorf("%s: task %.3f, reporting item %.3f, want 1 and 1", noneNames[m], task[m], report[m])
			}
			continue
		}
		if task[m] <= report[m] {
			t.Errorf("%s: task %.3f ≤ reporting item %.3f", noneNames[m], task[m], report[m])
		}
	}
	var rel []float64
	for _, v := range vs {
		rel = append(rel, v[noneRankPlan])
	}
	if m := median(rel); math.Abs(m-1) > 1e-9 {
		t.Errorf("median of %s over the plan's items = %.3f, want 1", noneNames[noneRankPlan], m)
	}
}
