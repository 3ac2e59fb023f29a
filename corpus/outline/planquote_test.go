package outline

import (
	"strings"
	"testing"
)

// Real lines (quoted for the structural class, as earlier tests do):
// Nghị định 241/2026/NĐ-CP amending Nghị định 165/2024/NĐ-CP (its Điều 4,
// clauses announced by numbered items; a lead-in of many words over its
// points is no heading) and Nghị định 30/2020/NĐ-CP (one-paragraph
// articles). Neither is in a linking dev set.
const (
	nd241Art4 = "Điều 4. Sửa đổi, bổ sung một số khoản của Điều 8\n" +
		"1. Sửa đổi, bổ sung khoản 2 như sau:\n" +
		"“2. Sổ hiệu đường bộ bao gồm phần ký hiệu bằng chữ cái viết tắt của các loại đường, liền phía sau chữ cái là dấu chấm, số tự nhiên phía sau dấu chấm và được quy định đối với đường cao tốc, quốc lộ, đường tỉnh, đường đô thị và đường xã như sau:\n" +
		"a) Số hiệu của đường cao tốc bao gồm: chữ “CT.” sau đó là số tự nhiên của đường cần đặt, chữ cái nếu có;\n" +
		"b) Số hiệu của quốc lộ bao gồm: chữ “QL.” sau đó là số tự nhiên của đường cần đặt, chữ cái nếu có;\n" +
		"đ) Số hiệu đường xã bao gồm: chữ “DX.” sau đó là số tự nhiên của đường cần đặt, chữ cái nếu có.”.\n" +
		"2. Sửa đổi, bổ sung khoản 9 như sau:\n" +
		"“9. Thẩm quyền đặt tên, số hiệu đường bộ và trách nhiệm công bố tên, số hiệu đường bộ trên các phương tiện thông tin đại chúng được quy định như sau:\n" +
		"a) Bộ Xây dựng đặt tên, số hiệu đường cao tốc, quốc lộ và đường bộ tham gia mạng lưới đường bộ theo điều ước quốc tế;\n" +
		"b) Ủy ban nhân dân cấp tỉnh đặt tên, số hiệu đường tỉnh, đường xã; đặt số hiệu đường đô thị thuộc phạm vi quản lý;\n" +
		"c) Thẩm quyền đặt tên, đổi tên đường đô thị thực hiện theo Quy chế của Chính phủ về đặt tên, đổi tên đường, phố và công trình công cộng.”.\n" +
		"Điều 5. Sửa đổi, bổ sung một số khoản của Điều 10"
	nd30Arts = "Điều 26. Giá trị pháp lý của bản sao\n" +
		"Bản sao y, bản sao lục và bản trích sao được thực hiện theo đúng quy định tại Nghị định này có giá trị pháp lý như bản chính.\n" +
		"Điều 27. Thẩm quyền sao văn bản\n" +
		"1. Người đứng đầu cơ quan, tổ chức quyết định việc sao văn bản do cơ quan, tổ chức ban hành, văn bản do các cơ quan, tổ chức khác gửi đến và quy định thẩm quyền ký các bản sao văn bản.\n" +
		"Điều 28. Lập Danh mục hồ sơ\n" +
		"Danh mục hồ sơ do người đứng đầu cơ quan, tổ chức phê duyệt, được ban hành vào đầu năm và gửi các đơn vị, cá nhân liên quan làm căn cứ để lập hồ sơ. Mẫu Danh mục hồ sơ được thực hiện theo quy định tại Phụ lục V Nghị định này."
)

