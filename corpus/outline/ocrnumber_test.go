package outline

import "testing"

// TestOutlineOCRNumberMisread covers a clause whose number OCR read
// wrong, mark and digit: "3:" for "2." between "1." and "3." (NĐ
// 235/2026 Điều 3, and the same shape in NĐ 85/2026 Điều 24 and TT
// 54/2026/TT-BGDĐT Điều 5, govdocs), "53:" for "2.", a digit misread
// behind a dot ("5." between "7." and "9.": NĐ 280/2026, NĐ 252/2026), a
// number repeated ("5." twice before "7.": NĐ 283/2026). The number is read
// from its neighbours: it stands between the open clause N and the next
// clause N+2, so it is N+1. The lines are written for the test in the
// shapes of those decrees.
func TestOutlineOCRNumberMisread(t *testing.T) {
	tests := []outlineCase{
		{"'3:' between '1.' and '3.' is clause 2",
			"Điều 3. Nguyên tắc ký kết hợp đồng\n" +
				"1. Bảo đảm công khai, minh bạch, đúng quy định của pháp luật về lao động.\n" +
				"3: Phát huy quyền tự chủ của đơn vị trong thu hút nhân lực chất lượng cao.\n" +
				"3. Người làm việc theo hợp đồng không thuộc biên chế của đơn vị.\n" +
				"4. Kinh phí thực hiện hợp đồng bảo đảm từ nguồn tài chính của đơn vị.",
			"Đ3.1/1/tasks:Bảo đảm công khai, minh bạch, đúng quy định của pháp luật về lao động.\n" +
				"Đ3.2/1/tasks:Phát huy quyền tự chủ của đơn vị trong thu hút nhân lực chất lượng cao.\n" +
				"Đ3.3/1/tasks:Người làm việc theo hợp đồng không thuộc biên chế của đơn vị.\n" +
				"Đ3.4/1/tasks:Kinh phí thực hiện hợp đồng bảo đảm từ nguồn tài chính của đơn vị.\n"},
		{"hard-wrapped: clause 1 over three lines, then '3:' (NĐ 235/2026's shape)",
			"Điều 3. Nguyên tắc ký kết hợp đồng\n" +
				"1. Bảo đảm thực hiện đúng chủ trương, pháp luật của Nhà nước, không làm\n" +
				"ảnh hưởng đến chức năng, nhiệm vụ và hoạt động thường xuyên của đơn vị\n" +
				"sự nghiệp; tuân thủ quy định về bảo vệ bí mật nhà nước và an toàn thông tin.\n" +
				"3: Phát huy quyền tự chủ, tự chịu trách nhiệm của đơn vị sự nghiệp; thu\n" +
				"hút chuyên gia, nhân lực chất lượng cao từ khu vực tư vào khu vực công.\n" +
				"3. Người làm việc theo chế độ hợp đồng không thuộc biên chế viên chức của\n" +
				"đơn vị sự nghiệp công lập được cấp có thẩm quyền giao hằng năm.",
			"Đ3.1/1/tasks:Bảo đảm thực hiện đúng chủ trương, pháp luật của Nhà nước, không làm\nảnh hưởng đến chức năng, nhiệm vụ và hoạt động thường xuyên của đơn vị\nsự nghiệp; tuân thủ quy định về bảo vệ bí mật nhà nước và an toàn thông tin.\n" +
				"Đ3.2/1/tasks:Phát huy quyền tự chủ, tự chịu trách nhiệm của đơn vị sự nghiệp; thu\nhút chuyên gia, nhân lực chất lượng cao từ khu vực tư vào khu vực công.\n" +
				"Đ3.3/1/tasks:Người làm việc theo chế độ hợp đồng không thuộc biên chế viên chức của\nđơn vị sự nghiệp công lập được cấp có thẩm quyền giao hằng năm.\n"},
		{"'3:' after clause 1's points (NĐ 85/2026's shape)",
			"Điều 24. Nguyên tắc chi trả\n" +
				"1. Số tiền chi trả cho người tham gia gồm:\n" +
				"a) Số tiền đã đóng vào tài khoản;\n" +
				"b) Tiền lãi đầu tư tích lũy.\n" +
				"3: Người tham gia được lựa chọn nhận chi trả một lần hoặc hằng tháng.\n" +
				"3. Ngoại trừ trường hợp bất khả kháng, việc chi trả thực hiện sau tuổi nghỉ hưu.",
			"Đ24.1/1H/tasks:Số tiền chi trả cho người tham gia gồm:\n" +
				"Đ24.1.a/2/tasks:Số tiền đã đóng vào tài khoản;\n" +
				"Đ24.1.b/2/tasks:Tiền lãi đầu tư tích lũy.\n" +
				"Đ24.2/1/tasks:Người tham gia được lựa chọn nhận chi trả một lần hoặc hằng tháng.\n" +
				"Đ24.3/1/tasks:Ngoại trừ trường hợp bất khả kháng, việc chi trả thực hiện sau tuổi nghỉ hưu.\n"},
		{"'53:' for '2.' (a speck read as a digit; TT 59/2026's shape)",
			"Điều 12. Quyền và trách nhiệm của giảng viên thỉnh giảng\n" +
				"1. Thù lao thực hiện theo hợp đồng đã ký kết.\n" +
				"53: Quyền của giảng viên thỉnh giảng\n" +
				"Được cung cấp thông tin về chương trình đào tạo.\n" +
				"3. Trách nhiệm của giảng viên thỉnh giảng",
			"Đ12.1/1/tasks:Thù lao thực hiện theo hợp đồng đã ký kết.\n" +
				"Đ12.2/1H/tasks:Quyền của giảng viên thỉnh giảng\n" +
				"Đ12.2.¶1/2/tasks:Được cung cấp thông tin về chương trình đào tạo.\n" +
				"Đ12.3/1/tasks:Trách nhiệm của giảng viên thỉnh giảng\n"},
		{"a digit misread behind a dot: '5.' between '7.' and '9.' is 8",
			"Điều 9. Nhiệm vụ của Hội đồng quản trị\n" +
				"6. Phê duyệt kế hoạch tài chính hằng năm.\n" +
				"7. Quyết định cơ cấu tổ chức của các đơn vị trực thuộc.\n" +
				"5. Thẩm định báo cáo tài chính và kết quả hoạt động.\n" +
				"9. Nhiệm vụ khác do Thống đốc giao.",
			"Đ9.6/1/tasks:Phê duyệt kế hoạch tài chính hằng năm.\n" +
				"Đ9.7/1/tasks:Quyết định cơ cấu tổ chức của các đơn vị trực thuộc.\n" +
				"Đ9.8/1/tasks:Thẩm định báo cáo tài chính và kết quả hoạt động.\n" +
				"Đ9.9/1/tasks:Nhiệm vụ khác do Thống đốc giao.\n"},
		{"a number repeated: the second '5.' before '7.' is 6",
			"Điều 40. Thẩm quyền xử phạt\n" +
				"5. Giám đốc Sở Nội vụ có quyền phạt cảnh cáo.\n" +
				"5. Trưởng phòng Quản lý xuất nhập cảnh có quyền phạt cảnh cáo.\n" +
				"7. Cục trưởng Cục Việc làm có quyền phạt tiền.",
			"Đ40.5/1/tasks:Giám đốc Sở Nội vụ có quyền phạt cảnh cáo.\n" +
				"Đ40.6/1/tasks:Trưởng phòng Quản lý xuất nhập cảnh có quyền phạt cảnh cáo.\n" +
				"Đ40.7/1/tasks:Cục trưởng Cục Việc làm có quyền phạt tiền.\n"},
		{"a number skipped stays as written (a clause repealed)",
			"Điều 5. Hồ sơ\n1. Đơn đề nghị.\n3. Bản sao giấy phép.\n4. Báo cáo tài chính.",
			"Đ5.1/1/tasks:Đơn đề nghị.\nĐ5.3/1/tasks:Bản sao giấy phép.\nĐ5.4/1/tasks:Báo cáo tài chính.\n"},
	}
	checkOutlines(t, tests)
}

