package corpus

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// PutBatch stores docs like Put, but in one bbolt transaction (one fsync)
// for the whole batch: bulk imports write thousands of documents a second
// where Put, with an fsync per document, manages a few hundred. Each
// document goes through the same write path as Put, so its sequence number
// and its citation-graph entries are kept the same way. The changes are
// reported in the order of docs; changed documents get consecutive
// sequence numbers in that order. On error nothing of the batch is stored.
func (s *Store) PutBatch(docs []*Document) ([]Change, error) {
	if len(docs) == 0 {
		return nil, nil
	}
	for _, d := range docs {
		d.prepare()
	}
	changes := make([]Change, len(docs))
	err := s.update(func(tx *bolt.Tx) error {
		codec, err := s.maybeTrain(tx, docs)
		if err != nil {
			return err
		}
		for i, d := range docs {
			c, err := s.put(tx, codec, d)
			if err != nil {
				return fmt.Errorf("put %s: %w", d.ID, err)
			}
			changes[i] = c
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("corpus: put batch of %d: %w", len(docs), err)
	}
	return changes, nil
}
