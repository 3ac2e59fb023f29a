package outline

import (
	"strings"
	"testing"
)

// TestOutlineStraightQuotes covers quoted amendments typed with straight
// quotes after "… như sau:" (i17-parse2). Real lines, quoted from
// ../shared/data govdocs (NĐ 236/2026, NĐ 243/2026, NĐ 260/2026: an OCR'd
// stray quote), stand beside lines written for the test.
func TestOutlineStraightQuotes(t *testing.T) {
	tests := []outlineCase{
		{"a straight-quoted amendment is the text of the item announcing it (real lines)",
			"Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 151/2024/NĐ-CP\n1. Sửa đổi, bổ sung khoản 1, khoản 2 như sau:\n\"1, Cơ sở dữ liệu về trật tự, an toàn giao thông đường bộ gồm:\na) Cơ sở dữ liệu về đăng ký xe;\nb) Cơ sở dữ liệu về giấy phép lái xe.\"\n2. Bổ sung điểm c vào sau điểm b khoản 1 Điều này như sau:\n\"c) Đơn vị bán lẻ điện tại các mô hình khu, cụm.\";\n3. Bãi bỏ khoản 4 Điều 7.",
			"Đ1.1/1/tasks:Sửa đổi, bổ sung khoản 1, khoản 2 như sau:\n\"1, Cơ sở dữ liệu về trật tự, an toàn giao thông đường bộ gồm:\na) Cơ sở dữ liệu về đăng ký xe;\nb) Cơ sở dữ liệu về giấy phép lái xe.\"\n" +
				"Đ1.1.“a/1/tasks:Cơ sở dữ liệu về đăng ký xe;\nĐ1.1.“b/1/tasks:Cơ sở dữ liệu về giấy phép lái xe.\n" +
				"Đ1.2/1H/tasks:Bổ sung điểm c vào sau điểm b khoản 1 Điều này như sau:\nĐ1.2.¶1/2/tasks:\"c) Đơn vị bán lẻ điện tại các mô hình khu, cụm.\";\nĐ1.3/1/tasks:Bãi bỏ khoản 4 Điều 7.\n"},
		{"a quoted term at the end of a line inside the quote does not close it",
			"Điều 2. Sửa đổi Quy chế\n1. Sửa đổi khoản 3 Điều 2 như sau:\n\"3. Hệ thống thông tin giải quyết thủ tục hành chính cấp tỉnh gọi tắt là \"Hệ thống\".\n4. Hệ thống kết nối với Cổng Dịch vụ công quốc gia.\"\n2. Bãi bỏ Điều 9.",
			"Đ2.1/1/tasks:Sửa đổi khoản 3 Điều 2 như sau:\n\"3. Hệ thống thông tin giải quyết thủ tục hành chính cấp tỉnh gọi tắt là \"Hệ thống\".\n4. Hệ thống kết nối với Cổng Dịch vụ công quốc gia.\"\n" +
				"Đ2.1.“3/1/tasks:Hệ thống thông tin giải quyết thủ tục hành chính cấp tỉnh gọi tắt là \"Hệ thống\".\nĐ2.1.“4/1/tasks:Hệ thống kết nối với Cổng Dịch vụ công quốc gia.\n" +
				"Đ2.2/1/tasks:Bãi bỏ Điều 9.\n"},
		{"a stray quote after a definitions line opens nothing (real lines, OCR)",
			"Điều 3. Giải thích từ ngữ\nTrong Nghị định này, các tử ngữ dưới đây được:hiểu như sau:\n\" 1. Hạ tầng công nghệ là hệ thống các cơ sở vật chất, kỹ thuật và nền tảng.\n2. Khu công nghệ cao là khu kinh tế chức năng.\nĐiều 4. Hỗ trợ đầu tư\n1. Nhà nước hỗ trợ đầu tư hạ tầng.",
			"Đ3.2/1/tasks:Khu công nghệ cao là khu kinh tế chức năng.\nĐ4.1/1/tasks:Nhà nước hỗ trợ đầu tư hạ tầng.\n"},
		{"a quote never closed ends at the amending document's next article",
			"Điều 1. Sửa đổi, bổ sung Thông tư số 23/2013/TT-BKHCN\n1. Sửa đổi khoản 3 Điều 4 như sau:\n\"3. Khối lượng vàng không được nhỏ hơn khối lượng công bố.\nĐiều 2. Hiệu lực thi hành\n1. Thông tư này có hiệu lực từ ngày 01 tháng 7 năm 2026.",
			"Đ1.1/1/tasks:Sửa đổi khoản 3 Điều 4 như sau:\n\"3. Khối lượng vàng không được nhỏ hơn khối lượng công bố.\n" +
				"Đ1.1.“3/1/tasks:Khối lượng vàng không được nhỏ hơn khối lượng công bố.\nĐ2.1/1/tasks:Thông tư này có hiệu lực từ ngày 01 tháng 7 năm 2026.\n"},
		{"a quote never closed ends at Nơi nhận, whatever its marks",
			"Điều 1. Sửa đổi, bổ sung Quy chế\n1. Sửa đổi khoản 2 Điều 4 như sau:\n\"2. Hồ sơ đề nghị gồm:\na) Đơn đề nghị theo mẫu;\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT, NC.",
			"Đ1.1/1/tasks:Sửa đổi khoản 2 Điều 4 như sau:\n\"2. Hồ sơ đề nghị gồm:\na) Đơn đề nghị theo mẫu;\n" +
				"Đ1.1.“2/1H/tasks:Hồ sơ đề nghị gồm:\nĐ1.1.“2.a/2/tasks:Đơn đề nghị theo mẫu;\n"},
		{"an article the quote puts in force stays in it",
			"Điều 1. Sửa đổi Nghị định số 12/2024/NĐ-CP\n1. Sửa đổi Điều 4 như sau:\n\"Điều 4. Thẩm quyền cấp giấy chứng nhận\n1. Sở Y tế cấp giấy chứng nhận.\nĐiều 5. Hồ sơ\nHồ sơ gồm đơn đề nghị.\"\nĐiều 2. Hiệu lực thi hành",
			"Đ1.1/1/tasks:Sửa đổi Điều 4 như sau:\n\"Điều 4. Thẩm quyền cấp giấy chứng nhận\n1. Sở Y tế cấp giấy chứng nhận.\nĐiều 5. Hồ sơ\nHồ sơ gồm đơn đề nghị.\"\n" +
				// i18-parse4: the quoted article heads its clauses (quotedArticles).
				"Đ1.1.“Đ4/1H/tasks:Thẩm quyền cấp giấy chứng nhận\n" +
				"Đ1.1.“Đ4.1/2/tasks:Sở Y tế cấp giấy chứng nhận.\nĐ1.1.“Đ5/1/tasks:Hồ sơ gồm đơn đề nghị.\n"},
	}
	checkOutlines(t, tests)
}

