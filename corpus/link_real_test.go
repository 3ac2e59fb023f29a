package corpus_test

import (
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
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
