package engine

import (
	"context"
	"fmt"
	"math"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	bsearch "github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/internal/bm25"
)

// Exact score bounds per segment. MaxScore prunes with each term's highest
// possible score; bleve's BM25 term score is below queryWeight·idf·k1 for
// any frequency and length (upperBound), but no document reaches that: a
// term that occurs once in a document of average length scores less than
// half of it. A term's highest score in a segment is reached at one of its
// postings that no other posting beats on both frequency and field length
// (a higher frequency and a shorter field both score higher): those pairs,
// a handful per list, are the term's frontier in the segment, and the
// term's bound is the best score among them for the snapshot's average
// field length. Segments do not change, so a frontier is found once, by
// reading the list, and kept (Cache) for every later search; only lists
// of at most frontierMax postings (or a sixteenth of the segment) are
// read for it — the rarer terms, which weigh most and decide which lists
// must propose candidates — and longer ones keep the k1 bound.

// frontierMax is the length of a list read for its frontier whatever the
// segment's size.
const frontierMax = 1024

// Cache is what the engine keeps between the searches of one index: the
// frontiers of the terms of the segments searched, and the document
// frequencies of the terms of the last snapshot searched (a long question
// weighs and prunes a few hundred terms by their frequency, and looking
// each up in every segment's dictionary was a fifth of its time; the
// questions of an index share most of their words). It is safe for
// concurrent use. It forgets all frontiers once it holds max of them
// (merged-away segments go then), and all frequencies when another
// snapshot is searched or it holds max of them.
type Cache struct {
	mu     sync.Mutex
	m      map[boundKey]termBounds
	blocks int                   // the block maxima kept in m
	snap   *scorch.IndexSnapshot // the snapshot of df
	df     map[[2]string]uint64
	max    int
	// the blocks of the block maxima: 1<<shift documents, of the lists of
	// more than blockMin postings in a segment
	shift    uint
	blockMin uint64
}

// termBounds are what is kept of a term's list in a segment: its frontier
// and, for a long list, its block maxima (blockmax.go).
type termBounds struct {
	f      []tfNorm
	blocks []blockMax
}

// maxBlocks is how many block maxima a Cache keeps at most (4 bytes each).
const maxBlocks = 1 << 21

// boundKey names a term of a segment: scorch numbers the segments of an
// index once (a persisted copy of a segment keeps its number and its
// postings; a merge makes a new one), so one Cache serves one index.
type boundKey struct {
	seg         uint64
	field, term string
}

// tfNorm is a posting's term frequency as bleve scores it (the square root
// of the count) and its field's norm (1/√length).
type tfNorm struct{ tf, norm float64 }

// NewCache returns a cache of at most max frontiers and max frequencies.
func NewCache(max int) *Cache {
	return &Cache{m: map[boundKey]termBounds{}, df: map[[2]string]uint64{}, max: max, shift: blockShift, blockMin: blockMin}
}

func (b *Cache) get(k boundKey) (termBounds, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	f, ok := b.m[k]
	return f, ok
}

func (b *Cache) put(k boundKey, t termBounds) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.m) >= b.max || b.blocks+len(t.blocks) > maxBlocks {
		clear(b.m)
		b.blocks = 0
	}
	b.m[k] = t
	b.blocks += len(t.blocks)
}

// docFreq is the frequency of field:term on snap, if kept.
func (b *Cache) docFreq(snap *scorch.IndexSnapshot, field, term string) (uint64, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.snap != snap {
		return 0, false
	}
	df, ok := b.df[[2]string{field, term}]
	return df, ok
}

func (b *Cache) putDocFreq(snap *scorch.IndexSnapshot, field, term string, df uint64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.snap != snap || len(b.df) >= b.max {
		b.snap = snap
		clear(b.df)
	}
	b.df[[2]string{field, term}] = df
}

// addFrontier is the frontier f with q: q left out if a pair of f beats
// or equals it on both, and the pairs q beats on both left out otherwise.
func addFrontier(f []tfNorm, q tfNorm) []tfNorm {
	if dominated(f, q) {
		return f
	}
	keep := f[:0]
	for _, o := range f {
		if !(q.tf >= o.tf && q.norm >= o.norm) {
			keep = append(keep, o)
		}
	}
	return append(keep, q)
}

