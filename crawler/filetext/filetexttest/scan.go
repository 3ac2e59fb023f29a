package filetexttest

import (
	"context"
	"image"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/childproc"
	"github.com/vanban/vanban/internal/imagepdf"
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
	if out, err := toolOutput(ctx, chromiumPath, "--headless", "--no-sandbox", "--disable-gpu",
		"--no-pdf-header-footer", "--user-data-dir="+filepath.Join(dir, "profile"), "--print-to-pdf="+pdf, src); err != nil {
		t.Fatalf("chromium: %v: %.300s", err, out)
	}
	if out, err := toolOutput(ctx, "pdftoppm", "-r", strconv.Itoa(dpi), "-gray", pdf, filepath.Join(dir, "p")); err != nil {
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

// ScanPDF writes an image-only PDF: every page a grey JPEG scanned at dpi
// (quality 60), by the one writer the demo's fixtures use.
func ScanPDF(pages []*image.Gray, dpi float64) []byte {
	b, err := imagepdf.Write(pages, dpi, 60)
	if err != nil {
		panic("filetexttest: " + err.Error())
	}
	return b
}

// ReadPGM reads a binary PGM (P5, 8-bit) as pdftoppm -gray writes it.
func ReadPGM(data []byte) (*image.Gray, error) { return imagepdf.ReadPGM(data) }

// toolOutput runs a program bound to the test's process (childproc: its
// group, chromium's helpers too, killed when ctx ends or once it has
// ended; it dies with the test process) and returns its output.
func toolOutput(ctx context.Context, name string, args ...string) ([]byte, error) {
	return childproc.CombinedOutput(exec.CommandContext(ctx, name, args...))
}
