package corpus

import "testing"

// TestLinkConcentration: a province's general paragraph (a hub: one
// sentence each on responsibility, planning, funding, inspection,
// penalties and public awareness) shares a word or two with a commune's
// waste-collection task in each of its sentences; the one-line collection
// task shares the task's words in one stretch. Summed, the hub's scattered
// matches win; with ProxPower its score is weighed by the share that
// falls inside its best window, and the task's passage wins. Lines written
// for the test.
func TestLinkConcentration(t *testing.T) {
	res := &Document{ID: "r", Number: "18/KH-UBND", Body: "1. Ủy ban nhân dân các huyện chịu trách nhiệm toàn diện về công tác bảo vệ môi trường trên địa bàn; tổ chức rà soát quy hoạch các khu xử lý chất thải rắn, bãi chôn lấp hợp vệ sinh. " +
		"Bố trí kinh phí vận chuyển, mua sắm trang thiết bị cho lực lượng chức năng. Chỉ đạo các xã kiểm tra hoạt động của các cơ sở sản xuất tại các khu dân cư, cụm công nghiệp. " +
		"Xử lý nghiêm các hành vi vi phạm về đất đai, xây dựng theo đúng quy định của pháp luật. Đẩy mạnh tuyên truyền để người dân không đổ rác ra kênh mương, nơi công cộng, giữ gìn vệ sinh đường làng, ngõ xóm.\n" +
		"2. Duy trì thu gom rác sinh hoạt hằng ngày tại các điểm tập kết, không để tồn đọng.\n" +
		"3. Sở Tài chính bố trí kinh phí cho các dự án xử lý nước thải đô thị.\n" +
		"4. Sở Y tế hướng dẫn thu gom, xử lý chất thải y tế tại các cơ sở khám bệnh, chữa bệnh."}
	plan := &Document{ID: "p", Number: "25/KH-UBND", Body: "1. Tổ chức thu gom rác sinh hoạt tại các điểm tập kết trong khu dân cư, vận chuyển về khu xử lý đúng giờ; xử lý nghiêm hành vi đổ rác không đúng quy định."}
	link := func(power float64) string {
		p := defaultLinkParams()
		p.ProxPower, p.ProxWindow, p.ProxItem = power, 10, 1.5
		pl := linkPlan(plan, []*Document{res}, []*Outline{nil}, p)
		return top(pl, "1")
	}
	if got := link(1); got != "2" {
		t.Errorf("with ProxPower 1 → %s, want 2 (the collection task)", got)
	}
	if got := link(0); got != "1" {
		t.Errorf("without ProxPower → %s, want 1; the test no longer shows the mechanism", got)
	}
}

// TestConcentration: the share of a target's score inside its best window.
func TestConcentration(t *testing.T) {
	terms := termsOf("thu gom rác thải tại điểm tập kết và vận chuyển về bãi chôn lấp của huyện trong ngày")
	tg := target{}
	tg.pos, tg.length = termPositions(terms)
	if tg.length != 19 {
		t.Fatalf("length %d, want 19", tg.length)
	}
	l := &linker{}
	near := []hit{{"thu gom", 2}, {"rac", 1}, {"tap ket", 1}}
	far := []hit{{"thu gom", 2}, {"huyen", 1}, {"ngay", 1}}
	ctx := []hit{{"thu gom", 2}, {"huyen", 1}, {"ve sinh", 1}} // "ve sinh": a heading's term
	for _, tt := range []struct {
		name string
		hits []hit
		w    int32
		want float64
	}{
		{"near, window 8", near, 8, 1},
		{"far, window 8", far, 8, 0.5},
		{"far, window 19", far, 19, 1},
		{"far with a heading term, window 8", ctx, 8, 0.75},
	} {
		if got := l.concentration(&tg, tt.hits, tt.w); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
