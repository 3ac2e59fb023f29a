package indexer

// The bytes of a batch segment in zap v17's file format (segwrite.go
// collects the batch; the layout is in docs/log/i21-segw.md).
// Every part is written in the order and encoding zap's New and Persist
// write it, so that the file is the same byte for byte.

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"os"
	"slices"
	"strings"

	"github.com/RoaringBitmap/roaring/v2"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/blevesearch/vellum"
	"github.com/golang/snappy"
)

const (
	zapVersion        = 17   // zap's file format version (zap.Version)
	zapChunkMode      = 1026 // zap.DefaultChunkMode: postings chunked by cardinality
	zapDVChunk        = 1024 // zap.LegacyChunkMode: doc values' chunk size
	zapNotUninverted  = ^uint64(0)
	zapSectionInvText = 0 // zap.SectionInvertedTextIndex
	zapSectionSynonym = 2 // zap.SectionSynonymIndex
	zapSectionGeoV2   = 3 // zap.SectionGeoShapeV2Index
)

// zapSections are the sections zap registers (its build without the
// vectors tag), each field's address in them written in this order: zap
// writes them in the order of a map's iteration (persistFieldsSection),
// the only part of its file that changes from run to run. The synonym and
// geo-shape sections hold nothing for our fields (address 0).
func zapSections() [3]uint16 {
	return [3]uint16{zapSectionInvText, zapSectionSynonym, zapSectionGeoV2}
}

// dictOpts are the options zap builds its dictionaries with
// (vellumBuilderOpts: no suffix sharing).
func dictOpts() *vellum.BuilderOpts {
	return &vellum.BuilderOpts{Encoder: 1, RegistryTableSize: 0, RegistryMRUSize: 1}
}

// segEncoder writes a batch's file into out. It keeps its buffers for
// the next batch (one encoder per segment worker: segWriter.encoders).
type segEncoder struct {
	b     *segBatch
	batch segBatch
	out   []byte
	// grouped are the batch's postings grouped by field and term, in
	// dictionary order, each term's in document order
	grouped []segPost
	bitmap  *roaring.Bitmap
	// scratch
	tf, loc    []byte
	chunkLens  []uint64
	docTerms   [][]byte
	docs       []uint32
	fst        bytes.Buffer
	builder    *vellum.Builder
	fieldAddrs []uint64
	snappyBuf  []byte
	data, meta []byte
	dvMeta     []byte
	dvData     []byte
	lists      termLists // the batch's terms in order (segterms.go)
}

// writeFile writes docs as a zap v17 segment at path. The file is not
// synced: most batches' segments live until the build merges them, a build
// that fails starts again, and the build syncs the segments it installs
// (segWriter.install), a batch's kept unmerged among them.
func (e *segEncoder) writeFile(docs []index.Document, path string) error {
	data, err := e.encode(docs)
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return fmt.Errorf("write segment: %w", err)
	}
	// the terms in order beside it, for our merge (segterms.go)
	return e.lists.write(path, uint64(len(data)), binary.BigEndian.Uint32(data[len(data)-4:]))
}

// encode is the file of docs, in e's buffer.
func (e *segEncoder) encode(docs []index.Document) ([]byte, error) {
	e.b = &e.batch
	defer e.b.release()
	if err := e.b.collect(docs); err != nil {
		return nil, fmt.Errorf("segment: %w", err)
	}
	e.out = e.out[:0]
	e.lists.reset(false)
	e.group()
	storedIndex, err := e.writeStored()
	if err != nil {
		return nil, fmt.Errorf("segment: %w", err)
	}
	if err := e.writeDicts(); err != nil {
		e.builder = nil // in the middle of a dictionary
		return nil, fmt.Errorf("segment: %w", err)
	}
	sectionsIndex := e.writeFields()
	e.writeFooter(storedIndex, sectionsIndex)
	return e.out, nil
}

