package indexer

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/internal/cputime"
)

// BenchmarkSegmentMerge merges N batch segments of 1,000 analyzed
// documents each (written once by our writer, as the build's segment
// workers write them) into one, with our merge and with zap's Merge:
// process CPU, wall time and allocations per merged document.
//
//	VANBAN_BENCH_CORPUS=/tmp/lead/c100k go test -run '^$' -bench SegmentMerge -benchtime 5x ./indexer
func BenchmarkSegmentMerge(b *testing.B) {
	const batch = 1000
	for _, n := range []int{4, 25} {
		docs := analyzed(b, segBenchDocs(b, n*batch))
		dir := b.TempDir()
		var batches [][]index.Document
		for i := 0; i < len(docs); i += batch {
			batches = append(batches, docs[i:min(i+batch, len(docs))])
		}
		paths := writeSegs(b, dir, "b", batches, false)
		out := filepath.Join(dir, "out.zap")
		m := new(segMerger)
		merges := []struct {
			name  string
			merge func()
		}{
			{"ours", func() {
				if err := m.mergeSegmentFiles(paths, out, true, nil); err != nil {
					b.Fatal(err)
				}
			}},
			{"zap", func() { zapMerge(b, paths, out) }},
		}
		for _, mg := range merges {
			b.Run(fmt.Sprintf("inputs=%d/merge=%s", n, mg.name), func(b *testing.B) {
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				cpu := time.Duration(0)
				b.ResetTimer()
				for b.Loop() {
					_ = os.Remove(out)
					start := cputime.Now()
					mg.merge()
					cpu += cputime.Now() - start
				}
				b.StopTimer()
				runtime.ReadMemStats(&after)
				d := float64(b.N * len(docs))
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/d, "ns/doc")
				b.ReportMetric(float64(cpu.Nanoseconds())/d, "cpu-ns/doc")
				b.ReportMetric(float64(after.Mallocs-before.Mallocs)/d, "allocs/doc")
				st, err := os.Stat(out)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(st.Size()), "bytes")
			})
		}
	}
}
