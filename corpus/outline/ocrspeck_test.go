package outline

import (
	"strings"
	"testing"
)

// TestOCRSpecksBeforeLabel: the marks OCR reads before a clause's label
// (ocrSpecks: "_", "__", "—", "- ", "._.", "' ", as the scanned decrees
// of govdocs show them — NĐ 212/2026 Điều 31 "—1,", NĐ 284/2026 "_1.",
// NĐ 200/2026 "- 9." after "8.", NĐ 233/2026 "__2.", NĐ 210/2026
// "._.1," and "' 1.", NĐ 252/2026 "_ a)") are dropped when the label fits
// where it stands: the clause after the last one, a section's first clause
// before "2.", the first point after a lead-in ending with a colon.
// A label that fits nowhere stays as written: a plan's dash item "- 5."
// after "1.", "- a)" after a clause's full stop, a "- 1." inside clause 2, a "_1." before "3.". Lines written
// for the test in those shapes.
func TestOCRSpecksBeforeLabel(t *testing.T) {
	for _, c := range []struct {
		name, body, want string
	}{
		{"em dash before 1,", "Điều 31. Thẩm quyền cấp chứng chỉ hành nghề\n—1, Thẩm quyền cấp chứng chỉ hành nghề: Ủy ban nhân dân cấp tỉnh cấp chứng chỉ.\n2. Sở Xây dựng thu hồi chứng chỉ hành nghề.\n",
			"Đ31.1 Đ31.2"},
		{"underscore before 1.", "Điều 12. Vi phạm quy định về giao dịch\n_1. Phạt tiền từ 30.000.000 đồng đến 50.000.000 đồng đối với nhà đầu tư.\n2. Phạt tiền từ 50.000.000 đồng đến 70.000.000 đồng đối với tổ chức.\n",
			"Đ12.1 Đ12.2"},
		{"dash before 9.", "Điều 14. Hồ sơ chào bán\n8. Tài liệu về tài sản bảo đảm của trái phiếu.\n- 9. Báo cáo kết quả xếp hạng tín nhiệm đối với trái phiếu.\n10. Văn bản cam kết của doanh nghiệp.\n",
			"Đ14.8 Đ14.9 Đ14.10"},
		{"double underscore before 2.", "Điều 20. Công nhận kết quả\n1. Người đứng đầu đơn vị công nhận kết quả đánh giá.\n__2. Chủ tịch Ủy ban nhân dân cấp tỉnh công nhận kết quả đánh giá.\n",
			"Đ20.1 Đ20.2"},
		{"dot underscore dot before 1,", "Điều 1. Phạm vi điều chỉnh\n._.1, Nghị định này quy định chi tiết một số điều của Luật Xây dựng.\n2. Nghị định này không áp dụng đối với hợp đồng thuộc dự án đối tác công tư.\n",
			"Đ1.1 Đ1.2"},
		{"quote before 1.", "Điều 19. Hợp đồng thầu phụ\n' 1. Một hợp đồng thầu chính có thể có nhiều hợp đồng thầu phụ.\n2. Nhà thầu chính chịu trách nhiệm về hợp đồng thầu phụ.\n",
			"Đ19.1 Đ19.2"},
		{"underscore before the first point", "Điều 22. Các trường hợp khai thuế thay, nộp thay thuế\n1. Các trường hợp khấu trừ thuế.\n2. Các trường hợp khai thuế thay, nộp thay thuế:\n_ a) Tổ chức, cá nhân thực hiện khai thuế thay cho người nộp thuế;\nb) Tổ chức hợp tác kinh doanh với cá nhân.\n",
			"Đ22.1 Đ22.2 Đ22.2.a Đ22.2.b"},
		{"dash before a point after a sentence", "Điều 3. Trách nhiệm\n1. Sở Tài chính bố trí kinh phí.\n- a) Rà soát biên chế.\n",
			"Đ3.1 Đ3.1.•1"},
		{"plan dash after 1.", "II. NHIỆM VỤ\n1. Sở Y tế chủ trì triển khai.\n- 5. Rà soát văn bản quy phạm pháp luật.\n",
			"II.1 II.1.•1"},
		{"dash 1. inside clause 2", "Điều 3. Trách nhiệm\n1. Sở Tài chính bố trí kinh phí.\n2. Sở Nội vụ hướng dẫn:\n- 1. Rà soát biên chế.\n",
			"Đ3.1 Đ3.2 Đ3.2.•1"},
		{"underscore 1. before 3.", "Điều 12. Vi phạm\n_1. Phạt tiền đối với nhà đầu tư.\n3. Phạt tiền đối với tổ chức.\n",
			"Đ12.3"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, it := range Parse(c.body).Items {
				got = append(got, it.ID)
			}
			if g := strings.Join(got, " "); g != c.want {
				t.Errorf("items %s, want %s", g, c.want)
			}
		})
	}
}
