package corpus

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// HalfUpgraded reports whether an upgrade in batches was left half done:
// the store's meta "version" holds an upgrading mark (upgradebatch.go), so
// GraphCurrent calls its graph stale whoever built it (this binary may
// have swapped it in before the records were all touched), and a
// read-write open finishes the upgrade. Read commands and `vanban check`
// say so rather than that another version built the graph.
func (s *Store) HalfUpgraded() (bool, error) {
	var half bool
	err := s.db.View(func(tx *bolt.Tx) error {
		_, half = parseUpgrading(string(tx.Bucket(bucketMeta).Get([]byte("version"))))
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("corpus: upgrade mark: %w", err)
	}
	return half, nil
}
