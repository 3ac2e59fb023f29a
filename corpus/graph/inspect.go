package graph

import (
	"context"

	"github.com/vanban/vanban/corpus/cite"
	bolt "go.etcd.io/bbolt"
)

// The format's parts, exported for the store's tests only (corpus's
// graph, edge value, count and context tests): they write old and damaged
// values into a store, walk its buckets and check its counts against its
// edges, through a store whose writes they also test (Put, PutBatch,
// Compact, Salvage), so they live in corpus, which graph does not import.
// Nothing else calls these; each is the unexported function it names.
// When those tests move here (docs/design.md "i19-graph", Left), this file
// goes.

// Bucket names and value tags of the format (graph.go, refsval.go,
// edgeval.go, relcount.go).
var (
	BucketRefs, BucketByKey, BucketNumbers = bucketRefs, bucketByKey, bucketNumbers
	BucketRelTo, BucketRelFrom             = bucketRelTo, bucketRelFrom
	BucketRelLink, BucketRelCount          = bucketRelLink, bucketRelCount
)

// The tags of a binary and a compressed refs value and of a binary edge
// value.
const (
	TagRefsBin = refsBin
	TagRefsZst = refsZst
	TagEdgeBin = edgeBin
)

// CtxEvery is how many keys or edges a walk reads between looks at its
// context.
const CtxEvery = ctxEvery

// ErrRefsValue and ErrEdgeValue are a damaged refs value and edge entry.
var ErrRefsValue, ErrEdgeValue = errRefsValue, errEdgeValue

// PairKey is pairKey.
func PairKey(key, id string) []byte { return pairKey(key, id) }

// EdgeKey is edgeKey.
func EdgeKey(end string, kind cite.Relation, doc string, n int) []byte {
	return edgeKey(end, kind, doc, n)
}

// EdgeValue is edgeValue.
func EdgeValue(e *Edge, doc string, to bool) []byte { return edgeValue(e, doc, to) }

// DecodeEdge is decodeEdge.
func DecodeEdge(key, raw []byte, end string, to bool) (Edge, error) {
	return decodeEdge(key, raw, end, to)
}

// ParseEdgeKey is parseEdgeKey.
func ParseEdgeKey(key []byte, end string) (cite.Relation, string, error) {
	return parseEdgeKey(key, end)
}

// EdgeLink is edgeLink.
func EdgeLink(dst, key, raw []byte, end string, to bool) ([]byte, error) {
	return edgeLink(dst, key, raw, end, to)
}

// GroupKey is groupKey.
func GroupKey(in bool, end string, kind cite.Relation) []byte { return groupKey(in, end, kind) }

// LinkKey is linkKey.
func LinkKey(in bool, end string, e *Edge) []byte { return linkKey(in, end, e) }

// ReadCount is readCount.
func ReadCount(v []byte) int { return readCount(v) }

// PutEdges is putEdges.
func PutEdges(tx *bolt.Tx, doc string, edges []Edge, del bool, t *Tally) error {
	return putEdges(tx, doc, edges, del, t)
}

// EachEdge is eachEdge.
func EachEdge(ctx context.Context, b *bolt.Bucket, to bool, end string, kind cite.Relation, f func(*Edge) bool) error {
	return eachEdge(ctx, b, to, end, kind, f)
}

// EdgesAt is edgesAt.
func EdgesAt(ctx context.Context, b *bolt.Bucket, to bool, end string, kind cite.Relation) ([]Edge, error) {
	return edgesAt(ctx, b, to, end, kind)
}

// GroupLinks is groupLinks.
func GroupLinks(ctx context.Context, tx *bolt.Tx, in bool, end string, kind cite.Relation, offset, limit int) ([]Link, int, error) {
	return groupLinks(ctx, tx, in, end, kind, offset, limit)
}
