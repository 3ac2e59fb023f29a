package link

import (
	"slices"
	"testing"

	"github.com/vanban/vanban/corpus/outline"
)

// TestLinkJointItemAgencies: an item whose own text names two agencies
// is their joint task. When the parent gives the two their tasks in two
// paragraphs (a flood telegram's Ministry of Defence and Ministry of
// Public Security), the item implements both: the second agency's
// paragraph is a further link, another of the item's agencies' part. When
// the parent addresses the two together and then one of them alone, the
// one's paragraph is that agency's other task and no further link
// (linkfurther.go). Lines written for the test in the shape of a national
// telegram and a province's plan.
func TestLinkJointItemAgencies(t *testing.T) {
	plan := Doc{ID: "p", Number: "301/KH-UBND", Body: "1. Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh bố trí lực lượng, phương tiện xuồng, ca nô cứu hộ, cứu nạn, sơ tán dân khỏi vùng ngập sâu; bảo đảm an ninh trật tự, phân luồng giao thông tại các tuyến đường bị ngập, sạt lở.\n" +
		"2. Sở Y tế bảo đảm thuốc, hóa chất khử khuẩn, khám chữa bệnh cho người dân vùng lũ."}
	for _, c := range []struct {
		name, body string
		want       []string // item 1's links, in any order
		off        int      // how many at OwnAgency 0
	}{
		{"one paragraph each", "1. Bộ Quốc phòng chỉ đạo các quân khu, bộ đội biên phòng sẵn sàng lực lượng, phương tiện xuồng, ca nô, trực thăng cứu hộ, cứu nạn, sơ tán dân khỏi vùng ngập sâu.\n" +
			"2. Bộ Công an chỉ đạo công an các địa phương bảo đảm an ninh trật tự, phân luồng giao thông tại các tuyến đường bị ngập, sạt lở.\n" +
			"3. Bộ Y tế bảo đảm thuốc, hóa chất khử khuẩn, tổ chức khám chữa bệnh cho người dân vùng lũ.\n" +
			"4. Bộ Nông nghiệp và Môi trường chỉ đạo vận hành an toàn hồ chứa thủy lợi, bảo vệ đê điều.", []string{"1", "2"}, 2},
		{"together, then one alone", "1. Bộ Quốc phòng, Bộ Công an chỉ đạo lực lượng vũ trang sẵn sàng phương tiện xuồng, ca nô cứu hộ, cứu nạn, sơ tán dân khỏi vùng ngập sâu.\n" +
			"2. Bộ Công an chỉ đạo công an các địa phương bảo đảm an ninh trật tự, phân luồng giao thông tại các tuyến đường bị ngập, sạt lở.\n" +
			"3. Bộ Y tế bảo đảm thuốc, hóa chất khử khuẩn, tổ chức khám chữa bệnh cho người dân vùng lũ.", []string{"1"}, 2},
	} {
		res := Doc{ID: "r", Number: "88/CĐ-TTg", Body: c.body}
		got := matchesOf(Plan(plan, []Doc{res}), "1")
		slices.Sort(got)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: item 1 links %v, want %v", c.name, got, c.want)
		}
		p := DefaultParams()
		p.OwnAgency = 0
		if got := matchesOf(linkPlan(plan, []Doc{res}, make([]*outline.Outline, 1), p), "1"); len(got) != c.off {
			t.Errorf("%s: at OwnAgency 0 item 1 links %v, want %d (the test's item must reach the paragraphs)", c.name, got, c.off)
		}
	}
}
