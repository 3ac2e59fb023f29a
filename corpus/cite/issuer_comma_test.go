package cite

import "testing"

// issuerCommaCases are sentences written for this test: an issuer after
// "của" ends at a comma unless the list goes on to a "và" or the key's
// issuer code names the next name too (a joint document).
var issuerCommaCases = []struct {
	in, key, issuer string
}{
	// the next clause's subject is not an issuer
	{`Thực hiện Kế hoạch số 57/KH-UBND ngày 04/4/2025 của UBND tỉnh Quảng Trị, Sở Y tế đã tổ chức tập huấn cho cán bộ y tế cơ sở.`,
		"57/KH-UBND", "UBND tỉnh Quảng Trị"},
	{`Căn cứ Quyết định số 1024/QĐ-UBND ngày 12/5/2025 của Chủ tịch UBND tỉnh Nghệ An, Sở Tài chính hướng dẫn như sau:`,
		"1024/QĐ-UBND", "UBND tỉnh Nghệ An"},
	{`Theo Công văn số 315/BYT-KHTC ngày 02/02/2025 của Bộ Y tế, Bộ Tài chính sẽ bố trí kinh phí trong quý II.`,
		"315/BYT-KHTC", "Bộ Y tế"},
	{`Triển khai Chỉ thị số 08-CT/TU ngày 20/6/2024 của Ban Thường vụ Tỉnh ủy Lạng Sơn, Hội Nông dân tỉnh đã phối hợp tổ chức hội nghị.`,
		"08-CT/TU", "Ban Thường vụ Tỉnh ủy Lạng Sơn"},
	{`Nghị quyết số 215/NQ-CP ngày 10/10/2025 của Chính phủ, Thủ tướng Chính phủ yêu cầu các bộ khẩn trương triển khai.`,
		"215/NQ-CP", "Chính phủ"},
	{`Sau khi có Thông tư số 19/2025/TT-BTC của Bộ Tài chính, Ủy ban nhân dân tỉnh Cà Mau giao Sở Tài chính hướng dẫn.`,
		"19/2025/TT-BTC", "Bộ Tài chính"},
	{`Thực hiện Quyết định số 1890/QĐ-UBND về kiện toàn Ban Chỉ đạo chuyển đổi số ngày 11/9/2025 của UBND tỉnh Gia Lai, Sở Nội vụ đã rà soát thành viên.`,
		"1890/QĐ-UBND", "UBND tỉnh Gia Lai"}, // the date and issuer after a trích yếu
	// a list of issuers: closed by "và", or the names a joint key spells
	{`Căn cứ Thông tư liên tịch số 52/2016/TTLT-BTC-BNV hướng dẫn quản lý biên chế ngày 15/3/2016 của Bộ Tài chính, Bộ Nội vụ;`,
		"52/2016/TTLT-BTC-BNV", "Bộ Tài chính và Bộ Nội vụ"},
	{`Căn cứ Thông tư liên tịch số 24/2016/TTLT-BCA-BQP-BYT ngày 30/6/2016 của Bộ Công an, Bộ Quốc phòng và Bộ Y tế quy định về phối hợp;`,
		"24/2016/TTLT-BCA-BQP-BYT", "Bộ Công an, Bộ Quốc phòng và Bộ Y tế"},
	{`Căn cứ Thông tư liên tịch số 31/2014/TTLT-BTC-BGDĐT ngày 05/3/2014 của Bộ Tài chính, Bộ Giáo dục và Đào tạo hướng dẫn cơ chế tài chính;`,
		"31/2014/TTLT-BTC-BGDĐT", "Bộ Tài chính và Bộ Giáo dục và Đào tạo"},
	{`Thực hiện Kết luận số 140-KL/TW ngày 03/4/2025 của Bộ Chính trị, Ban Bí thư, các huyện ủy đã xây dựng kế hoạch.`,
		"140-KL/TW", "Bộ Chính trị và Ban Bí thư"},
	{`Căn cứ Thông tư số 17/2023/TT-BVHTTDL ngày 09/8/2023 của Bộ Văn hóa, Thể thao và Du lịch, Sở Văn hóa tỉnh Ninh Bình hướng dẫn như sau:`,
		"17/2023/TT-BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"},
}

// TestIssuerEndsAtComma wants each reference's issuer as the table says.
func TestIssuerEndsAtComma(t *testing.T) {
	for _, c := range issuerCommaCases {
		found := false
		for _, r := range ParseRefs(c.in) {
			if r.Key != c.key {
				continue
			}
			found = true
			if r.Issuer != c.issuer {
				t.Errorf("%s: issuer %q, want %q\n\tin %s", c.key, r.Issuer, c.issuer, c.in)
			}
		}
		if !found {
			t.Errorf("%s not found in %s", c.key, c.in)
		}
	}
}
