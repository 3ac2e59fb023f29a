package graph

// The pair buckets' reads: the documents citing a lookup key (bykey:
// CitedBy, CitedByPage) and those carrying it as their number (numbers:
// ByNumber).

import (
	"bytes"
	"context"

	bolt "go.etcd.io/bbolt"
)

// CitedByPage returns the IDs of the live documents citing the lookup key
// k from the offset-th (from 0), at most limit of them, in the order of
// CitedBy, and how many cite it. Only the page's IDs are copied: the
// others are counted on the cursor, so a number thousands of plans cite
// costs a page its list, not every citing ID (docs/log/i18-hub.md).
// It looks at ctx every ctxEvery keys and returns its error when ctx ends.
func (g Graph) CitedByPage(ctx context.Context, k string, offset, limit int) ([]string, int, error) {
	return scanPairsPage(ctx, g.tx.Bucket(bucketByKey), k, offset, limit)
}

// CitedBy returns the IDs of the live documents citing the lookup key k,
// sorted.
func (g Graph) CitedBy(k string) []string { return scanPairs(g.tx.Bucket(bucketByKey), k) }

// ByNumber returns the IDs of the live documents whose number has the
// lookup key k, sorted.
func (g Graph) ByNumber(k string) []string { return scanPairs(g.tx.Bucket(bucketNumbers), k) }

// scanPairs lists the IDs stored under key in a pair bucket, in byte order.
func scanPairs(b *bolt.Bucket, key string) []string {
	ids, _, _ := scanPairsPage(context.Background(), b, key, 0, -1)
	return ids
}

// scanPairsPage lists the IDs stored under key in a pair bucket from the
// offset-th (from 0), at most limit of them (all when limit < 0), in byte
// order, and counts them all: only the page's IDs are copied. It looks at
// ctx every ctxEvery keys and returns its error when ctx ends.
func scanPairsPage(ctx context.Context, b *bolt.Bucket, key string, offset, limit int) ([]string, int, error) {
	prefix := []byte(key + "\x00")
	var ids []string
	total := 0
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if total%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, 0, err
			}
		}
		if total >= offset && (limit < 0 || total-offset < limit) {
			ids = append(ids, string(k[len(prefix):]))
		}
		total++
	}
	return ids, total, nil
}
