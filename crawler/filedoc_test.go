package crawler

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler/extract"
	"github.com/vanban/vanban/crawler/filetext"
)

// TestFileBody: the body and the appendices are joined and each line is
// found on its page; a page with no body line (the header page) has no
// start, and lines the pages repeat (a running header) are matched in
// order.
func TestFileBody(t *testing.T) {
	res := &filetext.Result{
		Article:  extract.Article{Body: "Căn cứ Luật Tổ chức chính quyền địa phương;\nĐiều 1. Phê duyệt Kế hoạch.\nĐiều 2. Tổ chức thực hiện."},
		Sections: []filetext.Section{{Title: "PHỤ LỤC", Page: 4, Text: "PHỤ LỤC\nSTT | Nhiệm vụ"}},
		PageText: []filetext.Page{
			{Number: 1, Text: "ỦY BAN NHÂN DÂN\nSố: 12/QĐ-UBND"},
			{Number: 2, Text: "Căn cứ Luật Tổ chức chính quyền địa phương;\nĐiều 1. Phê duyệt Kế hoạch."},
			{Number: 3, Text: "Điều 2. Tổ chức thực hiện.\nNơi nhận:"},
			{Number: 4, Text: "PHỤ LỤC\nSTT | Nhiệm vụ"},
		},
	}
	body, starts := fileBody(res)
	want := "Căn cứ Luật Tổ chức chính quyền địa phương;\nĐiều 1. Phê duyệt Kế hoạch.\nĐiều 2. Tổ chức thực hiện.\nPHỤ LỤC\nSTT | Nhiệm vụ"
	if body != want {
		t.Fatalf("body %q", body)
	}
	f := corpus.FileInfo{PageStarts: starts}
	for _, tt := range []struct {
		line string
		page int
	}{{"Căn cứ", 2}, {"Điều 1.", 2}, {"Điều 2.", 3}, {"PHỤ LỤC", 4}, {"STT", 4}} {
		if got := f.PageAt(strings.Index(body, tt.line)); got != tt.page {
			t.Errorf("%q on page %d, want %d (starts %v)", tt.line, got, tt.page, starts)
		}
	}
	if len(starts) != 3 || starts[0] != (corpus.PageStart{Page: 2, Offset: 0}) {
		t.Errorf("starts %v, want pages 2, 3, 4 from offset 0", starts)
	}
	// A file of no text (scanned pages not OCR'd).
	if body, starts := fileBody(&filetext.Result{PageText: []filetext.Page{{Number: 1}}}); body != "" || starts != nil {
		t.Errorf("empty file: %q %v", body, starts)
	}
}

func TestAdoptHeader(t *testing.T) {
	for _, tt := range []struct {
		name          string
		article, file corpus.Document
		changed       bool
		want          [3]string // number, type, issuer
	}{
		{"title cited another document", corpus.Document{Number: "57-NQ/TW", Type: "Nghị quyết"},
			corpus.Document{Number: "45/KH-UBND", Type: "Kế hoạch", Issuer: "Ủy ban nhân dân tỉnh Phú An"}, true,
			[3]string{"45/KH-UBND", "Kế hoạch", "Ủy ban nhân dân tỉnh Phú An"}},
		{"abbreviated issuer", corpus.Document{Number: "45/KH-UBND", Type: "Kế hoạch", Issuer: "UBND tỉnh"},
			corpus.Document{Number: "45/KH-UBND", Type: "Kế hoạch", Issuer: "Ủy ban nhân dân tỉnh Phú An"}, true,
			[3]string{"45/KH-UBND", "Kế hoạch", "Ủy ban nhân dân tỉnh Phú An"}},
		{"the header read no number (a handwritten one)", corpus.Document{Number: "84/QĐ-UBND", Type: "Quyết định"},
			corpus.Document{Type: "Quyết định", Issuer: "Ủy ban nhân dân tỉnh"}, false,
			[3]string{"84/QĐ-UBND", "Quyết định", ""}},
		{"same", corpus.Document{Number: "1/CT-TTg", Type: "Chỉ thị", Issuer: "Thủ tướng Chính phủ"},
			corpus.Document{Number: "1/CT-TTg", Type: "Chỉ thị"}, false,
			[3]string{"1/CT-TTg", "Chỉ thị", "Thủ tướng Chính phủ"}},
		{"file gone", corpus.Document{}, corpus.Document{Number: "2/KH-UBND", Gone: true}, false, [3]string{}},
	} {
		a := tt.article
		changed := adoptHeader(&a, &tt.file)
		if got := [3]string{a.Number, a.Type, a.Issuer}; changed != tt.changed || got != tt.want {
			t.Errorf("%s: changed %v, %q; want %v, %q", tt.name, changed, got, tt.changed, tt.want)
		}
	}
}

