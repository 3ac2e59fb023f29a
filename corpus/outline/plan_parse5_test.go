package outline

import (
	"strings"
	"testing"
)

// i19-parse5 (docs/log/i19-parse5.md): the lines are written for the tests, in
// the shapes of the decrees and circulars named (headings and lead-ins
// are short structural quotes).

// TestOutlineClauseBullets: in an article of a legal text, dashes, pluses
// and "(1)" items after a clause's lead-in paragraph (its text ending
// with a colon) are the clause's items (Đ8.2.•3), as its lettered points
// are (i18-points), the paragraph still leading in to them. A paragraph
// that announces no list keeps the bullets after it (a hard wrap's "-" at
// a line's start, OCR's stray dash); the article's own paragraph before
// clause 1 keeps its list; outside an article nothing moves.
func TestOutlineClauseBullets(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		{"dashes after a formula's lead-in (the shape of NĐ 20/2026's Điều 8)",
			strings.Join([]string{
				"Điều 8. Miễn, giảm thuế thu nhập cá nhân",
				"2. Chuyên gia có thu nhập từ tiền lương được ưu đãi như sau:",
				"- Miễn thuế trong 02 năm;",
				"- Giảm 50% số thuế phải nộp trong 04 năm tiếp theo.",
				"Thời gian miễn, giảm thuế tính liên tục.",
				"Công thức tính thuế được miễn, giảm:",
				"- Số thuế được miễn = Số thuế tính trên tổng thu nhập × tỷ lệ thu nhập được miễn;",
				"- Số thuế được giảm = 50% × Số thuế tính trên tổng thu nhập × tỷ lệ thu nhập được giảm.",
				"3. Thu nhập khác không được miễn.",
			}, "\n"),
			"Đ8.2/1/-H\nĐ8.2.•1/2/Đ8.2\nĐ8.2.•2/2/Đ8.2\nĐ8.2.¶1/2/Đ8.2\nĐ8.2.¶2/2/Đ8.2H\nĐ8.2.•3/2/Đ8.2\nĐ8.2.•4/2/Đ8.2\nĐ8.3/1/-\n"},
		{"a clause's title, a lead-in, then dashes and a plus (the shape of NQ 27/2026/QH16's Điều 3)",
			strings.Join([]string{
				"Điều 3. Phân bổ vốn",
				"2. Dự án quan trọng quốc gia",
				"Bố trí 1.000 tỷ đồng vốn ngân sách trung ương để thực hiện các dự án sau, bao gồm:",
				"- Xây dựng đường bộ cao tốc tuyến A;",
				"+ Đoạn qua tỉnh B;",
				"- Xây dựng đường vành đai C.",
			}, "\n"),
			"Đ3.2/1/-H\nĐ3.2.¶1/2/Đ3.2H\nĐ3.2.•1/2/Đ3.2\nĐ3.2.•1.•1/3/Đ3.2.•1\nĐ3.2.•2/2/Đ3.2\n"},
		{"(1) items after a lead-in; a second list the clause has its (1) for stays",
			strings.Join([]string{
				"Điều 5. Hồ sơ",
				"1. Hồ sơ đề nghị cấp giấy phép.",
				"Hồ sơ gồm các giấy tờ sau:",
				"(1) Đơn đề nghị;",
				"(2) Bản sao giấy tờ tùy thân.",
				"Trường hợp nộp qua mạng, hồ sơ gồm:",
				"(1) Bản điện tử của đơn.",
			}, "\n"),
			"Đ5.1/1/-\nĐ5.1.¶1/2/Đ5.1H\nĐ5.1.(1)/2/Đ5.1\nĐ5.1.(2)/2/Đ5.1\nĐ5.1.¶2/2/Đ5.1H\nĐ5.1.¶2.(1)/3/Đ5.1.¶2\n"},
		{"a paragraph announcing no list keeps the dash after it",
			strings.Join([]string{
				"Điều 50. Khấu trừ thuế",
				"3. Mức được trừ tối đa là 03 triệu đồng một tháng.",
				"Trường hợp người lao động tham gia cả bảo hiểm hưu trí bổ sung theo Luật",
				"- Bảo hiểm xã hội và bảo hiểm nhân thọ thì mức được trừ áp dụng trên tổng các loại.",
			}, "\n"),
			"Đ50.3/1/-\nĐ50.3.¶1/2/Đ50.3H\nĐ50.3.¶1.•1/3/Đ50.3.¶1\n"},
		{"the article's own lead-in before clause 1 (its text, the list at the top)",
			strings.Join([]string{
				"Điều 2. Đối tượng áp dụng",
				"Nghị định này áp dụng đối với các đối tượng sau:",
				"- Cơ quan nhà nước;",
				"- Đơn vị sự nghiệp công lập.",
			}, "\n"),
			"Đ2.•1/1/-\nĐ2.•2/1/-\n"},
		{"a plan's numbered item, a lead-in, then dashes (outside an article)",
			strings.Join([]string{
				"II. NHIỆM VỤ",
				"1. Sở Tài chính bố trí kinh phí.",
				"Các nội dung cần bảo đảm:",
				"- Đúng định mức;",
				"- Đúng thời hạn.",
			}, "\n"),
			"II.1/1/-\nII.¶1/1/-H\nII.¶1.•1/2/II.¶1\nII.¶1.•2/2/II.¶1\n"},
	} {
		if got := itemTree(Parse(c.body)); got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}

