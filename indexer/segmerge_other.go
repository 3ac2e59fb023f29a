//go:build !linux

package indexer

// dropMapped does nothing where madvise is not at hand.
func dropMapped([]byte) {}