// TestOutlineRomanLists covers points numbered in lower-case roman,
// "i) … v)" and "(i) … (iv)", as siblings under the point announcing
// them; "i)" is the letter after "h)" unless "ii)" follows it, and "v)"
// is roman only after "iv)". Real lines from ../shared/data (NĐ 222/2026
// in govdocs, NĐ 146/2025 in attachments) beside lines written for the
// test.
func TestOutlineRomanLists(t *testing.T) {
	tests := []outlineCase{
		{"i) … v) under a lettered point (real lines)",
			"2. Đánh giá tác động kỹ thuật:\nc) Các loại công trình sau đây nên được thực hiện đánh giá tác động kỹ thuật trong mọi trường hợp:\ni) Nhà siêu cao tầng;\nii) Công trình thi công quy mô lớn có hoạt động thay đổi hiện trạng bề mặt địa hình;\niii) Tháp truyền hình và các loại tháp cao khác;\niv) Các cụm công trình tập trung;\nv) Đường dây tải điện cao thế trên không.\nd) Các công trình khác do cơ quan có thẩm quyền quyết định.",
			"2/1H/tasks:Đánh giá tác động kỹ thuật:\n2.c/2H/tasks:Các loại công trình sau đây nên được thực hiện đánh giá tác động kỹ thuật trong mọi trường hợp:\n" +
				"2.c.i/3/tasks:Nhà siêu cao tầng;\n2.c.ii/3/tasks:Công trình thi công quy mô lớn có hoạt động thay đổi hiện trạng bề mặt địa hình;\n2.c.iii/3/tasks:Tháp truyền hình và các loại tháp cao khác;\n" +
				"2.c.iv/3/tasks:Các cụm công trình tập trung;\n2.c.v/3/tasks:Đường dây tải điện cao thế trên không.\n2.d/2/tasks:Các công trình khác do cơ quan có thẩm quyền quyết định.\n"},
		{"a roman point heading its own list, then the next (real lines)",
			"a) Hồ sơ đăng ký gồm:\ni) Đơn đăng ký chỉ định cơ sở kiểm nghiệm kiểm chứng;\nii) Quyết định thành lập hoặc Giấy chứng nhận đăng ký kinh doanh (bản sao có chứng thực);\niv) Hồ sơ năng lực:\n- Danh sách cán bộ kỹ thuật;\nv) Hồ sơ năng lực:\nb) Trình tự thực hiện.",
			"a/1H/tasks:Hồ sơ đăng ký gồm:\na.i/2/tasks:Đơn đăng ký chỉ định cơ sở kiểm nghiệm kiểm chứng;\na.ii/2/tasks:Quyết định thành lập hoặc Giấy chứng nhận đăng ký kinh doanh (bản sao có chứng thực);\n" +
				"a.iv/2H/tasks:Hồ sơ năng lực:\na.iv.•1/3/tasks:Danh sách cán bộ kỹ thuật;\na.v/2/tasks:Hồ sơ năng lực:\nb/1/tasks:Trình tự thực hiện.\n"},
		{"i) after h) is a letter when no ii) follows",
			"1. Các hành vi bị nghiêm cấm:\ng) Gian lận trong kê khai;\nh) Cản trở hoạt động kiểm tra;\ni) Sử dụng trái phép dữ liệu cá nhân.\nk) Các hành vi khác theo quy định.",
			"1/1H/tasks:Các hành vi bị nghiêm cấm:\n1.g/2/tasks:Gian lận trong kê khai;\n1.h/2/tasks:Cản trở hoạt động kiểm tra;\n1.i/2/tasks:Sử dụng trái phép dữ liệu cá nhân.\n1.k/2/tasks:Các hành vi khác theo quy định.\n"},
		{"v) after u) is a letter",
			"1. Danh mục:\nt) Thiết bị nâng;\nu) Thiết bị áp lực;\nv) Thang máy.",
			"1/1H/tasks:Danh mục:\n1.t/2/tasks:Thiết bị nâng;\n1.u/2/tasks:Thiết bị áp lực;\n1.v/2/tasks:Thang máy.\n"},
		{"(i) … (iv) in brackets",
			"3. Trách nhiệm của địa phương:\n(i) Rà soát quy hoạch sử dụng đất;\n(ii) Bố trí vốn đối ứng;\n(iii) Kiểm tra, giám sát việc thực hiện;\n(iv) Báo cáo Thủ tướng Chính phủ.\n4. Điều khoản thi hành.",
			"3/1H/tasks:Trách nhiệm của địa phương:\n3.(i)/2/tasks:Rà soát quy hoạch sử dụng đất;\n3.(ii)/2/tasks:Bố trí vốn đối ứng;\n3.(iii)/2/tasks:Kiểm tra, giám sát việc thực hiện;\n3.(iv)/2/tasks:Báo cáo Thủ tướng Chính phủ.\n4/1/tasks:Điều khoản thi hành.\n"},
	}
	checkOutlines(t, tests)
}

