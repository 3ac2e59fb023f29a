package outline

import (
	"strings"
	"testing"
)

// i18-points (docs/log/i18-points.md): the lines are written for the tests, in
// the shapes of decrees and plans.

// TestOutlineClausePoints: in an article of a legal text, points a), b)
// after a clause's lead-in paragraph ("2. …" / "Các trường hợp sau đây
// được miễn:" / "a) …") are the clause's points (Đ6.2.a, as "điểm a khoản
// 2 Điều 6" cites them), not the paragraph's (Đ6.2.¶1.a). A clause that
// already has its own a) keeps the later list under its paragraph (no
// collision); outside an article (a plan) nothing changes.
func TestOutlineClausePoints(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		{"a clause's lead-in paragraph, then points",
			strings.Join([]string{
				"Điều 6. Miễn lệ phí",
				"1. Lệ phí được thu theo mức quy định tại Phụ lục.",
				"2. Đối tượng được miễn lệ phí.",
				"Các trường hợp sau đây được miễn:",
				"a) Hộ nghèo theo chuẩn của tỉnh;",
				"b) Người từ đủ 80 tuổi trở lên.",
				"3. Lệ phí được nộp vào ngân sách nhà nước.",
			}, "\n"),
			"Đ6.1/1/-\nĐ6.2/1/-\nĐ6.2.¶1/2/Đ6.2H\nĐ6.2.a/2/Đ6.2\nĐ6.2.b/2/Đ6.2\nĐ6.3/1/-\n"},
		{"a clause with its own points, then a paragraph and a second list",
			strings.Join([]string{
				"Điều 9. Hồ sơ",
				"1. Hồ sơ gồm:",
				"a) Đơn đề nghị;",
				"b) Bản sao giấy tờ tùy thân.",
				"Trường hợp nộp qua mạng, hồ sơ gồm:",
				"a) Bản điện tử của đơn;",
				"b) Mã xác thực.",
				"2. Thời hạn giải quyết là 05 ngày làm việc.",
			}, "\n"),
			"Đ9.1/1/-H\nĐ9.1.a/2/Đ9.1\nĐ9.1.b/2/Đ9.1\nĐ9.1.¶1/2/Đ9.1H\nĐ9.1.¶1.a/3/Đ9.1.¶1\nĐ9.1.¶1.b/3/Đ9.1.¶1\nĐ9.2/1/-\n"},
		{"a plan's item, a paragraph, then points (outside an article)",
			strings.Join([]string{
				"II. NHIỆM VỤ",
				"1. Sở Tài chính bố trí kinh phí.",
				"Các nội dung cần bảo đảm:",
				"a) Đúng định mức;",
				"b) Đúng thời hạn.",
				"2. Sở Nội vụ tổng hợp kết quả.",
			}, "\n"),
			"II.1/1/-\nII.¶1/1/-H\nII.¶1.a/2/II.¶1\nII.¶1.b/2/II.¶1\nII.2/1/-\n"},
	} {
		if got := itemTree(Parse(c.body)); got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}

// TestOutlineClausePointContext: the lead-in paragraph is still above the
// clause's points it introduces (their context, as when they were under
// it): "b)" too, after "a)".
func TestOutlineClausePointContext(t *testing.T) {
	o := Parse(strings.Join([]string{
		"Điều 6. Miễn lệ phí",
		"2. Đối tượng được miễn lệ phí.",
		"Các trường hợp sau đây được miễn:",
		"a) Hộ nghèo theo chuẩn của tỉnh;",
		"b) Người từ đủ 80 tuổi trở lên.",
	}, "\n"))
	for _, it := range o.Items {
		if it.Label == "" {
			continue
		}
		got := strings.Join(o.ContextParts(slicesIndex(o, it.ID)), " | ")
		if want := "Các trường hợp sau đây được miễn: | Đối tượng được miễn lệ phí. | Miễn lệ phí"; it.ID != "Đ6.2" && got != want {
			t.Errorf("%s: context %q, want %q", it.ID, got, want)
		}
	}
}

func slicesIndex(o *Outline, id string) int {
	for i, it := range o.Items {
		if it.ID == id {
			return i
		}
	}
	return -1
}
