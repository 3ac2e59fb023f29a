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
		// an hour's Timeout: only ctx can end this wait, and the error
		// says which did; a missed ctx is a hang, and the minute below is
		// the hang guard for that alone (not a wall bound under load)
		type result struct {
			ix  *Index
			err error
		}
		done := make(chan result, 1)
		go func() {
			ix, err := OpenContext(ctx, dir, Options{ReadOnly: readOnly, Timeout: time.Hour})
			done <- result{ix, err}
		}()
		var err error
		select {
		case r := <-done:
			err = r.err
			if err == nil {
				r.ix.Close()
			}
		case <-time.After(time.Minute):
			t.Fatalf("read-only %v: still waiting for the lock a minute after its ctx was cancelled", readOnly)
		}
		cancel()
		if !errors.Is(err, context.Canceled) || errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "lock") {
			t.Errorf("read-only %v: cancelled while waiting: %v; want context.Canceled naming the lock", readOnly, err)
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
