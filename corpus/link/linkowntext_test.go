package link

import (
	"testing"

	"github.com/vanban/vanban/corpus/outline"
)

// Lines written for the tests of this file (docs/log/i17-miss3.md):
// a flood telegram and a district's plan carrying it out.

// rankedTop is the passage item id of plan ranks first under res, before
// the "implements nothing" decision, or "-".
func rankedTop(plan, res Doc, p Params, id string) string {
	_, l, o, rs := linkPlanRanked(plan, []Doc{res}, []*outline.Outline{nil}, p, nil, nil)
	for _, r := range rs {
		if o.Items[r.item].ID == id && len(r.cand) > 0 {
			return l.targets[r.cand[0].j].p.ID
		}
	}
	return "-"
}

// TestLinkOwnText: a district's group heading states a task of its own
// (keep directing the recovery) before the two points that detail it;
// queried with its points it meets the telegram's evacuation passage,
// and with its own words the general passage it restates. Items that head
// nothing are queried as before.
func TestLinkOwnText(t *testing.T) {
	res := Doc{ID: "r", Number: "51/CĐ-TTg", Body: "Thủ tướng Chính phủ yêu cầu:\n" +
		"1. Chủ tịch Ủy ban nhân dân các tỉnh tiếp tục tập trung chỉ đạo ứng phó và khắc phục nhanh hậu quả mưa lũ.\n" +
		"2. Tổ chức sơ tán người dân khỏi khu vực nguy hiểm, bố trí nơi ở tạm, bảo đảm lương thực, nước uống cho người dân tại nơi sơ tán.\n" +
		"3. Khôi phục ngay hệ thống điện, nước, thông tin liên lạc bị hư hỏng."}
	plan := Doc{ID: "p", Number: "7/KH-UBND", Body: "II. NHIỆM VỤ\n" +
		"1. Ủy ban nhân dân các xã tiếp tục tập trung chỉ đạo khắc phục hậu quả mưa lũ, trong đó:\n" +
		"a) Sơ tán người dân khỏi khu vực nguy hiểm, bố trí nơi ở tạm.\n" +
		"b) Bảo đảm lương thực, nước uống cho người dân tại nơi sơ tán.\n"}
	link := func(w float64) (head, points string) {
		p := DefaultParams()
		p.OwnText = w
		return rankedTop(plan, res, p, "II.1"), rankedTop(plan, res, p, "II.1.a") + " " + rankedTop(plan, res, p, "II.1.b")
	}
	head0, points0 := link(0)
	if head0 != "2" {
		t.Errorf("without OwnText: heading → %s, want 2 (the test no longer shows the mechanism)", head0)
	}
	// The points, which head nothing, are queried as before.
	if head, points := link(1); head != "1" || points != points0 {
		t.Errorf("OwnText 1: heading → %s, points → %s; want 1 (its own task) and %s as without it", head, points, points0)
	}
}
