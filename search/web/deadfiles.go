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
// (dead), by the same record.

// DeadAttachment is an attachment (or the file a document was read from)
// that answered 404 or 410 to the crawler since Since (its first miss in
// a row) and again on LastAsked.
type DeadAttachment = corpus.DeadMark

// DeadFilesFunc returns the dead records of the attachments urls, keyed
// by the URL as given (an attachment without one is absent); ctx's error
// when ctx ends.
type DeadFilesFunc func(ctx context.Context, urls []string) (map[string]DeadAttachment, error)

// WithDeadFiles marks the dead attachments on the document page and lists
// them in /api/documents/{id} (dead_attachments).
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
// (Hit.Dead), a page of results at a time: one lookup for the page's file
// hits (a record per file, never the namespace), none for page hits.
func (h *Handler) deadHits(ctx context.Context, hits []search.Hit) error {
	var urls []string
	for _, hit := range hits {
		if hit.File != "" && hit.URL != "" {
			urls = append(urls, hit.URL)
		}
	}
	if len(urls) == 0 {
		return nil
	}
	recs, err := h.deadRecords(ctx, "search hits", urls)
	for i := range hits {
		if d, ok := recs[hits[i].URL]; ok && hits[i].File != "" {
			d.URL = hits[i].URL
			hits[i].Dead = &d
		}
	}
	return err
}

// deadRecords returns the dead records of urls (a document's
// attachments, its own file, a page of hits' or tasks' files); nil
// without WithDeadFiles or when the store cannot say (logged, naming
// what asked: a document ID); an ended ctx is its error.
func (h *Handler) deadRecords(ctx context.Context, what string, urls []string) (map[string]DeadAttachment, error) {
	if h.deadFiles == nil || len(urls) == 0 {
		return nil, nil
	}
	recs, err := h.deadFiles(ctx, urls)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		h.log.Error("dead attachments unreadable", "doc_id", what, "err", err)
		return nil, nil
	}
	return recs, nil
}

// deadNote is what the page says of a dead attachment (DeadMark.Note).
func deadNote(d DeadAttachment) string { return d.Note() }

// planFile is the URL of the file a task's plan was read from ("" for a
// plan read from a page).
func planFile(r *tasks.Row) string {
	if r.Plan.Parent == "" { // only a file has an article linking it
		return ""
	}
	return r.Plan.URL
}

// deadPlans marks the rows whose plan was read from a file that answers
// 404 or 410 now (Row.PlanDead), a page of tasks at a time: one lookup
// for the page's plan files, each once.
func (h *Handler) deadPlans(ctx context.Context, rows []tasks.Row) error {
	var urls []string
	seen := map[string]bool{}
	for i := range rows {
		if u := planFile(&rows[i]); u != "" && !seen[u] {
			seen[u] = true
			urls = append(urls, u)
		}
	}
	recs, err := h.deadRecords(ctx, "tasks", urls)
	for i := range rows {
		if d, ok := recs[planFile(&rows[i])]; ok {
			d.URL = rows[i].Plan.URL
			rows[i].PlanDead = &d
		}
	}
	return err
}

// deadPlanMemo marks the rows of an export as they stream, asking each
// plan file's record once (an export of 100,000 tasks asks as many
// records as it has plans read from files).
type deadPlanMemo struct {
	h    *Handler
	seen map[string]*DeadAttachment
}

func (m *deadPlanMemo) mark(ctx context.Context, r *tasks.Row) error {
	u := planFile(r)
	if u == "" {
		return nil
	}
	d, ok := m.seen[u]
	if !ok {
		one := []tasks.Row{*r}
		if err := m.h.deadPlans(ctx, one); err != nil {
			return err
		}
		d = one[0].PlanDead
		if m.seen == nil {
			m.seen = map[string]*DeadAttachment{}
		}
		m.seen[u] = d
	}
	r.PlanDead = d
	return nil
}
