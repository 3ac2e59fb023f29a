package extract

import (
	"runtime"
	"sync"
	"testing"

	"github.com/vanban/vanban/internal/shared"
	"github.com/vanban/vanban/internal/zyte"
)

// zyteGoal is the F1 the extractor must keep (measured 0.969, the same as
// ../shared/tools/extract_f1.py) on the Zyte article-extraction benchmark
// (181 pages). References: go-trafilatura 0.960, Readability 0.947, a naive
// goquery heuristic 0.879.
const zyteGoal = 0.963

// TestZyteF1 scores the extractor on the benchmark, with a Go port of its
// metric (internal/zyte). `go run ./scripts/zytedump -worst N` lists the
// worst pages and explains one.
func TestZyteF1(t *testing.T) {
	pages, err := zyte.Load(shared.Path(t, "data", "zyte-extraction"))
	if err != nil {
		t.Fatal(err)
	}
	type score struct{ p, r float64 }
	scores := make([]score, len(pages))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, pg := range pages {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			// As the official script runs `vanban extract FILE`: no
			// Content-Type, no URL.
			a, err := Extract(pg.HTML, "", nil, Options{})
			if err != nil {
				t.Errorf("Extract(%s): %v", pg.ID, err)
				return
			}
			p, r := zyte.PrecisionRecall(a.Body, pg.Truth)
			scores[i] = score{p, r}
		}()
	}
	wg.Wait()
	var P, R float64
	for _, s := range scores {
		P += s.p
		R += s.r
	}
	P /= float64(len(scores))
	R /= float64(len(scores))
	f1 := 2 * P * R / (P + R)
	t.Logf("Zyte benchmark: pages %d precision %.3f recall %.3f F1 %.3f", len(scores), P, R, f1)
	if f1 < zyteGoal {
		t.Errorf("F1 = %.3f, want ≥ %.3f", f1, zyteGoal)
	}
}