// TestOutlineClauseBulletContext: the lead-in is in the context of every
// bullet it leads in to (ContextParts), the second one too.
func TestOutlineClauseBulletContext(t *testing.T) {
	o := Parse(strings.Join([]string{
		"Điều 3. Phân bổ vốn",
		"2. Dự án quan trọng quốc gia",
		"Bố trí vốn ngân sách trung ương cho các dự án sau:",
		"- Xây dựng đường bộ cao tốc tuyến A;",
		"- Xây dựng đường vành đai C.",
	}, "\n"))
	want := "Bố trí vốn ngân sách trung ương cho các dự án sau: | Dự án quan trọng quốc gia | Phân bổ vốn"
	for _, id := range []string{"Đ3.2.•1", "Đ3.2.•2"} {
		i := slicesIndex(o, id)
		if i < 0 {
			t.Fatalf("no item %s in %s", id, itemTree(o))
		}
		if got := strings.Join(o.ContextParts(i), " | "); got != want {
			t.Errorf("%s: context %q, want %q", id, got, want)
		}
	}
}

// TestOutlineQuotedClausePointContext: a point of a quoted clause after
// the clause's lead-in (an amending decree putting "2. …" / "Các trường
// hợp sau đây được miễn:" / "a) …" in force) keeps its lead-in as context
// once the quote is grafted, and no item of the amending text is made a
// heading by it. The lead-in's index was the quote's own outline's, so the
// context read an item of the amending text and the heading count went to
// it.
func TestOutlineQuotedClausePointContext(t *testing.T) {
	for _, c := range []struct{ name string }{{"a quoted clause"}, {"a quoted article"}} {
		lines := []string{
			"Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 10/2020/NĐ-CP",
			"1. Sửa đổi, bổ sung khoản 2 Điều 6 như sau:",
			"“2. Đối tượng được miễn lệ phí.",
			"Các trường hợp sau đây được miễn:",
			"a) Hộ nghèo theo chuẩn của tỉnh;",
			"b) Người từ đủ 80 tuổi trở lên.”",
			"2. Bãi bỏ khoản 3 Điều 7.",
		}
		lead := "Các trường hợp sau đây được miễn: | Đối tượng được miễn lệ phí."
		ids := []string{"Đ1.1.“2.a", "Đ1.1.“2.b"}
		if c.name == "a quoted article" {
			lines[1] = "1. Sửa đổi, bổ sung Điều 6 như sau:"
			lines = append(lines[:2], append([]string{"“Điều 6. Miễn lệ phí"}, lines[2:]...)...)
			lines[3] = strings.TrimPrefix(lines[3], "“")
			lead += " | Miễn lệ phí"
			ids = []string{"Đ1.1.“Đ6.2.a", "Đ1.1.“Đ6.2.b"}
		}
		o := Parse(strings.Join(lines, "\n"))
		for _, id := range ids {
			i := slicesIndex(o, id)
			if i < 0 {
				t.Fatalf("%s: no item %s in\n%s", c.name, id, itemTree(o))
			}
			if got := strings.Join(o.ContextParts(i), " | "); !strings.HasPrefix(got, lead) {
				t.Errorf("%s: %s context %q, want it to start %q", c.name, id, got, lead)
			}
		}
		for _, it := range o.Items {
			if !it.Quoted && it.Heading {
				t.Errorf("%s: %s of the amending text made a heading:\n%s", c.name, it.ID, itemTree(o))
			}
		}
	}
}

