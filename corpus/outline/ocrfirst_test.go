package outline

import "testing"

// TestOutlineOCRFirstClause covers the first clause of an article whose
// label OCR damaged, read from the "2." after it: only a 1 stands there.
// The number one read as the letter l ("l. Các trường hợp sau …" opening
// Điều 13 of NĐ 262/2026 in govdocs), with a dot, comma or colon, is
// clause 1; another number ("15: Khai mạc …", a time of a programme; "7:",
// "11,") is no clause 1 and stays the article's text, as i29-rev-outline
// §3 found the rule taking any number. The lines are written for the test.
func TestOutlineOCRFirstClause(t *testing.T) {
	const two = "2. Phóng viên thường trú phải có thẻ nhà báo còn hiệu lực.\n"
	tests := []outlineCase{
		{"'l.' for '1.' opening an article before '2.' is clause 1",
			"Điều 13. Phóng viên thường trú kiêm nhiệm\nl. Các trường hợp sau được phép là phóng viên thường trú kiêm nhiệm.\n" + two,
			"Đ13.1/1/tasks:Các trường hợp sau được phép là phóng viên thường trú kiêm nhiệm.\nĐ13.2/1/tasks:Phóng viên thường trú phải có thẻ nhà báo còn hiệu lực.\n"},
		{"'l,' opening an article before '2.' is clause 1",
			"Điều 13. Phóng viên thường trú kiêm nhiệm\nl, Các trường hợp sau được phép là phóng viên thường trú kiêm nhiệm.\n" + two,
			"Đ13.1/1/tasks:Các trường hợp sau được phép là phóng viên thường trú kiêm nhiệm.\nĐ13.2/1/tasks:Phóng viên thường trú phải có thẻ nhà báo còn hiệu lực.\n"},
		{"'l:' opening an article before '2.' is clause 1",
			"Điều 13. Phóng viên thường trú kiêm nhiệm\nl: Các trường hợp sau được phép là phóng viên thường trú kiêm nhiệm.\n" + two,
			"Đ13.1/1/tasks:Các trường hợp sau được phép là phóng viên thường trú kiêm nhiệm.\nĐ13.2/1/tasks:Phóng viên thường trú phải có thẻ nhà báo còn hiệu lực.\n"},
		{"'15:' (a time) opening an article before '2.' stays text",
			"Điều 4. Chương trình hội nghị\n15: Khai mạc hội nghị và phát biểu của lãnh đạo Bộ.\n2. Thảo luận các nội dung chính của dự thảo.\n3. Bế mạc hội nghị.",
			"Đ4.2/1/tasks:Thảo luận các nội dung chính của dự thảo.\nĐ4.3/1/tasks:Bế mạc hội nghị.\n"},
		{"'7:' opening an article before '2.' stays text",
			"Điều 13. Phóng viên thường trú kiêm nhiệm\n7: Các trường hợp sau được phép là phóng viên thường trú kiêm nhiệm.\n" + two,
			"Đ13.2/1/tasks:Phóng viên thường trú phải có thẻ nhà báo còn hiệu lực.\n"},
		{"'11,' opening an article before '2.' stays text",
			"Điều 13. Phóng viên thường trú kiêm nhiệm\n11, Các trường hợp sau được phép là phóng viên thường trú kiêm nhiệm.\n" + two,
			"Đ13.2/1/tasks:Phóng viên thường trú phải có thẻ nhà báo còn hiệu lực.\n"},
		{"'l.' before '3.' (no '2.' after it) stays text",
			"Điều 13. Phóng viên thường trú kiêm nhiệm\nl. Các trường hợp sau được phép là phóng viên thường trú kiêm nhiệm.\n3. Phóng viên thường trú phải có thẻ nhà báo còn hiệu lực.\n",
			"Đ13.3/1/tasks:Phóng viên thường trú phải có thẻ nhà báo còn hiệu lực.\n"},
		// A sanction's clause 1 whose label OCR lost, its points a) to k),
		// and the point l) read with a dot: "l." follows the points as
		// their letter, no clause 1 after them (i30-rev-outline).
		{"'l.' after 'k)' with no clause before, before '2.', is no clause 1",
			"Điều 21. Vi phạm quy định về lưu trữ hồ sơ\nPhạt tiền từ 10.000.000 đồng đến 20.000.000 đồng đối với một trong các hành vi sau đây:\n" +
				"a) Không lập hồ sơ theo quy định;\nb) Lập hồ sơ không đầy đủ;\nc) Không cập nhật hồ sơ;\nd) Không bàn giao hồ sơ;\nđ) Làm mất hồ sơ;\n" +
				"e) Sửa chữa hồ sơ;\ng) Tẩy xóa hồ sơ;\nh) Không bảo quản hồ sơ;\ni) Không số hóa hồ sơ;\nk) Không báo cáo việc lưu trữ hồ sơ;\n" +
				"l. Không lưu trữ hồ sơ đủ thời hạn theo quy định.\n2. Hình thức xử phạt bổ sung: tịch thu tang vật vi phạm.\n",
			"Đ21.a/1/tasks:Không lập hồ sơ theo quy định;\nĐ21.b/1/tasks:Lập hồ sơ không đầy đủ;\nĐ21.c/1/tasks:Không cập nhật hồ sơ;\nĐ21.d/1/tasks:Không bàn giao hồ sơ;\nĐ21.đ/1/tasks:Làm mất hồ sơ;\n" +
				"Đ21.e/1/tasks:Sửa chữa hồ sơ;\nĐ21.g/1/tasks:Tẩy xóa hồ sơ;\nĐ21.h/1/tasks:Không bảo quản hồ sơ;\nĐ21.i/1/tasks:Không số hóa hồ sơ;\nĐ21.k/1/tasks:Không báo cáo việc lưu trữ hồ sơ;\n" +
				"l. Không lưu trữ hồ sơ đủ thời hạn theo quy định.\nĐ21.2/1/tasks:Hình thức xử phạt bổ sung: tịch thu tang vật vi phạm.\n"},
		{"a point 'l)' after 'k)' stays a point",
			"Điều 5. Hồ sơ\n1. Hồ sơ gồm:\nk) Bản sao giấy phép.\nl) Báo cáo tài chính.\n2. Nộp hồ sơ trực tuyến.",
			"Đ5.1/1H/tasks:Hồ sơ gồm:\nĐ5.1.k/2/tasks:Bản sao giấy phép.\nĐ5.1.l/2/tasks:Báo cáo tài chính.\nĐ5.2/1/tasks:Nộp hồ sơ trực tuyến.\n"},
	}
	checkOutlines(t, tests)
}
