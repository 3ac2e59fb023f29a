package indexer

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/internal/cputime"
)

// segBenchDocs are the first n documents of the BEIR JSON Lines corpus
// VANBAN_BENCH_CORPUS names (the 100k scale corpus, docs/log/i21-segw.md), or without it n generated ones (segGenDocs), so that the
// benchmark runs offline.
func segBenchDocs(b *testing.B, n int) []*corpus.Document {
	path := os.Getenv("VANBAN_BENCH_CORPUS")
	if path == "" {
		return segGenDocs(n, 11)
	}
	return readBenchCorpusN(b, path, n)
}

// BenchmarkSegmentWriter writes one batch of 1,000 analyzed documents as
// a segment file, as the build's segment workers do (writeBatch after
// prepareForSegment), with our writer and with zap's New and Persist:
// process CPU, wall time and allocations per document. Our encoder is
// reused from batch to batch, as a segment worker's is; zap reuses its
// own (a pool).
//
//	VANBAN_BENCH_CORPUS=/tmp/lead/c100k go test -run '^$' -bench SegmentWriter -benchtime 20x ./indexer
func BenchmarkSegmentWriter(b *testing.B) {
	docs := analyzed(b, segBenchDocs(b, 1000))
	writers := []struct {
		name  string
		write func([]index.Document, string) error
	}{{"ours", new(segEncoder).writeFile}, {"zap", zapSegmentFile}}
	for _, w := range writers {
		b.Run("writer="+w.name, func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "b.zap")
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			cpu := time.Duration(0)
			b.ResetTimer()
			for b.Loop() {
				start := cputime.Now()
				if err := w.write(docs, path); err != nil {
					b.Fatal(err)
				}
				cpu += cputime.Now() - start
			}
			b.StopTimer()
			runtime.ReadMemStats(&after)
			n := float64(b.N * len(docs))
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/doc")
			b.ReportMetric(float64(cpu.Nanoseconds())/n, "cpu-ns/doc")
			b.ReportMetric(float64(after.Mallocs-before.Mallocs)/n, "allocs/doc")
			st, err := os.Stat(path)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(st.Size()), "bytes")
		})
	}
}
