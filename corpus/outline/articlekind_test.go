package outline

import "testing"

// TestSectionKindAt: an article of a legal normative text is a provision
// whatever its title, a plan's roman sections keep their title kinds.
// Lines written for the test, in the style of a Nghị định and a Thông tư,
// and one quoted real heading (a Thông tư of the Ministry of Finance,
// 2026: the article is the clause-by-clause funding rule the circular
// implements).
func TestSectionKindAt(t *testing.T) {
	tests := []struct {
		id, title string
		want      SectionKind
	}{
		{"Đ1", "Phạm vi điều chỉnh", SectionTasks},
		{"Đ2", "Đối tượng áp dụng", SectionTasks},
		{"Đ4", "Kinh phí thực hiện", SectionTasks},
		{"Đ3", "Xác định nguồn kinh phí", SectionTasks}, // real heading (66/2026/TT-BTC)
		{"Đ9", "Yêu cầu đối với hồ sơ đăng ký trực tuyến", SectionTasks},
		{"Đ7", "Đánh giá, xếp loại chất lượng", SectionTasks},
		{"Đ12~2", "Nguồn vốn đầu tư", SectionTasks},
		{"PLI.Đ3", "Đối tượng được hỗ trợ", SectionTasks}, // a regulation in an appendix
		{"Đ10", "Tổ chức thực hiện", SectionOrganisation},
		{"Đ1", "Mục tiêu", SectionGoals}, // a resolution's article of aims
		{"Đ2", "Quan điểm chỉ đạo", SectionGoals},
		{"I", "MỤC ĐÍCH, YÊU CẦU", SectionGoals}, // a plan's sections: title kinds
		{"IV", "KINH PHÍ THỰC HIỆN", SectionFunding},
		{"I", "PHẠM VI, ĐỐI TƯỢNG", SectionGoals},
		{"I", "KẾT QUẢ THỰC HIỆN NĂM 2025", SectionBackground},
		{"", "KINH PHÍ", SectionFunding},
		// i17-set3rev: a plan's letter heading "Đ." (A, B, C, D, Đ) is no
		// article
		{"Đ", "KINH PHÍ THỰC HIỆN", SectionFunding},
		{"Đ~2", "KINH PHÍ", SectionFunding},
		{"P2.Đ", "KINH PHÍ", SectionFunding},
	}
	for _, tt := range tests {
		if got := sectionKindAt(tt.id, tt.title); got != tt.want {
			t.Errorf("sectionKindAt(%q, %q) = %v, want %v", tt.id, tt.title, got, tt.want)
		}
	}
}

// TestArticleItemsLinkable: the clauses under a circular's "Đối tượng áp
// dụng" and funding articles are items offered for linking; a plan's aims
// and funding are not.
func TestArticleItemsLinkable(t *testing.T) {
	tests := []struct {
		name, body string
		want       map[string]bool
	}{
		{"a circular's articles",
			"Điều 1. Đối tượng áp dụng\n1. Công chức cấp xã làm việc trong các cơ quan của Đảng.\n2. Viên chức trong các đơn vị sự nghiệp công lập.\nĐiều 2. Xác định nguồn kinh phí\n1. Sử dụng nguồn tiết kiệm 10% chi thường xuyên để thực hiện mức lương mới.\nĐiều 3. Tổ chức thực hiện\n1. Sở Nội vụ hướng dẫn các huyện.",
			map[string]bool{"Đ1.1": true, "Đ1.2": true, "Đ2.1": true, "Đ3.1": true}},
		{"a plan's sections",
			"I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức của cán bộ.\nII. NHIỆM VỤ\n1. Tổ chức tập huấn cho cán bộ cấp xã.\nIII. KINH PHÍ THỰC HIỆN\n1. Ngân sách tỉnh bảo đảm theo phân cấp.",
			map[string]bool{"I.1": false, "II.1": true, "III.1": false}},
		// i17-set3rev: a decision holding a whole plan inside "Điều 1":
		// the plan's roman sections keep their title kinds
		{"a plan inside an article",
			"Điều 1. Phê duyệt Kế hoạch chuyển đổi số năm 2026 với các nội dung sau:\nI. MỤC TIÊU\n1. Nâng cao năng lực số của cán bộ, công chức.\nII. NHIỆM VỤ, GIẢI PHÁP\n1. Tổ chức tập huấn kỹ năng số cho cán bộ cấp xã.\nIII. KINH PHÍ THỰC HIỆN\n1. Ngân sách tỉnh bảo đảm theo phân cấp.\nIV. TỔ CHỨC THỰC HIỆN\n1. Sở Khoa học và Công nghệ chủ trì theo dõi.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.",
			map[string]bool{"I.1": false, "II.1": true, "III.1": false, "IV.1": true}},
		{"a plan's letter sections",
			"A. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức của cán bộ.\nB. NHIỆM VỤ\n1. Tổ chức tập huấn cho cán bộ cấp xã.\nC. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ hướng dẫn các huyện.\nD. CHẾ ĐỘ THÔNG TIN\n1. Các sở báo cáo hằng quý.\nĐ. KINH PHÍ THỰC HIỆN\n1. Ngân sách tỉnh bảo đảm theo phân cấp.",
			map[string]bool{"B.1": true, "Đ.1": false}},
	}
	for _, tt := range tests {
		o := Parse(tt.body)
		got := map[string]bool{}
		for i := range o.Items {
			got[o.Items[i].ID] = o.Items[i].Linkable()
		}
		for id, want := range tt.want {
			if l, ok := got[id]; !ok || l != want {
				t.Errorf("%s: item %s linkable %v (present %v), want %v; items %v", tt.name, id, l, ok, want, got)
			}
		}
	}
}
