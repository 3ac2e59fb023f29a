package indexer

// The inverted index of a merged segment (segmerge.go): per field, the
// inputs' terms in order (a heap of the inputs' dictionary iterators, ties
// in input order), each term's postings gathered from the inputs holding
// it and written as zap's merge writes them
// (mergeAndPersistInvertedSection), then the dictionary and doc values.

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/blevesearch/vellum"
)

// termCursor walks one input's dictionary of a field: its term list
// (segterms.go) or else its FST.
type termCursor struct {
	in   int // the input's place: ties go in input order
	k    int // the field's id in the input
	itr  *vellum.FSTIterator
	list []byte // what is left of the term list (itr nil)
	term []byte
	val  uint64
}

// next moves c to its next term; false when there is none.
func (c *termCursor) next() (bool, error) {
	if c.itr == nil {
		return c.nextListed()
	}
	err := c.itr.Next()
	if errors.Is(err, vellum.ErrIteratorDone) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	c.term, c.val = c.itr.Current()
	return true, nil
}

// nextListed moves c to the next term of its term list.
func (c *termCursor) nextListed() (bool, error) {
	if len(c.list) == 0 {
		return false, nil
	}
	at := uint64(0)
	p, err := uv(c.list, &at)
	if err != nil {
		return false, err
	}
	n, err := uv(c.list, &at)
	if err != nil {
		return false, err
	}
	if p > uint64(len(c.term)) || at+n > uint64(len(c.list)) {
		return false, errSegCorrupt
	}
	c.term = append(c.term[:p], c.list[at:at+n]...)
	at += n
	if c.val, err = uv(c.list, &at); err != nil {
		return false, err
	}
	c.list = c.list[at:]
	return true, nil
}

func cursorLess(a, b *termCursor) bool {
	if c := bytes.Compare(a.term, b.term); c != 0 {
		return c < 0
	}
	return a.in < b.in
}

// heapDown restores the heap h from position i down.
func heapDown(h []*termCursor, i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		s := l
		if r := l + 1; r < len(h) && cursorLess(h[r], h[l]) {
			s = r
		}
		if !cursorLess(h[s], h[i]) {
			return
		}
		h[i], h[s] = h[s], h[i]
		i = s
	}
}

// cursors opens a cursor on every input whose dictionary of field id
// holds a term, in input order (zap's segments "in focus": their doc
// values are the merged field's).
func (m *segMerger) openCursors(id int) ([]*termCursor, error) {
	cs := m.cursors[:0]
	if !m.opts[id].IsIndexed() {
		return cs, nil
	}
	name := m.names[id]
	for i, in := range m.ins {
		k := -1
		for j := range in.fields { // inputs have tens of fields
			if in.fields[j].name == name {
				k = j
				break
			}
		}
		if k < 0 {
			continue
		}
		if in.lists != nil {
			if len(in.lists[k]) == 0 {
				continue // no terms
			}
			c := &termCursor{in: i, k: k, list: in.lists[k]}
			if _, err := c.nextListed(); err != nil {
				return nil, fmt.Errorf("term list: %w", err)
			}
			cs = append(cs, c)
			continue
		}
		b, err := in.dict(k)
		if err != nil {
			return nil, err
		}
		fst, err := vellum.Load(b)
		if err != nil {
			return nil, fmt.Errorf("dictionary: %w", err)
		}
		itr, err := fst.Iterator(nil, nil)
		if errors.Is(err, vellum.ErrIteratorDone) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("dictionary: %w", err)
		}
		c := &termCursor{in: i, k: k, itr: itr}
		c.term, c.val = itr.Current()
		cs = append(cs, c)
	}
	m.cursors = cs
	return cs, nil
}

