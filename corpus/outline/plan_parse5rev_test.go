package outline

import (
	"strings"
	"testing"
)

// i19-parse5rev (docs/log/i19-parse5rev.md): probes of i19-parse5's rules on lines
// written for the tests, in the shapes of real decrees and decisions.

// TestOutlineStoplessEffectArticle: an article whose heading lost its stop
// (OCR: "Điều 5 Nghị định này có hiệu lực …") is still the article when
// the line before ends a sentence and its number is the next article's;
// a reference a hard wrap put at a line's start (the line before breaks
// off mid-sentence) stays text, as i19-parse5 made it.
func TestOutlineStoplessEffectArticle(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		{"a decree's effect article without its stop",
			strings.Join([]string{
				"Điều 4. Trách nhiệm hướng dẫn",
				"1. Bộ Tài chính hướng dẫn thi hành.",
				"Điều 5 Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026.",
				"Điều 6 Các Bộ trưởng chịu trách nhiệm thi hành Nghị định này.",
			}, "\n"),
			"Đ4.1/1/-\n§Đ4\n§Đ5\n§Đ6\n"},
		{"a law's effect article without its stop",
			strings.Join([]string{
				"Điều 11. Điều khoản chuyển tiếp",
				"Hồ sơ đã nộp trước ngày Luật này có hiệu lực được giải quyết theo quy định cũ.",
				"Điều 12 Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2027.",
			}, "\n"),
			"Đ11/1/-\n§Đ11\n§Đ12\n"},
		{"a decision's articles without their stops",
			strings.Join([]string{
				"Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Nghị quyết số 12/NQ-CP.",
				"Điều 2 Quyết định này có hiệu lực kể từ ngày ký.",
				"Điều 3 Chánh Văn phòng Ủy ban nhân dân tỉnh chịu trách nhiệm thi hành Quyết định này.",
			}, "\n"),
			"§Đ1\n§Đ2\n§Đ3\n"},
		{"a reference wrapped before the next article's number stays text",
			strings.Join([]string{
				"Điều 14. Thẩm quyền",
				"1. Người có thẩm quyền quy định tại khoản 2",
				"Điều 15 Nghị định này áp dụng hình thức xử phạt bổ sung.",
				"Điều 15. Thủ tục",
				"1. Lập biên bản.",
			}, "\n"),
			"Đ14.1/1/-H\nĐ14.1.¶1/2/Đ14.1\nĐ15.1/1/-\n§Đ14\n§Đ15\n"},
		{"a sentence citing another article after a full stop stays text",
			strings.Join([]string{
				"Điều 14. Thẩm quyền",
				"1. Người có thẩm quyền lập biên bản.",
				"Điều 28 Nghị định này áp dụng cho các trường hợp khác.",
				"Điều 15. Thủ tục",
			}, "\n"),
			"Đ14.1/1/-\nĐ14.1.¶1/2/Đ14.1\n§Đ14\n§Đ15\n"},
	} {
		if got := itemTree(Parse(c.body)) + articleSections(Parse(c.body)); got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}

// articleSections lists the outline's article sections, "§Đ4" a line.
func articleSections(o *Outline) string {
	var b strings.Builder
	for _, s := range o.Sections {
		if strings.HasPrefix(s.ID, "Đ") {
			b.WriteString("§" + s.ID + "\n")
		}
	}
	return b.String()
}

