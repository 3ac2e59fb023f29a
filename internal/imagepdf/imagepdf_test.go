package imagepdf

import (
	"bytes"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/vanban/vanban/internal/childproc"
)

func page(w, h int, v uint8) *image.Gray {
	img := image.NewGray(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = v + uint8(i%7)
	}
	return img
}

// TestWriteStructure checks the PDF's cross-reference table points at
// every object it writes, and that poppler reads the pages and their size
// (skipped without pdfinfo outside CI).
func TestWriteStructure(t *testing.T) {
	b, err := Write([]*image.Gray{page(300, 450, 200), page(150, 150, 100)}, 150, 60)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-1.4\n")) || !bytes.HasSuffix(b, []byte("%%EOF\n")) {
		t.Fatalf("not a PDF: %q … %q", b[:12], b[len(b)-8:])
	}
	// 2 + 3 per page objects; each xref offset starts "N 0 obj".
	offs := regexp.MustCompile(`(?m)^(\d{10}) 00000 n $`).FindAllSubmatch(b, -1)
	if len(offs) != 8 {
		t.Fatalf("%d xref entries, want 8", len(offs))
	}
	for i, m := range offs {
		off, _ := strconv.Atoi(string(m[1])) // decimal, zero-padded
		if want := fmt.Sprintf("%d 0 obj\n", i+1); !bytes.HasPrefix(b[off:], []byte(want)) {
			t.Errorf("xref %d points at %q, want %q", i+1, b[off:off+10], want)
		}
	}
	if _, err := Write(nil, 0, 60); err == nil {
		t.Error("dpi 0 accepted")
	}
	tool, err := exec.LookPath("pdfinfo")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdfinfo (poppler-utils) missing under CI")
		}
		t.Skip("pdfinfo not installed (apt-get install -y poppler-utils)")
	}
	f := filepath.Join(t.TempDir(), "scan.pdf")
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := childproc.CombinedOutput(exec.Command(tool, f))
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	for _, want := range []string{`Pages:\s+2\n`, `Page size:\s+144 x 216 pts`} {
		if !regexp.MustCompile(want).Match(out) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, out)
		}
	}
}

func TestReadPGM(t *testing.T) {
	img := page(3, 2, 10)
	good := append([]byte("P5\n3 2\n255\n"), img.Pix...)
	got, err := ReadPGM(good)
	if err != nil || !bytes.Equal(got.Pix, img.Pix) || got.Rect.Dx() != 3 {
		t.Fatalf("ReadPGM: %v, %v", got, err)
	}
	for name, data := range map[string][]byte{
		"P6 colour":  []byte("P6\n3 2\n255\n"),
		"16-bit":     []byte("P5\n3 2\n65535\n"),
		"zero width": []byte("P5\n0 2\n255\n"),
		"huge":       []byte("P5\n100000 100000\n255\n"),
		"short":      append([]byte("P5\n3 2\n255\n"), 1, 2),
		"empty":      nil,
	} {
		if _, err := ReadPGM(data); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
