package indexer

import (
	"errors"

	"golang.org/x/sys/unix"
)

// exchange swaps the directories a and b in one step; errors.ErrUnsupported
// when the file system cannot.
func exchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) {
		return errors.ErrUnsupported
	}
	return err
}

// totalMemory is the machine's memory in bytes (0 when unknown), for the
// build's default heap budget (build.go).
func totalMemory() uint64 {
	var si unix.Sysinfo_t
	if unix.Sysinfo(&si) != nil {
		return 0
	}
	return uint64(si.Totalram) * uint64(si.Unit)
}
