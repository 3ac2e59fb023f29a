package crawler

import (
	"fmt"
	"testing"
)

// BenchmarkShapeFiling: the one pass that files a run's 100,000 URLs by
// shape (shapes.go), paid once a run, on the first soft-404 check of a
// page with a query.
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
}
