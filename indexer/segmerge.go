package indexer

// Our merge of the bulk build's segments (segWriter.merge). zap's Merge
// decodes every posting of every input through its generic iterators and
// encodes it again, walks the inputs' FSTs and opens each input's postings
// list twice per term: 24 % of a 100k ingest's CPU (docs/log/i21-merge.md). The build's inputs have no deleted documents, so a
// document's number in the merge is its number in its input plus the
// input's base, and a posting's frequency/norm and location bytes, which
// do not depend on the document's number, are copied as bytes: only the
// chunks they are cut into (by document number and the term's count) and
// a location's field id (when the inputs' field lists differ) change.
//
// The merged file is the one zap's Merge writes for the same inputs, byte
// for byte but for the order of each field's section addresses, which zap
// writes in a map's order (TestSegmentMergeSameAsZap, FuzzSegmentMerge):
// the same fields with the options and-ed over the inputs, the stored
// documents copied (or written again with their fields renumbered), per
// field the terms in order with their postings (1-hit encoded where zap
// does), the dictionary and the doc values, then the fields and the
// footer. What it does not write (errSegUnsupported: a file writer's id,
// nested documents, synonyms, geo shapes) the caller merges with zap.

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"slices"

	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	"github.com/blevesearch/vellum"
	"github.com/golang/snappy"
)

// segMerger merges segment files into one. It keeps its buffers from
// merge to merge.
type segMerger struct {
	ins     []*mergeIn
	out     mergeSink
	numDocs uint64
	names   []string                     // the merged fields: _id, then by name
	opts    []index.FieldIndexingOptions // and-ed over the inputs holding the field
	same    bool                         // every input has the same fields and options (zap's fieldsSame)
	crc     uint32                       // the merged file's

	// scratch
	cursors    []*termCursor
	heap       []*termCursor
	term       []byte
	docs       []uint32
	tf, loc    []byte
	oneHit     []byte
	tfLens     []uint64
	locLens    []uint64
	spans      []roaringSpan
	builder    *vellum.Builder
	fst        bytes.Buffer
	fieldAddrs []uint64
	lists      termLists // the merged segment's (segterms.go)
	dv         dvCoder
	dvBuf      []byte
	stored     []byte
	meta, data []byte
	vals       []storedVal
}

// storedVal is a stored value of a document written again (writeStored).
type storedVal struct {
	field      uint64
	typ        uint64
	start, end uint64 // in the document's data
	aps        []byte // its array positions' count and values, uvarints
}

// mergeSegmentFiles merges the segment files at paths, in that order,
// into the file out, which it syncs, and writes out's term lists
// (segterms.go) if terms (not for a segment no merge reads). closeCh
// closed stops it (segment.ErrClosed).
func (m *segMerger) mergeSegmentFiles(paths []string, out string, terms bool, closeCh <-chan struct{}) (err error) {
	m.ins = m.ins[:0]
	defer func() {
		for _, in := range m.ins {
			in.close()
		}
		m.ins = m.ins[:0]
	}()
	for _, p := range paths {
		in, err := openMergeIn(p)
		if err != nil {
			return err
		}
		m.ins = append(m.ins, in)
	}
	if len(m.ins) == 0 {
		return fmt.Errorf("merge of no segments")
	}
	if err := m.mergeFields(); err != nil {
		return err
	}
	f, err := os.OpenFile(out, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(out)
		}
	}()
	m.out = mergeSink{f: f, buf: m.out.buf[:0]}
	m.lists.reset(!terms)
	if err := m.write(closeCh); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if !terms {
		return nil
	}
	return m.lists.write(out, m.out.base, m.crc)
}

