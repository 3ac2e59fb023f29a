package corpus

// A tolerant reader of store.db, independent of bbolt, behind the check at
// open, `vanban check` and salvage. bbolt trusts its pages: a damaged one
// makes it panic ("Page expected to be…") or read outside its mapping. This
// reader reads pages with ReadAt and checks every offset and size against
// the page and the file, so damage is an error naming the page, never a
// crash.
//
// bbolt file format 2 (go.etcd.io/bbolt v1), native byte order (little
// endian on every platform vanban is built for):
//
//	page header, 16 bytes: id u64, flags u16, count u16, overflow u32;
//	    a page with overflow n spans n+1 pages
//	flags: 0x01 branch, 0x02 leaf, 0x04 meta, 0x10 freelist
//	meta (pages 0 and 1, after the header): magic u32 (0xED0CDAED),
//	    version u32 (2), page size u32, flags u32, root bucket (root u64,
//	    sequence u64), freelist u64, high water mark u64, txid u64,
//	    checksum u64 (FNV-1a 64 of the meta bytes before it); the valid
//	    meta with the higher txid is the current one
//	branch element, 16 bytes: pos u32, ksize u32, child pgid u64
//	leaf element, 16 bytes: flags u32 (0x01: the value is a bucket), pos
//	    u32, ksize u32, vsize u32; the key starts pos bytes after the
//	    element's own start, the value right after the key
//	bucket value: root pgid u64, sequence u64; root 0 is an inline bucket,
//	    whose one leaf page follows the 16 bytes in the value

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

const (
	boltMagic       = 0xED0CDAED
	boltVersion     = 2
	boltHeader      = 16
	boltElem        = 16
	boltBranch      = 0x01
	boltLeaf        = 0x02
	boltMetaFlag    = 0x04
	boltFreelist    = 0x10
	boltBucketValue = 0x01
	boltMaxDepth    = 64 // far above any real tree (a 4 KB page holds ≥ 2 keys)
)

// PageError is damage found at one page of the store file.
type PageError struct {
	Page uint64 // page id; 0 and 1 are the meta pages
	Msg  string
}

func (e *PageError) Error() string { return fmt.Sprintf("page %d: %s", e.Page, e.Msg) }

// boltMeta is the current meta page.
type boltMeta struct {
	pageSize uint32
	root     uint64 // page of the root bucket
	freelist uint64
	hwm      uint64 // pages in use: every page id is below it
	txid     uint64
}

// boltFile reads a store file page by page.
type boltFile struct {
	r    io.ReaderAt
	size int64
	meta boltMeta
	// metaErrs holds what was wrong with each meta page (nil: valid).
	metaErrs [2]error
}

// openBoltFile reads the meta pages of the file r of size bytes. It fails
// only when neither meta page is valid; a single bad one (a torn write of
// the last commit, which bbolt's design survives) is kept in metaErrs.
func openBoltFile(r io.ReaderAt, size int64) (*boltFile, error) {
	f := &boltFile{r: r, size: size}
	m0, err0 := f.readMeta(0, 0)
	f.metaErrs[0] = err0
	sizes := []uint32{4096, 8192, 16384, 65536}
	if err0 == nil {
		sizes = []uint32{m0.pageSize}
	}
	var m1 boltMeta
	err1 := error(&PageError{1, "no meta page"})
	for _, ps := range sizes {
		if m1, err1 = f.readMeta(1, int64(ps)); err1 == nil {
			break
		}
	}
	f.metaErrs[1] = err1
	switch {
	case err0 != nil && err1 != nil:
		return nil, fmt.Errorf("both meta pages are damaged (%v; %v)", err0, err1)
	case err0 != nil:
		f.meta = m1
	case err1 != nil || m0.txid >= m1.txid:
		f.meta = m0
	default:
		f.meta = m1
	}
	return f, nil
}

// openSized opens the file at path for the tolerant reader and returns
// it with its size.
func openSized(path string) (*os.File, int64, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	fi, err := fh.Stat()
	if err != nil {
		fh.Close()
		return nil, 0, err
	}
	return fh, fi.Size(), nil
}

