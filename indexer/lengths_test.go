package indexer

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/corpus"
)

// analyzedLengths is the total analyzed length of each indexed field over
// docs, counted from bleve's own analysis of each document, independently
// of Stats.
func analyzedLengths(t *testing.T, m mapping.IndexMapping, docs []*corpus.Document) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, d := range docs {
		doc, err := Document(m, d)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range doc.Fields {
			if f.Name() == FieldLengths || !f.Options().IsIndexed() {
				continue
			}
			f.Analyze()
			out[f.Name()] += f.AnalyzedLength()
		}
	}
	return out
}

// TestStatsExact: the statistics are the live documents' count and total
// analyzed field lengths, after updates and deletions in several batches
// (several segments, deleted documents in them) and after a merge into one
// segment; an index written without field lengths is refused.
func TestStatsExact(t *testing.T) {
	docs := []*corpus.Document{
		{ID: "a", Title: "Nghị quyết số 154/NQ-CP", Body: "Về phát triển kinh tế - xã hội tỉnh. Hoà bình."},
		{ID: "b", Title: "Kế hoạch triển khai", Body: "Triển khai Nghị quyết số 154/NQ-CP ngày 23/11/2022 của Chính phủ."},
		{ID: "c", Title: "Tin thể thao", Body: "Giải bóng đá thiếu niên nhi đồng toàn tỉnh lần thứ nhất."},
		{ID: "d", Title: "Quyết định", Body: "Ban hành quy chế tiếp công dân."},
	}
	ix, err := Open(filepath.Join(t.TempDir(), "index"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	for _, d := range docs { // one batch (segment) each
		if err := ix.Add(ctx, []*corpus.Document{d}); err != nil {
			t.Fatal(err)
		}
	}
	changed := &corpus.Document{ID: "c", Title: "Tin thể thao", Body: "Giải bơi lội."}
	if err := ix.Add(ctx, []*corpus.Document{changed}); err != nil {
		t.Fatal(err)
	}
	if err := ix.Bleve().Delete("a"); err != nil {
		t.Fatal(err)
	}
	live := []*corpus.Document{docs[1], changed, docs[3]}
	m := ix.Bleve().Mapping()
	check := func(when string) {
		t.Helper()
		r, err := readerOf(ix.Bleve())
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		st, err := Stats(r)
		if err != nil {
			t.Fatal(err)
		}
		if st.DocCount != float64(len(live)) {
			t.Errorf("%s: DocCount %v, want %d", when, st.DocCount, len(live))
		}
		want := analyzedLengths(t, m, live)
		if want[FieldBody] == 0 || want[FieldTitleFold] == 0 {
			t.Fatalf("no lengths counted: %v", want)
		}
		for f, n := range want {
			if st.FieldCardinality[f] != n {
				t.Errorf("%s: %s total length %d, want %d", when, f, st.FieldCardinality[f], n)
			}
		}
		for _, f := range []string{FieldTitleSort, "*"} {
			if _, ok := st.FieldCardinality[f]; !ok {
				t.Errorf("%s: no statistics for field %q", when, f)
			}
		}
	}
	check("segments with deletions")
	if err := ix.Compact(ctx); err != nil {
		t.Fatal(err)
	}
	check("one segment")

	plain, err := bleve.New(filepath.Join(t.TempDir(), "plain"), NewMapping())
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	if err := plain.Index("x", Fields(docs[0])); err != nil {
		t.Fatal(err)
	}
	r, err := readerOf(plain)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := Stats(r); !errors.Is(err, ErrNoLengths) {
		t.Errorf("Stats of an index without field lengths: %v, want ErrNoLengths", err)
	}
}

func readerOf(idx bleve.Index) (index.IndexReader, error) {
	adv, err := idx.Advanced()
	if err != nil {
		return nil, err
	}
	return adv.Reader()
}

// TestLengthTermsRoundTrip: the terms of a length add up to it, one term
// per base-16 digit that is not 0, each read back by parseLengthTerm; the
// mark and terms no lengthTerm makes are told apart.
func TestLengthTermsRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		n     int
		terms int
	}{
		{0, 0}, {1, 1}, {15, 1}, {16, 1}, {17, 2}, {255, 2}, {256, 1}, {257, 2},
		{4095, 3}, {4096, 1}, {65535, 4}, {65536, 1}, {1<<40 + 3, 2},
	} {
		var got []string
		lengthTerms(FieldBody, tc.n, func(s string) { got = append(got, s) })
		if len(got) != tc.terms {
			t.Errorf("%d: %d terms %q, want %d", tc.n, len(got), got, tc.terms)
		}
		sum := 0
		for _, term := range got {
			f, amount, ok, err := parseLengthTerm(term)
			if err != nil || !ok || f != FieldBody {
				t.Fatalf("%d: parse %q: %q %v %v", tc.n, term, f, ok, err)
			}
			sum += amount
		}
		if sum != tc.n {
			t.Errorf("%d: terms %q add up to %d", tc.n, got, sum)
		}
	}
	if _, _, ok, err := parseLengthTerm(lengthsMark); ok || err != nil {
		t.Errorf("the mark: ok %v, err %v", ok, err)
	}
	for _, bad := range []string{"body:5", "body", ":1:1", "body:1:0", "body:1:16", "body:-1:3", "body:11:1", "body:x:1", "body:1:x"} {
		if _, _, _, err := parseLengthTerm(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// lengthsBody is a body of n words of Vietnamese, each one token of the
// exact body view.
func lengthsBody(n int, r *rand.Rand) string {
	words := strings.Fields("phát triển kinh tế xã hội tỉnh hoà bình nghị quyết chính phủ ban hành quy chế tiếp công dân giải bóng đá thiếu niên nhi đồng")
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[r.IntN(len(words))])
	}
	return b.String()
}

// TestStatsExactLengths: the statistics are the live documents' exact
// total field lengths for bodies whose lengths sit on the edges of base
// 16's digits (0, 1, 15, 16, 255, 256, 65535 tokens) and for many
// documents of random lengths, written online in several batches
// (several segments) with updates and deletions, after a merge into one
// segment, and built by the offline builder.
func TestStatsExactLengths(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 16))
	edges := []int{0, 1, 15, 16, 255, 256, 65535}
	var docs []*corpus.Document
	for i, n := range edges {
		docs = append(docs, &corpus.Document{ID: fmt.Sprintf("edge%d", i), URL: fmt.Sprintf("http://l/edge%d", i),
			Title: "Quyết định " + lengthsBody(i, r), Body: lengthsBody(n, r)})
	}
	random := 300
	if testing.Short() {
		random = 80 // the race run (-short): the edges and the segment layout stay, fewer random bodies
	}
	for i := range random {
		n := r.IntN(5000)
		if i%7 == 0 {
			n = r.IntN(20)
		}
		docs = append(docs, &corpus.Document{ID: fmt.Sprintf("d%d", i), URL: fmt.Sprintf("http://l/d%d", i),
			Title: lengthsBody(1+r.IntN(30), r), Body: lengthsBody(n, r)})
	}
	m := NewMapping()
	// the edges are the body's own lengths, not near them
	for i, n := range edges {
		doc, err := Document(m, docs[i])
		if err != nil {
			t.Fatal(err)
		}
		got := 0
		for _, f := range doc.Fields {
			if f.Name() == FieldBody {
				f.Analyze()
				got += f.AnalyzedLength()
			}
		}
		if got != n {
			t.Fatalf("body of %d words: analyzed length %d", n, got)
		}
	}
	check := func(t *testing.T, ix *Index, live []*corpus.Document, when string) {
		t.Helper()
		checkLengthStats(t, ix, m, live, when)
	}
	ctx := context.Background()

	t.Run("online", func(t *testing.T) {
		ix, err := Open(filepath.Join(t.TempDir(), "index"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		for i := 0; i < len(docs); i += 40 { // several segments
			if err := ix.Add(ctx, docs[i:min(i+40, len(docs))]); err != nil {
				t.Fatal(err)
			}
		}
		live := map[string]*corpus.Document{}
		for _, d := range docs {
			live[d.ID] = d
		}
		liveDocs := func() []*corpus.Document {
			var out []*corpus.Document
			for _, d := range docs {
				if l, ok := live[d.ID]; ok {
					out = append(out, l)
				}
			}
			return out
		}
		check(t, ix, liveDocs(), "several segments")
		// updates: the 65535-token body shrinks to 256, others change
		var changed []*corpus.Document
		for i, d := range docs {
			if i == 6 || i%11 == 3 {
				c := *d
				c.Body = lengthsBody(map[bool]int{true: 256, false: r.IntN(3000)}[i == 6], r)
				live[d.ID] = &c
				changed = append(changed, &c)
			}
		}
		if err := ix.Add(ctx, changed); err != nil {
			t.Fatal(err)
		}
		for i, d := range docs {
			if i == 4 || i%13 == 5 {
				if err := ix.Bleve().Delete(d.ID); err != nil {
					t.Fatal(err)
				}
				delete(live, d.ID)
			}
		}
		check(t, ix, liveDocs(), "updates and deletions")
		if err := ix.Compact(ctx); err != nil {
			t.Fatal(err)
		}
		check(t, ix, liveDocs(), "after a merge")
	})

	t.Run("offline builder", func(t *testing.T) {
		dir := t.TempDir()
		store, err := corpus.OpenStore(dir, false, time.Second)
		if err != nil {
			t.Fatal(err)
		}
		defer store.Close()
		if _, err := store.PutBatch(docs); err != nil {
			t.Fatal(err)
		}
		if _, err := Build(ctx, DirFor(dir), store, BuildOptions{BatchDocs: 50}); err != nil {
			t.Fatal(err)
		}
		ix, err := Open(DirFor(dir), Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		var stored []*corpus.Document
		for _, d := range docs {
			s, err := store.Get(d.ID)
			if err != nil {
				t.Fatal(err)
			}
			stored = append(stored, s)
		}
		check(t, ix, stored, "built")
	})
}

// checkLengthStats checks Stats of ix's current snapshot against the
// analyzed lengths of the live documents (mapping m): the document count
// and every field's total both ways (no field missing, none extra). It
// returns the totals it expected.
func checkLengthStats(t *testing.T, ix *Index, m mapping.IndexMapping, live []*corpus.Document, when string) map[string]int {
	t.Helper()
	rd, err := readerOf(ix.Bleve())
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	st, err := Stats(rd)
	if err != nil {
		t.Fatal(err)
	}
	if st.DocCount != float64(len(live)) {
		t.Errorf("%s: DocCount %v, want %d", when, st.DocCount, len(live))
	}
	want := analyzedLengths(t, m, live)
	for f, n := range want {
		if st.FieldCardinality[f] != n {
			t.Errorf("%s: %s total length %d, want %d", when, f, st.FieldCardinality[f], n)
		}
	}
	for f, n := range st.FieldCardinality {
		if n != want[f] {
			t.Errorf("%s: %s total length %d, want %d", when, f, n, want[f])
		}
	}
	return want
}
