package outline

import (
	"strings"
	"testing"
)

// Outline classes of i18-clause (docs/log/i18-clause.md): a paragraph after a
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

// TestOutlineQuoteWithoutNhuSau: a quote an amending heading or item
// announces without "như sau:" (NĐ 155/2026/NĐ-CP: "Điều 13. Bổ sung
// Điều 30a vào sau Điều 30" then a line opening `"Điều 30a.`; "1. Sửa
// đổi, bổ sung khoản 1" then `"1. …`; "3. Sửa đổi, bổ sung khoản 5:" with
// a colon, NĐ 228/2026) opens as one announced with it: the quoted
// articles and clauses are the amended text's, Quoted items of the
// announcing article or item, not the amending text's own. Before, no
// quote opened: the quoted clauses were the amending articles' own
// ("Đ2.1"), and the articles of an inserted "Mục 2a" articles of the
// amending decree ("Đ28a").
func TestOutlineQuoteWithoutNhuSau(t *testing.T) {
	body := strings.Join([]string{
		"Điều 1. Sửa đổi, bổ sung Điều 5",
		`"Điều 5. Hồ sơ đề nghị`,
		"1. Đơn đề nghị theo mẫu.",
		`2. Bản sao giấy tờ tùy thân.".`,
		"Điều 2. Bổ sung Điều 9a vào sau Điều 9",
		"“Điều 9a. Tiếp nhận hồ sơ trực tuyến",
		"1. Hồ sơ nộp trực tuyến được tiếp nhận qua Cổng Dịch vụ công quốc gia.",
		"2. Cơ quan tiếp nhận gửi thông báo cho người nộp trong ngày làm việc.”.",
		"Điều 3. Sửa đổi khoản 2 Điều 11",
		`"2. Thời hạn giải quyết là 10 ngày làm việc kể từ ngày nhận đủ hồ sơ.`,
		`Trường hợp phải xác minh thì thời hạn được kéo dài thêm 05 ngày làm việc.".`,
		"Điều 4. Sửa đổi, bổ sung một số khoản của Điều 12",
		"1. Sửa đổi, bổ sung khoản 1",
		`"1. Người đứng đầu cơ quan tổ chức việc tiếp nhận hồ sơ.`,
		`Việc tiếp nhận được ghi vào sổ theo dõi.".`,
		"2. Bổ sung khoản 4 vào sau khoản 3:",
		"“4. Hồ sơ được lưu trữ theo quy định của pháp luật về lưu trữ.",
		"Thời hạn lưu trữ là 05 năm.”.",
		"Điều 5. Hiệu lực thi hành",
		"Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026.",
	}, "\n")
	o := Parse(body)
	if got, want := sectionIDs(o), "Đ1,Đ2,Đ3,Đ4,Đ5"; got != want {
		t.Errorf("sections %s, want %s", got, want)
	}
	want := "Đ1/1/-\nĐ1.“Đ5/1/-QH\nĐ1.“Đ5.1/2/Đ1.“Đ5Q\nĐ1.“Đ5.2/2/Đ1.“Đ5Q\n" +
		"Đ2/1/-\nĐ2.“Đ9a/1/-QH\nĐ2.“Đ9a.1/2/Đ2.“Đ9aQ\nĐ2.“Đ9a.2/2/Đ2.“Đ9aQ\n" +
		"Đ3/1/-\nĐ3.“2/1/-Q\nĐ3.“2.¶1/2/Đ3.“2Q\n" +
		"Đ4.1/1/-\nĐ4.1.“1/1/-Q\nĐ4.1.“1.¶1/2/Đ4.1.“1Q\n" +
		"Đ4.2/1/-\nĐ4.2.“4/1/-Q\nĐ4.2.“4.¶1/2/Đ4.2.“4Q\n"
	if got := itemTree(o); got != want {
		t.Errorf("items:\n%s\nwant\n%s", got, want)
	}
	// An inserted part: its articles are quoted items, not the decree's.
	part := strings.Join([]string{
		"Điều 12. Bổ sung Mục 2a vào sau Mục 2 Chương IV",
		`"Mục 2a`,
		"TẠM ĐÌNH CHỈ GIẢI QUYẾT HỒ SƠ",
		"Điều 28a. Căn cứ tạm đình chỉ",
		"1. Người nộp hồ sơ đề nghị tạm đình chỉ bằng văn bản.",
		"Điều 28b. Tiếp tục giải quyết",
		`1. Khi căn cứ tạm đình chỉ không còn, cơ quan tiếp tục giải quyết hồ sơ.".`,
		"Điều 13. Hiệu lực thi hành",
		"Nghị định này có hiệu lực thi hành từ ngày ký.",
	}, "\n")
	op := Parse(part)
	if got, want := sectionIDs(op), "Đ12,Đ13"; got != want {
		t.Errorf("inserted part: sections %s, want %s", got, want)
	}
	wantPart := "Đ12/1/-\nĐ12.“Đ28a/1/-QH\nĐ12.“Đ28a.1/2/Đ12.“Đ28aQ\nĐ12.“Đ28b/1/-QH\nĐ12.“Đ28b.1/2/Đ12.“Đ28bQ\n"
	if got := itemTree(op); got != wantPart {
		t.Errorf("inserted part:\n%s\nwant\n%s", got, wantPart)
	}
	// The announcing article's passage holds its quote, as after "như sau:".
	for _, p := range o.Passages() {
		if p.ID == "Đ2" && !strings.Contains(p.Text, "Điều 9a. Tiếp nhận hồ sơ trực tuyến") {
			t.Errorf("passage Đ2 without its quote: %q", p.Text)
		}
	}
}

