package search

import (
	"os"
	"sync"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
)

// fixtureSet holds the read-only indexes this test binary's tests share,
// built on first use (scaleIndex) in one directory that TestMain removes.
// No test writes to them (they are opened read-only), so sharing them
// changes no result: each is built once instead of once a test.
type fixtureSet struct {
	mu    sync.Mutex
	path  string
	scale map[int]*indexer.Index // scaleIndex(n), by n
}

var fixtures = &fixtureSet{scale: map[int]*indexer.Index{}}

// dir is the fixtures' directory, made on first use; the caller holds mu.
func (f *fixtureSet) dir(t testing.TB) string {
	t.Helper()
	if f.path == "" {
		p, err := os.MkdirTemp("", "vanban-search-fixtures-")
		if err != nil {
			t.Fatal(err)
		}
		f.path = p
	}
	return f.path
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, ix := range fixtures.scale {
		ix.Close()
	}
	if fixtures.path != "" {
		os.RemoveAll(fixtures.path)
	}
	os.Exit(code)
}

// docTexts are docs as the store gives them: where a Searcher reads the
// body's positions (WithTexts) and the hits' display fields (Records).
func docTexts(docs []*corpus.Document) DocMap {
	m := make(DocMap, len(docs))
	for _, d := range docs {
		m[d.ID] = d
	}
	return m
}

// scaleTexts are the texts of scaleIndex(n)'s documents.
func scaleTexts(n int) DocMap { return docTexts(scaleDocs(n)) }
