package outline

import (
	"strings"
	"testing"
)

// Outline classes of i18-clause (docs/design.md): a paragraph after a
// clause of a legal text, and a quote an amending heading announces
// without "như sau:". The headings are short structural quotes of the
// documents named; the clause texts are written for the tests.

// TestOutlineClauseParagraphs: in an article of a legal text, an
// unnumbered paragraph after clause N, up to clause N+1, is clause N's
// (NĐ 30/2020/NĐ-CP's layout: a clause may hold several paragraphs; the
// shape of 161/2026/NĐ-CP's "Điều 3. Mức lương cơ sở", two paragraphs
// after "3." and before "4.", read as Đ3.¶1, Đ3.¶2 before). The paragraph
// after a plan's or a letter's numbered list, outside any article, stays
// its section's ("Các sở, ngành … báo cáo …" closes the section, not item
// 5); and the request to report difficulties that closes an article
// ("Trong quá trình thực hiện, nếu có vướng mắc …") is the article's.
func TestOutlineClauseParagraphs(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		{"a decree's article",
			strings.Join([]string{
				"Điều 3. Mức lương cơ sở",
				"1. Mức lương cơ sở dùng làm căn cứ:",
				"a) Tính mức lương trong các bảng lương;",
				"b) Tính mức hoạt động phí.",
				"2. Mức lương cơ sở được điều chỉnh theo lộ trình cải cách tiền lương.",
				"3. Các cơ quan có cơ chế tài chính đặc thù tiếp tục áp dụng cơ chế đó đến hết năm 2026.",
				"Cơ quan đang bảo lưu phần chênh lệch thu nhập thì tính lại phần chênh lệch theo mức lương mới.",
				"Trường hợp phần chênh lệch tính lại thấp hơn mức đang hưởng thì giữ mức đang hưởng.",
				"4. Chính phủ trình Quốc hội điều chỉnh mức lương cơ sở phù hợp khả năng ngân sách.",
				"Điều 4. Tổ chức thực hiện",
				"1. Bộ Nội vụ hướng dẫn thực hiện Nghị định này.",
				"2. Các bộ, ngành bố trí kinh phí thực hiện trong dự toán được giao.",
				"Kinh phí tăng thêm do ngân sách trung ương bảo đảm theo phân cấp.",
				"Trong quá trình thực hiện, nếu có vướng mắc, các cơ quan phản ánh về Bộ Nội vụ để được hướng dẫn.",
			}, "\n"),
			"Đ3.1/1/-H\nĐ3.1.a/2/Đ3.1\nĐ3.1.b/2/Đ3.1\nĐ3.2/1/-\n" +
				"Đ3.3/1/-\nĐ3.3.¶1/2/Đ3.3\nĐ3.3.¶2/2/Đ3.3\nĐ3.4/1/-\n" +
				"Đ4.1/1/-\nĐ4.2/1/-\nĐ4.2.¶1/2/Đ4.2\nĐ4.¶1/1/-\n"},
		{"the last clause of an article, then the next article",
			"Điều 7. Con dấu\n1. Ban Tiếp công dân có con dấu riêng.\n" +
				"Bộ trưởng Bộ Công an quy định mẫu dấu.\nĐiều 8. Kinh phí\n1. Kinh phí do ngân sách bảo đảm.",
			"Đ7.1/1/-\nĐ7.1.¶1/2/Đ7.1\nĐ8.1/1/-\n"},
		{"a clause broken over two lines is no heading for its paragraph",
			"Điều 10. Kinh phí\n4. Kinh phí để tổ chức xây dựng, sửa đổi, bổ sung bảng giá đất và bảng hệ số điều chỉnh giá đất của\n" +
				"các địa phương do ngân sách địa phương bảo đảm.\n" +
				"Trường hợp ngân sách địa phương không cân đối được thì ngân sách trung ương hỗ trợ.\n5. Kinh phí khác.",
			"Đ10.4/1/-\nĐ10.4.¶1/2/Đ10.4\nĐ10.5/1/-\n"},
		{"an article of a regulation in an appendix",
			"PHỤ LỤC\nQUY CHẾ PHỐI HỢP\nĐiều 2. Nguyên tắc phối hợp\n" +
				"1. Việc phối hợp bảo đảm kịp thời, hiệu quả.\nCơ quan chủ trì chịu trách nhiệm về kết quả phối hợp.\n" +
				"2. Thông tin trao đổi bằng văn bản điện tử.",
			"PL.Đ2.1/1/-\nPL.Đ2.1.¶1/2/PL.Đ2.1\nPL.Đ2.2/1/-\n"},
		{"a plan's section",
			"II. NHIỆM VỤ VÀ GIẢI PHÁP\n" +
				"1. Sở Tài chính tham mưu bố trí kinh phí thực hiện Kế hoạch.\n" +
				"2. Sở Nội vụ theo dõi việc thực hiện chế độ tiền lương.\n" +
				"Các sở, ngành, địa phương báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 15 tháng 12 hằng năm.\n" +
				"III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ tổng hợp kết quả.",
			"II.1/1/-\nII.2/1/-\nII.¶1/1/-\nIII.1/1/-\n"},
		{"a telegram without sections",
			"CÔNG ĐIỆN\nThủ tướng Chính phủ yêu cầu:\n" +
				"1. Bộ Nông nghiệp và Môi trường theo dõi chặt chẽ diễn biến mưa lũ.\n" +
				"2. Ủy ban nhân dân các tỉnh sẵn sàng sơ tán dân khỏi vùng nguy hiểm.\n" +
				"Văn phòng Chính phủ theo dõi, đôn đốc việc thực hiện Công điện này.",
			"1/1/-\n2/1/-\n¶1/1/-\n"},
	} {
		if got := itemTree(Parse(c.body)); got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}

