//go:build !unix

package main

import (
	"os"
	"testing"
)

// holdLock holds path as another vanban process's nightly lock would
// where there is no flock: the file exists (internal/app's tryLock
// creates it with O_EXCL and removes it when done).
func holdLock(t *testing.T, path string) {
	t.Helper()
	if err := os.WriteFile(path, []byte("1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}
