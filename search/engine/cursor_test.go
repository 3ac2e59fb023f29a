package engine

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"sort"
	"testing"

	"github.com/blevesearch/bleve/v2"
	segment "github.com/blevesearch/scorch_segment_api/v2"

	"github.com/vanban/vanban/internal/cputime"
)

// longListIndex is an index whose common words have lists of several zap
// chunks (more than 1,024 postings in a segment): segments of 2,500
// documents without deletions (zap's "clean" lists), 2,000 documents with
// every fifth deleted (1,800 and 1,500 in -short), and 3 documents;
// reopened read-only.
func longListIndex(t testing.TB) bleve.Index {
	t.Helper()
	a, b := 2500, 2000
	if testing.Short() {
		a, b = 1800, 1500 // -race in CI: still lists of two chunks
	}
	idx, path := buildIndex(t, []int{a, b, 3}, func(j int) bool { return j >= a && j < a+b && j%5 == 0 })
	return readOnly(t, idx, path)
}

// zapPosting is a posting as zap's own iterator reads it.
type zapPosting struct {
	n, freq uint64
	norm    float64
}

func zapPostings(t *testing.T, pl segment.PostingsList) []zapPosting {
	t.Helper()
	var out []zapPosting
	it := pl.Iterator(true, true, false, nil)
	for {
		p, err := it.Next()
		if err != nil {
			t.Fatal(err)
		}
		if p == nil {
			return out
		}
		out = append(out, zapPosting{p.Number(), p.Frequency(), p.Norm()})
	}
}

// cursorWalk moves a lazy cursor of pl over its postings at random (next,
// advances of short and long strides, frequencies resolved with
// probability pr) and returns how many of its reads differ from zap's
// (want), and how many chunk jumps it made; wrongSize, when set, replaces
// the chunk size the cursor skips by.
func cursorWalk(t *testing.T, rng *rand.Rand, seg segment.Segment, pl segment.PostingsList, want []zapPosting, pr float64, wrongSize func(uint64) uint64) (bad, jumps int, lazy bool) {
	t.Helper()
	c := newCursor(seg, pl, true)
	if wrongSize != nil && c.skip.it != nil {
		c.skip.size = wrongSize(c.skip.size)
	}
	pos := -1 // want[pos] is the cursor's posting
	for {
		var n uint64
		var ok bool
		var err error
		next := pos + 1
		if pos < 0 || rng.IntN(3) == 0 {
			n, ok, err = c.next()
		} else {
			stride := uint64(1 + rng.IntN(40))
			if rng.IntN(8) == 0 {
				stride = uint64(rng.IntN(3000)) + 1 // over chunks
			}
			d := want[pos].n + stride
			next = pos + 1 + sort.Search(len(want)-pos-1, func(i int) bool { return want[pos+1+i].n >= d })
			n, ok, err = c.advance(d)
		}
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case !ok && next < len(want), ok && (next >= len(want) || want[next].n != n):
			return bad + 1, c.jumps, c.docs != nil
		case !ok:
			return bad, c.jumps, c.docs != nil
		}
		pos = next
		if rng.Float64() < pr {
			f, nm, err := c.resolve()
			if err != nil || f != want[pos].freq || nm != want[pos].norm {
				bad++
			}
		}
	}
}

// TestLongLists runs the tests of the index of long lists (built once).
func TestLongLists(t *testing.T) {
	idx := longListIndex(t)
	t.Run("CursorReadsZaps", func(t *testing.T) { testCursorReadsZaps(t, idx) })
	t.Run("SameHits", func(t *testing.T) { testLongListsSameHits(t, idx) })
}

// testCursorReadsZaps: a lazy cursor moved at random over every list of
// an index of long lists (several zap chunks, segments with and without
// deletions) reads the documents, frequencies and
// norms zap's own iterator reads; chunks are skipped on the lists without
// deletions; and a cursor skipping by a wrong chunk size is caught (the
// walk can fail).
func testCursorReadsZaps(t *testing.T, idx bleve.Index) {
	r := snapshotReader(t, idx)
	pst := NewPostings(r, nil)
	rng := rand.New(rand.NewPCG(7, 8))
	var lists, lazyLists, jumps, wrong, wrongJumps int
	multi := 0
	for _, field := range []string{"Body", "Title"} {
		for _, w := range words {
			tp, err := pst.lookup(field, w)
			if err != nil {
				t.Fatal(err)
			}
			for i, pl := range tp.lists {
				if pl == nil {
					continue
				}
				seg := pst.segs[i].Segment()
				want := zapPostings(t, pl)
				if len(want) > 1024 {
					multi++
				}
				lists++
				for _, pr := range []float64{0.02, 0.3, 1} {
					bad, j, lazy := cursorWalk(t, rng, seg, pl, want, pr, nil)
					if bad > 0 {
						t.Fatalf("%s:%s in segment %d (%d postings), resolving %.0f%%: %d reads differ from zap's", field, w, i, len(want), 100*pr, bad)
					}
					jumps += j
					if lazy && pr == 1 {
						lazyLists++
					}
				}
				if len(want) > 1024 {
					bad, j, _ := cursorWalk(t, rng, seg, pl, want, 0.05, func(s uint64) uint64 { return s/2 + 1 })
					wrong += bad
					wrongJumps += j
				}
			}
		}
	}
	t.Logf("%d lists (%d of more than 1,024 postings, %d read lazily), %d chunk jumps; skipping by half the chunk size: %d wrong reads in %d jumps",
		lists, multi, lazyLists, jumps, wrong, wrongJumps)
	if multi == 0 || jumps == 0 || lazyLists == 0 {
		t.Errorf("%d lists of several chunks, %d jumps, %d of %d lists lazy: the test says little", multi, jumps, lazyLists, lists)
	}
	if wrong == 0 {
		t.Errorf("a wrong chunk size went unnoticed in %d jumps: the walk cannot fail", wrongJumps)
	}
}

