package graph

import (
	"bytes"
	"fmt"
	"testing"
)

// TestLinkSet: a link is new once, whatever its length, across the
// blocks of the arena (ids longer than a block included), and the keys
// kept in full blocks still read as the ids added, after the caller
// reused its buffer (groupLinks appends each id into the same slice).
func TestLinkSet(t *testing.T) {
	s := newLinkSet(0)
	var ids [][]byte
	for i := range 3000 {
		id := fmt.Appendf(nil, "\x00%d/kh-ubnd\x00%d/KH-UBND\x00", 1000+i, 1000+i)
		if i%500 == 7 {
			id = append(id, bytes.Repeat([]byte("Điều 1 khoản 2 "), 400)...) // longer than a block
		}
		ids = append(ids, id)
	}
	ids = append(ids, []byte{})
	buf := make([]byte, 0, 64)
	for i, id := range ids {
		buf = append(buf[:0], id...)
		if !s.add(buf) {
			t.Fatalf("id %d: not new the first time", i)
		}
		for j := range buf {
			buf[j] = 0xff // the caller writes over its buffer
		}
	}
	for i, id := range ids {
		if s.add(id) {
			t.Errorf("id %d: new again", i)
		}
		if _, ok := s.seen[string(id)]; !ok {
			t.Errorf("id %d: its key no longer reads %q", i, id)
		}
	}
	if len(s.seen) != len(ids) {
		t.Errorf("%d keys, want %d", len(s.seen), len(ids))
	}
}

// TestLinkSetAllocs: adding a link allocates nothing of its own; the
// blocks double, so 2,000 links cost a few blocks and the map's growth,
// and a walk that knows how many links it names (hint) a map made for
// them (its tables) and a block or two.
func TestLinkSetAllocs(t *testing.T) {
	ids := make([][]byte, 2000)
	for i := range ids {
		ids[i] = fmt.Appendf(nil, "\x00%d/kh-ubnd\x00%d/KH-UBND\x00", 1000+i, 1000+i)
	}
	for _, c := range []struct {
		hint, most int
	}{{0, 200}, {2000, 16}, {500, 40}} {
		allocs := testing.AllocsPerRun(5, func() {
			s := newLinkSet(c.hint)
			for _, id := range ids {
				s.add(id)
			}
		})
		if allocs > float64(c.most) {
			t.Errorf("hint %d: %.0f allocations for 2,000 links, want at most %d (a string a link was 2,000 and more)", c.hint, allocs, c.most)
		}
		t.Logf("hint %d: %.0f allocations for 2,000 links", c.hint, allocs)
	}
}
