package graph

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/vanban/vanban/corpus/cite"
)

// A value of the "refs" bucket (graph.go) is one of:
//
//	'{' …                the JSON Entry (store format 5 before
//	                     2026-12-05 and every earlier format), still read
//	refsBin              binary Entry, below; refsBin alone is a
//	                     document without references, number or dates
//	refsZst zstd(binary) the binary form of a value of refsZstMin bytes
//	                     or more, compressed with the record codec (the
//	                     store's trained dictionary, record.go) when that
//	                     makes it smaller
//
// The binary form is a sequence of fields: a string is its uvarint byte
// length and its bytes, a count or year a uvarint, flags one byte.
//
//	Number Signed Effective Until                         strings
//	count, each Ref:  Text Type Key Number                strings
//	                  Year                                uvarint
//	                  Issuer IssuerCode Date              strings
//	                  relation                            refsRelation
//	                  flags (1 By, 2 Partial)             byte
//	                  Other Part Effective Until          strings
//	count, each Edge: kind                                refsRelation
//	                  From To FromKey ToKey Part Effective strings
//	                  flags (1 Partial, 2 Approx, 4 Doc)  byte
//	                  Doc, when flag 4                    string
//
// A relation is its code in refsRelations, or 0 and the relation as a
// string. Edge.Doc is the document's own ID in every edge the graph
// writes (docEdges), which is the value's key: it is stored only when it
// differs (flag 4).
//
// Why: 76 % of a scale corpus's documents cite nothing, and their JSON
// `{"refs":[]}` took 11 bytes where refsBin takes 1; the others spent
// half their bytes on JSON field names (docs/log/i21-refs.md).
// Values stay one bbolt Get and one pass to read: the graph reads them on
// every Put of a document and `refs`/`links` for each document shown.
const (
	refsBin byte = 1
	refsZst byte = 2
)

// refsZstMin is the binary size from which a value is tried compressed:
// under it the frame header eats the gain. On a 20k scale corpus the
// store's dictionary takes the values to 527 KB where zstd without
// dictionary gave 665 KB and the binary form alone 910 KB; from 64 bytes
// on, a threshold of 128 gave 576 KB, 256 gave 687 KB.
const refsZstMin = 64

// maxRefsValue bounds the decompressed size of a refs value: a document
// keeps at most DefaultMaxText of text, and its references are spans of
// it.
const maxRefsValue = 64 << 20

// refsRelations are the on-disk codes of the relations (code = index+1).
// The table is part of the format: append, never reorder.
var refsRelations = [...]cite.Relation{cite.Mentions, cite.BasedOn, cite.Implements, cite.Guides,
	cite.Amends, cite.Replaces, cite.Repeals, cite.Expires, cite.Suspends}

// ErrRefsValue is a refs value that does not decode.
var ErrRefsValue = errors.New("damaged refs value")

// Encode is the refs value of v, the entry of document id, its long forms
// compressed with c.
func Encode(c Codec, v *Entry, id string) []byte {
	b := []byte{refsBin}
	if v.Number == "" && v.Signed == "" && v.Effective == "" && v.Until == "" && len(v.Refs) == 0 && len(v.Edges) == 0 {
		return b
	}
	b = appendStrs(b, v.Number, v.Signed, v.Effective, v.Until)
	b = binary.AppendUvarint(b, uint64(len(v.Refs)))
	for _, r := range v.Refs {
		b = appendStrs(b, r.Text, r.Type, r.Key, r.Number)
		b = binary.AppendUvarint(b, uint64(max(r.Year, 0)))
		b = appendStrs(b, r.Issuer, r.IssuerCode, r.Date)
		b = appendRelation(b, r.Relation)
		b = append(b, flag(r.By, 1)|flag(r.Partial, 2)|flag(r.Ground, 4))
		b = appendStrs(b, r.Other, r.Part, r.Effective, r.Until)
	}
	b = binary.AppendUvarint(b, uint64(len(v.Edges)))
	for _, e := range v.Edges {
		b = appendRelation(b, e.Kind)
		b = appendStrs(b, e.From, e.To, e.FromKey, e.ToKey, e.Part, e.Effective)
		b = append(b, flag(e.Partial, 1)|flag(e.Approx, 2)|flag(e.Doc != id, 4))
		if e.Doc != id {
			b = appendStrs(b, e.Doc)
		}
	}
	if len(b) < refsZstMin {
		return b
	}
	z := c.Compress([]byte{refsZst}, b[1:])
	if len(z) < len(b) {
		return z
	}
	return b
}

func flag(set bool, bit byte) byte {
	if set {
		return bit
	}
	return 0
}