// group puts each field's terms in dictionary order and the batch's
// postings, grouped by field and term in that order, in grouped: one
// pass over the postings, which the terms' postings then read in turn.
func (e *segEncoder) group() {
	b := e.b
	start := int32(0)
	for id := range b.fields {
		fd := &b.fields[id]
		order := fd.scratch[:0]
		for t := range fd.terms {
			order = append(order, int32(t))
		}
		slices.SortFunc(order, func(x, y int32) int { return strings.Compare(fd.terms[x].term, fd.terms[y].term) })
		fd.scratch = order
		for _, t := range order {
			fd.terms[t].start = start
			start += fd.terms[t].count
		}
	}
	e.grouped = slices.Grow(e.grouped[:0], len(b.posts))[:len(b.posts)]
	for _, p := range b.posts {
		t := &b.fields[p.field].terms[p.term]
		e.grouped[t.start] = p
		t.start++
	}
	for id := range b.fields {
		for t := range b.fields[id].terms {
			b.fields[id].terms[t].start -= b.fields[id].terms[t].count
		}
	}
}

func (e *segEncoder) uvarint(v uint64) { e.out = binary.AppendUvarint(e.out, v) }

// writeStored writes each document's stored values and the index of
// them, and returns where the index starts. A document is its meta (the
// _id's length, then for each other stored value its field, type, start,
// length and array positions, uvarints) and its data (the _id's bytes,
// then the other values' bytes, snappy-compressed), each led by its
// length; the index is each document's offset, 8 bytes big-endian,
// followed by the count of nested-document edges (0).
func (e *segEncoder) writeStored() (uint64, error) {
	b := e.b
	offsets := make([]uint64, b.numDocs)
	for d := range b.numDocs {
		vals := b.stored[b.storedDoc[d]:b.storedDoc[d+1]]
		if len(vals) == 0 || vals[0].field != 0 {
			return 0, fmt.Errorf("document %d has no _id", d)
		}
		id := vals[0].value
		meta := binary.AppendUvarint(e.meta[:0], uint64(len(id)))
		data := e.data[:0]
		for _, v := range vals {
			if v.field == 0 {
				continue
			}
			meta = binary.AppendUvarint(meta, uint64(v.field))
			meta = binary.AppendUvarint(meta, uint64(v.typ))
			meta = binary.AppendUvarint(meta, uint64(len(data)))
			meta = binary.AppendUvarint(meta, uint64(len(v.value)))
			meta = binary.AppendUvarint(meta, uint64(len(v.arrayPositions)))
			for _, p := range v.arrayPositions {
				meta = binary.AppendUvarint(meta, p)
			}
			data = append(data, v.value...)
		}
		e.snappyBuf = snappy.Encode(e.snappyBuf[:cap(e.snappyBuf)], data)
		offsets[d] = uint64(len(e.out))
		e.uvarint(uint64(len(meta)))
		e.uvarint(uint64(len(id) + len(e.snappyBuf)))
		e.out = append(e.out, meta...)
		e.out = append(e.out, id...)
		e.out = append(e.out, e.snappyBuf...)
		e.meta, e.data = meta, data
	}
	at := uint64(len(e.out))
	for _, o := range offsets {
		e.out = binary.BigEndian.AppendUint64(e.out, o)
	}
	e.uvarint(0) // no nested documents
	return at, nil
}

// writeDicts writes the inverted index, field by field: each term's
// postings (frequencies and norms, locations, the bitmap of documents),
// then the field's dictionary (an FST from each term to its postings),
// then its doc values, then the field's record of where they are.
func (e *segEncoder) writeDicts() error {
	b := e.b
	e.fieldAddrs = make([]uint64, len(b.fields))
	if e.builder == nil {
		var err error
		if e.builder, err = vellum.New(&e.fst, dictOpts()); err != nil {
			return fmt.Errorf("dictionary: %w", err)
		}
	}
	if cap(e.docTerms) < b.numDocs {
		e.docTerms = make([][]byte, b.numDocs)
	}
	e.docTerms = e.docTerms[:b.numDocs]
	for id := range b.fields {
		if err := e.writeField(uint16(id)); err != nil {
			return fmt.Errorf("field %s: %w", b.fields[id].name, err)
		}
	}
	return nil
}

