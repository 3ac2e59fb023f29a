package outline

import "testing"

// TestLegalTextRoles: which items of a legal text are tasks, by where they
// stand. A text carries a plan only when its first article approves or
// issues one ("Điều 1. Phê duyệt Đề án …"); an article further on headed
// "Phê duyệt …" or "Ban hành …" is a rule on how others approve (a law's
// procurement procedure, a circular's approval of training programmes),
// and the text stays a legal text. A legal text's appendix without
// articles (forms, criteria, templates) assigns work only when an article
// gives the work listed there: a form's headings ("Thông tin về đơn vị
// tổ chức thực hiện", "Trách nhiệm của nhà trường") are fields to fill,
// not assignments. An article inside an appendix (a regulation issued
// with a decision) is read as any article. Lines written for the test
// (none copied from the circular the rule was found on).
func TestLegalTextRoles(t *testing.T) {
	tests := []struct {
		name, body string
		want       map[string]bool // item ID → Task(); items not named are not checked
	}{
		{"a law's article on approving plans is a rule",
			"Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nLuật này quy định về hoạt động lựa chọn nhà thầu.\n" +
				"Chương III\nKẾ HOẠCH LỰA CHỌN NHÀ THẦU\nĐiều 37. Phê duyệt kế hoạch lựa chọn nhà thầu\n" +
				"1. Kế hoạch lựa chọn nhà thầu phải được phê duyệt bằng văn bản trước khi tổ chức lựa chọn nhà thầu.\n" +
				"2. Người có thẩm quyền phê duyệt kế hoạch trong thời hạn 05 ngày làm việc kể từ ngày nhận được hồ sơ.\n" +
				"Chương VI\nTỔ CHỨC THỰC HIỆN\nĐiều 90. Trách nhiệm của Bộ Tài chính\n1. Bộ Tài chính hướng dẫn, kiểm tra việc thực hiện Luật này.",
			map[string]bool{"Đ37.1": false, "Đ37.2": false, "Đ90.1": true}},
		{"a decree's article issuing programmes is a rule",
			"Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về bồi dưỡng công chức cấp xã.\n" +
				"Điều 12. Ban hành chương trình bồi dưỡng\n1. Chương trình bồi dưỡng được ban hành theo đề nghị của cơ sở đào tạo.\n" +
				"2. Chương trình được rà soát, cập nhật ít nhất 05 năm một lần.\n" +
				"Điều 20. Trách nhiệm của Ủy ban nhân dân cấp tỉnh\n1. Bố trí kinh phí bồi dưỡng công chức cấp xã hằng năm.",
			map[string]bool{"Đ12.1": false, "Đ12.2": false, "Đ20.1": true}},
		{"a decision approving a scheme in its first article keeps its tasks",
			"Điều 1. Phê duyệt Đề án phát triển du lịch cộng đồng tỉnh giai đoạn 2027 - 2030 với các nội dung chủ yếu sau:\n" +
				"1. Xây dựng 10 làng du lịch cộng đồng tại các xã miền núi.\n2. Đào tạo 500 lao động làm du lịch tại chỗ.\n" +
				"Điều 2. Tổ chức thực hiện\n1. Sở Văn hóa, Thể thao và Du lịch chủ trì triển khai Đề án.",
			map[string]bool{"Đ1.1": true, "Đ1.2": true, "Đ2.1": true}},
		{"a circular's annex of forms: its headings are fields",
			"Điều 1. Phạm vi điều chỉnh\nThông tư này quy định hồ sơ đề nghị công nhận trường đạt chuẩn quốc gia.\n" +
				"Điều 8. Tổ chức thực hiện\n1. Sở Giáo dục và Đào tạo hướng dẫn, kiểm tra việc công nhận trường đạt chuẩn.\n" +
				"Phụ lục II\nMẪU BÁO CÁO TỰ ĐÁNH GIÁ\nI. Thông tin về đơn vị tổ chức thực hiện\n1. Tên trường, địa chỉ, số điện thoại.\n" +
				"2. Số lớp, số học sinh từng khối.\nII. Yêu cầu bảo đảm tổ chức thực hiện\n1. Đội ngũ giáo viên, nhân viên.\n" +
				"2. Phòng học, thiết bị dạy học.\nIII. Trách nhiệm của nhà trường\n1. Hiệu trưởng cam kết tính trung thực của hồ sơ.",
			map[string]bool{"Đ8.1": true, "PLII.I.1": false, "PLII.I.2": false, "PLII.II.1": false, "PLII.II.2": false, "PLII.III.1": false}},
		{"a decree's annex of criteria under assigning headings",
			"Điều 1. Phạm vi điều chỉnh\nNghị định này quy định tiêu chí đánh giá xã đạt chuẩn chuyển đổi số.\n" +
				"Điều 9. Trách nhiệm của Bộ Khoa học và Công nghệ\n1. Bộ Khoa học và Công nghệ hướng dẫn việc đánh giá, công nhận.\n" +
				"Phụ lục\nBỘ TIÊU CHÍ\nI. Tiêu chí tổ chức thực hiện\n1. Ủy ban nhân dân xã ban hành kế hoạch chuyển đổi số hằng năm.\n" +
				"2. Ủy ban nhân dân xã bố trí cán bộ phụ trách chuyển đổi số.",
			map[string]bool{"Đ9.1": true, "PL.I.1": false, "PL.I.2": false}},
		{"a regulation issued in an appendix: its articles are read as articles",
			"Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp quản lý cụm công nghiệp trên địa bàn tỉnh.\n" +
				"Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n" +
				"PHỤ LỤC\nQUY CHẾ PHỐI HỢP QUẢN LÝ CỤM CÔNG NGHIỆP\nĐiều 1. Phạm vi điều chỉnh\n1. Quy chế này quy định việc phối hợp quản lý cụm công nghiệp.\n" +
				"Điều 6. Trách nhiệm của Sở Công Thương\n1. Sở Công Thương chủ trì kiểm tra định kỳ các cụm công nghiệp.",
			map[string]bool{"PL.Đ1.1": false, "PL.Đ6.1": true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := Parse(tt.body)
			seen := map[string]bool{}
			for i := range o.Items {
				it := &o.Items[i]
				seen[it.ID] = true
				if want, ok := tt.want[it.ID]; ok && it.Task() != want {
					t.Errorf("%s %q: Task() = %v, want %v", it.ID, it.Text, it.Task(), want)
				}
			}
			for id := range tt.want {
				if !seen[id] {
					t.Errorf("no item %s; items: %s", id, taskItemIDs(o))
				}
			}
		})
	}
}