// readMeta reads and validates the meta page id at offset off.
func (f *boltFile) readMeta(id uint64, off int64) (boltMeta, error) {
	var b [boltHeader + 64]byte
	if _, err := f.r.ReadAt(b[:], off); err != nil {
		return boltMeta{}, &PageError{id, fmt.Sprintf("unreadable meta page: %v", err)}
	}
	le := binary.LittleEndian
	m := b[boltHeader:]
	h := fnv.New64a()
	h.Write(m[:56])
	switch {
	case le.Uint32(m[0:]) != boltMagic:
		return boltMeta{}, &PageError{id, "meta page without the bbolt magic number (not a bbolt file?)"}
	case le.Uint32(m[4:]) != boltVersion:
		return boltMeta{}, &PageError{id, fmt.Sprintf("bbolt file format %d, want %d", le.Uint32(m[4:]), boltVersion)}
	case le.Uint64(m[56:]) != h.Sum64():
		return boltMeta{}, &PageError{id, "meta page checksum mismatch"}
	}
	meta := boltMeta{pageSize: le.Uint32(m[8:]), root: le.Uint64(m[16:]), freelist: le.Uint64(m[32:]),
		hwm: le.Uint64(m[40:]), txid: le.Uint64(m[48:])}
	switch {
	case meta.pageSize < 512 || meta.pageSize > 1<<20 || meta.pageSize&(meta.pageSize-1) != 0:
		return boltMeta{}, &PageError{id, fmt.Sprintf("meta page gives page size %d", meta.pageSize)}
	case meta.hwm < 3 || meta.root < 2 || meta.root >= meta.hwm:
		return boltMeta{}, &PageError{id, fmt.Sprintf("meta page gives root %d and %d pages", meta.root, meta.hwm)}
	case int64(meta.hwm) > f.size/int64(meta.pageSize)+1:
		return boltMeta{}, &PageError{id, fmt.Sprintf("meta page counts %d pages, the file holds %d", meta.hwm, f.size/int64(meta.pageSize))}
	}
	return meta, nil
}

// boltPage is one parsed branch or leaf page.
type boltPage struct {
	id    uint64
	flags uint16
	span  int // pages it covers (1 + overflow)
	buf   []byte
	count int
}

// page reads and checks page id: in range, self-identifying, a branch or
// a leaf whose elements lie inside it.
func (f *boltFile) page(id uint64) (*boltPage, error) {
	ps := int64(f.meta.pageSize)
	if id < 2 || id >= f.meta.hwm {
		return nil, &PageError{id, fmt.Sprintf("page id out of range (2 to %d)", f.meta.hwm-1)}
	}
	var h [boltHeader]byte
	if _, err := f.r.ReadAt(h[:], int64(id)*ps); err != nil {
		return nil, &PageError{id, fmt.Sprintf("unreadable: %v", err)}
	}
	le := binary.LittleEndian
	if got := le.Uint64(h[0:]); got != id {
		return nil, &PageError{id, fmt.Sprintf("page identifies as %d", got)}
	}
	overflow := uint64(le.Uint32(h[12:]))
	if id+overflow >= f.meta.hwm || int64(id+overflow+1)*ps > f.size {
		return nil, &PageError{id, fmt.Sprintf("overflow of %d pages runs past the end of the file", overflow)}
	}
	p := &boltPage{id: id, flags: le.Uint16(h[8:]), count: int(le.Uint16(h[10:])), span: int(overflow) + 1}
	if p.flags != boltBranch && p.flags != boltLeaf {
		return nil, &PageError{id, fmt.Sprintf("flags %#x: not a branch or leaf page", p.flags)}
	}
	p.buf = make([]byte, int64(p.span)*ps)
	if _, err := f.r.ReadAt(p.buf, int64(id)*ps); err != nil {
		return nil, &PageError{id, fmt.Sprintf("unreadable: %v", err)}
	}
	return p, p.check()
}

// inlinePage parses the leaf page held in an inline bucket's value.
func inlinePage(owner uint64, v []byte) (*boltPage, error) {
	if len(v) < 16+boltHeader {
		return nil, &PageError{owner, "inline bucket value too short"}
	}
	b := v[16:]
	p := &boltPage{id: owner, flags: binary.LittleEndian.Uint16(b[8:]), count: int(binary.LittleEndian.Uint16(b[10:])), span: 0, buf: b}
	if p.flags != boltLeaf {
		return nil, &PageError{owner, fmt.Sprintf("inline bucket page with flags %#x", p.flags)}
	}
	return p, p.check()
}

// check verifies that every element, key and value lies inside the page
// and that keys ascend.
func (p *boltPage) check() error {
	if boltHeader+p.count*boltElem > len(p.buf) {
		return &PageError{p.id, fmt.Sprintf("%d elements do not fit in the page", p.count)}
	}
	var prev []byte
	for i := range p.count {
		k, _, _, err := p.elem(i)
		if err != nil {
			return err
		}
		if i > 0 && bytes.Compare(prev, k) >= 0 {
			return &PageError{p.id, fmt.Sprintf("keys out of order at element %d", i)}
		}
		prev = k
	}
	return nil
}

