package filetext

import (
	"context"
	"errors"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/memstat"
	"github.com/vanban/vanban/internal/shared"
)

// Benchmarks over real files of ../shared/data/attachments: pages per
// second (the page counts of truth.jsonl: DOC and DOCX pages are Word's),
// the largest Go heap seen during the run, the process's peak resident set
// during the timed loop (peak-rss-MB; Linux, reset after the warm-up read)
// and the largest resident set of one external tool run (tool-rss-MB).
// A file's read costs at most about peak-rss-MB + tool-rss-MB: the tools of
// one file run one at a time (OCRWorkers 1, the default). OCR runs one page at a time: pages/s per core.
//
//	go test -run '^$' -bench . -benchtime 5x ./crawler/filetext
//
// For comparisons: -count 6 and benchstat (the machine is shared).

func benchFile(b *testing.B, file string, opt Options) {
	dir := shared.Path(b, "data", "attachments")
	var pages int
	for _, tr := range readTruth(b, filepath.Join(dir, "truth.jsonl")) {
		if tr.File == file {
			pages = tr.Pages
		}
	}
	if pages == 0 {
		b.Fatalf("%s not in truth.jsonl", file)
	}
	r := NewReader(opt)
	path := filepath.Join(dir, file)
	if _, err := r.ReadFile(context.Background(), path); err != nil {
		if errors.Is(err, ErrToolMissing) {
			missingTool(b, err.Error())
		}
		b.Fatal(err)
	}
	runtime.GC()
	debug.FreeOSMemory()
	rssOK := memstat.ResetPeakRSS()
	stop := memstat.PeakHeap()
	b.ReportAllocs()
	start := time.Now()
	for b.Loop() {
		if _, err := r.ReadFile(context.Background(), path); err != nil {
			b.Fatal(err)
		}
	}
	elapsed := time.Since(start)
	b.ReportMetric(float64(pages*b.N)/elapsed.Seconds(), "pages/s")
	b.ReportMetric(float64(stop())/(1<<20), "peak-heap-MB")
	if rssOK {
		b.ReportMetric(float64(memstat.PeakRSS())/(1<<20), "peak-rss-MB")
	}
	b.ReportMetric(float64(r.ToolPeakRSS())/(1<<20), "tool-rss-MB")
}

// BenchmarkPDFText: a 55-page born-digital decree (pdftotext, layout,
// header).
func BenchmarkPDFText(b *testing.B) { benchFile(b, "files/45_2026_ND-CP_616621.pdf", Options{}) }

// BenchmarkPDFLegacy: a 58-page TCVN3 report (decoded per run).
func BenchmarkPDFLegacy(b *testing.B) {
	benchFile(b, "files/2005-1ADDZ_Ke_hoach_2005__QH_lan_6_25-10.pdf", Options{})
}

// BenchmarkDOCX: an 89-page decree read in Go.
func BenchmarkDOCX(b *testing.B) { benchFile(b, "files/ND-243-2025-PPP.docx", Options{}) }

// BenchmarkDOC: a 98-page decree through antiword.
func BenchmarkDOC(b *testing.B) { benchFile(b, "files/ND-146-2025.doc", Options{}) }

// BenchmarkOCR: a 4-page scanned letter, one page at a time (one core):
// pdftoppm at 300 dpi and tesseract -l vie.
func BenchmarkOCR(b *testing.B) {
	if testing.Short() {
		b.Skip("OCR is slow")
	}
	benchFile(b, "files/2191_CT-CS.pdf", Options{OCRWorkers: 1})
}