// TestOutlineBareQuoteEnds: a quote published without marks ends where
// the amending text goes on: at an article heading the announcement does
// not name (the amending text's closing articles when its numbering skips
// or OCR damaged the next article's heading) and at a part heading (the
// amending text's "Chương II / ĐIỀU KHOẢN THI HÀNH"), as it does at the
// next article. Articles and parts the announcement names stay quoted.
func TestOutlineBareQuoteEnds(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		{"the closing articles after a numbering gap",
			strings.Join([]string{
				"Điều 1. Sửa đổi, bổ sung Điều 9 như sau",
				"Điều 9. Tiếp nhận tố cáo",
				"1. Cơ quan có thẩm quyền tiếp nhận đơn tố cáo.",
				"Điều 3. Hiệu lực thi hành",
				"1. Nghị định này có hiệu lực từ ngày ký.",
				"Điều 4. Trách nhiệm thi hành",
				"1. Các Bộ trưởng chịu trách nhiệm thi hành Nghị định này.",
			}, "\n"),
			"Đ1/1/-\nĐ1.“Đ9/1/-QH\nĐ1.“Đ9.1/2/Đ1.“Đ9Q\nĐ3.1/1/-\nĐ4.1/1/-\n§Đ1\n§Đ3\n§Đ4\n"},
		{"the amending text's chapter after the quote",
			strings.Join([]string{
				"Điều 2. Sửa đổi, bổ sung Điều 9 như sau:",
				"Điều 9. Tiếp nhận tố cáo",
				"1. Cơ quan có thẩm quyền tiếp nhận đơn tố cáo.",
				"Chương II",
				"ĐIỀU KHOẢN THI HÀNH",
				"Điều 3. Hiệu lực thi hành",
				"1. Nghị định này có hiệu lực từ ngày ký.",
			}, "\n"),
			"Đ2/1/-\nĐ2.“Đ9/1/-QH\nĐ2.“Đ9.1/2/Đ2.“Đ9Q\nĐ3.1/1/-\n§Đ2\n§ChII\n§Đ3\n"},
		{"the amending article's next items: a repeal, an amendment with its verb after the provision",
			strings.Join([]string{
				"Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 31/2019/NĐ-CP",
				"1. Sửa đổi, bổ sung Điều 9 như sau:",
				"Điều 9. Tiếp nhận tố cáo",
				"1. Cơ quan có thẩm quyền tiếp nhận đơn tố cáo.",
				"2. Bãi bỏ khoản 3 Điều 12.",
				"3. Điều 14 được sửa đổi, bổ sung như sau:",
				"Điều 14. Xử lý đơn tố cáo",
				"1. Đơn được xử lý trong 10 ngày.",
				"Điều 2. Hiệu lực thi hành",
				"1. Nghị định này có hiệu lực từ ngày ký.",
			}, "\n"),
			"Đ1.1/1/-\nĐ1.1.“Đ9/1/-QH\nĐ1.1.“Đ9.1/2/Đ1.1.“Đ9Q\nĐ1.2/1/-\nĐ1.3/1/-\nĐ1.3.“Đ14/1/-QH\nĐ1.3.“Đ14.1/2/Đ1.3.“Đ14Q\nĐ2.1/1/-\n§Đ1\n§Đ2\n"},
		{"articles the announcement names stay in the quote",
			strings.Join([]string{
				"Điều 1. Bổ sung Điều 9a và Điều 9b vào sau Điều 9 như sau",
				"Điều 9a. Tiếp nhận tố cáo qua mạng",
				"1. Cơ quan có thẩm quyền tiếp nhận đơn tố cáo qua mạng.",
				"Điều 9b. Xử lý đơn tố cáo qua mạng",
				"1. Đơn được xử lý trong 10 ngày.",
				"Điều 2. Hiệu lực thi hành",
				"1. Nghị định này có hiệu lực từ ngày ký.",
			}, "\n"),
			"Đ1/1/-\nĐ1.“Đ9a/1/-QH\nĐ1.“Đ9a.1/2/Đ1.“Đ9aQ\nĐ1.“Đ9b/1/-QH\nĐ1.“Đ9b.1/2/Đ1.“Đ9bQ\nĐ2.1/1/-\n§Đ1\n§Đ2\n"},
		{"a part and its article, both named",
			strings.Join([]string{
				"Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 125/2020/NĐ-CP",
				"1. Bổ sung Mục 3 và Điều 19a vào sau Mục 2 Chương II như sau:",
				"Mục 3. Xử phạt hành vi cung cấp thông tin",
				"Điều 19a. Xử phạt hành vi cung cấp thông tin không chính xác",
				"1. Phạt tiền từ 10.000.000 đồng đến 30.000.000 đồng.",
				"Điều 2. Hiệu lực thi hành",
				"1. Nghị định này có hiệu lực từ ngày ký.",
			}, "\n"),
			"Đ1.1/1/-\nĐ1.1.“Đ19a/1/-QH\nĐ1.1.“Đ19a.1/2/Đ1.1.“Đ19aQ\nĐ2.1/1/-\n§Đ1\n§Đ2\n"},
	} {
		o := Parse(c.body)
		got := itemTree(o)
		for _, s := range o.Sections {
			if s.ID != "" {
				got += "§" + s.ID + "\n"
			}
		}
		if got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}

