package search

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
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
	return New(ix.Bleve())
}

// bodiesFail is a real index whose stored-body requests fail, as they do
// when a segment file goes missing under a running server.
type bodiesFail struct{ bleveIndex }

// bleveIndex names the embedded bleve.Index, whose own field name would clash
// with its method Index.
type bleveIndex = bleve.Index

var errBodies = errors.New("segment file missing")

func (f bodiesFail) SearchInContext(ctx context.Context, req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	if slices.Contains(req.Fields, indexer.FieldBody) {
		return nil, errBodies
	}
	return f.bleveIndex.SearchInContext(ctx, req)
}

// TestSearchBodiesError: hits come with their snippets, or the search
// fails saying why; never hits with their snippets silently missing.
func TestSearchBodiesError(t *testing.T) {
	ix := scaleIndex(t, 60)
	req := Request{Query: "chuyển đổi số", Size: 5, TopOnly: true}
	res, err := New(ix.Bleve()).Search(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].Snippet == "" {
		t.Fatalf("healthy index: %d hits, first snippet %q", len(res.Hits), res.Hits[0].Snippet)
	}
	res, err = New(bodiesFail{ix.Bleve()}).Search(context.Background(), req)
	if !errors.Is(err, errBodies) || !strings.Contains(err.Error(), "snippets") {
		t.Fatalf("bodies failing: result %v, error %v; want the error, naming the snippets", res, err)
	}
}
