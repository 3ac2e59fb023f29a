package crawler

import (
	"fmt"
	"runtime"
	"testing"
)

// BenchmarkShapeFiling: the one pass that files a run's 100,000 URLs by
// shape (shapes.go), paid once a run, on the first soft-404 check of a
// page with a query. retained-MB is the heap the filing keeps for the
// run (the URL strings are the run's own: a query shares its URL's bytes).
func BenchmarkShapeFiling(b *testing.B) {
	r := &run{seen: map[string]bool{}}
	for i := range 100_000 {
		r.seen[fmt.Sprintf("https://sokhcn.example.gov.vn/Pages/default.aspx?ItemID=%d&l=VanBan", i+1)] = true
	}
	for b.Loop() {
		r.shapes = nil
		if len(r.shapeURLs("sokhcn.example.gov.vn/Pages/default.aspx?itemid&l")) != 100_000 {
			b.Fatal("URLs not filed under their shape")
		}
	}
	heap := func() uint64 {
		var m runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	with := heap()
	r.shapes = nil
	without := heap()
	b.ReportMetric(float64(int64(with)-int64(without))/1e6, "retained-MB")
}
