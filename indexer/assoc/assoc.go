// Package assoc learns which terms go together in a collection, from the
// indexed text itself: the folded syllable bigrams ("ly hon", "cham dut",
// "tien luong") that occur in the same passage of a document more often
// than chance says, scored by normalised pointwise mutual information
// (NPMI). A search adds the related terms of a short query's bigrams as
// light optional clauses (search/related.go), so that "ly hôn" also finds
// the article that says "chấm dứt quan hệ hôn nhân".
//
// Building (Builder) reads a deterministic sample of the documents and
// keeps memory bounded whatever the collection's size (Params); the result
// (Table) is a plain value with a versioned, checksummed binary form
// (MarshalBinary, Decode), which the indexer keeps inside the index.
// docs/log/ranking-12-associations.md has the mechanism, the parameters and the figures.
package assoc

import (
	"cmp"
	"context"
	"hash/fnv"
	"math"
	"slices"
	"strings"
	"unicode"
)

// Weighted is a related term and the strength of its association, in
// (0, 1]: the NPMI of the two terms over the sampled passages.
type Weighted struct {
	Term   string
	Weight float64
}

// Params bound and tune a build.
type Params struct {
	// Window is the length of a passage, in units: a document's units are
	// cut into consecutive passages of Window, and two units co-occur when
	// they are in one passage.
	Window int
	// MaxDocs is the size of the sample: of a collection of n documents,
	// each is read with probability MaxDocs/n (by a hash of its ID, so a
	// rebuild reads the same ones).
	MaxDocs int
	// MaxUnitsPerDoc caps the units read of one document (its beginning).
	MaxUnitsPerDoc int
	// MaxUnits caps the vocabulary: units first seen after it is full are
	// not counted.
	MaxUnits int
	// MaxPairs caps the pair counts held: past it, the rarest pairs are
	// dropped (lossy counting), which only loses pairs too rare to keep.
	MaxPairs int
	// MinDF is the passages a unit must occur in to have or be a related
	// term; MinCo the passages a pair must share.
	MinDF, MinCo int
	// MaxShare leaves out units found in more than this share of the
	// passages ("quy dinh", "theo quy"): they go with everything.
	MaxShare float64
	// K is the number of related terms kept per unit, MinScore the
	// smallest NPMI kept.
	K        int
	MinScore float64
}

// DefaultParams are the parameters chosen on the dev sets
// (docs/log/ranking-12-associations.md). Memory: at most MaxUnits vocabulary entries and
// MaxPairs pair counts, about 100 MB at the worst.
var DefaultParams = Params{Window: 32, MaxDocs: 20000, MaxUnitsPerDoc: 2000, MaxUnits: 400_000, MaxPairs: 2_000_000,
	MinDF: 3, MinCo: 3, MaxShare: 0.02, K: 8, MinScore: 0.3}

// Builder counts co-occurrences over a sample of documents.
type Builder struct {
	p       Params
	rate    uint64 // a document is read when hash(id) % rateDen < rate
	ids     map[string]uint32
	units   []string
	df      []uint32
	pairs   map[uint64]uint32
	floor   uint32 // pairs counted at most floor times may have been dropped
	docs    int    // documents offered
	sampled int
	passes  int // passages read
	// buffers of passage
	posIDs, seen []uint32
	keys         []uint64
}

const rateDen = 1 << 20

// NewBuilder returns a builder for a collection of about n documents.
func NewBuilder(p Params, n int) *Builder {
	rate := uint64(rateDen)
	if n > p.MaxDocs && p.MaxDocs > 0 {
		rate = uint64(rateDen) * uint64(p.MaxDocs) / uint64(n)
	}
	return &Builder{p: p, rate: rate, ids: map[string]uint32{}, pairs: map[uint64]uint32{}}
}

// Sampled reports whether the document with this ID is in the sample:
// callers may skip analysing the others.
func (b *Builder) Sampled(id string) bool {
	h := fnv.New64a()
	h.Write([]byte(id))
	return h.Sum64()%rateDen < b.rate
}

// Add counts the units of one document, in text order (the index's folded
// bigram terms), when it is in the sample: units is only called then.
func (b *Builder) Add(id string, units func() []string) {
	b.docs++
	if !b.Sampled(id) {
		return
	}
	b.sampled++
	b.AddUnits(units())
}

// AddUnits counts the units of one document of the sample.
func (b *Builder) AddUnits(units []string) {
	if len(units) > b.p.MaxUnitsPerDoc && b.p.MaxUnitsPerDoc > 0 {
		units = units[:b.p.MaxUnitsPerDoc]
	}
	w := max(b.p.Window, 2)
	for start := 0; start < len(units); start += w {
		b.passage(units[start:min(start+w, len(units))])
	}
	if len(b.pairs) > b.p.MaxPairs && b.p.MaxPairs > 0 {
		b.prune()
	}
}