// TestOutlineLetterHeadings covers letter headings: "Đ." after "D." (real
// in ND-243-2025-PPP.docx of ../shared/data/attachments), "A- " with a
// dash over an upper-case title (Party documents) or over a title in
// sentence case when "B- " follows (real in Thông tư 38/2026, govdocs),
// while a formula's legend ("T - Tổng số tiền…", real in NĐ 21/2026) and
// sentence-case points "A. …" under a numbered item (real in NĐ 240/2026)
// stay what they were.
func TestOutlineLetterHeadings(t *testing.T) {
	tests := []struct {
		name, body, sections, items string
	}{
		{"Đ. after D. (real lines)",
			"Báo cáo gồm các nội dung sau.\nD. NỘI DUNG BÁO CÁO NGHIÊN CỨU TIỀN KHẢ THI\n1. Sự cần thiết đầu tư dự án.\nĐ. KẾT LUẬN VÀ KIẾN NGHỊ\n1. Kết luận về sự cần thiết đầu tư.",
			"D:NỘI DUNG BÁO CÁO NGHIÊN CỨU TIỀN KHẢ THI|Đ:KẾT LUẬN VÀ KIẾN NGHỊ",
			"D.1/1/tasks:Sự cần thiết đầu tư dự án.\nĐ.1/1/tasks:Kết luận về sự cần thiết đầu tư.\n"},
		{"letter headings with a dash over upper-case titles",
			"Thực hiện Nghị quyết số 57-NQ/TW, Ban Thường vụ Tỉnh ủy xây dựng kế hoạch.\nA- MỤC ĐÍCH, YÊU CẦU\n1. Quán triệt sâu sắc nghị quyết.\nB – NHIỆM VỤ, GIẢI PHÁP\nI- NÂNG CAO NHẬN THỨC\n1. Tổ chức học tập nghị quyết.",
			"A:MỤC ĐÍCH, YÊU CẦU|B:NHIỆM VỤ, GIẢI PHÁP|I:NÂNG CAO NHẬN THỨC",
			"A.1/1/goals:Quán triệt sâu sắc nghị quyết.\nI.1/1/tasks:Tổ chức học tập nghị quyết.\n"},
		{"letter headings with a dash in sentence case, B- after them (real lines)",
			"I – PHỤ LỤC TRỌNG LƯỢNG ĐƠN VỊ VẬT LIỆU\nA- Nhóm vật liệu không kim loại\nI- Vật liệu rời\n1. Cát vàng: 1,40 tấn/m3.\n2. Đá dăm: 1,60 tấn/m3.\nB- Nhóm vật liệu kim loại\n1. Thép tròn: 7,85 tấn/m3.",
			"I:PHỤ LỤC TRỌNG LƯỢNG ĐƠN VỊ VẬT LIỆU|A:Nhóm vật liệu không kim loại|I~2:Vật liệu rời|B:Nhóm vật liệu kim loại",
			"I~2.1/1/tasks:Cát vàng: 1,40 tấn/m3.\nI~2.2/1/tasks:Đá dăm: 1,60 tấn/m3.\nB.1/1/tasks:Thép tròn: 7,85 tấn/m3.\n"},
		{"a formula's legend is no heading (real lines)",
			"1. Tiền cấp quyền khai thác khoáng sản được tính theo công thức:\nT = Q x G x K1 x K2 x R\nTrong đó:\nT - Tổng số tiền cấp quyền khai thác khoáng sản;\nG - Giá tính tiền cấp quyền khai thác khoáng sản;\nB - Hệ số điều chỉnh.",
			"",
			"1/1H/tasks:Tiền cấp quyền khai thác khoáng sản được tính theo công thức:\n1.¶1/2/tasks:T = Q x G x K1 x K2 x R\n1.¶2/2H/tasks:Trong đó:\n1.¶2.¶1/3/tasks:T - Tổng số tiền cấp quyền khai thác khoáng sản;\n1.¶2.¶2/3/tasks:G - Giá tính tiền cấp quyền khai thác khoáng sản;\n1.¶2.¶3/3/tasks:B - Hệ số điều chỉnh.\n"},
		{"sentence-case letter points under a numbered item stay points (real lines)",
			"1. Nhóm cơ chế hỗ trợ đề nghị\nA. Cơ chế tạo thuận lợi về thủ tục hành chính\nB. Cơ chế hỗ trợ cải tiến, nâng cao năng lực\n2. Nội dung đề nghị hỗ trợ ưu tiên",
			"",
			"1/1H/tasks:Nhóm cơ chế hỗ trợ đề nghị\n1.¶1/2/tasks:A. Cơ chế tạo thuận lợi về thủ tục hành chính\n1.¶2/2/tasks:B. Cơ chế hỗ trợ cải tiến, nâng cao năng lực\n2/1/tasks:Nội dung đề nghị hỗ trợ ưu tiên\n"},
	}
	for _, tt := range tests {
		o := Parse(tt.body)
		var secs []string
		for _, s := range o.Sections[1:] {
			secs = append(secs, s.ID+":"+s.Title)
		}
		if got := strings.Join(secs, "|"); got != tt.sections {
			t.Errorf("%s: sections %q, want %q", tt.name, got, tt.sections)
		}
		if got := outlineString(o); got != tt.items {
			t.Errorf("%s: items\n%s\nwant\n%s", tt.name, got, tt.items)
		}
	}
}

