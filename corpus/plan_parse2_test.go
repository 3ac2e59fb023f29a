package corpus

import "testing"

// TestOutlineStraightQuotes covers quoted amendments typed with straight
// quotes after "… như sau:" (i17-parse2). Real lines, quoted from
// ../shared/data govdocs (NĐ 236/2026, NĐ 243/2026, NĐ 260/2026: an OCR'd
// stray quote), stand beside lines written for the test.
func TestOutlineStraightQuotes(t *testing.T) {
	tests := []outlineCase{
		{"a straight-quoted amendment is the text of the item announcing it (real lines)",
			"Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 151/2024/NĐ-CP\n1. Sửa đổi, bổ sung khoản 1, khoản 2 như sau:\n\"1, Cơ sở dữ liệu về trật tự, an toàn giao thông đường bộ gồm:\na) Cơ sở dữ liệu về đăng ký xe;\nb) Cơ sở dữ liệu về giấy phép lái xe.\"\n2. Bổ sung điểm c vào sau điểm b khoản 1 Điều này như sau:\n\"c) Đơn vị bán lẻ điện tại các mô hình khu, cụm.\";\n3. Bãi bỏ khoản 4 Điều 7.",
			"Đ1.1/1/tasks:Sửa đổi, bổ sung khoản 1, khoản 2 như sau:\n\"1, Cơ sở dữ liệu về trật tự, an toàn giao thông đường bộ gồm:\na) Cơ sở dữ liệu về đăng ký xe;\nb) Cơ sở dữ liệu về giấy phép lái xe.\"\n" +
				"Đ1.2/1H/tasks:Bổ sung điểm c vào sau điểm b khoản 1 Điều này như sau:\nĐ1.2.¶1/2/tasks:\"c) Đơn vị bán lẻ điện tại các mô hình khu, cụm.\";\nĐ1.3/1/tasks:Bãi bỏ khoản 4 Điều 7.\n"},
		{"a quoted term at the end of a line inside the quote does not close it",
			"Điều 2. Sửa đổi Quy chế\n1. Sửa đổi khoản 3 Điều 2 như sau:\n\"3. Hệ thống thông tin giải quyết thủ tục hành chính cấp tỉnh gọi tắt là \"Hệ thống\".\n4. Hệ thống kết nối với Cổng Dịch vụ công quốc gia.\"\n2. Bãi bỏ Điều 9.",
			"Đ2.1/1/tasks:Sửa đổi khoản 3 Điều 2 như sau:\n\"3. Hệ thống thông tin giải quyết thủ tục hành chính cấp tỉnh gọi tắt là \"Hệ thống\".\n4. Hệ thống kết nối với Cổng Dịch vụ công quốc gia.\"\nĐ2.2/1/tasks:Bãi bỏ Điều 9.\n"},
		{"a stray quote after a definitions line opens nothing (real lines, OCR)",
			"Điều 3. Giải thích từ ngữ\nTrong Nghị định này, các tử ngữ dưới đây được:hiểu như sau:\n\" 1. Hạ tầng công nghệ là hệ thống các cơ sở vật chất, kỹ thuật và nền tảng.\n2. Khu công nghệ cao là khu kinh tế chức năng.\nĐiều 4. Hỗ trợ đầu tư\n1. Nhà nước hỗ trợ đầu tư hạ tầng.",
			"Đ3.2/1/tasks:Khu công nghệ cao là khu kinh tế chức năng.\nĐ4.1/1/tasks:Nhà nước hỗ trợ đầu tư hạ tầng.\n"},
		{"a quote never closed ends at the amending document's next article",
			"Điều 1. Sửa đổi, bổ sung Thông tư số 23/2013/TT-BKHCN\n1. Sửa đổi khoản 3 Điều 4 như sau:\n\"3. Khối lượng vàng không được nhỏ hơn khối lượng công bố.\nĐiều 2. Hiệu lực thi hành\n1. Thông tư này có hiệu lực từ ngày 01 tháng 7 năm 2026.",
			"Đ1.1/1/tasks:Sửa đổi khoản 3 Điều 4 như sau:\n\"3. Khối lượng vàng không được nhỏ hơn khối lượng công bố.\nĐ2.1/1/tasks:Thông tư này có hiệu lực từ ngày 01 tháng 7 năm 2026.\n"},
		{"a quote never closed ends at Nơi nhận, whatever its marks",
			"Điều 1. Sửa đổi, bổ sung Quy chế\n1. Sửa đổi khoản 2 Điều 4 như sau:\n\"2. Hồ sơ đề nghị gồm:\na) Đơn đề nghị theo mẫu;\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT, NC.",
			"Đ1.1/1/tasks:Sửa đổi khoản 2 Điều 4 như sau:\n\"2. Hồ sơ đề nghị gồm:\na) Đơn đề nghị theo mẫu;\n"},
		{"an article the quote puts in force stays in it",
			"Điều 1. Sửa đổi Nghị định số 12/2024/NĐ-CP\n1. Sửa đổi Điều 4 như sau:\n\"Điều 4. Thẩm quyền cấp giấy chứng nhận\n1. Sở Y tế cấp giấy chứng nhận.\nĐiều 5. Hồ sơ\nHồ sơ gồm đơn đề nghị.\"\nĐiều 2. Hiệu lực thi hành",
			"Đ1.1/1/tasks:Sửa đổi Điều 4 như sau:\n\"Điều 4. Thẩm quyền cấp giấy chứng nhận\n1. Sở Y tế cấp giấy chứng nhận.\nĐiều 5. Hồ sơ\nHồ sơ gồm đơn đề nghị.\"\n"},
	}
	checkOutlines(t, tests)
}
