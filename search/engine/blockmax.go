package engine

import (
	"math"

	segment "github.com/blevesearch/scorch_segment_api/v2"

	"github.com/vanban/vanban/internal/bm25"
)

// Score bounds per block of documents (block-max, as Lucene keeps per block
// of postings). A long list's bound for the whole index is k1's or its
// frontier's: the best posting anywhere. Most candidates the essential
// lists propose lie where a light list's postings score far less, or where
// it has none, and MaxScore still advanced every such list to every
// candidate it could not rule out (zap's Advance decodes the frequencies
// of the postings it skips: half of a long question's time). The engine
// now also keeps, for each list of more than blockMin postings in a
// segment, the highest frequency and the highest norm of its postings in
// each block of blockSize document numbers (deleted documents' too: any
// snapshot of the segment may share them); a candidate in a block where a
// list has no posting cannot match it, and elsewhere the list's bound at
// the candidate is its block's, so a candidate is ruled out, without moving
// the lists, as soon as what the essential lists gave plus the block bounds
// of the others cannot reach the k-th best score. zap stores no such
// maxima, so they are read once per segment and term, when the frontier
// is (bounds.go), and kept in the Cache.

// The blocks of a Cache (NewCache; tests make them smaller).
const (
	blockShift = 8 // blocks of 256 document numbers
	// blockMin is the length of a list in a segment from which its block
	// maxima are kept; shorter lists keep their frontier's bound.
	blockMin = 512
)

// blockMax is the highest frequency of a list's postings in one block and
// the shortest field length among them, each kept in 16 bits on the side
// of a higher score: a frequency over MaxUint16 is kept as MaxUint16 (the
// block's bound is then k1's), the length is rounded down (bleve's scorer
// takes it back from the norm, 1/norm², in floating point) and a length
// over MaxUint16 kept as MaxUint16. freq 0: no posting in the block.
type blockMax struct {
	freq, length uint16
}

// readBounds reads pl once: its frontier, and its block maxima (blocks of
// 1<<shift documents) when it is longer than least postings (nil
// otherwise). docs is the segment's number of documents.
func readBounds(pl segment.PostingsList, docs uint64, shift uint, least uint64) ([]tfNorm, []blockMax, error) {
	var f []tfNorm
	var blocks []blockMax
	if pl.Count() > least {
		blocks = make([]blockMax, (docs+1<<shift-1)>>shift)
	}
	it := pl.Iterator(true, true, false, nil)
	for {
		p, err := it.Next()
		if err != nil || p == nil {
			return f, blocks, err
		}
		f = addFrontier(f, tfNorm{sqrtFreq(p.Frequency()), p.Norm()})
		if blocks != nil {
			if b := p.Number() >> shift; b < uint64(len(blocks)) {
				blocks[b] = blocks[b].with(p.Frequency(), p.Norm())
			}
		}
	}
}

// with is m with a posting of frequency freq and norm norm.
func (m blockMax) with(freq uint64, norm float64) blockMax {
	l := uint16(math.MaxUint16)
	if norm > 0 {
		// one below the floor, against the rounding of 1/norm² here
		// and in bleve's scorer
		if x := math.Floor(1/(norm*norm)) - 1; x < math.MaxUint16 {
			l = uint16(max(x, 0))
		}
	} else {
		l = 0
	}
	if m.freq == 0 {
		m.length = l
	}
	m.freq = max(m.freq, uint16(min(freq, math.MaxUint16)))
	m.length = min(m.length, l)
	return m
}

// blockTF is the highest term-frequency factor of a posting of block m
// for the average field length avg (0 for an empty block), at most k1's.
func blockTF(m blockMax, avg float64) float64 {
	if m.freq == 0 {
		return 0
	}
	p := bm25.Default()
	if m.freq == math.MaxUint16 {
		return p.MaxBleveTF()
	}
	return min(p.BleveTF(sqrtFreq(uint64(m.freq)), p.Norm(float64(m.length), avg)), p.MaxBleveTF())
}

// worthKeeping reports whether a list's block maxima rule out enough to
// be kept: at least a quarter of its blocks hold none of its postings or
// bound them at most half as high as its frontier does (tf, for the
// average length avg of the search that read them). A long list spread
// evenly over a segment has a posting near its best in most blocks, and
// its maxima would cost memory (a few MB on 100k documents) for almost
// no pruning; its frontier bounds it as well.
func worthKeeping(blocks []blockMax, tf, avg float64) bool {
	low := 0
	for _, m := range blocks {
		if blockTF(m, avg) <= tf/2 {
			low++
		}
	}
	return low > 0 && low*4 >= len(blocks)
}

// listBlocks are a list's block maxima in each segment of the index.
type listBlocks struct {
	segs  [][]blockMax // nil: none kept for the segment (a short list, or not read)
	avg   float64      // the field's average length the scores use
	scale float64      // the score of a term-frequency factor of 1 (upperBound's)
}

// at is the list's bound at block blk of segment seg (ub where no maxima
// are kept), and whether the list can have a posting there.
func (b *listBlocks) at(seg, blk int, ub float64) (float64, bool) {
	switch ms := b.segs[seg]; {
	case ms == nil:
		return ub, true
	case len(ms) == 0: // no posting in the segment
		return 0, false
	case blk < len(ms):
		if ms[blk].freq == 0 {
			return 0, false
		}
		return min(ub, b.scale*blockTF(ms[blk], b.avg)), true
	}
	return ub, true
}