// TestOutlineQuotedClauseParagraphs: the paragraph after a clause of a
// quoted provision is that clause's too (65/2026/TT-BTC's quoted "Điều 4.
// Mức chi": the second paragraph of its khoản 1 read as Đ1.“Đ4.¶1 before),
// in a quoted article and in a quote that opens with a clause.
func TestOutlineQuotedClauseParagraphs(t *testing.T) {
	body := strings.Join([]string{
		"Điều 1. Sửa đổi, bổ sung Điều 4 Thông tư số 12/2020/TT-BTC",
		"Sửa đổi, bổ sung Điều 4 Thông tư số 12/2020/TT-BTC như sau:",
		`"Điều 4. Mức chi`,
		"1. Người trực tiếp tiếp công dân thường xuyên được bồi dưỡng 100.000 đồng/ngày.",
		"Người được giao xử lý đơn thư tại trụ sở tiếp công dân được bồi dưỡng như khoản này.",
		`2. Người phối hợp tiếp công dân được bồi dưỡng 80.000 đồng/ngày.".`,
		"Điều 2. Sửa đổi, bổ sung một số khoản của Điều 6",
		"1. Sửa đổi khoản 3 Điều 6 như sau:",
		"“3. Hồ sơ thanh toán gồm bảng chấm công và danh sách người được bồi dưỡng.",
		"Bảng chấm công do thủ trưởng đơn vị ký xác nhận.",
		"4. Chứng từ chi được lưu tại đơn vị.”.",
		"2. Bãi bỏ khoản 5 Điều 6.",
	}, "\n")
	want := "Đ1/1/-\nĐ1.“Đ4/1/-QH\nĐ1.“Đ4.1/2/Đ1.“Đ4Q\nĐ1.“Đ4.1.¶1/3/Đ1.“Đ4.1Q\nĐ1.“Đ4.2/2/Đ1.“Đ4Q\n" +
		"Đ2.1/1/-\nĐ2.1.“3/1/-Q\nĐ2.1.“3.¶1/2/Đ2.1.“3Q\nĐ2.1.“4/1/-Q\nĐ2.2/1/-\n"
	if got := itemTree(Parse(body)); got != want {
		t.Errorf("items:\n%s\nwant\n%s", got, want)
	}
}