// mergeFields makes the merged fields (zap's mergeFields) and each
// input's field ids in them.
func (m *segMerger) mergeFields() error {
	opts := map[string]index.FieldIndexingOptions{}
	m.same = true
	first := m.ins[0].fields
	m.numDocs = 0
	for _, in := range m.ins {
		in.base = m.numDocs
		m.numDocs += in.numDocs
		for k, fd := range in.fields {
			if prev, ok := opts[fd.name]; ok {
				opts[fd.name] = prev & fd.opts
				if opts[fd.name] != prev {
					m.same = false
				}
			} else {
				opts[fd.name] = fd.opts
			}
			if len(first) != len(in.fields) || first[k].name != fd.name {
				m.same = false
			}
		}
	}
	if m.numDocs > uint64(zapMask31) {
		return fmt.Errorf("%d documents: %w", m.numDocs, errSegUnsupported)
	}
	m.names = m.names[:0]
	for name := range opts {
		if name != "_id" {
			m.names = append(m.names, name)
		}
	}
	slices.Sort(m.names)
	m.names = append([]string{"_id"}, m.names...)
	if len(m.names) > 1<<16-1 {
		return fmt.Errorf("%d fields, more than a segment holds", len(m.names))
	}
	m.opts = m.opts[:0]
	ids := make(map[string]uint16, len(m.names))
	for i, name := range m.names {
		m.opts = append(m.opts, opts[name])
		ids[name] = uint16(i)
	}
	for _, in := range m.ins {
		in.remap = make([]uint16, len(in.fields))
		in.identity = true
		for k, fd := range in.fields {
			in.remap[k] = ids[fd.name]
			in.identity = in.identity && int(in.remap[k]) == k
		}
	}
	return nil
}

// write writes the merged file.
func (m *segMerger) write(closeCh <-chan struct{}) error {
	storedIndex, err := m.writeStored(closeCh)
	if err != nil {
		return err
	}
	m.fieldAddrs = slices.Grow(m.fieldAddrs[:0], len(m.names))[:len(m.names)]
	for id := range m.names {
		if isClosedCh(closeCh) {
			return segment.ErrClosed
		}
		if err := m.writeField(id); err != nil {
			return fmt.Errorf("merge field %s: %w", m.names[id], err)
		}
		for _, in := range m.ins {
			dropMapped(in.mem)
		}
	}
	sectionsIndex := m.writeFields()
	s := &m.out
	s.buf = binary.BigEndian.AppendUint32(s.buf, 0) // no file writer id
	s.buf = binary.BigEndian.AppendUint64(s.buf, m.numDocs)
	s.buf = binary.BigEndian.AppendUint64(s.buf, storedIndex)
	s.buf = binary.BigEndian.AppendUint64(s.buf, sectionsIndex)
	s.buf = binary.BigEndian.AppendUint32(s.buf, zapChunkMode)
	s.buf = binary.BigEndian.AppendUint32(s.buf, zapVersion)
	if err := s.flush(true); err != nil {
		return err
	}
	m.crc = s.crc
	s.buf = binary.BigEndian.AppendUint32(s.buf, s.crc)
	_, err = s.f.Write(s.buf)
	s.base += uint64(len(s.buf))
	s.buf = s.buf[:0]
	return err
}

