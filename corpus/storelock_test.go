package corpus

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// TestOpenLockWaitCancelled: a second open of a real on-disk store whose
// lock another open holds (flock is per open file, so the same process
// contends as another would) waits up to its Timeout — and stops as soon
// as its ctx ends, with ctx's error and a message saying what it waited
// for. Failing first: bbolt's wait looked at no ctx, and the open below
// came back after its whole 10 s as ErrLocked.
func TestOpenLockWaitCancelled(t *testing.T) {
	dir := t.TempDir()
	held, err := OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	for _, readOnly := range []bool{false, true} {
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(150*time.Millisecond, cancel)
		start := time.Now()
		s, err := Open(ctx, dir, OpenOptions{ReadOnly: readOnly, Timeout: 10 * time.Second})
		took := time.Since(start)
		cancel()
		if err == nil {
			s.Close()
		}
		if !errors.Is(err, context.Canceled) || errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "lock") || took > 2*time.Second {
			t.Errorf("read-only %v: cancelled after 150ms: %v after %v; want context.Canceled naming the lock, within 2s", readOnly, err, took)
		}
	}
	// without a ctx ending, the wait is the Timeout's and ends in ErrLocked
	start := time.Now()
	if _, err := Open(context.Background(), dir, OpenOptions{Timeout: 600 * time.Millisecond}); !errors.Is(err, ErrLocked) || errors.Is(err, context.Canceled) {
		t.Errorf("open past its timeout: %v; want ErrLocked", err)
	}
	if took := time.Since(start); took < 500*time.Millisecond || took > 3*time.Second {
		t.Errorf("open past its 600ms timeout returned after %v", took)
	}
	// the lock released, an open waiting for it gets the store
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	time.AfterFunc(300*time.Millisecond, func() { held.Close() })
	s, err := Open(ctx, dir, OpenOptions{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatalf("open once the lock is released: %v", err)
	}
	s.Close()
}
