package outline

import (
	"testing"
)

// TestCheckerRomanRanges: a class range written with roman numerals ("IV
// - V", "I-V", "IX - X": classes of soil, of approach surfaces) is a cell
// of a table or a legend, not a heading, and the checker does not count it
// as a heading left as text (i17-parse3). Real lines from ../shared/data
// govdocs: TT 38/2026/TT-BXD ("Cấp đất đá" / "I - III" / "IV - V" / "0,1")
// and NĐ 222/2026/NĐ-CP ("ADG" / "I-V" / "Vùng dưới").
func TestCheckerRomanRanges(t *testing.T) {
	for _, l := range []string{"IV - V", "I-V", "IX - X", "IV- V", "XI -XII", "I - II"} {
		if headingLine(l) {
			t.Errorf("headingLine(%q) = true, a range of classes", l)
		}
	}
	for _, l := range []string{"II- NHIỆM VỤ", "IV - TỔ CHỨC THỰC HIỆN", "V. Kinh phí", "X - Số lần nộp tiền"} {
		if !headingLine(l) {
			t.Errorf("headingLine(%q) = false", l)
		}
	}
	bodies := []string{
		"Điều 5. Định mức đào đất\n1. Đào đất bằng máy đào, theo cấp đất đá:\nCấp đất đá\nI - III\nIV - V\n0,1",
		"Điều 12. Bề mặt tiếp cận\n1. Bảng 2-11. Kích thước của bề mặt tiếp cận thẳng bằng thiết bị\nADG\nI-V\nVùng dưới",
	}
	for _, b := range bodies {
		for _, a := range checkOutline(b) {
			if a.class == anomHeading {
				t.Errorf("%q: heading-as-text %q", b, a.what)
			}
		}
	}
}

