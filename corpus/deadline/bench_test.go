package deadline

import "testing"

// benchTexts are task texts of the shapes plans write (written for the
// benchmark): a long one without a deadline, a cue, a recurrence, a
// payment and a rule's change.
var benchTexts = []string{
	"Chủ trì, phối hợp với các sở, ngành, Ủy ban nhân dân các huyện rà soát, đánh giá kết quả thực hiện Nghị quyết số 45/NQ-HĐND ngày 25/11/2025 của Hội đồng nhân dân tỉnh; đề xuất sửa đổi, bổ sung cơ chế, chính sách phù hợp với tình hình thực tế của địa phương, bảo đảm tính khả thi, hiệu quả.",
	"Hoàn thành việc sắp xếp, bố trí trụ sở làm việc cho các cơ quan, đơn vị cấp xã trước ngày 15/12/2025; báo cáo Ủy ban nhân dân tỉnh trước Thứ Hai ngày 22/12/2025.",
	"Thường xuyên kiểm tra, đôn đốc việc thực hiện; định kỳ hằng quý tổng hợp kết quả gửi Sở Nội vụ.",
	"Người đang hưởng lương hưu, trợ cấp hằng tháng trước ngày 01/7/2026 thì từ ngày 01/7/2026 được điều chỉnh theo mức mới; kinh phí bảo đảm từ nguồn chi thường xuyên.",
}

func BenchmarkFind(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range benchTexts {
			Find(s, ref)
		}
	}
}
