package filetext

import (
	"context"
	"errors"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/crawler/filetext/filetexttest"
)

// letterHTML is a công văn of a fictional province, written for these
// tests in the ND 30 layout: the header's two columns as a table (issuer
// and "Số: …" | Quốc hiệu and the date line), "V/v" under the number, the
// body and the signature. number is the HTML of the number's cell after
// "Số: ".
func letterHTML(number string) string {
	return `<!doctype html><html><head><meta charset="utf-8"><style>
@page { size: A4; margin: 20mm 20mm 20mm 30mm; }
body { font-family: "Liberation Serif", "Times New Roman", serif; font-size: 13pt; }
table { width: 100%; border-collapse: collapse; } td { vertical-align: top; text-align: center; padding: 0; }
p { text-align: justify; text-indent: 1cm; margin: 6pt 0; font-size: 14pt; }
.scribble { position: relative; display: inline-block; }
.scribble svg { position: absolute; left: -6pt; top: -4pt; }
</style></head><body>
<table><tr><td style="width:40%">ỦY BAN NHÂN DÂN<br><b>TỈNH PHÚ AN</b></td>
<td style="width:60%"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b></td></tr>
<tr><td style="padding-top:10pt">Số: ` + number + `<br><span style="font-size:12pt">V/v triển khai sổ tay hướng dẫn<br>chuyển đổi số cấp xã</span></td>
<td style="padding-top:10pt"><i>Phú An, ngày 14 tháng 8 năm 2025</i></td></tr></table>
<p style="text-align:center;text-indent:0;margin-top:18pt">Kính gửi: Các sở, ban, ngành tỉnh.</p>
<p>Thực hiện Kế hoạch số 45/KH-UBND ngày 10 tháng 3 năm 2025 của Ủy ban nhân dân tỉnh về chuyển đổi số, Ủy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị triển khai các nội dung sau đây trong tháng 9 năm 2025.</p>
<p>1. Phổ biến sổ tay hướng dẫn đến từng cán bộ, công chức cấp xã; tổ chức tập huấn theo nhóm nhỏ tại trụ sở.</p>
<p>2. Báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ trước ngày 30 tháng 9 năm 2025 để tổng hợp./.</p>
<table><tr><td style="width:45%;text-align:left;font-size:11pt"><b><i>Nơi nhận:</i></b><br>- Như trên;<br>- Lưu: VT.</td>
<td><b>TM. ỦY BAN NHÂN DÂN<br>CHỦ TỊCH</b><br><br><br><br><b>Trần Văn Bình</b></td></tr></table>
</body></html>`
}

// scribbled is a number whose digits are struck through by pen strokes:
// no reading of them is sure.
const scribbled = `<span class="scribble">327<svg width="40pt" height="20pt" viewBox="0 0 40 20">` +
	`<path d="M0 12 C 6 0, 10 22, 16 6 S 26 20, 30 2 S 36 18, 40 8" stroke="black" stroke-width="2.4" fill="none"/>` +
	`<path d="M2 4 L 38 16 M4 18 L 36 0" stroke="black" stroke-width="2" fill="none"/></svg></span>/UBND-KGVX`

// TestHeadReread reads scanned letters made for the test (Chromium prints
// the letter, pdftoppm renders it at a scanner's resolution, noise is
// added, the pages are wrapped as images only). A header the first OCR
// pass reads is not read again; a coarse scan whose number the first
// pass reads under unsureConf gets it from the header re-read; a number
// struck through by pen strokes stays empty, never guessed.
func TestHeadReread(t *testing.T) {
	if testing.Short() {
		t.Skip("OCR of scanned letters (about 10 s each): not with -short")
	}
	filetexttest.RequireOCR(t)
	filetexttest.RequireChromium(t)
	for _, tc := range []struct {
		name         string
		number       string // the cell after "Số: "
		dpi          int    // the scan's resolution
		wantNumber   string
		wantDate     string
		wantReread   bool
		wantNoNumber bool // the number must be left empty
	}{
		{name: "300-dpi scan: the first pass reads the header", number: "327/UBND-KGVX", dpi: 300,
			wantNumber: "327/UBND-KGVX", wantDate: "2025-08-14"},
		{name: "100-dpi scan: the number's digits unsure at first, confirmed by the re-read", number: "327/UBND-KGVX", dpi: 100,
			wantNumber: "327/UBND-KGVX", wantDate: "2025-08-14", wantReread: true},
		{name: "digits struck through by pen strokes: left empty", number: scribbled, dpi: 300,
			wantDate: "2025-08-14", wantReread: true, wantNoNumber: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pages := filetexttest.RenderHTML(t, letterHTML(tc.number), tc.dpi)
			for i, p := range pages {
				filetexttest.Scan(p, 9, uint64(i+1))
			}
			pdf := filetexttest.ScanPDF(pages, float64(tc.dpi))
			r := NewReader(Options{})
			start := time.Now()
			res, err := r.Read(context.Background(), "letter.pdf", pdf)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("number %q date %q, header re-read %+v in %v (file %v)", res.Number, res.Published, res.head,
				res.headTook.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
			if len(res.OCRPages) == 0 || res.OCRPages[0] != 1 {
				t.Fatalf("OCR pages %v, want page 1 OCR'd: the test file must be a scan", res.OCRPages)
			}
			if tc.wantNoNumber && res.Number != "" {
				t.Errorf("number %q, want empty: the digits cannot be read for sure", res.Number)
			}
			if !tc.wantNoNumber && res.Number != tc.wantNumber {
				t.Errorf("number %q, want %q", res.Number, tc.wantNumber)
			}
			if res.Published != tc.wantDate {
				t.Errorf("date %q, want %q", res.Published, tc.wantDate)
			}
			first, reread := needsHeadRead(strings.Split(res.PageText[0].Text, "\n"), res.unsure)
			if reread != tc.wantReread {
				t.Errorf("header re-read needed %v (first read number %q, date %q), want %v", reread, first.number, first.date, tc.wantReread)
			}
		})
	}
}

