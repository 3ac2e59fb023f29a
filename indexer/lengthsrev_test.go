package indexer

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// TestStatsFifthDigit: bodies whose lengths need a fifth base-16 digit
// (16^4 and 16^4+16^3+1 tokens), beside a document without a body and one
// whose body analyses to no token, in separate segments, with the long one
// updated to a shorter body and another deleted: the totals are the live
// documents' exact lengths, before and after a merge.
func TestStatsFifthDigit(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 4))
	docs := []*corpus.Document{
		{ID: "p", URL: "http://l/p", Title: "Nghị quyết", Body: lengthsBody(1<<16, r)},
		{ID: "q", URL: "http://l/q", Title: "Quyết định", Body: lengthsBody(1<<16+1<<12+1, r)},
		{ID: "e", URL: "http://l/e", Title: "Thông báo không có nội dung"},
		{ID: "z", URL: "http://l/z", Title: "Công văn", Body: " - . "},
		{ID: "s", URL: "http://l/s", Title: "Kế hoạch", Body: lengthsBody(17, r)},
	}
	ix, err := Open(filepath.Join(t.TempDir(), "index"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	for _, d := range docs {
		if err := ix.Add(ctx, []*corpus.Document{d}); err != nil {
			t.Fatal(err)
		}
	}
	m := ix.Bleve().Mapping()
	check := func(when string, live []*corpus.Document) {
		t.Helper()
		want := checkLengthStats(t, ix, m, live, when)
		if want[FieldBody] < 1<<17 && when == "five digits" {
			t.Fatalf("%s: body total %d: the long bodies are not that long", when, want[FieldBody])
		}
	}
	check("five digits", docs)
	shorter := &corpus.Document{ID: "q", URL: "http://l/q", Title: "Quyết định", Body: lengthsBody(300, r)}
	if err := ix.Add(ctx, []*corpus.Document{shorter}); err != nil {
		t.Fatal(err)
	}
	if err := ix.Bleve().Delete("p"); err != nil {
		t.Fatal(err)
	}
	live := []*corpus.Document{shorter, docs[2], docs[3], docs[4]}
	check("updated and deleted", live)
	if err := ix.Compact(ctx); err != nil {
		t.Fatal(err)
	}
	check("one segment", live)
}
