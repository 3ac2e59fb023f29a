// Package graph is the citation and relation graph of the stored
// documents: what each document cites and what its text says it does to
// others (implements, amends, replaces, repeals …), kept in buckets of the
// store's bbolt file, and what is derived from them when asked — the
// documents citing a number, a document's Lược đồ counted by group, its
// legal effect.
//
// It owns the graph's format (graph.go: the buckets and Version;
// refsval.go, edgeval.go: the values; relcount.go: the group counts), its
// writes (Graph.Put, Tally) and its reads (Graph.Refs, CitedBy,
// CitedByPage, ByNumber, Entry; relgroups.go: RelationGroups,
// RelationsGrouped, RelationGroupPage; effect.go, span.go, labels.go:
// Effect, DocEffect, Span, the states and their labels). It knows
// neither the store nor its Document: corpus opens the transaction and
// hands the graph its tx (Of), reads a document's text with
// cite.ParseDoc and passes the result with a Doc (ID, number,
// publication date) to EntryOf, and implements
// the two things the graph asks of the store: Codec (the record codec
// that compresses the long refs values with the store's dictionary) and
// Toucher (a new sequence for a document whose effect a write changes).
// Callers outside corpus use corpus.Store's methods (Refs, CitedBy,
// CitedByPage, ByNumber, Relations, RelationGroups, RelationsGrouped,
// RelationGroupPage, Effect, DocEffect, EffectSpan), which open a read
// transaction and ask the graph; their results are this package's types.
//
// The files by concern: graph.go (the format and its history, Version,
// the buckets, Codec, Toucher, Graph, Of, Reset, Current, Stamp),
// entry.go (Entry, EntryOf, Graph.Entry, Refs), put.go (Put), citedby.go
// (the pair buckets' reads: CitedBy, ByNumber, CitedByPage), refsval.go
// (the refs values: Encode, Decode), edges.go (relation edges: Edge,
// docEdges, their index entries and walks), edgeval.go (the edge values),
// relcount.go (the group counts, Tally), relgroups.go (the relations by
// group, Link, Relations), linkset.go (the links a group's walk has
// named, without a string each), effect.go (legal effect: the states,
// Effect, DocEffect, End), span.go (Span), labels.go (the states', the
// changes' and the relations' labels, ViDate).
//
// Tests: the graph's own run on a bbolt file of their own
// (harness_test.go: the graph's buckets and a "meta" bucket, a Codec
// compressing with zstd without dictionary, a Toucher recording the IDs
// it is asked to touch, entries read from texts with cite.ParseDoc and
// EntryOf as corpus reads a văn bản's); corpus's check the store's side —
// its writes (Put, PutBatch, MarkGone), compaction, salvage and the
// rebuild on open keep the graph a rebuild gives (checkRebuilt), its
// trained dictionaries, and the errors of its wrappers.
//
// Caveats:
//   - The buckets live in the store's file and are written in the store's
//     write transaction (Put, PutBatch, MarkGone, a rebuild on open), so
//     the graph is never behind the documents; compaction and salvage copy
//     them as they copy every bucket. Nothing here opens a transaction.
//   - Version is stored under the key "graph" of the store's "meta"
//     bucket; corpus rebuilds the graph on a read-write open when it
//     differs (Current, Reset, Stamp). Bump it when cite.ParseDoc, EntryOf
//     or the bucket layout changes what is stored, and prepend a paragraph
//     to the history in graph.go; corpus/tasktable's stamp includes it.
//   - The refs values are compressed with the store's trained dictionary
//     (Codec): a value read with another store's codec does not decode.
//   - Ends are lookup keys (doctype.NumberKey) or "#" and an ID: the Store's
//     methods take a number in any spelling; Graph's take keys and ends
//     (End).
//   - What a document is (a news page states no relation: corpus's
//     IsReport) is decided before EntryOf, by corpus.
package graph