// TestOutlinePartIDs checks the IDs of "MỤC I." / "Mục 1." part headings:
// "MI", "M1" — distinct from the roman sections "I" under them and from
// each other, the same when the body is cut after them, and unique over
// every item and passage (they are URL fragments: /doc/…#p-MI.1).
func TestOutlinePartIDs(t *testing.T) {
	body := "Thực hiện Nghị quyết số 57-NQ/TW, Ủy ban nhân dân tỉnh ban hành kế hoạch.\n" +
		"MỤC I. MỤC ĐÍCH, YÊU CẦU\n1. Quán triệt đầy đủ nội dung nghị quyết.\n" +
		"MỤC II. NHIỆM VỤ, GIẢI PHÁP\nI. NÂNG CAO NHẬN THỨC\n1. Tổ chức hội nghị quán triệt nghị quyết.\n" +
		"II. HOÀN THIỆN THỂ CHẾ\n1. Rà soát văn bản quy phạm pháp luật của tỉnh.\n" +
		"Mục 1.\nTỔ CHỨC THỰC HIỆN\n1. Sở Khoa học và Công nghệ theo dõi, tổng hợp.\n" +
		"I. KINH PHÍ\n1. Ngân sách tỉnh bảo đảm kinh phí thực hiện.\n" +
		"MỤC I. PHỤ LỤC NHIỆM VỤ\n1. Danh mục nhiệm vụ trọng điểm năm 2026."
	o := Parse(body)
	var secs []string
	for _, s := range o.Sections[1:] {
		secs = append(secs, s.ID)
	}
	if got, want := strings.Join(secs, " "), "MI MII I II M1 I~2 MI~2"; got != want {
		t.Errorf("sections %q, want %q", got, want)
	}
	var items []string
	for _, it := range o.Items {
		items = append(items, it.ID)
	}
	if got, want := strings.Join(items, " "), "MI.1 I.1 II.1 M1.1 I~2.1 MI~2.1"; got != want {
		t.Errorf("items %q, want %q", got, want)
	}
	seen := map[string]bool{}
	for _, p := range o.Passages() {
		if seen[p.ID] {
			t.Errorf("passage ID %q twice", p.ID)
		}
		seen[p.ID] = true
	}
	lines := strings.Split(body, "\n")
	cut := Parse(strings.Join(lines[:8], "\n"))
	for i, it := range cut.Items {
		if it.ID != o.Items[i].ID {
			t.Errorf("cut after line 8: item %d is %q, %q whole", i, it.ID, o.Items[i].ID)
		}
	}
}

