package search

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/cputime"
)

// BenchmarkQueryLatency reports the median and the 99th percentile of one
// query's time, wall clock and CPU (the process's, both engines of a split
// query included), over the long and short questions of topOnlyQueries on
// 3,000 documents in several segments with deletions, top 10 ranked top-k as
// the web page and `vanban eval` rank. Issue 22 compares it before and
// after exact collection statistics:
//
//	go test -c -o new.test ./search   # and old.test from the older tree
//	for i in 1 2 3 4 5 6; do for v in old new; do ./$v.test -test.run '^$' -test.bench QueryLatency >> $v.txt; done; done
//	benchstat old.txt new.txt
func BenchmarkQueryLatency(b *testing.B) {
	ix := scaleIndex(b, 3000)
	s := New(ix.Bleve(), WithTexts(scaleTexts(3000)))
	qs := topOnlyQueries(b)
	ctx := context.Background()
	var wall, cpu []time.Duration
	n := 0
	b.ReportAllocs()
	for b.Loop() {
		w, c := time.Now(), cputime.Now()
		if _, err := s.Search(ctx, Request{Query: qs[n%len(qs)], Size: 10, TopOnly: true}); err != nil {
			b.Fatal(err)
		}
		wall = append(wall, time.Since(w))
		cpu = append(cpu, cputime.Now()-c)
		n++
	}
	report := func(ds []time.Duration, unit string) {
		slices.Sort(ds)
		b.ReportMetric(float64(ds[len(ds)/2].Nanoseconds()), unit+"-p50-ns")
		b.ReportMetric(float64(ds[len(ds)*99/100].Nanoseconds()), unit+"-p99-ns")
	}
	report(wall, "wall")
	if cpu[len(cpu)-1] > 0 || slices.Max(cpu) > 0 {
		report(cpu, "cpu")
	}
}
