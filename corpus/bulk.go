package corpus

import (
	"encoding/binary"
	"fmt"
	"sync"

	"github.com/vanban/vanban/corpus/graph"
	bolt "go.etcd.io/bbolt"
)

// PutBatch stores docs like Put, but in one bbolt transaction (one fsync)
// for the whole batch: bulk imports write thousands of documents a second
// where Put, with an fsync per document, manages a few hundred. Each
// document goes through the same write path as Put, so its sequence number
// and its citation-graph entries are kept the same way. The changes are
// reported in the order of docs; changed documents get consecutive
// sequence numbers in that order. On error nothing of the batch is stored.
//
// What does not need the write transaction (hashing, reading the stored
// versions, parsing the citations, encoding and compressing the records)
// runs on every core beside it (bulkprep.go); the bytes stored are the
// same as Put's.
func (s *Store) PutBatch(docs []*Document) ([]Change, error) {
	if len(docs) == 0 {
		return nil, nil
	}
	kept, err := s.keptRecords(docs)
	if err != nil {
		return nil, fmt.Errorf("corpus: put batch of %d: %w", len(docs), err)
	}
	spread(len(docs), func(_, i int) { docs[i].prepare() })()
	for d, u := range kept {
		d.URL = u
	}
	// the stored versions and the citations are read beside the training
	// of the store's dictionary, if this write trains it
	var preps []docPrep
	prepared := make(chan error, 1)
	go func() {
		var err error
		preps, err = s.prepareBatch(docs)
		prepared <- err
	}()
	waitPrep := sync.OnceValue(func() error { return <-prepared })
	defer waitPrep()
	changes := make([]Change, len(docs))
	err = s.update(func(tx *bolt.Tx) error {
		codec, err := s.maybeTrain(tx, docs)
		if err != nil {
			return err
		}
		if err := waitPrep(); err != nil {
			return err
		}
		last := uint64(0)
		if raw := tx.Bucket(bucketMeta).Get([]byte("seq")); len(raw) == 8 {
			last = binary.BigEndian.Uint64(raw)
		}
		wait := encodeAhead(codec, docs, preps, last)
		defer wait()
		t := graph.NewTally()
		for i, d := range docs {
			<-preps[i].ready
			c, err := s.put(tx, codec, d, &preps[i], t)
			if err != nil {
				return fmt.Errorf("put %s: %w", d.ID, err)
			}
			changes[i] = c
		}
		return t.Flush(tx)
	})
	if err != nil {
		return nil, fmt.Errorf("corpus: put batch of %d: %w", len(docs), err)
	}
	return changes, nil
}
