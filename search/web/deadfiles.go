package web

import (
	"context"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/search"
	"github.com/vanban/vanban/tasks"
)

// Dead attachments on the document page and in /api/documents/{id}: an
// article's file that answers 404 or 410 keeps its link (staff may want
// to try it, or cite it to the portal) and says since when it is dead.
// The records are the crawler's (crawler.DeadFilesOf, namespace
// files/dead): the handler asks for the document's own attachments only,
// through DeadFilesFunc, and never reads the key layout itself. A
// document read from a file that died since (kept by the crawler while
// its article links the file) says so on its own page and in its JSON
// (dead), by the same record, and so does every listing of it: its search
// hit (page, /api/search, the CSV and JSONL exports) and its tasks (the
// tasks page, /api/tasks, /api/tasks.csv) — a page of results asks for
// its own files' records only (search.MarkDead, tasks.MarkDead).

// DeadAttachment is an attachment (or the file a document was read from)
// that answered 404 or 410 to the crawler since Since (its first miss in
// a row) and again on LastAsked.
type DeadAttachment = corpus.DeadMark

// DeadFilesFunc returns the dead records of the files urls
// (crawler.DeadFilesOf: internal/app's deadFilesFunc).
type DeadFilesFunc = corpus.DeadFilesFunc

// WithDeadFiles marks the dead attachments on the document page and lists
// them in /api/documents/{id} (dead_attachments), and marks the documents
// whose own file is dead wherever they are listed.
func WithDeadFiles(f DeadFilesFunc) Option { return func(h *Handler) { h.deadFiles = f } }

// deadAttachments returns doc's dead attachments in its order. A store
// that cannot say is logged and shows none (the page and its links are
// still right); an ended ctx is its error.
func (h *Handler) deadAttachments(ctx context.Context, doc *corpus.Document) ([]DeadAttachment, error) {
	if len(doc.Attachments) == 0 {
		return nil, nil
	}
	recs, err := h.deadRecords(ctx, doc.ID, doc.Attachments)
	if err != nil || recs == nil {
		return nil, err
	}
	var out []DeadAttachment
	for _, u := range doc.Attachments {
		if d, ok := recs[u]; ok {
			d.URL = u
			out = append(out, d)
		}
	}
	return out, nil
}

// deadSelf returns the dead record of the file doc was read from, when
// that file now answers 404 or 410 (the crawler keeps the document while
// its article links the file); nil when doc is no file or its file
// answers.
func (h *Handler) deadSelf(ctx context.Context, doc *corpus.Document) (*DeadAttachment, error) {
	if doc.File == nil || doc.URL == "" {
		return nil, nil
	}
	recs, err := h.deadRecords(ctx, doc.ID, []string{doc.URL})
	if d, ok := recs[doc.URL]; ok && err == nil {
		d.URL = doc.URL
		return &d, nil
	}
	return nil, err
}

// deadHits marks the hits read from a file that answers 404 or 410 now
// (search.MarkDead: one lookup per file hit of the page, none for page
// hits, never the namespace).
func (h *Handler) deadHits(ctx context.Context, hits []search.Hit) error {
	return search.MarkDead(ctx, hits, h.deadReader("search hits"))
}

// deadPlans marks the rows whose plan was read from a file that answers
// 404 or 410 now (tasks.MarkDead: each plan file of the page once).
func (h *Handler) deadPlans(ctx context.Context, rows []tasks.Row) error {
	return tasks.MarkDead(ctx, rows, h.deadReader("tasks"))
}

// deadReader is h.deadFiles with deadRecords' failures: a store that
// cannot say is logged (naming what asked) and marks nothing; nil without
// WithDeadFiles.
func (h *Handler) deadReader(what string) corpus.DeadFilesFunc {
	if h.deadFiles == nil {
		return nil
	}
	return func(ctx context.Context, urls []string) (map[string]corpus.DeadMark, error) {
		return h.deadRecords(ctx, what, urls)
	}
}

// deadRecords returns the dead records of urls (a document's
// attachments, its own file, a page of hits' or tasks' files); nil
// without WithDeadFiles or when the store cannot say (logged, naming
// what asked: a document ID, "search hits" or "tasks"); an ended ctx
// is its error.
func (h *Handler) deadRecords(ctx context.Context, what string, urls []string) (map[string]DeadAttachment, error) {
	if h.deadFiles == nil || len(urls) == 0 {
		return nil, nil
	}
	recs, err := h.deadFiles(ctx, urls)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		h.log.Error("dead attachments unreadable", "for", what, "err", err)
		return nil, nil
	}
	return recs, nil
}

// deadNote is what the page says of a dead attachment (DeadMark.Note).
func deadNote(d DeadAttachment) string { return d.Note() }
