// Package boltwait is the one rule for waiting on another process's lock
// of a bbolt file (the store's store.db, the index's root.bolt) so that
// the wait ends with a context: bbolt's wait (Options.Timeout: a retry of
// flock every 50 ms until the timeout, for ever at 0) takes no context,
// so a long wait is made of short ones and the context is looked at
// between them (docs/log/i24-deadchain.md, i25-store.md).
package boltwait

import (
	"context"
	"errors"
	"fmt"
	"time"

	bolterrors "go.etcd.io/bbolt/errors"
)

// Slice is how long one try waits for the lock before Wait looks at its
// ctx again: a cancelled wait returns within about a slice.
const Slice = 100 * time.Millisecond

// Wait calls try with a lock timeout for one slice (never more than what
// is left of timeout, never less than a millisecond: bbolt waits for ever
// at 0), again while try fails with bbolt's ErrTimeout, until timeout has
// passed — then try's ErrTimeout is returned — or ctx ends between two
// tries — then ctx's error, wrapped saying what was waited for. A free lock is taken whatever ctx says: only
// the wait is ctx's (what the caller does next checks ctx itself, and a
// read-only open must still serve an ended ctx's last reads).
func Wait(ctx context.Context, timeout time.Duration, try func(slice time.Duration) error) error {
	deadline := time.Now().Add(timeout)
	for {
		slice := min(Slice, max(time.Until(deadline), time.Millisecond))
		err := try(slice)
		if !errors.Is(err, bolterrors.ErrTimeout) || !time.Now().Before(deadline) {
			return err
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("waiting for another process's lock: %w", err)
		}
	}
}
