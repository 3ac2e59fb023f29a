package indexer

import (
	"fmt"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/RoaringBitmap/roaring/v2"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	zapv15 "github.com/blevesearch/zapx/v15"
	zapv16 "github.com/blevesearch/zapx/v16"
	zapv17 "github.com/blevesearch/zapx/v17"

	"github.com/vanban/vanban/internal/cputime"
)

// zapPlugin is what the benchmark uses of a zap version's plugin.
type zapPlugin interface {
	New([]index.Document) (segment.Segment, uint64, error)
	Open(string) (segment.Segment, error)
	Merge([]segment.Segment, []*roaring.Bitmap, string, chan struct{}, segment.StatsReporter) ([][]uint64, uint64, error)
}

// BenchmarkZapVersions compares the zap versions bleve's scorch reads
// (v15 and v16 besides the build's v17): New of a batch of 1,000
// analyzed documents and Merge of five such segments, with the process
// CPU of each (docs/log/i21-zapver.md). The versions run one
// after another in one process favour the later ones (the first New of a
// process costs more), so compare them in processes of their own, in
// turn:
//
//	for r in 1 2 3; do for v in v15 v16 v17; do VANBAN_BENCH_CORPUS=/tmp/c20k go test -run '^$' \
//	  -bench "ZapVersions/op=(new|merge)/zap=$v\$" -benchtime 3x ./indexer; done; done
func BenchmarkZapVersions(b *testing.B) {
	docs := readBenchCorpus(b, benchCorpusPath(b))
	docs = docs[:min(5000, len(docs))]
	m := NewMapping()
	var pool scratchPool
	batches := make([][]index.Document, 0, 5)
	for i := 0; i < len(docs); i += 1000 {
		var batch []index.Document
		for _, d := range docs[i:min(i+1000, len(docs))] {
			doc, err := analyzedDocument(m, d, nil, &pool)
			if err != nil {
				b.Fatal(err)
			}
			prepareForSegment(doc)
			batch = append(batch, doc)
		}
		batches = append(batches, batch)
	}
	plugins := []struct {
		name string
		p    zapPlugin
	}{{"v15", &zapv15.ZapPlugin{}}, {"v16", &zapv16.ZapPlugin{}}, {"v17", &zapv17.ZapPlugin{}}}
	for _, pl := range plugins {
		b.Run("op=new/zap="+pl.name, func(b *testing.B) {
			b.ReportAllocs()
			cpu := time.Duration(0)
			for b.Loop() {
				start := cputime.Now()
				seg, _, err := pl.p.New(batches[0])
				if err != nil {
					b.Fatal(err)
				}
				cpu += cputime.Now() - start
				seg.Close()
			}
			b.ReportMetric(cpu.Seconds()*1e3/float64(b.N), "cpu-ms/op")
		})
	}
	for _, pl := range plugins {
		b.Run("op=merge/zap="+pl.name, func(b *testing.B) {
			dir := b.TempDir()
			var segs []segment.Segment
			size := int64(0)
			for i, batch := range batches {
				seg, _, err := pl.p.New(batch)
				if err != nil {
					b.Fatal(err)
				}
				p := filepath.Join(dir, fmt.Sprintf("%d.zap", i))
				if err := seg.(segment.UnpersistedSegment).Persist(p); err != nil {
					b.Fatal(err)
				}
				seg.Close()
				s, err := pl.p.Open(p)
				if err != nil {
					b.Fatal(err)
				}
				defer s.Close()
				segs = append(segs, s)
			}
			b.ReportAllocs()
			cpu := time.Duration(0)
			for b.Loop() {
				start := cputime.Now()
				_, n, err := pl.p.Merge(segs, make([]*roaring.Bitmap, len(segs)), filepath.Join(dir, "m.zap"), nil, nil)
				if err != nil {
					b.Fatal(err)
				}
				cpu += cputime.Now() - start
				size = int64(n)
			}
			b.ReportMetric(cpu.Seconds()*1e3/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(size), "bytes")
		})
	}
}

// BenchmarkSegmentNew writes a batch of 1,000 documents as the build's
// segment workers do (segWriter.writeBatch without the file): each
// iteration analyzes the batch afresh (analyzedDocument) and hands it to
// zap v17's New. cpu-ms/analyze and cpu-ms/new split the process CPU of
// an iteration; heldB/textB is the heap the analyzed batch holds per byte
// of its text after zap's first read of every field (its dictionaries,
// realloc: what a batch holds while zap builds its postings; compare
// it between two builds of the code, as the state the earlier iterations
// leave in zap's pools moves its absolute value).
//
//	VANBAN_BENCH_CORPUS=/tmp/c20k go test -run '^$' -bench SegmentNew -count 6 ./indexer
func BenchmarkSegmentNew(b *testing.B) {
	docs := readBenchCorpus(b, benchCorpusPath(b))
	docs = docs[:min(1000, len(docs))]
	text := 0
	for _, d := range docs {
		text += docBytes(d)
	}
	m := NewMapping()
	var pool scratchPool
	var plugin zapv17.ZapPlugin
	analyze := func() []index.Document {
		batch := make([]index.Document, len(docs))
		for i, d := range docs {
			doc, err := analyzedDocument(m, d, nil, &pool)
			if err != nil {
				b.Fatal(err)
			}
			prepareForSegment(doc)
			batch[i] = doc
		}
		return batch
	}
	b.ReportAllocs()
	var cpuAnalyze, cpuNew time.Duration
	for b.Loop() {
		start := cputime.Now()
		batch := analyze()
		mid := cputime.Now()
		seg, _, err := plugin.New(batch)
		if err != nil {
			b.Fatal(err)
		}
		cpuNew += cputime.Now() - mid
		cpuAnalyze += mid - start
		seg.Close()
	}
	b.ReportMetric(cpuAnalyze.Seconds()*1e3/float64(b.N), "cpu-ms/analyze")
	b.ReportMetric(cpuNew.Seconds()*1e3/float64(b.N), "cpu-ms/new")
	b.ReportMetric((cpuAnalyze+cpuNew).Seconds()*1e3/float64(b.N), "cpu-ms/op")

	var before, after runtime.MemStats
	runtime.GC()
	runtime.GC() // zap's pooled segment builders too (sync.Pool: two collections)
	runtime.ReadMemStats(&before)
	batch := analyze()
	for _, d := range batch { // zap's first read (realloc)
		d.VisitFields(func(f index.Field) {
			for range f.AnalyzedTokenFrequencies() {
			}
		})
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(batch)
	b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/float64(text), "heldB/textB")
}
