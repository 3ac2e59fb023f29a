// Package tasktable is the task table of the implementing documents:
// every task item of a plan (or of any document that implements a stored
// one), with its agency in charge, co-agencies, deadline, the headings
// above it and the parent passages it implements, computed by linking
// (corpus/link) and kept in buckets of the store's bbolt file with a log
// of what changed, so that readers follow it without recomputing.
//
// It owns what a task is and how it is read from a linked plan (task.go:
// Task, TaskDoc, PlanTasks, the keys a view filters by, Compute, the
// agency, partners and deadline of a task, CompareImplementers), the
// table's format (store.go: the five buckets, the stamp in the store's
// meta bucket, Current, Reset, Stamp, MarkStale, the rows' reads At and
// States), its version (version.go: tasksVersion and each bump's reason,
// newest first), Sync (sync.go: the stale documents recomputed and stored
// in batches; Source, DB) and the readers
// (read.go: Changes, Seq, Get, StaleCount). text.go holds firstLine. Its
// tests run on a bbolt file of their own (harness_test.go), with the
// Source implemented over plain documents.
//
// The seam. The table knows neither the store nor its Document, and
// opens no transaction of its own: corpus opens each and hands it the tx
// (as it does corpus/graph's). In its write transaction (Store.write)
// corpus calls MarkStale for a written document and every document citing
// its number; on a read-write open Current, Reset, its own walk over the
// documents, then Stamp; for a read, Changes (a page of the log), Seq,
// Get, StaleCount, At or States. Sync alone runs over many transactions
// (a read, the linking outside any, a write, a batch at a time), so it
// asks a Source, the small interface the store implements: View and
// Update (corpus's guarded *bolt.DB, so a damaged file never crashes it)
// and Compute (a document's tasks from the store as it is now: corpus's
// computeTasks reads the document and its parents and calls Compute with
// a Plan). Callers hold a *corpus.Store: its methods SyncTasks,
// TaskChanges, TaskSeq, Tasks, StaleTasks, TasksAt and ComputeTasks are
// thin wrappers (corpus/taskread.go, taskdoc.go) returning this
// package's types.
//
// The line with package tasks: this package is the table, stored and
// kept current; tasks is the view over it (an in-memory index of the
// keys that follows Changes, the filters, agency names in any spelling,
// orders, pages, CSV, counts by passage). tasks imports this package and
// not corpus; its Store interface is what corpus.Store offers.
//
// Caveats:
//   - The buckets live in the store's file; compaction and salvage copy
//     them as they copy every bucket. Marks are written in the document's
//     transaction, so the table is never behind the documents' marks; the
//     tasks themselves are as old as the last Sync (a reader that must be
//     exact computes the stale ones: corpus.ComputeTasks).
//   - The stamp "V/G" is tasksVersion and graph.Version: a change to
//     either drops the table on the next read-write open and every plan or
//     document citing a stored one is recomputed. Bump tasksVersion when
//     what a task holds or how it is computed changes (the outline parser,
//     linking, the deadline grammar) and prepend a paragraph to the history
//     above it; TestTasksDemo (corpus) fails when the demo's tasks change
//     and it was not bumped.
//   - A read-only store whose stamp differs answers ErrStale
//     (corpus.ErrTasksStale is the same error).
//   - Errors keep the texts they had in corpus ("corpus: sync tasks: …",
//     "corpus: tasks of …"), as commands print them.
//   - bucketMeta names the store's "meta" bucket here too (as corpus/graph
//     does): the table keeps its stamp and log sequence there.
package tasktable
