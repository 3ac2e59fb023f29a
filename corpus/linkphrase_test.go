package corpus

import (
	"slices"
	"testing"
)

func TestPhrasesOf(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"dọn vệ sinh môi trường", []string{"don ve sinh", "ve sinh moi", "sinh moi truong"}},
		{"thu gom, vận chuyển rác", []string{"van chuyen rac"}}, // punctuation breaks the run
		{"thu gom rác, xử lý", []string{"thu gom rac"}},
		{"theo Nghị quyết số 380/NQ-CP về cứu trợ", []string{"ve cuu tro"}}, // the citation is no term
		{"lũ", nil},
	} {
		if got := phrasesOf(termsOf(tt.text)); !slices.Equal(got, tt.want) {
			t.Errorf("phrasesOf(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestLinkPhrase: a commune's task "dọn dẹp vệ sinh môi trường sau lũ,
// thu gom rác thải" against a province's general paragraph that has its
// words one by one (the units and localities, vệ sinh of food safety,
// môi trường in Bộ Tài nguyên và Môi trường's name, lũ, rác, dọn) and a
// health task that says "vệ sinh môi trường" in one phrase. With
// PhraseWeight (at 3; the paragraph shares more pairs) the phrase decides.
// Lines written for the test.
func TestLinkPhrase(t *testing.T) {
	res := &Document{ID: "r", Number: "31/CĐ-TTg", Body: "1. Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm toàn diện về công tác khắc phục hậu quả, báo cáo Bộ trưởng Bộ Tài nguyên và Môi trường trước khi lũ rút; chỉ đạo các đơn vị bảo đảm vệ sinh an toàn thực phẩm, thu hồi rác y tế tại địa phương, hỗ trợ người dân dọn nhà.\n" +
		"2. Bộ Y tế chỉ đạo bảo đảm vệ sinh môi trường, phòng chống dịch bệnh khi nước rút.\n" +
		"3. Bộ Quốc phòng hỗ trợ sửa chữa nhà ở cho người dân.\n" +
		"4. Bộ Công Thương bảo đảm cung ứng hàng hóa thiết yếu, bình ổn giá.\n" +
		"5. Bộ Giao thông vận tải khôi phục các tuyến quốc lộ bị sạt lở."}
	plan := &Document{ID: "p", Number: "40/KH-UBND", Body: "1. Hướng dẫn các đơn vị, địa phương ra quân dọn dẹp vệ sinh môi trường sau lũ, thu gom rác thải."}
	link := func(w float64) string {
		p := defaultLinkParams()
		p.PhraseWeight = w
		p.NoneShare = 0
		return top(linkPlan(plan, []*Document{res}, []*Outline{nil}, p), "1")
	}
	if got := link(3); got != "2" {
		t.Errorf("with PhraseWeight 3 → %s, want 2 (vệ sinh môi trường)", got)
	}
	if got := link(0); got != "1" {
		t.Errorf("without PhraseWeight → %s, want 1; the test no longer shows the mechanism", got)
	}
}
