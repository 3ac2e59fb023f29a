package outline

import (
	"strings"
	"testing"
)

// Outline classes of i18-parse4 (docs/log/i18-parse4.md). The headings are short
// structural quotes of real documents named in each test; the clause
// texts are written for the test.

// itemTree lists the items of o as "ID/level/parent ID", Quoted ones
// marked with "Q".
func itemTree(o *Outline) string {
	var b strings.Builder
	for _, it := range o.Items {
		parent := "-"
		if it.Parent >= 0 {
			parent = o.Items[it.Parent].ID
		}
		b.WriteString(it.ID + "/" + itoa(it.Level) + "/" + parent)
		if it.Quoted {
			b.WriteString("Q")
		}
		if it.Heading {
			b.WriteString("H")
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// TestOutlineQuotedArticles: every article a quote puts in force is a
// quoted item of its own heading its clauses, not only the first: NĐ
// 21/2026/NĐ-CP (attachments) inserts "Điều 110a." … "Điều 110g." in one
// quote after "44. Bổ sung các Điều 110a, 110b, …, 110đ, 110e và 110g
// vào sau Điều 110 như sau:", and "Điều 100a.", "Điều 100b." under a
// quoted "Mục 11"; NĐ 49/2026/NĐ-CP (govdocs) quotes one, "Điều 63a.", in
// straight quotes. "Điều 110đ." (the letter after d) was no heading: its
// clauses took the IDs of Điều 110d's, made unique with the section's
// index ("§4.Đ110d.1").
func TestOutlineQuotedArticles(t *testing.T) {
	nd21 := strings.Join([]string{
		"Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 193/2025/NĐ-CP",
		"44. Bổ sung các Điều 110a, 110b và 110đ vào sau Điều 110 như sau:",
		"“Điều 110a. Quy định chung về quản lý đất hiếm",
		"1. Hoạt động về đất hiếm tuân thủ quy định đối với khoáng sản chiến lược.",
		"Điều 110b. Quy hoạch khoáng sản đất hiếm, chiến lược quốc gia về đất hiếm",
		"1. Quy hoạch đất hiếm gồm các nội dung sau đây:",
		"a) Kiểm kê tài nguyên đến kỳ quy hoạch;",
		"b) Định hướng thăm dò và khai thác.",
		"Điều 110đ. Dự trữ, bảo vệ khoáng sản đất hiếm",
		"1. Khu vực dự trữ đất hiếm do Bộ công bố.",
		"2. Việc bảo vệ khu vực dự trữ theo quy định chung.”.",
		"45. Sửa đổi khoản 2 Điều 111 như sau:",
		"“2. Báo cáo định kỳ hằng năm gồm:",
		"a) Sản lượng khai thác trong năm.”.",
	}, "\n")
	want := "Đ1.44/1/-\n" +
		"Đ1.44.“Đ110a/1/-QH\n" +
		"Đ1.44.“Đ110a.1/2/Đ1.44.“Đ110aQ\n" +
		"Đ1.44.“Đ110b/1/-QH\n" +
		"Đ1.44.“Đ110b.1/2/Đ1.44.“Đ110bQH\n" +
		"Đ1.44.“Đ110b.1.a/3/Đ1.44.“Đ110b.1Q\n" +
		"Đ1.44.“Đ110b.1.b/3/Đ1.44.“Đ110b.1Q\n" +
		"Đ1.44.“Đ110đ/1/-QH\n" +
		"Đ1.44.“Đ110đ.1/2/Đ1.44.“Đ110đQ\n" +
		"Đ1.44.“Đ110đ.2/2/Đ1.44.“Đ110đQ\n" +
		"Đ1.45/1/-\n" +
		"Đ1.45.“2/1/-QH\n" +
		"Đ1.45.“2.a/2/Đ1.45.“2Q\n"
	o := Parse(nd21)
	if got := itemTree(o); got != want {
		t.Errorf("NĐ 21/2026 shape:\n%s\nwant\n%s", got, want)
	}
	for _, it := range o.Items {
		switch it.ID {
		case "Đ1.44.“Đ110b":
			if it.Label != "Điều 110b." || it.Text != "Quy hoạch khoáng sản đất hiếm, chiến lược quốc gia về đất hiếm" || it.Line != 5 {
				t.Errorf("Đ1.44.“Đ110b: label %q text %q line %d", it.Label, it.Text, it.Line)
			}
		case "Đ1.44":
			if !strings.Contains(it.Text, "Điều 110đ. Dự trữ") {
				t.Errorf("Đ1.44 lost its quote: %q", it.Text)
			}
		}
	}
	// Stable: the body cut after Điều 110b's points keeps every ID before.
	cut := Parse(strings.Join(strings.Split(nd21, "\n")[:8], "\n") + "”.")
	if got := itemTree(cut); !strings.HasPrefix(want, got) {
		t.Errorf("cut after line 8:\n%s\nnot a prefix of\n%s", got, want)
	}
	// The quote is no article of the amending text, and its items are no
	// passages.
	if got := sectionIDs(o); got != "Đ1" {
		t.Errorf("sections %s, want Đ1", got)
	}
	for _, p := range o.Passages() {
		if strings.Contains(p.ID, quoteMark) {
			t.Errorf("passage %s of a quoted item", p.ID)
		}
	}

	nd49 := strings.Join([]string{
		"Điều 13. Sửa đổi, bổ sung một số điều của Nghị định số 102/2024/NĐ-CP",
		"9. Bổ sung Điều 63a vào sau Điều 63 như sau:",
		`"Điều 63a. Các trường hợp bất khả kháng khi gia hạn sử dụng đất`,
		"1. Thiên tai, hỏa hoạn làm người sử dụng đất không nộp được hồ sơ.",
		`2. Người sử dụng đất đã nộp hồ sơ xin gia hạn đúng hạn.".`,
		"10. Bãi bỏ Điều 64.",
	}, "\n")
	want49 := "Đ13.9/1/-\n" +
		"Đ13.9.“Đ63a/1/-QH\n" +
		"Đ13.9.“Đ63a.1/2/Đ13.9.“Đ63aQ\n" +
		"Đ13.9.“Đ63a.2/2/Đ13.9.“Đ63aQ\n" +
		"Đ13.10/1/-\n"
	if got := itemTree(Parse(nd49)); got != want49 {
		t.Errorf("NĐ 49/2026 shape:\n%s\nwant\n%s", got, want49)
	}

	// A quoted article of one paragraph has its one item (articleParagraph),
	// not two with the same ID.
	para := "Điều 2. Sửa đổi, bổ sung Nghị định số 30/2020/NĐ-CP\n" +
		"1. Bổ sung Điều 26a vào sau Điều 26 như sau:\n" +
		"“Điều 26a. Giá trị pháp lý của bản sao điện tử\n" +
		"Bản sao điện tử có giá trị pháp lý như bản chính.”."
	if got, want := itemTree(Parse(para)), "Đ2.1/1/-\nĐ2.1.“Đ26a/1/-Q\n"; got != want {
		t.Errorf("one-paragraph article:\n%s\nwant\n%s", got, want)
	}
	// A heading without a title has no text to offer: no item of its own.
	bare := "Điều 2. Sửa đổi, bổ sung Nghị định số 30/2020/NĐ-CP\n" +
		"1. Bổ sung Điều 26a vào sau Điều 26 như sau:\n“Điều 26a.\n1. Bản sao điện tử có giá trị như bản chính.”."
	if got, want := itemTree(Parse(bare)), "Đ2.1/1/-\nĐ2.1.“Đ26a.1/1/-Q\n"; got != want {
		t.Errorf("a heading without a title:\n%s\nwant\n%s", got, want)
	}
}

// TestArticleHeadingLetterD: "đ", the letter after d, numbers an
// inserted article as the others do ("Điều 110đ." after "Điều 110d.", NĐ
// 21/2026; written: "ĐIỀU 5Đ:"); it heads one only before its dot or colon.
func TestArticleHeadingLetterD(t *testing.T) {
	for in, want := range map[string]string{
		"Điều 110đ. Dự trữ, bảo vệ khoáng sản đất hiếm": "Đ110đ",
		"ĐIỀU 5Đ: QUY ĐỊNH CHUNG":                       "Đ5đ",
		"Điều 110đ của Nghị định này":                   "",
		"Điều 110đa. Quy định":                          "",
		"Điều 110 đ. Quy định":                          "",
	} {
		id, _, ok := articleHeading(in)
		if id != want || ok != (want != "") {
			t.Errorf("articleHeading(%q) = %q, %v; want %q", in, id, ok, want)
		}
	}
	if n, title, ok := ArticleHeading("Điều 110đ. Dự trữ"); n != "110đ" || title != "Dự trữ" || !ok {
		t.Errorf("ArticleHeading = %q %q %v, want 110đ", n, title, ok)
	}
}

// TestArticleNumberOfID: the number of an article's section ID, with or
// without an inserted article's letter or a repeat mark.
func TestArticleNumberOfID(t *testing.T) {
	for id, want := range map[string]int{"Đ3": 3, "Đ3~2": 3, "Đ63a": 63, "Đ110đ": 110, "Đ28b~2": 28,
		"Đ": -1, "Đ12ab": -1, "II": -1, "ĐA": -1, "PLI.Đ3": -1} {
		n, ok := articleNumber(id)
		if ok != (want >= 0) || ok && n != want {
			t.Errorf("articleNumber(%q) = %d, %v; want %d", id, n, ok, want)
		}
	}
}

// TestOutlineQuoteInInsertedArticle: a quote in straight marks never
// closed, in an article numbered with a letter ("Điều 2a.", written on the
// shape of NĐ 155/2026's "Điều 12. Bổ sung Mục 2a …"), ends at the amending
// text's next article as in any article: before, an inserted article was
// no article to inArticle, so the straight quote opened nothing and the
// quoted "Điều 10." became an article of the amending text.
func TestOutlineQuoteInInsertedArticle(t *testing.T) {
	body := strings.Join([]string{
		"Điều 2a. Sửa đổi, bổ sung Điều 10 như sau:",
		`"Điều 10. Hồ sơ đề nghị`,
		"1. Đơn đề nghị theo mẫu.",
		"2. Bản sao giấy tờ tùy thân.",
		"Điều 3. Hiệu lực thi hành",
		"Nghị định này có hiệu lực từ ngày ký.",
	}, "\n")
	o := Parse(body)
	if got := sectionIDs(o); got != "Đ2a,Đ3" {
		t.Errorf("sections %s, want Đ2a,Đ3", got)
	}
	// Đ2a is the article's own item: its text is the quote (articleParagraph).
	want := "Đ2a/1/-\nĐ2a.“Đ10/1/-QH\nĐ2a.“Đ10.1/2/Đ2a.“Đ10Q\nĐ2a.“Đ10.2/2/Đ2a.“Đ10Q\n"
	if got := itemTree(o); got != want {
		t.Errorf("items:\n%s\nwant\n%s", got, want)
	}
}

// TestOutlineWrappedAgencyNames: an agency's name broken before its last
// words ("Sở Giáo dục" / "và Đào tạo", where a narrow agency column or a
// list line breaks it) is one name: the rest goes to the agency, not to
// the task (a table) and not to a line of its own (a list), and the rows
// of merged cells after it inherit the whole name. No real document of
// ../shared breaks a name so (every "Sở/Bộ X" / "và Y" in govdocs, the
// plans and the attachments is prose, already one sentence): the names are
// real, the breaks are written where a narrow column would put them, as
// i17-parse3's TestOutlineWrappedCells does. A line that names no more of
// the agency ("và đào tạo nghề …", in lower case) is still the task's.
func TestOutlineWrappedAgencyNames(t *testing.T) {
	checkOutlines(t, []outlineCase{
		{"a task table's agency column",
			"II. NHIỆM VỤ\n" +
				"STT | Cơ quan chủ trì | Nội dung nhiệm vụ | Thời gian hoàn thành\n" +
				"1 | Sở Giáo dục | Tổ chức tập huấn cho giáo viên các trường học | Quý II/2026\n" +
				"và Đào tạo\n" +
				"2 | Sở Khoa học | Xây dựng cơ sở dữ liệu ngành | Năm 2026\n" +
				"và Công nghệ\n" +
				"Số hóa hồ sơ khoa học | Năm 2027\n" +
				"3 | Sở Nông nghiệp | Mở lớp dạy nghề cho lao động nông thôn | Năm 2026\n" +
				"và đào tạo nghề cho thanh niên",
			"II.r1/1/tasks:Tổ chức tập huấn cho giáo viên các trường học[Sở Giáo dục và Đào tạo;Quý II/2026]\n" +
				"II.r2/1/tasks:Xây dựng cơ sở dữ liệu ngành[Sở Khoa học và Công nghệ;Năm 2026]\n" +
				"II.r3/1/tasks:Số hóa hồ sơ khoa học[Sở Khoa học và Công nghệ;Năm 2027]\n" +
				"II.r4/1/tasks:Mở lớp dạy nghề cho lao động nông thôn và đào tạo nghề cho thanh niên[Sở Nông nghiệp;Năm 2026]\n"},
		{"a list of agencies",
			"III. TỔ CHỨC THỰC HIỆN\n" +
				"1. Giao các cơ quan triển khai:\n" +
				"- Sở Giáo dục\n" +
				"và Đào tạo: chủ trì tổ chức tập huấn cho giáo viên;\n" +
				"- Sở Y tế: hướng dẫn các cơ sở khám bệnh.\n" +
				"2. Sở Văn hóa, Thể thao\n" +
				"và Du lịch\n" +
				"a) Tổ chức các hoạt động tuyên truyền.",
			"III.1/1H/organisation:Giao các cơ quan triển khai:\n" +
				"III.1.•1/2/organisation:Sở Giáo dục và Đào tạo: chủ trì tổ chức tập huấn cho giáo viên;[Sở Giáo dục và Đào tạo;]\n" +
				"III.1.•2/2/organisation:Sở Y tế: hướng dẫn các cơ sở khám bệnh.[Sở Y tế;]\n" +
				"III.2/1H/organisation:Sở Văn hóa, Thể thao và Du lịch\n" +
				"III.2.a/2/organisation:Tổ chức các hoạt động tuyên truyền.[Sở Văn hóa, Thể thao và Du lịch;]\n"},
	})
}

// TestPartHeadingInserted: a section an amending text inserts, "Mục 2a"
// (NĐ 155/2026/NĐ-CP: "Bổ sung Mục 2a vào sau Mục 2 Chương IV"), is a part
// heading as "Điều 63a." is an article's: "M2a". A letter after a
// chapter's or a part's number, or two letters, make none.
func TestPartHeadingInserted(t *testing.T) {
	for in, want := range map[string]string{
		"Mục 2a": "M2a",
		"MỤC 2A. TẠM ĐÌNH CHỈ, ĐÌNH CHỈ GIẢI QUYẾT KHIẾU NẠI": "M2a",
		"Mục 3đ":    "M3đ",
		"Mục 2":     "M2",
		"Mục 2ab":   "",
		"Mục 1234a": "",
		"Mục 2a của Chương này quy định": "",
		"Chương 2a": "",
	} {
		id, _, ok := partHeading(in)
		if id != want || ok != (want != "") {
			t.Errorf("partHeading(%q) = %q, %v; want %q", in, id, ok, want)
		}
	}
}

// TestOutlineQuotedInsertedSection: a quote that inserts a section ("“Mục
// 2a", its title on the next line, then its articles, NĐ 155/2026/NĐ-CP's
// headings) opens with a part: each of its articles is a quoted item
// (quotedArticles). Before, "Mục 2a" was no heading, so the quote did not
// open with one and its articles were none.
func TestOutlineQuotedInsertedSection(t *testing.T) {
	body := strings.Join([]string{
		"Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 124/2020/NĐ-CP",
		"12. Bổ sung Mục 2a vào sau Mục 2 Chương IV như sau:",
		"“Mục 2a",
		"TẠM ĐÌNH CHỈ, ĐÌNH CHỈ GIẢI QUYẾT KHIẾU NẠI",
		"Điều 28a. Sự kiện bất khả kháng và trở ngại khách quan trong giải quyết khiếu nại",
		"1. Thiên tai, dịch bệnh là sự kiện bất khả kháng.",
		"Điều 28b. Ban hành, gửi quyết định tạm đình chỉ, quyết định đình chỉ giải quyết khiếu nại",
		"1. Quyết định được gửi cho người khiếu nại.”.",
	}, "\n")
	want := "Đ1.12/1/-\n" +
		"Đ1.12.“Đ28a/1/-QH\nĐ1.12.“Đ28a.1/2/Đ1.12.“Đ28aQ\n" +
		"Đ1.12.“Đ28b/1/-QH\nĐ1.12.“Đ28b.1/2/Đ1.12.“Đ28bQ\n"
	if got := itemTree(Parse(body)); got != want {
		t.Errorf("items:\n%s\nwant\n%s", got, want)
	}
	// In a text that holds the section itself (a consolidated text), it is
	// a section over its articles.
	o := Parse(strings.Join(strings.Split(strings.TrimSuffix(body, "”."), "\n")[2:], "\n")[len("“"):])
	if got := sectionIDs(o); got != "M2a,Đ28a,Đ28b" {
		t.Errorf("sections %s, want M2a,Đ28a,Đ28b", got)
	}
}
