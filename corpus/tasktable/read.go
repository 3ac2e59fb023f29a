package tasktable

// Readers of the task table (format in store.go): the change log, the
// stored tasks of a document, the count of stale ones. Each reads in a
// transaction of db's: corpus's Store methods TaskChanges, TaskSeq, Tasks
// and StaleTasks pass their file (store.go: At, States).

import (
	"context"
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// TaskChange is a document whose tasks changed.
type TaskChange struct {
	ID    string
	Head  *TaskHead // the document and its parents, nil when it has no tasks stored
	Keys  []TaskKey // the keys of its stored tasks (At reads them)
	Stale bool      // they are to be recomputed (Sync; corpus's ComputeTasks for a reader)
}

// Changes calls fn, in log order, for every document whose tasks
// changed (were marked stale or recomputed) after log sequence since — 0
// for every document with tasks or stale ones — and returns the last
// sequence seen. Entries are read in pages, so fn may take its time.
func Changes(ctx context.Context, db DB, since uint64, fn func(TaskChange) error) (uint64, error) {
	const page = 256
	last, next := since, since+1
	for {
		var batch []TaskChange
		err := db.View(func(tx *bolt.Tx) error {
			if err := tasksReady(tx); err != nil {
				return err
			}
			dirty := tx.Bucket(bucketTaskDirty)
			c := tx.Bucket(bucketTaskLog).Cursor()
			for k, id := c.Seek(seqKey(next)); k != nil && len(batch) < page; k, id = c.Next() {
				ch := TaskChange{ID: string(id), Stale: dirty.Get(id) != nil}
				h, err := getHeader(tx, id)
				if err != nil {
					return err
				}
				if h != nil {
					ch.Head, ch.Keys = &h.TaskHead, h.Keys
				}
				batch = append(batch, ch)
				last = binary.BigEndian.Uint64(k)
				next = last + 1
			}
			return nil
		})
		if err != nil {
			return since, fmt.Errorf("corpus: task changes since %d: %w", since, err)
		}
		for _, ch := range batch {
			if err := ctx.Err(); err != nil {
				return since, err
			}
			if err := fn(ch); err != nil {
				return since, err
			}
		}
		if len(batch) < page {
			return last, nil
		}
	}
}

// Seq is the last sequence of the task log: when it has not moved, no
// task changed.
func Seq(db DB) (uint64, error) {
	var seq uint64
	err := db.View(func(tx *bolt.Tx) error {
		if err := tasksReady(tx); err != nil {
			return err
		}
		if raw := tx.Bucket(bucketMeta).Get(metaTaskSeq); len(raw) == 8 {
			seq = binary.BigEndian.Uint64(raw)
		}
		return nil
	})
	return seq, err
}

// Get returns the stored tasks of document id (nil when none) and
// whether they are stale.
func Get(db DB, id string) (*PlanTasks, bool, error) {
	var pt *PlanTasks
	stale := false
	err := db.View(func(tx *bolt.Tx) error {
		if err := tasksReady(tx); err != nil {
			return err
		}
		stale = tx.Bucket(bucketTaskDirty).Get([]byte(id)) != nil
		var err error
		pt, err = getTasks(tx, []byte(id))
		return err
	})
	if err != nil {
		return nil, false, fmt.Errorf("corpus: tasks of %s: %w", id, err)
	}
	return pt, stale, nil
}

// StaleCount is the number of documents whose tasks are stale.
func StaleCount(db DB) (int, error) {
	n := 0
	err := db.View(func(tx *bolt.Tx) error {
		if err := tasksReady(tx); err != nil {
			return err
		}
		n = tx.Bucket(bucketTaskDirty).Stats().KeyN
		return nil
	})
	return n, err
}

// tasksReady reports ErrStale for a table built by another version
// (a read-only store that was not upgraded).
func tasksReady(tx *bolt.Tx) error {
	if tx.Bucket(bucketTasks) == nil || string(tx.Bucket(bucketMeta).Get(metaTasks)) != tasksStamp() {
		return ErrStale
	}
	return nil
}
