package filetext

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/crawler/filetext/filetexttest"
)

// The demo portal's attachments (scripts/attachments/gen.sh writes them from
// texts written for the demo) are the fixtures: one file of each kind.
const fixtures = "../../demo/site/files"

func readFixture(t *testing.T, name string, opt Options) *Result {
	t.Helper()
	res, err := NewReader(opt).ReadFile(context.Background(), filepath.Join(fixtures, name))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return res
}

func TestFixtures(t *testing.T) {
	requireTools(t, "pdftotext", "pdfinfo", "antiword")
	for _, tt := range []struct {
		file, kind, number, typ, issuer, date, signer, enc string
		first, last                                        string
	}{
		{"45-KH-UBND.pdf", "pdf", "45/KH-UBND", "Kế hoạch", "Ủy ban nhân dân tỉnh Phú An", "2025-03-12",
			"TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Trần Minh Quang", "",
			"Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị", "để tổng hợp, báo cáo Ủy ban nhân dân tỉnh./."},
		{"236-KH-UBND.docx", "docx", "236/KH-UBND", "Kế hoạch", "Ủy ban nhân dân tỉnh Phú An", "2023-01-10",
			"TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Lê Văn Thành", "",
			"Căn cứ Nghị quyết số 154/NQ-CP ngày 23/11/2022", "để tổng hợp, báo cáo Ủy ban nhân dân tỉnh./."},
		{"612-QD-UBND.doc", "doc", "612/QĐ-UBND", "Quyết định", "Ủy ban nhân dân tỉnh Phú An", "2024-03-18",
			"tm. ủy ban nhân dân / kt. chủ tịch / Nguyễn Thị Hồng Nhung", "tcvn3",
			"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", "chịu trách nhiệm thi hành Quyết định này./."},
	} {
		res := readFixture(t, tt.file, Options{NoOCR: true})
		got := []string{string(res.Kind), res.Number, res.Type, res.Issuer, res.Published, res.Signer, res.Encoding}
		want := []string{tt.kind, tt.number, tt.typ, tt.issuer, tt.date, tt.signer, tt.enc}
		for i, name := range []string{"kind", "number", "type", "issuer", "date", "signer", "encoding"} {
			if got[i] != want[i] {
				t.Errorf("%s: %s = %q, want %q", tt.file, name, got[i], want[i])
			}
		}
		if !strings.HasPrefix(res.Body, tt.first) || !strings.HasSuffix(res.Body, tt.last) {
			t.Errorf("%s: body %q…%q, want %q…%q", tt.file, head(res.Body, 80), tail(res.Body, 80), tt.first, tt.last)
		}
		if len(res.OCRPages) != 0 || len(res.OCRSkipped) != 0 {
			t.Errorf("%s: OCR pages %v, skipped %v; the file has text", tt.file, res.OCRPages, res.OCRSkipped)
		}
	}
}

// TestFixtureLayout checks what the layout keeps: DOCX numbering and
// tables ("cell | cell"), PDF paragraphs rejoined while numbered items
// keep their lines, the two header columns not interleaved.
func TestFixtureLayout(t *testing.T) {
	requireTools(t, "pdftotext", "pdfinfo")
	docx := readFixture(t, "236-KH-UBND.docx", Options{})
	bodyHas(t, "DOCX", docx.Body,
		"1. Hoàn thành lập Quy hoạch tỉnh Phú An thời kỳ 2021 - 2030",
		"\n2. Đẩy nhanh tiến độ đường Vành đai 4",
		"STT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn\n1 | Lập Quy hoạch tỉnh | Sở Kế hoạch và Đầu tư | Quý IV/2023")
	pdf := readFixture(t, "45-KH-UBND.pdf", Options{})
	lines := strings.Split(pdf.PageText[0].Text, "\n")
	if lines[0] != "ỦY BAN NHÂN DÂN" || lines[1] != "TỈNH PHÚ AN" || lines[2] != "Số: 45/KH-UBND" {
		t.Errorf("header's left column not first: %q", lines[:3])
	}
	bodyHas(t, "PDF", pdf.Body,
		// A paragraph wrapped over three lines is one line again.
		"\nQuán triệt đầy đủ quan điểm, mục tiêu của Nghị quyết số 57-NQ/TW đến cán bộ, công chức, viên chức và người dân; xác định khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số là đột phá quan trọng hàng đầu để phát triển kinh tế - xã hội của tỉnh.\n",
		"\nII. MỤC TIÊU ĐẾN NĂM 2030\n1. Kinh tế số chiếm 25% GRDP",
		"Nhiệm vụ | Cơ quan chủ trì | Thời hạn")
}

func bodyHas(t *testing.T, what, body string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(body, want) {
			t.Errorf("%s body lacks %q:\n%s", what, want, body)
		}
	}
}

