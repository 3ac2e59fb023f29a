package tasktable

// Readers of the task table (format in store.go), each in a transaction
// the store opened: the change log, the stored tasks of a document, the
// count of stale ones (store.go: At, States). corpus's Store methods
// TaskChanges, TaskSeq, Tasks and StaleTasks open it and call them.

import (
	"encoding/binary"

	bolt "go.etcd.io/bbolt"
)

// TaskChange is a document whose tasks changed.
type TaskChange struct {
	ID    string
	Head  *TaskHead // the document, its parents and those it implements; nil when it has no tasks and implements nothing
	Keys  []TaskKey // the keys of its stored tasks (At reads them): none for a document implementing a parent without tasks
	Stale bool      // they are to be recomputed (Sync; corpus's ComputeTasks for a reader)
}

// Changes appends to batch, in log order, up to page documents whose
// tasks changed (were marked stale or recomputed) at log sequence next or
// after, and returns it with the sequence of the last one (0: none).
// corpus's Store.TaskChanges reads the log so, a page a transaction.
func Changes(tx *bolt.Tx, next uint64, page int, batch []TaskChange) ([]TaskChange, uint64, error) {
	if err := tasksReady(tx); err != nil {
		return batch, 0, err
	}
	last := uint64(0)
	dirty := tx.Bucket(bucketTaskDirty)
	c := tx.Bucket(bucketTaskLog).Cursor()
	for k, id := c.Seek(seqKey(next)); k != nil && len(batch) < page; k, id = c.Next() {
		ch := TaskChange{ID: string(id), Stale: dirty.Get(id) != nil}
		h, err := getHeader(tx, id)
		if err != nil {
			return batch, last, err
		}
		if h != nil {
			ch.Head, ch.Keys = &h.TaskHead, h.Keys
		}
		batch = append(batch, ch)
		last = binary.BigEndian.Uint64(k)
	}
	return batch, last, nil
}

// Seq is the last sequence of the task log: when it has not moved, no
// task changed.
func Seq(tx *bolt.Tx) (uint64, error) {
	if err := tasksReady(tx); err != nil {
		return 0, err
	}
	if raw := tx.Bucket(bucketMeta).Get(metaTaskSeq); len(raw) == 8 {
		return binary.BigEndian.Uint64(raw), nil
	}
	return 0, nil
}

// Get returns the stored tasks of document id (nil when none stored; a
// document implementing a parent without tasks has its header and no
// tasks) and whether they are stale.
func Get(tx *bolt.Tx, id string) (*PlanTasks, bool, error) {
	if err := tasksReady(tx); err != nil {
		return nil, false, err
	}
	stale := tx.Bucket(bucketTaskDirty).Get([]byte(id)) != nil
	pt, err := getTasks(tx, []byte(id))
	return pt, stale, err
}

// StaleCount is the number of documents whose tasks are stale.
func StaleCount(tx *bolt.Tx) (int, error) {
	if err := tasksReady(tx); err != nil {
		return 0, err
	}
	return tx.Bucket(bucketTaskDirty).Stats().KeyN, nil
}

// tasksReady reports ErrStale for a table built by another version
// (a read-only store that was not upgraded).
func tasksReady(tx *bolt.Tx) error {
	if tx.Bucket(bucketTasks) == nil || string(tx.Bucket(bucketMeta).Get(metaTasks)) != tasksStamp() {
		return ErrStale
	}
	return nil
}
