package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/childtest"
	"github.com/vanban/vanban/internal/memstat"
)

// pathologicalPages are pages a broken portal can serve: one paragraph of
// n words on one line (1 MB at 40,000), n paragraphs of one line each
// (a 100,000-line page), and n lines cut by <br> in one block. Written
// for i30-fuzz; TestHugeAndGarbage has the deep nesting and binary junk.
func pathologicalPages(n int) []struct{ name, page string } {
	return []struct{ name, page string }{
		{"one line", "<html><body><div class=content><p>" + strings.Repeat("Điều 1 thực hiện nhiệm vụ ", n) + "</p></div></body></html>"},
		{"many paragraphs", "<html><body><div class=content>" + strings.Repeat("<p>Số: 12/2024/QĐ-UBND</p>\n", n) + "</div></body></html>"},
		{"many breaks", "<html><body><div class=content>" + strings.Repeat("Căn cứ Luật số 1/2015/QH13;<br>", n) + "</div></body></html>"},
	}
}

// TestPathologicalLinear: Extract on four times the page allocates at
// most six times the bytes (linear: four; quadratic: sixteen) and at most
// 400 bytes per byte of page.
func TestPathologicalLinear(t *testing.T) {
	if memstat.Race {
		// Bytes allocated under the race detector are its instrumentation's
		// and sync.Pool's random drops, not the parser's: the bounds are
		// checked in the plain `go test ./...` run.
		t.Skip("allocation bounds are not measured under -race")
	}
	if !childtest.In(t, "") {
		// Alone in a process of its own: the bytes allocated that it
		// reads (runtime.MemStats, the whole process's) are the parse's,
		// never another test's or a goroutine one left running.
		childtest.Pass(t)
		return
	}
	small, large := pathologicalPages(500), pathologicalPages(2000)
	for i := range small {
		t.Run(small[i].name, func(t *testing.T) {
			a := allocatedBy(t, small[i].page)
			b := allocatedBy(t, large[i].page)
			if b > 6*a {
				t.Errorf("4× the page allocated %.1f× the bytes (%d → %d)", float64(b)/float64(a), a, b)
			}
			if per := b / uint64(len(large[i].page)); per > 400 {
				t.Errorf("%d bytes allocated per byte of a %d-byte page", per, len(large[i].page))
			}
		})
	}
}

func allocatedBy(t *testing.T, page string) uint64 {
	return memstat.Allocated(func() {
		if _, err := Extract([]byte(page), "text/html; charset=utf-8", nil, Options{}); err != nil {
			t.Fatalf("Extract: %v", err)
		}
	})
}

// BenchmarkPathological extracts each page at 25,000 and 100,000 lines
// (words): ns/line stays flat when extraction is linear.
//
//	go test ./crawler/extract -run '^$' -bench Pathological -benchtime 1x
func BenchmarkPathological(b *testing.B) {
	for _, n := range []int{25000, 100000} {
		for _, c := range pathologicalPages(n) {
			b.Run(fmt.Sprintf("%s/n=%d", strings.ReplaceAll(c.name, " ", "_"), n), func(b *testing.B) {
				b.SetBytes(int64(len(c.page)))
				b.ReportAllocs()
				for b.Loop() {
					Extract([]byte(c.page), "text/html; charset=utf-8", nil, Options{})
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/line")
			})
		}
	}
}
