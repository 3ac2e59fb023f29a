package graph

import "context"

// CitedByPage returns the IDs of the live documents citing the lookup key
// k from the offset-th (from 0), at most limit of them, in the order of
// CitedBy, and how many cite it. Only the page's IDs are copied: the
// others are counted on the cursor, so a number thousands of plans cite
// costs a page its list, not every citing ID (docs/design.md "i18-hub").
// It looks at ctx every ctxEvery keys and returns its error when ctx ends.
func (g Graph) CitedByPage(ctx context.Context, k string, offset, limit int) ([]string, int, error) {
	return scanPairsPage(ctx, g.tx.Bucket(bucketByKey), k, offset, limit)
}
