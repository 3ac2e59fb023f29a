package search

import (
	"context"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
)

// TestInForceFilter indexes documents from a store (indexer.Sync, which
// adds each document's effect span) and filters on "còn hiệu lực" at
// several times, by bleve's evaluation and by the top-k engine alike.
func TestInForceFilter(t *testing.T) {
	dir := t.TempDir()
	store, err := corpus.OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	docs := []*corpus.Document{
		{ID: "old", Number: "08/2024/QĐ-UBND", Published: "2024-03-01", Title: "Quyết định số 08/2024/QĐ-UBND ban hành Quy chế quản lý cụm công nghiệp",
			Body: "Quy chế quản lý cụm công nghiệp trên địa bàn tỉnh. Quyết định này có hiệu lực từ ngày 15/3/2024."},
		{ID: "new", Number: "15/2025/QĐ-UBND", Published: "2025-06-10", Title: "Quyết định số 15/2025/QĐ-UBND ban hành Quy chế quản lý cụm công nghiệp",
			Body: "Quy chế quản lý cụm công nghiệp mới. Quyết định này có hiệu lực từ ngày 01/7/2025 và thay thế Quyết định số 08/2024/QĐ-UBND."},
		{ID: "news", Published: "2025-06-12", Title: "Hội nghị về quản lý cụm công nghiệp", Body: "Tin hội nghị về cụm công nghiệp."},
	}
	for _, d := range docs {
		if _, err := store.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := indexer.Open(filepath.Join(dir, "index"), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, err := ix.Sync(context.Background(), store, nil); err != nil {
		t.Fatal(err)
	}
	s := New(ix.Bleve())
	for _, c := range []struct {
		at   string
		want []string
	}{
		{"2024-01-01", nil},
		{"2024-06-01", []string{"old"}},
		{"2025-06-30", []string{"old"}}, // the replacing decision not yet in force
		{"2025-07-01", []string{"new"}},
	} {
		at, _ := time.Parse("2006-01-02", c.at)
		for _, topOnly := range []bool{false, true} {
			res, err := s.Search(context.Background(), Request{Query: "cụm công nghiệp", Size: 10, TopOnly: topOnly, Facets: topOnly,
				Filters: Filters{InForce: true, At: at}})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.ID)
			}
			sort.Strings(got)
			if len(got) != len(c.want) || (len(got) > 0 && got[0] != c.want[0]) || int(res.Total) != len(c.want) {
				t.Errorf("in force on %s (top-k %v): %v (total %d), want %v", c.at, topOnly, got, res.Total, c.want)
			}
		}
	}
	// a filter alone is a search: every document in force
	res, err := s.Search(context.Background(), Request{Size: 10, Filters: Filters{InForce: true, At: time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC)}})
	if err != nil || res.Total != 1 || res.Hits[0].ID != "new" {
		t.Errorf("filter alone: %+v, %v", res, err)
	}
}

// TestInForceKeptCurrent: the index keeps the span current as a later
// document replaces an earlier one (the store moves the earlier one to a
// new sequence, Sync indexes it again).
func TestInForceKeptCurrent(t *testing.T) {
	dir := t.TempDir()
	store, err := corpus.OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ix, err := indexer.Open(filepath.Join(dir, "index"), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	s := New(ix.Bleve())
	at := time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC)
	inForce := func() []string {
		t.Helper()
		if _, err := ix.Sync(context.Background(), store, nil); err != nil {
			t.Fatal(err)
		}
		res, err := s.Search(context.Background(), Request{Size: 10, Filters: Filters{InForce: true, At: at}})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		sort.Strings(ids)
		return ids
	}
	old := &corpus.Document{ID: "old", Number: "08/2024/QĐ-UBND", Title: "Quyết định số 08/2024/QĐ-UBND", Body: "Quyết định này có hiệu lực từ ngày 15/3/2024."}
	if _, err := store.Put(old); err != nil {
		t.Fatal(err)
	}
	if got := inForce(); len(got) != 1 || got[0] != "old" {
		t.Fatalf("before: %v", got)
	}
	repl := &corpus.Document{ID: "new", Number: "15/2025/QĐ-UBND", Title: "Quyết định số 15/2025/QĐ-UBND",
		Body: "Quyết định này có hiệu lực từ ngày 01/7/2025 và thay thế Quyết định số 08/2024/QĐ-UBND."}
	if _, err := store.Put(repl); err != nil {
		t.Fatal(err)
	}
	if got := inForce(); len(got) != 1 || got[0] != "new" {
		t.Errorf("after the replacement: %v", got)
	}
	if _, err := store.MarkGone("new"); err != nil {
		t.Fatal(err)
	}
	if got := inForce(); len(got) != 1 || got[0] != "old" {
		t.Errorf("after the replacing page went away: %v", got)
	}
}
