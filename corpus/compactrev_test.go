package corpus

import (
	"context"
	"os"
	"testing"
	"time"
)

// TestCompactWaiterRepeated: a process that waits for the store's lock
// while the store is compacted several times over (each compaction
// replaces the file it waits on) still opens the file the path names,
// never one unlinked under it: it sees the write made after the last
// compaction.
func TestCompactWaiterRepeated(t *testing.T) {
	dir := t.TempDir()
	s := bulkStore(t, dir)
	opened := make(chan *Store, 1)
	go func() {
		w, err := OpenStore(dir, true, 20*time.Second)
		if err != nil {
			t.Error(err)
		}
		opened <- w
	}()
	time.Sleep(300 * time.Millisecond) // the waiter has the first file open
	for i := 0; i < 5; i++ {
		if _, _, err := s.Compact(context.Background()); err != nil {
			t.Fatal(err)
		}
		time.Sleep(200 * time.Millisecond) // the waiter takes the replaced file's lock and reopens
	}
	extra := &Document{URL: "https://stnmt.example.gov.vn/lan-nam", Title: "Quyết định sau năm lần nén", Body: "Sửa đổi quy chế tiếp công dân của Sở Tài nguyên và Môi trường."}
	if _, err := s.Put(extra); err != nil {
		t.Fatal(err)
	}
	s.Close()
	w := <-opened
	if w == nil {
		return
	}
	defer w.Close()
	if _, err := w.Get(extra.ID); err != nil {
		t.Errorf("the waiter opened a replaced file: it misses the write after the last compaction: %v", err)
	}
}

// TestCompactKeepsMode: the compacted file has the permissions the store's
// file had (an administrator's 0600 is not widened to 0644).
func TestCompactKeepsMode(t *testing.T) {
	dir := t.TempDir()
	s := bulkStore(t, dir)
	if err := os.Chmod(s.Path(), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Compact(context.Background()); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != 0o600 {
		t.Errorf("compacted store.db has mode %v, want 0600", got)
	}
}

// TestCompactReadOnly: a store opened read-only holds only a shared lock
// (other readers hold it too), so it must not replace the file: Compact
// refuses and the file is the same.
func TestCompactReadOnly(t *testing.T) {
	dir := t.TempDir()
	s := bulkStore(t, dir)
	s.Close()
	fi, err := os.Stat(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	r, err := OpenStore(dir, true, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, _, err := r.Compact(context.Background()); err == nil {
		t.Error("a read-only store was compacted")
	}
	fi2, err := os.Stat(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(fi, fi2) {
		t.Error("a read-only store's file was replaced")
	}
	if _, err := os.Stat(s.Path() + compactSuffix); !os.IsNotExist(err) {
		t.Errorf("a copy is left: %v", err)
	}
}
