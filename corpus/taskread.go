package corpus

// The Store's reads and sync of the task table (corpus/tasktable): each
// opens a transaction of the store's and asks the table, so that callers
// hold one Store.

import (
	"context"
	"fmt"

	"github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/corpus/tasktable"
	bolt "go.etcd.io/bbolt"
)

// SyncTasks recomputes the stale tasks (the links of each stale
// implementing document) and stores them. progress, when not nil, is
// called after each batch with the documents done and those still stale.
// It stops when none is stale or ctx is done.
func (s *Store) SyncTasks(ctx context.Context, progress func(done, stale int)) (tasktable.TaskSyncStats, error) {
	return tasktable.Sync(ctx, taskSource{s.db, s}, link.NewCache(syncCacheParents), progress)
}

// TaskChanges calls fn, in log order, for every document whose tasks
// changed (were marked stale or recomputed) after log sequence since — 0
// for every document with tasks or stale ones — and returns the last
// sequence seen. Entries are read in pages, so fn may take its time.
func (s *Store) TaskChanges(ctx context.Context, since uint64, fn func(tasktable.TaskChange) error) (uint64, error) {
	const page = 256
	last, next := since, since+1
	for {
		var batch []tasktable.TaskChange
		err := s.db.View(func(tx *bolt.Tx) error {
			var err error
			var seq uint64
			batch, seq, err = tasktable.Changes(tx, next, page, batch)
			if len(batch) > 0 {
				last = seq
				next = last + 1
			}
			return err
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

// TaskSeq is the last sequence of the task log: when it has not moved, no
// task changed.
func (s *Store) TaskSeq() (uint64, error) {
	var seq uint64
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		seq, err = tasktable.Seq(tx)
		return err
	})
	return seq, err
}

// Tasks returns the stored tasks of document id (nil when none stored;
// a document implementing a parent without tasks: no tasks) and
// whether they are stale.
func (s *Store) Tasks(id string) (*tasktable.PlanTasks, bool, error) {
	var pt *tasktable.PlanTasks
	stale := false
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		pt, stale, err = tasktable.Get(tx, id)
		return err
	})
	if err != nil {
		return nil, false, fmt.Errorf("corpus: tasks of %s: %w", id, err)
	}
	return pt, stale, nil
}

// StaleTasks is the number of documents whose tasks are stale.
func (s *Store) StaleTasks() (int, error) {
	n := 0
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		n, err = tasktable.StaleCount(tx)
		return err
	})
	return n, err
}

// TasksAt returns the stored tasks refs name, in one read; a task no
// longer stored is nil.
func (s *Store) TasksAt(refs []tasktable.TaskRef) ([]*tasktable.Task, error) {
	var out []*tasktable.Task
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		out, err = tasktable.At(tx, refs)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("corpus: read tasks: %w", err)
	}
	return out, nil
}

// taskStates reads the task state of documents ids, in one read.
func (s *Store) taskStates(ids []string) []tasktable.State {
	out := make([]tasktable.State, len(ids))
	s.db.View(func(tx *bolt.Tx) error {
		tasktable.States(tx, ids, out)
		return nil
	})
	return out
}
