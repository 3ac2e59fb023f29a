package corpus

import "testing"

func TestKindTitle(t *testing.T) {
	for _, tt := range []struct {
		title string
		want  bool
	}{
		{"PHÂN CÔNG NHIỆM VỤ", true},
		{"NHIỆM VỤ, GIẢI PHÁP", true},
		{"CÁC NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM", true},
		{"TỔ CHỨC THỰC HIỆN", true},
		{"MỤC ĐÍCH, YÊU CẦU", true},
		{"PHẠM VI, ĐỐI TƯỢNG, NHU CẦU, PHƯƠNG ÁN HỖ TRỢ", false},
		{"VỀ HOÀN THIỆN THỂ CHẾ", false},
		{"NHIỆM VỤ PHÁT TRIỂN HẠ TẦNG SỐ", false},
		{"Sở Y tế:", false},
		{"", false},
	} {
		if got := kindTitle(tt.title); got != tt.want {
			t.Errorf("kindTitle(%q) = %v, want %v", tt.title, got, tt.want)
		}
	}
}

// TestLinkKindHeading: a district plan's disinfection task under the
// section title "PHÂN CÔNG NHIỆM VỤ" against a telegram whose general
// paragraph says "theo chức năng, nhiệm vụ … các nhiệm vụ" and whose
// health task says what the item does. The title's "nhiệm vụ" lifts the
// general paragraph; with KindContext 0 the title adds nothing and the
// health task wins. Lines written for the test.
func TestLinkKindHeading(t *testing.T) {
	res := &Document{ID: "r", Number: "27/CĐ-TTg", Body: "1. Các bộ, ngành, địa phương theo chức năng, nhiệm vụ được giao chủ động phân công lực lượng thực hiện các nhiệm vụ ứng phó, bảo đảm an toàn cho người dân.\n" +
		"2. Bộ Y tế chỉ đạo phun khử khuẩn, xử lý môi trường tại các khu vực ngập sâu sau lũ.\n" +
		"3. Bộ Công Thương bảo đảm cung ứng hàng hóa thiết yếu, bình ổn giá.\n" +
		"4. Bộ Giao thông vận tải khôi phục các tuyến quốc lộ bị sạt lở."}
	plan := &Document{ID: "p", Number: "52/KH-UBND", Body: "II. PHÂN CÔNG NHIỆM VỤ\n1. Trung tâm Y tế huyện tổ chức phun khử khuẩn tại các thôn ngập sâu, bảo đảm an toàn cho người dân."}
	link := func(w float64) string {
		p := defaultLinkParams()
		p.KindContext = w
		p.NoneShare = 0
		return top(linkPlan(plan, []*Document{res}, []*Outline{nil}, p), "II.1")
	}
	if got := link(0); got != "2" {
		t.Errorf("with KindContext 0 → %s, want 2 (the health task)", got)
	}
	if got := link(1); got != "1" {
		t.Errorf("with KindContext 1 → %s, want 1; the test no longer shows the mechanism", got)
	}
}
