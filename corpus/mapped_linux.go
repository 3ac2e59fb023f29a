package corpus

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/sys/unix"
)

// ReleaseMapped drops the store's file pages from the process's resident
// memory (madvise MADV_DONTNEED on bbolt's read-only shared mapping of the
// file): they stay in the page cache, and a later read maps them again
// without reading the disk. A reader of the whole store (a build) calls
// it as it goes, so the pages it has read do not count towards the
// process's peak memory (docs/log/i21-wall.md). It runs in a
// read transaction, which keeps bbolt from remapping the file meanwhile.
func (s *Store) ReleaseMapped() error {
	err := s.db.View(func(tx *bolt.Tx) error {
		addr, size := tx.DB().Info().Data, tx.Size()
		if addr == 0 || size <= 0 {
			return nil
		}
		if _, _, errno := unix.Syscall(unix.SYS_MADVISE, addr, uintptr(size), unix.MADV_DONTNEED); errno != 0 {
			return errno
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("corpus: release mapped pages: %w", err)
	}
	return nil
}