// elem returns element i: its key and, on a leaf, its value and whether it
// is a bucket; on a branch, child is the child page id.
func (p *boltPage) elem(i int) (key, value []byte, child uint64, err error) {
	le := binary.LittleEndian
	at := boltHeader + i*boltElem
	e := p.buf[at : at+boltElem]
	var pos, ksize, vsize uint64
	if p.flags == boltBranch {
		pos, ksize, child = uint64(le.Uint32(e[0:])), uint64(le.Uint32(e[4:])), le.Uint64(e[8:])
	} else {
		pos, ksize, vsize = uint64(le.Uint32(e[4:])), uint64(le.Uint32(e[8:])), uint64(le.Uint32(e[12:]))
		child = uint64(le.Uint32(e[0:])) // leaf flags
	}
	start := uint64(at) + pos
	end := start + ksize + vsize
	if pos < boltElem || end > uint64(len(p.buf)) {
		return nil, nil, 0, &PageError{p.id, fmt.Sprintf("element %d points outside the page", i)}
	}
	return p.buf[start : start+ksize], p.buf[start+ksize : end], child, nil
}

// bucketRoot reads a bucket value: its root page, or its inline page.
func bucketRoot(owner uint64, v []byte) (root uint64, inline *boltPage, err error) {
	if len(v) < 16 {
		return 0, nil, &PageError{owner, "bucket value too short"}
	}
	if root = binary.LittleEndian.Uint64(v); root != 0 {
		return root, nil, nil
	}
	inline, err = inlinePage(owner, v)
	return 0, inline, err
}

// walker visits the key/values of a bucket tree, skipping damaged
// subtrees.
type walker struct {
	f *boltFile
	// skeleton reads only the branch pages and the first leaf under each
	// (all leaves of a B+tree are at one depth, so the others are leaves
	// too): the check at open, about one page in a hundred. leaf is not
	// called.
	skeleton bool
	seen     pageSet // the pages read
	leaves   pageSet // of which leaves
	pages    int     // pages read
	// leaf is called for every key/value of a leaf; bucket tells whether
	// the value is a nested bucket, page is the leaf's page.
	leaf func(key, value []byte, bucket bool, page uint64)
	// bad is called for every damaged page, with the keys its subtree
	// held: from (inclusive) to until (exclusive; nil: to the end).
	bad func(err error, from, until []byte)
}

// walk visits the tree under page id, or the inline page, at depth.
func (w *walker) walk(id uint64, inline *boltPage, depth int, from, until []byte) {
	p := inline
	if p == nil {
		var err error
		if p, err = w.read(id, depth); err != nil {
			w.bad(err, from, until)
			return
		}
	}
	if p.flags == boltLeaf {
		if !w.skeleton {
			for i := range p.count {
				k, v, flags, _ := p.elem(i) // checked by page()
				w.leaf(k, v, flags&boltBucketValue != 0, p.id)
			}
		}
		return
	}
	for i := range p.count {
		k, _, child, _ := p.elem(i)
		next := until
		if i+1 < p.count {
			next, _, _, _ = p.elem(i + 1)
		}
		if w.skeleton && i > 0 && w.leafLevel(p) {
			return
		}
		w.walk(child, nil, depth+1, k, next)
	}
}

// leafLevel reports whether the children of branch p are leaves (known
// once its first child was read).
func (w *walker) leafLevel(p *boltPage) bool {
	_, _, first, _ := p.elem(0)
	return w.leaves.has(first)
}

// read reads page id once.
func (w *walker) read(id uint64, depth int) (*boltPage, error) {
	if w.seen.has(id) {
		return nil, &PageError{id, "page reached twice (a cycle or a shared page)"}
	}
	w.seen.add(id)
	if depth > boltMaxDepth {
		return nil, &PageError{id, "tree deeper than any bbolt tree"}
	}
	w.pages++
	p, err := w.f.page(id)
	if err == nil && p.flags == boltLeaf {
		w.leaves.add(id)
	}
	return p, err
}

func newWalker(f *boltFile, skeleton bool) *walker {
	return &walker{f: f, skeleton: skeleton, seen: newPageSet(f.meta.hwm), leaves: newPageSet(f.meta.hwm),
		leaf: func([]byte, []byte, bool, uint64) {}, bad: func(error, []byte, []byte) {}}
}

