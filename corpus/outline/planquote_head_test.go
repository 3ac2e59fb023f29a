package outline

import (
	"strings"
	"testing"
)

// nd153Arts are real lines of Nghị định 153/2026/NĐ-CP (not in a linking
// dev set): articles whose heading itself announces the amendment
// ("Điều 1. Sửa đổi, bổ sung Điều 3 như sau:"), the quote on the next
// line; the quoted article's title wraps over three lines.
const nd153Arts = "Điều 1. Sửa đổi, bổ sung Điều 3 như sau:\n" +
	"“Điều 3. Phạm vi cụ thể địa bàn hoạt động hải quan tại khu vực\n" +
	"cửa khẩu đường bộ, lối thông quan, đường chuyên dụng vận chuyển\n" +
	"hàng hoá, cửa khẩu đường thủy nội địa, cửa khẩu đường sắt\n" +
	"1. Phạm vi cụ thể địa bàn hoạt động hải quan tại khu vực cửa khẩu đường bộ là các khu vực có ranh giới xác định.\n" +
	"2. Đối với cửa khẩu chưa được xác định là phạm vi địa bàn hoạt động hải quan thì địa bàn hoạt động hải quan được xác định theo phạm vi khu vực cửa khẩu đã được Chính phủ quyết định.”\n" +
	"Điều 4. Sửa đổi, bổ sung điểm a khoản 1 Điều 12 như sau:\n" +
	"“1. Trong địa bàn hoạt động hải quan, cơ quan hải quan chủ trì thực hiện nhiệm vụ phòng, chống buôn lậu theo quy định của Luật Hải quan:\n" +
	"a) Cơ quan hải quan chịu trách nhiệm: kiểm tra, giám sát, kiểm soát hải quan đối với hàng hóa, phương tiện vận tải.”\n" +
	"Điều 6. Điều khoản thi hành\n" +
	"Nghị định này có hiệu lực thi hành từ ngày 05 tháng 7 năm 2026."

// TestOutlineHeadingAnnouncesQuote: an article whose heading announces
// the amendment reads the quote on the next line as the announcing case
// does (planquote.go): the quoted provisions are Quoted items under the
// article's ID ("Đ1.“Đ3.1"), the article's text (the quote) its item "Đ1",
// and none of them the amending article's own clauses ("Đ1.1", "Đ4.a").
func TestOutlineHeadingAnnouncesQuote(t *testing.T) {
	lines := strings.Split(nd153Arts, "\n")
	checkOutlines(t, []outlineCase{
		{"an article heading announcing its quote (real lines, 153/2026/NĐ-CP)", nd153Arts,
			"Đ1/1/tasks:" + strings.Join(lines[1:6], "\n") + "\n" +
				// i18-parse4: the quoted article heads its clauses (quotedArticles).
				"Đ1.“Đ3/1H/tasks:" + strings.TrimPrefix(strings.Join(lines[1:4], "\n"), "“Điều 3. ") + "\n" +
				"Đ1.“Đ3.1/2/tasks:" + strings.TrimPrefix(lines[4], "1. ") + "\n" +
				"Đ1.“Đ3.2/2/tasks:" + strings.TrimSuffix(strings.TrimPrefix(lines[5], "2. "), "”") + "\n" +
				"Đ4/1/tasks:" + strings.Join(lines[7:9], "\n") + "\n" +
				"Đ4.“1/1H/tasks:" + strings.TrimPrefix(lines[7], "“1. ") + "\n" +
				"Đ4.“1.a/2/tasks:" + strings.TrimSuffix(strings.TrimPrefix(lines[8], "a) "), "”") + "\n"},
	})
	o := Parse(nd153Arts)
	for _, it := range o.Items {
		if quoted := strings.Contains(it.ID, quoteMark); it.Quoted != quoted {
			t.Errorf("%s Quoted = %v", it.ID, it.Quoted)
		}
	}
	var ids []string
	for _, p := range o.Passages() {
		ids = append(ids, p.ID)
	}
	if got := strings.Join(ids, ","); got != "Đ1,Đ4,Đ6" {
		t.Errorf("passages %s, want Đ1,Đ4,Đ6 (each article's quote whole)", got)
	}
}

// TestQuoteGraftOnlyAmendments: only the provisions an amendment puts in
// force are Quoted items. A plan quoting slogans after "… như sau:" (a
// numbered list inside the quote) gets no items from them: they are the
// announcing task's text, as before. Written for the test in the layout
// of provincial plans.
func TestQuoteGraftOnlyAmendments(t *testing.T) {
	checkOutlines(t, []outlineCase{
		{"slogans quoted in a plan are no items",
			"I. NHIỆM VỤ\n1. Treo băng rôn với các khẩu hiệu như sau:\n“1. Nhiệt liệt chào mừng Đại hội Đảng bộ tỉnh lần thứ XX!\n2. Toàn dân chung tay xây dựng nông thôn mới!”\n2. Sở Văn hóa hướng dẫn.",
			"I.1/1/tasks:Treo băng rôn với các khẩu hiệu như sau:\n“1. Nhiệt liệt chào mừng Đại hội Đảng bộ tỉnh lần thứ XX!\n2. Toàn dân chung tay xây dựng nông thôn mới!”\nI.2/1/tasks:Sở Văn hóa hướng dẫn.\n"},
		{"a letter without sections amending: the quoted IDs start with the mark, as its items have no prefix",
			"Bộ Tài chính đề nghị sửa đổi khoản 2 Điều 5 như sau:\n“2. Sở Tài chính chủ trì thẩm định.\n3. Sở Y tế phối hợp hoàn thành!”\nĐề nghị các đơn vị thực hiện.",
			"“2/1/tasks:Sở Tài chính chủ trì thẩm định.\n“3/1/tasks:Sở Y tế phối hợp hoàn thành!\n"},
	})
}

// TestHeadingQuoteOnlyAmending: an article heading opens a quote only when
// it amends. A decision's "Điều 1. Phê duyệt Kế hoạch … như sau:" followed
// by a line opening a quote it does not close (the plan's motto) opens
// none: the plan's sections after it stay sections with their tasks.
// Written for the test.
func TestHeadingQuoteOnlyAmending(t *testing.T) {
	checkOutlines(t, []outlineCase{
		{"a heading approving a plan opens no quote",
			"Điều 1. Phê duyệt Kế hoạch chuyển đổi số năm 2026 như sau:\n“Chuyển đổi số toàn diện, người dân là trung tâm\nI. NHIỆM VỤ\n1. Sở Khoa học và Công nghệ tổ chức tập huấn kỹ năng số.\nĐiều 2. Tổ chức thực hiện\nGiao Sở Khoa học và Công nghệ hướng dẫn, theo dõi việc thực hiện Kế hoạch.",
			"Đ1/1/tasks:“Chuyển đổi số toàn diện, người dân là trung tâm\n" + // the article's paragraph, as main dd12b4d reads it
				"I.1/1/tasks:Sở Khoa học và Công nghệ tổ chức tập huấn kỹ năng số.\nĐ2/1/organisation:Giao Sở Khoa học và Công nghệ hướng dẫn, theo dõi việc thực hiện Kế hoạch.\n"},
	})
}
