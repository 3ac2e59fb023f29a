package tasktable

// Exported for corpus's tests only: they reach the table's format and a
// step of Sync in the store's transactions (TestTasksMarkedAgain,
// TestTasksUpgrade), which a test of this package cannot, having no store.

// Batch is the stale documents Sync computes between two transactions.
type Batch []staleTasks

// StaleBatch reads up to n stale documents, as Sync does.
func StaleBatch(db DB, n int) (Batch, error) {
	b, _, err := staleBatch(db, n)
	return b, err
}

// Compute computes the tasks of each document of b with compute.
func (b Batch) Compute(compute func(id string) (*PlanTasks, error)) error {
	for i := range b {
		var err error
		if b[i].pt, err = compute(b[i].id); err != nil {
			return err
		}
	}
	return nil
}

// Store stores b's tasks as Sync does, leaving stale those marked again
// since they were read.
func (b Batch) Store(db DB, st *TaskSyncStats) error { return storeTasks(db, b, st) }

// BucketNames are the table's buckets.
func BucketNames() [][]byte { return taskBuckets }

// StampKey is the key of the table's stamp in the store's meta bucket.
func StampKey() []byte { return metaTasks }