// pageSet is a set of the page ids below a file's high-water mark, a bit
// each (an id past it is never added: reading it fails). A walk of a store
// of a million records reads about as many pages, which maps held at
// some 40 bytes each; a bit per page of the file is 32 KB per GB.
type pageSet []uint64

func newPageSet(hwm uint64) pageSet { return make(pageSet, (hwm+63)/64) }

func (s pageSet) has(id uint64) bool {
	i := id / 64
	return i < uint64(len(s)) && s[i]&(1<<(id%64)) != 0
}

func (s pageSet) add(id uint64) {
	if i := id / 64; i < uint64(len(s)) {
		s[i] |= 1 << (id % 64)
	}
}

// bucketRef locates a bucket's tree: its root page, or its inline page.
type bucketRef struct {
	root   uint64
	inline *boltPage
}

// buckets returns the top-level buckets by name. Damage to the root
// bucket's pages is returned with the buckets that could be read.
func (f *boltFile) buckets() (map[string]bucketRef, error) {
	out := map[string]bucketRef{}
	var errs []error
	w := newWalker(f, false)
	w.leaf = func(k, v []byte, bucket bool, page uint64) {
		if !bucket {
			return
		}
		root, inline, err := bucketRoot(page, v)
		if err != nil {
			errs = append(errs, fmt.Errorf("bucket %q: %w", k, err))
			return
		}
		out[string(k)] = bucketRef{root: root, inline: inline}
	}
	w.bad = func(err error, _, _ []byte) { errs = append(errs, fmt.Errorf("root bucket: %w", err)) }
	w.walk(f.meta.root, nil, 0, nil, nil)
	return out, errors.Join(errs...)
}

// walkBucket walks the tree of bucket b with w.
func (w *walker) walkBucket(b bucketRef) {
	if b.inline != nil {
		w.walk(0, b.inline, 0, nil, nil)
		return
	}
	w.walk(b.root, nil, 0, nil, nil)
}

// boltNoFreelist is the freelist page id of a store that does not keep its
// freelist on disk.
const boltNoFreelist = ^uint64(0)

// checkFreelist checks the freelist page and returns the free page ids.
// bbolt reads it on opening for writing and in tx.Check, trusting its
// count.
func (f *boltFile) checkFreelist() ([]uint64, error) {
	id := f.meta.freelist
	if id == boltNoFreelist {
		return nil, nil
	}
	ps := int64(f.meta.pageSize)
	if id < 2 || id >= f.meta.hwm {
		return nil, &PageError{id, "freelist page id out of range"}
	}
	var h [boltHeader + 8]byte
	if _, err := f.r.ReadAt(h[:], int64(id)*ps); err != nil {
		return nil, &PageError{id, fmt.Sprintf("unreadable freelist: %v", err)}
	}
	le := binary.LittleEndian
	switch {
	case le.Uint64(h[0:]) != id:
		return nil, &PageError{id, fmt.Sprintf("freelist page identifies as %d", le.Uint64(h[0:]))}
	case le.Uint16(h[8:]) != boltFreelist:
		return nil, &PageError{id, fmt.Sprintf("freelist page has flags %#x", le.Uint16(h[8:]))}
	}
	overflow := uint64(le.Uint32(h[12:]))
	first, count := 0, uint64(le.Uint16(h[10:]))
	if count == 0xFFFF {
		first, count = 1, le.Uint64(h[boltHeader:])
	}
	span := int64(overflow+1) * ps
	if id+overflow >= f.meta.hwm || int64(id)*ps+span > f.size || count > uint64(span)/8 || boltHeader+(uint64(first)+count)*8 > uint64(span) {
		return nil, &PageError{id, fmt.Sprintf("freelist of %d ids does not fit its %d pages", count, overflow+1)}
	}
	buf := make([]byte, span)
	if _, err := f.r.ReadAt(buf, int64(id)*ps); err != nil {
		return nil, &PageError{id, fmt.Sprintf("unreadable freelist: %v", err)}
	}
	ids := make([]uint64, count)
	for i := range ids {
		ids[i] = le.Uint64(buf[boltHeader+(first+i)*8:])
		if ids[i] < 2 || ids[i] >= f.meta.hwm {
			return nil, &PageError{id, fmt.Sprintf("freelist holds page %d, out of range", ids[i])}
		}
	}
	return ids, nil
}
