package corpus

import (
	"testing"

	"github.com/vanban/vanban/corpus/outline"
	"golang.org/x/text/unicode/norm"
)

// TestSetAsideInHeading: an article of one sentence is all heading (the
// outline keeps "Điều 1. <sentence>" as the section's title, with no item
// and no text under it), so an exception written there is read by the
// rule an item's is; a heading naming the document otherwise — carried
// out, amended, a roman part's subject — keeps the text its implementer.
func TestSetAsideInHeading(t *testing.T) {
	const n = "88/2031/NĐ-CP"
	tail := "Điều 2. Mức hỗ trợ\n1. Hỗ trợ 70% chi phí tư vấn xây dựng phương án sản xuất.\n2. Hỗ trợ 50% chi phí đào tạo cán bộ quản lý.\n" +
		"Điều 3. Quyết định này có hiệu lực kể từ ngày ký."
	tests := []struct {
		name, body string
		want       bool
	}{
		{"a one-sentence article setting the decree beside", "QUYẾT ĐỊNH\n" +
			"Điều 1. Hợp tác xã nông nghiệp ngoài được hưởng các chính sách quy định tại Nghị định số 88/2031/NĐ-CP còn được hỗ trợ 30% chi phí thuê đất.\n" + tail, true},
		{"in capitals", "QUYẾT ĐỊNH\n" +
			"Điều 1. QUYẾT ĐỊNH NÀY KHÔNG ÁP DỤNG ĐỐI VỚI HỢP TÁC XÃ ĐÃ ĐƯỢC HỖ TRỢ THEO NGHỊ ĐỊNH SỐ 88/2031/NĐ-CP.\n" + tail, true},
		{"decomposed (NFD)", "QUYẾT ĐỊNH\n" +
			norm.NFD.String("Điều 1. Quyết định này không áp dụng đối với hợp tác xã đã được hỗ trợ theo Nghị định số 88/2031/NĐ-CP.\n") + tail, true},
		{"the heading and an item", "QUYẾT ĐỊNH\n" +
			"Điều 1. Quyết định này không áp dụng đối với hợp tác xã đã được hỗ trợ theo Nghị định số 88/2031/NĐ-CP.\n" + tail +
			"\n4. Mức hỗ trợ quy định tại Điều này cao hơn 20% so với mức quy định tại Nghị định số 88/2031/NĐ-CP.", true},
		{"a one-sentence article carrying it out", "QUYẾT ĐỊNH\n" +
			"Điều 1. Hợp tác xã nông nghiệp được hỗ trợ theo quy định tại Nghị định số 88/2031/NĐ-CP.\n" + tail, false},
		{"an article amending it", "NGHỊ ĐỊNH\n" +
			"Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 88/2031/NĐ-CP như sau:\n1. Sửa đổi khoản 2 Điều 3 như sau:\n2. Bãi bỏ khoản 4 Điều 5.", false},
		{"a plan's part named for it", "KẾ HOẠCH\nI. MỤC ĐÍCH, YÊU CẦU\nBảo đảm hợp tác xã được hỗ trợ kịp thời.\n" +
			"II. NHIỆM VỤ TRIỂN KHAI NGHỊ ĐỊNH SỐ 88/2031/NĐ-CP\n1. Sở Tài chính bố trí kinh phí hỗ trợ chi phí tư vấn.", false},
		{"set aside in the heading, carried out in an item", "QUYẾT ĐỊNH\n" +
			"Điều 1. Quyết định này không áp dụng đối với hợp tác xã đã được hỗ trợ theo Nghị định số 88/2031/NĐ-CP.\n" +
			"Điều 2. Tổ chức thực hiện\n1. Sở Tài chính hướng dẫn hồ sơ theo Nghị định số 88/2031/NĐ-CP.", false},
	}
	for _, tt := range tests {
		o := outline.Parse(tt.body)
		if got := setAside(tt.body, o, n); got != tt.want {
			t.Errorf("%s: setAside = %v, want %v", tt.name, got, tt.want)
		}
	}
}
