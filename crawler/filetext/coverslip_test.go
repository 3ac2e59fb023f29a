package filetext

import (
	"context"
	"strings"
	"testing"

	"github.com/vanban/vanban/crawler/extract"
	"github.com/vanban/vanban/crawler/filetext/filetexttest"
)

// slipFile is a phiếu chuyển over two decisions of a fictional province,
// as an office scans or saves them into one file: the slip, then each
// decision with its ND 30 header (the second's written column by column).
// Written for this test.
var slipFile = []string{
	"VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH PHÚ AN",
	"PHIẾU CHUYỂN",
	"Văn phòng chuyển Quyết định số 71/QĐ-UBND và Quyết định số 72/QĐ-UBND đến các cơ quan, đơn vị để thực hiện./.",
	"TL. CHỦ TỊCH",
	"CHÁNH VĂN PHÒNG",
	"Đỗ Thanh Hải",
	"ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
	"TỈNH PHÚ AN | Độc lập - Tự do - Hạnh phúc",
	"Số: 71/QĐ-UBND | Phú An, ngày 03 tháng 2 năm 2026",
	"QUYẾT ĐỊNH",
	"Về việc ban hành Quy chế quản lý nền tảng số dùng chung của tỉnh",
	"ỦY BAN NHÂN DÂN TỈNH PHÚ AN",
	"Căn cứ Luật Giao dịch điện tử ngày 22 tháng 6 năm 2023;",
	"QUYẾT ĐỊNH:",
	"Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý nền tảng số dùng chung của tỉnh.",
	"Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.",
	"Nơi nhận: | TM. ỦY BAN NHÂN DÂN",
	"- Như Điều 2; | CHỦ TỊCH",
	"- Lưu: VT. | Nguyễn Văn An",
	"ỦY BAN NHÂN DÂN",
	"TỈNH PHÚ AN",
	"Số: 72/QĐ-UBND",
	"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
	"Độc lập - Tự do - Hạnh phúc",
	"Phú An, ngày 04 tháng 2 năm 2026",
	"QUYẾT ĐỊNH",
	"Về việc giao chỉ tiêu hồ sơ trực tuyến toàn trình năm 2026",
	"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH PHÚ AN",
	"Căn cứ Nghị định số 45/2020/NĐ-CP ngày 08 tháng 4 năm 2020 của Chính phủ;",
	"QUYẾT ĐỊNH:",
	"Điều 1. Giao chỉ tiêu tỷ lệ hồ sơ trực tuyến toàn trình năm 2026 cho các sở, ngành.",
	"Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.",
	"Nơi nhận:",
	"- Như Điều 2;",
	"KT. CHỦ TỊCH",
	"PHÓ CHỦ TỊCH",
	"Trần Văn Bình",
}

// TestCoverSlipFile: a file holding a phiếu chuyển over two decisions is
// filed under the first (its number, type, issuer, date: the slip has no
// identity of its own and names it first), names the second with its own
// fields, and keeps both decisions' text: the second's header, body and
// signature are a section of the document's text.
func TestCoverSlipFile(t *testing.T) {
	for _, f := range []struct {
		name string
		data []byte
	}{
		{"phieu-chuyen.docx", filetexttest.DOCX(slipFile)},
		{"phieu-chuyen.odt", filetexttest.ODTLines(slipFile)},
	} {
		t.Run(f.name, func(t *testing.T) {
			res, err := NewReader(Options{}).Read(context.Background(), f.name, f.data)
			if err != nil {
				t.Fatal(err)
			}
			if res.Number != "71/QĐ-UBND" || res.Type != "Quyết định" || res.Issuer != "Ủy ban nhân dân tỉnh Phú An" || res.Published != "2026-02-03" {
				t.Errorf("file = %q %q %q %q, want 71/QĐ-UBND's", res.Number, res.Type, res.Issuer, res.Published)
			}
			want := []extract.Identity{{Number: "72/QĐ-UBND", Type: "Quyết định", Issuer: "Ủy ban nhân dân tỉnh Phú An",
				Published: "2026-02-04", Title: "Về việc giao chỉ tiêu hồ sơ trực tuyến toàn trình năm 2026"}}
			if len(res.Transmitted) != 1 || res.Transmitted[0] != want[0] {
				t.Errorf("transmitted = %+v, want %+v", res.Transmitted, want)
			}
			if want := "Quyết định số 71/QĐ-UBND về việc ban hành Quy chế quản lý nền tảng số dùng chung của tỉnh; Quyết định số 72/QĐ-UBND về việc giao chỉ tiêu hồ sơ trực tuyến toàn trình năm 2026"; res.Title != want {
				t.Errorf("title = %q, want %q", res.Title, want)
			}
			bodyHas(t, f.name, res.Body, "Điều 1. Ban hành kèm theo Quyết định này Quy chế", "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.")
			var text []string
			for _, s := range res.Sections {
				text = append(text, s.Text)
			}
			bodyHas(t, f.name+" sections", strings.Join(text, "\n"),
				"Số: 72/QĐ-UBND", "Điều 1. Giao chỉ tiêu tỷ lệ hồ sơ trực tuyến toàn trình năm 2026", "Trần Văn Bình")
		})
	}
}
