package indexer

import (
	"os"
	"testing"
	"time"
)

// BenchmarkStats reads the BM25 statistics (Stats: a term reader per
// lengths term) of a real index's snapshot, what StatsCache does once per
// snapshot, and reports the lengths field's postings per document and its
// number of terms beside the time (docs/log/i21-lean.md):
//
//	VANBAN_BENCH_INDEX=D/index go test -run '^$' -bench Stats -benchtime 20x ./indexer
func BenchmarkStats(b *testing.B) {
	dir := os.Getenv("VANBAN_BENCH_INDEX")
	if dir == "" {
		b.Skip("VANBAN_BENCH_INDEX (an index directory) not set")
	}
	ix, err := Open(dir, Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	r, err := readerOf(ix.Bleve())
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	dict, err := r.FieldDict(FieldLengths)
	if err != nil {
		b.Fatal(err)
	}
	var terms, postings uint64
	for {
		e, err := dict.Next()
		if err != nil {
			b.Fatal(err)
		}
		if e == nil {
			break
		}
		terms++
		postings += e.Count
	}
	dict.Close()
	n, err := r.DocCount()
	if err != nil || n == 0 {
		b.Fatalf("%d documents: %v", n, err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := Stats(r); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/stats")
	b.ReportMetric(float64(terms), "terms")
	b.ReportMetric(float64(postings)/float64(n), "postings/doc")
}
