package engine

import (
	"fmt"

	"github.com/RoaringBitmap/roaring/v2"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	zap "github.com/blevesearch/zapx/v17"
)

// Moving a list without decoding what it skips. zap keeps a list's
// documents in a roaring bitmap and their frequencies and norms in chunks
// of consecutive document numbers (about 1,024 postings a chunk), each a
// run of varints read from its start. zap's Advance on a list without
// deletions walks its bitmap one posting at a time up to the target and
// reads past the frequency and norm of every posting of the target's
// chunk before it. MaxScore advances its lighter lists to each candidate
// it cannot rule out, and most of those advances land past the candidate
// (the list does not hold it: its score is not needed): that walk was two
// fifths of a long question's time.
//
// A text list's cursor therefore moves on the list's bitmap of live
// documents (zap's ActualBitmap; roaring skips within its containers) and
// reads a posting's frequency and norm from zap's iterator only when the
// engine scores it (resolve). That iterator then walks from its last
// posting to the one scored: a proposing list, scored at each of its
// postings, reads them in turn (Next, when the iterator stands on the
// cursor's posting); a lighter list's iterator jumps over the chunks
// before the posting's (chunkSkip) and walks only inside that chunk.

// cursor is a list's walk in one segment. Numbers are the segment's.
type cursor struct {
	it   segment.PostingsIterator // zap's iterator (frequencies and norms)
	docs roaring.IntPeekable      // the live documents; nil: it walks alone (eager)
	skip chunkSkip
	cur  uint64 // the posting the cursor stands on
	on   bool   // cur is set (false before the first read and at the end)
	// it's last posting: where it stands, and its frequency and norm
	at     uint64
	atOn   bool
	freq   uint64
	norm   float64
	atDone bool // it is at its end
	jumps  int  // chunk skips made (for the tests)
}

// newCursor returns the cursor of pl, read without deletions when except
// was nil, in seg; lazy: frequencies and norms read when resolved, else
// with every posting (as zap's iterator reads them).
func newCursor(seg segment.Segment, pl segment.PostingsList, lazy bool) *cursor {
	it := pl.Iterator(true, true, false, nil)
	c := &cursor{it: it}
	zi, ok := it.(*zap.PostingsIterator)
	if !ok || zi.Actual == nil || !lazy {
		return c // empty or one posting (zap's "1-hit" lists), or not zap's
	}
	if bm := zi.ActualBitmap(); bm != nil {
		c.docs = bm.Iterator()
		c.skip = newChunkSkip(seg, pl, zi)
	}
	return c
}

// next moves to the next posting; ok is false at the end.
func (c *cursor) next() (uint64, bool, error) {
	if c.docs == nil || (c.atOn && c.on && c.at == c.cur) {
		// zap's iterator stands on the cursor: read on with it
		return c.read(c.it.Next())
	}
	if c.on {
		c.docs.AdvanceIfNeeded(uint32(c.cur + 1))
	}
	return c.fromDocs()
}

// advance moves to the first posting at or after d.
func (c *cursor) advance(d uint64) (uint64, bool, error) {
	if c.on && c.cur >= d {
		return c.cur, true, nil
	}
	if c.docs == nil {
		return c.read(c.it.Advance(d))
	}
	c.docs.AdvanceIfNeeded(uint32(d))
	return c.fromDocs()
}

func (c *cursor) fromDocs() (uint64, bool, error) {
	if !c.docs.HasNext() {
		c.on = false
		return 0, false, nil
	}
	c.cur, c.on = uint64(c.docs.Next()), true
	return c.cur, true, nil
}

// read records a read of zap's iterator, which the cursor then stands on.
func (c *cursor) read(p segment.Posting, err error) (uint64, bool, error) {
	if err != nil {
		return 0, false, err
	}
	if p == nil {
		c.on, c.atOn, c.atDone = false, false, true
		return 0, false, nil
	}
	c.cur, c.on = p.Number(), true
	c.at, c.atOn, c.freq, c.norm = c.cur, true, p.Frequency(), p.Norm()
	return c.cur, true, nil
}

// resolve returns the frequency and norm of the posting the cursor stands
// on.
func (c *cursor) resolve() (uint64, float64, error) {
	if !c.on {
		return 0, 0, fmt.Errorf("no posting to resolve")
	}
	if c.atOn && c.at == c.cur {
		return c.freq, c.norm, nil
	}
	if c.atDone || (c.atOn && c.at > c.cur) {
		return 0, 0, fmt.Errorf("posting %d behind the iterator (%d)", c.cur, c.at)
	}
	if c.skip.before(c.cur, c.at, c.atOn) {
		c.jumps++
	}
	p, err := c.it.Advance(c.cur)
	if err != nil {
		return 0, 0, err
	}
	if p == nil || p.Number() != c.cur {
		return 0, 0, fmt.Errorf("posting %d not in the list's postings", c.cur)
	}
	c.at, c.atOn, c.freq, c.norm = c.cur, true, p.Frequency(), p.Norm()
	return c.freq, c.norm, nil
}

// chunkSize is the number of document numbers in each frequency chunk of
// a list of n postings in a zap segment of docs documents written in
// chunk mode mode (zap's getChunkSize); 0 where unknown.
func chunkSize(mode uint32, n, docs uint64) uint64 {
	switch {
	case mode == 0:
		return 0
	case mode <= 1024:
		return uint64(mode)
	case mode == 1025:
		if n <= 1024 {
			return docs
		}
		return 1024
	case mode == 1026:
		return docs / (n/1024 + 1)
	}
	return 0
}

// chunkSkip moves a zap iterator over whole chunks. Its bitmap iterator is
// zap's exported Actual; when the target lies in a later chunk than the
// iterator's last posting, Actual is moved (AdvanceIfNeeded) to the first
// document of the target's chunk: zap's Advance then starts at the first
// posting of that chunk, loads its frequencies from the chunk's start and
// walks only the postings of the chunk before the target — what it
// decodes when it walks there itself. That rests on two things zap (v17)
// does without promising them, both checked by TestLongLists/CursorReadsZaps on real
// segments: a list read without an "except" bitmap iterates Actual itself
// (its "clean" path; with deletions zap advances Actual to the target
// first, so the move is harmless), and the chunk of document n is
// n / chunkSize with chunkSize computed as zap computes it. Elsewhere (a
// segment not a zap file, an unknown chunk mode) zap walks.
type chunkSkip struct {
	it   *zap.PostingsIterator // nil: zap walks
	size uint64                // chunkSize
}

// newChunkSkip returns the skip of zi, an iterator of pl in seg.
func newChunkSkip(seg segment.Segment, pl segment.PostingsList, zi *zap.PostingsIterator) chunkSkip {
	zs, ok := seg.(*zap.Segment)
	if !ok {
		return chunkSkip{}
	}
	size := chunkSize(zs.ChunkMode(), pl.Count(), zs.NumDocs())
	if size == 0 {
		return chunkSkip{}
	}
	return chunkSkip{it: zi, size: size}
}

// before moves the iterator's bitmap to the first document of target's
// chunk when that chunk is after the chunk of last, the iterator's last
// posting (read says whether it returned one), and reports whether it did.
func (c chunkSkip) before(target, last uint64, read bool) bool {
	if c.it == nil {
		return false
	}
	tc := target / c.size
	if tc == 0 || (read && last/c.size >= tc) {
		return false
	}
	c.it.Actual.AdvanceIfNeeded(uint32(tc * c.size))
	return true
}
