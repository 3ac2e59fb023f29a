package link

import (
	"testing"

	"github.com/vanban/vanban/corpus/outline"
)

// citedResolution (written for this test, a provincial Party resolution on
// eco-tourism): its viewpoint restates its own title; its closing section
// asks for study and dissemination.
const citedResolution = "TỈNH ỦY\n" +
	"I. QUAN ĐIỂM\n" +
	"1. Phát triển du lịch sinh thái bền vững gắn với bảo tồn đa dạng sinh học và rừng đặc dụng là hướng đi chiến lược của tỉnh.\n" +
	"II. NHIỆM VỤ, GIẢI PHÁP\n" +
	"1. Đầu tư hạ tầng giao thông đến các khu du lịch.\n" +
	"III. TỔ CHỨC THỰC HIỆN\n" +
	"Các cấp ủy tổ chức học tập, quán triệt, tuyên truyền sâu rộng Nghị quyết trong Đảng bộ.\n"

// citedPlan: its first task is to disseminate the resolution, named with
// its whole title.
var citedPlan = Doc{ID: "p", Number: "77/KH-UBND", Type: "Kế hoạch",
	Body: "ỦY BAN NHÂN DÂN TỈNH\n" +
		"II. NHIỆM VỤ\n" +
		"1. Tổ chức học tập, quán triệt, tuyên truyền Nghị quyết số 09-NQ/TU ngày 10/3/2027 của Tỉnh ủy về phát triển du lịch sinh thái bền vững gắn với bảo tồn đa dạng sinh học và rừng đặc dụng.\n" +
		"2. Sở Xây dựng đầu tư hạ tầng giao thông đến các khu du lịch.\n"}

// TestLinkCitedTitle: the dissemination task shares every word of the
// resolution's title with its viewpoint and only its verbs with the
// dissemination section. With the title weighed down (CitedTitle 0.25)
// it goes to the closing section; at the default (off), to the viewpoint,
// as 141/KH-UBND's funding item went to 66-NQ/TW's 7.¶3 through the title
// of Nghị quyết 197/2025/QH15.
func TestLinkCitedTitle(t *testing.T) {
	res := Doc{ID: "r", Number: "09-NQ/TU", Type: "Nghị quyết", Body: citedResolution}
	link := func(p Params) string {
		return top(linkPlan(citedPlan, []Doc{res}, []*outline.Outline{nil}, p), "II.1")
	}
	p := DefaultParams()
	p.CitedTitle = 0.25
	if got := link(p); got != "III" {
		t.Errorf("with CitedTitle 0.25 II.1 → %s, want III (the dissemination section)", got)
	}
	if got := link(DefaultParams()); got != "I.1" {
		t.Errorf("at the defaults II.1 → %s; want I.1, the viewpoint (CitedTitle is off by default; the test no longer shows the mechanism)", got)
	}
}