// TestOutlineQuotedProvisions: the provisions an amending item quotes are
// items of their own (Quoted), with IDs made of the announcing item's (or
// article's) and the quoted ID; the announcing item keeps its ID and its
// text, no other ID changes, and the quoted text is no article of the
// amending text.
func TestOutlineQuotedProvisions(t *testing.T) {
	tests := []outlineCase{
		{"clauses quoted under numbered announcements (real lines, 241/2026/NĐ-CP)", nd241Art4,
			"Đ4.1/1/tasks:Sửa đổi, bổ sung khoản 2 như sau:\n" + strings.Join(strings.Split(nd241Art4, "\n")[2:6], "\n") + "\n" +
				"Đ4.1.“2/1/tasks:Sổ hiệu đường bộ bao gồm phần ký hiệu bằng chữ cái viết tắt của các loại đường, liền phía sau chữ cái là dấu chấm, số tự nhiên phía sau dấu chấm và được quy định đối với đường cao tốc, quốc lộ, đường tỉnh, đường đô thị và đường xã như sau:\n" +
				"Đ4.1.“2.a/2/tasks:Số hiệu của đường cao tốc bao gồm: chữ “CT.” sau đó là số tự nhiên của đường cần đặt, chữ cái nếu có;\n" +
				"Đ4.1.“2.b/2/tasks:Số hiệu của quốc lộ bao gồm: chữ “QL.” sau đó là số tự nhiên của đường cần đặt, chữ cái nếu có;\n" +
				"Đ4.1.“2.đ/2/tasks:Số hiệu đường xã bao gồm: chữ “DX.” sau đó là số tự nhiên của đường cần đặt, chữ cái nếu có.\n" +
				"Đ4.2/1/tasks:Sửa đổi, bổ sung khoản 9 như sau:\n" + strings.Join(strings.Split(nd241Art4, "\n")[7:11], "\n") + "\n" +
				"Đ4.2.“9/1/tasks:Thẩm quyền đặt tên, số hiệu đường bộ và trách nhiệm công bố tên, số hiệu đường bộ trên các phương tiện thông tin đại chúng được quy định như sau:\n" +
				"Đ4.2.“9.a/2/tasks:Bộ Xây dựng đặt tên, số hiệu đường cao tốc, quốc lộ và đường bộ tham gia mạng lưới đường bộ theo điều ước quốc tế;\n" +
				"Đ4.2.“9.b/2/tasks:Ủy ban nhân dân cấp tỉnh đặt tên, số hiệu đường tỉnh, đường xã; đặt số hiệu đường đô thị thuộc phạm vi quản lý;\n" +
				"Đ4.2.“9.c/2/tasks:Thẩm quyền đặt tên, đổi tên đường đô thị thực hiện theo Quy chế của Chính phủ về đặt tên, đổi tên đường, phố và công trình công cộng.\n"},
	}
	checkOutlines(t, tests)

	if got := sectionIDs(Parse(tt9Body)); got != "Đ1,Đ2" {
		t.Errorf("sections %s, want Đ1,Đ2 (the quoted Điều 5 is no article of the amending text)", got)
	}
	for _, it := range Parse(nd241Art4).Items {
		if quoted := strings.Contains(it.ID, quoteMark); it.Quoted != quoted {
			t.Errorf("241/2026/NĐ-CP: %s Quoted = %v", it.ID, it.Quoted)
		}
	}
	// The lines of the quoted provisions are theirs: an item is found by
	// its line (eval, tasks).
	for _, it := range Parse(nd241Art4).Items {
		if it.ID == "Đ4.2.“9.b" && it.Line != 10 {
			t.Errorf("241/2026/NĐ-CP: Đ4.2.“9.b on line %d, want 10", it.Line)
		}
	}
}

func sectionIDs(o *Outline) string {
	var ids []string
	for _, s := range o.Sections[1:] {
		ids = append(ids, s.ID)
	}
	return strings.Join(ids, ",")
}

// TestQuotedNoPassage: a parent's passages are as they were: the
// announcing item holds its quote, the quoted provisions are no passages
// of their own, and an article whose text is a quote keeps its passage.
func TestQuotedNoPassage(t *testing.T) {
	var ids []string
	for _, p := range Parse(nd241Art4).Passages() {
		ids = append(ids, p.ID)
		if p.ID == "Đ4.2" && !strings.Contains(p.Text, "Bộ Xây dựng đặt tên") {
			t.Errorf("Đ4.2's passage lost its quote: %q", p.Text)
		}
	}
	if got := strings.Join(ids, ","); got != "Đ4.1,Đ4.2" {
		t.Errorf("241/2026/NĐ-CP passages %s, want Đ4.1,Đ4.2", got)
	}
	ps := Parse(tt9Body).Passages()
	if len(ps) != 2 || ps[0].ID != "Đ1" || !strings.Contains(ps[0].Text, "Văn thư cơ quan") || ps[1].ID != "Đ2" {
		t.Errorf("passages %+v, want Đ1 holding the quote, Đ2", ps)
	}
}

