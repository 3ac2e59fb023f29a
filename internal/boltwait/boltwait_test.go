package boltwait

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// TestWait on a real bbolt file held open for writing: an ended ctx stops
// the wait after one slice with ctx's error; without one the wait ends at
// its timeout with bbolt's ErrTimeout; a free lock is taken whatever ctx
// says; a wait whose holder closes gets the file.
func TestWait(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	held, err := bolt.Open(path, 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	tries := 0
	open := func(db **bolt.DB) func(time.Duration) error {
		return func(slice time.Duration) error {
			tries++
			var err error
			*db, err = bolt.Open(path, 0o644, &bolt.Options{Timeout: slice, ReadOnly: true})
			return err
		}
	}
	var db *bolt.DB
	ended, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Wait(ended, 10*time.Second, open(&db)); !errors.Is(err, context.Canceled) || tries != 1 {
		t.Errorf("ended ctx: %v after %d tries; want context.Canceled after one", err, tries)
	}
	tries = 0
	if err := Wait(context.Background(), 250*time.Millisecond, open(&db)); !errors.Is(err, bolterrors.ErrTimeout) || tries < 2 {
		t.Errorf("past the timeout: %v after %d tries; want ErrTimeout after a few slices", err, tries)
	}
	time.AfterFunc(300*time.Millisecond, func() { held.Close() })
	if err := Wait(context.Background(), 20*time.Second, open(&db)); err != nil {
		t.Fatalf("the holder closed while it waited: %v", err)
	}
	db.Close()
	if err := Wait(ended, time.Second, open(&db)); err != nil {
		t.Errorf("a free lock with an ended ctx: %v; want it taken", err)
	} else {
		db.Close()
	}
}
