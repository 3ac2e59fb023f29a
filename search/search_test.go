package search

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/demo"
	"github.com/vanban/vanban/indexer"
)

// demoSearcher searches an on-disk index of the demo portal's articles,
// the documents the web tests serve (search/web).
func demoSearcher(t testing.TB) *Searcher {
	t.Helper()
	var docs []*corpus.Document
	for _, a := range demo.Articles() {
		d := &corpus.Document{URL: "http://demo.test" + a.Path, Site: "demo", Title: a.Title, Published: a.Published,
			Body: a.Body, Category: a.Category, Type: a.Type, Number: a.Number, Issuer: a.Issuer}
		d.ID = corpus.IDForURL(d.URL)
		docs = append(docs, d)
	}
	return searcherOf(t, docs)
}

// searcherOf searches a new on-disk index of docs, closed at the end of
// the test.
func searcherOf(t testing.TB, docs []*corpus.Document) *Searcher {
	t.Helper()
	ix, err := indexer.Open(filepath.Join(t.TempDir(), "index"), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.Add(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	return New(ix.Bleve(), WithTexts(docTexts(docs)))
}

// TestSearchBodiesError: hits come with their snippets, cut from the
// store's text (the index keeps no body), or the search fails saying why;
// never hits with their snippets silently missing.
func TestSearchBodiesError(t *testing.T) {
	ix := scaleIndex(t, 60)
	store, err := corpus.OpenStore(t.TempDir(), false, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.PutBatch(scaleDocs(60)); err != nil {
		t.Fatal(err)
	}
	req := Request{Query: "chuyển đổi số", Size: 5, TopOnly: true}
	res, err := New(ix.Bleve(), WithTexts(store)).Search(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].Snippet == "" {
		t.Fatalf("healthy store: %d hits, first snippet %q", len(res.Hits), res.Hits[0].Snippet)
	}
	stored := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery([]string{res.Hits[0].ID}), 1, 0, false)
	stored.Fields = []string{indexer.FieldBody, indexer.FieldTitle}
	if r, err := ix.Bleve().Search(stored); err != nil || len(r.Hits) != 1 ||
		indexer.Stored(r.Hits[0].Fields, indexer.FieldBody) != "" || indexer.Stored(r.Hits[0].Fields, indexer.FieldTitle) == "" {
		t.Errorf("the index stores the body (or lost the title): %v, %v", r, err)
	}
	store.Close() // a store that fails: bbolt's "database not open"
	res, err = New(ix.Bleve(), WithTexts(store)).Search(context.Background(), req)
	if err == nil || !strings.Contains(err.Error(), "snippets") || !strings.Contains(err.Error(), "database not open") {
		t.Fatalf("bodies failing: result %v, error %v; want the error, naming the snippets", res, err)
	}
}