// TestCitesDocument: the title of an article heading written without its
// stop that opens with a document's name cites (or announces the
// amendment of) an article of that document; a title in sentence case is
// a title. The first cases have the shapes of govdocs' wrapped lines (NĐ
// 169/2026, 275/2026, TT 37/2026); the others are written.
func TestCitesDocument(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool // a citation: no heading
	}{
		{"Điều 33 Nghị định này áp dụng hình thức xử phạt bổ sung hoặc biện pháp", true},
		{"Điều 28 Luật Xử lý vi phạm hành chính và điểm a khoản 3 Điều 3 Nghị định này.", true},
		{"Điều 12 Thông tư số 09/2025/TT-BXD ngày 13 tháng 6 năm 2025, khoản 6", true},
		{"Điều 4 Thông tư số 12/2020/TT-BTC được sửa đổi, bổ sung như sau:", true},
		{"Điều 7 Bộ luật Lao động được sửa đổi như sau:", true},
		{"ĐIỀU 5 NGHỊ QUYẾT SỐ 10/2025/NQ-HĐND", true},
		{"Điều 3 Luật áp dụng", false},
		{"Điều 3. Nghị định này có hiệu lực thi hành từ ngày ký.", false},
		{"Điều 4. Thông tư số 12/2020/TT-BTC được sửa đổi, bổ sung như sau:", false},
		{"Điều 5 Phạm vi điều chỉnh", false},
		{"Điều 6 Quyết định", false},
	} {
		_, _, ok := articleHeading(c.line)
		if ok == c.want {
			t.Errorf("articleHeading(%q) = %v, want %v", c.line, ok, !c.want)
		}
	}
}

// TestOutlineArticleAnnouncement: "Điều 4 Thông tư số … được sửa đổi, bổ
// sung như sau:" inside an amending article opens the quote after it, of
// which it is the announcement, as any line ending "như sau:"; it opened
// an article Đ4 of the amending text, whose quoted clauses became that
// article's. A wrapped reference "Điều 33 Nghị định này …" goes on with
// its sentence, and the next article keeps its number (not "Đ33~2").
func TestOutlineArticleAnnouncement(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		{"an announcement opening with the article and the document",
			strings.Join([]string{
				"Điều 1. Sửa đổi, bổ sung một số điều của Thông tư số 12/2020/TT-BTC",
				"Điều 4 Thông tư số 12/2020/TT-BTC được sửa đổi, bổ sung như sau:",
				"“Điều 4. Mức thu",
				"1. Mức thu lệ phí là 50.000 đồng một hồ sơ.",
				"2. Miễn lệ phí cho hộ nghèo.”",
				"Điều 2. Hiệu lực thi hành",
				"Thông tư này có hiệu lực từ ngày 01 tháng 7 năm 2026.",
			}, "\n"),
			"Đ1/1/-\nĐ1.“Đ4/1/-QH\nĐ1.“Đ4.1/2/Đ1.“Đ4Q\nĐ1.“Đ4.2/2/Đ1.“Đ4Q\n"},
		{"a reference wrapped before the article it cites",
			strings.Join([]string{
				"Điều 32. Thẩm quyền xử phạt",
				"1. Người có thẩm quyền xử phạt quy định tại các khoản 3, 4 Điều 31, khoản 2, 3, 4",
				"Điều 33 Nghị định này áp dụng hình thức xử phạt bổ sung.",
				"2. Người có thẩm quyền lập biên bản.",
				"Điều 33. Thẩm quyền lập biên bản",
				"1. Công chức đang thi hành công vụ.",
			}, "\n"),
			"Đ32.1/1/-\nĐ32.2/1/-\nĐ33.1/1/-\n"},
	} {
		if got := itemTree(Parse(c.body)); got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}