// TestScannedFixture OCRs the demo's scanned decision (two pages, about
// 5 s each on one core).
func TestScannedFixture(t *testing.T) {
	if testing.Short() {
		t.Skip("OCR is slow")
	}
	requireTools(t, "pdftotext", "pdfinfo", "pdftoppm", "pdfimages", "tesseract")
	res := readFixture(t, "1579-QD-UBND.pdf", Options{OCRWorkers: runtime.GOMAXPROCS(0)})
	if len(res.OCRPages) != res.Pages || res.Pages != 2 {
		t.Fatalf("OCR pages %v of %d, want every page of 2", res.OCRPages, res.Pages)
	}
	if res.Number != "1579/QĐ-UBND" || res.Type != "Quyết định" || res.Published != "2024-07-05" {
		t.Errorf("header %q %q %q", res.Number, res.Type, res.Published)
	}
	if share := pairShare(wordsOf("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"), wordsOf(res.Body)); share < 0.9 {
		t.Errorf("OCR found %.2f of the first line's word pairs:\n%s", share, res.Body)
	}
	// Without OCR the page is listed as skipped and nothing is invented.
	res = readFixture(t, "1579-QD-UBND.pdf", Options{NoOCR: true})
	if len(res.OCRSkipped) != 2 || res.Body != "" || res.Number != "" {
		t.Errorf("NoOCR: skipped %v, body %q, number %q", res.OCRSkipped, res.Body, res.Number)
	}
}

func TestSniff(t *testing.T) {
	pdf, _ := os.ReadFile(filepath.Join(fixtures, "45-KH-UBND.pdf"))
	docx, _ := os.ReadFile(filepath.Join(fixtures, "236-KH-UBND.docx"))
	doc, _ := os.ReadFile(filepath.Join(fixtures, "612-QD-UBND.doc"))
	xlsx := zipOf(t, map[string]string{"xl/workbook.xml": "<workbook/>"})
	zip := zipOf(t, map[string]string{"ho-so/to-trinh.txt": "Tờ trình"})
	for _, tt := range []struct {
		name string
		data []byte
		kind Kind
		err  error
	}{
		{"pdf", pdf, PDF, nil},
		{"docx", docx, DOCX, nil},
		{"doc", doc, DOC, nil},
		{"html error page", []byte("<!DOCTYPE html><html><body>404 Not Found</body></html>"), HTML, ErrHTML},
		{"empty", nil, "", ErrEmpty},
		{"blank", []byte(" \n\t"), "", ErrEmpty},
		{"elf", []byte("\x7fELF\x02\x01\x01"), "", ErrUnsupported},
		{"png", []byte("\x89PNG\r\n\x1a\n"), "", ErrUnsupported},
		{"xlsx", xlsx, XLSX, nil},
		{"zip", zip, "", ErrUnsupported},
		{"text", []byte("just some words"), "", ErrUnsupported},
	} {
		kind, err := Sniff(tt.data)
		if kind != tt.kind || !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
			t.Errorf("%s: Sniff = %q, %v; want %q, %v", tt.name, kind, err, tt.kind, tt.err)
		}
	}
}

