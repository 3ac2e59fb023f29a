package corpus

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