func dominated(f []tfNorm, q tfNorm) bool {
	for _, o := range f {
		if o.tf >= q.tf && o.norm >= q.norm {
			return true
		}
	}
	return false
}

// sqrtFreq is the term frequency bleve's scorer uses.
func sqrtFreq(freq uint64) float64 {
	return math.Sqrt(float64(freq))
}

// maxTF is the highest of bleve's BM25 term-frequency factors
// (tf·k1/(tf + k1·(1−b+b·length/avg)), bm25.BleveTF) over the frontier f,
// for the average field length avg.
func maxTF(f []tfNorm, avg float64) float64 {
	p := bm25.Default()
	var m float64
	for _, q := range f {
		m = max(m, p.BleveTF(q.tf, p.Norm(1/(q.norm*q.norm), avg)))
	}
	return m
}

// avgLength is the average field length bleve's term scorer divides by
// (its bm25ScoreMetrics: the statistics of the search's context, or the
// reader's, the quotient rounded up); ok is false when bleve does not
// score with BM25 there, and the exact bounds do not apply.
func avgLength(ctx context.Context, r index.IndexReader, field string) (avg float64, ok bool) {
	if ctx == nil {
		return 0, false
	}
	cb, isCB := ctx.Value(bsearch.GetScoringModelCallbackKey).(bsearch.GetScoringModelCallbackFn)
	if !isCB || cb() != index.BM25Scoring {
		return 0, false
	}
	var count uint64
	var card int
	if st, isSt := ctx.Value(bsearch.BM25StatsKey).(*bsearch.BM25Stats); isSt {
		count = uint64(st.DocCount)
		if card, ok = st.FieldCardinality[field]; !ok {
			return 0, false
		}
	} else {
		var err error
		if count, err = r.DocCount(); err != nil {
			return 0, false
		}
		br, isBR := r.(index.BM25Reader)
		if !isBR {
			return 0, false
		}
		if card, err = br.FieldCardinality(field); err != nil {
			return 0, false
		}
	}
	if count == 0 {
		return 0, false
	}
	avg = math.Ceil(float64(card) / float64(count))
	return avg, avg > 0
}

// tfBound is the highest term-frequency factor t can have in the segments
// of r: the frontiers' where known or short enough to find, k1 elsewhere;
// and the list's block maxima per segment, where kept (blocks reports
// whether to read long lists for them).
func (b *Cache) tfBound(r *termReader, avg float64, blocks bool) (float64, [][]blockMax, error) {
	k1 := bm25.Default().MaxBleveTF()
	var m float64
	var bs [][]blockMax
	if blocks {
		bs = make([][]blockMax, len(r.curs))
	}
	for i, c := range r.curs {
		if c == nil {
			if bs != nil && r.t.lists[i] == nil {
				bs[i] = noPostings // the list cannot match there
			}
			continue
		}
		ss := r.p.segs[i]
		k := boundKey{ss.Id(), r.t.field, r.t.name}
		t, ok := b.get(k)
		if !ok {
			if n := r.t.lists[i].Count(); !blocks && n > frontierMax && n*16 > ss.Segment().Count() {
				return k1, nil, nil
			}
			// every posting, deleted documents' too: a search on an
			// older snapshot, with fewer deletions, shares the frontier
			pl, err := r.p.dicts[r.t.field][i].PostingsList(r.t.term, nil, nil)
			if err != nil {
				return 0, nil, fmt.Errorf("engine: term %s:%s: %w", r.t.field, r.t.term, err)
			}
			if t.f, t.blocks, err = readBounds(pl, ss.Segment().Count(), b.shift, b.blockMin); err != nil {
				return 0, nil, err
			}
			if !worthKeeping(t.blocks, maxTF(t.f, avg), avg) {
				t.blocks = nil
			}
			b.put(k, t)
		}
		m = max(m, maxTF(t.f, avg))
		if bs != nil {
			bs[i] = t.blocks
		}
	}
	return min(m, k1), bs, nil
}

// noPostings marks a segment where a list has no posting.
var noPostings = []blockMax{}