// TestOutlineBareQuote: an amending text published without quote marks
// (the shapes of NĐ 156/2026/NĐ-CP, NĐ 291/2026/NĐ-CP, NĐ 278/2026/NĐ-CP
// in govdocs): after an announcement ending "như sau", the heading of the
// article or part it names opens a quote, which ends at the amending
// text's next article or its next numbered amendment. The quoted
// article's items are the announcing article's quoted items, not an
// article of the amending text (Đ19a, Đ4~2). A heading the announcement
// does not name, the amending text's next article, and an announcement
// that amends nothing open none.
func TestOutlineBareQuote(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		{"articles inserted and replaced, each after its amending article",
			strings.Join([]string{
				"Điều 4. Bổ sung Điều 19a vào sau Điều 19 như sau",
				"Điều 19a. Ứng dụng công nghệ thông tin trong giải quyết tố cáo",
				"1. Cơ quan có thẩm quyền ứng dụng công nghệ thông tin.",
				"2. Thông tin về quá trình giải quyết được cập nhật kịp thời.",
				"Điều 5. Sửa đổi, bổ sung Điều 4 như sau",
				"Điều 4. Rút tố cáo",
				"1. Người tố cáo có quyền rút một phần hoặc toàn bộ nội dung tố cáo.",
				"Điều 6. Hiệu lực thi hành",
				"1. Nghị định này có hiệu lực từ ngày ký.",
				"2. Các Bộ trưởng chịu trách nhiệm thi hành Nghị định này.",
			}, "\n"),
			"Đ4/1/-\nĐ4.“Đ19a/1/-QH\nĐ4.“Đ19a.1/2/Đ4.“Đ19aQ\nĐ4.“Đ19a.2/2/Đ4.“Đ19aQ\n" +
				"Đ5/1/-\nĐ5.“Đ4/1/-QH\nĐ5.“Đ4.1/2/Đ5.“Đ4Q\nĐ6.1/1/-\nĐ6.2/1/-\n"},
		{"a part and an article announced by a numbered item, up to the next amendment",
			strings.Join([]string{
				"Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 125/2020/NĐ-CP",
				"1.1. Bổ sung Mục 3 và Điều 19a vào sau Mục 2 Chương II như sau:",
				"Mục 3. Xử phạt hành vi cung cấp thông tin",
				"Điều 19a. Xử phạt hành vi cung cấp thông tin không chính xác",
				"1. Phạt tiền từ 10.000.000 đồng đến 30.000.000 đồng.",
				"2. Biện pháp khắc phục hậu quả: buộc cung cấp thông tin.",
				"1.2. Sửa đổi, bổ sung điểm d khoản 3 Điều 5 của Nghị định như sau:",
				"d) Hành vi bị xử phạt theo Điều 19a không bị xử phạt theo Điều 10.",
				"Điều 2. Hiệu lực thi hành",
				"Nghị định này có hiệu lực từ ngày ký.",
			}, "\n"),
			"Đ1.1.1/1/-\nĐ1.1.1.“Đ19a/1/-QH\nĐ1.1.1.“Đ19a.1/2/Đ1.1.1.“Đ19aQ\nĐ1.1.1.“Đ19a.2/2/Đ1.1.1.“Đ19aQ\n" +
				"Đ1.1.2/1/-H\nĐ1.1.2.d/2/Đ1.1.2\n"},
		{"a heading the announcement does not name opens none",
			strings.Join([]string{
				"Điều 6. Bổ sung khoản 3 Điều 10 như sau:",
				"Điều 8. Trách nhiệm thi hành",
				"1. Các bộ tổ chức thực hiện.",
			}, "\n"),
			"Đ8.1/1/-\n"},
		{"the amending text's next article opens none",
			strings.Join([]string{
				"Điều 2. Sửa đổi, bổ sung Điều 3 như sau:",
				"Điều 3. Hiệu lực thi hành",
				"1. Nghị định này có hiệu lực từ ngày ký.",
			}, "\n"),
			"Đ3.1/1/-\n"},
		{"an announcement that amends nothing opens none",
			strings.Join([]string{
				"Điều 2. Quy định về Điều 5 như sau:",
				"Điều 5. Phạm vi",
				"1. Nghị định này quy định phạm vi.",
			}, "\n"),
			"Đ5.1/1/-\n"},
	} {
		if got := itemTree(Parse(c.body)); got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}

