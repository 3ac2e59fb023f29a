package filetext

import (
	"context"
	"slices"
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

// planFile is the plan decision 71 of slipFile would approve, drafted
// with a header and number of its own and a "kèm theo" line under its
// title, as an office saves it after the decision. Written for this test.
var planFile = []string{
	"ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
	"TỈNH PHÚ AN | Độc lập - Tự do - Hạnh phúc",
	"Số: 19/KH-UBND | Phú An, ngày 03 tháng 2 năm 2026",
	"KẾ HOẠCH",
	"Triển khai nền tảng số dùng chung năm 2026",
	"(Kèm theo Quyết định số 71/QĐ-UBND ngày 03 tháng 2 năm 2026 của Ủy ban nhân dân tỉnh)",
	"I. MỤC ĐÍCH, YÊU CẦU",
	"1. Các cơ quan dùng chung nền tảng số của tỉnh.",
	"II. NHIỆM VỤ",
	"1. Kết nối hệ thống quản lý văn bản với nền tảng dùng chung./.",
}

// TestCoverSlipAttachedPlan: a decision followed by the plan it approves
// — a header and a "Số:" line of the plan's own, "kèm theo" the decision
// — is one document with an attachment, slip or no slip: nothing is
// "transmitted", the file is titled by the decision alone, and the plan's
// text is kept. With the slip, i25-extract named the plan as a second
// document the slip transmits and titled the file by it.
func TestCoverSlipAttachedPlan(t *testing.T) {
	decision := slipFile[6:19] // decision 71, its header to its signature
	for _, f := range []struct {
		name  string
		lines []string
	}{
		{"slip-decision-plan.docx", slices.Concat(slipFile[:6], decision, planFile)},
		{"decision-plan.docx", slices.Concat(decision, planFile)},
	} {
		t.Run(f.name, func(t *testing.T) {
			res, err := NewReader(Options{}).Read(context.Background(), f.name, filetexttest.DOCX(f.lines))
			if err != nil {
				t.Fatal(err)
			}
			if res.Number != "71/QĐ-UBND" || res.Type != "Quyết định" {
				t.Errorf("file = %q %q, want 71/QĐ-UBND's", res.Number, res.Type)
			}
			if len(res.Transmitted) != 0 {
				t.Errorf("transmitted = %+v, want none: the plan is the decision's attachment", res.Transmitted)
			}
			if want := "Quyết định số 71/QĐ-UBND về việc ban hành Quy chế quản lý nền tảng số dùng chung của tỉnh"; res.Title != want {
				t.Errorf("title = %q, want %q", res.Title, want)
			}
			if f.name == "slip-decision-plan.docx" { // main loses the plan's text without a slip; not this test's
				var text []string
				for _, s := range res.Sections {
					text = append(text, s.Text)
				}
				bodyHas(t, f.name+" sections", strings.Join(text, "\n"), "Số: 19/KH-UBND", "1. Kết nối hệ thống quản lý văn bản với nền tảng dùng chung./.")
			}
		})
	}
}
