package indexer

// The reading side of our merge of the build's segments (segmerge.go): a
// zap v17 file read straight from its bytes (the layout is in
// docs/log/i21-segw.md), without zap's reader, whose generic
// postings iterators were most of zap's merge's time (docs/log/i21-merge.md).

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"os"

	"github.com/RoaringBitmap/roaring/v2"
	index "github.com/blevesearch/bleve_index_api"
	mmap "github.com/blevesearch/mmap-go"
	"github.com/golang/snappy"
)

// zapFooterLen is the footer's length without a file writer's id (zap's
// FooterSize): the id's length, numDocs, the stored and fields indexes'
// offsets, chunk mode, version, CRC.
const zapFooterLen = 4 + 8 + 8 + 8 + 4 + 4 + 4

// zap's 1-hit encoding of a term's only posting in its FST value
const (
	zap1HitFlag = uint64(0x8000000000000000)
	zap1HitMask = uint64(0xc000000000000000)
	zapMask31   = uint64(0x7fffffff)
)

// mergeIn is one input of a merge: its file, mapped, and its fields.
type mergeIn struct {
	mem         []byte
	mm          mmap.MMap
	f           *os.File
	numDocs     uint64
	base        uint64 // its first document's number in the merge
	storedIndex uint64
	fields      []mergeInField // by its field id
	// remap is each of its field ids' id in the merge (mergeFields)
	remap    []uint16
	identity bool // remap[k] == k for every k
	// lists are its fields' term lists (segterms.go), by field id: nil
	// without them
	lists    [][]byte
	listsMap mmap.MMap
}

// mergeInField is a field of an input: its name, options and where its
// doc values and dictionary are.
type mergeInField struct {
	name           string
	opts           index.FieldIndexingOptions
	dvStart, dvEnd uint64
	dictAt         uint64
}

// openMergeIn maps the segment file at path and reads its footer and
// fields. What our merge does not write (a file writer's id, nested
// documents, synonym or geo-shape sections, another version) is
// errSegUnsupported: the caller merges those with zap.
func openMergeIn(path string) (in *mergeIn, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	in = &mergeIn{f: f}
	defer func() {
		if err != nil {
			in.close()
			in = nil
		}
	}()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() < zapFooterLen {
		return nil, fmt.Errorf("segment %s: %d bytes", path, st.Size())
	}
	if in.mm, err = mmap.Map(f, mmap.RDONLY, 0); err != nil {
		return nil, fmt.Errorf("map segment %s: %w", path, err)
	}
	in.mem = in.mm
	if err := in.readFooter(); err != nil {
		return nil, fmt.Errorf("segment %s: %w", path, err)
	}
	if in.lists, err = readTermLists(path, in); err != nil {
		return nil, fmt.Errorf("segment %s: %w", path, err)
	}
	return in, nil
}

func (in *mergeIn) close() {
	if in.listsMap != nil {
		_ = in.listsMap.Unmap()
		in.listsMap, in.lists = nil, nil
	}
	if in.mm != nil {
		_ = in.mm.Unmap()
		in.mm = nil
	}
	if in.f != nil {
		_ = in.f.Close()
		in.f = nil
	}
	in.mem = nil
}

// errSegCorrupt: an input's bytes are not what its offsets say.
var errSegCorrupt = errors.New("segment corrupt")

// uv reads a uvarint at *at and moves *at past it.
func uv(mem []byte, at *uint64) (uint64, error) {
	if *at >= uint64(len(mem)) {
		return 0, errSegCorrupt
	}
	v, n := binary.Uvarint(mem[*at:])
	if n <= 0 {
		return 0, errSegCorrupt
	}
	*at += uint64(n)
	return v, nil
}

func (in *mergeIn) readFooter() error {
	mem := in.mem
	foot := uint64(len(mem)) - zapFooterLen
	if binary.BigEndian.Uint32(mem[foot:]) != 0 {
		return fmt.Errorf("file writer id: %w", errSegUnsupported)
	}
	in.numDocs = binary.BigEndian.Uint64(mem[foot+4:])
	in.storedIndex = binary.BigEndian.Uint64(mem[foot+12:])
	fieldsIndex := binary.BigEndian.Uint64(mem[foot+20:])
	if v := binary.BigEndian.Uint32(mem[foot+32:]); v != zapVersion {
		return fmt.Errorf("version %d: %w", v, errSegUnsupported)
	}
	if in.numDocs == 0 {
		return fmt.Errorf("no documents: %w", errSegUnsupported)
	}
	if in.storedIndex+8*in.numDocs > foot || fieldsIndex > foot {
		return errSegCorrupt
	}
	at := in.storedIndex + 8*in.numDocs
	edges, err := uv(mem, &at)
	if err != nil {
		return err
	}
	if edges != 0 {
		return fmt.Errorf("nested documents: %w", errSegUnsupported)
	}
	at = fieldsIndex
	nf, err := uv(mem, &at)
	if err != nil {
		return err
	}
	if nf == 0 || nf > 1<<16-1 || at+8*nf > foot {
		return errSegCorrupt
	}
	in.fields = make([]mergeInField, nf)
	for k := range in.fields {
		if err := in.readField(&in.fields[k], binary.BigEndian.Uint64(mem[at+8*uint64(k):])); err != nil {
			return err
		}
	}
	if in.fields[0].name != "_id" {
		return errSegCorrupt
	}
	return nil
}

