package tasktable

// Sync: the stale tasks recomputed and stored, in batches of transactions
// of the store's (format in store.go).

import (
	"bytes"
	"context"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/vanban/vanban/corpus/link"
)

// DB is what Sync asks of the store's file: its transactions (corpus
// passes its guarded *bolt.DB).
type DB interface {
	View(fn func(*bolt.Tx) error) error
	Update(fn func(*bolt.Tx) error) error
}

// Source is what Sync asks of the store: its transactions, and a
// document's tasks and the parents it implements (PlanTasks.Implements)
// computed from the store as it is now (nil when it has no tasks and
// implements nothing, or is gone), its parents' linking targets from
// cache.
type Source interface {
	DB
	Compute(id string, cache *link.Cache) (*PlanTasks, error)
}

// TaskSyncStats tells what Sync did.
type TaskSyncStats struct {
	Computed int `json:"computed"` // stale documents recomputed
	WithTask int `json:"with_tasks"`
	Tasks    int `json:"tasks"`   // tasks they hold
	Retried  int `json:"retried"` // marked again while computed: left stale for the next round
}

// syncBatch is the number of documents Sync computes between two write
// transactions.
const syncBatch = 64

// Sync recomputes the stale tasks (the links of each stale implementing
// document, src.Compute with cache) and stores them, in transactions of
// src's. progress, when not nil, is called after each batch with the
// documents done and those still stale. It stops when none is stale or
// ctx is done.
func Sync(ctx context.Context, src Source, cache *link.Cache, progress func(done, stale int)) (TaskSyncStats, error) {
	var st TaskSyncStats
	total := -1 // stale documents at the start, for progress
	for {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		batch, n, err := staleBatch(src, syncBatch)
		if err != nil {
			return st, err
		}
		if total < 0 {
			total = n
		}
		if len(batch) == 0 {
			return st, nil
		}
		for i := range batch {
			if err := ctx.Err(); err != nil {
				return st, err
			}
			if batch[i].pt, err = src.Compute(batch[i].id, cache); err != nil {
				return st, err
			}
		}
		retried := st.Retried
		if err := storeTasks(src, batch, &st); err != nil {
			return st, err
		}
		if progress != nil {
			progress(st.Computed, max(0, total-st.Computed))
		}
		if st.Retried-retried == len(batch) && st.Retried > 8*syncBatch {
			return st, fmt.Errorf("corpus: sync tasks: documents keep changing while computed (%d retries)", st.Retried)
		}
	}
}

// staleTasks is a stale document, the mark it was read with and its
// tasks once computed.
type staleTasks struct {
	id  string
	seq []byte
	pt  *PlanTasks
}

// staleBatch returns up to n stale documents and how many there are
// (counted only when the batch is full).
func staleBatch(db DB, n int) ([]staleTasks, int, error) {
	var batch []staleTasks
	total := 0
	err := db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketTaskDirty)
		if b == nil {
			return ErrStale
		}
		c := b.Cursor()
		for k, v := c.First(); k != nil && len(batch) < n; k, v = c.Next() {
			batch = append(batch, staleTasks{id: string(k), seq: bytes.Clone(v)})
		}
		total = len(batch)
		if total == n {
			total = b.Stats().KeyN
		}
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("corpus: sync tasks: %w", err)
	}
	return batch, total, nil
}

// storeTasks stores the computed tasks of batch in one transaction,
// leaving stale those marked again since they were read.
func storeTasks(db DB, batch []staleTasks, st *TaskSyncStats) error {
	err := db.Update(func(tx *bolt.Tx) error {
		dirty := tx.Bucket(bucketTaskDirty)
		for _, b := range batch {
			if cur := dirty.Get([]byte(b.id)); !bytes.Equal(cur, b.seq) {
				st.Retried++
				continue
			}
			if err := put(tx, b.id, b.pt); err != nil {
				return err
			}
			if b.pt != nil && len(b.pt.Tasks) > 0 {
				st.WithTask++
				st.Tasks += len(b.pt.Tasks)
			}
			if err := dirty.Delete([]byte(b.id)); err != nil {
				return err
			}
			if _, err := relog(tx, b.id); err != nil {
				return err
			}
			st.Computed++
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("corpus: store tasks: %w", err)
	}
	return nil
}
