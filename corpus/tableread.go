package corpus

// The Store's reads and sync of the task table (corpus/tasktable): thin
// wrappers passing the store's file, so that callers hold one Store.

import (
	"context"

	"github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/corpus/tasktable"
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
	return tasktable.Changes(ctx, s.db, since, fn)
}

// TaskSeq is the last sequence of the task log: when it has not moved, no
// task changed.
func (s *Store) TaskSeq() (uint64, error) { return tasktable.Seq(s.db) }

// Tasks returns the stored tasks of document id (nil when none) and
// whether they are stale.
func (s *Store) Tasks(id string) (*tasktable.PlanTasks, bool, error) { return tasktable.Get(s.db, id) }

// StaleTasks is the number of documents whose tasks are stale.
func (s *Store) StaleTasks() (int, error) { return tasktable.StaleCount(s.db) }

// TasksAt returns the stored tasks refs name, in one read; a task no
// longer stored is nil.
func (s *Store) TasksAt(refs []tasktable.TaskRef) ([]*tasktable.Task, error) {
	return tasktable.At(s.db, refs)
}

// taskStates reads the task state of documents ids, in one read.
func (s *Store) taskStates(ids []string) []tasktable.State { return tasktable.States(s.db, ids) }
