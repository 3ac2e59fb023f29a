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
//
// What ended each wait is read from its error, not from wall time (a
// loaded machine stretched the bounds): the cancelled opens have an hour's
// Timeout, so only the ctx can end them, and an open that missed it would
// sit there — openGuarded's minute is the hang guard for that alone.
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
		s, err := openGuarded(t, ctx, dir, OpenOptions{ReadOnly: readOnly, Timeout: time.Hour})
		cancel()
		if err == nil {
			s.Close()
		}
		if !errors.Is(err, context.Canceled) || errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "lock") {
			t.Errorf("read-only %v: cancelled while waiting out an hour's timeout: %v; want context.Canceled naming the lock", readOnly, err)
		}
	}
	// without a ctx ending, the wait is the Timeout's and ends in ErrLocked
	// (nothing else can end it) after waiting at least that long
	start := time.Now()
	if _, err := openGuarded(t, context.Background(), dir, OpenOptions{Timeout: 600 * time.Millisecond}); !errors.Is(err, ErrLocked) || errors.Is(err, context.Canceled) {
		t.Errorf("open past its timeout: %v; want ErrLocked", err)
	}
	if took := time.Since(start); took < 500*time.Millisecond {
		t.Errorf("open past its 600ms timeout returned after %v, before it", took)
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

// openGuarded is Open failing the test when it has not come back in a
// minute: the hang guard of an open whose ctx or Timeout should end it.
func openGuarded(t *testing.T, ctx context.Context, dir string, o OpenOptions) (*Store, error) {
	t.Helper()
	type result struct {
		s   *Store
		err error
	}
	done := make(chan result, 1)
	go func() {
		s, err := Open(ctx, dir, o)
		done <- result{s, err}
	}()
	select {
	case r := <-done:
		return r.s, r.err
	case <-time.After(time.Minute):
		t.Fatalf("open of %s still waiting after a minute", dir)
		return nil, nil
	}
}