// passage counts one passage: each distinct unit once, and once each
// pair of units found two places apart or more. Neighbours ("cho ly",
// "ly hon") share a syllable and go together by construction, not by
// meaning: a pair ever seen side by side is marked (adjacent) and never
// related, even when it also occurs further apart.
func (b *Builder) passage(units []string) {
	b.passes++
	ids := b.posIDs[:0]
	for _, u := range units {
		id, ok := b.ids[u]
		if !ok && Learnable(u) && (len(b.units) < b.p.MaxUnits || b.p.MaxUnits <= 0) {
			id, ok = uint32(len(b.units)), true
			b.ids[u] = id
			b.units = append(b.units, u)
			b.df = append(b.df, 0)
		}
		if !ok {
			id = noUnit
		}
		ids = append(ids, id)
	}
	seen := b.seen[:0]
	for _, id := range ids {
		if id != noUnit && !slices.Contains(seen, id) {
			seen = append(seen, id)
			b.df[id]++
		}
	}
	keys := b.keys[:0]
	for i, x := range ids {
		if x == noUnit {
			continue
		}
		for _, y := range ids[min(i+2, len(ids)):] {
			if y != noUnit && y != x {
				keys = append(keys, uint64(min(x, y))<<32|uint64(max(x, y)))
			}
		}
	}
	slices.Sort(keys)
	for i, k := range keys {
		if i == 0 || keys[i-1] != k {
			b.pairs[k]++
		}
	}
	for i := 1; i < len(ids); i++ {
		if x, y := ids[i-1], ids[i]; x != noUnit && y != noUnit && x != y {
			k := uint64(min(x, y))<<32 | uint64(max(x, y))
			b.pairs[k] |= adjacent
		}
	}
	b.posIDs, b.seen, b.keys = ids, seen, keys
}

const (
	noUnit   = math.MaxUint32
	adjacent = 1 << 31 // the mark of a pair seen side by side, in its count
)

// Learnable reports whether a unit may have or be a related term: two
// syllables of letters, neither a lone letter other than "y" (list labels
// "a)", "điểm c") nor a function word ("cua vien", "theo quy"), no digits
// ("dieu 171"). Other units are not counted at all, which also keeps a
// build's work down: function words are a third of the running text.
func Learnable(u string) bool {
	a, c, ok := strings.Cut(u, " ")
	if !ok || functionSyllables[a] || functionSyllables[c] {
		return false
	}
	for _, s := range [2]string{a, c} {
		if len(s) == 1 && s != "y" {
			return false
		}
		for _, r := range s {
			if !unicode.IsLetter(r) {
				return false
			}
		}
	}
	return true
}

// functionSyllables are function words, folded, that fold no content
// word: "hon" (hơn) is also hôn, "do" (đó) also độ, "tai" (tại) also
// tài, so they are not here. (search/stop.go has the stop words of
// queries, accented.)
var functionSyllables = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("va cua la cac nhung duoc cho voi theo ve khong nay de den mot gi nao ai nhieu hoac khi neu phai bi da se nhu rat hay") {
		m[w] = true
	}
	return m
}()

// prune drops the pairs counted floor+1 times or less, raising the floor
// until at most half the cap is held.
func (b *Builder) prune() {
	for len(b.pairs) > b.p.MaxPairs/2 {
		b.floor++
		for k, c := range b.pairs {
			if c&^adjacent <= b.floor {
				delete(b.pairs, k)
			}
		}
	}
}

// Table scores the counted pairs: the K related terms of each unit with
// an NPMI of MinScore at least. It honours ctx between units.
func (b *Builder) Table(ctx context.Context) (*Table, error) {
	n := float64(b.passes)
	t := &Table{Docs: b.docs, Sampled: b.sampled, rel: map[string][]Weighted{}}
	if b.passes == 0 {
		return t, nil
	}
	maxDF := uint32(math.Max(float64(b.p.MinDF), b.p.MaxShare*n))
	ok := func(x uint32) bool { return b.df[x] >= uint32(b.p.MinDF) && b.df[x] <= maxDF }
	lists := map[uint32][]scored{}
	for k, c := range b.pairs {
		if c&adjacent != 0 || c < uint32(b.p.MinCo) {
			continue
		}
		x, y := uint32(k>>32), uint32(k)
		if !ok(x) || !ok(y) {
			continue
		}
		pxy := float64(c) / n
		s := math.Log(pxy/(float64(b.df[x])/n*float64(b.df[y])/n)) / -math.Log(pxy)
		if c == uint32(b.passes) || s < b.p.MinScore {
			continue
		}
		lists[x] = append(lists[x], scored{y, s})
		lists[y] = append(lists[y], scored{x, s})
	}
	for x, l := range lists {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		slices.SortFunc(l, func(a, c scored) int {
			return cmp.Or(cmp.Compare(c.s, a.s), strings.Compare(b.units[a.id], b.units[c.id]))
		})
		l = l[:min(len(l), b.p.K)]
		ws := make([]Weighted, len(l))
		for i, e := range l {
			ws[i] = Weighted{Term: b.units[e.id], Weight: quantize(e.s)}
		}
		t.rel[b.units[x]] = ws
	}
	return t, nil
}

type scored struct {
	id uint32
	s  float64
}

// quantize rounds a weight to the precision the binary form keeps, so a
// decoded table equals the one encoded.
func quantize(w float64) float64 {
	return float64(uint16(math.Round(math.Min(math.Max(w, 0), 1)*weightScale))) / weightScale
}

const weightScale = 65535

// Table is a learned set of associations.
type Table struct {
	// Docs are the documents offered to the builder, Sampled those read.
	Docs, Sampled int
	rel           map[string][]Weighted
}

// Related returns the terms associated with unit, a folded syllable bigram
// as the index holds it ("ly hon"), strongest first; nil for none. A nil
// table has none.
func (t *Table) Related(unit string) []Weighted {
	if t == nil {
		return nil
	}
	return t.rel[unit]
}

// Len is the number of units that have related terms.
func (t *Table) Len() int {
	if t == nil {
		return 0
	}
	return len(t.rel)
}

// Units returns the units that have related terms, sorted.
func (t *Table) Units() []string {
	if t == nil {
		return nil
	}
	us := make([]string, 0, len(t.rel))
	for u := range t.rel {
		us = append(us, u)
	}
	slices.Sort(us)
	return us
}
