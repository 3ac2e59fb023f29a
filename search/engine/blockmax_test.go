package engine

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	bsearch "github.com/blevesearch/bleve/v2/search"

	"github.com/vanban/vanban/internal/bm25"
)

// smallBlocks is a cache whose block maxima apply on the test indexes
// (segments of 150 documents): blocks of 8 documents, lists of more than 4
// postings in a segment.
func smallBlocks() *Cache {
	c := NewCache(1 << 16)
	c.shift, c.blockMin = 3, 4
	return c
}

// TestBlockBoundsHold: on an index of several segments with deletions,
// every posting of every term lies in a block its list may have a posting
// in, and scores at or below the list's bound there; most bounds of the
// blocks are below the list's bound on the whole index, and some blocks
// hold none of the list's postings (what the engine skips).
func TestBlockBoundsHold(t *testing.T) {
	r := snapshotReader(t, testIndex(t, 1200))
	pst := NewPostings(r, nil)
	q := everyWord(func(w string) float64 { return 1 + float64(len(w)%3) })
	s, err := newMaxScore(bm25Context(), r, q, 10, bsearch.SearcherOptions{}, pst, smallBlocks(), 0, math.MaxUint64)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.SetQueryNorm(1 / math.Sqrt(s.weight))
	sc := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(2, 0)}
	var postings, lower, withBlocks int
	empty := 0
	for _, l := range s.all {
		if l.blocks == nil {
			continue
		}
		withBlocks++
		ub := upperBound(l.s, l.boost, l.tfmax, s.qnorm)
		l.blocks.scale = upperBound(l.s, l.boost, 1, s.qnorm)
		for seg, ms := range l.blocks.segs {
			for blk := range ms {
				if _, maybe := l.blocks.at(seg, blk, ub); !maybe {
					empty++
				}
			}
		}
		eachPosting(t, l, sc, func(dm *bsearch.DocumentMatch) {
			postings++
			seg := pst.segmentOf(l.id)
			blk := int((l.id - pst.offsets[seg]) >> s.bshift)
			b, maybe := l.blocks.at(seg, blk, ub)
			if !maybe || dm.Score > b {
				t.Fatalf("%s:%s: document %d (segment %d, block %d) scores %g; the block's bound is %g (a posting there: %v)",
					l.rp.t.field, l.rp.t.name, l.id, seg, blk, dm.Score, b, maybe)
			}
			if b < ub {
				lower++
			}
		})
	}
	t.Logf("%d lists with block maxima, %d postings, %d below the list's bound, %d empty blocks", withBlocks, postings, lower, empty)
	if withBlocks < len(s.all)/2 || lower < postings/2 || empty == 0 {
		t.Errorf("%d of %d lists with block maxima, %d of %d postings with a lower bound, %d empty blocks: the test says little",
			withBlocks, len(s.all), lower, postings, empty)
	}
}

// readCounter counts the postings the engine reads (a Guard).
type readCounter struct{ n int }

func (c *readCounter) Step() error { c.n++; return nil }

// TestBlockMaxReadsLess: with block maxima the engine finds the same k
// best and reads fewer postings than with the bounds on the whole index
// (the candidates a block rules out are not advanced to).
func TestBlockMaxReadsLess(t *testing.T) {
	r := snapshotReader(t, testIndex(t, 1200))
	ctx := bm25Context()
	rng := rand.New(rand.NewPCG(7, 8))
	bounds, blocks := NewCache(1<<16), smallBlocks()
	top := func(q *Query, k int, c *Cache) ([]float64, int) {
		t.Helper()
		pst := NewPostings(r, nil)
		reads := &readCounter{}
		pst.guard = reads
		s, err := newMaxScore(ctx, r, q, k, bsearch.SearcherOptions{}, pst, c, 0, math.MaxUint64)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		sc := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0)}
		var scores []float64
		for {
			dm, err := s.Next(sc)
			if err != nil {
				t.Fatal(err)
			}
			if dm == nil {
				break
			}
			scores = append(scores, dm.Score)
			sc.DocumentMatchPool.Put(dm)
		}
		// the k best of what the engine returned (it returns every
		// document that was among the k best when found)
		slices.SortFunc(scores, func(a, b float64) int { return cmp.Compare(b, a) })
		return scores[:min(k, len(scores))], reads.n
	}
	var readBounds, readBlocks int
	for range 60 {
		q := randomQuery(rng)
		q.Filter, q.Exclude = nil, nil
		k := 1 + rng.IntN(20)
		want, nb := top(q, k, bounds)
		got, nk := top(q, k, blocks)
		if !slices.Equal(got, want) {
			t.Fatalf("%+v k=%d: the k best scores are %v with block maxima, %v without", q, k, got, want)
		}
		readBounds += nb
		readBlocks += nk
	}
	t.Logf("postings read: %d with the bounds on the whole index, %d with block maxima", readBounds, readBlocks)
	if readBlocks >= readBounds {
		t.Errorf("block maxima read %d postings, the bounds on the whole index %d", readBlocks, readBounds)
	}
}

// TestBlockMaxAbove: a block's bound is at or above bleve's term-frequency
// factor of each of its postings, as bleve's scorer computes it (the field
// length back from the float32 norm zap stores), for lengths and
// frequencies past what 16 bits hold.
func TestBlockMaxAbove(t *testing.T) {
	p := bm25.Default()
	for _, avg := range []float64{1, 7, 30, 400, 5000} {
		for _, l := range []float64{1, 2, 3, 7, 10, 99, 100, 101, 1000, 65534, 65535, 65536, 70000, 1e6} {
			for _, freq := range []uint64{1, 2, 3, 17, 255, 65534, 65535, 65536, 1 << 40} {
				norm := float64(float32(1 / math.Sqrt(l))) // zap's norm
				length := 1 / (norm * norm)                // bleve's scorer
				tf := math.Sqrt(float64(freq))
				want := tf * p.K1 / (tf + p.K1*(1-p.B+p.B*length/avg))
				var m blockMax
				m = m.with(1, 1).with(freq, norm) // with a shorter posting of frequency 1 first
				m2 := blockMax{}.with(freq, norm)
				if got := blockTF(m2, avg); got < want {
					t.Errorf("avg %g, length %g, frequency %d: bound %g below the score's factor %g", avg, l, freq, got, want)
				}
				if blockTF(m, avg) < blockTF(m2, avg) {
					t.Errorf("adding a posting lowered the bound")
				}
			}
		}
	}
	if got := blockTF(blockMax{}, 10); got != 0 {
		t.Errorf("an empty block's bound is %g, want 0", got)
	}
}

// TestWorthKeeping: maxima are kept for a list with many empty or light
// blocks, not for one with a posting near its best in nearly every block.
func TestWorthKeeping(t *testing.T) {
	dense := make([]blockMax, 40)
	sparse := make([]blockMax, 40)
	for i := range dense {
		dense[i] = blockMax{}.with(3, 1/math.Sqrt(20))
		if i%8 == 0 {
			sparse[i] = dense[i]
		}
	}
	light := slices.Clone(dense)
	for i := range light[:20] {
		light[i] = blockMax{}.with(1, 1/math.Sqrt(400))
	}
	tf := blockTF(dense[0], 30)
	for _, c := range []struct {
		name   string
		blocks []blockMax
		want   bool
	}{
		{"dense", dense, false},
		{"sparse", sparse, true},
		{"half light", light, true},
		{"none", nil, false},
	} {
		if got := worthKeeping(c.blocks, tf, 30); got != c.want {
			t.Errorf("%s: worthKeeping = %v, want %v", c.name, got, c.want)
		}
	}
}