// TestHeadRereadContext: the header re-read runs its tools with the
// read's context; a cancelled one stops it with the context's error.
func TestHeadRereadContext(t *testing.T) {
	filetexttest.RequireOCR(t)
	dir := t.TempDir()
	pdf := filepath.Join(dir, "in.pdf")
	page := image.NewGray(image.Rect(0, 0, 300, 400))
	for i := range page.Pix {
		page.Pix[i] = 255
	}
	pages := []*image.Gray{page}
	if err := os.WriteFile(pdf, filetexttest.ScanPDF(pages, 100), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := NewReader(Options{})
	_, err := r.rereadHeader(ctx, pdf, dir, 216, 288, 300, headRead{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

// TestUnsureDate: a date is unsure when a digit word OCR read under
// unsureConf holds its day, month or year as typed, with or without the
// leading zero. Lines written for the test.
func TestUnsureDate(t *testing.T) {
	for _, tc := range []struct {
		date   string
		unsure []string
		want   bool
	}{
		{"2025-08-14", nil, false},
		{"2025-08-14", []string{"ngày14"}, true},
		{"2025-08-04", []string{"4"}, true},         // the day typed without its zero
		{"2025-08-04", []string{"04"}, true},        // and with it
		{"2025-08-14", []string{"2025"}, true},      // the year
		{"2025-08-14", []string{"(3)", "7"}, false}, // other digits
		{"2025-8", nil, true},                       // not a full date
	} {
		if got := unsureDate(tc.date, tc.unsure); got != tc.want {
			t.Errorf("unsureDate(%q, %q) = %v, want %v", tc.date, tc.unsure, got, tc.want)
		}
	}
}

// TestDateLineUnsure: only the unsure words of the date line count for
// the date. Lines written for the test.
func TestDateLineUnsure(t *testing.T) {
	lines := []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
		"Phú An, ngày 1ế tháng 8 năm 2025", "Thực hiện Kế hoạch số 48/KH-UBND ngày 10/3/2025 của"}
	for _, tc := range []struct {
		name          string
		lines, unsure []string
		want          string
	}{
		{"a body line's word left out", lines, []string{"1ế", "48/KH-UBND"}, "1ế"},
		{"none on the date line", lines, []string{"48/KH-UBND"}, ""},
		{"no date line: all kept", lines[:2], []string{"48/KH-UBND"}, "48/KH-UBND"},
		{"the date line as a cell", []string{"Số: 12/UBND | Phú An, ngày 14 tháng 8 năm 2025"}, []string{"14", "12/UBND"}, "14"},
	} {
		if got := strings.Join(dateLineUnsure(tc.lines, tc.unsure), " "); got != tc.want {
			t.Errorf("%s: dateLineUnsure = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestNeedsHeadRead: page 1's first read needs the header re-read when
// its number or date is missing, or its number's digits are unsure.
// Lines written for the test in the shapes Tesseract gives.
func TestNeedsHeadRead(t *testing.T) {
	header := func(number, date string) []string {
		return []string{"ỦY BAN NHÂN DÂN", "TỈNH PHÚ AN", "Số: " + number, "V/v triển khai sổ tay",
			"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Phú An, " + date,
			"Kính gửi: Các sở, ban, ngành tỉnh.", "Thực hiện Kế hoạch số 45/KH-UBND ngày 10 tháng 3 năm 2025 của Ủy ban nhân dân tỉnh về chuyển đổi số."}
	}
	for _, tc := range []struct {
		name   string
		lines  []string
		unsure []string
		want   bool
	}{
		{"both read", header("327/UBND-KGVX", "ngày 14 tháng 8 năm 2025"), nil, false},
		{"number unreadable", header("đ# /UBND-KGVX", "ngày 14 tháng 8 năm 2025"), nil, true},
		{"day unreadable", header("327/UBND-KGVX", "ngày.#† tháng 8 năm 2025"), nil, true},
		{"number read under unsureConf", header("327/UBND-KGVX", "ngày 14 tháng 8 năm 2025"), []string{"327/UBND-KGVX"}, true},
		{"another unsure word", header("327/UBND-KGVX", "ngày 14 tháng 8 năm 2025"), []string{"19/6/2015"}, false},
	} {
		if _, got := needsHeadRead(tc.lines, tc.unsure); got != tc.want {
			t.Errorf("%s: needsHeadRead = %v, want %v", tc.name, got, tc.want)
		}
	}
}