// TestOutlineOCRNumberMarks covers a clause whose dot OCR read as a colon
// or a semicolon, as commaNumber read a comma (real shapes: "4: Trường hợp
// …" in NĐ 152/2026, "5; Đối với …" in NĐ 2026 on construction data,
// "1: Ban Tiếp công dân …" opening Điều 32 of NĐ 154/2026, "1, Phạt tiền
// …" opening many sanctions articles), and the wrapped citations that
// must stay text.
func TestOutlineOCRNumberMarks(t *testing.T) {
	tests := []outlineCase{
		{"'4:' after '3.' is clause 4",
			"Điều 79. Tiền đặt trước\n2. Người mua được nhận lại tiền đặt trước.\n3. Tổ chức đấu giá có trách nhiệm hoàn trả.\n4: Trường hợp người tham gia không được nhận lại tiền thì nộp ngân sách.\n5. Kể từ ngày trúng đấu giá, người mua nộp đủ tiền.",
			"Đ79.2/1/tasks:Người mua được nhận lại tiền đặt trước.\nĐ79.3/1/tasks:Tổ chức đấu giá có trách nhiệm hoàn trả.\nĐ79.4/1/tasks:Trường hợp người tham gia không được nhận lại tiền thì nộp ngân sách.\nĐ79.5/1/tasks:Kể từ ngày trúng đấu giá, người mua nộp đủ tiền.\n"},
		{"'5;' after '4.' is clause 5",
			"Điều 8. Cung cấp dữ liệu\n4. Tổ chức phải cung cấp thông tin về năng lực.\n5; Đối với các dự án đã thực hiện, chủ đầu tư cập nhật dữ liệu.\n6. Bộ trưởng quy định chi tiết.",
			"Đ8.4/1/tasks:Tổ chức phải cung cấp thông tin về năng lực.\nĐ8.5/1/tasks:Đối với các dự án đã thực hiện, chủ đầu tư cập nhật dữ liệu.\nĐ8.6/1/tasks:Bộ trưởng quy định chi tiết.\n"},
		{"'1:' opening an article before '2.' is clause 1",
			"Điều 32. Phối hợp trong việc theo dõi, đôn đốc\n1: Ban Tiếp công dân có trách nhiệm đề nghị cơ quan có thẩm quyền giải quyết.\n2. Trưởng Ban Tiếp công dân báo cáo kết quả.",
			"Đ32.1/1/tasks:Ban Tiếp công dân có trách nhiệm đề nghị cơ quan có thẩm quyền giải quyết.\nĐ32.2/1/tasks:Trưởng Ban Tiếp công dân báo cáo kết quả.\n"},
		{"'1,' opening an article before '2.' is clause 1",
			"Điều 12. Vi phạm quy định về khai báo\n1, Phạt tiền từ 1.000.000 đồng đến 2.000.000 đồng đối với hành vi khai sai.\n2. Phạt tiền từ 2.000.000 đồng đến 5.000.000 đồng đối với hành vi không khai.",
			"Đ12.1/1/tasks:Phạt tiền từ 1.000.000 đồng đến 2.000.000 đồng đối với hành vi khai sai.\nĐ12.2/1/tasks:Phạt tiền từ 2.000.000 đồng đến 5.000.000 đồng đối với hành vi không khai.\n"},
		{"a wrapped list of articles '16; Điều 17' stays text",
			"Điều 5. Áp dụng\n6. Thời hiệu áp dụng đối với hành vi tại khoản 1, khoản 2 Điều\n16; Điều 17; Điều 18 Nghị định này là 02 năm.\n7. Các hành vi khác áp dụng thời hiệu 01 năm.\n8. Thời điểm tính thời hiệu.",
			"Đ5.6/1H/tasks:Thời hiệu áp dụng đối với hành vi tại khoản 1, khoản 2 Điều\nĐ5.6.¶1/2/tasks:16; Điều 17; Điều 18 Nghị định này là 02 năm.\nĐ5.7/1/tasks:Các hành vi khác áp dụng thời hiệu 01 năm.\nĐ5.8/1/tasks:Thời điểm tính thời hiệu.\n"},
		{"'3:' with nothing between its neighbours to fill stays text",
			"Điều 6. Quy định chung\n1. Bảo đảm công khai.\n3: Tỷ lệ được tính theo năm học.\n4. Báo cáo hằng năm.",
			"Đ6.1/1/tasks:Bảo đảm công khai.\nĐ6.1.¶1/2/tasks:3: Tỷ lệ được tính theo năm học.\nĐ6.4/1/tasks:Báo cáo hằng năm.\n"},
	}
	checkOutlines(t, tests)
}
