package search

import (
	"bytes"
	"context"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/graph"
	"github.com/vanban/vanban/indexer"
	bolt "go.etcd.io/bbolt"
)

// TestInForceAfterGraphRebuild: a store whose graph an older parser built
// (it missed a replacement) is indexed; a read-write open rebuilds the
// graph (graph.Version changed) and the replaced decision's effect with
// it. The next Sync must re-read that decision's span: the "còn hiệu lực"
// filter may not keep the old graph's answer.
func TestInForceAfterGraphRebuild(t *testing.T) {
	dir := t.TempDir()
	store, err := corpus.OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []*corpus.Document{
		{ID: "old", Number: "08/2024/QĐ-UBND", Published: "2024-03-01", Title: "Quyết định số 08/2024/QĐ-UBND ban hành Quy chế quản lý chợ",
			Body: "Quy chế quản lý chợ trên địa bàn tỉnh. Quyết định này có hiệu lực từ ngày 15/3/2024."},
		{ID: "new", Number: "15/2025/QĐ-UBND", Published: "2025-06-10", Title: "Quyết định số 15/2025/QĐ-UBND ban hành Quy chế quản lý chợ",
			Body: "Quy chế quản lý chợ mới. Quyết định này có hiệu lực từ ngày 01/7/2025 và thay thế Quyết định số 08/2024/QĐ-UBND."},
		{ID: "other", Number: "20/2024/QĐ-UBND", Published: "2024-05-02", Title: "Quyết định số 20/2024/QĐ-UBND về phí chợ",
			Body: "Mức thu phí chợ. Quyết định này có hiệu lực từ ngày 15/5/2024."},
	} {
		if _, err := store.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := store.Close(); err != nil {
		t.Fatal(err)
	}
	staleGraph(t, filepath.Join(dir, "store.db"))

	ix, err := indexer.Open(filepath.Join(dir, "index"), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	s := New(ix.Bleve())
	at := time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC)
	inForce := func(readOnly bool) []string {
		t.Helper()
		store, err := corpus.OpenStore(dir, readOnly, time.Second)
		if err != nil {
			t.Fatal(err)
		}
		defer store.Close()
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
	// A read-only open keeps the old graph: the index answers as it says.
	if got := inForce(true); len(got) != 3 {
		t.Fatalf("with the old graph: in force %v, want all three", got)
	}
	// A read-write open rebuilds the graph; the next Sync answers by it.
	if got := inForce(false); len(got) != 2 || got[0] != "new" || got[1] != "other" {
		t.Errorf("after the graph was rebuilt: in force %v, want [new other]", got)
	}
}

// staleGraph makes the graph of the store file at path one an older
// parser could have built: the replacements it states are left out and its
// version is the one before graph.Version.
func staleGraph(t *testing.T, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		n := 0
		for _, name := range []string{"relto", "relfrom"} {
			b := tx.Bucket([]byte(name))
			var del [][]byte
			b.ForEach(func(k, _ []byte) error {
				if bytes.Contains(k, []byte("\x00replaces\x00")) {
					del = append(del, bytes.Clone(k))
				}
				return nil
			})
			for _, k := range del {
				if err := b.Delete(k); err != nil {
					return err
				}
			}
			n += len(del)
		}
		if n != 2 {
			t.Errorf("the stored graph has %d replacement entries, want 2 (one each way)", n)
		}
		return tx.Bucket([]byte("meta")).Put([]byte("graph"), []byte(strconv.Itoa(graph.Version-1)))
	})
	if err != nil {
		t.Fatal(err)
	}
}
