package link

import (
	"testing"

	"github.com/vanban/vanban/corpus/outline"
)

// TestLinkPressActor: a plan's press item shares more words with a
// ministry's information passage than with the outlets' passage of its
// parent; read as the media, it goes to the outlets' one (and, without
// the actor boost, to the ministry's: the words alone do not decide it).
// A drought telegram and its province's plan, written for the test.
func TestLinkPressActor(t *testing.T) {
	res := Doc{ID: "r", Number: "15/CĐ-TTg", Body: "1. Bộ Nông nghiệp và Môi trường chỉ đạo theo dõi sát diễn biến xâm nhập mặn, cung cấp thông tin đầy đủ, kịp thời về tình hình hạn hán, xâm nhập mặn cho chính quyền các cấp và người dân.\n" +
		"2. Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, Thông tấn xã Việt Nam tăng cường phổ biến biện pháp tích trữ nước ngọt, sử dụng nước tiết kiệm.\n" +
		"3. Ủy ban nhân dân các tỉnh vùng Đồng bằng sông Cửu Long bố trí kinh phí nạo vét kênh mương, đắp đập tạm ngăn mặn."}
	plan := Doc{ID: "p", Number: "40/KH-UBND", Title: "Kế hoạch thực hiện Công điện số 15/CĐ-TTg",
		Body: "1. Các cơ quan báo chí, truyền thông thông tin đầy đủ, kịp thời về tình hình hạn hán, xâm nhập mặn và phổ biến biện pháp tích trữ nước ngọt cho người dân."}
	if got := top(Plan(plan, []Doc{res}), "1"); got != "2" {
		t.Errorf("press item → %s, want 2 (the outlets' passage)", got)
	}
	p := DefaultParams()
	p.ActorBoost = 0
	if got := top(linkPlan(plan, []Doc{res}, make([]*outline.Outline, 1), p), "1"); got != "1" {
		t.Errorf("without the actor boost → %s, want 1 (the words alone)", got)
	}
}