// TestArticleParagraph: an article of one paragraph, or of paragraphs
// without numbers, is an item with the article's ID — the ID its text had
// as a passage — and the other IDs do not change.
func TestArticleParagraph(t *testing.T) {
	checkOutlines(t, []outlineCase{
		{"one-paragraph articles among numbered ones (real lines, 30/2020/NĐ-CP)", nd30Arts,
			"Đ26/1/tasks:" + strings.Split(nd30Arts, "\n")[1] + "\n" +
				"Đ27.1/1/tasks:" + strings.TrimPrefix(strings.Split(nd30Arts, "\n")[3], "1. ") + "\n" +
				"Đ28/1/tasks:" + strings.Split(nd30Arts, "\n")[5] + "\n"},
		{"paragraphs without numbers are one item; an article with items gets none; a letter section is no article",
			"Điều 3. Chế độ báo cáo\nCác sở báo cáo kết quả trước ngày 15 tháng 12 hằng năm.\nBáo cáo gửi Sở Nội vụ tổng hợp.\nĐiều 4. Tổ chức thực hiện\nCác sở, ngành triển khai thực hiện:\n1. Sở Nội vụ hướng dẫn.\nĐ. KINH PHÍ\nKinh phí do ngân sách tỉnh bảo đảm.",
			"Đ3/1/organisation:Các sở báo cáo kết quả trước ngày 15 tháng 12 hằng năm.\nBáo cáo gửi Sở Nội vụ tổng hợp.\nĐ4.1/1/organisation:Sở Nội vụ hướng dẫn.\n"},
		{"an article's lead-in over the sections of the plan it approves is no item, nor its statement of effect",
			"Điều 1. Phê duyệt Kế hoạch\nPhê duyệt Kế hoạch chuyển đổi số năm 2026 với các nội dung sau:\nI. NHIỆM VỤ\n1. Tổ chức tập huấn kỹ năng số cho cán bộ cấp xã.\nĐiều 2. Hiệu lực thi hành\nQuyết định này có hiệu lực kể từ ngày ký.",
			"I.1/1/tasks:Tổ chức tập huấn kỹ năng số cho cán bộ cấp xã.\n"},
	})
	var ids []string
	for _, p := range Parse(nd30Arts).Passages() {
		ids = append(ids, p.ID)
	}
	if got := strings.Join(ids, ","); got != "Đ26,Đ27.1,Đ28" {
		t.Errorf("30/2020/NĐ-CP passages %s, want Đ26,Đ27.1,Đ28 (the IDs of before)", got)
	}
}

// tt9Body is an amending circular written for the tests: its Điều 1
// announces, in its text, the article it puts in force, in straight
// quotes (as 65/2026/TT-BTC of set 3 is typed); its Điều 2 is one
// paragraph.
const tt9Body = "Điều 1. Sửa đổi, bổ sung Điều 5 Thông tư số 2/2021/TT-BNV\n" +
	"Sửa đổi, bổ sung Điều 5 Thông tư số 2/2021/TT-BNV như sau:\n" +
	"\"Điều 5. Danh mục hồ sơ\n" +
	"1. Người đứng đầu cơ quan phê duyệt Danh mục hồ sơ vào đầu năm theo Nghị định số 30/2020/NĐ-CP và gửi các đơn vị làm căn cứ để lập hồ sơ.\n" +
	"2. Văn thư cơ quan quyết định việc sao văn bản do cơ quan ban hành và ký các bản sao văn bản.\"\n" +
	"Điều 2. Giá trị của bản sao\n" +
	"Bản sao y, bản sao lục và bản trích sao văn bản của cơ quan có giá trị pháp lý như bản chính theo Nghị định số 30/2020/NĐ-CP."
