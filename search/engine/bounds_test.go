package engine

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/internal/bm25"
)

// TestFrontier: the frontier keeps exactly the (frequency, norm) pairs no
// other beats on both, and its best factor is the best of all pairs.
func TestFrontier(t *testing.T) {
	pairs := []tfNorm{{1, 0.5}, {2, 0.25}, {1, 0.25}, {3, 0.1}, {2, 0.5}, {1, 0.7}, {3, 0.1}}
	var f []tfNorm
	for _, q := range pairs {
		f = addFrontier(f, q)
	}
	want := map[tfNorm]bool{{2, 0.5}: true, {1, 0.7}: true, {3, 0.1}: true}
	if len(f) != len(want) {
		t.Fatalf("frontier %v, want %v", f, want)
	}
	for _, q := range f {
		if !want[q] {
			t.Errorf("frontier %v holds %v", f, q)
		}
	}
	p := bm25.Default()
	for _, avg := range []float64{1, 4, 30, 400} {
		var best float64
		for _, q := range pairs {
			best = max(best, p.BleveTF(q.tf, p.Norm(1/(q.norm*q.norm), avg)))
		}
		if got := maxTF(f, avg); got != best {
			t.Errorf("avg %g: maxTF %g, best of all pairs %g", avg, got, best)
		}
	}
}

// TestBoundsHold: on an index of several segments with deletions, no
// document of any term scores above the term's exact bound, the bound is
// below the k1 bound for most terms, and a second search takes the
// frontiers from the cache.
func TestBoundsHold(t *testing.T) {
	r := snapshotReader(t, testIndex(t, 1200))
	ctx := bm25Context()
	q := everyWord(func(string) float64 { return 1 })
	bounds := NewCache(1 << 16)
	for pass := range 2 {
		s, err := newMaxScore(ctx, r, q, 10, bsearch.SearcherOptions{}, NewPostings(r, nil), bounds, 0, math.MaxUint64)
		if err != nil {
			t.Fatal(err)
		}
		s.SetQueryNorm(1 / math.Sqrt(s.weight))
		sc := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(2, 0)}
		tighter, postings := 0, 0
		for _, l := range s.all {
			ub := upperBound(l.s, l.boost, l.tfmax, s.qnorm)
			if l.tfmax < bm25.Default().MaxBleveTF() {
				tighter++
			}
			eachPosting(t, l, sc, func(dm *bsearch.DocumentMatch) {
				postings++
				if dm.Score > ub {
					t.Fatalf("%v: document %x scores %g, above its bound %g", l.s, dm.IndexInternalID, dm.Score, ub)
				}
			})
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if postings == 0 || tighter < len(s.all)/2 {
			t.Errorf("pass %d: %d postings; %d of %d terms have a bound below k1's", pass, postings, tighter, len(s.all))
		}
		if n := len(bounds.m); pass == 0 && n == 0 {
			t.Errorf("no frontier kept")
		}
	}
}

// TestCacheNewSnapshot: a Cache kept across writes gives bleve's hits on
// every snapshot: the frequencies of an older snapshot are not used on a
// newer one, and the frontiers of segments stay true as documents are
// deleted from them and new segments come.
func TestCacheNewSnapshot(t *testing.T) {
	idx, _ := writableIndex(t, 600)
	defer idx.Close()
	rng := rand.New(rand.NewPCG(9, 10))
	c := NewCache(1 << 16)
	for round := range 4 {
		checkDocFreqs(t, idx, c)
		for range 15 {
			q := randomQuery(rng)
			// bleve's regexp query also takes terms only deleted
			// documents hold (Expand), which this index has
			q.Patterns = nil
			k := 1 + rng.IntN(10)
			want, _ := search(t, idx, bleveOf(q), k)
			got, _ := search(t, idx, ranked{q, Options{K: k, Cache: c, Split: 1}}, k)
			if len(got) != len(want) {
				t.Fatalf("round %d, %+v k=%d: %d hits, bleve %d", round, q, k, len(got), len(want))
			}
			for i := range want {
				if !sameScore(got[i].score, want[i].score) {
					t.Fatalf("round %d, %+v k=%d: hit %d is %v, bleve's %v", round, q, k, i, got[i], want[i])
				}
			}
		}
		// a write: a third of the documents of a common word go, and
		// documents of the rarest words come
		b := idx.NewBatch()
		for j := round; j < 600; j += 3 {
			b.Delete(fmt.Sprintf("d%05d", j))
		}
		for j := range 40 {
			if err := b.Index(fmt.Sprintf("n%d-%03d", round, j), doc{Body: strings.Repeat(words[len(words)-1-j%3]+" ", 1+j%5), Title: words[len(words)-1]}); err != nil {
				t.Fatal(err)
			}
		}
		if err := idx.Batch(b); err != nil {
			t.Fatal(err)
		}
	}
	// the frequencies are read to decide a split, on two cores
	if (len(c.df) == 0 && runtime.GOMAXPROCS(0) >= 2) || len(c.m) == 0 {
		t.Errorf("the cache kept %d frequencies and %d frontiers", len(c.df), len(c.m))
	}
}

// checkDocFreqs compares the document frequencies of every word, as
// Postings give them through c, with bleve's, on the index's snapshot.
func checkDocFreqs(t *testing.T, idx bleve.Index, c *Cache) {
	t.Helper()
	r := snapshotReader(t, idx)
	for pass := range 2 { // the second from c
		p := NewPostings(r, c)
		for _, f := range []string{"Body", "Title"} {
			for _, w := range words {
				tfr, err := r.TermFieldReader(context.Background(), []byte(w), f, false, false, false)
				if err != nil {
					t.Fatal(err)
				}
				want := tfr.Count()
				tfr.Close()
				if got, err := p.DocFreq(f, w); err != nil || got != want {
					t.Fatalf("pass %d: %s:%s in %d documents, bleve %d (%v)", pass, f, w, got, want, err)
				}
			}
		}
	}
}

// snapshotReader is a reader of idx's current snapshot, closed when the
// test ends.
func snapshotReader(t testing.TB, idx bleve.Index) index.IndexReader {
	t.Helper()
	adv, err := idx.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

// bm25Context is a search context in which bleve scores with BM25 (the
// exact bounds apply).
func bm25Context() context.Context {
	return context.WithValue(context.Background(), bsearch.GetScoringModelCallbackKey,
		bsearch.GetScoringModelCallbackFn(func() string { return index.BM25Scoring }))
}

// everyWord is a query of every test word in Body and in Title, each
// weighted by boost.
func everyWord(boost func(w string) float64) *Query {
	var q Query
	for _, f := range []string{"Body", "Title"} {
		var c Clause
		for _, w := range words {
			c = append(c, Term{Field: f, Term: w, Boost: boost(w)})
		}
		q.Text = append(q.Text, c)
	}
	return &q
}

// eachPosting calls fn with each of l's remaining postings, scored.
func eachPosting(t *testing.T, l *posting, sc *bsearch.SearchContext, fn func(*bsearch.DocumentMatch)) {
	t.Helper()
	for {
		if err := l.next(sc); err != nil {
			t.Fatal(err)
		}
		dm := l.match()
		if dm == nil {
			return
		}
		fn(dm)
	}
}
