package outline

import "testing"

// TestArticleAssigns: what an article of a legal text assigns, by
// structure. An untitled article (its title lost in conversion) assigns
// work when its first line gives an agency of the state a task; when
// its subject is a business or an institution the text regulates ("Cơ
// sở khám bệnh, chữa bệnh có trách nhiệm …", "Cơ sở vật chất … đáp ứng
// yêu cầu tổ chức thực hiện …") it states a rule, but for its clauses
// whose subject is an agency of the state. A title assigns with "tổ chức
// thực hiện" when it names the implementation of the text or of a named
// plan, not an activity the article rules on ("Phê duyệt tổ chức thực
// hiện chương trình bồi dưỡng", a penalty's title). An agency of the state
// put in charge with others ("… chủ trì, phối hợp với …") is given work
// in any article. Lines written for the
// test, in the shapes of a health circular, a decree on training and a
// decree on penalties.
func TestArticleAssigns(t *testing.T) {
	tests := []struct {
		name, body string
		want       map[string]bool // item ID → Task()
	}{
		{"a circular's untitled articles",
			"Điều 1. Phạm vi điều chỉnh\nThông tư này quy định về cấp phép hoạt động khám bệnh, chữa bệnh.\n" +
				"Điều 8.\n1. Cơ sở khám bệnh, chữa bệnh có trách nhiệm cập nhật danh mục kỹ thuật trên hệ thống.\n" +
				"2. Trường hợp thay đổi người phụ trách chuyên môn, cơ sở phải thông báo trong 10 ngày.\n" +
				"3. Bộ Y tế thực hiện kiểm tra việc cập nhật danh mục kỹ thuật của các cơ sở.\n" +
				"Điều 9.\n1. Cơ sở vật chất, trang thiết bị và nhân lực đáp ứng yêu cầu tổ chức thực hiện kỹ thuật chuyên môn.\n" +
				"2. Phòng xét nghiệm phải có hệ thống xử lý chất thải.\n" +
				"Điều 12.\n1. Sở Y tế có trách nhiệm hướng dẫn, kiểm tra các cơ sở trên địa bàn.\n" +
				"2. Báo cáo Bộ Y tế kết quả cấp phép trước ngày 15 tháng 12 hằng năm.",
			map[string]bool{"Đ8.1": false, "Đ8.2": false, "Đ8.3": true, "Đ9.1": false, "Đ9.2": false, "Đ12.1": true, "Đ12.2": true}},
		{"titles naming tổ chức thực hiện",
			"Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về bồi dưỡng công chức.\n" +
				"Điều 15. Phê duyệt tổ chức thực hiện chương trình bồi dưỡng\n1. Hồ sơ đề nghị gồm tờ trình và chương trình bồi dưỡng.\n" +
				"2. Thời hạn thẩm định không quá 20 ngày làm việc.\n" +
				"Điều 16. Mục đích kiểm tra việc chấp hành, tổ chức thực hiện quy định về bồi dưỡng\n1. Phát hiện hạn chế để kịp thời khắc phục.\n" +
				"Điều 18. Xây dựng và tổ chức thực hiện Chương trình quốc gia về bồi dưỡng công chức\n1. Bộ Nội vụ chủ trì xây dựng Chương trình trình Thủ tướng Chính phủ.\n" +
				"Điều 19. Trách nhiệm triển khai Kế hoạch tổ chức thực hiện Chiến lược phát triển nguồn nhân lực\n1. Bộ Nội vụ hướng dẫn các bộ, ngành triển khai Kế hoạch trong phạm vi quản lý.\n" +
				"Điều 20. Hiệu lực thi hành và tổ chức thực hiện\n1. Nghị định này có hiệu lực từ ngày 01 tháng 7 năm 2027.\n2. Bộ trưởng Bộ Nội vụ hướng dẫn thi hành Nghị định này.",
			map[string]bool{"Đ15.1": false, "Đ15.2": false, "Đ16.1": false, "Đ18.1": true, "Đ19.1": true, "Đ20.1": false, "Đ20.2": true}},
		{"an agency put in charge with others inside a procedure's article",
			"Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về công nhận làng nghề.\n" +
				"Điều 14. Hồ sơ đề nghị công nhận\n1. Hồ sơ gồm đơn đề nghị và bản thuyết minh.\n" +
				"2. Bộ Nông nghiệp và Môi trường chủ trì, phối hợp với Bộ Văn hóa, Thể thao và Du lịch hướng dẫn mẫu hồ sơ.\n" +
				"3. Sở Nông nghiệp và Môi trường có trách nhiệm chủ trì, phối hợp với Sở Tư pháp thẩm định hồ sơ.\n" +
				"4. Doanh nghiệp chủ trì, phối hợp với hộ gia đình lập phương án sản xuất.\n" +
				"5. Bộ Nông nghiệp và Môi trường công nhận làng nghề trong thời hạn 30 ngày.",
			map[string]bool{"Đ14.1": false, "Đ14.2": true, "Đ14.3": true, "Đ14.4": false, "Đ14.5": false}},
		{"a penalty's title",
			"Điều 1. Phạm vi điều chỉnh\nNghị định này quy định xử phạt vi phạm hành chính về thi đua, khen thưởng.\n" +
				"Điều 7. Vi phạm quy định về tổ chức thực hiện Tháng hành động vì người cao tuổi\n1. Phạt cảnh cáo đối với hành vi không tổ chức Tháng hành động theo kế hoạch.\n" +
				"Điều 30. Tổ chức thực hiện\n1. Bộ Nội vụ hướng dẫn thi hành Nghị định này.",
			map[string]bool{"Đ7.1": false, "Đ30.1": true}},
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
