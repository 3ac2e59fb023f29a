package corpus_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/internal/cputime"
	"github.com/vanban/vanban/internal/shared"
)

// realStore stores the development plans of ../shared/data/plans in a
// store in t.TempDir() and returns it with the stored ID of each number.
func realStore(tb testing.TB) (*corpus.Store, map[string]string) {
	tb.Helper()
	path := shared.Path(tb, "data", "plans", "docs.jsonl")
	s, err := corpus.OpenStore(tb.TempDir(), false, time.Second)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	docs, err := corpus.ReadJSONLFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := s.PutBatch(docs); err != nil {
		tb.Fatal(err)
	}
	ids := map[string]string{}
	for _, d := range docs {
		ids[d.Number] = d.ID
	}
	return s, ids
}

// BenchmarkLinksReal links the largest real pair of the development set:
// 6356/UBND-NNMT (85 lines, 44 labelled items) to 2530/QĐ-TTg (90 KB, 269
// lines, two appendix tables, 112 passages), reading both from the store.
// The goal is 50 ms a plan.
//
//	go test ./corpus -run '^$' -bench LinksReal -count 6 | tee new.txt; benchstat old.txt new.txt
func BenchmarkLinksReal(b *testing.B) {
	s, ids := realStore(b)
	id := ids["6356/UBND-NNMT"]
	b.ReportAllocs()
	items := 0
	cpu := cputime.Now()
	for b.Loop() {
		pl, err := s.Links(id)
		if err != nil {
			b.Fatal(err)
		}
		items += len(pl.Items)
	}
	cpu = cputime.Now() - cpu
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/plan")
	// CPU time per plan: what a plan costs whatever else the machine runs
	// (with GOMAXPROCS 2 the garbage collector's share is in it).
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/plan")
	b.ReportMetric(float64(items)/b.Elapsed().Seconds(), "items/s")
}

// BenchmarkLinksRealBackground is BenchmarkLinksReal with a background
// and both of its weights on (related terms 0.5, idf^0.5): the index of
// VANBAN_LINK_BACKGROUND when set, otherwise one built of the fourteen
// documents of the development set. The document frequencies a plan asks
// for are looked up once per background, so the loop measures what a
// plan costs once they are known.
func BenchmarkLinksRealBackground(b *testing.B) {
	s, ids := realStore(b)
	var bg link.Background
	if dir := os.Getenv("VANBAN_LINK_BACKGROUND"); dir != "" {
		ix, err := indexer.Open(indexer.DirFor(dir), indexer.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		defer ix.Close()
		lb, err := ix.LinkBackground()
		if err != nil {
			b.Fatal(err)
		}
		defer lb.Close()
		bg = lb
	} else {
		ix, err := indexer.Open(b.TempDir()+"/index", indexer.Options{})
		if err != nil {
			b.Fatal(err)
		}
		defer ix.Close()
		if _, err := ix.Sync(context.Background(), s, nil); err != nil {
			b.Fatal(err)
		}
		lb, err := ix.LinkBackground()
		if err != nil {
			b.Fatal(err)
		}
		defer lb.Close()
		bg = lb
	}
	p := link.DefaultParams()
	p.RelatedWeight, p.BackgroundIDF = 0.5, 0.5
	id := ids["6356/UBND-NNMT"]
	if _, err := s.LinksWithBackground(id, p, bg); err != nil { // the frequencies looked up once
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu := cputime.Now()
	for b.Loop() {
		if _, err := s.LinksWithBackground(id, p, bg); err != nil {
			b.Fatal(err)
		}
	}
	cpu = cputime.Now() - cpu
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/plan")
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/plan")
}

// BenchmarkLinksRealRerank is BenchmarkLinksReal with the re-ranker on
// (its 20 first candidates of every item ordered again by weights of
// the size training gives): the cost of the features. The goal is 50 ms
// a plan.
//
//	go test ./corpus -run '^$' -bench 'LinksReal' -count 6
func BenchmarkLinksRealRerank(b *testing.B) {
	s, ids := realStore(b)
	id := ids["6356/UBND-NNMT"]
	p := link.DefaultParams()
	p.RerankK = 20
	for f := range p.Rerank {
		p.Rerank[f] = float64(f%3) - 1 // any non-zero weights cost the same
	}
	b.ReportAllocs()
	cpu := cputime.Now()
	for b.Loop() {
		if _, err := s.LinksWith(id, p); err != nil {
			b.Fatal(err)
		}
	}
	cpu = cputime.Now() - cpu
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/plan")
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/plan")
}
