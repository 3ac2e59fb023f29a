//go:build !linux

package indexer

import "errors"

// exchange is not available here: swapIn renames in two steps.
func exchange(a, b string) error { return errors.ErrUnsupported }

// totalMemory is unknown here: the build's default heap budget is its least.
func totalMemory() uint64 { return 0 }
