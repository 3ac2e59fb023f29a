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
