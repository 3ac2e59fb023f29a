package outline

import (
	"strings"
	"testing"
)

// i21-attr (docs/log/i21-attr.md): lines written for the tests in the shape of a
// portal's article retelling a Party resolution or conclusion without
// headings (not set 4's text), and of a notice whose points hold "Về …:"
// paragraphs.

// TestOutlineLeadInParts: a list starting again at "1." after a lead-in
// paragraph ending with a colon is a part of its own, its items under the
// part's anchor ("s1.1"), the first list's IDs unchanged; a later "Về tổ
// chức thực hiện, …" paragraph opens the next part, of its kind, its
// paragraphs its items, not the last task's. A "Về kinh phí: …" paragraph
// among a notice's points, or a second list in a numbered section, opens
// nothing.
func TestOutlineLeadInParts(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		{"viewpoints, then tasks, then organisation",
			strings.Join([]string{
				"Kết luận nêu rõ các quan điểm chỉ đạo sau:",
				"1. Phát triển kinh tế biển là nhiệm vụ chiến lược, lâu dài.",
				"2. Bảo vệ môi trường biển là trách nhiệm của toàn xã hội.",
				"Về nhiệm vụ, giải pháp, Kết luận đề ra 3 nhóm nhiệm vụ. Cụ thể là:",
				"1. Hoàn thiện thể chế về kinh tế biển",
				"- Rà soát, sửa đổi các luật về biển, đảo.",
				"2. Phát triển hạ tầng cảng biển",
				"- Đầu tư các cảng biển cửa ngõ quốc tế.",
				"3. Đào tạo nguồn nhân lực biển",
				"- Mở rộng các cơ sở đào tạo nghề biển.",
				"Về tổ chức thực hiện, Kết luận giao các tỉnh ủy ven biển xây dựng chương trình hành động.",
				"Ban Kinh tế Trung ương chủ trì theo dõi, đôn đốc.",
			}, "\n"),
			"1/-\n2/-\ns1.1/-H\ns1.1.•1/s1.1\ns1.2/-H\ns1.2.•1/s1.2\ns1.3/-H\ns1.3.•1/s1.3\ns2.¶1/-\ns2.¶2/-\n"},
		{"a notice's 'Về kinh phí:' paragraphs stay under its points",
			strings.Join([]string{
				"1. Các địa phương khẩn trương sửa chữa trường học bị hư hỏng.",
				"Về kinh phí: Các địa phương chủ động bố trí từ ngân sách.",
				"Về tổ chức thực hiện: Sở Giáo dục và Đào tạo chủ trì.",
				"2. Bộ Y tế chỉ đạo phòng, chống dịch bệnh sau lũ.",
			}, "\n"),
			"1/-\n¶1/-\n¶2/-\n2/-\n"},
		{"a second list in a numbered section keeps its fallbacks",
			strings.Join([]string{
				"II. NHIỆM VỤ",
				"1. Rà soát quy hoạch.",
				"2. Lập kế hoạch vốn.",
				"Ngoài ra, các sở thực hiện thêm:",
				"1. Báo cáo định kỳ.",
			}, "\n"),
			"II.1/-\nII.2/-\nII.¶1/-\nII.1~2/-\n"},
	} {
		o := Parse(c.body)
		var b strings.Builder
		for _, it := range o.Items {
			par := "-"
			if it.Parent >= 0 {
				par = o.Items[it.Parent].ID
			}
			h := ""
			if it.Heading {
				h = "H"
			}
			b.WriteString(it.ID + "/" + par + h + "\n")
		}
		if got := b.String(); got != c.want {
			t.Errorf("%s:\n got:\n%s want:\n%s", c.name, got, c.want)
		}
	}
	o := Parse("Kết luận nêu rõ:\n1. Một.\n2. Hai.\nVề nhiệm vụ, giải pháp, Kết luận nêu:\n1. Ba.\nVề tổ chức thực hiện, các tỉnh triển khai.")
	var kinds []string
	for _, s := range o.Sections {
		kinds = append(kinds, s.Title+":"+s.Kind.String())
	}
	if got, want := strings.Join(kinds, "|"), ":preamble|Về nhiệm vụ:tasks|Về tổ chức thực hiện:organisation"; got != want {
		t.Errorf("lead-in parts: got %s, want %s", got, want)
	}
}