func zipOf(t testing.TB, files map[string]string) []byte {
	t.Helper()
	b, err := filetexttest.Zip(files)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestBadFiles: every bad file gives a clear error of its kind, quickly.
func TestBadFiles(t *testing.T) {
	requireTools(t, "pdftotext", "pdfinfo", "antiword")
	pdf, err := os.ReadFile(filepath.Join(fixtures, "45-KH-UBND.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := os.ReadFile(filepath.Join(fixtures, "612-QD-UBND.doc"))
	// A ZIP bomb: 256 MB of one byte in word/document.xml, about 250 KB.
	bomb := filetexttest.ZipBomb(256 << 20)
	for _, tt := range []struct {
		name string
		data []byte
		opt  Options
		want error
	}{
		{"zero-byte", nil, Options{}, ErrEmpty},
		{"truncated PDF", pdf[:len(pdf)/3], Options{}, ErrDamaged},
		{"HTML error page served as .pdf", []byte("<html><head><title>404</title></head><body>Không tìm thấy</body></html>"), Options{}, ErrHTML},
		{"5,000-page PDF", filetexttest.ManyPagesPDF(5000), Options{}, ErrTooLarge},
		{"ZIP bomb", bomb, Options{Limits: Limits{MaxText: 1 << 20}}, ErrTooLarge},
		{"image-only DOCX", filetexttest.ImageOnlyDOCX(), Options{}, ErrNoText},
		{"DOCX that is no ZIP", append([]byte("PK\x03\x04"), make([]byte, 100)...), Options{}, ErrUnsupported},
		{"truncated DOC", doc[:2048], Options{}, ErrDamaged},
		{"over the size limit", pdf, Options{Limits: Limits{MaxBytes: 1000}}, ErrTooLarge},
		{"ELF", []byte("\x7fELF\x02\x01\x01\x00\x00\x00"), Options{}, ErrUnsupported},
	} {
		start := time.Now()
		_, err := NewReader(tt.opt).Read(context.Background(), tt.name, tt.data)
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: error %v, want %v", tt.name, err, tt.want)
		}
		t.Logf("%s: %v (%v)", tt.name, err, time.Since(start).Round(time.Millisecond))
	}
}

func TestEncryptedPDF(t *testing.T) {
	requireTools(t, "pdfinfo")
	data, err := os.ReadFile(filepath.Join("testdata", "encrypted.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = NewReader(Options{}).Read(context.Background(), "encrypted.pdf", data)
	if !errors.Is(err, ErrEncrypted) {
		t.Errorf("error %v, want ErrEncrypted", err)
	}
}

// TestToolMissing runs with an empty PATH: the error names the Debian
// package, and errors.Is finds ErrToolMissing.
func TestToolMissing(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	for _, tt := range []struct{ file, pkg string }{
		{"45-KH-UBND.pdf", "poppler-utils"},
		{"612-QD-UBND.doc", "antiword"}, // catdoc, the fallback, is missing too
	} {
		_, err := NewReader(Options{}).ReadFile(context.Background(), filepath.Join(fixtures, tt.file))
		var tm *ToolMissingError
		if !errors.As(err, &tm) || !errors.Is(err, ErrToolMissing) || !strings.Contains(err.Error(), tt.pkg) {
			t.Errorf("%s: error %v, want a ToolMissingError naming %s", tt.file, err, tt.pkg)
		}
	}
	// DOCX needs no tool.
	if _, err := NewReader(Options{}).ReadFile(context.Background(), filepath.Join(fixtures, "236-KH-UBND.docx")); err != nil {
		t.Errorf("DOCX without tools: %v", err)
	}
}

// TestDeadline: a read honours its context.
func TestDeadline(t *testing.T) {
	requireTools(t, "pdftotext", "pdfinfo")
	// a deadline already past: the context is done before the read starts
	// (a 1 ms timeout and a 2 ms sleep left it to the timer's goroutine,
	// which a loaded machine may not have run yet)
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	_, err := NewReader(Options{}).ReadFile(ctx, filepath.Join(fixtures, "45-KH-UBND.pdf"))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v, want context.DeadlineExceeded", err)
	}
}

// TestCatdocFallback reads a TCVN3 DOC with catdoc alone on PATH.
func TestCatdocFallback(t *testing.T) {
	requireTools(t, "catdoc")
	catdoc, _ := exec.LookPath("catdoc")
	dir := t.TempDir()
	if err := os.Symlink(catdoc, filepath.Join(dir, "catdoc")); err != nil {
		t.Skip(err)
	}
	t.Setenv("PATH", dir)
	res, err := NewReader(Options{}).ReadFile(context.Background(), filepath.Join(fixtures, "612-QD-UBND.doc"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Number != "612/QĐ-UBND" || res.Encoding != "tcvn3" || !strings.Contains(res.Body, "Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019;") {
		t.Errorf("number %q, encoding %q, body %q", res.Number, res.Encoding, head(res.Body, 200))
	}
}

// TestIsDocumentBinary: bytes no magic number names and without a NUL in
// their first kilobyte went to the HTML extractor, and `vanban extract`
// printed garbage with exit 0. Text in the single-byte encodings, whose
// capitals VISCII and VPS put among the control codes, still goes there.
func TestIsDocumentBinary(t *testing.T) {
	random := make([]byte, 4096)
	x := uint32(7)
	for i := range random {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		random[i] = byte(x%255) + 1 // no NUL
	}
	if ok, err := IsDocument(random); ok || !errors.Is(err, ErrUnsupported) {
		t.Errorf("IsDocument(random bytes without NUL) = %v, %v; want ErrUnsupported", ok, err)
	}
	// "QUYẾT ĐỊNH" and "VỀ VIỆC" lines with VPS capitals in C0 (Ạ 0x02,
	// Ị 0x10, Ọ 0x11, Ụ 0x14), inside an ordinary page.
	caps := "<html><body><h1>QUY\xd5T \xd1\x10NH</h1><p>V\x02 VI\x05C BAN H\x80NH QUY \x11\x14NH</p>" +
		strings.Repeat("<p>Ban h\xe0nh k\xe8m theo quy\xea\xcbt \xf1\xfbnh n\xe0y.</p>", 40) + "</body></html>"
	if ok, err := IsDocument([]byte(caps)); ok || err != nil {
		t.Errorf("IsDocument(a VPS page with capitals in C0) = %v, %v; want false, nil", ok, err)
	}
}
