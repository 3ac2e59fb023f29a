//go:build !unix

package app

import (
	"errors"
	"fmt"
	"os"
)

// fileLock is an exclusive lock file. Without flock a killed process leaves
// the file behind: remove it by hand after checking no vanban runs.
type fileLock struct{ path string }

var errHeld = errors.New("lock held by another process (remove the file if no vanban runs)")

func tryLock(path string) (*fileLock, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("%s: %w", path, errHeld)
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	fmt.Fprintf(f, "%d\n", os.Getpid())
	f.Close()
	return &fileLock{path: path}, nil
}

func (l *fileLock) unlock() {
	if l.path != "" {
		os.Remove(l.path)
	}
}

// lockFile checks that path exists; without flock it cannot keep other
// processes away from it.
func lockFile(path string, exclusive bool) (*fileLock, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, err
	}
	return &fileLock{}, nil
}

// processGone cannot tell without kill(2): the address is checked instead.
func processGone(pid int) bool { return false }
