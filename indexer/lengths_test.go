package indexer

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

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