// readField reads the field record at at and the field's record in the
// inverted text section.
func (in *mergeIn) readField(fd *mergeInField, at uint64) error {
	mem := in.mem
	l, err := uv(mem, &at)
	if err != nil {
		return err
	}
	if at+l > uint64(len(mem)) {
		return errSegCorrupt
	}
	fd.name = string(mem[at : at+l])
	at += l
	opts, err := uv(mem, &at)
	if err != nil {
		return err
	}
	fd.opts = index.FieldIndexingOptions(opts)
	ns, err := uv(mem, &at)
	if err != nil {
		return err
	}
	if at+10*ns > uint64(len(mem)) {
		return errSegCorrupt
	}
	inv := uint64(0)
	for s := range ns {
		typ := binary.BigEndian.Uint16(mem[at+10*s:])
		addr := binary.BigEndian.Uint64(mem[at+10*s+2:])
		switch {
		case typ == zapSectionInvText:
			inv = addr
		case (typ == zapSectionSynonym || typ == zapSectionGeoV2) && addr == 0:
		default:
			return fmt.Errorf("field %s: section %d: %w", fd.name, typ, errSegUnsupported)
		}
	}
	if inv == 0 {
		return fmt.Errorf("field %s without an inverted index: %w", fd.name, errSegUnsupported)
	}
	if fd.dvStart, err = uv(mem, &inv); err != nil {
		return err
	}
	if fd.dvEnd, err = uv(mem, &inv); err != nil {
		return err
	}
	if fd.dictAt, err = uv(mem, &inv); err != nil {
		return err
	}
	return nil
}

// dict is the FST bytes of field k.
func (in *mergeIn) dict(k int) ([]byte, error) {
	at := in.fields[k].dictAt
	l, err := uv(in.mem, &at)
	if err != nil {
		return nil, err
	}
	if at+l > uint64(len(in.mem)) {
		return nil, errSegCorrupt
	}
	return in.mem[at : at+l], nil
}

// chunked is the data of the chunk list at at (the count of chunks, each
// one's end, the chunks), all chunks together; nil at offset 0.
func (in *mergeIn) chunked(at uint64) ([]byte, error) {
	if at == 0 {
		return nil, nil
	}
	n, err := uv(in.mem, &at)
	if err != nil {
		return nil, err
	}
	end := uint64(0)
	for range n {
		if end, err = uv(in.mem, &at); err != nil {
			return nil, err
		}
	}
	if at+end > uint64(len(in.mem)) {
		return nil, errSegCorrupt
	}
	return in.mem[at : at+end], nil
}

// posting is one input's postings of a term: its documents appended to
// docs (shifted by the input's base), its frequency/norm and location
// bytes. A 1-hit value's bytes are made as zap's iterator makes them
// (nextBytes: frequency 1 without locations, and the norm) into oneHit.
func (in *mergeIn) postings(v uint64, docs []uint32, oneHit []byte) (_ []uint32, tf, loc []byte, err error) {
	base := uint32(in.base)
	if v&zap1HitMask == zap1HitFlag {
		doc, norm := v&zapMask31, (v>>31)&zapMask31
		if norm == 0 { // zap's reader takes it for a general list
			return nil, nil, nil, fmt.Errorf("1-hit posting with norm 0: %w", errSegUnsupported)
		}
		tf = binary.AppendUvarint(append(oneHit[:0], 2), norm)
		return append(docs, base+uint32(doc)), tf, nil, nil
	}
	at := v
	tfAt, err := uv(in.mem, &at)
	if err != nil {
		return nil, nil, nil, err
	}
	locAt, err := uv(in.mem, &at)
	if err != nil {
		return nil, nil, nil, err
	}
	rl, err := uv(in.mem, &at)
	if err != nil {
		return nil, nil, nil, err
	}
	if at+rl > uint64(len(in.mem)) {
		return nil, nil, nil, errSegCorrupt
	}
	if docs, err = appendRoaring(docs, in.mem[at:at+rl], base); err != nil {
		return nil, nil, nil, err
	}
	if tf, err = in.chunked(tfAt); err != nil {
		return nil, nil, nil, err
	}
	if loc, err = in.chunked(locAt); err != nil {
		return nil, nil, nil, err
	}
	return docs, tf, loc, nil
}

