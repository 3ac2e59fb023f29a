//go:build !linux

package corpus

// ReleaseMapped drops the store's file pages from the process's resident
// memory where the system allows it (Linux, mapped_linux.go); here it
// does nothing.
func (s *Store) ReleaseMapped() error { return nil }
