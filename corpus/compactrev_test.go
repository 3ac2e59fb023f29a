package corpus

import (
	"context"
	"os"
	"testing"
	"time"
)

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
