package graph

import "unsafe"

// linkSet is the links a group's walk has named (groupLinks lists each
// once however many documents state it). Its keys are strings over
// blocks of one arena, whose bytes are never written again once
// appended: a link costs its bytes in a block and a map entry, not a
// string of its own. Page 20 of a group of 100 walks the 1,900 links
// before it; with a string a link, they were most of the page's
// allocations (docs/log/i19-graph.md).
type linkSet struct {
	block []byte // the block being filled; the full ones live on in the keys
	seen  map[string]struct{}
	hint  int // the links the walk expects (0: unknown)
}

// minLinkBlock is the least block; each next one doubles the last.
const minLinkBlock = 64

// maxFirstBlock bounds the first block a hint asks for.
const maxFirstBlock = 1 << 20

// newLinkSet is an empty set for a walk expected to name hint links
// (0: unknown): the map is made for them, and the first block for as
// many links as long as the first one.
func newLinkSet(hint int) linkSet {
	return linkSet{seen: make(map[string]struct{}, hint), hint: hint}
}

// add keeps id and reports whether it is new.
func (s *linkSet) add(id []byte) bool {
	if _, ok := s.seen[string(id)]; ok {
		return false
	}
	if len(id) == 0 {
		s.seen[""] = struct{}{}
		return true
	}
	if cap(s.block)-len(s.block) < len(id) {
		// A new block, not append's copy: the keys in the full one
		// keep pointing at bytes nothing writes.
		n := 2 * cap(s.block)
		if n == 0 {
			n = min(s.hint*len(id)+s.hint*len(id)/4, maxFirstBlock)
		}
		s.block = make([]byte, 0, max(n, minLinkBlock, len(id)))
	}
	at := len(s.block)
	s.block = append(s.block, id...)
	s.seen[unsafe.String(&s.block[at], len(id))] = struct{}{}
	return true
}
