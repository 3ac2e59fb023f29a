package indexer_test

import (
	"context"
	"path/filepath"
	"testing"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/indexer"
)

// TestIndexStoresNoText: the text is stored once, in the corpus store
// (issue 21): an index written by the online path (Sync) and one written
// by the offline builder (Build) keep no stored field of any document —
// snippets, document pages and exports read the store — and the mapping
// stores none.
func TestIndexStoresNoText(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	store := openStore(t, filepath.Join(dir, "data"))
	docs := buildDocs(40, 1) // the demo's articles and 40 documents of its sentences
	put(t, store, docs)
	online := open(t, filepath.Join(dir, "online"))
	if _, err := online.Sync(ctx, store, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := indexer.Build(ctx, filepath.Join(dir, "built"), store, indexer.BuildOptions{Workers: 1}); err != nil {
		t.Fatal(err)
	}
	built := open(t, filepath.Join(dir, "built"))
	for _, ix := range []*indexer.Index{online, built} {
		n := 0
		for _, d := range docs {
			doc, err := ix.Bleve().Document(d.ID)
			if err != nil {
				t.Fatal(err)
			}
			if doc == nil {
				continue // over BuildMaxDocBytes: the builder leaves it to Sync
			}
			n++
			doc.VisitFields(func(f index.Field) {
				if f.Name() != "_id" {
					t.Errorf("%s: document %s has a stored field %q (%d bytes)", ix.Path(), d.ID, f.Name(), len(f.Value()))
				}
			})
		}
		if n < len(docs)/2 {
			t.Errorf("%s: %d of %d documents found: the check says little", ix.Path(), n, len(docs))
		}
	}
	m := indexer.NewMapping()
	for name, fields := range m.DefaultMapping.Properties {
		for _, f := range fields.Fields {
			if f.Store {
				t.Errorf("the mapping stores field %s (%s)", name, f.Name)
			}
		}
	}
}
