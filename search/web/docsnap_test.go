package web

import (
	"context"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/search"
)

// TestIndexRelationsOneSnapshot: the document page's two index passes
// (the documents it cites, those citing it) read one snapshot: a plan
// citing it, written to the index between them (search.WithPassHook),
// is not listed by this page, and is by the next. Before, each pass read
// the newest snapshot.
func TestIndexRelationsOneSnapshot(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	store, err := corpus.OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	parent := &corpus.Document{ID: "cp", URL: "http://rel.test/cp", Type: "Nghị quyết", Number: "5/NQ-CP", Title: "Nghị quyết số 5/NQ-CP", Body: "Chương trình hành động."}
	res := &corpus.Document{ID: "r", URL: "http://rel.test/r", Type: "Nghị quyết", Number: "77/NQ-HĐND", Title: "Nghị quyết số 77/NQ-HĐND về giao thông nông thôn",
		Body: "Căn cứ Nghị quyết số 5/NQ-CP, phát triển giao thông nông thôn, bê tông hóa đường xã."}
	late := &corpus.Document{ID: "p", URL: "http://rel.test/p", Type: "Kế hoạch", Number: "99/KH-UBND", Title: "Kế hoạch số 99/KH-UBND",
		Body: "Thực hiện Nghị quyết số 77/NQ-HĐND, bê tông hóa đường giao thông nông thôn tại các xã."}
	for _, d := range []*corpus.Document{parent, res, late} {
		if _, err := store.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := indexer.Open(filepath.Join(dir, "index"), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Add(ctx, []*corpus.Document{parent, res}); err != nil {
		t.Fatal(err)
	}
	written := false
	s := search.New(ix.Bleve(), search.WithTexts(store), search.WithPassHook(func(pass string) {
		if pass == "snapshot" && !written {
			written = true
			if err := ix.Add(ctx, []*corpus.Document{late}); err != nil {
				t.Error(err)
			}
		}
	}))
	h := NewHandler(s, docsOnly{store}, slog.New(slog.DiscardHandler))
	refs, citedBy := h.indexRelations(ctx, res)
	if !written {
		t.Fatal("the hook never ran")
	}
	if len(refs) != 1 || refs[0].DocID != "cp" {
		t.Errorf("references = %+v, want cp", refs)
	}
	if len(citedBy) != 0 {
		t.Errorf("cited by %+v, written after the page's first pass", citedBy)
	}
	if _, citedBy = h.indexRelations(ctx, res); len(citedBy) != 1 || citedBy[0].ID != "p" {
		t.Errorf("the next page: cited by %+v, want p", citedBy)
	}
}
