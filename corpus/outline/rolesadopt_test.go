package outline

import "testing"

// TestFirstArticleAdoptsPlan: a first article adopting a plan in any of
// the words texts use — "Thông qua" (a council's resolution), "Phê
// duyệt", "Ban hành kèm theo … này" — makes the text a plan's: every item
// a task but its closing provisions. Adopting rules ("Thông qua Quy chế
// …", "Thông qua danh mục …") or a later article adopting a plan leaves
// a legal text. Lines written for the test, in the shapes of a provincial
// council's resolution, a decision and a ministry's circular.
func TestFirstArticleAdoptsPlan(t *testing.T) {
	tests := []struct {
		name, body string
		want       map[string]bool // item ID → Task()
	}{
		{"a council adopts a scheme",
			"Điều 1. Thông qua Đề án phát triển du lịch cộng đồng tỉnh giai đoạn 2027 - 2030 với các nội dung chủ yếu sau:\n" +
				"1. Hỗ trợ đào tạo kỹ năng làm du lịch cho hộ gia đình vùng đồng bào dân tộc thiểu số.\n" +
				"2. Xây dựng 10 điểm du lịch cộng đồng đạt chuẩn trước năm 2030.\n" +
				"Điều 2. Tổ chức thực hiện\n1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết.\n" +
				"2. Nghị quyết này có hiệu lực từ ngày 01 tháng 01 năm 2027.",
			map[string]bool{"Đ1.1": true, "Đ1.2": true, "Đ2.1": true, "Đ2.2": false}},
		{"a council adopts a plan, the article untitled",
			"Điều 1.\nThông qua Kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030 của tỉnh như sau:\n" +
				"1. Ưu tiên bố trí vốn cho các dự án chuyển tiếp.\n2. Hoàn thành dứt điểm các dự án giao thông liên huyện.\n" +
				"Điều 2. Nghị quyết này có hiệu lực kể từ ngày thông qua.",
			map[string]bool{"Đ1.1": true, "Đ1.2": true}},
		{"a decision approves a scheme",
			"Điều 1. Phê duyệt Đề án chuyển đổi số ngành tư pháp đến năm 2030 với những nội dung sau:\n" +
				"1. Số hóa toàn bộ sổ hộ tịch lưu trữ tại cấp xã.\n2. Kết nối cơ sở dữ liệu hộ tịch với cơ sở dữ liệu quốc gia về dân cư.\n" +
				"Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
			map[string]bool{"Đ1.1": true, "Đ1.2": true}},
		{"a circular issues a programme with it",
			"Điều 1. Ban hành kèm theo Thông tư này Chương trình bồi dưỡng kỹ năng số cho công chức cấp xã.\n" +
				"Điều 2. Hiệu lực thi hành\n1. Thông tư này có hiệu lực kể từ ngày 15 tháng 02 năm 2027.\n" +
				"PHỤ LỤC\nCHƯƠNG TRÌNH BỒI DƯỠNG\n1. Tổ chức 04 lớp bồi dưỡng tập trung mỗi năm.\n2. Biên soạn tài liệu bồi dưỡng điện tử.",
			map[string]bool{"PL.1": true, "PL.2": true, "Đ2.1": false}},
		// guards
		{"a council adopts rules",
			"Điều 1. Thông qua Quy chế phối hợp giữa các cơ quan trong công tác tiếp công dân.\n" +
				"Điều 2. Nội dung phối hợp\n1. Trao đổi thông tin về đơn thư khiếu nại.\n2. Tổ chức tiếp công dân định kỳ.\n" +
				"Điều 3. Hiệu lực thi hành\n1. Nghị quyết này có hiệu lực kể từ ngày ký.",
			map[string]bool{"Đ2.1": false, "Đ2.2": false, "Đ3.1": false}},
		{"a council adopts a list",
			"Điều 1. Thông qua danh mục các dự án cần thu hồi đất năm 2027 trên địa bàn tỉnh.\n" +
				"Điều 2. Điều kiện áp dụng\n1. Dự án có quyết định chủ trương đầu tư.\n2. Dự án đã bố trí vốn giải phóng mặt bằng.\n" +
				"Điều 3. Nghị quyết này có hiệu lực kể từ ngày thông qua.",
			map[string]bool{"Đ2.1": false, "Đ2.2": false}},
		{"a law's later article on adopting plans",
			"Điều 1. Phạm vi điều chỉnh\nLuật này quy định về quy hoạch đô thị và nông thôn.\n" +
				"Điều 14. Thông qua đề án quy hoạch\n1. Hội đồng nhân dân cấp tỉnh thông qua đề án quy hoạch tỉnh trước khi phê duyệt.\n" +
				"2. Hồ sơ trình thông qua gồm tờ trình và báo cáo thẩm định.",
			map[string]bool{"Đ14.1": false, "Đ14.2": false}},
	}
	for _, tt := range tests {
		o := Parse(tt.body)
		got := map[string]bool{}
		for i := range o.Items {
			got[o.Items[i].ID] = o.Items[i].Task()
		}
		for id, want := range tt.want {
			if g, ok := got[id]; !ok {
				t.Errorf("%s: no item %s (items %v)", tt.name, id, got)
			} else if g != want {
				t.Errorf("%s: %s Task() = %v, want %v", tt.name, id, g, want)
			}
		}
	}
}
