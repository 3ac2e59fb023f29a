package outline

import (
	"strings"
	"testing"
)

// TestAppendixHeadingEmpty: an appendix heading with nothing under it,
// followed directly by the next numbered appendix heading ("PHỤ LỤC I"
// then "PHỤ LỤC II"), is a section of its own: the second is not read as
// the first's title, so its rows are its own, and the empty one stays in
// the outline with no passage. A heading line with no number after it
// ("PHỤ LỤC KÈM THEO KẾ HOẠCH …") is still the open appendix's title.
// Lines written for the test.
func TestAppendixHeadingEmpty(t *testing.T) {
	const body = "II. NHIỆM VỤ\n1. Phát triển công trình cấp nước tập trung ở vùng khô hạn.\n"
	const rows = "STT | Nhiệm vụ | Cơ quan chủ trì\n" +
		"1 | Lắp đặt đồng hồ đo nước tại công trình | Sở Xây dựng\n" +
		"2 | Kiểm tra chất lượng nước định kỳ hằng quý | Sở Y tế\n"
	for _, c := range []struct {
		name, text string
		want       string // appendix sections "ID:passages" in order
		title      string // the last appendix's title
	}{
		{"empty then the next", body + "PHỤ LỤC I\nPHỤ LỤC II\nDANH MỤC NHIỆM VỤ\n" + rows,
			"PLI:0 PLII:2", "DANH MỤC NHIỆM VỤ"},
		{"empty then the next, markdown", body + "## PHỤ LỤC 01\n## PHỤ LỤC 02\n**DANH MỤC NHIỆM VỤ**\n" + rows,
			"PL01:0 PL02:2", "DANH MỤC NHIỆM VỤ"},
		{"two empty, then a third", body + "PHỤ LỤC I\nPHỤ LỤC II\nPHỤ LỤC III\nDANH MỤC NHIỆM VỤ\n" + rows,
			"PLI:0 PLII:0 PLIII:2", "DANH MỤC NHIỆM VỤ"},
		{"a title line opening with PHỤ LỤC", body + "PHỤ LỤC I\nPHỤ LỤC KÈM THEO KẾ HOẠCH SỐ 12/KH-UBND\n" + rows,
			"PLI:2", "PHỤ LỤC KÈM THEO KẾ HOẠCH SỐ 12/KH-UBND"},
		{"the same heading repeated", body + "PHỤ LỤC II\nPHỤ LỤC II\nDANH MỤC NHIỆM VỤ\n" + rows,
			"PLII:2", "DANH MỤC NHIỆM VỤ"},
	} {
		o := Parse(c.text)
		n := map[int]int{}
		for _, ps := range o.Passages() {
			for i := range o.Items {
				if o.Items[i].ID == ps.ID {
					n[o.Items[i].Section]++
				}
			}
		}
		var got []string
		title := ""
		for k, s := range o.Sections {
			if s.Appendix {
				got = append(got, s.ID+":"+itoa(n[k]))
				title = s.Title
			}
		}
		if strings.Join(got, " ") != c.want || !strings.Contains(title, c.title) {
			t.Errorf("%s: appendix sections %q (last title %q), want %q (%q)", c.name, got, title, c.want, c.title)
		}
	}
}