// TestOutlineBulletAfterStatement: outside an article, a bullet after
// paragraphs that state more between a list's bullets (full sentences, no
// colon) is the sibling of the bullets before them, not a point under
// the last paragraph; a paragraph leading in with a colon keeps the
// bullets after it, and so does a list whose item before the paragraph
// is no bullet.
func TestOutlineBulletAfterStatement(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		{"paragraphs between the bullets of a task (the shape of a portal's retold resolution)",
			strings.Join([]string{
				"II. NHIỆM VỤ",
				"1. Hoàn thiện thể chế về kinh tế số",
				"- Rà soát các luật về giao dịch điện tử.",
				"Các quy định phải ổn định, dễ thực hiện.",
				"Bảo đảm quy trình xây dựng văn bản công khai.",
				"- Xây dựng khung pháp lý thử nghiệm có kiểm soát.",
			}, "\n"),
			"II.1/-H\nII.1.•1/II.1\nII.1.¶1/II.1\nII.1.¶2/II.1\nII.1.•2/II.1\n"},
		{"a lead-in with a colon keeps its bullets",
			strings.Join([]string{
				"II. NHIỆM VỤ",
				"1. Hoàn thiện thể chế về kinh tế số",
				"- Rà soát các luật về giao dịch điện tử.",
				"Tập trung vào các nội dung sau:",
				"- Chữ ký số;",
				"- Hợp đồng điện tử.",
			}, "\n"),
			"II.1/-H\nII.1.•1/II.1\nII.1.¶1/II.1H\nII.1.¶1.•1/II.1.¶1\nII.1.¶1.•2/II.1.¶1\n"},
		{"in an article a clause's paragraph keeps the bullets after it",
			strings.Join([]string{
				"Điều 4. Hồ sơ",
				"1. Hồ sơ gồm:",
				"- Đơn đề nghị.",
				"Trường hợp nộp qua mạng thì gửi bản điện tử.",
				"- Bản sao giấy phép.",
			}, "\n"),
			"Đ4.1/-H\nĐ4.1.•1/Đ4.1\nĐ4.1.¶1/Đ4.1\nĐ4.1.¶1.•1/Đ4.1.¶1\n"},
	} {
		o := Parse(c.body)
		var b strings.Builder
		for _, it := range o.Items {
			par := "-"
			if it.Parent >= 0 {
				par = o.Items[it.Parent].ID
			}
			h := ""
			if it.Heading {
				h = "H"
			}
			b.WriteString(it.ID + "/" + par + h + "\n")
		}
		if got := b.String(); got != c.want {
			t.Errorf("%s:\n got:\n%s want:\n%s", c.name, got, c.want)
		}
	}
}

// TestWrappedLeadInParts: in a hard-wrapped body a lead-in paragraph is
// judged whole, its colon on the last of its wrapped lines ("… 3 nhóm
// nhiệm vụ trọng tâm. Cụ" / "thể là:"), so the parts open as in the same
// text one paragraph a line (written for this test, after the layout of a
// conclusion retelling a resolution; no document of the dev sets).
func TestWrappedLeadInParts(t *testing.T) {
	wrapped := wrappedPreamble + `Kết luận nêu rõ các quan điểm chỉ đạo về phát triển kinh tế biển như
sau:
1. Phát triển kinh tế biển là nhiệm vụ chiến lược, lâu dài của cả hệ
thống chính trị.
2. Bảo vệ môi trường biển là trách nhiệm của toàn xã hội.
Về nhiệm vụ, giải pháp, Kết luận đề ra 3 nhóm nhiệm vụ trọng tâm. Cụ
thể là:
1. Hoàn thiện thể chế về kinh tế biển
- Rà soát, sửa đổi các luật về biển, đảo.
2. Phát triển hạ tầng cảng biển
- Đầu tư các cảng biển cửa ngõ quốc tế.
Để thực hiện các nhiệm vụ trên, Kết luận yêu cầu các tỉnh ủy, thành ủy
ven biển tập trung:
1. Xây dựng chương trình hành động trong quý I năm 2027.
2. Báo cáo kết quả thực hiện hằng năm.`
	flat := strings.Join([]string{
		strings.ReplaceAll(strings.TrimSpace(wrappedPreamble), "\n", " "),
		"Kết luận nêu rõ các quan điểm chỉ đạo về phát triển kinh tế biển như sau:",
		"1. Phát triển kinh tế biển là nhiệm vụ chiến lược, lâu dài của cả hệ thống chính trị.",
		"2. Bảo vệ môi trường biển là trách nhiệm của toàn xã hội.",
		"Về nhiệm vụ, giải pháp, Kết luận đề ra 3 nhóm nhiệm vụ trọng tâm. Cụ thể là:",
		"1. Hoàn thiện thể chế về kinh tế biển",
		"- Rà soát, sửa đổi các luật về biển, đảo.",
		"2. Phát triển hạ tầng cảng biển",
		"- Đầu tư các cảng biển cửa ngõ quốc tế.",
		"Để thực hiện các nhiệm vụ trên, Kết luận yêu cầu các tỉnh ủy, thành ủy ven biển tập trung:",
		"1. Xây dựng chương trình hành động trong quý I năm 2027.",
		"2. Báo cáo kết quả thực hiện hằng năm.",
	}, "\n")
	if wrapWidth(strings.Split(wrapped, "\n")) == 0 {
		t.Fatal("body not judged wrapped")
	}
	dump := func(o *Outline) string {
		var b strings.Builder
		for _, s := range o.Sections {
			b.WriteString("§" + s.Title + ":" + s.Kind.String() + "\n")
		}
		for _, it := range o.Items {
			b.WriteString(it.ID + " " + strings.Join(strings.Fields(it.Text), " ") + "\n")
		}
		return b.String()
	}
	got, want := dump(Parse(wrapped)), dump(Parse(flat))
	if got != want {
		t.Errorf("wrapped:\n%s\nwant (one paragraph a line):\n%s", got, want)
	}
	if !strings.Contains(want, "§Về nhiệm vụ:tasks\n") || !strings.Contains(want, "\ns2.2 ") {
		t.Errorf("one paragraph a line: no lead-in parts:\n%s", want)
	}
}
