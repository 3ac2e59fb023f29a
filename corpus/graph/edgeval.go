package graph

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/doctype"
)

// An entry of the "relto" and "relfrom" buckets (graph.go) is one edge a
// document states, under the key
//
//	end "\x00" kind "\x00" stating ID "\x00" n
//
// (end: the edge's To in relto, its From in relfrom; n: the edge's index in
// the document's refs value). Its value is one of:
//
//	'{' …        the JSON Edge (graph version 3 before 2026-12-05), still
//	             read
//	edgeBin …    the binary form: what the key does not say
//
// The binary form, after the tag byte:
//
//	flags                           byte: 1 Partial, 2 Approx, 4 the
//	                                other end is doctype.NumberKey of its
//	                                key as written, 8 Doc stored
//	other end, unless flag 4        string
//	FromKey ToKey Part Effective    strings
//	Doc, when flag 8                string
//
// A string is its uvarint byte length and its bytes. Kind, Doc and the
// key's end are the key's; "the other end" is From in relto, To in relfrom.
// In the edges the graph writes the other end is usually the lookup key of
// the number as written (cite.Ref.LookupKey, or the document's own number
// key), so flag 4 leaves it out; the key is read back by the same function
// the numbers and bykey buckets are keyed by, whose change already bumps
// Version.
//
// Why: the JSON repeated the key's three fields and spelled every field
// name; on a 100k scale store relto and relfrom were 7.4 MB of the store's
// 72 MB (docs/log/i21-edges.md). A value stays a few dozen
// bytes: too short for the record codec's frames to pay.
const edgeBin byte = 1

// ErrEdgeValue is a relto or relfrom entry that does not decode.
var ErrEdgeValue = errors.New("damaged edge entry")

// edgeValue is the value of edge e under its key in relto (to) or relfrom;
// doc is the stating document of the key.
func edgeValue(e *Edge, doc string, to bool) []byte {
	other, otherKey := e.From, e.FromKey
	if !to {
		other, otherKey = e.To, e.ToKey
	}
	derived := other == doctype.NumberKey(otherKey)
	b := []byte{edgeBin, flag(e.Partial, 1) | flag(e.Approx, 2) | flag(derived, 4) | flag(e.Doc != doc, 8)}
	if !derived {
		b = appendStrs(b, other)
	}
	b = appendStrs(b, e.FromKey, e.ToKey, e.Part, e.Effective)
	if e.Doc != doc {
		b = appendStrs(b, e.Doc)
	}
	return b
}

// decodeEdge reads the entry key → raw of relto (to) or relfrom, whose
// key starts with end "\x00".
func decodeEdge(key, raw []byte, end string, to bool) (Edge, error) {
	kind, doc, err := parseEdgeKey(key, end)
	if err != nil {
		return Edge{}, err
	}
	if len(raw) == 0 {
		return Edge{}, fmt.Errorf("%w: empty value", ErrEdgeValue)
	}
	switch raw[0] {
	case '{':
		var e Edge
		if err := json.Unmarshal(raw, &e); err != nil {
			return Edge{}, fmt.Errorf("%w: %v", ErrEdgeValue, err)
		}
		return e, nil
	case edgeBin:
	default:
		return Edge{}, fmt.Errorf("%w: unknown tag %#x", ErrEdgeValue, raw[0])
	}
	e := Edge{Kind: kind, Doc: doc}
	r := &refsReader{b: raw[1:], bad: ErrEdgeValue}
	f := r.byte("flags")
	if f&^15 != 0 {
		return Edge{}, fmt.Errorf("%w: unknown flags %#x", ErrEdgeValue, f)
	}
	e.Partial, e.Approx = f&1 != 0, f&2 != 0
	var other string
	if f&4 == 0 {
		r.str(&other)
	}
	r.strs(&e.FromKey, &e.ToKey, &e.Part, &e.Effective)
	if f&8 != 0 {
		r.str(&e.Doc)
	}
	if r.err == nil && len(r.b) > 0 {
		r.fail("trailing bytes")
	}
	if r.err != nil {
		return Edge{}, r.err
	}
	if to {
		if f&4 != 0 {
			other = doctype.NumberKey(e.FromKey)
		}
		e.From, e.To = other, end
	} else {
		if f&4 != 0 {
			other = doctype.NumberKey(e.ToKey)
		}
		e.From, e.To = end, other
	}
	return e, nil
}

// edgeLink appends to dst the bytes naming the link of the entry key → raw
// of relto (to) or relfrom at end: its other end, that end's key as
// written and the part (what groupLinks lists once), without reading the
// rest. Equal links give equal bytes: edgeValue writes one form for each.
// A JSON entry is decoded and named by its binary form.
func edgeLink(dst, key, raw []byte, end string, to bool) ([]byte, error) {
	if len(raw) > 0 && raw[0] == '{' {
		e, err := decodeEdge(key, raw, end, to)
		if err != nil {
			return dst, err
		}
		raw = edgeValue(&e, e.Doc, to)
	}
	if len(raw) < 2 || raw[0] != edgeBin {
		return dst, fmt.Errorf("%w: not a binary entry", ErrEdgeValue)
	}
	f := raw[1]
	b := raw[2:]
	var other, fromKey, toKey, part []byte
	var ok bool
	if f&4 == 0 {
		if other, b, ok = cutStr(b); !ok {
			return dst, fmt.Errorf("%w: truncated", ErrEdgeValue)
		}
	}
	for _, p := range []*[]byte{&fromKey, &toKey, &part} {
		if *p, b, ok = cutStr(b); !ok {
			return dst, fmt.Errorf("%w: truncated", ErrEdgeValue)
		}
	}
	otherKey := toKey
	if to {
		otherKey = fromKey
	}
	dst = append(dst, f&4)
	for _, x := range [][]byte{other, otherKey, part} {
		dst = binary.AppendUvarint(dst, uint64(len(x)))
		dst = append(dst, x...)
	}
	return dst, nil
}

// cutStr reads a string of the binary form (its uvarint length and its
// bytes) from the front of b.
func cutStr(b []byte) ([]byte, []byte, bool) {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)-k) {
		return nil, nil, false
	}
	return b[k : k+int(n)], b[k+int(n):], true
}

// parseEdgeKey reads the kind and stating document of an edge key that
// starts with end "\x00" (edgeKey).
func parseEdgeKey(key []byte, end string) (cite.Relation, string, error) {
	rest, ok := bytes.CutPrefix(key, []byte(end+"\x00"))
	if !ok {
		return "", "", fmt.Errorf("%w: key %q is not of end %q", ErrEdgeValue, key, end)
	}
	kind, rest, ok := bytes.Cut(rest, []byte{0})
	i := bytes.LastIndexByte(rest, 0)
	if !ok || len(kind) == 0 || i < 0 || i == len(rest)-1 {
		return "", "", fmt.Errorf("%w: key %q is not end, kind, document and index", ErrEdgeValue, key)
	}
	for _, c := range rest[i+1:] {
		if c < '0' || c > '9' {
			return "", "", fmt.Errorf("%w: key %q has no index", ErrEdgeValue, key)
		}
	}
	return cite.Relation(kind), string(rest[:i]), nil
}