// TestOutlineMisreadLetters: OCR reads the letter of a point as another
// it resembles ("đ)" for "d)", "e)" for "c)", "c)" for "e)", "q)" for
// "d)"), so the point did not follow its sibling and the real "đ)" after
// it collided (an ID "§n.…"). A letter that does not follow the open
// point before it, where the letter it is misread for does, is read as
// that letter (i17-parse3). Real lines from ../shared/data govdocs: NĐ
// 252/2026/NĐ-CP (Điều 1) and NĐ 283/2026/NĐ-CP (Điều 4 and Điều 30).
func TestOutlineMisreadLetters(t *testing.T) {
	tests := []outlineCase{
		{"'đ)' after 'c)' is 'd)', the real 'đ)' follows it (real lines, NĐ 252/2026)",
			"Điều 1. Phạm vi điều chỉnh\n1. Quy định chi tiết một số điều, khoản, điểm của Luật Quản lý thuế gồm:\na) Khoản 1 Điều 2 về người nộp thuế; khoản 2 Điều 2 về cơ quan quản\nlý thuế;\n" +
				"b) Điểm c khoản 2 Điều 7 về cung cấp cho cơ quan quản lý thuế nước\nngoài phù hợp với điều ước quốc tế về thuế;\nc) Khoản 4 Điều 9 về Nhà nước bảo đảm các nguồn lực tài chính cho hoạt\nđộng của lực lượng quản lý thuế;\n" +
				"đ) Khoản 5 Điều 11 về sử dụng mã số thuế;\nđ) Khoản 1 Điều 12 về nội dung: trường hợp việc tính thuế, khoản thu\nkhác, thông báo thuế;\ne) Khoản 1 Điều 14 về thời hạn nộp thuế, khoản thu khác, tiền chậm nộp;",
			"Đ1.1/1H/tasks:Quy định chi tiết một số điều, khoản, điểm của Luật Quản lý thuế gồm:\nĐ1.1.a/2/tasks:Khoản 1 Điều 2 về người nộp thuế; khoản 2 Điều 2 về cơ quan quản\nlý thuế;\nĐ1.1.b/2/tasks:Điểm c khoản 2 Điều 7 về cung cấp cho cơ quan quản lý thuế nước\nngoài phù hợp với điều ước quốc tế về thuế;\nĐ1.1.c/2/tasks:Khoản 4 Điều 9 về Nhà nước bảo đảm các nguồn lực tài chính cho hoạt\nđộng của lực lượng quản lý thuế;\nĐ1.1.d/2/tasks:Khoản 5 Điều 11 về sử dụng mã số thuế;\nĐ1.1.đ/2/tasks:Khoản 1 Điều 12 về nội dung: trường hợp việc tính thuế, khoản thu\nkhác, thông báo thuế;\nĐ1.1.e/2/tasks:Khoản 1 Điều 14 về thời hạn nộp thuế, khoản thu khác, tiền chậm nộp;\n"},
		{"'đ)' after 'c)' at the end of a list (real lines, NĐ 283/2026)",
			"Điều 4. Hình thức xử phạt, biện pháp khắc phục hậu quả\n2. Căn cứ tính chất, mức độ của hành vi vi phạm, tổ chức, cá nhân có\nhành vi vi phạm hành chính còn bị áp dụng hình thức xử phạt bổ sung sau đây:\n" +
				"a) Tịch thu tang vật vi phạm hành chính;\nb) Tước quyền sử dụng chứng chỉ hành nghề có thời hạn;\nc) Đình chỉ hoạt động có thời hạn;\nđ) Trục xuất người lao động nước ngoài làm việc tại Việt Nam.\n3. Biện pháp khắc phục hậu quả",
			"Đ4.2/1H/tasks:Căn cứ tính chất, mức độ của hành vi vi phạm, tổ chức, cá nhân có\nhành vi vi phạm hành chính còn bị áp dụng hình thức xử phạt bổ sung sau đây:\nĐ4.2.a/2/tasks:Tịch thu tang vật vi phạm hành chính;\nĐ4.2.b/2/tasks:Tước quyền sử dụng chứng chỉ hành nghề có thời hạn;\nĐ4.2.c/2/tasks:Đình chỉ hoạt động có thời hạn;\nĐ4.2.d/2/tasks:Trục xuất người lao động nước ngoài làm việc tại Việt Nam.\nĐ4.3/1/tasks:Biện pháp khắc phục hậu quả\n"},
		{"'q)' for 'd)', 'c)' for 'e)' (real lines, NĐ 283/2026)",
			"Điều 30. Vi phạm quy định về dịch vụ việc làm\nb) Hành vi sử dụng giấy tờ, tài liệu giả mạo quy định tại điểm b khoản 4\nĐiều 13 của Nghị định này;\n" +
				"c) Hành vi khai thác, chia sẻ, sử dụng trái phép thông tín, dữ liệu trong cơ sở\ndữ liệu về người lao động;\nq) Hành vi lợi dụng hoạt động dịch vụ việc làm xâm phạm đến chủ quyền\nquốc gia, quốc phòng, an ninh;\n" +
				"đ) Hành vi mua bán, trao đổi, chiếm đoạt trái phép thông tin, dữ liệu trong\ncơ sở dữ liệu về người lao động;\nc) Hành vi xâm phạm danh dự, uy tín hoặc nhân phẩm của người lao động\nkhi xử lý kỷ luật lao động;\n" +
				"g) Hành vi lợi dụng hoạt động đưa người lao động Việt Nam đi làm việc\nở nước ngoài để tổ chức xuất cảnh trái phép;",
			"Đ30.b/1/tasks:Hành vi sử dụng giấy tờ, tài liệu giả mạo quy định tại điểm b khoản 4\nĐiều 13 của Nghị định này;\nĐ30.c/1/tasks:Hành vi khai thác, chia sẻ, sử dụng trái phép thông tín, dữ liệu trong cơ sở\ndữ liệu về người lao động;\nĐ30.d/1/tasks:Hành vi lợi dụng hoạt động dịch vụ việc làm xâm phạm đến chủ quyền\nquốc gia, quốc phòng, an ninh;\nĐ30.đ/1/tasks:Hành vi mua bán, trao đổi, chiếm đoạt trái phép thông tin, dữ liệu trong\ncơ sở dữ liệu về người lao động;\nĐ30.e/1/tasks:Hành vi xâm phạm danh dự, uy tín hoặc nhân phẩm của người lao động\nkhi xử lý kỷ luật lao động;\nĐ30.g/1/tasks:Hành vi lợi dụng hoạt động đưa người lao động Việt Nam đi làm việc\nở nước ngoài để tổ chức xuất cảnh trái phép;\n"},
		{"a list skipping a point, or a new list, keeps its letters",
			"1. Các trường hợp:\na) Trường hợp thứ nhất;\nb) Trường hợp thứ hai;\nđ) Trường hợp khác.\n2. Hồ sơ gồm:\nđ) Bản sao giấy phép;\ne) Bản sao hợp đồng.",
			"1/1H/tasks:Các trường hợp:\n1.a/2/tasks:Trường hợp thứ nhất;\n1.b/2/tasks:Trường hợp thứ hai;\n1.đ/2/tasks:Trường hợp khác.\n2/1H/tasks:Hồ sơ gồm:\n2.đ/2/tasks:Bản sao giấy phép;\n2.e/2/tasks:Bản sao hợp đồng.\n"},
	}
	checkOutlines(t, tests)
}

