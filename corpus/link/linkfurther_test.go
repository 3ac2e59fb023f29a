package link

// Tests of how many passages an item links to and which further ones
// (pick, linkrank.go), on lines written for them in the shapes of a
// provincial resolution and the plans carrying it out.

import (
	"github.com/vanban/vanban/corpus/outline"
	"testing"
)

// matchesOf is the passages item id of pl links to, best first.
func matchesOf(pl *PlanLinks, id string) []string {
	var out []string
	for _, it := range pl.Items {
		if it.ID == id {
			for _, m := range it.Matches {
				out = append(out, m.Passage)
			}
		}
	}
	return out
}

// TestLinkAtMostTwoPassages: an item listing three measures, each the
// whole of one passage of its parent, links to two of them, the best
// first; an item doing one thing still links to one. On the five
// development sets a third link was right 11 times in 100
// (docs/log/i25-prec.md), so MaxMatches is 2.
func TestLinkAtMostTwoPassages(t *testing.T) {
	res := Doc{ID: "r", Number: "25/NQ-HĐND", Body: "1. Hỗ trợ kinh phí mua giống cây ăn quả cho hộ trồng mới trên đất dốc.\n" +
		"2. Hỗ trợ lãi suất vốn vay xây dựng nhà sơ chế, kho lạnh bảo quản nông sản.\n" +
		"3. Hỗ trợ chi phí cấp mã số vùng trồng và chứng nhận VietGAP cho hợp tác xã.\n" +
		"4. Tuyên truyền, phổ biến chính sách đến người dân vùng đồng bào dân tộc thiểu số."}
	plan := Doc{ID: "p", Number: "112/KH-UBND", Body: "1. Hỗ trợ hộ trồng mới kinh phí mua giống cây ăn quả trên đất dốc; hỗ trợ lãi suất vốn vay xây dựng nhà sơ chế, kho lạnh bảo quản nông sản; hỗ trợ hợp tác xã chi phí cấp mã số vùng trồng, chứng nhận VietGAP.\n" +
		"2. Tuyên truyền, phổ biến chính sách đến người dân vùng đồng bào dân tộc thiểu số trên địa bàn huyện."}
	pl := Plan(plan, []Doc{res})
	one, two := matchesOf(pl, "1"), matchesOf(pl, "2")
	if len(one) != 2 || one[0] == "4" || one[1] == "4" {
		t.Errorf("item 1 links %v, want two of passages 1, 2, 3", one)
	}
	if len(two) != 1 || two[0] != "4" {
		t.Errorf("item 2 links %v, want [4]", two)
	}
	p := DefaultParams()
	p.MaxMatches = 3
	if got := matchesOf(linkPlan(plan, []Doc{res}, make([]*outline.Outline, 1), p), "1"); len(got) != 3 {
		t.Errorf("at MaxMatches 3 item 1 links %v, want the three measures (the test's item must hold three)", got)
	}
}

// TestLinkOwnAgencyNotFurther: a telegram gives the Ministry of Public
// Security two tasks in two paragraphs and the province's plan gives its
// police one item for each; the item on security at the evacuation points
// links to that paragraph only, though it shares the agency and the
// flood-road words with the traffic one, and the provinces' warning signs
// (passage 5, ranked after it) are no further link either. Without the
// rule (OwnAgency 0) it links to both police paragraphs; skipping only
// the agency's paragraph would link passage 5. (TestLinkAtMostTwoPassages:
// an item addressed to no agency still links to two.)
func TestLinkOwnAgencyNotFurther(t *testing.T) {
	res := Doc{ID: "r", Number: "57/CĐ-TTg", Body: "1. Bộ Công an chỉ đạo công an các địa phương bảo đảm an ninh, trật tự tại các điểm sơ tán dân vùng lũ, chống trộm cắp tài sản của người dân đã sơ tán.\n" +
		"2. Bộ Công an chỉ đạo lực lượng cảnh sát giao thông phân luồng, hướng dẫn giao thông, hướng dẫn người dân tránh các ngầm tràn, đoạn đường ngập sâu trong vùng lũ.\n" +
		"3. Bộ Y tế bảo đảm thuốc chữa bệnh, hóa chất khử trùng cho người dân vùng lũ.\n" +
		"4. Các địa phương vệ sinh môi trường, xử lý nguồn nước sinh hoạt sau lũ.\n" +
		"5. Ủy ban nhân dân các tỉnh bố trí lực lượng cắm biển cảnh báo, hướng dẫn người dân tránh các đoạn đường ngập sâu, khu vực sạt lở."}
	plan := Doc{ID: "p", Number: "214/KH-UBND", Body: "1. Công an tỉnh:\n" +
		"- Bố trí lực lượng bảo đảm an ninh, trật tự tại các điểm sơ tán dân, hướng dẫn người dân tránh các đoạn đường ngập sâu trong vùng lũ.\n" +
		"- Chỉ đạo cảnh sát giao thông phân luồng, hướng dẫn giao thông, chốt chặn các ngầm tràn.\n" +
		"2. Cấp phát thuốc chữa bệnh, hóa chất khử trùng; vệ sinh môi trường, xử lý nguồn nước sinh hoạt sau lũ."}
	pl := Plan(plan, []Doc{res})
	if got := matchesOf(pl, "1.•1"); len(got) != 1 || got[0] != "1" {
		t.Errorf("1.•1 links %v, want [1]", got)
	}
	p := DefaultParams()
	p.OwnAgency = 0
	if got := matchesOf(linkPlan(plan, []Doc{res}, make([]*outline.Outline, 1), p), "1.•1"); len(got) != 2 || got[1] != "2" {
		t.Errorf("at OwnAgency 0 1.•1 links %v, want [1 2] (the test's item must reach the other paragraph)", got)
	}
}
