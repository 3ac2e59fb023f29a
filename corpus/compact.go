package corpus

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

// compactSuffix names the file a compaction writes beside the store
// before it takes the store's place.
const compactSuffix = ".compact"

// compactTxBytes is the keys and values a compaction copies per write
// transaction: its memory, while its commits stay few.
const compactTxBytes = 32 << 20

// Compact rewrites the store's file afresh: the same buckets, keys, values
// and sequences, without the free pages larger write transactions leave
// (a bulk ingest's batches) and with every page full (bbolt's compaction:
// the keys copied in order, FillPercent 1). It returns the file's size
// before and after. No other call on s may run meanwhile.
//
// The copy is written beside the store (store.db.compact), committed and
// synced, and then renamed over store.db while the store's lock is held
// on both files: a crash or an error before the rename leaves the store
// as it was (the next compaction removes the leftover copy), one after it
// the complete copy. A process that was waiting for the store's lock on
// the file replaced opens the new one (OpenStore checks). A store known to
// be damaged is not compacted (its DamageError is returned), nor one open
// read-only (its lock is shared). The copy keeps the file's permissions.
func (s *Store) Compact(ctx context.Context) (before, after int64, err error) {
	if d := s.Damage(); d != nil {
		return 0, 0, d // a damaged store is salvaged, not copied
	}
	if s.db.IsReadOnly() {
		// its lock is shared with other readers: replacing the file
		// under them, or removing a copy another reader writes, is not
		// this opener's to do
		return 0, 0, fmt.Errorf("corpus: compact %s: the store is open read-only", s.path)
	}
	aside := s.path + compactSuffix
	if err := os.Remove(aside); err != nil && !os.IsNotExist(err) {
		return 0, 0, fmt.Errorf("corpus: compact: %w", err)
	}
	fi, err := os.Stat(s.path)
	if err != nil {
		return 0, 0, fmt.Errorf("corpus: compact: %w", err)
	}
	dst, err := bolt.Open(aside, fi.Mode().Perm(), &bolt.Options{Timeout: time.Second})
	if err != nil {
		return 0, 0, fmt.Errorf("corpus: compact: %w", err)
	}
	// the copy takes the store's permissions, whatever the umask
	if err := os.Chmod(aside, fi.Mode().Perm()); err != nil {
		dst.Close()
		os.Remove(aside)
		return 0, 0, fmt.Errorf("corpus: compact: %w", err)
	}
	dst.AllocSize = storeAllocSize
	// a fault reading a damaged page marks the store, as any read does
	if err := s.db.guard(func() error { return copyDB(ctx, dst, s.db.DB, compactTxBytes) }); err != nil {
		dst.Close()
		os.Remove(aside)
		return 0, 0, fmt.Errorf("corpus: compact %s: %w", s.path, err)
	}
	if err := os.Rename(aside, s.path); err != nil {
		dst.Close()
		os.Remove(aside)
		return 0, 0, fmt.Errorf("corpus: compact: %w", err)
	}
	if serr := syncDir(filepath.Dir(s.path)); serr != nil {
		// the rename is done; the old file is unlinked either way
		err = fmt.Errorf("corpus: compact: %w", serr)
	}
	old := s.db.DB
	s.db.DB = dst
	if cerr := old.Close(); cerr != nil && err == nil {
		err = fmt.Errorf("corpus: compact: close the old file: %w", cerr)
	}
	fi2, serr := os.Stat(s.path)
	if serr != nil && err == nil {
		err = fmt.Errorf("corpus: compact: %w", serr)
	}
	if fi2 != nil {
		after = fi2.Size()
	}
	return fi.Size(), after, err
}

// copyDB copies every bucket of src into dst, nested buckets, sequences
// and all, committing dst every txBytes of keys and values; it stops at
// ctx's end.
func copyDB(ctx context.Context, dst, src *bolt.DB, txBytes int64) error {
	tx, err := dst.Begin(true)
	if err != nil {
		return err
	}
	defer func() { tx.Rollback() }()
	var size int64
	var n int
	// bucket returns the destination bucket at path, in the current tx.
	bucket := func(path [][]byte) *bolt.Bucket {
		b := tx.Bucket(path[0])
		for _, k := range path[1:] {
			b = b.Bucket(k)
		}
		b.FillPercent = 1
		return b
	}
	var walk func(path [][]byte, b *bolt.Bucket) error
	walk = func(path [][]byte, b *bolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error {
			if n++; n%256 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			if size += int64(len(k) + len(v)); size > txBytes {
				if err := tx.Commit(); err != nil {
					return err
				}
				if tx, err = dst.Begin(true); err != nil {
					return err
				}
				size = int64(len(k) + len(v))
			}
			if v != nil {
				return bucket(path).Put(k, v)
			}
			sub := b.Bucket(k)
			nb, err := bucket(path).CreateBucket(k)
			if err != nil {
				return err
			}
			if err := nb.SetSequence(sub.Sequence()); err != nil {
				return err
			}
			return walk(append(path[:len(path):len(path)], k), sub)
		})
	}
	return src.View(func(stx *bolt.Tx) error {
		if err := stx.ForEach(func(name []byte, b *bolt.Bucket) error {
			nb, err := tx.CreateBucket(name)
			if err != nil {
				return err
			}
			if err := nb.SetSequence(b.Sequence()); err != nil {
				return err
			}
			return walk([][]byte{name}, b)
		}); err != nil {
			return err
		}
		return tx.Commit() // while src's keys and values are mapped
	})
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