// TestOutlineHeaderRows: a row of a data table, or a cell's wrapped line,
// whose cells happen to name a task and another role ("Cam kết phối hợp
// kiểm tra" a partner, "Nội dung cam kết" a task) was read as a task
// table's header, and the rows after it became tasks or, in the checker,
// task rows lost. A header's labels do not start with a row number or in
// lower case and do not end a clause or a sentence (i17-parse3). Real
// lines from ../shared/data govdocs: NĐ 240/2026/NĐ-CP (criteria table),
// NĐ 273/2026/NĐ-CP (form fields), NĐ 232/2026/NĐ-CP (a wrapped line).
func TestOutlineHeaderRows(t *testing.T) {
	tests := []outlineCase{
		{"a numbered criterion ending a clause is no header (real lines, NĐ 240/2026)",
			"1. Tiêu chí dành cho doanh nghiệp\n3.5 | Cam kết kiểm | Bắt buộc, | Cam kết phối hợp kiểm tra, giám sát, | Nội đung cam kết tại Mẫu số 01 (phần cam kết).| 8\n" +
				"tra, giám sát\nvà hậu kiêm\n3.6 | Cam kết tuân| Bắt buộc, | Cam kết tuân thủ quy chế Hệ sinh | Nội dung cam kết tại Mẫu số 01 (phần cam kết).|\n2. Tiêu chí dành cho hợp tác xã",
			"1/1/tasks:Tiêu chí dành cho doanh nghiệp\n2/1/tasks:Tiêu chí dành cho hợp tác xã\n"},
		{"a form's numbered field is no header (real lines, NĐ 273/2026)",
			"4 Thông tin chung\n2.4 | Tên người mua hàng | Nhập tên người mua hàng miễn thuế.\n2.5 | Số hộ chiếu/giấy thông | Nhập số hộ chiếu/giấy thông hành của người mua\nhành của hành khách | hàng miễn thuế.",
			""},
		{"a cell's wrapped line in lower case is no header (real lines, NĐ 232/2026)",
			"nghiệp vụ; phôi hợp | báo cáo, đề xuất | chủ động; phối hợp tốt\nrà soát, đề xuất cải | tiến công việc chuẩn hóa\nquy trình, hệ thông | thông, công cụ quản lý; quả áp dụng; khả năng",
			""},
		{"a task table's header stays one",
			"II. NHIỆM VỤ\nSTT | Tỉnh kiến nghị | Thông tin đề xuất | Bộ phụ trách tiếp nhận, xử lý\n1 | Lào Cai | Đầu tư tuyến cao tốc Lào Cai - Hà Khẩu | Bộ Xây dựng",
			"II.r1/1/tasks:Đầu tư tuyến cao tốc Lào Cai - Hà Khẩu[Bộ Xây dựng;]\n"},
	}
	checkOutlines(t, tests)
}

