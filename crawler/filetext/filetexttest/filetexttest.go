// Package filetexttest makes the files that tests of file reading need —
// a PDF of thousands of pages, a ZIP bomb, DOCX files from their XML — and
// checks that the external tools a test runs are installed. It does not
// import filetext, so filetext's own tests use it too.
package filetexttest

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// RequireTools skips the test when a program is not on PATH, or fails it
// under CI=true, where .ci/run installs them.
func RequireTools(t testing.TB, names ...string) {
	t.Helper()
	for _, n := range names {
		if _, err := exec.LookPath(n); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is required under CI=true", n)
			}
			t.Skipf("%s is not installed (README: apt-get install poppler-utils tesseract-ocr-vie antiword catdoc); skipping", n)
		}
	}
}

// RequireOCR is RequireTools for OCR: pdftoppm, tesseract and its
// Vietnamese model (Debian tesseract-ocr-vie).
func RequireOCR(t testing.TB) {
	t.Helper()
	RequireTools(t, "pdftoppm", "tesseract")
	out, err := toolOutput(context.Background(), "tesseract", "--list-langs")
	if err == nil && slices.Contains(strings.Fields(string(out)), "vie") {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("tesseract's Vietnamese model is required under CI=true (%v: %.200s)", err, out)
	}
	t.Skipf("tesseract's Vietnamese model is not installed (apt-get install tesseract-ocr-vie); skipping")
}

// ToolsOnly returns a directory holding links to the named programs only,
// for a PATH on which the others are missing.
func ToolsOnly(t testing.TB, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range names {
		RequireTools(t, n)
		p, _ := exec.LookPath(n)
		if err := os.Symlink(p, filepath.Join(dir, n)); err != nil {
			t.Skip(err)
		}
	}
	return dir
}

// ManyPagesPDF writes a valid PDF of n empty pages.
func ManyPagesPDF(n int) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := []int{b.Len()}
	kids := make([]string, n)
	for i := range kids {
		kids[i] = fmt.Sprintf("%d 0 R", i+3)
	}
	fmt.Fprintf(&b, "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n")
	offsets = append(offsets, b.Len())
	fmt.Fprintf(&b, "2 0 obj << /Type /Pages /Kids [%s] /Count %d >> endobj\n", strings.Join(kids, " "), n)
	for i := range n {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n", i+3)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", n+3)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", n+3, xref)
	return b.Bytes()
}

// Zip writes a ZIP archive of the named files.
func Zip(files map[string]string) ([]byte, error) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(body)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// ZipBomb writes a DOCX-shaped ZIP whose word/document.xml inflates to
// size bytes of one repeated run (256 MB take about 250 KB).
func ZipBomb(size int) []byte {
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	w, _ := zw.Create("word/document.xml")
	chunk := bytes.Repeat([]byte("<w:t>a</w:t>"), 1<<16)
	for range size / len(chunk) {
		_, _ = w.Write(chunk)
	}
	_ = zw.Close()
	return bomb.Bytes()
}

// ImageOnlyDOCX is a DOCX whose one paragraph is a drawing: no text.
func ImageOnlyDOCX() []byte {
	b, err := Zip(map[string]string{"word/document.xml": `<w:document xmlns:w="w"><w:body><w:p><w:r><w:drawing/></w:r></w:p></w:body></w:document>`})
	if err != nil {
		panic(err) // writing to memory
	}
	return b
}

// OCRCache is the OCR cache directory (filetext.Options.OCRCache) of a
// test that OCRs the shared attachments: $VANBAN_OCR_CACHE when set —
// .ci/run sets one empty directory for its whole run, so filetext's
// TestAttachments and internal/app's TestIngestSharedAttachments OCR each
// page once between them — else a directory of the test's own, which
// starts empty: every page is OCR'd.
func OCRCache(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("VANBAN_OCR_CACHE")
	if dir == "" {
		return t.TempDir()
	}
	if !filepath.IsAbs(dir) {
		t.Fatalf("VANBAN_OCR_CACHE=%s: want an absolute path (tests run in their package's directory)", dir)
	}
	return dir
}
