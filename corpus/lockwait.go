package corpus

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/vanban/vanban/internal/boltwait"
)

// openWaiting opens the bolt file at path, waiting up to timeout for
// another process's lock (bolterrors.ErrTimeout past it) and no longer
// than ctx: ended while it waits, it returns ctx's error, saying what it
// waited for. The wait is boltwait's (slices of boltwait.Slice): a free
// lock is taken whatever ctx says (what the open does next — an upgrade —
// checks ctx itself, and a read-only open of an old store must still
// serve it, TestOpenReadOnlyOld).
// It also returns what path named just before the slice that opened it:
// the file the lock was taken on is that one or one a compaction replaced
// since (its caller compares), never an earlier slice's — whose file,
// closed and removed, may have given its inode to the newest copy
// (TestCompactWaiter).
func openWaiting(ctx context.Context, path string, timeout time.Duration, readOnly bool) (*bolt.DB, os.FileInfo, error) {
	var db *bolt.DB
	var was os.FileInfo
	err := boltwait.Wait(ctx, timeout, func(slice time.Duration) error {
		var err error
		was, _ = os.Stat(path)
		db, err = bolt.Open(path, 0o644, &bolt.Options{Timeout: slice, ReadOnly: readOnly})
		return err
	})
	if cerr := ctx.Err(); cerr != nil && errors.Is(err, cerr) {
		return nil, nil, fmt.Errorf("corpus: open store %s: %w", path, err)
	}
	return db, was, err
}
