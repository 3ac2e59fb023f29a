package outline

import (
	"strings"
	"testing"
)

// Review of i18-clause (docs/design.md, i18-clauserev): the lines are
// written for the tests, in the shapes of plans and decrees.

// TestOutlineAnnouncementOnlyInLegalText: a line naming a provision after
// an amending verb, without "như sau:", opens a quote only in an article
// of a legal text (or a quote of one). A plan's task "Bổ sung nhiệm vụ tại
// khoản 2 Điều 4 Kế hoạch …" followed by a motto in quotes that does not
// close at the end of its line took every section after it as quoted
// items of the task (III. TỔ CHỨC THỰC HIỆN lost).
func TestOutlineAnnouncementOnlyInLegalText(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		{"a plan's task, a motto over two lines",
			strings.Join([]string{
				"II. NHIỆM VỤ",
				"1. Bổ sung nhiệm vụ tại khoản 2 Điều 4 Kế hoạch số 12/KH-UBND",
				"“Kỷ cương, trách nhiệm, hành động,",
				"đổi mới, hiệu quả”, các sở triển khai ngay.",
				"2. Tổ chức tuyên truyền trên báo, đài địa phương.",
				"III. TỔ CHỨC THỰC HIỆN",
				"1. Sở Nội vụ tổng hợp kết quả.",
			}, "\n"),
			"II.1/1/-H\nII.1.¶1/2/II.1\nII.2/1/-\nIII.1/1/-\n"},
		{"a letter's item, a quote never closed",
			strings.Join([]string{
				"Ủy ban nhân dân tỉnh đề nghị:",
				"1. Sửa đổi mục 3 Phần II Kế hoạch số 45/KH-UBND theo hướng tăng chỉ tiêu",
				"“Phấn đấu đạt 100% hồ sơ trực tuyến toàn trình",
				"2. Các sở báo cáo trước ngày 20 tháng 12.",
			}, "\n"),
			"1/1/-H\n1.¶1/2/1\n2/1/-\n"},
		{"an amending decree's clause still opens it",
			strings.Join([]string{
				"Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 10/2020/NĐ-CP",
				"1. Bổ sung khoản 5 vào sau khoản 4 Điều 3",
				"“5. Tổ chức được miễn phí khi đăng ký lần đầu.",
				"Thời hạn miễn phí là 12 tháng.”",
				"2. Bãi bỏ Điều 4.",
			}, "\n"),
			"Đ1.1/1/-\nĐ1.1.“5/1/-Q\nĐ1.1.“5.¶1/2/Đ1.1.“5Q\nĐ1.2/1/-\n"},
	} {
		if got := itemTree(Parse(c.body)); got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}