func (e *segEncoder) writeField(id uint16) error {
	b := e.b
	fd := &b.fields[id]
	for d := range e.docTerms {
		e.docTerms[d] = e.docTerms[d][:0]
	}
	for _, t := range fd.scratch { // dictionary order (group)
		at, err := e.writePostings(id, &fd.terms[t])
		if err != nil {
			return err
		}
		if err := e.builder.Insert([]byte(fd.terms[t].term), at); err != nil {
			return fmt.Errorf("dictionary: %w", err)
		}
		addTerm(&e.lists, fd.terms[t].term, at)
	}
	e.lists.endField()
	if err := e.builder.Close(); err != nil {
		return fmt.Errorf("dictionary: %w", err)
	}
	dictAt := uint64(len(e.out))
	e.uvarint(uint64(e.fst.Len()))
	e.out = append(e.out, e.fst.Bytes()...)
	e.fst.Reset()
	if err := e.builder.Reset(&e.fst); err != nil {
		return fmt.Errorf("dictionary: %w", err)
	}
	dvStart, dvEnd := zapNotUninverted, zapNotUninverted
	if fd.dv {
		dvStart = uint64(len(e.out))
		e.writeDocValues(fd.opts)
		dvEnd = uint64(len(e.out))
	}
	e.fieldAddrs[id] = uint64(len(e.out))
	e.uvarint(dvStart)
	e.uvarint(dvEnd)
	e.uvarint(dictAt)
	return nil
}

// postingsChunk is the chunk size of a term of count postings among n
// documents (zap's chunk mode 1026: as few chunks as keep each under
// 1,024 postings).
func postingsChunk(count, n uint64) (uint64, error) {
	size := n / (count/1024 + 1)
	if size == 0 {
		return 0, fmt.Errorf("chunk size 0 (%d postings of %d documents)", count, n)
	}
	return size, nil
}

// writePostings writes the postings of term t of field id and returns
// where they are: the frequencies-and-norms chunks (a uvarint per posting,
// freq<<1 | has locations, and the norm, the field's length, unless the
// field skips frequencies and norms), the locations chunks (each
// posting's locations' byte length, then per location its field,
// position, start, end and array positions), then the postings record:
// the offsets of both (0: none) and the documents' bitmap, led by its
// length. Each chunk list is the count of chunks, each chunk's end
// offset, then the chunks.
func (e *segEncoder) writePostings(id uint16, t *segTerm) (uint64, error) {
	b := e.b
	n := uint64(b.numDocs)
	chunk, err := postingsChunk(uint64(t.count), n)
	if err != nil {
		return 0, err
	}
	chunks := int((n-1)/chunk + 1)
	if cap(e.chunkLens) < 2*chunks {
		e.chunkLens = make([]uint64, 2*chunks)
	}
	tfLens, locLens := e.chunkLens[:chunks], e.chunkLens[chunks:2*chunks]
	clear(tfLens)
	clear(locLens)
	tf, loc := e.tf[:0], e.loc[:0]
	docs := e.docs[:0]
	var term []byte
	if b.fields[id].dv {
		term = []byte(t.term)
	}
	for k := range t.count {
		post := &e.grouped[t.start+k]
		c := uint64(post.doc) / chunk
		before := len(tf)
		if post.freq > 0 {
			tf = binary.AppendUvarint(tf, uint64(post.freq)<<1|boolBit(post.nlocs > 0))
			tf = binary.AppendUvarint(tf, uint64(b.lens[int(post.doc)*len(b.fields)+int(id)]))
		} else {
			tf = binary.AppendUvarint(tf, boolBit(post.nlocs > 0))
		}
		tfLens[c] += uint64(len(tf) - before)
		if post.nlocs > 0 {
			before = len(loc)
			locs := b.locs[post.loc : post.loc+post.nlocs]
			size := 0
			for _, l := range locs {
				size += uvarintLen(uint64(l.field)) + uvarintLen(l.pos) + uvarintLen(l.start) + uvarintLen(l.end) +
					uvarintLen(uint64(len(l.arrayPositions)))
				for _, ap := range l.arrayPositions {
					size += uvarintLen(ap)
				}
			}
			loc = binary.AppendUvarint(loc, uint64(size))
			for _, l := range locs {
				loc = binary.AppendUvarint(loc, uint64(l.field))
				loc = binary.AppendUvarint(loc, l.pos)
				loc = binary.AppendUvarint(loc, l.start)
				loc = binary.AppendUvarint(loc, l.end)
				loc = binary.AppendUvarint(loc, uint64(len(l.arrayPositions)))
				for _, ap := range l.arrayPositions {
					loc = binary.AppendUvarint(loc, ap)
				}
			}
			locLens[c] += uint64(len(loc) - before)
		}
		docs = append(docs, uint32(post.doc))
		if term != nil {
			e.docTerms[post.doc] = append(append(e.docTerms[post.doc], term...), index.DocValueTermSeparator)
		}
	}
	e.tf, e.loc, e.docs = tf, loc, docs
	tfAt := e.writeChunks(tf, tfLens)
	locAt := e.writeChunks(loc, locLens)
	at := uint64(len(e.out))
	e.uvarint(tfAt)
	e.uvarint(locAt)
	if e.bitmap == nil {
		e.bitmap = roaring.New()
	}
	e.bitmap.Clear()
	e.bitmap.AddMany(docs)
	e.uvarint(e.bitmap.GetSerializedSizeInBytes())
	if _, err := e.bitmap.WriteTo((*appender)(&e.out)); err != nil {
		return 0, fmt.Errorf("postings: %w", err)
	}
	return at, nil
}

