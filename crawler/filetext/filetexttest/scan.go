package filetexttest

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"image"
	"image/jpeg"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Scanned files for OCR tests, made from HTML the test writes: Chromium
// prints it to a PDF (real fonts, Vietnamese marks), pdftoppm renders
// its pages in grey at a scanner's resolution, Scan adds a scanner's
// paper tone and noise, and ScanPDF wraps the pages as a PDF of images
// only, with no text layer: only OCR can read it.

// chromiumPath is Debian's chromium package, as search/web's browser test
// finds it.
const chromiumPath = "/usr/bin/chromium"

// RequireChromium skips the test when Chromium is missing, or fails it
// under CI=true (.ci/run installs it).
func RequireChromium(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s missing: install Debian's chromium package (.ci/run does)", chromiumPath)
		}
		t.Skipf("%s missing: apt-get install -y chromium to make the scanned test files; skipping", chromiumPath)
	}
}

// RenderHTML prints page (a whole HTML document) to PDF with Chromium
// and renders every page with pdftoppm at dpi in grey.
func RenderHTML(t testing.TB, page string, dpi int) []*image.Gray {
	t.Helper()
	RequireChromium(t)
	RequireTools(t, "pdftoppm")
	dir := t.TempDir()
	src, pdf := filepath.Join(dir, "page.html"), filepath.Join(dir, "page.pdf")
	if err := os.WriteFile(src, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromiumPath, "--headless", "--no-sandbox", "--disable-gpu",
		"--no-pdf-header-footer", "--user-data-dir="+filepath.Join(dir, "profile"), "--print-to-pdf="+pdf, src)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v: %.300s", err, out)
	}
	if out, err := exec.CommandContext(ctx, "pdftoppm", "-r", strconv.Itoa(dpi), "-gray", pdf, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %.300s", err, out)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "p-*.pgm"))
	if len(names) == 0 {
		t.Fatal("pdftoppm rendered no page")
	}
	var pages []*image.Gray
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		img, err := ReadPGM(b)
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		pages = append(pages, img)
	}
	return pages
}

// Scan gives img a scanner's grey paper and toner noise of standard
// deviation sigma (grey levels), the same for the same seed.
func Scan(img *image.Gray, sigma float64, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 2024))
	for i := range img.Pix {
		v := float64(img.Pix[i])*0.85 + 20 + rng.NormFloat64()*sigma
		img.Pix[i] = uint8(min(255, max(0, v)))
	}
}

// ScanPDF writes an image-only PDF: every page a grey JPEG scanned at dpi.
func ScanPDF(pages []*image.Gray, dpi float64) []byte {
	var objs [][]byte // object bodies, 1-based numbering
	add := func(b []byte) int { objs = append(objs, b); return len(objs) }
	add(nil) // 1: catalog, filled below
	add(nil) // 2: pages
	var kids []string
	for _, img := range pages {
		var jb bytes.Buffer
		if err := jpeg.Encode(&jb, img, &jpeg.Options{Quality: 60}); err != nil {
			panic("filetexttest: " + err.Error())
		}
		w, h := img.Rect.Dx(), img.Rect.Dy()
		pw, ph := float64(w)*72/dpi, float64(h)*72/dpi
		imgObj := add(fmt.Appendf(nil, "<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n%s\nendstream", w, h, jb.Len(), jb.String()))
		content := fmt.Sprintf("q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q", pw, ph)
		contObj := add(fmt.Appendf(nil, "<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
		page := add(fmt.Appendf(nil, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>", pw, ph, imgObj, contObj))
		kids = append(kids, strconv.Itoa(page)+" 0 R")
	}
	objs[0] = []byte("<< /Type /Catalog /Pages 2 0 R >>")
	objs[1] = fmt.Appendf(nil, "<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// ReadPGM reads a binary PGM (P5, 8-bit) as pdftoppm -gray writes it.
func ReadPGM(data []byte) (*image.Gray, error) {
	r := bufio.NewReader(bytes.NewReader(data))
	var magic string
	var w, h, maxv int
	if _, err := fmt.Fscan(r, &magic, &w, &h, &maxv); err != nil || magic != "P5" || maxv != 255 || w <= 0 || h <= 0 {
		return nil, fmt.Errorf("not an 8-bit PGM")
	}
	if _, err := r.ReadByte(); err != nil {
		return nil, err
	}
	img := image.NewGray(image.Rect(0, 0, w, h))
	if _, err := io.ReadFull(r, img.Pix); err != nil {
		return nil, fmt.Errorf("PGM pixels: %w", err)
	}
	return img, nil
}
