//go:build unix

package app

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// fileLock is an advisory lock on a file in the data directory. The kernel
// releases it when the process dies, so a killed job never leaves a stale
// lock behind.
type fileLock struct{ f *os.File }

// errHeld is returned when another process holds the lock.
var errHeld = errors.New("lock held by another process")

// tryLock takes an exclusive lock on path without waiting.
func tryLock(path string) (*fileLock, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%s: %w", path, errHeld)
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	f.Truncate(0)
	fmt.Fprintf(f, "%d\n", os.Getpid())
	return &fileLock{f: f}, nil
}

func (l *fileLock) unlock() {
	syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	l.f.Close()
}

// lockFile locks an existing file without changing it (the store file,
// which bbolt locks the same way: flock, shared for readers, exclusive for
// a writer), without waiting.
func lockFile(path string, exclusive bool) (*fileLock, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	if err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%s: %w", path, errHeld)
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	return &fileLock{f: f}, nil
}

// processGone reports whether no process has the given id (kill with
// signal 0: ESRCH). A process of another user (EPERM) is alive.
func processGone(pid int) bool {
	return pid > 0 && errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}