// writeChunks writes chunked data (the chunks' lengths in lens) and
// returns where, 0 when there is nothing.
func (e *segEncoder) writeChunks(data []byte, lens []uint64) uint64 {
	if len(data) == 0 {
		return 0
	}
	at := uint64(len(e.out))
	e.uvarint(uint64(len(lens)))
	end := uint64(0)
	for _, l := range lens {
		end += l
		e.uvarint(end)
	}
	e.out = append(e.out, data...)
	return at
}

// writeDocValues writes the doc values of the field just written
// (docTerms: each document's terms in dictionary order, each followed by
// the separator) in chunks of 1,024 documents: each chunk is its meta (the
// count of its documents, and each one's number and end in the chunk)
// and its data, snappy-compressed; zap writes the first chunk even when
// empty, and skips the others without documents. After the chunks: each
// chunk's end offset (uvarints), the byte length of those offsets and the
// count of chunks (8 bytes big-endian each).
func (e *segEncoder) writeDocValues(opts index.FieldIndexingOptions) {
	b := e.b
	chunk := uint64(zapDVChunk)
	if opts.SkipDVChunking() {
		chunk = 1
	}
	chunks := int(uint64(b.numDocs-1)/chunk + 1)
	if cap(e.chunkLens) < chunks {
		e.chunkLens = make([]uint64, chunks)
	}
	lens := e.chunkLens[:chunks]
	clear(lens)
	cur := uint64(0)
	meta, data := e.dvMeta[:0], e.dvData[:0]
	var docs []uint64
	var ends []uint64
	flush := func() {
		start := len(e.out)
		if chunk != 1 {
			meta = binary.AppendUvarint(meta[:0], uint64(len(docs)))
			for k := range docs {
				meta = binary.AppendUvarint(meta, docs[k])
				meta = binary.AppendUvarint(meta, ends[k])
			}
			e.out = append(e.out, meta...)
		}
		if opts.SkipDVCompression() {
			e.out = append(e.out, data...)
		} else {
			e.snappyBuf = snappy.Encode(e.snappyBuf[:cap(e.snappyBuf)], data)
			e.out = append(e.out, e.snappyBuf...)
		}
		lens[cur] = uint64(len(e.out) - start)
		docs, ends, data = docs[:0], ends[:0], data[:0]
	}
	for d, terms := range e.docTerms {
		if len(terms) == 0 {
			continue
		}
		if c := uint64(d) / chunk; c != cur {
			flush()
			cur = c
		}
		data = append(data, terms...)
		docs = append(docs, uint64(d))
		ends = append(ends, uint64(len(data)))
	}
	flush()
	e.dvMeta, e.dvData = meta, data
	at := len(e.out)
	end := uint64(0)
	for _, l := range lens {
		end += l
		e.uvarint(end)
	}
	e.out = binary.BigEndian.AppendUint64(e.out, uint64(len(e.out)-at))
	e.out = binary.BigEndian.AppendUint64(e.out, uint64(chunks))
}

