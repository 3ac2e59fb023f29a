package corpus

import (
	"context"
	"fmt"

	"github.com/vanban/vanban/corpus/viet"
	bolt "go.etcd.io/bbolt"
)

// CitedByPage returns the IDs of the live documents citing key (in any
// spelling) from the offset-th (from 0), at most limit of them, in the
// order of CitedBy, and how many cite it. Only the page's IDs are copied:
// the others are counted on the cursor, so a number thousands of plans
// cite costs a page its list, not every citing ID (docs/design.md
// "i18-hub"). It looks at ctx every ctxEvery keys and returns its error
// when ctx ends.
func (s *Store) CitedByPage(ctx context.Context, key string, offset, limit int) ([]string, int, error) {
	k := viet.NumberKey(key)
	if k == "" {
		return nil, 0, nil
	}
	var ids []string
	total := 0
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		ids, total, err = scanPairsPage(ctx, tx.Bucket(bucketByKey), k, offset, limit)
		return err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("corpus: cited by %s: %w", key, err)
	}
	return ids, total, nil
}
