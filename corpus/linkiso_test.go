package corpus

import "testing"

// TestLinkIsolatedSyllable: a commune's task "thu gom rác thải, vệ sinh
// môi trường … trường học, trụ sở sau lũ" against a telegram's general
// paragraph whose syllables meet the item's mostly as other words ("Thủ
// tướng", "Bộ trưởng", "tự vệ", "bằng mọi", "ngập sâu", "sinh kế", "trạng
// thái", "rác" alone) and a task saying "thu gom" and "môi trường". With
// IsoWeight 0 the lone syllables count nothing and the task wins. Lines
// written for the test.
func TestLinkIsolatedSyllable(t *testing.T) {
	res := &Document{ID: "r", Number: "29/CĐ-TTg", Body: "1. Chủ tịch Ủy ban nhân dân các tỉnh báo cáo Thủ tướng Chính phủ, Bộ trưởng các Bộ về tình hình; bằng mọi biện pháp huy động dân quân tự vệ đến vùng ngập sâu, bảo đảm sinh kế, ổn định trạng thái; dọn rác, đất đá tại trụ sở.\n" +
		"2. Bộ Y tế hướng dẫn thu gom chất thải y tế, giữ gìn môi trường ở cơ sở điều trị.\n" +
		"3. Bộ Công Thương bảo đảm cung ứng hàng hóa thiết yếu, bình ổn giá.\n" +
		"4. Bộ Giao thông vận tải khôi phục các tuyến quốc lộ bị sạt lở."}
	plan := &Document{ID: "p", Number: "61/KH-UBND", Body: "1. Tổ chức thu gom rác thải, bùn đất, vệ sinh môi trường tại các trường học, trụ sở sau lũ."}
	link := func(w float64) string {
		p := defaultLinkParams()
		p.IsoWeight = w
		p.NoneShare = 0
		return top(linkPlan(plan, []*Document{res}, []*Outline{nil}, p), "1")
	}
	if got := link(0); got != "2" {
		t.Errorf("with IsoWeight 0 → %s, want 2 (the collection task)", got)
	}
	if got := link(1); got != "1" {
		t.Errorf("with IsoWeight 1 → %s, want 1; the test no longer shows the mechanism", got)
	}
}

func TestIsoFactor(t *testing.T) {
	l := &linker{p: linkParams{IsoWeight: 0.5}, targets: []target{{}}}
	l.targets[0].bag.add("báo cáo Thủ tướng Chính phủ về môi trường", 1)
	q := itemQuery{terms: map[string]float64{}}
	linkTerms("thu gom rác thải, bảo vệ môi trường", func(term string) { q.terms[term] = 1 })
	iso := l.isoPairs(q)
	for _, tt := range []struct {
		term string
		want float64
	}{
		{"thu", 0.5},  // "thu gom" against "Thủ tướng": another word
		{"truong", 1}, // "môi trường" is in both
		{"moi truong", 1},
		{"rac", 0.5},
		{"xyz", 1}, // no pair of the item holds it
	} {
		if got := l.isoFactor(iso, tt.term, 0); got != tt.want {
			t.Errorf("isoFactor(%q) = %v, want %v", tt.term, got, tt.want)
		}
	}
}
