package search

import (
	"context"
	"fmt"
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
	stored.Fields = []string{"*"}
	if r, err := ix.Bleve().Search(stored); err != nil || len(r.Hits) != 1 || len(r.Hits[0].Fields) != 0 {
		t.Errorf("the index stores fields (the store keeps them): %v, %v", r, err)
	}
	store.Close() // a store that fails: bbolt's "database not open"
	res, err = New(ix.Bleve(), WithTexts(store)).Search(context.Background(), req)
	if err == nil || !strings.Contains(err.Error(), "snippets") || !strings.Contains(err.Error(), "database not open") {
		t.Fatalf("bodies failing: result %v, error %v; want the error, naming the snippets", res, err)
	}
}

// TestSearchDisplayFromStore: the index stores no display field; a hit's
// title, URL, date, type, number, issuer and site are its document's in
// the store, and a hit whose document the store lacks is degraded to its
// ID and score (no display fields, no snippet), never a failed page.
func TestSearchDisplayFromStore(t *testing.T) {
	ix := scaleIndex(t, 60)
	docs := scaleDocs(60)
	byID := docTexts(docs)
	req := Request{Query: "chuyển đổi số", Size: 10, TopOnly: true}
	res, err := New(ix.Bleve(), WithTexts(byID)).Search(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) < 2 {
		t.Fatalf("%d hits, want at least 2", len(res.Hits))
	}
	for _, h := range res.Hits {
		d := byID[h.ID]
		got := []string{h.Title, h.URL, h.Published, h.Type, h.Number, h.Issuer, h.Site}
		want := []string{d.Title, d.URL, d.Published, d.Type, d.Number, d.Issuer, d.Site}
		if h.Title == "" || h.URL == "" || fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("hit %s shows %q, its document %q", h.ID, got, want)
		}
	}
	missing := res.Hits[0].ID
	partial := DocMap{}
	for id, d := range byID {
		if id != missing {
			partial[id] = d
		}
	}
	res2, err := New(ix.Bleve(), WithTexts(partial)).Search(context.Background(), req)
	if err != nil {
		t.Fatalf("a document missing from the store failed the page: %v", err)
	}
	if len(res2.Hits) != len(res.Hits) || res2.Hits[0].ID != missing || res2.Hits[0].Title != "" || res2.Hits[0].Snippet != "" ||
		res2.Hits[1].Title != res.Hits[1].Title {
		t.Errorf("missing record: hits %+v, want the first degraded to its ID, the others whole", res2.Hits[:2])
	}
	// Texts that are not Records (an evaluation's bodies): same ranking, no display fields
	bodies := TextMap{}
	for _, d := range docs {
		bodies[d.ID] = d.FullBody()
	}
	res3, err := New(ix.Bleve(), WithTexts(bodies)).Search(context.Background(), req)
	if err != nil || len(res3.Hits) != len(res.Hits) || res3.Hits[0].ID != res.Hits[0].ID || res3.Hits[0].Title != "" {
		t.Errorf("bodies only: %+v, %v", res3.Hits, err)
	}
}