// TestOutlineSplitRows covers task-table rows that PDF text layout splits
// over lines (crawler/filetext writes a line of a table as "cell | cell"
// and a line holding one cell as plain text): cells wrapped onto the next
// lines, the row's number alone on a line or on the row's middle line,
// and a task table's header under a data table's first lines. Real lines
// from QĐ 1696/QĐ-UBND (attachments) and NQ 27/2026/QH16 (govdocs) beside
// lines written for the test.
func TestOutlineSplitRows(t *testing.T) {
	header := "STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành\n"
	tests := []outlineCase{
		{"cells wrapped onto the next lines, in lower case or after a task without a stop",
			"II. NHIỆM VỤ\n" + header +
				"1 | Xây dựng kế hoạch triển khai | Sở Khoa học và | Quý I/2026\nNghị quyết số 57-NQ/TW trên địa\nbàn tỉnh | Công nghệ\n" +
				"2 | Số hóa hồ sơ đất đai. | Sở Nông nghiệp và Môi trường | Năm 2026\n3 | Tổ chức tập huấn chuyển đổi số | Sở Nội vụ | Quý III/2026\ncho cán bộ cấp xã\n" +
				"III. TỔ CHỨC THỰC HIỆN",
			"II.r1/1/tasks:Xây dựng kế hoạch triển khai Nghị quyết số 57-NQ/TW trên địa bàn tỉnh[Sở Khoa học và Công nghệ;Quý I/2026]\n" +
				"II.r2/1/tasks:Số hóa hồ sơ đất đai.[Sở Nông nghiệp và Môi trường;Năm 2026]\nII.r3/1/tasks:Tổ chức tập huấn chuyển đổi số cho cán bộ cấp xã[Sở Nội vụ;Quý III/2026]\n"},
		{"the number on the row's middle line (cells centred vertically)",
			"II. NHIỆM VỤ\n" + header +
				"Xây dựng cơ sở dữ liệu\n1 | dân cư dùng chung của tỉnh. | Công an tỉnh | Năm 2026\nRà soát thủ tục hành chính\n2 | thuộc thẩm quyền của tỉnh. | Sở Tư pháp | Quý II/2026",
			"II.r1/1/tasks:Xây dựng cơ sở dữ liệu dân cư dùng chung của tỉnh.[Công an tỉnh;Năm 2026]\nII.r2/1/tasks:Rà soát thủ tục hành chính thuộc thẩm quyền của tỉnh.[Sở Tư pháp;Quý II/2026]\n"},
		{"the row's number alone on a line",
			"II. NHIỆM VỤ\n" + header +
				"1\nXây dựng đề án phát triển kinh tế số. | Sở Khoa học và Công nghệ | Năm 2026\n2\nTriển khai nền tảng học tập số | Sở Giáo dục và Đào tạo | Năm 2027",
			"II.r1/1/tasks:Xây dựng đề án phát triển kinh tế số.[Sở Khoa học và Công nghệ;Năm 2026]\nII.r2/1/tasks:Triển khai nền tảng học tập số[Sở Giáo dục và Đào tạo;Năm 2027]\n"},
		{"merged cells: a shorter row starting with a capital or a bullet is the next task",
			"II. NHIỆM VỤ\nSTT | Cơ quan chủ trì | Nội dung nhiệm vụ | Thời hạn\n1 | Bộ Xây dựng | - Phát triển giao thông công cộng. | Năm 2026\n- Kiểm định khí thải phương tiện. | Năm 2027",
			"II.r1/1/tasks:Phát triển giao thông công cộng.[Bộ Xây dựng;Năm 2026]\nII.r2/1/tasks:Kiểm định khí thải phương tiện.[Bộ Xây dựng;Năm 2027]\n"},
		{"a layout row holding Nơi nhận beside the signature closes the body",
			"II. NHIỆM VỤ\n" + header + "1 | Số hóa hồ sơ đất đai | Sở Nông nghiệp và Môi trường | Năm 2026\nNơi nhận: | KT. CHỦ TỊCH\n- Như trên; | PHÓ CHỦ TỊCH\n- Lưu: VT.",
			"II.r1/1/tasks:Số hóa hồ sơ đất đai[Sở Nông nghiệp và Môi trường;Năm 2026]\n"},
		{"a task table's header split by the layout under a data table's first line (real lines)",
			"PHỤ LỤC\nDANH MỤC TTHC ĐÃ CÔNG BỐ\nCĂN CỨ PHÁP | CHÚ\nSTT | NỘI DUNG NHIỆM VỤ ỦY QUYỀN\n1 | Cấp chứng chỉ kiểm định viên an toàn lao động",
			"PL.r1/1/tasks:Cấp chứng chỉ kiểm định viên an toàn lao động\n"},
		{"a task table after a data table and a line between them (real lines)",
			"Điều 2. Danh mục\nSTT | Chương trình mục tiêu quốc gia | Vốn bố trí (tỷ đồng)\n1 | Phát triển văn hóa (giai đoạn 2025-2035) | 50.000\n12 Dự án quan trọng quốc gia (tổng vốn 192.082,115 tỷ đồng):\nSTT | Dự án | Ghi chú\n10 | Dự án đường sắt tốc độ cao Bắc - Nam | Khởi công mới",
			"Đ2.r1/1/tasks:Dự án đường sắt tốc độ cao Bắc - Nam\n"},
	}
	checkOutlines(t, tests)
}