// TestAnnouncesAmendment: the announcement of an amendment without "như
// sau:", an article's title or a clause's line (its label read off): an
// amending verb first, then the provision it amends. A sentence that
// amends nothing named, or says more after it, announces none.
func TestAnnouncesAmendment(t *testing.T) {
	for line, want := range map[string]bool{
		"Bổ sung Điều 30a vào sau Điều 30":                                 true,
		"Sửa đổi, bổ sung Điều 8":                                          true,
		"1. Sửa đổi, bổ sung khoản 1":                                      true,
		"b) Sửa đổi điểm d khoản 2":                                        true,
		"3. Sửa đổi, bổ sung khoản 5:":                                     true,
		"Sửa đổi, bổ sung Điều 60 như sau;":                                true,
		"Sửa đổi khoản 2 Điều 11 như sau":                                  true,
		"Bổ sung Mục 2a vào sau Mục 2 Chương IV":                           true,
		"Thay thế Phụ lục II ban hành kèm theo Nghị định số 15/2020/NĐ-CP": true,
		"Sửa đối, bỗ sung một số điểm, khoản của Điều 33":                  true,
		"SỬA ĐỔI, BỔ SUNG ĐIỀU 12":                                         true,
		"Bổ sung nhiệm vụ tuyên truyền":                                    false,
		"2. Bổ sung mục tiêu về chuyển đổi số":                             false,
		"Sửa đổi, bổ sung Điều 8.":                                         false,
		"Bãi bỏ Điều 9":                                                    false,
		"Cơ quan có thẩm quyền sửa đổi, bổ sung Điều 8":                    false,
		"a) Cơ sở đáp ứng các yêu cầu quy định tại Điều 4 và Điều 5":       false,
		"Sửa đổi": false,
	} {
		if got := announcesAmendment(line); got != want {
			t.Errorf("announcesAmendment(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestOutlineQuotedAmendmentOfAmendment: a quote of an amending text's
// clause that announces an article (TT 15/2026/TT-BCT amends a circular
// that inserted "Điều 28a": its quote opens “3a. Bổ sung Điều 28a vào sau
// Điều 28 … như sau:` and the article follows without a mark of its own)
// puts that article in force: it is a quoted item heading its clauses, as
// in a quote that opens with the article.
func TestOutlineQuotedAmendmentOfAmendment(t *testing.T) {
	body := strings.Join([]string{
		"Điều 2. Bổ sung khoản 3a vào sau khoản 3 Điều 4 Thông tư số 38/2025/TT-BCT",
		"“3a. Bổ sung Điều 28a vào sau Điều 28 Thông tư số 40/2018/TT-BCT như sau:",
		"Điều 28a. Trình tự chấp thuận tài liệu an toàn",
		"1. Tổ chức gửi hồ sơ đề nghị chấp thuận đến Sở Công Thương.",
		"2. Sở Công Thương thẩm định trong thời hạn 20 ngày.”.",
		"Điều 3. Hiệu lực thi hành",
		"Thông tư này có hiệu lực thi hành từ ngày ký.",
	}, "\n")
	want := "Đ2/1/-\nĐ2.“Đ28a/1/-QH\nĐ2.“Đ28a.1/2/Đ2.“Đ28aQ\nĐ2.“Đ28a.2/2/Đ2.“Đ28aQ\n"
	if got := itemTree(Parse(body)); got != want {
		t.Errorf("items:\n%s\nwant\n%s", got, want)
	}
}
