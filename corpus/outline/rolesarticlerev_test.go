package outline

import "testing"

// TestArticleAssignsStateBesideBusiness: an untitled article states the
// text's rule for those it regulates only when every subject of its first
// line is a business or an institution; a line that also gives an agency
// of the state work — joined by "và", or in a clause after ";" — assigns
// that work, as an untitled article opening with the agency does. A
// lead-with-partners clause ("… chủ trì, phối hợp …") is read after the
// whole name, a Cục's lower-case tail too ("Cục Thi hành án dân sự tỉnh
// chủ trì, phối hợp …"). Guards: an article whose subjects are all
// institutions, an agency only mentioned ("Hồ sơ do Bộ … chủ trì, phối
// hợp thẩm định …", "Bộ … là cơ quan chủ trì, phối hợp …"). Lines written
// for the review (i24-review3) in the shapes of a circular on school
// quality assessment and a decree on appraisal.
func TestArticleAssignsStateBesideBusiness(t *testing.T) {
	tests := []struct {
		name, body string
		want       map[string]bool // item ID → Task()
	}{
		{"untitled articles of a circular",
			"Điều 1. Phạm vi điều chỉnh\nThông tư này quy định về kiểm định chất lượng giáo dục mầm non.\n" +
				"Điều 6.\nCơ sở giáo dục mầm non tự đánh giá chất lượng hằng năm; Sở Giáo dục và Đào tạo có trách nhiệm kiểm tra, công nhận kết quả tự đánh giá.\n" +
				"Điều 7.\n1. Cơ sở giáo dục phổ thông công khai kết quả tự đánh giá trên trang thông tin điện tử.\n" +
				"2. Sở Giáo dục và Đào tạo có trách nhiệm kiểm tra việc công khai.\n" +
				"Điều 8.\nCơ sở giáo dục và Sở Giáo dục và Đào tạo phối hợp tổ chức đánh giá ngoài theo kế hoạch.\n" +
				"Điều 9.\nDoanh nghiệp nhà nước và Ủy ban nhân dân cấp tỉnh có trách nhiệm báo cáo tình hình sắp xếp lao động.\n" +
				"Điều 10.\nCơ sở giáo dục và doanh nghiệp ký kết hợp đồng đào tạo theo mẫu.\n" +
				"Điều 11.\n1. Cơ sở giáo dục nghề nghiệp công khai chuẩn đầu ra.\n" +
				"2. Đối với cơ sở giáo dục thuộc Bộ Quốc phòng và Bộ Công an, việc công khai thực hiện theo quy định riêng.",
			map[string]bool{"Đ6": true, "Đ7.1": false, "Đ7.2": true, "Đ8": true, "Đ9": true, "Đ10": false, "Đ11.1": false, "Đ11.2": false}},
		{"a decree's procedure",
			"Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về thẩm định dự án.\n" +
				"Điều 10. Hồ sơ thẩm định\n1. Hồ sơ do Bộ Xây dựng chủ trì, phối hợp thẩm định gồm tờ trình và thuyết minh.\n" +
				"2. Bộ Xây dựng là cơ quan chủ trì, phối hợp với các bộ thẩm định dự án.\n" +
				"3. Cục Thi hành án dân sự tỉnh chủ trì, phối hợp với Công an tỉnh tổ chức cưỡng chế.\n" +
				"4. Cục Quản lý xây dựng công trình chủ trì, phối hợp với Sở Xây dựng kiểm tra hiện trường.",
			map[string]bool{"Đ10.1": false, "Đ10.2": false, "Đ10.3": true, "Đ10.4": true}},
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
