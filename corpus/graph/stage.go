package graph

// The graph's rebuild in batches: a new graph is built into a staging
// bucket ("graph.next", the seven graph buckets as its children) over as
// many of the store's transactions as the caller likes, while readers read
// the graph at the root; Swap puts it in place in one short transaction
// (each child moved with bbolt's MoveBucket: no page is copied). corpus
// owns the order of the stages and what a reader sees between them
// (corpus/upgradebatch.go).

import (
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// StagingBucket is the name of the root bucket a rebuild in batches
// writes into (its children: BucketNames), for the store's check.
const StagingBucket = "graph.next"

var bucketStaging = []byte(StagingBucket)

// BucketNames are the names of the graph's buckets.
func BucketNames() []string {
	out := make([]string, len(graphBucketNames))
	for i, b := range graphBucketNames {
		out[i] = string(b)
	}
	return out
}

// BeginStage creates an empty staging graph, dropping the one an
// interrupted rebuild left (half built: its progress is the caller's).
func BeginStage(tx *bolt.Tx) error {
	if err := DropStage(tx); err != nil {
		return err
	}
	st, err := tx.CreateBucket(bucketStaging)
	if err != nil {
		return fmt.Errorf("create staging graph: %w", err)
	}
	for _, b := range graphBucketNames {
		if _, err := st.CreateBucket(b); err != nil {
			return fmt.Errorf("create staging graph: %w", err)
		}
	}
	return nil
}

// DropStage removes the staging graph, if there is one.
func DropStage(tx *bolt.Tx) error {
	if tx.Bucket(bucketStaging) == nil {
		return nil
	}
	if err := tx.DeleteBucket(bucketStaging); err != nil {
		return fmt.Errorf("drop staging graph: %w", err)
	}
	return nil
}

// HasStage reports whether tx holds a staging graph.
func HasStage(tx *bolt.Tx) bool { return tx.Bucket(bucketStaging) != nil }

// errNoStage is Staged's and Swap's error when BeginStage did not run.
var errNoStage = errors.New("no staging graph (graph.next)")

// Staged is the graph being built in the staging bucket of tx: its Put
// and Flush write there; its reads read the root's graph (a rebuild
// reads nothing of the graph it builds but what Put reads itself).
func Staged(tx *bolt.Tx, c Codec) (Graph, error) {
	st := tx.Bucket(bucketStaging)
	if st == nil {
		return Graph{}, errNoStage
	}
	for _, b := range graphBucketNames {
		if st.Bucket(b) == nil {
			return Graph{}, fmt.Errorf("staging graph without its bucket %s", b)
		}
	}
	return Graph{tx: tx, c: c, root: st}, nil
}

// Flush writes t's counts into g's buckets (a staged graph's: Tally.Flush
// writes the root's).
func (g Graph) Flush(t *Tally) error { return t.flush(g.root) }

// Swap replaces the root's graph buckets by the staging graph's and
// removes the staging bucket: O(buckets), whatever the graph's size. It
// does not Stamp. tx must have written nothing into the staged graph:
// bbolt's MoveBucket moves a child as its parent last stored it (the
// bucket's header in the parent's leaf), dropping the child's pages this
// transaction dirtied, so Put and Flush into the staged graph commit in
// an earlier transaction (TestSwapAfterCommit).
func Swap(tx *bolt.Tx) error {
	st := tx.Bucket(bucketStaging)
	if st == nil {
		return errNoStage
	}
	for _, b := range graphBucketNames {
		if tx.Bucket(b) != nil {
			if err := tx.DeleteBucket(b); err != nil {
				return fmt.Errorf("swap in the staged graph: drop %s: %w", b, err)
			}
		}
		if err := tx.MoveBucket(b, st, nil); err != nil {
			return fmt.Errorf("swap in the staged graph: move %s: %w", b, err)
		}
	}
	return DropStage(tx)
}
