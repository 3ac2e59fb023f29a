package corpus

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// lockSlice is how long one bolt.Open waits for another process's lock
// before openWaiting looks at its ctx again: bbolt's wait (Options.Timeout,
// a retry every 50 ms) takes no context, so a long wait is made of short
// ones. A cancelled open returns within about a slice.
const lockSlice = 100 * time.Millisecond

// openWaiting opens the bolt file at path, waiting up to timeout for
// another process's lock (bolterrors.ErrTimeout past it) and no longer
// than ctx: ended while it waits, it returns ctx's error, saying what it
// waited for. A free lock is taken whatever ctx says: only the wait is
// ctx's (what the open does next — an upgrade — checks ctx itself, and a
// read-only open of an old store must still serve it, TestOpenReadOnlyOld).
// It also returns what path named just before the slice that opened it:
// the file the lock was taken on is that one or one a compaction replaced
// since (its caller compares), never an earlier slice's — whose file,
// closed and removed, may have given its inode to the newest copy
// (TestCompactWaiter).
func openWaiting(ctx context.Context, path string, timeout time.Duration, readOnly bool) (*bolt.DB, os.FileInfo, error) {
	deadline := time.Now().Add(timeout)
	for {
		// bbolt waits forever for a Timeout of 0: a slice is never less
		// than one try.
		slice := min(lockSlice, max(time.Until(deadline), time.Millisecond))
		was, _ := os.Stat(path)
		db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: slice, ReadOnly: readOnly})
		if !errors.Is(err, bolterrors.ErrTimeout) || !time.Now().Before(deadline) {
			return db, was, err
		}
		if err := ctx.Err(); err != nil {
			return nil, nil, fmt.Errorf("corpus: open store %s: waiting for another process's lock: %w", path, err)
		}
	}
}
