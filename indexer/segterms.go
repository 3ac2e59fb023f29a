package indexer

// A segment's term lists, written beside the build's segment files (our
// writer's and our merge's) so that a merge reads each input's terms in
// order without walking its FSTs: vellum's iterator was 40 % of our
// merge's CPU (docs/log/i21-merge.md). The file (the segment's
// path + ".terms") is the build's scratch, never installed (the final
// merge, whose segment no merge reads, writes none): the segment's
// size and CRC (checked before use: a list that is not the segment's is
// not read, the FST is), the count of fields and each field's list's byte
// length, then per field in its id order its terms, each the length of
// the prefix it shares with the one before, the rest's length, the rest,
// and its dictionary value (the postings' offset or 1-hit encoding).

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"

	mmap "github.com/blevesearch/mmap-go"
)

// termsMagic leads a term-list file.
const termsMagic = "vbterms1"

// termsPath is the term-list file of the segment at path.
func termsPath(path string) string { return path + ".terms" }

// termLists builds a segment's term lists.
type termLists struct {
	// off: nothing is kept (the lists of a segment no merge of the build
	// reads: the final merge's, which install would delete unread)
	off  bool
	lens []uint64 // each field's list's byte length
	data []byte
	prev []byte
	from int // where the field's list starts in data
}

// reset empties l for a segment whose lists are kept or not (off).
func (l *termLists) reset(off bool) {
	l.lens, l.data, l.prev, l.from, l.off = l.lens[:0], l.data[:0], l.prev[:0], 0, off
}

// addTerm adds term, with its dictionary value val, to l's current
// field: terms come in dictionary order.
func addTerm[T ~string | ~[]byte](l *termLists, term T, val uint64) {
	if l.off {
		return
	}
	p := 0
	for p < len(term) && p < len(l.prev) && term[p] == l.prev[p] {
		p++
	}
	l.data = binary.AppendUvarint(l.data, uint64(p))
	l.data = binary.AppendUvarint(l.data, uint64(len(term)-p))
	l.data = append(l.data, term[p:]...)
	l.data = binary.AppendUvarint(l.data, val)
	l.prev = append(l.prev[:0], term...)
}

// endField closes the current field's list.
func (l *termLists) endField() {
	if l.off {
		return
	}
	l.lens = append(l.lens, uint64(len(l.data)-l.from))
	l.from = len(l.data)
	l.prev = l.prev[:0]
}

// write writes the lists for the segment file of size bytes and CRC crc
// at path's term-list file.
func (l *termLists) write(path string, size uint64, crc uint32) error {
	head := append([]byte(termsMagic), make([]byte, 12)...)
	binary.BigEndian.PutUint64(head[len(termsMagic):], size)
	binary.BigEndian.PutUint32(head[len(termsMagic)+8:], crc)
	head = binary.AppendUvarint(head, uint64(len(l.lens)))
	for _, n := range l.lens {
		head = binary.AppendUvarint(head, n)
	}
	f, err := os.OpenFile(termsPath(path), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("term lists: %w", err)
	}
	_, err = f.Write(head)
	if err == nil {
		_, err = f.Write(l.data)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("term lists: %w", err)
	}
	return nil
}

// readTermLists maps the term lists of the segment in (at path) and
// returns each field's, by its id; nil when there is no such file or it
// is not the segment's. in.closeLists unmaps them.
func readTermLists(path string, in *mergeIn) ([][]byte, error) {
	f, err := os.Open(termsPath(path))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("term lists: %w", err)
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || st.Size() == 0 {
		return nil, err
	}
	if in.listsMap, err = mmap.Map(f, mmap.RDONLY, 0); err != nil {
		return nil, fmt.Errorf("term lists: %w", err)
	}
	b := []byte(in.listsMap)
	h := len(termsMagic)
	if len(b) < h+12 || string(b[:h]) != termsMagic ||
		binary.BigEndian.Uint64(b[h:]) != uint64(len(in.mem)) ||
		binary.BigEndian.Uint32(b[h+8:]) != binary.BigEndian.Uint32(in.mem[len(in.mem)-4:]) {
		return nil, nil
	}
	at := uint64(h + 12)
	nf, err := uv(b, &at)
	if err != nil || nf != uint64(len(in.fields)) {
		return nil, nil
	}
	lens := make([]uint64, nf)
	for k := range lens {
		if lens[k], err = uv(b, &at); err != nil {
			return nil, nil
		}
	}
	lists := make([][]byte, nf)
	for k, n := range lens {
		if at+n > uint64(len(b)) {
			return nil, nil
		}
		lists[k] = b[at : at+n]
		at += n
	}
	return lists, nil
}

// removeTerms removes the term-list file of the segment at path, if any.
func removeTerms(path string) error {
	if err := os.Remove(termsPath(path)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
