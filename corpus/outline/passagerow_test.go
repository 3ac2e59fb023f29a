package outline

import (
	"strings"
	"testing"
)

// TestPassagesCollapseRowContent: an appendix project row (a name cell,
// a content cell with its "Sản phẩm:" detail, then agency, co-agency and
// deadline columns) whose content restates a body task is that task's
// duplicate even when its name restates nothing and its product line
// differs: restatement is judged on the content, not the details. Written
// for this test (a province's water-supply plan, no dev-set document):
// three rows restate three body tasks, a fourth row's content is a task
// of its own and stays, and so does a row restating only some of its
// content bullets.
func TestPassagesCollapseRowContent(t *testing.T) {
	body := strings.Join([]string{
		"II. NHIỆM VỤ VÀ GIẢI PHÁP",
		"1. Đầu tư bổ sung máy bơm, đường ống dẫn nước và bể chứa cho các xã vùng cao thường xuyên thiếu nước sinh hoạt trong mùa khô từ tháng 12 đến tháng 5 năm sau.",
		"2. Rà soát, cập nhật quy trình vận hành liên hồ chứa trên lưu vực sông, bảo đảm cấp nước cho sản xuất nông nghiệp và sinh hoạt của người dân hạ du.",
		"3. Xây dựng cơ sở dữ liệu về nguồn nước dưới đất, kết nối với hệ thống quan trắc tự động và công khai thông tin cho các tổ chức, cá nhân khai thác.",
		"4. Tuyên truyền, vận động người dân sử dụng nước tiết kiệm, bảo vệ công trình cấp nước nông thôn.",
		"PHỤ LỤC",
		"DANH MỤC DỰ ÁN ƯU TIÊN",
		"STT | Tên dự án | Nội dung chủ yếu | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành",
		"1 | Dự án cấp nước sinh hoạt mùa khô vùng cao | - Đầu tư bổ sung máy bơm, đường ống dẫn nước, bể chứa cho các xã vùng cao thiếu nước sinh hoạt trong mùa khô từ tháng đến tháng 5 năm sau. - Sản phẩm: Các công trình cấp nước được bàn giao và vận hành ổn định tại các xã. | Ủy ban nhân dân các huyện | Sở Tài chính | 2026 - 2027",
		"2 | Dự án điều hành liên hồ chứa | - Rà soát, cập nhật quy trình vận hành liên hồ chứa trên lưu vực sông bảo đảm cấp nước cho sản xuất nông nghiệp, sinh hoạt của người dân vùng hạ du. - Sản phẩm: Quy trình vận hành được phê duyệt, ban hành. | Sở Nông nghiệp và Môi trường | Các công ty thủy lợi | Năm 2026",
		"3 | Dự án số hóa tài nguyên nước | - Xây dựng cơ sở dữ liệu nguồn nước dưới đất, kết nối hệ thống quan trắc tự động, công khai thông tin cho tổ chức, cá nhân khai thác. - Sản phẩm: Cơ sở dữ liệu được vận hành trên nền tảng số của tỉnh. | Sở Khoa học và Công nghệ | Sở Nông nghiệp và Môi trường | Quý IV/2027",
		"4 | Dự án xử lý nước thải làng nghề | - Đầu tư hệ thống xử lý nước thải tập trung cho các làng nghề chế biến nông sản, bảo đảm nước thải đạt quy chuẩn trước khi xả ra nguồn tiếp nhận. - Sản phẩm: Ba hệ thống xử lý được đưa vào vận hành. | Ủy ban nhân dân các huyện | Sở Công Thương | 2026 - 2030",
		"5 | Dự án truyền thông về nước sạch | - Tuyên truyền, vận động người dân sử dụng nước tiết kiệm, bảo vệ công trình cấp nước nông thôn. - Lắp đặt đồng hồ đo nước thông minh cho các hộ gia đình ở các thị trấn, thị tứ của tỉnh. - Sản phẩm: Tài liệu truyền thông. | Sở Văn hóa, Thể thao và Du lịch | Các cơ quan báo chí | Hằng năm",
	}, "\n")
	got := map[string]string{}
	var ids []string
	for _, p := range Parse(body).Passages() {
		ids = append(ids, p.ID)
		got[p.ID] = strings.Join(p.Same, ",")
	}
	want := map[string]string{"II.1": "PL.r1", "II.2": "PL.r2", "II.3": "PL.r3", "II.4": "", "PL.r4": "", "PL.r5": ""}
	for id, same := range want {
		if g, ok := got[id]; !ok || g != same {
			t.Errorf("passage %s: present %v, Same %q; want present, Same %q (passages %v)", id, ok, g, same, ids)
		}
	}
	for _, id := range []string{"PL.r1", "PL.r2", "PL.r3"} {
		if _, ok := got[id]; ok {
			t.Errorf("passage %s kept; it restates a body task (passages %v)", id, ids)
		}
	}
}

// TestPassagesCollapseRowOnly: the content rule is a task table's. An
// appendix point that is no row — here a formula's legend, a page number
// and a sentence repeating a body clause, as an OCR'd annex of a circular
// reads — states something of its own on its first line and keeps its
// passage, as before the rule (lines written for this test).
func TestPassagesCollapseRowOnly(t *testing.T) {
	body := strings.Join([]string{
		"Điều 1. Phạm vi điều chỉnh",
		"1. Cơ sở đào tạo lái xe được xác định đạt chuẩn chất lượng khi tỷ lệ học viên sát hạch đạt từ 80% trở lên.",
		"2. Cơ sở đào tạo lái xe báo cáo Sở Xây dựng trước ngày 15 tháng 12 hằng năm.",
		"PHỤ LỤC",
		"CÁCH TÍNH CÁC CHỈ SỐ",
		"1. Chỉ số 01:",
		"- HV: là tổng số học viên của khóa đào tạo dự sát hạch lần đầu trong năm.",
		"5",
		"Cơ sở đào tạo lái xe được xác định đạt chuẩn chất lượng khi tỷ lệ học viên sát hạch đạt từ 80% trở lên.",
	}, "\n")
	o := Parse(body)
	var ids []string
	for _, p := range o.Passages() {
		ids = append(ids, p.ID+"["+strings.Join(p.Same, ",")+"]")
	}
	if got := strings.Join(ids, " "); !strings.Contains(got, "PL.1.•1[]") {
		t.Errorf("passages %s: want the legend point PL.1.•1 kept", got)
	}
}
