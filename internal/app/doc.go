// Package app is what the vanban commands do: it wires the packages below
// into crawls, imports, index runs, the nightly job, the server and the
// reports. cmd/vanban only parses flags into an Options struct and calls one
// RunX per command (RunCrawl, RunNightly, RunServe…); this is the place to
// start reading.
//
// # Layers
//
//	cmd/vanban        flags → Options, command table, signals, exit codes
//	internal/app      this package: one RunX per command, the nightly job,
//	                  its lock and schedule, the control socket, the server
//	eval              ranking quality and speed on BEIR-layout sets
//	search            queries, ranking, snippets, facets; the web layer
//	indexer           the bleve index: analyzers, mapping, Sync with the store
//	crawler           polite incremental fetching, WARC archive, re-extraction
//	crawler/extract   HTML → article (title, date, body, number, type, issuer)
//	crawler/filetext  PDF (text layer, OCR), DOCX, DOC → the same, with pages
//	corpus            documents, the store (source of truth), citations, links
//	corpus/viet       Vietnamese text: NFC, tone placement, folding, tokens
//
// Each layer imports only layers below it; nothing points back up.
//
// # From a page to a hit
//
//  1. Crawl (RunCrawl, or the nightly job). crawler.Crawler fetches the
//     configured portals' pages: robots.txt, a per-host delay, retries,
//     conditional GET from the validators kept per URL. Every answer is
//     appended to a WARC file under DATA/warc before it is used. The PDF,
//     DOCX and DOC files an article links are fetched the same way and read
//     by crawler/filetext in a pool beside the page workers (OCR never
//     holds a page); each becomes a document of its own whose Parent is the
//     article. RunIngest reads folders of such files the same way.
//  2. Extract. crawler/extract decodes the page (charset, legacy
//     encodings → NFC) and takes out the article: title, date, body,
//     attachments and the document's number, type and issuer (from a
//     property table or the document's own header; crawler falls back on a
//     citation opening the title).
//  3. Store. corpus.Store.Put writes the document (ID from its canonical
//     URL) in one bbolt transaction with a new change sequence number and
//     its outgoing citations; the URL leaves the crawl frontier only after
//     that. The store is the source of truth; RunIngest takes the same path
//     for JSON Lines (Store.PutBatch).
//  4. Index. indexer.Index.Sync applies every change after the last sequence
//     it applied (new, changed, gone) to the bleve index: each text field in
//     an exact, a folded (accent-free) and a bigram view, the document
//     number as one key. RunIndex --rebuild builds it again from the store.
//  5. Search. search parses the query (words, "phrases", -exclusions,
//     numbers in any spelling, intents), builds one bleve query and ranks
//     the top hits without scoring documents that cannot enter the page; the
//     total and facets come from posting bitmaps. Snippets are cut from the
//     body kept in the store (the index stores none), with marks on the
//     original accented text.
//  6. Page. search's HTTP handler renders the result page, the document
//     page (with the archived copy read back from the WARC) and the JSON
//     API. RunServe and RunDemo build it in one function (web.go).
//
// # From a plan to its links
//
//  1. Citations. cite.ParseRefs (package corpus/cite) finds every
//     reference in a document's title, summary and body ("Nghị quyết số
//     154/NQ-CP ngày 23/11/2022 của Chính phủ"): type (from the one
//     vocabulary, corpus/doctype), number key (doctype.NumberKey, the key the
//     index gives the same number), date, issuer.
//  2. Graph. Store.Put keeps them in the citation graph in the same
//     transaction as the document: who carries a number, what a document
//     cites, who cites a number. References resolve when read, so a
//     citation stored before the cited document resolves once it arrives
//     (Store.Refs, Store.CitedBy, Store.ByNumber; RunRefs).
//  3. Outline. outline.Parse (corpus/outline) splits a plan's body into sections and
//     items (numbered items, task tables with agency and deadline) and a
//     resolution's into passages, one per task.
//  4. Links. Store.Links scores each task item of a plan (Kế hoạch,
//     Chương trình) against the passages of the resolutions it cites, from
//     the graph; Store.Coverage lists, per task of a resolution, the plans
//     and items implementing it and the tasks no plan covers. Links are
//     computed when asked (RunLinks, the document page), never stored.
//
// # One owner per data directory
//
// bleve and bbolt allow one writing process each. Without a server,
// RunNightly owns the data directory under DATA/nightly.lock (flock: the
// kernel releases it when the process dies) and runs the job (crawl, then
// Sync, then a report kept in the store's history). With a server, RunServe
// owns it and listens on DATA/control.sock; a `vanban nightly` started by
// cron takes the lock, finds the socket and hands the job over, and the
// server runs the same job in process while searches go on. `vanban status`
// and `vanban stats` read the store, or ask the server when it holds it.
// The read commands (search, refs, links, tasks) compute an answer from a
// reader and print it (reader.go); while a server holds the directory it
// publishes its address in DATA/serve.json (serveaddr.go) and they ask its
// read API (cliapi.go, remote.go) for the same answer, or the server named
// by --server.
//
// # Errors
//
// A RunX returns an error naming the file and what to do. Two classes, which
// keep the message, tell the command line which exit code to use:
// ErrLocked (another process holds the data directory or the nightly lock:
// 75) and ErrBadConfig (the sites file: 78). Any other error is a failure
// (1); a crawl or nightly run in which some pages failed, or a site was
// refused for a run another sites file began (report other_run), is one too, after
// its report is written.
package app
