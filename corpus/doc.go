// Package corpus is vanban's document model and its durable store: the
// source of truth from which every index can be rebuilt. It keeps, in one
// bbolt file, the documents, the citation graph between them and the
// relations their texts state (corpus/graph's buckets, written in the
// store's transactions), and the task table of the implementing
// documents (corpus/tasktable's buckets, marked in the same
// transactions); it answers what is derived from them when asked (a
// document's roles and coverage, its links, and through corpus/graph its
// relations and legal effect).
//
// What it reads with other packages: a body's structure with
// corpus/outline, references and relations with corpus/cite (keyed by
// doctype.NumberKey), document types and their classes with corpus/doctype,
// deadlines with corpus/deadline. The graph is corpus/graph's (its
// format, Version, values, reads, the Lược đồ and legal effect): corpus
// opens the transaction and hands it the graph's (graph.Of), reads a
// document's text for it (graphdoc.go: docGraph → graph.EntryOf), and
// its record codec is the graph's Codec and Toucher; the Store's methods
// Refs, CitedBy, CitedByPage, ByNumber, Relations, RelationGroups,
// RelationsGrouped, RelationGroupPage, Effect, DocEffect and EffectSpan
// stay, as thin wrappers (graphread.go) returning graph's types, so
// callers hold one Store. Linking a plan's items to its parents'
// passages is corpus/link's: corpus gives it the plan and the parents it
// finds in its graph (linkdoc.go, Store.LinkInput). The task table is
// corpus/tasktable's (what a task is, Compute, the format, tasksVersion,
// Sync, the readers): corpus marks stale in Store.write's transaction the
// tasks a write may change, upgrades the table on open, computes a
// document's tasks for it (taskdoc.go: reading the document and its
// parents) and keeps the Store's methods SyncTasks, TaskChanges, TaskSeq,
// Tasks, StaleTasks, TasksAt and ComputeTasks as thin wrappers
// (taskread.go) returning tasktable's types.
//
// The files by concern:
//   - the model: document.go (Document, IDs), file.go (a document read
//     from a file), jsonl.go, jsonlfast.go, jsonscan.go (the JSON Lines
//     import format and the direct JSON readers);
//   - the store: store.go (the format, Open and its upgrades, Put, Get,
//     MarkGone, the change log, key-value namespaces), lockwait.go (the
//     wait for another process's lock, ended by ctx: internal/boltwait's),
//     upgrade.go (what a
//     long pass over the records honours: ctx and Progress), upgradebatch.go
//     (the upgrade in batches), halfupgrade.go (a half-done upgrade read
//     for a person: HalfUpgraded, UpgradeUnderWay), bulk.go and bulkprep.go (PutBatch),
//     record.go, recordbody.go, recordhead.go, recorddict.go and
//     dicttrain.go (the compressed records, reading a body or a head
//     alone, the trained dictionary and Recompress), head.go (a document
//     without its text), compact.go (Compact), mapped_linux.go and
//     mapped_other.go (ReleaseMapped);
//   - damage: damage.go (a damaged file never crashes a command),
//     boltfile.go (a tolerant reader of store.db), check.go (CheckStore),
//     salvage.go (Salvage, its order of records kept on disk),
//     salvagereport.go (its report kept beside the store);
//   - the seam to corpus/graph: graphdoc.go (DocRefs, docText, docGraph,
//     the graph's writes in the store's transaction, migrate and the
//     rebuild, the codec's Compress, Decompress and Touch, SeqIDs,
//     recodeRefs for Recompress), graphread.go (the Store's reads of the
//     graph);
//   - implementation: coverage.go (Links, Role, Parents, Coverage),
//     report.go (IsReport: a news page is not a văn bản),
//     linkdoc.go (the seam to corpus/link: LinkDoc, LinkInput, IsPlan,
//     IsResolution, the cache's bounds);
//   - the seam to corpus/tasktable: taskdoc.go (ErrTasksStale, the
//     migration's walk, the marks of a write, planTasks, ComputeTasks,
//     the Source Sync asks), taskread.go (the Store's reads and sync of
//     the table).
//
// Caveats (upgrades, docs/log/i28-upgrade.md):
//   - A read-write open upgrades a store an older binary wrote before it
//     returns; a graph of another graph.Version is rebuilt in committed
//     batches (upgradebatch.go): built into the staging bucket
//     "graph.next", swapped in (bbolt's MoveBucket), then every live record
//     renumbered, then the task table's marks (the table unstamped until
//     the last), then a format 2–5 store's URL moves (urlids.go), whose
//     last batch (the marks' otherwise) finishes. A
//     cancel, kill or crash between two batches leaves a half-upgraded
//     store: this binary's read-only opens serve it (the graph stale) and
//     its next read-write open finishes it. CheckStore names such an
//     upgrade (CheckReport.Upgrade, halfupgrade.go: the formats, the
//     step reached, how far, what to run); `vanban check` prints it below
//     the store's line, which says "ok, but half-way through an upgrade".
//     Formats 2–5's URL moves follow the marks in batches (urlStep:
//     docs/log/i30-upgrade.md).
//   - While the upgrade is under way the store's format (meta "version")
//     is an upgrading mark, not a number: every older binary refuses the
//     store, read-only and read-write, quoting the mark ("has store format
//     "6 upgrading to format 7, graph 36 (half done: …)""). Open it with the
//     binary that began the upgrade (or a newer one, which begins it
//     again). This binary refuses a newer binary's mark the same way,
//     writing nothing.
//   - An older binary's refused read-write open may still write its own
//     task table's marks before its format check (the task table is a
//     cache: this binary's finish marks it again); round 21's binaries
//     also dropped the progress record they could not resume (this binary
//     then begins the upgrade again). An older binary's `vanban check`
//     reports the staging bucket as damage and marks the store damaged;
//     this binary's check clears the mark.
//   - Downgrading a finished store is not supported: an older binary
//     refuses a newer format and rebuilds a newer graph on its read-write
//     open.
package corpus
