//go:build unix

package main

import (
	"os"
	"syscall"
	"testing"
)

// holdLock holds path as another vanban process's nightly lock would
// (flock LOCK_EX, as internal/app's tryLock) until the test ends.
func holdLock(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatal(err)
	}
}