func TestFileAllowed(t *testing.T) {
	off := false
	site := &Site{Name: "cp", Start: []string{"https://chinhphu.vn/"}, Allow: []string{`^https://chinhphu\.vn/[a-z0-9-]+$`},
		Deny: []string{`(?i)/private/`}, AttachmentHosts: []string{"datafiles.chinhphu.vn"}}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		url  string
		want bool
	}{
		{"https://chinhphu.vn/files/45-KH-UBND.pdf", true},                       // the site's host, outside allow
		{"https://datafiles.chinhphu.vn/cpp/files/vbpq/2025/1.signed.pdf", true}, // an attachment host
		{"https://DataFiles.ChinhPhu.vn/a.DOCX", true},
		{"https://chinhphu.vn/download.aspx?file=qd.doc", true},   // a download handler
		{"https://chinhphu.vn/files/bang.xlsx", true},             // a spreadsheet annex
		{"https://chinhphu.vn/Handler/Download?fileId=123", true}, // a handler naming no file (listed only from an attachment block)
		{"https://chinhphu.vn/files/bang.ods", true},              // an OpenDocument annex (read since i21-files)
		{"https://chinhphu.vn/files/bang.csv", false},             // not a document filetext reads
		{"https://chinhphu.vn/files/a.zip", false},
		{"https://example.org/a.pdf", false},         // another host
		{"https://chinhphu.vn/private/a.pdf", false}, // denied
		{"ftp://chinhphu.vn/a.pdf", false},
		{"https://chinhphu.vn/tin-tuc", false},
	} {
		if got := site.fileAllowed(tt.url); got != tt.want {
			t.Errorf("fileAllowed(%s) = %v, want %v", tt.url, got, tt.want)
		}
	}
	site.Attachments = &off
	if site.fileAllowed("https://chinhphu.vn/files/45-KH-UBND.pdf") {
		t.Error("attachments = false: a file is allowed")
	}
	bad := &Site{Name: "x", Start: []string{"http://x/"}, Allow: []string{"x"}, AttachmentHosts: []string{"datafiles.chinhphu.vn/cpp"}}
	var ve *valueError
	if err := bad.compile(); !errors.As(err, &ve) || ve.value != "datafiles.chinhphu.vn/cpp" {
		t.Errorf("a host with a path: %v", err)
	}
}

func TestFileErrorKind(t *testing.T) {
	for _, tt := range []struct {
		err  error
		kind string
	}{
		{fmt.Errorf("filetext: a.pdf: %w", filetext.ErrEncrypted), "encrypted"},
		{fmt.Errorf("filetext: a.pdf: %w: 5000 pages", filetext.ErrTooLarge), "too_large"},
		{&filetext.ToolMissingError{Tool: "antiword", Package: "antiword"}, "tool_missing"},
		{fmt.Errorf("filetext: a.pdf: pdftotext: %w", context.DeadlineExceeded), "timeout"},
		{errors.New("disk full"), "read"},
	} {
		if got := FileErrorKind(tt.err); got != tt.kind {
			t.Errorf("FileErrorKind(%v) = %q, want %q", tt.err, got, tt.kind)
		}
	}
}
