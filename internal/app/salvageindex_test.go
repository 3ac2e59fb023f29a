package app

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
)

// TestSalvageInterruptedIndex: a salvage gives the records new sequences
// (in their old order, from 1), so the index built from the damaged store
// no longer describes the salvaged one. Interrupted after the store is
// salvaged and before the index is rebuilt (a kill, a power cut), the next
// serve must not read the old index as merely "behind": here it was built
// at sequence 10, five of its documents were edited after and thirty
// added; renumbered, the edits fall at sequences 6–10, which a catch-up
// from 10 never reads again, and their old text would be served.
func TestSalvageInterruptedIndex(t *testing.T) {
	data := t.TempDir()
	store, err := corpus.OpenStore(data, false, 0)
	if err != nil {
		t.Fatal(err)
	}
	put := func(i int, topic string) {
		t.Helper()
		d := &corpus.Document{URL: fmt.Sprintf("https://so.example.vn/van-ban/%d", i), Title: fmt.Sprintf("Kế hoạch số %d/KH-UBND", i),
			Body: fmt.Sprintf("Kế hoạch số %d/KH-UBND về %s năm 2030. Sở Nội vụ chủ trì tổ chức thực hiện.", i, topic)}
		if _, err := store.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 10 {
		put(i, "cải cách hành chính")
	}
	ix, err := indexer.Open(indexer.DirFor(data), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Sync(t.Context(), store, nil); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	for i := range 5 {
		put(i, "chuyển đổi số") // edited after the index was built
	}
	for i := 10; i < 40; i++ {
		put(i, "cải cách hành chính")
	}
	store.Close()

	if _, err := salvageStore(t.Context(), filepath.Join(data, "store.db"), data, nil); err != nil {
		t.Fatal(err)
	}
	// interrupted here; the next serve opens both and catches up
	e := &Env{Data: data, Stdout: io.Discard, Stderr: io.Discard}
	store, ix, err = openData(context.Background(), e, false)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	defer ix.Close()
	if err := catchUp(context.Background(), e, store, ix, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	count := func(q string) uint64 {
		m := bleve.NewMatchQuery(q)
		m.SetField(indexer.FieldBodyFold)
		r, err := ix.Bleve().Search(bleve.NewSearchRequest(m))
		if err != nil {
			t.Fatal(err)
		}
		return r.Total
	}
	edited, old := count("chuyen doi"), count("cai cach")
	if n, _ := ix.DocCount(); n != 40 || edited != 5 || old != 35 {
		t.Errorf("after an interrupted salvage and a catch-up: %d documents indexed, %d with their edited text, %d with the text before; want 40, 5 and 35", n, edited, old)
	}
}
