package outline

// The passages of an outline kept from Parse for the state they were
// computed on, so that a parent whose appendix Parse folds (markRestated)
// is not folded again when the linker asks for its passages.

import (
	"encoding/binary"
	"hash/maphash"
	"slices"
)

// passageCache is what Passages returned for the outline state whose
// stateSum (with seed) is sum.
type passageCache struct {
	seed maphash.Seed
	sum  uint64
	ps   []Passage
}

// keepPassages keeps ps as the passages of o's current state. Only Parse
// calls it, before the outline is returned, so that an outline shared
// between goroutines (link.Cache) is never written by a reader. The
// slices of each passage are clipped: a caller appending to one gets a
// new array, never the cached one's.
func (o *Outline) keepPassages(ps []Passage) {
	for i := range ps {
		ps[i].Same = slices.Clip(ps[i].Same)
		ps[i].Actors = slices.Clip(ps[i].Actors)
		ps[i].Terms = slices.Clip(ps[i].Terms)
	}
	c := &passageCache{seed: maphash.MakeSeed(), ps: ps}
	c.sum = o.stateSum(c.seed)
	o.cache = c
}

// cachedPassages returns a copy of the kept passages when o is still in
// the state they were computed on, else nil, false. Any write to a field
// of a section or item since (the fields are exported) changes the sum,
// and Passages computes them afresh.
func (o *Outline) cachedPassages() ([]Passage, bool) {
	c := o.cache
	if c == nil || o.stateSum(c.seed) != c.sum {
		return nil, false
	}
	return slices.Clone(c.ps), true
}

// stateSum hashes every field of every section and item of o (the
// passages are computed from these alone). TestStateSumFields fails when
// a field is added to Section or Item and not hashed here.
func (o *Outline) stateSum(seed maphash.Seed) uint64 {
	var w stateWriter
	w.h.SetSeed(seed)
	w.int(len(o.Sections))
	for i := range o.Sections {
		s := &o.Sections[i]
		w.str(s.ID)
		w.str(s.Title)
		w.int(int(s.Kind))
		w.bool(s.Appendix)
		w.int(s.Line)
		w.str(s.Text)
		w.int(s.textLine)
		w.bool(s.lead)
		w.str(s.anchor)
	}
	w.int(len(o.Items))
	for i := range o.Items {
		it := &o.Items[i]
		w.str(it.ID)
		w.str(it.Label)
		w.int(it.Level)
		w.str(it.Text)
		w.str(it.Agency)
		w.str(it.Partners)
		w.str(it.Output)
		w.str(it.Deadline)
		w.int(it.Line)
		w.bool(it.Heading)
		w.bool(it.Quoted)
		w.bool(it.Provision)
		w.str(it.Repeats)
		w.bool(it.NameEntry)
		w.int(it.Section)
		w.int(int(it.Kind))
		w.int(it.Parent)
		w.int(int(it.kind))
		w.int(it.depth)
		w.bool(it.more)
		w.int(it.intro)
	}
	return w.h.Sum64()
}

// stateWriter writes values to a hash, each string after its length so
// that no two states write the same bytes.
type stateWriter struct {
	h maphash.Hash
	b [8]byte
}

func (w *stateWriter) int(n int) {
	binary.LittleEndian.PutUint64(w.b[:], uint64(n))
	w.h.Write(w.b[:])
}

func (w *stateWriter) str(s string) {
	w.int(len(s))
	w.h.WriteString(s)
}

func (w *stateWriter) bool(b bool) {
	if b {
		w.h.WriteByte(1)
	} else {
		w.h.WriteByte(0)
	}
}
