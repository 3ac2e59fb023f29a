package indexer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/blevesearch/bleve/v2/util"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/vanban/vanban/internal/boltwait"
)

// checkSegments reports a segment file that the index's newest snapshot
// names and the disk no longer has. scorch, finding one, logs it and
// silently falls back to an older snapshot (or to none at all: an empty
// index that answers every search with nothing), so the check runs
// before bleve opens the index. The snapshot layout read here is the one
// bleve exports in its util package (snapshots bucket, segment path key).
func checkSegments(ctx context.Context, path string, timeout time.Duration) error {
	store := filepath.Join(path, "store")
	root := filepath.Join(store, "root.bolt")
	if _, err := os.Stat(root); err != nil {
		return nil // a new index, or not scorch: bleve's open says what is wrong
	}
	db, err := openRoot(ctx, root, timeout)
	if cerr := ctx.Err(); cerr != nil && errors.Is(err, cerr) {
		return err // OpenContext names the index
	}
	if errors.Is(err, berrors.ErrTimeout) {
		return fmt.Errorf("%w: %s", ErrLocked, path)
	}
	if err != nil {
		return fmt.Errorf("indexer: open %s: %w", root, err)
	}
	defer db.Close()
	return db.View(func(tx *bolt.Tx) error {
		snap, ok := newestSnapshot(tx)
		if !ok {
			return nil
		}
		if snap == nil {
			return fmt.Errorf("indexer: %s: the newest snapshot is unreadable", root)
		}
		return snap.ForEachBucket(func(name []byte) error {
			seg := snap.Bucket(name)
			p := seg.Get(util.BoltPathKey)
			if p == nil {
				return nil // the metadata bucket, not a segment
			}
			file := filepath.Join(store, filepath.Base(string(p)))
			if _, err := os.Stat(file); err != nil {
				return fmt.Errorf("indexer: segment file %s of the newest snapshot is missing", file)
			}
			return nil
		})
	})
}

// storedInternal reports whether the newest snapshot of the index at path
// holds the internal key (bleve's internal bucket of the snapshot): read
// from root.bolt, so an index of an older layout, which Open refuses,
// still answers. An index that is not there or cannot be read holds none.
func storedInternal(ctx context.Context, path string, key []byte) bool {
	root := filepath.Join(path, "store", "root.bolt")
	if _, err := os.Stat(root); err != nil {
		return false
	}
	db, err := openRoot(ctx, root, time.Second)
	if err != nil {
		return false
	}
	defer db.Close()
	found := false
	_ = db.View(func(tx *bolt.Tx) error {
		if snap, _ := newestSnapshot(tx); snap != nil {
			if in := snap.Bucket(util.BoltInternalKey); in != nil {
				found = in.Get(key) != nil
			}
		}
		return nil
	})
	return found
}

// openRoot opens an index's root.bolt read-only, waiting up to timeout
// for a writer's lock and no longer than ctx (internal/boltwait).
func openRoot(ctx context.Context, root string, timeout time.Duration) (*bolt.DB, error) {
	var db *bolt.DB
	err := boltwait.Wait(ctx, timeout, func(slice time.Duration) error {
		var err error
		db, err = bolt.Open(root, 0o600, &bolt.Options{ReadOnly: true, Timeout: slice})
		return err
	})
	return db, err
}

// newestSnapshot is the bucket of the newest snapshot in root.bolt; ok is
// false when there is none, and the bucket nil with ok true when its key
// holds no bucket (damaged).
func newestSnapshot(tx *bolt.Tx) (snap *bolt.Bucket, ok bool) {
	snaps := tx.Bucket(util.BoltSnapshotsBucket)
	if snaps == nil {
		return nil, false
	}
	k, _ := snaps.Cursor().Last()
	if k == nil {
		return nil, false
	}
	return snaps.Bucket(k), true
}
