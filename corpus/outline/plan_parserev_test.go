package outline

import "testing"

// TestOutlineParseReview holds the defects found reviewing i17-parse2's
// rules on layouts they were not written for (lines written for the
// test). Each case failed on the merged parse2 code (6967e85).
func TestOutlineParseReview(t *testing.T) {
	tests := []outlineCase{
		{"options 'A- … B- …' under a numbered item are no sections (the items after keep their section)",
			"I. NHIỆM VỤ\n1. Phương án đầu tư:\nA- Giữ nguyên hiện trạng\nƯu điểm là chi phí thấp.\nNhược điểm là không đáp ứng nhu cầu.\nB- Nâng cấp toàn bộ\nƯu điểm là đáp ứng lâu dài.\n2. Sở Tài chính chủ trì thẩm định.\n3. Sở Xây dựng phối hợp.",
			"I.1/1H/tasks:Phương án đầu tư:\nI.1.¶1/2H/tasks:A- Giữ nguyên hiện trạng\nI.1.¶1.¶1/3/tasks:Ưu điểm là chi phí thấp.\nI.1.¶1.¶2/3/tasks:Nhược điểm là không đáp ứng nhu cầu.\nI.1.¶2/2H/tasks:B- Nâng cấp toàn bộ\nI.1.¶2.¶1/3/tasks:Ưu điểm là đáp ứng lâu dài.\nI.2/1/tasks:Sở Tài chính chủ trì thẩm định.\nI.3/1/tasks:Sở Xây dựng phối hợp.\n"},
		{"a legend 'C - …' under a later upper-case section does not follow letter sections A, B before it",
			"A- Nhóm vật liệu không kim loại\n1. Cát.\n2. Đá.\nB- Nhóm vật liệu kim loại\n1. Sắt.\nII. TỔ CHỨC THỰC HIỆN\n1. Mức phí tính theo công thức:\nC - Chi phí vận chuyển\n2. Sở Tài chính chủ trì.\n3. Sở Xây dựng phối hợp.",
			"A.1/1/tasks:Cát.\nA.2/1/tasks:Đá.\nB.1/1/tasks:Sắt.\nII.1/1H/organisation:Mức phí tính theo công thức:\nII.1.¶1/2/organisation:C - Chi phí vận chuyển\nII.2/1/organisation:Sở Tài chính chủ trì.\nII.3/1/organisation:Sở Xây dựng phối hợp.\n"},
		{"a stray straight quote after 'Bổ sung … như sau:' in a plan closed nowhere opens no quote",
			"I. NHIỆM VỤ\n1. Bổ sung nhiệm vụ như sau:\n\"Tăng cường chuyển đổi số trong các cơ quan\n2. Sở Tài chính chủ trì.\n3. Sở Y tế phối hợp.\nII. TỔ CHỨC THỰC HIỆN\n1. Các sở thực hiện.",
			"I.1/1H/tasks:Bổ sung nhiệm vụ như sau:\nI.1.¶1/2/tasks:\"Tăng cường chuyển đổi số trong các cơ quan\nI.2/1/tasks:Sở Tài chính chủ trì.\nI.3/1/tasks:Sở Y tế phối hợp.\nII.1/1/organisation:Các sở thực hiện.\n"},
		{"a straight quote closed later in a plan is still the announcing item's text",
			"I. NHIỆM VỤ\n1. Sửa đổi nhiệm vụ 2 như sau:\n\"2. Sở Tài chính chủ trì thẩm định;\n3. Sở Y tế phối hợp.\"\n2. Sở Nội vụ kiểm tra.",
			"I.1/1/tasks:Sửa đổi nhiệm vụ 2 như sau:\n\"2. Sở Tài chính chủ trì thẩm định;\n3. Sở Y tế phối hợp.\"\n" +
				"I.1.“2/1/tasks:Sở Tài chính chủ trì thẩm định;\nI.1.“3/1/tasks:Sở Y tế phối hợp.\n" + // the quoted tasks (planquote.go)
				"I.2/1/tasks:Sở Nội vụ kiểm tra.\n"},
		{"a legend 'X - …', 'V - …' with a roman letter is no section (the item after keeps its section)",
			"II. NHIỆM VỤ\n1. Mức thu tính theo công thức: T = X x V\nTrong đó:\nX - Số lần nộp tiền;\nV - Thể tích khí thải.\n2. Sở Tài chính chủ trì.",
			"II.1/1H/tasks:Mức thu tính theo công thức: T = X x V\nII.1.¶1/2H/tasks:Trong đó:\nII.1.¶1.¶1/3/tasks:X - Số lần nộp tiền;\nII.1.¶1.¶2/3/tasks:V - Thể tích khí thải.\nII.2/1/tasks:Sở Tài chính chủ trì.\n"},
		{"roman sections with a dash in sentence case, in sequence, stay sections",
			"I - Mục tiêu\n1. Nâng cao nhận thức.\nII - Nhiệm vụ\n1. Tổ chức tập huấn.\nIII – Tổ chức thực hiện\n1. Sở Nội vụ chủ trì.",
			"I.1/1/goals:Nâng cao nhận thức.\nII.1/1/tasks:Tổ chức tập huấn.\nIII.1/1/organisation:Sở Nội vụ chủ trì.\n"},
		{"an upper-case roman title with a unit in lower case is a section wherever it comes (real line, TT 38/2026)",
			"PHỤ LỤC\nĐỊNH MỨC CẤP PHỐI VỮA XÂY\n- Lượng hao phí nước để tôi 1kg vôi cục thành hồ vôi (vôi tôi) là 2,5 lít\nII- ĐỊNH MỨC CẤP PHỐI VẬT LIỆU CHO 1m3 VỮA XÂY, TRÁT THÔNG THƯỜNG\n1. Xi măng PCB30",
			"PL.•1/1/tasks:Lượng hao phí nước để tôi 1kg vôi cục thành hồ vôi (vôi tôi) là 2,5 lít\nPL.II.1/1/tasks:Xi măng PCB30\n"},
		{"a roman section with a dash in sentence case after one skipped or used twice stays a section",
			"I. MỤC TIÊU\n1. Nâng cao nhận thức.\nII – Nhiệm vụ cụ thể\n1. Tổ chức tập huấn.\nIV – Kinh phí thực hiện\n1. Ngân sách tỉnh.\nIV – Tổ chức thực hiện\n1. Sở Nội vụ chủ trì.",
			"I.1/1/goals:Nâng cao nhận thức.\nII.1/1/tasks:Tổ chức tập huấn.\nIV.1/1/funding:Ngân sách tỉnh.\nIV~2.1/1/organisation:Sở Nội vụ chủ trì.\n"},
		{"a shorter row in lower case with its own full deadline is a row of its own, not the rest of the one before",
			"II. NHIỆM VỤ\nSTT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành\n1 | Rà soát quy hoạch | Sở Xây dựng | Quý I/2026\nvăn bản hướng dẫn thi hành | Sở Tư pháp | Quý II/2026\n3 | Tập huấn cán bộ | Sở Nội vụ | Năm 2026",
			"II.r1/1/tasks:Rà soát quy hoạch[Sở Xây dựng;Quý I/2026]\nII.r2/1/tasks:văn bản hướng dẫn thi hành[Sở Tư pháp;Quý II/2026]\nII.r3/1/tasks:Tập huấn cán bộ[Sở Nội vụ;Năm 2026]\n"},
		{"a cell 'Nơi nhận hồ sơ' of a task table closes nothing",
			"II. NHIỆM VỤ\nSTT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời hạn\n1 | Công bố thủ tục hành chính | Nơi nhận hồ sơ: Bộ phận Một cửa | Quý I/2026\n2 | Tập huấn cán bộ | Sở Nội vụ | Năm 2026\nIII. TỔ CHỨC THỰC HIỆN\n1. Các sở thực hiện.",
			"II.r1/1/tasks:Công bố thủ tục hành chính[Nơi nhận hồ sơ: Bộ phận Một cửa;Quý I/2026]\nII.r2/1/tasks:Tập huấn cán bộ[Sở Nội vụ;Năm 2026]\nIII.1/1/organisation:Các sở thực hiện.\n"},
		{"a line 'Nơi nhận hồ sơ: …' closes nothing; 'Nơi nhận:' does",
			"1. Trình tự thực hiện:\nNơi nhận hồ sơ: Bộ phận Một cửa của Sở Tư pháp.\n2. Thời hạn giải quyết: 05 ngày làm việc.\nNơi nhận:\n- Như trên;\n- Lưu: VT.",
			"1/1H/tasks:Trình tự thực hiện:\n1.¶1/2/tasks:Nơi nhận hồ sơ: Bộ phận Một cửa của Sở Tư pháp.\n2/1/tasks:Thời hạn giải quyết: 05 ngày làm việc.\n"},
	}
	checkOutlines(t, tests)
}