// writeField writes the merged field id: its terms' postings, its
// dictionary, its doc values and its record (whose offset is the field's
// address in the inverted text section).
func (m *segMerger) writeField(id int) error {
	cs, err := m.openCursors(id)
	if err != nil {
		return err
	}
	s := &m.out
	if m.builder == nil {
		if m.builder, err = vellum.New(&m.fst, dictOpts()); err != nil {
			return fmt.Errorf("dictionary: %w", err)
		}
	} else {
		m.fst.Reset()
		if err := m.builder.Reset(&m.fst); err != nil {
			return fmt.Errorf("dictionary: %w", err)
		}
	}
	h := append(m.heap[:0], cs...)
	for i := len(h)/2 - 1; i >= 0; i-- {
		heapDown(h, i)
	}
	for len(h) > 0 {
		m.term = append(m.term[:0], h[0].term...)
		m.docs, m.tf, m.loc = m.docs[:0], m.tf[:0], m.loc[:0]
		for len(h) > 0 && bytes.Equal(h[0].term, m.term) {
			c := h[0]
			if err := m.gather(m.ins[c.in], c.val); err != nil {
				return err
			}
			more, err := c.next()
			if err != nil {
				return fmt.Errorf("dictionary: %w", err)
			}
			if !more {
				h[0] = h[len(h)-1]
				h = h[:len(h)-1]
			}
			heapDown(h, 0)
		}
		val, err := m.writePostings()
		if err != nil {
			return fmt.Errorf("term %q: %w", m.term, err)
		}
		if err := m.builder.Insert(m.term, val); err != nil {
			return fmt.Errorf("dictionary: %w", err)
		}
		addTerm(&m.lists, m.term, val)
		if err := s.flush(false); err != nil {
			return err
		}
	}
	m.heap = h
	m.lists.endField()
	if err := m.builder.Close(); err != nil {
		return fmt.Errorf("dictionary: %w", err)
	}
	dictAt := s.pos()
	s.uvarint(uint64(m.fst.Len()))
	s.buf = append(s.buf, m.fst.Bytes()...)
	if err := s.flush(false); err != nil {
		return err
	}
	dvStart, dvEnd, err := m.writeDocValues(id, cs)
	if err != nil {
		return err
	}
	m.fieldAddrs[id] = s.pos()
	s.uvarint(dvStart)
	s.uvarint(dvEnd)
	s.uvarint(dictAt)
	return nil
}

// gather adds the postings of the term at value v of input in to the
// term's documents, frequency/norm bytes and location bytes (with their
// fields renumbered when in's field ids are not the merge's).
func (m *segMerger) gather(in *mergeIn, v uint64) error {
	docs, tf, loc, err := in.postings(v, m.docs, m.oneHit)
	if err != nil {
		return err
	}
	if v&zap1HitMask == zap1HitFlag {
		m.oneHit = tf[:0]
	}
	m.docs = docs
	m.tf = append(m.tf, tf...)
	if len(loc) == 0 {
		return nil
	}
	if in.identity {
		m.loc = append(m.loc, loc...)
		return nil
	}
	m.loc, err = remapLocations(m.loc, loc, in.remap)
	return err
}

// remapLocations appends loc, postings' location bytes (each posting's
// byte length, then per location its field, position, start, end and
// array positions), to dst with each location's field renumbered by
// remap, and each posting's length made anew.
func remapLocations(dst, loc []byte, remap []uint16) ([]byte, error) {
	var locs []uint64
	at := uint64(0)
	for at < uint64(len(loc)) {
		l, err := uv(loc, &at)
		if err != nil {
			return nil, err
		}
		end := at + l
		if end > uint64(len(loc)) {
			return nil, errSegCorrupt
		}
		locs = locs[:0]
		size := 0
		for at < end {
			var v [5]uint64
			for i := range v {
				if v[i], err = uv(loc, &at); err != nil {
					return nil, err
				}
			}
			if v[0] >= uint64(len(remap)) {
				return nil, errSegCorrupt
			}
			v[0] = uint64(remap[v[0]])
			locs = append(locs, v[:]...)
			for range v[4] {
				ap, err := uv(loc, &at)
				if err != nil {
					return nil, err
				}
				locs = append(locs, ap)
			}
		}
		if at != end {
			return nil, errSegCorrupt
		}
		for _, x := range locs {
			size += uvarintLen(x)
		}
		dst = binary.AppendUvarint(dst, uint64(size))
		for _, x := range locs {
			dst = binary.AppendUvarint(dst, x)
		}
	}
	return dst, nil
}

