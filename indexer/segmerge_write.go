package indexer

// The writing side of our merge of the build's segments (segmerge.go):
// the merged file streamed to disk through one buffer, and the doc values'
// chunk coder, as zap's merge writes them (its CountHashWriter and
// chunkedContentCoder in progressive mode).

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"os"
	"slices"

	"github.com/golang/snappy"
)

// mergeSinkFlush is how much the sink buffers before it writes.
const mergeSinkFlush = 1 << 20

// mergeSink writes a file through a buffer, counting its bytes and
// summing their CRC-32 (IEEE).
type mergeSink struct {
	f    *os.File
	buf  []byte
	base uint64 // bytes written to f
	crc  uint32
}

// pos is the offset in the file of the next byte.
func (s *mergeSink) pos() uint64 { return s.base + uint64(len(s.buf)) }

func (s *mergeSink) uvarint(v uint64) { s.buf = binary.AppendUvarint(s.buf, v) }

// flush writes the buffer once it holds mergeSinkFlush bytes, or with
// force whatever it holds.
func (s *mergeSink) flush(force bool) error {
	if len(s.buf) == 0 || (!force && len(s.buf) < mergeSinkFlush) {
		return nil
	}
	s.crc = crc32.Update(s.crc, crc32.IEEETable, s.buf)
	if _, err := s.f.Write(s.buf); err != nil {
		return fmt.Errorf("write merged segment: %w", err)
	}
	s.base += uint64(len(s.buf))
	s.buf = s.buf[:0]
	return nil
}

// writeChunks writes chunked data (its chunks' lengths in lens) as zap's
// chunkedIntCoder does, and returns where: 0 when there is nothing.
func (s *mergeSink) writeChunks(data []byte, lens []uint64) uint64 {
	if len(data) == 0 {
		return 0
	}
	at := s.pos()
	s.uvarint(uint64(len(lens)))
	end := uint64(0)
	for _, l := range lens {
		end += l
		s.uvarint(end)
	}
	s.buf = append(s.buf, data...)
	return at
}

// dvCoder writes a field's doc values into a sink as zap's merge does
// (chunkedContentCoder, progressive): documents in increasing order,
// chunks of chunk documents, each its meta (but with chunks of one) and
// its data, snappy-compressed unless raw; chunk 0 is written even when
// empty, a later chunk without documents is not.
type dvCoder struct {
	s     *mergeSink
	chunk uint64
	raw   bool
	lens  []uint64
	cur   uint64
	heads []uint64 // document, end: pairs
	data  []byte
	comp  []byte
}

func (c *dvCoder) reset(s *mergeSink, numDocs, chunk uint64, raw bool) {
	n := int((numDocs-1)/chunk + 1)
	if cap(c.lens) < n {
		c.lens = make([]uint64, n)
	}
	c.lens = c.lens[:n]
	clear(c.lens)
	c.s, c.chunk, c.raw, c.cur = s, chunk, raw, 0
	c.heads, c.data = c.heads[:0], c.data[:0]
}

func (c *dvCoder) add(doc uint64, terms []byte) error {
	if ch := doc / c.chunk; ch != c.cur {
		if err := c.flushChunk(); err != nil {
			return err
		}
		if ch >= uint64(len(c.lens)) {
			return errSegCorrupt
		}
		c.cur = ch
	}
	c.data = append(c.data, terms...)
	c.heads = append(c.heads, doc, uint64(len(c.data)))
	return nil
}

func (c *dvCoder) flushChunk() error {
	s := c.s
	start := s.pos()
	if c.chunk != 1 {
		s.uvarint(uint64(len(c.heads) / 2))
		for _, v := range c.heads {
			s.uvarint(v)
		}
	}
	if c.raw {
		s.buf = append(s.buf, c.data...)
	} else {
		c.comp = snappy.Encode(c.comp[:cap(c.comp)], c.data)
		s.buf = append(s.buf, c.comp...)
	}
	c.lens[c.cur] = s.pos() - start
	c.heads, c.data = c.heads[:0], c.data[:0]
	return s.flush(false)
}

