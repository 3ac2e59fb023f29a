package indexer

import (
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/internal/cputime"
)

// BenchmarkAnalyzeDoc analyzes a batch of 1,000 documents the way a
// segment worker does before zap writes them (analyzedDocument: the
// mapping's fields, every one analyzed, and the field lengths; and their
// frequencies read as zap reads them, readAsZap), with each
// field analyzed by its own analyzer (views=alone, as before the one
// pass) and from one pass per document (views=onepass). Besides time and
// allocations it reports the heap the analyzed batch holds per byte of
// its text (heapB/textB: runtime.GC and HeapAlloc before and after, the
// batch kept), from which the build reckons how many documents a batch
// may take (buildHeapPerTextByte). Synthetic documents by default; the
// scale corpus with
//
//	VANBAN_BENCH_CORPUS=/tmp/c20k go test -run '^$' -bench AnalyzeDoc -count 6 ./indexer
func BenchmarkAnalyzeDoc(b *testing.B) {
	var docs []*corpus.Document
	if path := os.Getenv("VANBAN_BENCH_CORPUS"); path != "" {
		docs = readBenchCorpus(b, path)
		docs = docs[:min(1000, len(docs))]
	} else {
		docs = benchDocs(1000)
	}
	text := 0
	for _, d := range docs {
		text += docBytes(d)
	}
	m := NewMapping()
	for _, c := range []struct {
		name  string
		share bool
		read  func(*document.Document)
	}{{"alone", false, readAsZap}, {"onepass", true, readAsZap}, {"onepass-segwriter", true, readAsSegWriter}} {
		b.Run("views="+c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(text))
			var pool scratchPool
			cpu := time.Duration(0)
			for b.Loop() {
				start := cputime.Now()
				for _, d := range docs {
					c.read(analyzeForBench(b, m, d, c.share, &pool))
				}
				cpu += cputime.Now() - start
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/doc")
			// the process's CPU, which other processes on a shared machine
			// move less than wall time (the benchmark runs on one goroutine)
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N*len(docs)), "cpu-ns/doc")
			b.ReportMetric(heldPerTextByte(b, m, docs, c.share, text), "heapB/textB")
		})
	}
}

// readAsZap reads doc's frequencies as zap's New does when it writes the
// segment: twice per field (its dictionaries, then its postings), which
// makes them anew for the one pass's fields without term vectors.
func readAsZap(doc *document.Document) {
	for range 2 {
		for _, f := range doc.Fields {
			if f.Options().IsIndexed() {
				for range f.AnalyzedTokenFrequencies() {
				}
			}
		}
	}
}

// readAsSegWriter reads doc's terms as the segment writer does
// (segBatch.addField): a view field's counted terms and frequencies as they
// are, the frequencies of the others.
func readAsSegWriter(doc *document.Document) {
	for _, f := range doc.Fields {
		if !f.Options().IsIndexed() {
			continue
		}
		if vf, ok := f.(*viewField); ok && vf.freqs == nil {
			for range vf.terms {
			}
			continue
		}
		for range f.AnalyzedTokenFrequencies() {
		}
	}
}

// analyzeForBench is analyzedDocument without the effect spans, sharing
// the analysis or not.
func analyzeForBench(b *testing.B, m *mapping.IndexMappingImpl, d *corpus.Document, share bool, pool *scratchPool) *document.Document {
	doc := document.NewDocument(d.ID)
	if err := m.MapDocument(doc, fields(d, pool)); err != nil {
		b.Fatal(err)
	}
	if share {
		shareAnalysis(doc, pool)
	}
	for _, f := range doc.Fields {
		if f.Options().IsIndexed() {
			f.Analyze()
		}
	}
	lf := &lengthsField{doc: doc}
	lf.terms()
	doc.AddField(lf)
	return doc
}

// heldPerTextByte is the heap that the analyzed docs hold, per byte of
// their text.
func heldPerTextByte(b *testing.B, m *mapping.IndexMappingImpl, docs []*corpus.Document, share bool, text int) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	held := make([]*document.Document, len(docs))
	var pool scratchPool
	for i, d := range docs {
		held[i] = analyzeForBench(b, m, d, share, &pool)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(held)
	return float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / float64(text)
}
