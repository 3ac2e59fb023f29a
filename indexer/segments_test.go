package indexer

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
)

// TestOpenMissingSegment: scorch, finding a segment of its newest
// snapshot missing, fell back to an older snapshot — often the empty
// first one — and the index opened without error and found nothing.
// Open now refuses it and names the file, every time.
func TestOpenMissingSegment(t *testing.T) {
	dir := t.TempDir()
	store, err := corpus.OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	for _, d := range []*corpus.Document{
		{URL: "http://p/1", Title: "Quyết định phê duyệt quy hoạch", Body: "Phê duyệt quy hoạch sử dụng đất."},
		{URL: "http://p/2", Title: "Kế hoạch chuyển đổi số", Body: "Triển khai chuyển đổi số năm 2025."},
	} {
		if _, err := store.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	path := DirFor(dir)
	ix, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Sync(context.Background(), store, nil); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err = Open(path, Options{ReadOnly: true}) // intact: opens
	if err != nil {
		t.Fatalf("intact index: %v", err)
	}
	ix.Close()
	segs, _ := filepath.Glob(filepath.Join(path, "store", "*.zap"))
	if len(segs) == 0 {
		t.Fatal("no segment file")
	}
	// every segment file goes: whichever the newest snapshot names (a
	// merge left unfinished at Close may leave a file no snapshot names)
	for _, f := range segs {
		os.Remove(f)
	}
	for _, ro := range []bool{true, false} {
		ix, err := Open(path, Options{ReadOnly: ro})
		if err == nil {
			ix.Close()
			t.Fatalf("read-only %v: an index without its segment files opened", ro)
		}
		if !strings.Contains(err.Error(), ".zap") || !strings.Contains(err.Error(), "missing") {
			t.Errorf("read-only %v: %v; want the missing file named", ro, err)
		}
	}
}
