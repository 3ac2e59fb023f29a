package assoc

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// small are parameters for collections of a few hundred passages.
var small = Params{Window: 32, MaxDocs: 10000, MaxUnitsPerDoc: 2000, MaxUnits: 100000, MaxPairs: 1 << 20,
	MinDF: 3, MinCo: 3, MaxShare: 0.05, K: 8, MinScore: 0.3}

// filler are documents of bigrams that go with nothing in particular.
func filler(rng *rand.Rand, n int) [][]string {
	var docs [][]string
	for range n {
		var d []string
		for range 10 + rng.IntN(20) {
			d = append(d, fill(rng.IntN(300), rng.IntN(300)))
		}
		docs = append(docs, d)
	}
	return docs
}

// fill is a filler unit of two made-up syllables of letters.
func fill(a, b int) string {
	return fmt.Sprintf("w%c%c x%c%c", 'a'+a/26, 'a'+a%26, 'a'+b/26, 'a'+b%26)
}

func build(t testing.TB, p Params, docs [][]string) *Table {
	t.Helper()
	b := NewBuilder(p, len(docs))
	for i, d := range docs {
		b.Add(fmt.Sprint("doc", i), func() []string { return d })
	}
	tb, err := b.Table(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

func terms(ws []Weighted) []string {
	var out []string
	for _, w := range ws {
		out = append(out, w.Term)
	}
	return out
}

// TestLearns: units that share passages are related, both ways; units
// that meet only side by side are not; a pair seen fewer than MinCo times
// is not.
func TestLearns(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	docs := filler(rng, 400)
	for range 4 {
		// "ly hon" … "cham dut" apart; "cho ly" always its neighbour
		docs = append(docs, []string{"cho ly", "ly hon", fill(1, 1), "cham dut", fill(2, 2)})
	}
	docs = append(docs, []string{"ly hon", fill(3, 3), "mot lan"}, []string{"mot lan", fill(4, 4), fill(5, 5)})
	tb := build(t, small, docs)
	got := terms(tb.Related("ly hon"))
	if !slices.Contains(got, "cham dut") {
		t.Errorf("related(ly hon) = %v, want cham dut", got)
	}
	if !slices.Contains(terms(tb.Related("cham dut")), "ly hon") {
		t.Errorf("related(cham dut) = %v, want ly hon", tb.Related("cham dut"))
	}
	for _, bad := range []string{"cho ly", "mot lan"} {
		if slices.Contains(got, bad) {
			t.Errorf("related(ly hon) = %v, has %q", got, bad)
		}
	}
	for _, w := range tb.Related("ly hon") {
		if w.Weight <= 0 || w.Weight > 1 {
			t.Errorf("weight %v out of (0, 1]", w)
		}
	}
}

// TestTooCommon: a unit in more than MaxShare of the passages relates to
// nothing and is nobody's related term.
func TestTooCommon(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	docs := filler(rng, 200)
	for i := range docs {
		docs[i] = append(docs[i], "quy dinh")
	}
	for range 4 {
		docs = append(docs, []string{"ly hon", fill(1, 1), "cham dut", "quy dinh"})
	}
	tb := build(t, small, docs)
	if r := tb.Related("quy dinh"); r != nil {
		t.Errorf("related(quy dinh) = %v, want none", r)
	}
	if slices.Contains(terms(tb.Related("ly hon")), "quy dinh") {
		t.Errorf("related(ly hon) = %v, has quy dinh", tb.Related("ly hon"))
	}
}

// TestBounded: the pair counts and the vocabulary stay within their caps
// however many documents come, and a pair seen often survives pruning.
func TestBounded(t *testing.T) {
	p := small
	p.MaxPairs, p.MaxUnits = 5000, 2000
	rng := rand.New(rand.NewPCG(5, 6))
	b := NewBuilder(p, 3000)
	for i := range 3000 {
		d := filler(rng, 1)[0]
		if i%40 == 0 {
			d = append([]string{"ly hon", fill(0, 0)}, append(d[:5:5], "cham dut")...)
		}
		b.Add(fmt.Sprint(i), func() []string { return d })
		if len(b.pairs) > p.MaxPairs {
			t.Fatalf("doc %d: %d pairs held, cap %d", i, len(b.pairs), p.MaxPairs)
		}
	}
	if len(b.units) > p.MaxUnits {
		t.Errorf("%d units, cap %d", len(b.units), p.MaxUnits)
	}
	if b.floor == 0 {
		t.Error("never pruned: the test does not reach the cap")
	}
	tb, err := b.Table(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(terms(tb.Related("ly hon")), "cham dut") {
		t.Errorf("related(ly hon) = %v after pruning, want cham dut", tb.Related("ly hon"))
	}
}

// TestSample: of a collection larger than MaxDocs about MaxDocs documents
// are read, the same ones every time.
func TestSample(t *testing.T) {
	p := small
	p.MaxDocs = 1000
	b := NewBuilder(p, 10000)
	var first []string
	for i := range 10000 {
		id := fmt.Sprint("d", i)
		b.Add(id, func() []string { return []string{"a b"} })
		if b.Sampled(id) {
			first = append(first, id)
		}
	}
	if b.sampled < 800 || b.sampled > 1200 {
		t.Errorf("sampled %d of 10000, want about 1000", b.sampled)
	}
	b2 := NewBuilder(p, 10000)
	var again []string
	for i := range 10000 {
		if id := fmt.Sprint("d", i); b2.Sampled(id) {
			again = append(again, id)
		}
	}
	if !slices.Equal(first, again) {
		t.Error("the sample differs between two builds")
	}
}

// TestCanceled: a build stops when its context ends.
func TestCanceled(t *testing.T) {
	b := NewBuilder(small, 400)
	for _, d := range filler(rand.New(rand.NewPCG(1, 1)), 300) {
		b.AddUnits(d)
	}
	for range 4 {
		b.AddUnits([]string{"ly hon", fill(1, 1), "cham dut"})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := b.Table(ctx); err == nil {
		t.Error("a canceled build returned a table")
	}
	if tb, err := b.Table(context.Background()); err != nil || tb.Len() == 0 {
		t.Errorf("the same build, not canceled: %v, %d units", err, tb.Len())
	}
}

func TestRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	docs := filler(rng, 300)
	for range 5 {
		docs = append(docs, []string{"ly hon", fill(1, 1), "cham dut", "tien luong", fill(2, 2), "che do"})
	}
	tb := build(t, small, docs)
	if tb.Len() == 0 {
		t.Fatal("empty table")
	}
	raw, err := tb.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode(raw)
	if err != nil {
		t.Fatal(err)
	}
	if got.Docs != tb.Docs || got.Sampled != tb.Sampled || !slices.Equal(got.Units(), tb.Units()) {
		t.Fatalf("decoded %d/%d %v, want %d/%d %v", got.Docs, got.Sampled, got.Units(), tb.Docs, tb.Sampled, tb.Units())
	}
	for _, u := range tb.Units() {
		if !slices.Equal(got.Related(u), tb.Related(u)) {
			t.Errorf("%s: decoded %v, want %v", u, got.Related(u), tb.Related(u))
		}
	}
	// every damage is an error, never a panic
	for i := range raw {
		bad := slices.Clone(raw)
		bad[i] ^= 0x55
		if _, err := Decode(bad); err == nil {
			t.Errorf("byte %d changed: no error", i)
		}
	}
	for n := range len(raw) {
		if _, err := Decode(raw[:n]); err == nil {
			t.Errorf("cut to %d bytes: no error", n)
		}
	}
	v := slices.Clone(raw)
	v[len(magic)] = version + 1
	if _, err := Decode(v); err == nil || !strings.Contains(err.Error(), "version") {
		t.Errorf("other version: %v", err)
	}
}

func FuzzDecode(f *testing.F) {
	tb := build(f, small, append(filler(rand.New(rand.NewPCG(9, 9)), 200),
		[]string{"ly hon", fill(1, 1), "cham dut"}, []string{"ly hon", fill(1, 1), "cham dut"}, []string{"ly hon", fill(1, 1), "cham dut"}))
	raw, _ := tb.MarshalBinary()
	f.Add(raw)
	empty, _ := (&Table{}).MarshalBinary()
	f.Add(empty)
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := Decode(data)
		if err != nil {
			return
		}
		// what decodes encodes back to the same bytes
		again, err := got.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(again, data) {
			t.Errorf("re-encoded %x, read %x", again, data)
		}
	})
}

// BenchmarkBuilder counts the passages of documents of 600 units (a long
// article), as a build does for each sampled document.
func BenchmarkBuilder(b *testing.B) {
	rng := rand.New(rand.NewPCG(11, 12))
	var docs [][]string
	for range 200 {
		var d []string
		for range 600 {
			d = append(d, fill(rng.IntN(600), rng.IntN(50)))
		}
		docs = append(docs, d)
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		bl := NewBuilder(DefaultParams, len(docs))
		for _, d := range docs {
			bl.AddUnits(d)
		}
		n += len(docs)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
}