// TestOutlinePlanBulletsStay: outside an article (a plan's numbered task
// with a lead-in ending ":"), dashes, pluses and "(1)" items stay the
// paragraph's (i19-parse5's rule is the articles' only).
func TestOutlinePlanBulletsStay(t *testing.T) {
	body := strings.Join([]string{
		"II. NHIỆM VỤ, GIẢI PHÁP",
		"1. Tuyên truyền, phổ biến",
		"Các sở, ngành thực hiện các nội dung sau:",
		"- Tổ chức hội nghị quán triệt;",
		"(1) Biên soạn tài liệu;",
		"2. Hoàn thiện thể chế",
	}, "\n")
	want := "II.1/1/-H\nII.1.¶1/2/II.1H\nII.1.¶1.•1/3/II.1.¶1\nII.1.¶1.•1.(1)/4/II.1.¶1.•1\nII.2/1/-\n"
	if got := itemTree(Parse(body)); got != want {
		t.Errorf("a plan's bullets:\n%s\nwant\n%s", got, want)
	}
}

// TestAnnouncesNext: the amending text's next numbered item inside a quote
// without marks, and the quoted clauses that are none.
func TestAnnouncesNext(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"1.2. Sửa đổi, bổ sung điểm d khoản 3 Điều 5 như sau:", true},
		{"2. Bãi bỏ khoản 3 Điều 12.", true},
		{"3. Bãi bỏ điểm c khoản 2 Điều 7 của Nghị định số 31/2019/NĐ-CP.", true},
		{"3. Điều 14 được sửa đổi, bổ sung như sau:", true},
		{"4. Khoản 2 Điều 6 được bãi bỏ.", true},
		{"2. Khoản 1 Điều này được áp dụng đối với hộ kinh doanh.", false},
		{"2. Bãi bỏ Thông tư số 12/2020/TT-BTC.", false},
		{"2. Người tố cáo có quyền rút tố cáo.", false},
		{"- Bãi bỏ khoản 3 Điều 12.", false},
		{"b) Điều 14 được sửa đổi như sau:", false},
	} {
		if got := announcesNext(c.line); got != c.want {
			t.Errorf("announcesNext(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// TestOutlineRomanColonSection: in an article, a roman heading with a
// colon whose title states no definition (short, no closing punctuation:
// "I: Mục tiêu" in a decision approving a scheme in its Điều 1) is still
// a section; a legend defines a symbol ("I: Tổng số chu kỳ giao dịch
// trong năm N;", TT 29/2026/TT-BCT's shape) and stays in its clause.
func TestOutlineRomanColonSection(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		{"sections of a scheme approved in an article",
			strings.Join([]string{
				"Điều 1. Phê duyệt Đề án phát triển du lịch với những nội dung chủ yếu sau:",
				"I: Mục tiêu",
				"1. Thu hút 5 triệu lượt khách.",
				"II: Nhiệm vụ",
				"1. Tăng cường quảng bá.",
			}, "\n"),
			"I.1/1/-\nII.1/1/-\n§Đ1\n§I\n§II\n"},
		{"a legend, one line or wrapped",
			strings.Join([]string{
				"Điều 28. Xác định giá công suất",
				"1. Doanh thu được tính theo công thức sau:",
				"Trong đó:",
				"I: Tổng số chu kỳ giao dịch của chu kỳ thanh toán trong đó nhà máy điện phải phát tăng",
				"thêm theo lệnh điều độ;",
				"II: Số chu kỳ giao dịch của tháng.",
				"2. Giá công suất được công bố hằng năm.",
			}, "\n"),
			"Đ28.1/1/-H\nĐ28.1.¶1/2/Đ28.1H\nĐ28.1.¶1.¶1/3/Đ28.1.¶1\nĐ28.1.¶1.¶2/3/Đ28.1.¶1\nĐ28.2/1/-\n§Đ28\n"},
	} {
		o := Parse(c.body)
		got := itemTree(o)
		for _, s := range o.Sections {
			if s.ID != "" {
				got += "§" + s.ID + "\n"
			}
		}
		if got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}

// TestDefinesSymbol: a legend's title and a section's.
func TestDefinesSymbol(t *testing.T) {
	for _, c := range []struct {
		title string
		want  bool
	}{
		{"Tổng số chu kỳ giao dịch trong năm N;", true},
		{"Số tổ máy phát điện của nhà máy.", true},
		{"Tổng số chu kỳ giao dịch của chu kỳ thanh toán trong đó nhà máy điện phải phát tăng", true},
		{"Mục tiêu", false},
		{"Nhiệm vụ và giải pháp chủ yếu", false},
	} {
		if got := definesSymbol(c.title); got != c.want {
			t.Errorf("definesSymbol(%q) = %v, want %v", c.title, got, c.want)
		}
	}
}
