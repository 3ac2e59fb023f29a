package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const extractPage = `<html><head><title>Thông báo lịch tiếp công dân - Cổng TTĐT tỉnh</title></head><body>
<div class="menu"><a href="/">Trang chủ</a></div>
<div class="content"><h1>Thông báo lịch tiếp công dân</h1>
<p>Cập nhật: 6/7/2025 10:00 AM</p>
<p>Chủ tịch UBND tỉnh tiếp công dân định kỳ vào ngày 15 hằng tháng tại Trụ sở Ban Tiếp công dân tỉnh, số 1 đường Lê Lợi.</p>
<p>Công dân đến đăng ký trước một ngày, mang theo giấy tờ tùy thân và hồ sơ liên quan.</p>
</div></body></html>`

func TestExtractCommand(t *testing.T) {
	file := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(file, []byte(extractPage), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args      []string
		stdin     string
		published string
	}{
		// No order given: the AM/PM time beside 6/7/2025 says month first.
		{[]string{"extract", "--url", "https://example.gov.vn/tb/1", file}, "", "2025-06-07"},
		{[]string{"extract", "--date-order", "mdy", "-"}, extractPage, "2025-06-07"},
		{[]string{"extract", "--date-order", "dmy", "-"}, extractPage, "2025-07-06"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), tt.args, strings.NewReader(tt.stdin), &stdout, &stderr)
		if code != 0 {
			t.Fatalf("run(%q) = %d, stderr %s", tt.args, code, stderr.String())
		}
		var got map[string]any
		if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
			t.Fatalf("run(%q) printed %q: %v", tt.args, stdout.String(), err)
		}
		for _, k := range []string{"title", "published", "summary", "body", "category", "attachments", "number", "type", "issuer"} {
			if _, ok := got[k]; !ok {
				t.Errorf("run(%q): JSON lacks %q", tt.args, k)
			}
		}
		if got["title"] != "Thông báo lịch tiếp công dân" || got["published"] != tt.published {
			t.Errorf("run(%q): title, published = %q, %q; want Thông báo lịch tiếp công dân, %s", tt.args, got["title"], got["published"], tt.published)
		}
		if a, ok := got["attachments"].([]any); !ok || len(a) != 0 {
			t.Errorf("run(%q): attachments = %v, want []", tt.args, got["attachments"])
		}
		if !strings.Contains(got["body"].(string), "tiếp công dân định kỳ") {
			t.Errorf("run(%q): body = %q", tt.args, got["body"])
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"extract", "--date-order", "ymd", file}, strings.NewReader(""), &stdout, &stderr); code != 2 {
		t.Errorf("bad --date-order: exit %d, want 2", code)
	}
}

// TestExtractFile: a DOCX (read in Go) and a PDF print the same fields as
// a page, plus pages and ocr_pages; an executable is refused.
func TestExtractFile(t *testing.T) {
	files := filepath.Join("..", "..", "demo", "site", "files")
	tests := []struct {
		file, number, kind string
		tools              []string
	}{
		{"236-KH-UBND.docx", "236/KH-UBND", "docx", nil},
		{"45-KH-UBND.pdf", "45/KH-UBND", "pdf", []string{"pdfinfo", "pdftotext"}},
	}
	for _, tt := range tests {
		if missing := missingTools(tt.tools); missing != "" {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is required under CI=true", missing)
			}
			t.Logf("%s: %s not installed, skipped", tt.file, missing)
			continue
		}
		var stdout, stderr bytes.Buffer
		args := []string{"extract", filepath.Join(files, tt.file)}
		if code := run(context.Background(), args, strings.NewReader(""), &stdout, &stderr); code != 0 {
			t.Fatalf("run(%q) = %d, stderr %s", args, code, stderr.String())
		}
		var got map[string]any
		if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
			t.Fatalf("run(%q) printed %q: %v", args, stdout.String(), err)
		}
		for _, k := range []string{"title", "published", "summary", "body", "attachments", "number", "type", "issuer", "pages", "ocr_pages", "kind"} {
			if _, ok := got[k]; !ok {
				t.Errorf("%s: JSON lacks %q", tt.file, k)
			}
		}
		if got["number"] != tt.number || got["kind"] != tt.kind || got["type"] != "Kế hoạch" {
			t.Errorf("%s: number, kind, type = %v, %v, %v", tt.file, got["number"], got["kind"], got["type"])
		}
	}
	var stdout, stderr bytes.Buffer
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	if code := run(context.Background(), []string{"extract", exe}, strings.NewReader(""), &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "not a PDF, DOCX, DOC, ODT, XLSX, XLS or ODS file") {
		t.Errorf("extract of an executable: code %d, stderr %q", code, stderr.String())
	}
}

func missingTools(names []string) string {
	for _, n := range names {
		if _, err := exec.LookPath(n); err != nil {
			return n
		}
	}
	return ""
}