// TestOutlineOCRNumbers covers two numberings the checker found left as
// text: a numbered item whose dot OCR read as a comma (real in NĐ
// 262/2026, govdocs), taken only when the number before it precedes, and
// roman sections past XXXIX (real in NQ 18/2026/NQ-CP, attachments).
func TestOutlineOCRNumbers(t *testing.T) {
	tests := []outlineCase{
		{"'3,' after '2.' is item 3 (real line)",
			"Điều 19. Hoạt động xuất bản ấn phẩm thông tin nước ngoài\n1. Cơ quan đại diện nước ngoài phải có giấy phép xuất bản.\n2. Cơ quan đại diện nước ngoài thực hiện đúng nội dung giấy phép.\n3, Cơ quan có thẩm quyền cấp giấy phép. xuất bản bản tin, đặc san là\ncơ quan có thẩm quyền quyết định đình chỉ xuất bản.\n4. Việc xuất bản các ấn phẩm khác thực hiện theo quy định.",
			"Đ19.1/1/tasks:Cơ quan đại diện nước ngoài phải có giấy phép xuất bản.\nĐ19.2/1/tasks:Cơ quan đại diện nước ngoài thực hiện đúng nội dung giấy phép.\n" +
				"Đ19.3/1/tasks:Cơ quan có thẩm quyền cấp giấy phép. xuất bản bản tin, đặc san là\ncơ quan có thẩm quyền quyết định đình chỉ xuất bản.\nĐ19.4/1/tasks:Việc xuất bản các ấn phẩm khác thực hiện theo quy định.\n"},
		{"a wrapped list of articles starting with a number and a comma stays text",
			"Điều 2. Bãi bỏ\n1. Bãi bỏ Điều 12, Điều 13, Điều\n44, Điều 56 và Điều 80 Thông tư số 10/2020/TT-BTC.\n2. Bãi bỏ Phụ lục II.",
			"Đ2.1/1H/tasks:Bãi bỏ Điều 12, Điều 13, Điều\nĐ2.1.¶1/2/tasks:44, Điều 56 và Điều 80 Thông tư số 10/2020/TT-BTC.\nĐ2.2/1/tasks:Bãi bỏ Phụ lục II.\n"},
		{"roman sections XL, XLI after XXXIX (real lines)",
			"XXXIX. Không thực hiện thủ tục cấp Giấy phép sản xuất rượu thủ công\n1. Bãi bỏ thủ tục.\nXL. Không thực hiện thủ tục cấp Giấy chứng nhận đủ điều kiện\n1. Bãi bỏ thủ tục cấp giấy chứng nhận.\nXLI. Không thực hiện thủ tục cấp lại Giấy chứng nhận đủ điều kiện\n1. Bãi bỏ thủ tục cấp lại.",
			"XXXIX.1/1/tasks:Bãi bỏ thủ tục.\nXL.1/1/tasks:Bãi bỏ thủ tục cấp giấy chứng nhận.\nXLI.1/1/tasks:Bãi bỏ thủ tục cấp lại.\n"},
	}
	checkOutlines(t, tests)
	for _, s := range []string{"L", "XLX", "IL", "XXXX"} {
		if isRoman(s) {
			t.Errorf("isRoman(%q) = true", s)
		}
	}
	for _, s := range []string{"XL", "XLIX", "LX", "LXXXIX"} {
		if !isRoman(s) {
			t.Errorf("isRoman(%q) = false", s)
		}
	}
}

// TestUniqueVariants pins the IDs unique gives a label repeated in one
// section ("~2", "~3" in order, as the search from 2 it replaced gave),
// including after a variant taken by an item of its own. The preamble has
// no ID and none before it: the variants hang on its place, "s0"
// (anchorID; "§0.1" before i19-stableid).
func TestUniqueVariants(t *testing.T) {
	o := Parse("1. Một.\n1. Hai.\n1. Ba.\n1. Bốn.\na) Năm.")
	var ids []string
	for _, it := range o.Items {
		ids = append(ids, it.ID)
	}
	if got, want := strings.Join(ids, " "), "1 s0.1 s0.1~2 s0.1~3 s0.1~3.a"; got != want {
		t.Errorf("IDs %q, want %q", got, want)
	}
}