// TestOutlineOCRLabels: labels OCR damaged — a speck read as a mark before
// the label ("„2.", "`2,", ". đ)"), the letter of a point lost (") Tịch
// thu…"), the space after the bracket lost ("b)Lực lượng…") — are
// restored when the label follows the open item before it (i17-parse3).
// Real lines from ../shared/data govdocs: NĐ 152/2026/NĐ-CP (Điều 58), NĐ
// 158/2026/NĐ-CP (Điều 22), NĐ 169/2026/NĐ-CP (Điều 30), NĐ 215/2026/NĐ-CP.
func TestOutlineOCRLabels(t *testing.T) {
	tests := []outlineCase{
		{"a speck before a number (real lines, NĐ 152/2026)",
			"Điều 58. Kê biên, xử lý tài sản hình thành trong tương lai\n1. Trường hợp tài sản chưa hình thành hoặc đã hình thành nhưng chưa\nđược cấp giấy chứng nhận thì Chấp hành viên kê biên.\n" +
				"„2. Trường hợp tài sản đã hình thành và người phải thi hành án đã xác lập\nquyền sở hữu, sử dụng đối với tài sản thì Chấp hành viên kê biên.\n3. Người mua được tài sản, người nhận tài sản để trừ vào tiền thi hành án",
			"Đ58.1/1/tasks:Trường hợp tài sản chưa hình thành hoặc đã hình thành nhưng chưa\nđược cấp giấy chứng nhận thì Chấp hành viên kê biên.\nĐ58.2/1/tasks:Trường hợp tài sản đã hình thành và người phải thi hành án đã xác lập\nquyền sở hữu, sử dụng đối với tài sản thì Chấp hành viên kê biên.\nĐ58.3/1/tasks:Người mua được tài sản, người nhận tài sản để trừ vào tiền thi hành án\n"},
		{"a speck before a number read with a comma (real lines, NĐ 158/2026)",
			"Điều 22. Trách nhiệm của cơ quan, tổ chức, cá nhân có liên quan\n1. Thực hiện tương trợ tư pháp về dân sự theo đúng quy định của Luật\nTương trợ tư pháp về dân sự.\n" +
				"`2, Thông báo cho người có nghĩa vụ nộp chi phí thực hiện yêu cầu tương,\ntrợ tư pháp về dân sự về mức và phương thức nộp chi phí.\n3. Cập nhật về tình hình thực hiện yêu cầu tương trợ tư pháp về dân sự của",
			"Đ22.1/1H/tasks:Thực hiện tương trợ tư pháp về dân sự theo đúng quy định của Luật\nĐ22.1.¶1/2/tasks:Tương trợ tư pháp về dân sự.\nĐ22.2/1/tasks:Thông báo cho người có nghĩa vụ nộp chi phí thực hiện yêu cầu tương,\ntrợ tư pháp về dân sự về mức và phương thức nộp chi phí.\nĐ22.3/1/tasks:Cập nhật về tình hình thực hiện yêu cầu tương trợ tư pháp về dân sự của\n"},
		{"a point's letter lost, then 'đ)' for 'd)' (real lines, NĐ 169/2026)",
			"Điều 30. Thẩm quyền xử phạt\n2. Chủ tịch Ủy ban nhân dân cấp tỉnh có quyền:\na) Phạt cảnh cáo;\nb) Phạt tiền đến 100.000.000 đồng đối với cá nhân; phạt tiền đến\n200.000.000 đồng đối với tổ chức;\n" +
				") Tịch thu tang vật vi phạm hành chính;\n. đ) Áp dụng các biện pháp khắc phục hậu quả được quy định tại khoản 5",
			"Đ30.2/1H/tasks:Chủ tịch Ủy ban nhân dân cấp tỉnh có quyền:\nĐ30.2.a/2/tasks:Phạt cảnh cáo;[Chủ tịch Ủy ban nhân dân cấp tỉnh có quyền;]\nĐ30.2.b/2H/tasks:Phạt tiền đến 100.000.000 đồng đối với cá nhân; phạt tiền đến[Chủ tịch Ủy ban nhân dân cấp tỉnh có quyền;]\nĐ30.2.b.¶1/3/tasks:200.000.000 đồng đối với tổ chức;[Chủ tịch Ủy ban nhân dân cấp tỉnh có quyền;]\nĐ30.2.c/2/tasks:Tịch thu tang vật vi phạm hành chính;[Chủ tịch Ủy ban nhân dân cấp tỉnh có quyền;]\nĐ30.2.d/2/tasks:Áp dụng các biện pháp khắc phục hậu quả được quy định tại khoản 5[Chủ tịch Ủy ban nhân dân cấp tỉnh có quyền;]\n"},
		{"the space after a point's bracket lost (real lines, NĐ 215/2026)",
			"Điều 40. Tra nạp nhiên liệu\n3. Khi tra nạp nhiên liệu:\na) Xe tra nạp sau khi tiếp nhận nhiên liệu tại kho phải được niêm phong\ncửa xả, cửa nạp;\nb)Lực lượng kiểm soát an ninh hàng không tại cảng hàng không chịu trách\nnhiệm kiểm tra toàn bộ người đi cùng phương tiện;\nc) Đơn vị tra nạp thực hiện đúng quy trình kiểm tra xe tra nạp và quy trình",
			"Đ40.3/1H/tasks:Khi tra nạp nhiên liệu:\nĐ40.3.a/2/tasks:Xe tra nạp sau khi tiếp nhận nhiên liệu tại kho phải được niêm phong\ncửa xả, cửa nạp;\nĐ40.3.b/2/tasks:Lực lượng kiểm soát an ninh hàng không tại cảng hàng không chịu trách\nnhiệm kiểm tra toàn bộ người đi cùng phương tiện;\nĐ40.3.c/2/tasks:Đơn vị tra nạp thực hiện đúng quy trình kiểm tra xe tra nạp và quy trình\n"},
		{"marks before a label that does not follow stay text",
			"1. Các trường hợp:\n) Xem thêm phụ lục.\n„5. Ghi chú cuối.\na) Trường hợp thứ nhất;\nb)trường hợp thứ hai.",
			"1/1H/tasks:Các trường hợp:\n1.¶1/2/tasks:) Xem thêm phụ lục.\n1.¶2/2/tasks:„5. Ghi chú cuối.\n1.¶2.a/3/tasks:Trường hợp thứ nhất;\nb)trường hợp thứ hai.\n"},
	}
	checkOutlines(t, tests)
}

