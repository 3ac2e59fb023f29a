package indexer

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// TestOpenLockWaitCancelled: the index's open waited its whole Timeout
// for another process's lock (bbolt's wait, inside bleve's open of
// root.bolt, takes no context), so a cancelled command (Ctrl-C, a
// server's shutdown) sat there. A real on-disk index held open for
// writing; a second open, for writing and read-only, with a 10 s Timeout
// and a ctx cancelled while it waits returns ctx's error, not ErrLocked.
func TestOpenLockWaitCancelled(t *testing.T) {
	dir := t.TempDir() + "/index"
	held, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { held.Close() }()
	for _, readOnly := range []bool{false, true} {
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(150*time.Millisecond, cancel)
		start := time.Now()
		ix, err := OpenContext(ctx, dir, Options{ReadOnly: readOnly, Timeout: 10 * time.Second})
		took := time.Since(start)
		cancel()
		if err == nil {
			ix.Close()
		}
		if !errors.Is(err, context.Canceled) || errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "lock") || took > 5*time.Second {
			t.Errorf("read-only %v: cancelled while waiting: %v after %v; want context.Canceled naming the lock", readOnly, err, took)
		}
	}
	// without a ctx ending, the wait is the Timeout's and ends in ErrLocked
	if _, err := OpenContext(context.Background(), dir, Options{Timeout: 300 * time.Millisecond}); !errors.Is(err, ErrLocked) {
		t.Errorf("open past its timeout: %v; want ErrLocked", err)
	}
	// the lock released while an open waits, the open gets the index
	time.AfterFunc(300*time.Millisecond, func() { held.Close() })
	ix, err := OpenContext(t.Context(), dir, Options{Timeout: 20 * time.Second})
	if err != nil {
		t.Fatalf("open once the lock is released: %v", err)
	}
	held = ix
}
