package corpus

import "testing"

// Lines written for the tests of this file (docs/design.md, i17-miss3):
// a flood telegram and a province's plan carrying it out, and a
// provincial resolution on drought and a district's plan.

// TestLinkPartnerActors: a department's task names the province's police
// as its partner in moving relief goods; the telegram asked that of the
// ministries of defence and police, not of the ministry of trade, whose
// own passage shares the goods' words. With PartnerBoost the partner's
// counterpart meets the passage; without it the item's own agency does.
func TestLinkPartnerActors(t *testing.T) {
	res := &Document{ID: "r", Number: "41/CĐ-TTg", Body: "Thủ tướng Chính phủ yêu cầu:\n" +
		"1. Bộ Quốc phòng, Bộ Công an huy động lực lượng, phương tiện vận chuyển hàng cứu trợ đến các vùng bị chia cắt.\n" +
		"2. Bộ Công Thương chỉ đạo doanh nghiệp bảo đảm nguồn cung hàng hóa thiết yếu, không để tăng giá.\n" +
		"3. Bộ Y tế bảo đảm thuốc, hóa chất khử khuẩn cho vùng lũ."}
	plan := &Document{ID: "p", Number: "12/KH-UBND", Body: "IV. PHÂN CÔNG NHIỆM VỤ\n" +
		"1. Sở Công Thương:\n" +
		"- Phối hợp với Công an tỉnh vận chuyển hàng hóa thiết yếu đến các thôn bị cô lập.\n"}
	link := func(w float64) string {
		p := defaultLinkParams()
		p.PartnerBoost = w
		return top(linkPlan(plan, []*Document{res}, []*Outline{nil}, p), "IV.1.•1")
	}
	if got := link(0); got != "2" {
		t.Errorf("without PartnerBoost: %s, want 2 (the item's own agency); the test no longer shows the mechanism", got)
	}
	if got := link(1); got != "1" {
		t.Errorf("with PartnerBoost 1: %s, want 1 (the partner's counterpart)", got)
	}
}

// TestPartnersOf: the co-agencies named after "phối hợp (với)" or in a
// table's column, without the item's own agency.
func TestPartnersOf(t *testing.T) {
	o := ParseOutline("1. Sở Y tế:\n" +
		"- Chủ trì, phối hợp với Sở Y tế, Công an tỉnh, UBND các xã, phường tổ chức tiêm chủng.\n" +
		"- Tổ chức tiêm chủng mở rộng cho trẻ em.\n")
	want := map[string]string{"1.•1": "police local", "1.•2": ""}
	for i, it := range o.Items {
		w, ok := want[it.ID]
		if !ok {
			continue
		}
		got := ""
		for k, a := range o.partnersOf(i, o.actorsOf(i)) {
			if k > 0 {
				got += " "
			}
			got += a
		}
		if got != w {
			t.Errorf("%s partners %q, want %q", it.ID, got, w)
		}
	}
}