// TestOutlineWrappedCells: a task table's cells wrapped by PDF text layout
// onto a line of their own (filetext writes a visual line of a table as
// "cell | cell"; its joinCellLines folds into their row by position only
// the wrapped lines whose cells all start in lower case). A cell that
// stops mid-phrase ("Bộ Khoa học và", "Giai đoạn 2026 -") goes on in the
// wrapped line, so the pieces go to the columns the last row left open,
// left to right, each dangling column taking one (i17-parse3): the rest
// of an agency's name went to the task or started the next row, and a
// row "Môi trường | 2030" was read as a row of merged cells and lost.
// ../shared holds no PDF task table; the cells are real (174/CV-BCĐ's
// table, rows 13 and 14; 2530/QĐ-TTg's Phụ lục I, rows 4 and 5, in
// ../shared/data/plans), wrapped where a narrow column would wrap them.
func TestOutlineWrappedCells(t *testing.T) {
	tests := []outlineCase{
		{"the rest of an agency's name on a line of its own (real cells, 174/CV-BCĐ)",
			"PHỤ LỤC\nTT | Tỉnh kiến nghị | Thông tin đề xuất | Bộ phụ trách tiếp nhận, xử lý\n" +
				"13 | Cần Thơ | Đề nghị hướng dẫn cụ thể đối với trường hợp tổ chức đăng ký hoạt động đánh giá sự phù hợp đa ngành, bảo đảm tháo gỡ khó khăn cho địa phương và doanh nghiệp. | Bộ Khoa học và\nCông nghệ\n" +
				"14 | Cần Thơ | Đề nghị nghiên cứu, hướng dẫn để tạo thuận lợi cho người dân và doanh nghiệp trong việc nộp phí, lệ phí trong lĩnh vực Sở hữu trí tuệ | Bộ Khoa học và\nCông nghệ",
			"PL.r1/1/tasks:Đề nghị hướng dẫn cụ thể đối với trường hợp tổ chức đăng ký hoạt động đánh giá sự phù hợp đa ngành, bảo đảm tháo gỡ khó khăn cho địa phương và doanh nghiệp.[Bộ Khoa học và Công nghệ;]\nPL.r2/1/tasks:Đề nghị nghiên cứu, hướng dẫn để tạo thuận lợi cho người dân và doanh nghiệp trong việc nộp phí, lệ phí trong lĩnh vực Sở hữu trí tuệ[Bộ Khoa học và Công nghệ;]\n"},
		{"a wrapped row of an agency's and a deadline's rest (real cells, 2530/QĐ-TTg)",
			"PHỤ LỤC I\nSTT | Cơ quan chủ trì | Cơ quan phối hợp | Thuộc nhóm nhiệm vụ, hành động | Nội dung nhiệm vụ | Chỉ tiêu đạt được | Thời hạn hoàn thành\n" +
				"4 | Bộ Nông nghiệp và | UBND các tỉnh/thành phố | Phát triển không gian xanh quốc gia | Tiếp tục triển khai hiệu quả Đề án “Trồng một tỷ cây xanh” và xây dựng chương trình cho giai đoạn 2026 - 2030. | - Chương trình trồng cây xanh quốc gia giai đoạn 2026 - 2030 được phê duyệt và phân bổ chỉ tiêu. | Giai đoạn 2026 -\nMôi trường | 2030\n" +
				"- Đầu tư mạng lưới, huy động xã hội hóa xây dựng các cơ sở thu gom, tái chế phụ phẩm nông nghiệp. | - Quy hoạch chi tiết mạng lưới được phê duyệt. | Triển khai từ năm 2026 và thực hiện thường xuyên, liên tục",
			"PLI.r1/1/tasks:Tiếp tục triển khai hiệu quả Đề án “Trồng một tỷ cây xanh” và xây dựng chương trình cho giai đoạn 2026 - 2030.[Bộ Nông nghiệp và Môi trường;Giai đoạn 2026 - 2030]\nPLI.r2/1/tasks:Đầu tư mạng lưới, huy động xã hội hóa xây dựng các cơ sở thu gom, tái chế phụ phẩm nông nghiệp.[Bộ Nông nghiệp và Môi trường;Triển khai từ năm 2026 và thực hiện thường xuyên, liên tục]\n"},
		{"a deadline's year on the next line goes to the deadline, not the agency",
			"II. NHIỆM VỤ\nSTT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời hạn\n1 | Rà soát quy hoạch sử dụng đất | Sở Nông nghiệp và | Quý I năm\nMôi trường | 2026\n2 | Số hóa hồ sơ đất đai. | Sở Tư pháp | Năm 2027",
			"II.r1/1/tasks:Rà soát quy hoạch sử dụng đất[Sở Nông nghiệp và Môi trường;Quý I năm 2026]\nII.r2/1/tasks:Số hóa hồ sơ đất đai.[Sở Tư pháp;Năm 2027]\n"},
	}
	checkOutlines(t, tests)
}

