package link

import (
	"testing"

	"github.com/vanban/vanban/corpus/outline"
)

// appendixDocs is a national programme on rural clean water whose body
// task is listed again, in other words, as a priority project of its
// Phụ lục II, and a province's plan. Lines written for the test.
func appendixDocs() (res, plan Doc) {
	res = Doc{ID: "r", Number: "41/QĐ-TTg", Body: "QUYẾT ĐỊNH\n" +
		"Điều 1. Phê duyệt Chương trình cấp nước sạch nông thôn với các nội dung sau:\n" +
		"II. NHIỆM VỤ, GIẢI PHÁP\n" +
		"1. Phát triển công trình cấp nước\n" +
		"- Đầu tư nâng cấp, mở rộng hệ thống cấp nước tập trung ở vùng khô hạn, xâm nhập mặn; lắp đặt thiết bị lọc nước cho trường học, trạm y tế.\n" +
		"- Bảo vệ nguồn nước, kiểm tra định kỳ chất lượng nước sinh hoạt tại các công trình cấp nước nông thôn.\n" +
		"2. Quản lý, vận hành\n" +
		"- Hoàn thiện cơ chế giá nước sạch nông thôn, khuyến khích doanh nghiệp đầu tư, quản lý công trình.\n" +
		"III. TỔ CHỨC THỰC HIỆN\n" +
		"1. Bộ Nông nghiệp và Môi trường chủ trì, hướng dẫn các địa phương tổ chức thực hiện Chương trình.\n" +
		"2. Bộ Y tế hướng dẫn giám sát chất lượng nước ăn uống, sinh hoạt.\n" +
		"PHỤ LỤC II\n" +
		"DANH MỤC DỰ ÁN ƯU TIÊN\n" +
		"STT | Tên dự án | Nội dung chính\n" +
		"1 | Dự án cấp nước an toàn cho vùng khô hạn, xâm nhập mặn Nam Trung Bộ | Xây dựng hồ chứa nước ngọt, trạm bơm và mạng đường ống cấp nước tập trung cho các xã vùng khô hạn\n" +
		"2 | Dự án số hóa giám sát công trình cấp nước | Lắp đặt đồng hồ đo, cảm biến chất lượng nước kết nối hệ thống giám sát trực tuyến quốc gia"}
	plan = Doc{ID: "p", Number: "12/KH-UBND", Title: "Kế hoạch thực hiện Quyết định số 41/QĐ-TTg",
		Body: "1. Sở Nông nghiệp và Môi trường:\n" +
			"- Nâng cấp công trình cấp nước tập trung, trạm bơm, đường ống cho các xã vùng khô hạn, xâm nhập mặn ven biển.\n" +
			"- Lắp đặt đồng hồ đo, cảm biến chất lượng nước tại các công trình, kết nối hệ thống giám sát trực tuyến."}
	return res, plan
}

// TestLinkAppendixRowYields: a task the plan takes from the parent's body
// goes to the body task, not to the appendix project restating it in
// other words around a project's name (without the weight the project's
// "xã vùng khô hạn", "cấp nước tập trung cho" outscore it); a project
// whose content the body lacks (the monitoring sensors) is still linked
// to its row.
func TestLinkAppendixRowYields(t *testing.T) {
	res, plan := appendixDocs()
	o := outline.Parse(res.Body)
	var rows, body int
	for _, ps := range o.Passages() {
		if o.InAppendix(ps) {
			rows++
		} else if ps.Kind == outline.SectionTasks {
			body++
		}
	}
	if rows != 2 || body < 3 {
		t.Fatalf("parent: %d appendix rows, %d body tasks; want 2 and 3 or more (the test's layout no longer parses)", rows, body)
	}
	link := func(w float64) string {
		p := DefaultParams()
		p.AppendixWeight = w
		pl := linkPlan(plan, []Doc{res}, []*outline.Outline{nil}, p)
		return top(pl, "1.•1") + " " + top(pl, "1.•2")
	}
	if got := link(DefaultParams().AppendixWeight); got != "II.1.•1 PLII.r2" {
		t.Errorf("with AppendixWeight: %s, want II.1.•1 PLII.r2 (the body task; the row the body lacks)", got)
	}
	if got := link(0); got != "PLII.r1 PLII.r2" {
		t.Errorf("without AppendixWeight: %s, want PLII.r1 PLII.r2; the test no longer shows the mechanism", got)
	}
}