// TestLinkGoalBridge: a district's plan restates, as its goal, the
// resolution's task on drinking water for the drought-hit coast, then
// carries it out in an item of its own words (water tanks and filters for
// the schools of the coastal communes); the item shares "chứa nước" with
// the resolution's task on reservoirs for farming, and the coastal
// communes and the drought with its own goal line. With GoalBridge the
// goal line leads the item to the passage it restates.
func TestLinkGoalBridge(t *testing.T) {
	res := &Document{ID: "r", Number: "21/NQ-HĐND", Body: "Điều 2. Nhiệm vụ và giải pháp\n" +
		"1. Bảo đảm nước sạch sinh hoạt cho người dân vùng hạn hán, xâm nhập mặn.\n" +
		"2. Xây dựng hồ chứa nước, trạm bơm tại các vùng sản xuất nông nghiệp tập trung.\n" +
		"3. Chuyển đổi cơ cấu cây trồng phù hợp với điều kiện thiếu nước."}
	plan := &Document{ID: "p", Number: "30/KH-UBND", Body: "I. MỤC TIÊU\n" +
		"- Bảo đảm nước sạch sinh hoạt cho người dân các xã ven biển bị hạn hán, xâm nhập mặn.\n" +
		"II. NHIỆM VỤ\n" +
		"1. Lắp đặt bồn chứa nước, máy lọc nước tại điểm trường của các xã ven biển bị hạn hán.\n"}
	link := func(beta float64) string {
		p := defaultLinkParams()
		p.GoalBridge = beta
		return rankedTop(plan, res, p, "II.1")
	}
	if got := link(0); got != "Đ2.2" {
		t.Errorf("without GoalBridge: %s, want Đ2.2 (the reservoirs, on \"chứa nước\"); the test no longer shows the mechanism", got)
	}
	if got := link(5); got != "Đ2.1" {
		t.Errorf("with GoalBridge 5: %s, want Đ2.1 (the passage the plan's goal restates)", got)
	}
	// A plan without goal lines links as without the bridge.
	bare := &Document{ID: "q", Number: "31/KH-UBND", Body: "II. NHIỆM VỤ\n" +
		"1. Lắp đặt bồn chứa nước, máy lọc nước tại điểm trường của các xã ven biển bị hạn hán.\n"}
	p := defaultLinkParams()
	p.GoalBridge = 5
	if got, want := rankedTop(bare, res, p, "II.1"), rankedTop(bare, res, defaultLinkParams(), "II.1"); got != want {
		t.Errorf("no goal lines, GoalBridge 5: %s, want %s as without it", got, want)
	}
}

// rankedTop is the passage item id of plan ranks first under res, before
// the "implements nothing" decision (the written items share few words
// with any passage, as the ones the bridge is for), or "-".
func rankedTop(plan, res *Document, p linkParams, id string) string {
	_, l, o, rs := linkPlanRanked(plan, []*Document{res}, []*Outline{nil}, p, nil, nil)
	for _, r := range rs {
		if o.Items[r.item].ID == id && len(r.cand) > 0 {
			return l.targets[r.cand[0].j].p.ID
		}
	}
	return "-"
}

// TestTermVecCosine: the cosine of sparse vectors over sorted terms.
func TestTermVecCosine(t *testing.T) {
	a := termVec{terms: []string{"han", "han han", "nuoc"}, w: []float64{1, 2, 2}, norm: 3}
	b := termVec{terms: []string{"nuoc", "xa"}, w: []float64{3, 4}, norm: 5}
	if got := a.cosine(b); got < 0.3999 || got > 0.4001 {
		t.Errorf("cosine %.4f, want 0.4 (2·3 / (3·5))", got)
	}
	if got := a.cosine(termVec{}); got != 0 {
		t.Errorf("cosine with an empty vector %.4f, want 0", got)
	}
}

// TestLinkOwnText: a district's group heading states a task of its own
// (keep directing the recovery) before the two points that detail it;
// queried with its points it meets the telegram's evacuation passage,
// and with its own words the general passage it restates. Items that head
// nothing are queried as before.
func TestLinkOwnText(t *testing.T) {
	res := &Document{ID: "r", Number: "51/CĐ-TTg", Body: "Thủ tướng Chính phủ yêu cầu:\n" +
		"1. Chủ tịch Ủy ban nhân dân các tỉnh tiếp tục tập trung chỉ đạo ứng phó và khắc phục nhanh hậu quả mưa lũ.\n" +
		"2. Tổ chức sơ tán người dân khỏi khu vực nguy hiểm, bố trí nơi ở tạm, bảo đảm lương thực, nước uống cho người dân tại nơi sơ tán.\n" +
		"3. Khôi phục ngay hệ thống điện, nước, thông tin liên lạc bị hư hỏng."}
	plan := &Document{ID: "p", Number: "7/KH-UBND", Body: "II. NHIỆM VỤ\n" +
		"1. Ủy ban nhân dân các xã tiếp tục tập trung chỉ đạo khắc phục hậu quả mưa lũ, trong đó:\n" +
		"a) Sơ tán người dân khỏi khu vực nguy hiểm, bố trí nơi ở tạm.\n" +
		"b) Bảo đảm lương thực, nước uống cho người dân tại nơi sơ tán.\n"}
	link := func(w float64) (head, points string) {
		p := defaultLinkParams()
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
