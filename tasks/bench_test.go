package tasks

import (
	"bufio"
	"context"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/internal/cputime"
	"github.com/vanban/vanban/internal/plangen"
	"github.com/vanban/vanban/internal/shared"
)

// realDocs reads the development plans and their parents
// (../shared/data/plans/docs.jsonl).
func realDocs(tb testing.TB) []*corpus.Document {
	tb.Helper()
	docs, err := corpus.ReadJSONLFile(shared.Path(tb, "data", "plans", "docs.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	return docs
}

// benchStore stores the real documents and n variants of the
// implementing ones in a store in dir, and materialises their tasks
// (SyncTasks: real linking). It returns the store and the wall and CPU
// seconds SyncTasks took.
func benchStore(tb testing.TB, dir string, n int) (*corpus.Store, float64, float64) {
	tb.Helper()
	s := benchPlans(tb, dir, n)
	wall, cpu := benchSync(tb, s)
	return s, wall, cpu
}

// benchPlans stores the real documents (their own tasks synced) and n
// variants of the implementing ones, left stale.
func benchPlans(tb testing.TB, dir string, n int) *corpus.Store {
	tb.Helper()
	s, err := corpus.OpenStore(dir, false, time.Second)
	if err != nil {
		tb.Fatal(err)
	}
	impl, err := plangen.Implementing(context.Background(), s, realDocs(tb))
	if err != nil {
		tb.Fatal(err)
	}
	var batch []*corpus.Document
	err = plangen.Variants(impl, n, func(v *corpus.Document) error {
		if batch = append(batch, v); len(batch) == 1000 {
			_, err := s.PutBatch(batch)
			batch = batch[:0]
			return err
		}
		return nil
	})
	if err == nil && len(batch) > 0 {
		_, err = s.PutBatch(batch)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// benchSync runs SyncTasks and returns its wall and CPU seconds.
func benchSync(tb testing.TB, s *corpus.Store) (float64, float64) {
	tb.Helper()
	start, cpu := time.Now(), cputime.Now()
	if _, err := s.SyncTasks(context.Background(), nil); err != nil {
		tb.Fatal(err)
	}
	return time.Since(start).Seconds(), (cputime.Now() - cpu).Seconds()
}

// BenchmarkSyncTasks materialises the tasks of 90 variants of the real
// implementing documents (10 of each): the cost of linking when plans
// arrive, per plan. Only SyncTasks is timed (storing the plans is not),
// so the loop runs a few times, not until a second of set-up has passed.
//
//	go test ./tasks -run '^$' -bench SyncTasks -count 6
func BenchmarkSyncTasks(b *testing.B) {
	const n = 90
	wall, cpu := 0.0, 0.0
	for b.Loop() {
		b.StopTimer()
		s := benchPlans(b, b.TempDir(), n)
		b.StartTimer()
		w, c := benchSync(b, s)
		b.StopTimer()
		s.Close()
		b.StartTimer()
		wall, cpu = wall+w, cpu+c
	}
	b.ReportMetric(wall*1000/float64(n*b.N), "ms/plan")
	b.ReportMetric(cpu*1000/float64(n*b.N), "cpu-ms/plan")
}

// tenK is the store of BenchmarkTasks, built once a process (-count runs
// reuse it) and removed by TestMain.
var tenK struct {
	once      sync.Once
	dir       string
	s         *corpus.Store
	wall, cpu float64
	err       error
}

// BenchmarkTasks answers the tasks view's queries over 10,000 plans
// generated from the nine real implementing documents (variant: numbers,
// agencies, days and years changed) and linked for real, from a table
// built once, as a server keeps it. The store takes a while to build (the
// linking of 10,000 plans, reported as build-cpu-s); then each query type
// reports ms/query. The goal is 200 ms.
//
//	go test ./tasks -run '^$' -bench 'BenchmarkTasks$' -count 1 | tee new.txt
func BenchmarkTasks(b *testing.B) {
	n := 10000
	if v, err := strconv.Atoi(os.Getenv("VANBAN_BENCH_PLANS")); err == nil && v > 0 {
		n = v // a quicker look: VANBAN_BENCH_PLANS=500
	}
	tenK.once.Do(func() {
		tenK.dir, tenK.err = os.MkdirTemp("", "vanban-bench-tasks-")
		if tenK.err == nil {
			tenK.s, tenK.wall, tenK.cpu = benchStore(b, tenK.dir, n)
		}
	})
	if tenK.err != nil {
		b.Fatal(tenK.err)
	}
	ctx := context.Background()
	// load: a table built from the store, as a server does at its first
	// query; build-cpu-s is the linking of the plans (SyncTasks), once.
	b.Run("load", func(b *testing.B) {
		cpu := cputime.Now()
		for b.Loop() {
			if err := New(tenK.s, Options{}).Refresh(ctx); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/load")
		b.ReportMetric(float64((cputime.Now()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/load")
		b.ReportMetric(tenK.cpu, "build-cpu-s")
		b.ReportMetric(tenK.cpu*1000/float64(n), "build-cpu-ms/plan")
	})
	tb := New(tenK.s, Options{})
	if err := tb.Refresh(ctx); err != nil {
		b.Fatal(err)
	}
	rows, plans := 0, 0
	tb.mu.RLock()
	for _, p := range tb.plans {
		plans++
		rows += len(p.rows)
	}
	tb.mu.RUnlock()
	if plans < n {
		b.Fatalf("%d plans with tasks, want %d or more", plans, n)
	}
	queries := []struct {
		name string
		f    Filter
	}{
		{"all", Filter{}},
		{"agency", Filter{Agency: "Sở Y tế"}},
		{"agency-partners", Filter{Agency: "ubnd", Partners: true}},
		{"parent", Filter{Parent: "2530/QĐ-TTg"}},
		{"passage", Filter{Parent: "380/NQ-CP", Passage: "III.1"}},
		{"deadline-range", Filter{From: "2025-10-01", To: "2025-12-31"}},
		{"kind-site", Filter{Kind: "recurring", Site: "site3"}},
		{"plan-order-deep", Filter{Sort: SortPlan, Offset: 5000, Limit: 100}},
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			total := 0
			cpu := cputime.Now()
			for b.Loop() {
				res, err := tb.Query(ctx, q.f)
				if err != nil {
					b.Fatal(err)
				}
				total = res.Total
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/query")
			b.ReportMetric(float64((cputime.Now()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/query")
			b.ReportMetric(float64(total), "matches")
			b.ReportMetric(float64(rows), "tasks")
		})
	}
}

// TestWriteBenchPlans writes the documents BenchmarkTasks stores — the
// development set and VANBAN_BENCH_PLANS (10,000) variants of its
// implementing documents — as JSON Lines to the file
// VANBAN_BENCH_JSONL, for a data directory of that size (docs/log/i17-respage.md: `vanban ingest FILE`); skipped without it.
//
//	VANBAN_BENCH_JSONL=/tmp/p10k.jsonl go test ./tasks -run TestWriteBenchPlans
func TestWriteBenchPlans(t *testing.T) {
	path := os.Getenv("VANBAN_BENCH_JSONL")
	if path == "" {
		t.Skip("VANBAN_BENCH_JSONL not set")
	}
	n := 10000
	if v, err := strconv.Atoi(os.Getenv("VANBAN_BENCH_PLANS")); err == nil && v > 0 {
		n = v
	}
	s, err := corpus.OpenStore(t.TempDir(), false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	docs := realDocs(t)
	impl, err := plangen.Implementing(context.Background(), s, docs)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for _, d := range docs {
		if err := plangen.WriteJSONL(w, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := plangen.Variants(impl, n, func(d *corpus.Document) error { return plangen.WriteJSONL(w, d) }); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d documents, %d variants of %d implementing ones", path, len(docs)+n, n, len(impl))
}

func TestMain(m *testing.M) {
	code := m.Run()
	if tenK.s != nil {
		tenK.s.Close()
	}
	if tenK.dir != "" {
		os.RemoveAll(tenK.dir)
	}
	os.Exit(code)
}
