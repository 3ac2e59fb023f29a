//go:build !linux

package indexer

import "errors"

// exchange is not available here: swapIn renames in two steps.
func exchange(a, b string) error { return errors.ErrUnsupported }