// finish writes the last chunk and the chunks' end offsets, their byte
// length and the count of chunks.
func (c *dvCoder) finish() error {
	if err := c.flushChunk(); err != nil {
		return err
	}
	s := c.s
	at := s.pos()
	end := uint64(0)
	for _, l := range c.lens {
		end += l
		s.uvarint(end)
	}
	s.buf = binary.BigEndian.AppendUint64(s.buf, s.pos()-at)
	s.buf = binary.BigEndian.AppendUint64(s.buf, uint64(len(c.lens)))
	return nil
}

// roaringSpan is one container of a bitmap being written: its key (the
// high 16 bits) and its members' span in the sorted documents.
type roaringSpan struct {
	key        uint16
	start, end int
}

// appendRoaringOf appends the sorted, distinct docs as the roaring
// library serializes the bitmap that Add or AddMany make of them, led by
// its byte length (a uvarint), as zap writes a postings list's bitmap: an
// array of 16-bit members up to 4,096 members, a bitmap of 1,024 words
// above, and a run container for a full container of 65,536 (Add turns a
// bitmap container that fills up into one), which makes the whole
// serialization the format with runs. spans is scratch.
func appendRoaringOf(dst []byte, docs []uint32, spans []roaringSpan) ([]byte, []roaringSpan) {
	spans = spans[:0]
	runs := false
	for i := 0; i < len(docs); {
		key := uint16(docs[i] >> 16)
		j := i + 1
		for j < len(docs) && uint16(docs[j]>>16) == key {
			j++
		}
		spans = append(spans, roaringSpan{key, i, j})
		runs = runs || j-i == 1<<16
		i = j
	}
	size := func(sp roaringSpan) int {
		switch n := sp.end - sp.start; {
		case n == 1<<16:
			return 2 + 4 // one run
		case n > roaringArrayMax:
			return 8192
		default:
			return 2 * n
		}
	}
	n := len(spans)
	head := 8 + 8*n
	if runs {
		head = 4 + (n+7)/8 + 4*n
		if n >= roaringNoOffsets {
			head += 4 * n
		}
	}
	total := head
	for _, sp := range spans {
		total += size(sp)
	}
	dst = binary.AppendUvarint(dst, uint64(total))
	if runs {
		dst = binary.LittleEndian.AppendUint16(dst, roaringCookieRuns)
		dst = binary.LittleEndian.AppendUint16(dst, uint16(n-1))
		at := len(dst)
		dst = slices.Grow(dst, (n+7)/8)[:at+(n+7)/8]
		clear(dst[at:])
		for i, sp := range spans {
			if sp.end-sp.start == 1<<16 {
				dst[at+i/8] |= 1 << (i % 8)
			}
		}
	} else {
		dst = binary.LittleEndian.AppendUint32(dst, roaringCookieNoRun)
		dst = binary.LittleEndian.AppendUint32(dst, uint32(n))
	}
	for _, sp := range spans {
		dst = binary.LittleEndian.AppendUint16(dst, sp.key)
		dst = binary.LittleEndian.AppendUint16(dst, uint16(sp.end-sp.start-1))
	}
	if !runs || n >= roaringNoOffsets {
		off := head
		for _, sp := range spans {
			dst = binary.LittleEndian.AppendUint32(dst, uint32(off))
			off += size(sp)
		}
	}
	for _, sp := range spans {
		switch c := sp.end - sp.start; {
		case c == 1<<16:
			dst = append(dst, 1, 0, 0, 0, 0xff, 0xff) // one run: start 0, length-1 65,535
		case c <= roaringArrayMax:
			for _, d := range docs[sp.start:sp.end] {
				dst = binary.LittleEndian.AppendUint16(dst, uint16(d))
			}
		default:
			at := len(dst)
			dst = slices.Grow(dst, 8192)[:at+8192]
			words := dst[at:]
			clear(words)
			for _, d := range docs[sp.start:sp.end] {
				lo := d & 0xffff
				words[lo>>3] |= 1 << (lo & 7)
			}
		}
	}
	return dst, spans
}
