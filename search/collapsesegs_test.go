package search

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
)

// sharedOf lists fn's calls of a shared-terms walk: "term: id id…", IDs sorted.
func sharedOf(t *testing.T, walk func(fn func(string, []string) bool) error) []string {
	t.Helper()
	var out []string
	err := walk(func(term string, ids []string) bool {
		ids = slices.Clone(ids)
		sort.Strings(ids)
		out = append(out, term+": "+strings.Join(ids, " "))
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSharedTermsSegments: the copies read segment by segment, kept per
// segment, are those a term reader of the whole snapshot reads, through
// writes that add segments, replace a document (its old number deleted in
// its segment), delete one and merge: written in batches, each step checked
// against the term readers and against the copies written down; then the
// earlier snapshots, held, walked again in another order with the same
// cache.
func TestSharedTermsSegments(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an on-disk index")
	}
	ctx := context.Background()
	ix, err := indexer.Open(filepath.Join(t.TempDir(), "index"), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	// the copies' facet values differ (one issuer typed short, one
	// published a year late, one from a site) so that reading them from
	// the segments is checked against the search that sorts by them
	doc := func(id, number string) *corpus.Document {
		d := &corpus.Document{ID: id, Title: "Văn bản " + number, Number: number, Type: "Quyết định", Issuer: "UBND tỉnh",
			Published: "2025-04-01", Body: "Quyết định phê duyệt kế hoạch " + number + "."}
		switch id {
		case "a2":
			d.Issuer, d.Type = "UBND", "QĐ"
		case "b2":
			d.Published = "2026-01-05"
		case "c1":
			d.URL, d.Site = "https://tinh.example/qd17", "tinh.example"
		}
		return d
	}
	s := New(ix.Bleve())
	var c segCache
	steps := []struct {
		name  string
		write func() error
		want  []string
	}{
		{"one segment", func() error {
			return ix.Add(ctx, []*corpus.Document{doc("a1", "15/2025/QĐ-UBND"), doc("a2", "15/2025/QĐ-UBND"), doc("b1", "16/2025/QĐ-UBND")})
		}, []string{"15/2025/qd-ubnd: a1 a2"}},
		{"a copy in a new segment", func() error {
			return ix.Add(ctx, []*corpus.Document{doc("b2", "16/2025/QĐ-UBND"), doc("c1", "17/2025/QĐ-UBND")})
		}, []string{"15/2025/qd-ubnd: a1 a2", "16/2025/qd-ubnd: b1 b2"}},
		{"a copy renumbered", func() error {
			return ix.Add(ctx, []*corpus.Document{doc("a2", "17/2025/QĐ-UBND")})
		}, []string{"16/2025/qd-ubnd: b1 b2", "17/2025/qd-ubnd: a2 c1"}},
		{"a copy deleted", func() error { return ix.Bleve().Delete("b1") }, []string{"17/2025/qd-ubnd: a2 c1"}},
		{"merged", func() error {
			adv, _ := ix.Bleve().Advanced()
			return adv.(*scorch.Scorch).ForceMerge(ctx, nil)
		}, []string{"17/2025/qd-ubnd: a2 c1"}},
	}
	var held []*scorch.IndexSnapshot
	for _, st := range steps {
		if err := st.write(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		v := mustPin(t, s)
		is, ok := v.r.(*scorch.IndexSnapshot)
		if !ok {
			t.Fatalf("reader %T", v.r)
		}
		got := sharedOf(t, func(fn func(string, []string) bool) error {
			return c.sharedTerms(ctx, is, indexer.FieldNumber, nil, fn)
		})
		ref := sharedOf(t, func(fn func(string, []string) bool) error {
			return sharedByTermReaders(ctx, v.r, indexer.FieldNumber, fn)
		})
		if !slices.Equal(got, st.want) || !slices.Equal(ref, st.want) {
			t.Errorf("%s: segments %q, term readers %q, want %q", st.name, got, ref, st.want)
		}
		d, err := s.readDups(ctx, v)
		if err != nil {
			t.Fatal(err)
		}
		byID, err := s.facetValues(ctx, v, d.ids)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range d.ids {
			got := d.of[id]
			got.key = ""
			if !reflect.DeepEqual(got, byID[id]) {
				t.Errorf("%s: %s's values from its segment %+v, by the doc value reader %+v", st.name, id, got, byID[id])
			}
		}
		if n := len(c.m); n != len(is.Segments()) {
			t.Errorf("%s: %d segments kept, the snapshot has %d", st.name, n, len(is.Segments()))
		}
		held = append(held, is) // kept open (mustPin's cleanup)
	}
	// a request holding an earlier snapshot walks it with the same cache
	// (its segments come back in, the later ones go out), and back again
	for _, i := range []int{4, 0, 3, 1, 4, 2, 0, 4} {
		got := sharedOf(t, func(fn func(string, []string) bool) error {
			return c.sharedTerms(ctx, held[i], indexer.FieldNumber, nil, fn)
		})
		if !slices.Equal(got, steps[i].want) {
			t.Errorf("again, %s: %q, want %q", steps[i].name, got, steps[i].want)
		}
		if n := len(c.m); n != len(held[i].Segments()) {
			t.Errorf("again, %s: %d segments kept, the snapshot has %d", steps[i].name, n, len(held[i].Segments()))
		}
	}
}

// TestSharedTermsStops: the walk stops when fn says so, and with the
// context's error when it ends.
func TestSharedTermsStops(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an on-disk index")
	}
	ctx := context.Background()
	ix, err := indexer.Open(filepath.Join(t.TempDir(), "index"), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var docs []*corpus.Document
	for i := range 40 {
		n := fmt.Sprintf("%d/QĐ-UBND", 100+i/2)
		docs = append(docs, &corpus.Document{ID: fmt.Sprintf("d%02d", i), Number: n, Title: n, Published: "2025-01-01", Body: "Quyết định."})
	}
	if err := ix.Add(ctx, docs); err != nil {
		t.Fatal(err)
	}
	v := mustPin(t, New(ix.Bleve()))
	is := v.r.(*scorch.IndexSnapshot)
	var c segCache
	calls := 0
	if err := c.sharedTerms(ctx, is, indexer.FieldNumber, nil, func(string, []string) bool { calls++; return calls < 3 }); err != nil || calls != 3 {
		t.Errorf("stopped after %d calls (%v), want 3", calls, err)
	}
	done, cancel := context.WithCancel(ctx)
	cancel()
	if err := new(segCache).sharedTerms(done, is, indexer.FieldNumber, nil, func(string, []string) bool { return true }); err == nil {
		t.Error("a cancelled walk returned no error")
	}
}

// BenchmarkCopiesSnapshot: reading the copies of a snapshot of n numbered
// documents (VANBAN_BENCH_COPIES_DOCS, 100,000 by default; 1 in 20 a
// second copy of another's number), generated: "terms" opens every number
// term's postings over the snapshot (sharedByTermReaders, the way before);
// "segments/cold" reads every segment (a Searcher's first query);
// "segments/after-write" reads the snapshot after one more document is
// written, the segments before it kept (the query after each write of a
// crawl); "dups/after-write" is the whole per-snapshot read after a
// write, the copies' facet values included (from the kept segments' doc
// values).
func BenchmarkCopiesSnapshot(b *testing.B) {
	n := 100_000
	if v := os.Getenv("VANBAN_BENCH_COPIES_DOCS"); v != "" {
		if _, err := fmt.Sscan(v, &n); err != nil {
			b.Fatal(err)
		}
	}
	ctx := context.Background()
	ix, err := indexer.Open(filepath.Join(b.TempDir(), "index"), indexer.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	types := []string{"QĐ-UBND", "TT-BTC", "NĐ-CP", "CV-UBND", "KH-UBND"}
	number := func(i int) string { return fmt.Sprintf("%d/%d/%s", i/5+1, 2000+i%25, types[i%5]) }
	const batch = 5_000
	for lo := 0; lo < n; lo += batch {
		var docs []*corpus.Document
		for i := lo; i < min(lo+batch, n); i++ {
			num := number(i)
			if i%20 == 19 {
				num = number(i - 7) // a copy
			}
			docs = append(docs, &corpus.Document{ID: fmt.Sprintf("g/%06d", i), Number: num, Title: "Văn bản " + num, Type: "Quyết định",
				Issuer: "UBND tỉnh", Published: fmt.Sprintf("%d-03-01", 2000+i%25), Body: "Văn bản số " + num + "."})
		}
		if err := ix.Add(ctx, docs); err != nil {
			b.Fatal(err)
		}
	}
	s := New(ix.Bleve())
	count := func(walk func(fn func(string, []string) bool) error) int {
		k := 0
		if err := walk(func(string, []string) bool { k++; return true }); err != nil {
			b.Fatal(err)
		}
		return k
	}
	want := n / 20
	written := 0
	write := func() {
		written++
		d := &corpus.Document{ID: fmt.Sprintf("w/%06d", written), Number: fmt.Sprintf("%d/2030/QĐ-UBND", written), Title: "Văn bản mới",
			Type: "Quyết định", Published: "2030-01-01", Body: "Văn bản mới."}
		if err := ix.Add(ctx, []*corpus.Document{d}); err != nil {
			b.Fatal(err)
		}
	}
	report := func(b *testing.B, start time.Time) {
		b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/snapshot")
		b.ReportMetric(float64(time.Since(start).Nanoseconds())/1000/float64(b.N)/float64(n), "µs/number")
	}
	b.Run("terms", func(b *testing.B) {
		v := mustPin(b, s)
		start := time.Now()
		for i := 0; i < b.N; i++ {
			if k := count(func(fn func(string, []string) bool) error {
				return sharedByTermReaders(ctx, v.r, indexer.FieldNumber, fn)
			}); k < want {
				b.Fatalf("%d shared numbers, want at least %d", k, want)
			}
		}
		report(b, start)
	})
	b.Run("segments/cold", func(b *testing.B) {
		v := mustPin(b, s)
		is := v.r.(*scorch.IndexSnapshot)
		b.ReportMetric(float64(len(is.Segments())), "segments")
		start := time.Now()
		for i := 0; i < b.N; i++ {
			var c segCache
			if k := count(func(fn func(string, []string) bool) error {
				return c.sharedTerms(ctx, is, indexer.FieldNumber, nil, fn)
			}); k < want {
				b.Fatalf("%d shared numbers, want at least %d", k, want)
			}
		}
		report(b, start)
	})
	b.Run("segments/after-write", func(b *testing.B) {
		var c segCache
		var spent time.Duration
		for i := 0; i < b.N; i++ {
			write()
			v, err := s.pin()
			if err != nil {
				b.Fatal(err)
			}
			is := v.r.(*scorch.IndexSnapshot)
			if i == 0 { // the cache filled before the writes measured
				count(func(fn func(string, []string) bool) error {
					return c.sharedTerms(ctx, is, indexer.FieldNumber, nil, fn)
				})
				v.Close()
				write()
				if v, err = s.pin(); err != nil {
					b.Fatal(err)
				}
				is = v.r.(*scorch.IndexSnapshot)
			}
			start := time.Now()
			if k := count(func(fn func(string, []string) bool) error {
				return c.sharedTerms(ctx, is, indexer.FieldNumber, nil, fn)
			}); k < want {
				b.Fatalf("%d shared numbers, want at least %d", k, want)
			}
			spent += time.Since(start)
			v.Close()
		}
		b.ReportMetric(float64(spent.Microseconds())/1000/float64(b.N), "ms/snapshot")
		b.ReportMetric(float64(spent.Nanoseconds())/1000/float64(b.N)/float64(n), "µs/number")
	})
	b.Run("dups/after-write", func(b *testing.B) {
		var spent time.Duration
		warm, err := s.pin() // the searcher's segments read before the writes measured
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.readDups(ctx, warm); err != nil {
			b.Fatal(err)
		}
		warm.Close()
		for i := 0; i < b.N; i++ {
			write()
			v, err := s.pin()
			if err != nil {
				b.Fatal(err)
			}
			start := time.Now()
			d, err := s.readDups(ctx, v)
			if err != nil {
				b.Fatal(err)
			}
			spent += time.Since(start)
			if len(d.ids) == 0 {
				b.Fatal("no copies")
			}
			v.Close()
		}
		b.ReportMetric(float64(spent.Microseconds())/1000/float64(b.N), "ms/snapshot")
	})
}