// testLongListsSameHits: on the index of long lists, the engine's k best
// (lazy lists, skipped chunks, block maxima of zap-sized segments) are
// bleve's, with bleve's scores, for one engine and for two.
func testLongListsSameHits(t *testing.T, idx bleve.Index) {
	rng := rand.New(rand.NewPCG(9, 10))
	cache := NewCache(1 << 16)
	n := 60
	if testing.Short() {
		n = 15
	}
	var searches, pruned int
	for range n {
		q := randomQuery(rng)
		k := 1 + rng.IntN(20)
		want, total := search(t, idx, bleveOf(q), k)
		for _, split := range []uint64{0, 1} {
			if split == 1 && runtime.GOMAXPROCS(0) < 2 {
				continue
			}
			got, scored := search(t, idx, ranked{q, Options{K: k, Split: split, Cache: cache}}, k)
			searches++
			if scored < total {
				pruned++
			}
			sameHits(t, fmt.Sprintf("%+v k=%d split=%d", q, k, split), got, want)
		}
	}
	t.Logf("%d searches, %d scored fewer documents than match", searches, pruned)
	if pruned < searches/2 {
		t.Errorf("only %d of %d searches skipped documents", pruned, searches)
	}
}

// sameHits fails unless got are want: the same scores, and the same
// documents but where equal scores may come in another order (their last
// bits depend on the order of summation).
func sameHits(t *testing.T, what string, got, want []hit) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d hits, bleve %d", what, len(got), len(want))
	}
	for i := range want {
		if !sameScore(got[i].score, want[i].score) || (got[i].id != want[i].id && !sameScore(got[i].score, want[min(i+1, len(want)-1)].score) && !sameScore(got[i].score, want[max(i-1, 0)].score)) {
			t.Fatalf("%s: hit %d is %v, bleve's %v", what, i, got[i], want[i])
		}
	}
}

// BenchmarkCursorAdvance: a lighter list's walk as MaxScore makes it,
// advanced to every 7th or every 97th document (the candidates) of an
// index of long lists and scored (its frequency and norm read) at a tenth
// of the candidates it holds, by zap's iterator (eager) and by the lazy
// cursor; per advance.
func BenchmarkCursorAdvance(b *testing.B) {
	r := snapshotReader(b, longListIndex(b))
	pst := NewPostings(r, nil)
	var lists []*termPostings
	for _, w := range words {
		tp, err := pst.lookup("Body", w)
		if err != nil {
			b.Fatal(err)
		}
		lists = append(lists, tp)
	}
	for _, v := range []struct {
		lazy   bool
		stride uint64
	}{{false, 7}, {true, 7}, {false, 97}, {true, 97}} {
		lazy, stride := v.lazy, v.stride
		name := fmt.Sprintf("%s/every%d", map[bool]string{false: "zap", true: "lazy"}[lazy], stride)
		b.Run(name, func(b *testing.B) {
			advances := 0
			cpu := cputime.Now()
			b.ReportAllocs()
			for b.Loop() {
				for _, tp := range lists {
					for i, pl := range tp.lists {
						if pl == nil {
							continue
						}
						c := newCursor(pst.segs[i].Segment(), pl, lazy)
						for d := uint64(0); ; d += stride {
							n, ok, err := c.advance(d)
							if err != nil {
								b.Fatal(err)
							}
							advances++
							if !ok {
								break
							}
							if n == d && (d/stride)%10 == 0 {
								if _, _, err := c.resolve(); err != nil {
									b.Fatal(err)
								}
							}
						}
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(advances), "ns/advance")
			if c := cputime.Now(); c > 0 {
				b.ReportMetric(float64((c-cpu).Nanoseconds())/float64(advances), "cpu-ns/advance")
			}
		})
	}
}