func appendStrs(b []byte, ss ...string) []byte {
	for _, s := range ss {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return b
}

func appendRelation(b []byte, r cite.Relation) []byte {
	for i, x := range refsRelations {
		if x == r {
			return append(b, byte(i+1))
		}
	}
	return appendStrs(append(b, 0), string(r))
}

// Decode reads the refs value raw of document id.
func Decode(c Codec, raw []byte, id string) (Entry, error) {
	var v Entry
	if len(raw) == 0 {
		return v, fmt.Errorf("%w: empty", ErrRefsValue)
	}
	switch raw[0] {
	case '{':
		if err := json.Unmarshal(raw, &v); err != nil {
			return v, fmt.Errorf("%w: %v", ErrRefsValue, err)
		}
		return v, nil
	case refsBin:
		return decodeRefsBin(raw[1:], id)
	case refsZst:
		b, err := c.Decompress(raw[1:], maxRefsValue)
		if err != nil {
			return v, fmt.Errorf("%w: %w", ErrRefsValue, err)
		}
		if len(b) == 0 {
			return v, fmt.Errorf("%w: empty compressed value", ErrRefsValue)
		}
		return decodeRefsBin(b, id)
	}
	return v, fmt.Errorf("%w: unknown tag %#x", ErrRefsValue, raw[0])
}

// refsReader reads the fields of a binary refs value (or edge entry,
// edgeval.go); the first error sticks and later reads return zero values.
type refsReader struct {
	b   []byte
	err error
	bad error // the error a failure wraps; nil: ErrRefsValue
}

func (r *refsReader) fail(what string) {
	if r.err == nil {
		bad := r.bad
		if bad == nil {
			bad = ErrRefsValue
		}
		r.err = fmt.Errorf("%w: %s at %d bytes from the end", bad, what, len(r.b))
	}
	r.b = nil
}

func (r *refsReader) uvarint(what string) uint64 {
	n, k := binary.Uvarint(r.b)
	if k <= 0 {
		r.fail("truncated " + what)
		return 0
	}
	r.b = r.b[k:]
	return n
}

func (r *refsReader) str(p *string) {
	n := r.uvarint("string length")
	if n > uint64(len(r.b)) {
		r.fail("string longer than the value")
		return
	}
	*p = string(r.b[:n])
	r.b = r.b[n:]
}

func (r *refsReader) strs(ps ...*string) {
	for _, p := range ps {
		r.str(p)
	}
}

func (r *refsReader) byte(what string) byte {
	if len(r.b) == 0 {
		r.fail("truncated " + what)
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *refsReader) relation() cite.Relation {
	c := r.byte("relation")
	switch {
	case c == 0:
		var s string
		r.str(&s)
		return cite.Relation(s)
	case int(c) <= len(refsRelations):
		return refsRelations[c-1]
	}
	r.fail(fmt.Sprintf("unknown relation code %d", c))
	return ""
}

// count reads a count of items of at least min bytes each, refusing one
// the rest of the value cannot hold (a damaged count costs nothing).
func (r *refsReader) count(what string, min int) int {
	n := r.uvarint(what)
	if n > uint64(len(r.b)/min) {
		r.fail(what + " larger than the value")
		return 0
	}
	return int(n)
}

func decodeRefsBin(b []byte, id string) (Entry, error) {
	var v Entry
	if len(b) == 0 {
		return v, nil
	}
	r := &refsReader{b: b}
	r.strs(&v.Number, &v.Signed, &v.Effective, &v.Until)
	if n := r.count("reference count", 15); n > 0 {
		v.Refs = make([]cite.Ref, n)
		for i := range v.Refs {
			x := &v.Refs[i]
			r.strs(&x.Text, &x.Type, &x.Key, &x.Number)
			x.Year = int(min(r.uvarint("year"), 1<<31-1))
			r.strs(&x.Issuer, &x.IssuerCode, &x.Date)
			x.Relation = r.relation()
			f := r.byte("flags")
			x.By, x.Partial, x.Ground = f&1 != 0, f&2 != 0, f&4 != 0
			r.strs(&x.Other, &x.Part, &x.Effective, &x.Until)
		}
	}
	if n := r.count("edge count", 8); n > 0 {
		v.Edges = make([]Edge, n)
		for i := range v.Edges {
			e := &v.Edges[i]
			e.Kind = r.relation()
			r.strs(&e.From, &e.To, &e.FromKey, &e.ToKey, &e.Part, &e.Effective)
			f := r.byte("flags")
			e.Partial, e.Approx, e.Doc = f&1 != 0, f&2 != 0, id
			if f&4 != 0 {
				r.str(&e.Doc)
			}
		}
	}
	if r.err == nil && len(r.b) > 0 {
		r.fail("trailing bytes")
	}
	return v, r.err
}

// Compressed reports a refs value compressed with the store's codec: its
// frame, after the tag byte, names the dictionary (the store's upkeep of
// its dictionaries reads it).
func Compressed(v []byte) bool { return len(v) > 0 && v[0] == refsZst }
