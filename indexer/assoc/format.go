package assoc

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"slices"
	"unicode/utf8"
)

// The binary form of a Table:
//
//	magic "vbassoc" and a version byte
//	uvarint docs, uvarint sampled
//	uvarint terms; each: uvarint length, bytes (UTF-8, sorted, distinct)
//	uvarint lists; each: uvarint unit (a term index, increasing), uvarint k,
//	                     k × (uvarint term index, uint16 weight × 65535, big-endian)
//	crc32 (IEEE) of everything before it, big-endian
//
// A reader checks every length against the bytes left, every index against
// the terms, and the checksum, so a damaged value is an error (ErrCorrupt),
// never a panic or a huge allocation.
const (
	magic   = "vbassoc"
	version = 1
)

// ErrCorrupt is a stored table that cannot be read.
var ErrCorrupt = errors.New("assoc: damaged association table")

// ErrVersion is a stored table of another format version: it is built
// again (the indexer treats it as missing).
var ErrVersion = errors.New("assoc: association table of another format version")

// MarshalBinary encodes the table.
func (t *Table) MarshalBinary() ([]byte, error) {
	terms := map[string]int{}
	for u, ws := range t.rel {
		terms[u] = 0
		for _, w := range ws {
			terms[w.Term] = 0
		}
	}
	sorted := make([]string, 0, len(terms))
	for s := range terms {
		sorted = append(sorted, s)
	}
	slices.Sort(sorted)
	for i, s := range sorted {
		terms[s] = i
	}
	b := append([]byte(magic), version)
	b = binary.AppendUvarint(b, uint64(t.Docs))
	b = binary.AppendUvarint(b, uint64(t.Sampled))
	b = binary.AppendUvarint(b, uint64(len(sorted)))
	for _, s := range sorted {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	units := t.Units()
	b = binary.AppendUvarint(b, uint64(len(units)))
	for _, u := range units {
		ws := t.rel[u]
		b = binary.AppendUvarint(b, uint64(terms[u]))
		b = binary.AppendUvarint(b, uint64(len(ws)))
		for _, w := range ws {
			b = binary.AppendUvarint(b, uint64(terms[w.Term]))
			b = binary.BigEndian.AppendUint16(b, uint16(w.Weight*weightScale+0.5))
		}
	}
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b)), nil
}

// Decode reads a table written by MarshalBinary.
func Decode(data []byte) (*Table, error) {
	if len(data) < len(magic)+1+4 || string(data[:len(magic)]) != magic {
		return nil, fmt.Errorf("%w: no header", ErrCorrupt)
	}
	if v := data[len(magic)]; v != version {
		return nil, fmt.Errorf("%w: %d, this binary reads %d", ErrVersion, v, version)
	}
	body, sum := data[:len(data)-4], binary.BigEndian.Uint32(data[len(data)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil, fmt.Errorf("%w: checksum mismatch", ErrCorrupt)
	}
	r := reader{b: body[len(magic)+1:]}
	t := &Table{Docs: r.number(), Sampled: r.number()}
	nTerms := r.count()
	terms := make([]string, 0, min(nTerms, len(r.b)))
	for range nTerms {
		s := r.bytes(r.count())
		if r.err == nil && (!utf8.Valid(s) || len(terms) > 0 && string(s) <= terms[len(terms)-1]) {
			r.err = errors.New("terms not sorted UTF-8")
		}
		if r.err != nil {
			break
		}
		terms = append(terms, string(s))
	}
	nLists := r.count()
	t.rel = make(map[string][]Weighted, min(nLists, len(r.b)))
	prev := -1
	for i := 0; i < nLists && r.err == nil; i++ {
		u := r.term(len(terms))
		if r.err == nil && u <= prev {
			r.err = errors.New("units not increasing")
		}
		prev = u
		k := r.count()
		ws := make([]Weighted, 0, min(k, len(r.b)/3))
		for range k {
			x := r.term(len(terms))
			w := r.bytes(2)
			if r.err != nil {
				break
			}
			ws = append(ws, Weighted{Term: terms[x], Weight: float64(binary.BigEndian.Uint16(w)) / weightScale})
		}
		if r.err == nil {
			t.rel[terms[u]] = ws
		}
	}
	if r.err == nil && len(r.b) > 0 {
		r.err = fmt.Errorf("%d bytes after the lists", len(r.b))
	}
	if r.err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, r.err)
	}
	return t, nil
}

// reader reads uvarints and byte strings, remembering the first error.
type reader struct {
	b   []byte
	err error
}

// number reads a uvarint below 2³¹.
func (r *reader) number() int {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v >= 1<<31 {
		r.err = errors.New("bad number")
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

// count reads a uvarint that counts or sizes something in the bytes left.
func (r *reader) count() int {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v > uint64(len(r.b)) {
		r.err = errors.New("bad count")
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *reader) term(n int) int {
	if r.err != nil {
		return 0
	}
	v, k := binary.Uvarint(r.b)
	if k <= 0 || v >= uint64(n) {
		r.err = errors.New("bad term index")
		return 0
	}
	r.b = r.b[k:]
	return int(v)
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n > len(r.b) {
		r.err = errors.New("truncated")
		return nil
	}
	s := r.b[:n]
	r.b = r.b[n:]
	return s
}
