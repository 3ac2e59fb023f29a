package outline

import "testing"

// TestOutlineStructReview covers layouts of real plans that the rules of
// i17-struct (plan_struct_test.go) misread: a distribution-looking bullet
// in the middle of a plan, a quote opened and closed on the line after
// "như sau:", an unclosed quote running into "Nơi nhận:", a short task
// under an agency paragraph ending with a colon, and a wrapped cell of a
// task table starting with "Điều". The lines are written for the test in
// the style of provincial plans and decisions.
func TestOutlineStructReview(t *testing.T) {
	tests := []outlineCase{
		{"'- Như trên.' among an agency's tasks is a task, and the sections after it stay",
			"II. NHIỆM VỤ\n1. Sở Tài chính:\n- Bố trí kinh phí thực hiện kế hoạch.\n2. Sở Công Thương:\n- Như trên.\n3. Sở Y tế:\n- Tổ chức tiêm chủng mở rộng.\nIII. TỔ CHỨC THỰC HIỆN\n1. Các sở báo cáo kết quả về Ủy ban nhân dân tỉnh.",
			"II.1/1H/tasks:Sở Tài chính:\nII.1.•1/2/tasks:Bố trí kinh phí thực hiện kế hoạch.[Sở Tài chính;]\nII.2/1H/tasks:Sở Công Thương:\nII.2.•1/2/tasks:Như trên.[Sở Công Thương;]\n" +
				"II.3/1H/tasks:Sở Y tế:\nII.3.•1/2/tasks:Tổ chức tiêm chủng mở rộng.[Sở Y tế;]\nIII.1/1/organisation:Các sở báo cáo kết quả về Ủy ban nhân dân tỉnh.\n"},
		{"'- Như khoản 1 Điều này;' in a decision's article is a point",
			"Điều 2. Trách nhiệm của các sở\n1. Sở Tư pháp thẩm định dự thảo quy chế.\n2. Sở Nội vụ:\n- Như khoản 1 Điều này;\n- Tổng hợp kết quả.\nĐiều 3. Hiệu lực thi hành\nQuyết định có hiệu lực kể từ ngày ký.",
			"Đ2.1/1/tasks:Sở Tư pháp thẩm định dự thảo quy chế.\nĐ2.2/1H/tasks:Sở Nội vụ:\nĐ2.2.•1/2/tasks:Như khoản 1 Điều này;[Sở Nội vụ;]\nĐ2.2.•2/2/tasks:Tổng hợp kết quả.[Sở Nội vụ;]\n"},
		{"the Secretariat as the addressee of a report, then the plan goes on",
			"III. TỔ CHỨC THỰC HIỆN\n1. Định kỳ 6 tháng, các cấp ủy báo cáo kết quả về:\n- Ban Bí thư Trung ương Đảng;\n- Ban Thường vụ Tỉnh ủy.\n2. Ban Tuyên giáo Tỉnh ủy theo dõi, đôn đốc việc thực hiện.",
			"III.1/1H/organisation:Định kỳ 6 tháng, các cấp ủy báo cáo kết quả về:\nIII.1.•1/2/organisation:Ban Bí thư Trung ương Đảng;\nIII.1.•2/2/organisation:Ban Thường vụ Tỉnh ủy.\nIII.2/1/organisation:Ban Tuyên giáo Tỉnh ủy theo dõi, đôn đốc việc thực hiện.\n"},
		{"a distribution list whose Nơi nhận was lost, then the signature, still closes",
			"1. Sở Tài chính bố trí kinh phí thực hiện kế hoạch.\n- Như trên;\n- Các sở, ban, ngành tỉnh;\n- UBND các huyện, thị xã;\n- Lưu: VT, KGVX.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
			"1/1/tasks:Sở Tài chính bố trí kinh phí thực hiện kế hoạch.\n"},
		{"a quote opened and closed on the line after 'như sau:' opens no amendment",
			"II. NHIỆM VỤ\n1. Tổ chức các hoạt động hưởng ứng như sau:\n“Ngày hội Chuyển đổi số” được tổ chức vào tháng 10 hằng năm.\n2. Sở Y tế tổ chức tiêm chủng mở rộng.\n3. Sở Nội vụ tổng hợp, báo cáo.",
			"II.1/1H/tasks:Tổ chức các hoạt động hưởng ứng như sau:\nII.1.¶1/2/tasks:“Ngày hội Chuyển đổi số” được tổ chức vào tháng 10 hằng năm.\nII.2/1/tasks:Sở Y tế tổ chức tiêm chủng mở rộng.\nII.3/1/tasks:Sở Nội vụ tổng hợp, báo cáo.\n"},
		// i17-parse2: the amending document's next article ("Điều 2.")
		// now ends the quote before Nơi nhận does; a quote ending at
		// Nơi nhận itself is in TestOutlineStraightQuotes.
		{"a quote never closed ends at Nơi nhận",
			"Điều 1. Sửa đổi, bổ sung Quy chế\n1. Sửa đổi khoản 2 Điều 4 như sau:\n“2. Hồ sơ đề nghị gồm:\na) Đơn đề nghị theo mẫu;\nb) Bản sao quyết định thành lập.\nĐiều 2. Hiệu lực thi hành\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT, NC.",
			"Đ1.1/1/tasks:Sửa đổi khoản 2 Điều 4 như sau:\n“2. Hồ sơ đề nghị gồm:\na) Đơn đề nghị theo mẫu;\nb) Bản sao quyết định thành lập.\n" +
				"Đ1.1.“2/1H/tasks:Hồ sơ đề nghị gồm:\nĐ1.1.“2.a/2/tasks:Đơn đề nghị theo mẫu;\nĐ1.1.“2.b/2/tasks:Bản sao quyết định thành lập.\n"},
		{"a quote never closed ends where the next amendment is announced",
			"Điều 1. Sửa đổi, bổ sung Quy chế\n1. Sửa đổi khoản 2 Điều 4 như sau:\n“2. Hồ sơ đề nghị gồm đơn đề nghị theo mẫu.\n2. Bổ sung khoản 5 Điều 6 như sau:\n“5. Sở Nội vụ tổng hợp kết quả.”.\n3. Bãi bỏ Điều 9.",
			"Đ1.1/1/tasks:Sửa đổi khoản 2 Điều 4 như sau:\n“2. Hồ sơ đề nghị gồm đơn đề nghị theo mẫu.\nĐ1.1.“2/1/tasks:Hồ sơ đề nghị gồm đơn đề nghị theo mẫu.\nĐ1.2/1H/tasks:Bổ sung khoản 5 Điều 6 như sau:\nĐ1.2.¶1/2/tasks:“5. Sở Nội vụ tổng hợp kết quả.”.\nĐ1.3/1/tasks:Bãi bỏ Điều 9.\n"},
		{"a short task without a final stop stays under the agency paragraph announcing it",
			"II. NHIỆM VỤ\n1. Về y tế\nSở Y tế:\nTổ chức tiêm chủng mở rộng cho trẻ em\nKiểm tra an toàn thực phẩm\nSở Tài chính:\nBố trí kinh phí tiêm chủng",
			"II.1/1H/tasks:Về y tế\nII.1.¶1/2H/tasks:Sở Y tế:\nII.1.¶1.¶1/3/tasks:Tổ chức tiêm chủng mở rộng cho trẻ em[Sở Y tế;]\nII.1.¶1.¶2/3/tasks:Kiểm tra an toàn thực phẩm[Sở Y tế;]\n" +
				"II.1.¶2/2H/tasks:Sở Tài chính:\nII.1.¶2.¶1/3/tasks:Bố trí kinh phí tiêm chủng[Sở Tài chính;]\n"},
		{"a short task without a final stop stays under the agency's name on the line before",
			"II. NHIỆM VỤ\n1. Về y tế\nSở Y tế\nTổ chức tiêm chủng mở rộng cho trẻ em\nSở Tài chính\nBố trí kinh phí tiêm chủng",
			"II.1/1H/tasks:Về y tế\nII.1.¶1/2H/tasks:Sở Y tế\nII.1.¶1.¶1/3/tasks:Tổ chức tiêm chủng mở rộng cho trẻ em[Sở Y tế;]\n" +
				"II.1.¶2/2H/tasks:Sở Tài chính\nII.1.¶2.¶1/3/tasks:Bố trí kinh phí tiêm chủng[Sở Tài chính;]\n"},
		// i17-parse2: the wrapped cell now continues its row's task (it
		// was a row of its own, PL.r2).
		{"a wrapped cell starting with 'Điều' does not end a task table",
			"PHỤ LỤC\nDANH MỤC NHIỆM VỤ\nSTT | Nội dung | Cơ quan chủ trì | Thời hạn\n1 | Rà soát, đề xuất sửa đổi | Sở Tư pháp | Năm 2025\nĐiều 5 Luật Đầu tư công\n2 | Xây dựng phần mềm một cửa | Sở Khoa học và Công nghệ | Năm 2026",
			"PL.r1/1/tasks:Rà soát, đề xuất sửa đổi Điều 5 Luật Đầu tư công[Sở Tư pháp;Năm 2025]\nPL.r2/1/tasks:Xây dựng phần mềm một cửa[Sở Khoa học và Công nghệ;Năm 2026]\n"},
	}
	checkOutlines(t, tests)
}
