package outline

import (
	"strings"
	"testing"
)

// TestAppendixHeadingSameNumber: a numbered appendix heading right after
// another whose number has the same value written otherwise ("PHỤ LỤC 01"
// then "PHỤ LỤC 1", "PHỤ LỤC I" then "PHỤ LỤC 1") names the same appendix:
// it is the open appendix's title line, as before the empty-appendix rule,
// so the rows keep their IDs (PL01.r1). Numbers that differ still open the
// next appendix. Lines written for the test.
func TestAppendixHeadingSameNumber(t *testing.T) {
	const body = "II. NHIỆM VỤ\n1. Cải tạo hệ thống thoát nước đô thị.\n"
	const rows = "STT | Nhiệm vụ | Cơ quan chủ trì\n" +
		"1 | Nạo vét kênh thoát nước nội thị | Sở Xây dựng\n" +
		"2 | Lắp đặt trạm quan trắc mưa tự động | Sở Nông nghiệp và Môi trường\n"
	for _, c := range []struct{ name, text, want string }{
		{"01 then 1", body + "PHỤ LỤC 01\nPHỤ LỤC 1\nDANH MỤC NHIỆM VỤ\n" + rows, "PL01.r1 PL01.r2"},
		{"I then 1", body + "PHỤ LỤC I\nPHỤ LỤC 1\nDANH MỤC NHIỆM VỤ\n" + rows, "PLI.r1 PLI.r2"},
		{"I then II (guard)", body + "PHỤ LỤC I\nPHỤ LỤC II\nDANH MỤC NHIỆM VỤ\n" + rows, "PLII.r1 PLII.r2"},
	} {
		o := Parse(c.text)
		var got []string
		for _, it := range o.Items {
			if strings.HasPrefix(it.ID, "PL") {
				got = append(got, it.ID)
			}
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s: appendix items %q, want %q", c.name, got, c.want)
		}
	}
}