// roaring's serialization without run containers (what zap writes:
// its bitmaps are made by Add, never run-optimized)
const (
	roaringCookieNoRun = 12346
	roaringCookieRuns  = 12347 // with the count of containers - 1 in the high 16 bits
	roaringArrayMax    = 4096
	roaringNoOffsets   = 4 // with runs, fewer containers have no offsets
)

// appendRoaring appends the members of the serialized roaring bitmap b,
// plus base, to docs. The format without run containers is read here;
// any other through the library.
func appendRoaring(docs []uint32, b []byte, base uint32) ([]uint32, error) {
	if len(b) < 8 || binary.LittleEndian.Uint32(b) != roaringCookieNoRun {
		return appendRoaringLib(docs, b, base)
	}
	n := int(binary.LittleEndian.Uint32(b[4:]))
	head := 8
	data := head + 8*n // keys and cardinalities, then offsets
	if n < 0 || data > len(b) {
		return nil, errSegCorrupt
	}
	for c := range n {
		key := uint32(binary.LittleEndian.Uint16(b[head+4*c:])) << 16
		card := int(binary.LittleEndian.Uint16(b[head+4*c+2:])) + 1
		off := int(binary.LittleEndian.Uint32(b[head+4*n+4*c:]))
		if card > roaringArrayMax {
			if off+8192 > len(b) {
				return nil, errSegCorrupt
			}
			for w := range 1024 {
				word := binary.LittleEndian.Uint64(b[off+8*w:])
				for word != 0 {
					t := word & -word
					docs = append(docs, base+(key|uint32(w*64+bits.TrailingZeros64(word))))
					word ^= t
				}
			}
			continue
		}
		if off+2*card > len(b) {
			return nil, errSegCorrupt
		}
		for i := range card {
			docs = append(docs, base+(key|uint32(binary.LittleEndian.Uint16(b[off+2*i:]))))
		}
	}
	return docs, nil
}

func appendRoaringLib(docs []uint32, b []byte, base uint32) ([]uint32, error) {
	bm := roaring.New()
	if _, err := bm.FromBuffer(b); err != nil {
		return nil, fmt.Errorf("postings bitmap: %w", err)
	}
	it := bm.Iterator()
	for it.HasNext() {
		docs = append(docs, base+it.Next())
	}
	return docs, nil
}

// docValues visits the doc values of field k as zap's merge reads them
// (docValueReader.iterateAllDocValues with the input's options), quirks
// and all: with SkipDVCompression a chunk's whole data is one document's,
// the chunk's number; with SkipDVChunking but compression nothing is
// visited. buf is scratch for decompression; visit gets the document's
// number in the input.
func (in *mergeIn) docValues(k int, buf []byte, visit func(doc uint64, terms []byte) error) ([]byte, error) {
	fd := &in.fields[k]
	mem := in.mem
	if fd.dvEnd-fd.dvStart <= 16 || fd.dvEnd > uint64(len(mem)) {
		return buf, errSegCorrupt // zap does not open such a file
	}
	chunks := binary.BigEndian.Uint64(mem[fd.dvEnd-8:])
	offsLen := binary.BigEndian.Uint64(mem[fd.dvEnd-16:])
	at := fd.dvEnd - 16 - offsLen
	start := uint64(0)
	for c := range chunks {
		end, err := uv(mem, &at)
		if err != nil {
			return buf, err
		}
		from, to := fd.dvStart+start, fd.dvStart+end
		start = end
		if from >= to {
			continue
		}
		if to > uint64(len(mem)) {
			return buf, errSegCorrupt
		}
		var data []byte
		var heads []uint64 // document, end: pairs
		if fd.opts.SkipDVChunking() {
			data = mem[from:to]
		} else {
			p := from
			n, err := uv(mem, &p)
			if err != nil {
				return buf, err
			}
			for range n {
				d, err := uv(mem, &p)
				if err != nil {
					return buf, err
				}
				e, err := uv(mem, &p)
				if err != nil {
					return buf, err
				}
				heads = append(heads, d, e)
			}
			if p > to {
				return buf, errSegCorrupt
			}
			data = mem[p:to]
			if len(heads) == 0 {
				continue
			}
		}
		if fd.opts.SkipDVCompression() {
			if err := visit(c, data); err != nil {
				return buf, err
			}
			continue
		}
		if buf, err = snappy.Decode(buf[:cap(buf)], data); err != nil {
			return buf, fmt.Errorf("doc values: %w", err)
		}
		s := uint64(0)
		for h := 0; h < len(heads); h += 2 {
			e := heads[h+1]
			if e < s || e > uint64(len(buf)) {
				return buf, errSegCorrupt
			}
			if err := visit(heads[h], buf[s:e]); err != nil {
				return buf, err
			}
			s = e
		}
	}
	return buf, nil
}
