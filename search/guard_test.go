package search

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/internal/cputime"
)

// frequentPair is the most frequent pair of adjacent words of the demo
// sentences (folded): a phrase of it is the costly kind, held by many
// documents.
func frequentPair() string {
	n := map[string]int{}
	for _, s := range sentences() {
		w := strings.Fields(viet.Fold(strings.ToLower(s)))
		for i := 1; i < len(w); i++ {
			n[w[i-1]+" "+w[i]]++
		}
	}
	best := ""
	for p, c := range n {
		if c > n[best] || c == n[best] && p < best {
			best = p
		}
	}
	return best
}

// TestCancelStopsWork cancels searches in the middle, on a real on-disk
// index, and counts the postings they read after the cancellation: a
// search stops within a few reads of each term reader it has open, not at
// its end (before guard.go, a phrase search read all its postings after
// its client had gone: bleve looks at the context every 1024 hits only).
// Work is counted, not time: Stats.PostingsRead.
func TestCancelStopsWork(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an on-disk index of 1,500 documents")
	}
	ix := scaleIndex(t, 1500)
	pair := frequentPair()
	words := strings.Fields(strings.Join(sentences()[:60], " "))
	for _, c := range []struct {
		name string
		req  Request
	}{
		// bleve's evaluation: required phrases, counted by bleve
		{"phrases", Request{Query: strings.Repeat(`"`+pair+`" `, 40), Facets: true, TopOnly: true}},
		// the engine's: a long text, counted on the postings bitmaps beside it
		{"long text", Request{Query: strings.Join(words[:min(len(words), 150)], " "), Facets: true, TopOnly: true}},
		// sorted by date: bleve scores every match
		{"sorted", Request{Query: strings.Join(words[:min(len(words), 150)], " ") + " -" + strings.Fields(pair)[0], Sort: "date", Facets: true, TopOnly: true}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := New(ix.Bleve(), WithTexts(scaleTexts(1500)), WithBudget(Budget{})) // no budget: the costly query runs
			// twice: the second reads what a search with warm caches
			// reads, as the cancelled one below does
			var whole uint64
			for range 2 {
				before := s.Stats().PostingsRead
				if _, err := s.Search(context.Background(), c.req); err != nil {
					t.Fatal(err)
				}
				whole = s.Stats().PostingsRead - before
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			// cancelled on the searching goroutine, at its first look at
			// the context past a tenth of the work: no race with the
			// search, whatever the machine's load
			var atCancel atomic.Uint64
			s.watch = func(n uint64) {
				if n >= whole/10 && atCancel.CompareAndSwap(0, n) {
					cancel()
				}
			}
			before := s.Stats().PostingsRead
			_, err := s.Search(ctx, c.req)
			if atCancel.Load() == 0 {
				t.Fatalf("the search ended (%v) before it read a tenth of its %d postings", err, whole)
			}
			after := s.Stats().PostingsRead - before - atCancel.Load()
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("cancelled search: error %v, want context.Canceled", err)
			}
			// The search looks at its context every checkEvery postings,
			// on each of its goroutines (the ranking and the count beside
			// it). A search that went on would read the other nine tenths.
			if bound := uint64(4 * checkEvery); after > bound {
				t.Errorf("%d postings read after the cancellation (of %d for the whole search; cancelled at %d), want ≤ %d",
					after, whole, atCancel.Load(), bound)
			}
			t.Logf("whole search %d postings; cancelled at %d; %d after", whole, atCancel.Load(), after)
		})
	}
}

// TestGuardSameResults: the guarded reader changes nothing of a search's
// hits, scores, total and facets (it forwards BM25 statistics, regexp
// dictionaries and the postings optimizations bleve looks for).
func TestGuardSameResults(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an on-disk index of 600 documents")
	}
	ix := scaleIndex(t, 600)
	s := New(ix.Bleve(), WithTexts(scaleTexts(600)))
	for _, q := range []string{
		"chuyển đổi số", `"chuyển đổi số" kế hoạch`, "kh 45 -syt", "nghị quyết -\"chính phủ\" phát triển",
		"chuyen doi so la gi", "99/2099/NĐ-CP",
	} {
		for _, topOnly := range []bool{true, false} {
			r := Request{Query: q, Size: 20, Facets: true, TopOnly: topOnly, Filters: topOnlyFilters[3]}
			got, err := s.Search(context.Background(), r)
			if err != nil {
				t.Fatal(err)
			}
			want, err := unguardedSearch(s, r)
			if err != nil {
				t.Fatal(err)
			}
			if got.Total != want.Total {
				t.Errorf("%q top-k %v: total %d, unguarded %d", q, topOnly, got.Total, want.Total)
			}
			sameHits(t, q, got.Hits, want.Hits)
		}
	}
}

// unguardedSearch is r searched without the guard.
func unguardedSearch(s *Searcher, r Request) (*Result, error) {
	u := New(s.idx, WithBudget(s.budget), WithTexts(s.texts))
	u.unguarded = true
	return u.Search(context.Background(), r)
}

// BenchmarkGuard is the price of guard.go: the page's search over 3,000
// documents, with and without the guarded reader.
//
//	go test ./search -run '^$' -bench Guard -count 6 | tee new.txt; benchstat new.txt
func BenchmarkGuard(b *testing.B) {
	ix := scaleIndex(b, 3000)
	qs := topOnlyQueries(b)
	for _, guarded := range []bool{false, true} {
		name := "unguarded"
		if guarded {
			name = "guarded"
		}
		b.Run(name, func(b *testing.B) {
			s := New(ix.Bleve(), WithTexts(scaleTexts(3000)))
			s.unguarded = !guarded
			ctx := context.Background()
			n := 0
			cpu := cputime.Now()
			for b.Loop() {
				if _, err := s.Search(ctx, Request{Query: qs[n%len(qs)], Size: 10, Facets: true, TopOnly: true}); err != nil {
					b.Fatal(err)
				}
				n++
			}
			reportCPU(b, cpu, n)
		})
	}
}

// BenchmarkGuardPostings is the price of the guard a posting: every
// posting of the body's most frequent folded terms read raw and through
// the guard.
//
//	go test ./search -run '^$' -bench GuardPostings -count 6 | tee new.txt; benchstat new.txt
func BenchmarkGuardPostings(b *testing.B) {
	ix := scaleIndex(b, 3000)
	idx, err := ix.Bleve().Advanced()
	if err != nil {
		b.Fatal(err)
	}
	r, err := idx.Reader()
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	terms := strings.Fields(frequentPair())
	for _, guarded := range []bool{false, true} {
		name := "raw"
		if guarded {
			name = "guarded"
		}
		b.Run(name, func(b *testing.B) {
			var work searchWork
			rd := r
			if guarded {
				rd = guard(context.Background(), r, &work)
			}
			n := 0
			for b.Loop() {
				for _, term := range terms {
					tfr, err := rd.TermFieldReader(context.Background(), []byte(term), indexer.FieldBodyFold, true, true, false)
					if err != nil {
						b.Fatal(err)
					}
					var d index.TermFieldDoc
					for p, err := tfr.Next(&d); p != nil && err == nil; p, err = tfr.Next(&d) {
						n++
					}
					tfr.Close()
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/posting")
		})
	}
}