func isClosedCh(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

// writeStored writes the inputs' stored documents and the index of them
// and returns where the index starts. An input whose field ids are the
// merge's and which loses no stored field to the and-ed options is
// copied as bytes (zap copies when every input has the same fields; it
// writes the documents again otherwise, which gives the same bytes for
// such an input); another's documents are written again with their
// fields renumbered, as zap does.
func (m *segMerger) writeStored(closeCh <-chan struct{}) (uint64, error) {
	s := &m.out
	offsets := make([]uint64, m.numDocs)
	for _, in := range m.ins {
		if isClosedCh(closeCh) {
			return 0, segment.ErrClosed
		}
		var err error
		if m.same || (in.identity && !m.dropsStored(in)) {
			err = m.copyStored(in, offsets)
		} else {
			err = m.rewriteStored(in, offsets)
		}
		if err != nil {
			return 0, err
		}
	}
	at := s.pos()
	for _, o := range offsets {
		s.buf = binary.BigEndian.AppendUint64(s.buf, o)
		if err := s.flush(false); err != nil {
			return 0, err
		}
	}
	s.uvarint(0) // no nested documents
	return at, nil
}

// dropsStored: a field in is stored with is not stored in the merge.
func (m *segMerger) dropsStored(in *mergeIn) bool {
	for k, fd := range in.fields {
		if fd.opts.IsStored() && !m.opts[in.remap[k]].IsStored() {
			return true
		}
	}
	return false
}

// storedDoc is the offset and end, meta and data of input document d.
func (in *mergeIn) storedDoc(d uint64) (at, end uint64, meta, data []byte, err error) {
	at = binary.BigEndian.Uint64(in.mem[in.storedIndex+8*d:])
	p := at
	ml, err := uv(in.mem, &p)
	if err != nil {
		return 0, 0, nil, nil, err
	}
	dl, err := uv(in.mem, &p)
	if err != nil {
		return 0, 0, nil, nil, err
	}
	if p+ml+dl > in.storedIndex {
		return 0, 0, nil, nil, errSegCorrupt
	}
	return at, p + ml + dl, in.mem[p : p+ml], in.mem[p+ml : p+ml+dl], nil
}

// copyStored copies in's stored documents (zap's copyStoredDocs).
func (m *segMerger) copyStored(in *mergeIn, offsets []uint64) error {
	first, _, _, _, err := in.storedDoc(0)
	if err != nil {
		return err
	}
	_, end, _, _, err := in.storedDoc(in.numDocs - 1)
	if err != nil {
		return err
	}
	s := &m.out
	start := s.pos()
	for d := range in.numDocs {
		offsets[in.base+d] = binary.BigEndian.Uint64(in.mem[in.storedIndex+8*d:]) - first + start
	}
	for b := in.mem[first:end]; len(b) > 0; {
		n := min(len(b), mergeSinkFlush)
		s.buf = append(s.buf, b[:n]...)
		b = b[n:]
		if err := s.flush(false); err != nil {
			return err
		}
	}
	return nil
}

// rewriteStored writes in's stored documents again as zap's merge does
// when the inputs' fields differ (mergeStoredAndRemap): each value's
// field renumbered, the values of fields not stored in the merge left
// out, the others in field order, the data compressed again.
func (m *segMerger) rewriteStored(in *mergeIn, offsets []uint64) error {
	s := &m.out
	for d := range in.numDocs {
		_, _, meta, data, err := in.storedDoc(d)
		if err != nil {
			return err
		}
		p := uint64(0)
		idLen, err := uv(meta, &p)
		if err != nil || idLen > uint64(len(data)) {
			return errSegCorrupt
		}
		id := data[:idLen]
		if m.stored, err = snappy.Decode(m.stored[:cap(m.stored)], data[idLen:]); err != nil {
			return fmt.Errorf("stored document: %w", err)
		}
		m.vals = m.vals[:0]
		for p < uint64(len(meta)) {
			var v [5]uint64
			for i := range v {
				if v[i], err = uv(meta, &p); err != nil {
					return err
				}
			}
			apFrom := p
			for range v[4] {
				if _, err := uv(meta, &p); err != nil {
					return err
				}
			}
			if v[0] >= uint64(len(in.fields)) || v[2]+v[3] > uint64(len(m.stored)) {
				return errSegCorrupt
			}
			nf := uint64(in.remap[v[0]])
			if !m.opts[nf].IsStored() {
				continue
			}
			aps := binary.AppendUvarint(nil, v[4])
			aps = append(aps, meta[apFrom:p]...)
			m.vals = append(m.vals, storedVal{field: nf, typ: v[1], start: v[2], end: v[2] + v[3], aps: aps})
		}
		slices.SortStableFunc(m.vals, func(x, y storedVal) int { return int(x.field) - int(y.field) })
		nm := binary.AppendUvarint(m.meta[:0], idLen)
		nd := m.data[:0]
		for _, v := range m.vals {
			nm = binary.AppendUvarint(nm, v.field)
			nm = binary.AppendUvarint(nm, v.typ)
			nm = binary.AppendUvarint(nm, uint64(len(nd)))
			nm = binary.AppendUvarint(nm, v.end-v.start)
			nm = append(nm, v.aps...)
			nd = append(nd, m.stored[v.start:v.end]...)
		}
		comp := snappy.Encode(nil, nd)
		offsets[in.base+d] = s.pos()
		s.uvarint(uint64(len(nm)))
		s.uvarint(uint64(len(id) + len(comp)))
		s.buf = append(s.buf, nm...)
		s.buf = append(s.buf, id...)
		s.buf = append(s.buf, comp...)
		m.meta, m.data = nm, nd
		if err := s.flush(false); err != nil {
			return err
		}
	}
	return nil
}

// writeFields writes each field's record and the index of them
// (appendFieldsIndex) and returns where the index starts.
func (m *segMerger) writeFields() uint64 {
	s := &m.out
	var at uint64
	s.buf, at = appendFieldsIndex(s.buf, s.base, len(m.names), func(id int) (string, index.FieldIndexingOptions) {
		return m.names[id], m.opts[id]
	}, m.fieldAddrs)
	return at
}

// errMergeFallback is what makes segWriter.merge use zap's merge.
func errMergeFallback(err error) bool { return errors.Is(err, errSegUnsupported) }