// TestCheckerWrappedReferences: a sentence whose reference wraps before
// the part it names ("… theo quy định tại khoản 3" / "Điều 155 Luật Đất
// đai. Riêng…") leaves a heading-shaped line in the text that is no
// heading; the checker does not count it (i17-parse3). Real lines from
// ../shared/data govdocs: NĐ 50/2026/NĐ-CP, TT 89/2026/TT-BTC, NĐ
// 174/2026/NĐ-CP. A heading after a finished sentence is still counted.
func TestCheckerWrappedReferences(t *testing.T) {
	bodies := []string{
		"Điều 13. Tính tiền sử dụng đất\n1. Tiền sử dụng đất được tính như sau:\nTrong đó:\n- Thời điểm tính tiền sử dụng đất được thực hiện theo quy định tại khoản 3\nĐiều 155 Luật Đất đai. Riêng trường hợp giao đất ở tái định cư thì thời điểm xác\nđịnh giá đất và tính tiền sử dụng đất là thời điểm cơ quan, người có thẩm quyền",
		"Điều 17. Khai bổ sung hồ sơ khai thuế\n3. Hồ sơ khai bổ sung hồ sơ khai thuế thực hiện theo quy định tại điểm 1\nPhụ lục I ban hành kèm theo Thông tư này. Riêng đối với hộ kinh doanh, cá nhân\nkinh doanh đã khai thuế theo quy định tại Thông tư số 18/2026/TT-BTC của Bộ",
		"Điều 60. Thẩm quyền xử phạt\n2. Các chức danh có thẩm quyền xử phạt vi phạm hành chính của Ban Cơ\nyếu Chính phủ có thẩm quyền xử phạt vi phạm hành chính, áp dụng các biện\npháp khắc phục hậu quả đối với hành vi vi phạm hành chính quy định tại mục 3\nChương VI Nghị định này trong phạm vi nhiệm vụ, công vụ được giao theo",
	}
	for _, b := range bodies {
		for _, a := range checkOutline(b) {
			if a.class == anomHeading {
				t.Errorf("%q: heading-as-text %q", b, a.what)
			}
		}
	}
	n := 0
	for _, a := range checkOutline("1. Sửa đổi khoản 2 như sau:\n“2. Hồ sơ gồm đơn đề nghị.\nĐiều 5. Trách nhiệm thi hành\nb) Bản sao.”.") {
		if a.class == anomHeading {
			n++
		}
	}
	if n != 1 {
		t.Errorf("an article heading after a finished sentence: %d heading-as-text, want 1", n)
	}
}

