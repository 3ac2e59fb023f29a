package indexer

import "golang.org/x/sys/unix"

// dropMapped tells the kernel that the mapped pages of b are not needed
// now: they leave the process's resident set (the file's pages stay in
// the page cache, and come back on the next read). The merge calls it on
// its inputs after each field, so that a merge does not hold every page
// it has read of its inputs.
func dropMapped(b []byte) {
	if len(b) > 0 {
		_ = unix.Madvise(b, unix.MADV_DONTNEED)
	}
}
