package extract

import (
	"strings"
	"testing"
)

// Header fields OCR damages in ways with one reading (docs/log/i30-attach.md):
// the "Số:" label's ố read as a digit or its colon as ";", the date line's
// words with a wrong tone mark ("thảng", "thẳng", "nắm"), a number's dash
// typed or read as an en dash. Each shape has a row from a real line (the
// attachments' OCR, govdocs) and rows written for the test in a fictional
// province (Phú An); the guards keep what must stay empty empty.
var ocrHeaderTests = []struct {
	name, source string
	text         string
	number, date string
}{
	{
		name: "Số: read S6:", source: "written (Tesseract reads ố as 6 on a coarse scan)",
		text: `ỦY BAN NHÂN DÂN
TỈNH PHÚ AN
S6: 125/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Phú An, ngày 12 tháng 3 năm 2026
QUYẾT ĐỊNH
Về việc phê duyệt kế hoạch trồng rừng năm 2026`,
		number: "125/QĐ-UBND", date: "2026-03-12",
	},
	{
		name: "Số: read S0: in a cell", source: "written (a district's two-column header)",
		text: `ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN SÔNG CẦU | Độc lập - Tự do - Hạnh phúc
S0: 47/KH-UBND | Sông Cầu, ngày 02 tháng 4 năm 2026
KẾ HOẠCH
Triển khai chuyển đổi số năm 2026`,
		number: "47/KH-UBND", date: "2026-04-02",
	},
	{
		name: "Số read S0, colon lost", source: "written (shape of i29-held's \"Số 1234/QĐ-UBND\" row, ố read 0)",
		text: `ỦY BAN NHÂN DÂN TỈNH PHÚ AN
S0 1234/QĐ-UBND | Phú An, ngày 14 tháng 2 năm 2026
QUYẾT ĐỊNH
Về việc giao chỉ tiêu kế hoạch`,
		number: "1234/QĐ-UBND", date: "2026-02-14",
	},
	{
		name: "Số; the colon read as a semicolon", source: "written (an OCR'd letter)",
		text: `SỞ TÀI CHÍNH TỈNH PHÚ AN
Số; 318/STC-NS
V/v hướng dẫn lập dự toán ngân sách năm 2027
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Phú An, ngày 20 tháng 7 năm 2026
Kính gửi: Các sở, ban, ngành tỉnh`,
		number: "318/STC-NS", date: "2026-07-20",
	},
	{
		name: "tháng read thảng", source: "attachments (2191/CT-CS's OCR: \"ngày 09 thảng ?#\"), printed day and month",
		text: `BỘ TÀI CHÍNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
CỤC THUẾ | Độc lập - Tự do - Hạnh phúc
Số: 2191/CT-CS | Hà Nội, ngày 08 thảng 4 năm 2026
V/v chính sách thuế thu nhập doanh nghiệp`,
		number: "2191/CT-CS", date: "2026-04-08",
	},
	{
		name: "tháng read thẳng", source: "govdocs (97/2026/NĐ-CP's form: \"ngày 31 thẳng 3 năm 2026\")",
		text: `ỦY BAN NHÂN DÂN TỈNH PHÚ AN
Số: 56/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Phú An, ngày 31 thẳng 3 năm 2026
QUYẾT ĐỊNH`,
		number: "56/QĐ-UBND", date: "2026-03-31",
	},
	{
		name: "tháng read thắng, năm read nắm", source: "govdocs (\"ngày 26 thắng 12 năm 2024\"), attachments (1360/QĐ-TTg's OCR: \"nắm 2022\")",
		text: `THỦ TƯỚNG CHÍNH PHỦ
Số: 1360/QĐ-TTg
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 26 thắng 6 nắm 2025
QUYẾT ĐỊNH`,
		number: "1360/QĐ-TTg", date: "2025-06-26",
	},
	{
		name: "ngày read ngảy, năm read nãm", source: "written (a grey scan's header)",
		text: `ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ PHÚ HÒA | Độc lập - Tự do - Hạnh phúc
Số: 09/TB-UBND | Phú Hòa, ngảy 5 tháng 3 nãm 2026
THÔNG BÁO
Kết luận của Chủ tịch Ủy ban nhân dân xã`,
		number: "09/TB-UBND", date: "2026-03-05",
	},
	{
		name: "the number's dash an en dash", source: "govdocs (\"Thông tư 08/2010/TT–BYT\"), written header",
		text: `BỘ Y TẾ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 15/2026/TT–BYT | Hà Nội, ngày 10 tháng 6 năm 2026
THÔNG TƯ
Quy định về đăng ký lưu hành thuốc`,
		number: "15/2026/TT-BYT", date: "2026-06-10",
	},
	{
		name: "an en dash in a district's number", source: "written (a DOCX whose editor made the dash an en dash)",
		text: `ỦY BAN NHÂN DÂN HUYỆN TUY AN
Số: 12/QĐ–UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Phú An, ngày 5 tháng 3 năm 2026
QUYẾT ĐỊNH`,
		number: "12/QĐ-UBND", date: "2026-03-05",
	},
	// Guards.
	{
		name: "guard: a handwritten number OCR'd as letters stays empty", source: "attachments (84/QĐ-UBND's OCR: \"Số: đ# /QĐ-UBND\")",
		text: `ỦY BAN NHÂN DÂN
TỈNH PHÚ AN
S6: đ# /QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Phú An, ngàyà tháng 02 năm 2025
QUYẾT ĐỊNH`,
	},
	{
		name: "guard: S6 in a body line is no number label", source: "written",
		text: `BÁO CÁO
Kết quả kiểm tra xe cơ giới
S6 52/QĐ-UBND của xe tải biển số 78C-012.34 không khớp hồ sơ.`,
	},
	{
		// i30-rev-extract: a dash glued to the next word is a hyphen only
		// inside the code (upper case and digits); the place after it
		// ("—Hà Nội") is no part of the number (main read 12/2026/TT-BTC).
		name: "guard: an em dash between the number and the place", source: "written (a DOCX header typed on one line)",
		text: `BỘ TÀI CHÍNH
Số: 12/2026/TT-BTC—Hà Nội, ngày 5 tháng 3 năm 2026
THÔNG TƯ
Quy định về quản lý phí`,
		number: "12/2026/TT-BTC", date: "2026-03-05",
	},
	{
		name: "guard: an en dash before a lower-case word", source: "written",
		text: `ỦY BAN NHÂN DÂN HUYỆN TUY AN
Số: 12/QĐ-UBND–bổ sung
QUYẾT ĐỊNH`,
		number: "12/QĐ-UBND",
	},
}

func TestOCRHeaderFields(t *testing.T) {
	for _, tt := range ocrHeaderTests {
		t.Run(tt.name, func(t *testing.T) {
			d := ParseDocument(strings.Split(tt.text, "\n"))
			if d.Number != tt.number {
				t.Errorf("%s: number %q, want %q", tt.source, d.Number, tt.number)
			}
			if d.Published != tt.date {
				t.Errorf("%s: date %q, want %q", tt.source, d.Published, tt.date)
			}
		})
	}
}