// TestOutlineWrappedReferences: a hard-wrapped body breaks a reference
// before the article it names, and "Điều 155 Luật Đất đai. Riêng…" on a
// line of its own opened an article Đ155 (the text after it lost to that
// section, the real next article numbered "~2"). After a line breaking
// off mid-reference (on "tại", "theo", "khoản 3", …) such a line goes on
// with the sentence, unless it is the next article's heading with its
// stop (i17-parse3). Real lines from ../shared/data govdocs: NĐ
// 50/2026/NĐ-CP (Điều 13), NĐ 234/2026/NĐ-CP (Điều 8).
func TestOutlineWrappedReferences(t *testing.T) {
	tests := []outlineCase{
		{"a reference to another law's article (real lines, NĐ 50/2026)",
			// "Trong đó:" leads in to the dash, the clause's item (i19-parse5).
			"Điều 13. Tính tiền sử dụng đất\n1. Tiền sử dụng đất được tính như sau:\nTrong đó:\n- Thời điểm tính tiền sử dụng đất được thực hiện theo quy định tại khoản 3\nĐiều 155 Luật Đất đai. Riêng trường hợp giao đất ở tái định cư thì thời điểm xác\nđịnh giá đất và tính tiền sử dụng đất là thời điểm cơ quan, người có thẩm quyền\n2. Nộp tiền sử dụng đất.",
			"Đ13.1/1H/tasks:Tiền sử dụng đất được tính như sau:\nĐ13.1.¶1/2H/tasks:Trong đó:\nĐ13.1.•1/2/tasks:Thời điểm tính tiền sử dụng đất được thực hiện theo quy định tại khoản 3\nĐiều 155 Luật Đất đai. Riêng trường hợp giao đất ở tái định cư thì thời điểm xác\nđịnh giá đất và tính tiền sử dụng đất là thời điểm cơ quan, người có thẩm quyền\nĐ13.2/1/tasks:Nộp tiền sử dụng đất.\n"},
		{"a reference to the next article, without its stop (real lines, NĐ 234/2026)",
			"Điều 8. Áp dụng hình thức kỷ luật khiển trách đối với viên chức\nHình thức kỷ luật khiển trách áp dụng đối với hành vi vi'phạm lần dầu,\ngây hậu quả ít nghiêm trọng, trừ các hành vi vi phạm quy định tại khoản 3\nĐiều 9 Nghị định này, thuộc một trong các trường hợp sau đây:\n" +
				"1. Không tuân thủ quy trình, quy định chuyên môn, nghiệp vụ, đạo đức\nnghề nghiệp và quy tắc ứng xử trong khi thực hiện nhiệm vụ theo vị trí việc\nĐiều 9. Áp dụng hình thức kỷ luật cảnh cáo đối với viên chức\n1. Vi phạm lần đầu.",
			"Đ8.1/1/tasks:Không tuân thủ quy trình, quy định chuyên môn, nghiệp vụ, đạo đức\nnghề nghiệp và quy tắc ứng xử trong khi thực hiện nhiệm vụ theo vị trí việc\nĐ9.1/1/tasks:Vi phạm lần đầu.\n"},
		{"the next article after a sentence left without its stop stays a heading",
			"Điều 13. Thời điểm tính tiền\n1. Thực hiện theo quy định tại khoản 3\nĐiều 14. Hiệu lực thi hành\n1. Nghị định này có hiệu lực từ ngày ký.",
			"Đ13.1/1/tasks:Thực hiện theo quy định tại khoản 3\nĐ14.1/1/tasks:Nghị định này có hiệu lực từ ngày ký.\n"},
	}
	checkOutlines(t, tests)
}
