package indexer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCreateLeftovers: what a creation meets beside and at the index's
// path. A process killed while it created an index (kill -9 between
// bleve's creation in index.create-RANDOM and the rename) left that
// directory, a whole empty index nobody reads, and nobody removed it: a
// read-write open now removes one older than staleCreate, never a fresh
// one (another process may be creating it this moment). The leftover is
// made by copying a real creation's directory at the moment a kill would
// leave it (beforeCreate). Something other than an index put at the path
// while this one created its own is reported as not a vanban index (it
// was "rename …: file exists").
func TestCreateLeftovers(t *testing.T) {
	parent := t.TempDir()
	path := filepath.Join(parent, "index")
	killed := filepath.Join(parent, "index.create-killed")
	fresh := filepath.Join(parent, "index.create-fresh")
	other := filepath.Join(parent, "index.new.create-old") // another index's: not this one's to remove
	opt := Options{beforeCreate: func() {
		tmps, err := filepath.Glob(filepath.Join(parent, "index.create-*"))
		if err != nil || len(tmps) != 1 {
			t.Fatalf("creation directories %q, %v; want one", tmps, err)
		}
		for _, to := range []string{killed, fresh, other} {
			if err := os.CopyFS(to, os.DirFS(tmps[0])); err != nil {
				t.Fatal(err)
			}
		}
	}}
	ix, err := Open(path, opt)
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	old := time.Now().Add(-2 * staleCreate)
	for _, dir := range []string{killed, other} {
		if err := os.Chtimes(dir, old, old); err != nil {
			t.Fatal(err)
		}
	}
	ix, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	for dir, want := range map[string]bool{killed: false, fresh: true, other: true, path: true} {
		if _, err := os.Stat(dir); (err == nil) != want {
			t.Errorf("%s present %v after a read-write open, want %v", filepath.Base(dir), err == nil, want)
		}
	}

	// something else put at the path while this process created its index
	path = filepath.Join(t.TempDir(), "index")
	_, err = Open(path, Options{beforeCreate: func() {
		if err := os.MkdirAll(path, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(path, "ghi-chu.txt"), []byte("Danh mục văn bản chờ xử lý"), 0o644); err != nil {
			t.Fatal(err)
		}
	}})
	if err == nil || !strings.Contains(err.Error(), "is not a vanban index") {
		t.Errorf("open when something else took the path: %v; want it named not a vanban index", err)
	}
	if left, _ := filepath.Glob(path + ".create-*"); len(left) > 0 {
		t.Errorf("creation directories left: %q", left)
	}
}