// writeFields writes each field's record and the index of them
// (appendFieldsIndex) and returns where the index starts.
func (e *segEncoder) writeFields() uint64 {
	fields := e.b.fields
	var at uint64
	e.out, at = appendFieldsIndex(e.out, 0, len(fields), func(id int) (string, index.FieldIndexingOptions) {
		return fields[id].name, fields[id].opts
	}, e.fieldAddrs)
	return at
}

// appendFieldsIndex appends n fields' records (each its name, options and
// its address in every section: addrs[id] in the inverted-text section,
// 0 in the others) and the index of them to buf, whose first byte is at
// offset base in the file, and returns buf and where the index starts:
// the count of fields, then each record's offset, 8 bytes big-endian. The
// segment writer and the merge both end a segment with it.
func appendFieldsIndex(buf []byte, base uint64, n int, field func(id int) (string, index.FieldIndexingOptions), addrs []uint64) ([]byte, uint64) {
	offsets := make([]uint64, n)
	for id := range n {
		name, opts := field(id)
		offsets[id] = base + uint64(len(buf))
		buf = binary.AppendUvarint(buf, uint64(len(name)))
		buf = append(buf, name...)
		buf = binary.AppendUvarint(buf, uint64(opts))
		sections := zapSections()
		buf = binary.AppendUvarint(buf, uint64(len(sections)))
		for _, sec := range sections {
			buf = binary.BigEndian.AppendUint16(buf, sec)
			addr := uint64(0)
			if sec == zapSectionInvText {
				addr = addrs[id]
			}
			buf = binary.BigEndian.AppendUint64(buf, addr)
		}
	}
	at := base + uint64(len(buf))
	buf = binary.AppendUvarint(buf, uint64(n))
	for _, o := range offsets {
		buf = binary.BigEndian.AppendUint64(buf, o)
	}
	return buf, at
}

// writeFooter writes the footer: the file writer's id (none) and its
// length, the count of documents, the offsets of the stored index and of
// the fields index, the chunk mode, the version and the CRC-32 (IEEE) of
// everything before it.
func (e *segEncoder) writeFooter(storedIndex, sectionsIndex uint64) {
	e.out = binary.BigEndian.AppendUint32(e.out, 0)
	e.out = binary.BigEndian.AppendUint64(e.out, uint64(e.b.numDocs))
	e.out = binary.BigEndian.AppendUint64(e.out, storedIndex)
	e.out = binary.BigEndian.AppendUint64(e.out, sectionsIndex)
	e.out = binary.BigEndian.AppendUint32(e.out, zapChunkMode)
	e.out = binary.BigEndian.AppendUint32(e.out, zapVersion)
	e.out = binary.BigEndian.AppendUint32(e.out, crc32.ChecksumIEEE(e.out))
}

// appender is an io.Writer appending to its slice.
type appender []byte

func (a *appender) Write(p []byte) (int, error) {
	*a = append(*a, p...)
	return len(p), nil
}

func boolBit(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func uvarintLen(v uint64) int {
	n := 1
	for v >= 0x80 {
		v >>= 7
		n++
	}
	return n
}
