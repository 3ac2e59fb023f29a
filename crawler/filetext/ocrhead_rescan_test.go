package filetext

import (
	"context"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/vanban/vanban/crawler/filetext/filetexttest"
	"github.com/vanban/vanban/internal/childproc"
	"github.com/vanban/vanban/internal/shared"
)

// TestAttachmentsRescanned measures the header re-read on real printed
// headers: page 1 of every text-layer PDF of ../shared/data/attachments
// whose number and date are printed is rendered at a scanner's coarse
// resolutions (150 and 100 dpi), given paper tone and noise and wrapped
// as an image-only PDF, then read with and without the re-read; number
// and date are checked against truth.jsonl ("empty": left empty, whether
// or not the truth marks it handwritten). The re-read may make no value
// wrong and lose none; a value the first pass gets wrong is listed (the
// re-read runs only for missing values). Minutes of OCR: run with
// VANBAN_RESCAN=1.
//
//	VANBAN_RESCAN=1 go test -run 'TestAttachmentsRescanned$' -v ./crawler/filetext
func TestAttachmentsRescanned(t *testing.T) {
	if os.Getenv("VANBAN_RESCAN") != "1" {
		t.Skip("minutes of OCR: set VANBAN_RESCAN=1")
	}
	dir := shared.Path(t, "data", "attachments")
	filetexttest.RequireOCR(t)
	var total [2][2]tally // [without, with][number, date]
	for _, tr := range readTruth(t, filepath.Join(dir, "truth.jsonl")) {
		if filepath.Ext(tr.File) != ".pdf" || tr.Number == nil || tr.Date == "" || len(tr.Date) != 10 {
			continue
		}
		for _, dpi := range []int{150, 100} {
			page := renderPage1(t, filepath.Join(dir, tr.File), dpi)
			if page == nil {
				continue // a scan already: TestAttachments reads it
			}
			filetexttest.Scan(page, 9, 1)
			pdf := filetexttest.ScanPDF([]*image.Gray{page}, float64(dpi))
			var marks [2][2]string
			var took [2]time.Duration
			var reread time.Duration
			for k, off := range []bool{true, false} {
				r := NewReader(Options{Limits: Limits{MaxOCRPages: 1}})
				r.noHeadReread = off
				start := time.Now()
				res, err := r.Read(context.Background(), "scan.pdf", pdf)
				took[k] = time.Since(start)
				if res != nil {
					reread += res.headTook
				}
				if err != nil {
					t.Errorf("%s at %d dpi: %v", tr.File, dpi, err)
					continue
				}
				marks[k][0] = total[k][0].add(tr.Number, res.Number, sameNumber, true)
				marks[k][1] = total[k][1].add(tr.Date, res.Published, func(a, b string) bool { return a == b }, true)
				if marks[k][0] == "WRONG" || marks[k][1] == "WRONG" {
					t.Logf("    %s at %d dpi (re-read %v): number %q date %q, want %q %q", tr.File, dpi, !off, res.Number, res.Published, deref(tr.Number), tr.Date)
				}
			}
			for f, name := range []string{"number", "date"} {
				if marks[1][f] == "WRONG" && marks[0][f] != "WRONG" {
					t.Errorf("%s at %d dpi: the re-read made the %s wrong", tr.File, dpi, name)
				}
			}
			t.Logf("%-48s %3d dpi  without: number %-5s date %-5s (%v)  with: number %-5s date %-5s (%v, re-read %v)", tr.File, dpi,
				marks[0][0], marks[0][1], took[0].Round(time.Millisecond), marks[1][0], marks[1][1], took[1].Round(time.Millisecond), reread.Round(time.Millisecond))
		}
	}
	for k, name := range []string{"without", "with"} {
		t.Logf("%-7s the re-read: number right %d, empty %d, wrong %d; date right %d, empty %d, wrong %d", name,
			total[k][0].right, total[k][0].abstain, total[k][0].wrong, total[k][1].right, total[k][1].abstain, total[k][1].wrong)
	}
	if total[1][0].right < total[0][0].right || total[1][1].right < total[0][1].right ||
		total[1][0].wrong > total[0][0].wrong || total[1][1].wrong > total[0][1].wrong {
		t.Errorf("the re-read lost right values or added wrong ones")
	}
}

// renderPage1 renders page 1 of a PDF with a text layer at dpi in grey,
// as printed: with its annotations (an e-office system stamps the number
// and date of a signed file as annotations); nil for a scan (little text
// on page 1).
func renderPage1(t *testing.T, pdf string, dpi int) *image.Gray {
	t.Helper()
	if out, err := childproc.Output(exec.Command("pdftotext", "-f", "1", "-l", "1", pdf, "-")); err != nil || len(out) < 200 {
		return nil
	}
	root := filepath.Join(t.TempDir(), "p")
	if out, err := childproc.CombinedOutput(exec.Command("pdftoppm", "-r", strconv.Itoa(dpi), "-gray", "-f", "1", "-l", "1", "-singlefile", pdf, root)); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	b, err := os.ReadFile(root + ".pgm")
	if err != nil {
		t.Fatal(err)
	}
	img, err := filetexttest.ReadPGM(b)
	if err != nil {
		t.Fatal(err)
	}
	return img
}
