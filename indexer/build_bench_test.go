package indexer

import (
	"context"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/internal/cputime"
)

// BenchmarkBuildScale writes the index of a stored collection with Build,
// as a new collection's ingest and `index --rebuild` do, under ingest's
// default soft memory limit (256 MB: the heap budget gives one segment
// worker) and under 512 MB (two): docs/s, the process CPU per thousand
// documents (cpu-s/kdoc), which other processes on a shared machine move
// far less than wall time, and the workers the budget gave. It reads
// VANBAN_BENCH_CORPUS (a scalecorpus.py file; the first
// VANBAN_BENCH_DOCS documents, default 5,000) or the alqac23-test corpus:
//
//	VANBAN_BENCH_CORPUS=/tmp/c20k go test -run '^$' -bench BuildScale -benchtime 1x -count 4 ./indexer
func BenchmarkBuildScale(b *testing.B) {
	dir, store, docs := benchBuildStore(b)
	// the default plan under ingest's default limit (one worker), and
	// two workers of 1,000 under --mem-limit 512
	for _, c := range []struct{ limitMB, workers int }{{256, 0}, {512, 0}} {
		b.Run(fmt.Sprintf("limit=%dMB", c.limitMB), func(b *testing.B) {
			defer debug.SetMemoryLimit(debug.SetMemoryLimit(int64(c.limitMB) << 20))
			p := planBuild(BuildOptions{})
			cpu := time.Duration(0)
			for b.Loop() {
				start := cputime.Now()
				if _, err := Build(context.Background(), dir+"/index", store, BuildOptions{Workers: c.workers}); err != nil {
					b.Fatal(err)
				}
				cpu += cputime.Now() - start
			}
			b.ReportMetric(float64(docs*b.N)/b.Elapsed().Seconds(), "docs/s")
			b.ReportMetric(cpu.Seconds()/float64(b.N)/float64(docs)*1000, "cpu-s/kdoc")
			b.ReportMetric(float64(p.workers), "workers")
		})
	}
}

// BenchmarkBuildKeepBatch writes the index of a stored collection as a
// build larger than FinalMergeDocs does (its merged segments kept: here
// every batch merged once, into one segment, as a 1M build merges each
// hundred batches), with two workers building batches of 1,000 documents
// under a 512 MB limit (the default on a two-core machine) and of 2,000
// under 1 GB: the CPU per thousand documents of zap's segment building
// and merging against the batch size. Corpus as BenchmarkBuildScale's:
//
//	VANBAN_BENCH_CORPUS=/tmp/c20k VANBAN_BENCH_DOCS=20000 go test -run '^$' -bench BuildKeepBatch -benchtime 1x -count 4 ./indexer
func BenchmarkBuildKeepBatch(b *testing.B) {
	dir, store, docs := benchBuildStore(b)
	for _, c := range []struct{ batch, limitMB int }{{1000, 512}, {2000, 1024}} {
		b.Run(fmt.Sprintf("batch=%d", c.batch), func(b *testing.B) {
			defer debug.SetMemoryLimit(debug.SetMemoryLimit(int64(c.limitMB) << 20))
			opts := BuildOptions{Workers: 2, BatchDocs: c.batch, FinalMergeDocs: -1, MergeMax: 1 << 20, KeepLevel: 1}
			cpu := time.Duration(0)
			for b.Loop() {
				start := cputime.Now()
				if _, err := Build(context.Background(), dir+"/index", store, opts); err != nil {
					b.Fatal(err)
				}
				cpu += cputime.Now() - start
			}
			b.ReportMetric(float64(docs*b.N)/b.Elapsed().Seconds(), "docs/s")
			b.ReportMetric(cpu.Seconds()/float64(b.N)/float64(docs)*1000, "cpu-s/kdoc")
			b.ReportMetric(float64(planBuild(opts).batchText)/1e6, "batch-MB")
		})
	}
}

// benchBuildStore stores the build benchmarks' corpus in a temporary
// directory (dir/data): VANBAN_BENCH_DOCS documents (default 5,000) of
// the corpus benchCorpusPath names. It returns dir, the store (closed
// with the benchmark) and the number of documents.
func benchBuildStore(b *testing.B) (string, *corpus.Store, int) {
	docs := readBenchCorpus(b, benchCorpusPath(b))
	n := 5000
	if s := os.Getenv("VANBAN_BENCH_DOCS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatalf("VANBAN_BENCH_DOCS: %v", err)
		}
	}
	docs = docs[:min(n, len(docs))]
	dir := b.TempDir()
	store, err := corpus.OpenStore(dir+"/data", false, time.Second)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	for i := 0; i < len(docs); i += 1000 {
		if _, err := store.PutBatch(docs[i:min(i+1000, len(docs))]); err != nil {
			b.Fatal(err)
		}
	}
	return dir, store, len(docs)
}