// TestOutlineFormulaLegend: in an article, a formula's legend "I: Tổng số
// chu kỳ …;" (a roman letter, a colon, sentence case) and a formula in
// capitals "AS = TCBNE - RTTD" are no sections (the shape of TT
// 29/2026/TT-BCT's Điều 28): the points after them stay the clause's.
// Outside an article "I: MỤC TIÊU" and a title naming a size are still
// headings.
func TestOutlineFormulaLegend(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		{"a legend and a formula inside a clause's points",
			strings.Join([]string{
				"Điều 28. Xác định giá công suất thị trường",
				"3. Giá công suất được xác định như sau:",
				"a) Doanh thu dự kiến được tính theo công thức:",
				"Trong đó:",
				"i: Chu kỳ giao dịch i trong năm N;",
				"I: Tổng số chu kỳ giao dịch trong năm N.",
				"b) Chi phí thiếu hụt năm được xác định theo công thức:",
				"AS = TCBNE - RTTD",
				"c) Giá công suất thị trường được công bố trước ngày 15 tháng 11.",
			}, "\n"),
			"Đ28.3/1/-H\nĐ28.3.a/2/Đ28.3H\nĐ28.3.a.¶1/3/Đ28.3.aH\nĐ28.3.a.¶1.¶1/4/Đ28.3.a.¶1\nĐ28.3.b/2/Đ28.3H\nĐ28.3.b.¶1/3/Đ28.3.b\nĐ28.3.c/2/Đ28.3\n"},
		{"outside an article, headings stay",
			strings.Join([]string{
				"I: MỤC TIÊU",
				"1. Nâng cao chất lượng dịch vụ.",
				"KÍNH BÀN NÉN D = 34 CM",
				"1. Định mức vật liệu.",
			}, "\n"),
			"I.1/1/-\n1/1/-\n"},
	} {
		if got := itemTree(Parse(c.body)); got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}

// TestEquation: a symbol (or symbols) then "=" is a formula; words before
// the sign are a title.
func TestEquation(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"AS = TCBNE - RTTD", true},
		{"KNC, MTC = (1+(KTN -1)/3)", true},
		{"SC_CT =", true},
		{"Q = P × T", true},
		{"KÍNH BÀN NÉN D = 34 CM", false},
		{"TỔNG CỘNG", false},
	} {
		if got := equation(c.line); got != c.want {
			t.Errorf("equation(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}