// writePostings writes the term gathered (docs, tf, loc) as zap's merge
// does and returns its dictionary value: the 1-hit encoding for a term of
// one document with frequency 1 and no locations, else the offset of its
// postings record (the frequency/norm chunks, the location chunks, the
// record: both offsets and the documents' bitmap).
func (m *segMerger) writePostings() (uint64, error) {
	docs, tf, loc := m.docs, m.tf, m.loc
	card := uint64(len(docs))
	if card == 0 {
		return 0, errSegCorrupt
	}
	if card == 1 && len(loc) == 0 {
		at := uint64(0)
		v, err := uv(tf, &at)
		if err != nil {
			return 0, err
		}
		if v>>1 == 1 && uint64(docs[0]) <= zapMask31 {
			norm, err := uv(tf, &at)
			if err != nil {
				return 0, err
			}
			return zap1HitFlag | (norm&zapMask31)<<31 | uint64(docs[0]), nil
		}
	}
	chunk, err := postingsChunk(card, m.numDocs)
	if err != nil {
		return 0, err
	}
	chunks := int((m.numDocs-1)/chunk + 1)
	if cap(m.tfLens) < chunks {
		m.tfLens, m.locLens = make([]uint64, chunks), make([]uint64, chunks)
	}
	tl, ll := m.tfLens[:chunks], m.locLens[:chunks]
	if chunks == 1 {
		tl[0], ll[0] = uint64(len(tf)), uint64(len(loc))
	} else if err := chunkLengths(docs, tf, loc, chunk, tl, ll); err != nil {
		return 0, err
	}
	s := &m.out
	tfAt := s.writeChunks(tf, tl)
	locAt := s.writeChunks(loc, ll)
	at := s.pos()
	s.uvarint(tfAt)
	s.uvarint(locAt)
	s.buf, m.spans = appendRoaringOf(s.buf, docs, m.spans)
	return at, nil
}

// chunkLengths puts in tl and ll the byte length of each chunk of the
// postings' frequency/norm bytes (tf) and location bytes (loc), cut by
// document (docs) every chunk documents: each posting is its
// frequency<<1|has-locations, the norm unless the frequency is 0, and
// with locations their byte length and bytes.
func chunkLengths(docs []uint32, tf, loc []byte, chunk uint64, tl, ll []uint64) error {
	clear(tl)
	clear(ll)
	tp, lp := uint64(0), uint64(0)
	for _, d := range docs {
		c := uint64(d) / chunk
		from := tp
		v, err := uv(tf, &tp)
		if err != nil {
			return err
		}
		if v>>1 > 0 {
			if _, err := uv(tf, &tp); err != nil {
				return err
			}
		}
		tl[c] += tp - from
		if v&1 != 0 {
			from = lp
			l, err := uv(loc, &lp)
			if err != nil {
				return err
			}
			lp += l
			ll[c] += lp - from
		}
	}
	if tp != uint64(len(tf)) || lp != uint64(len(loc)) {
		return errSegCorrupt
	}
	return nil
}

// writeDocValues writes the merged doc values of field id from the
// inputs in focus (cs: their dictionaries hold terms) that keep them, as
// zap's merge does, and returns where they start and end (both
// zapNotUninverted when the merged field keeps none).
func (m *segMerger) writeDocValues(id int, cs []*termCursor) (uint64, uint64, error) {
	if !m.opts[id].IncludeDocValues() {
		return zapNotUninverted, zapNotUninverted, nil
	}
	s := &m.out
	start := s.pos()
	chunk := uint64(zapDVChunk)
	if m.opts[id].SkipDVChunking() {
		chunk = 1
	}
	any := false
	for _, c := range cs {
		in := m.ins[c.in]
		if in.fields[c.k].dvStart == zapNotUninverted {
			continue
		}
		if !any {
			m.dv.reset(s, m.numDocs, chunk, m.opts[id].SkipDVCompression())
			any = true
		}
		var err error
		m.dvBuf, err = in.docValues(c.k, m.dvBuf, func(doc uint64, terms []byte) error {
			if doc >= in.numDocs {
				return errSegCorrupt
			}
			return m.dv.add(in.base+doc, terms)
		})
		if err != nil {
			return 0, 0, fmt.Errorf("doc values: %w", err)
		}
	}
	if !any {
		return zapNotUninverted, zapNotUninverted, nil
	}
	if err := m.dv.finish(); err != nil {
		return 0, 0, err
	}
	return start, s.pos(), nil
}
