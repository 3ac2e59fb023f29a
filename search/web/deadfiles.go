package web

import (
	"context"
	"fmt"
	"time"

	"github.com/vanban/vanban/corpus"
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

// DeadAttachment is an attachment that answered 404 or 410 to the crawler
// since Since (its first miss in a row) and again on LastAsked.
type DeadAttachment struct {
	URL       string    `json:"url"`
	Status    int       `json:"status"` // 404 or 410; 0 when its record is damaged
	Since     time.Time `json:"since"`
	LastAsked time.Time `json:"last_asked"`
}

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
	recs, err := h.deadRecords(ctx, doc, doc.Attachments)
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
	recs, err := h.deadRecords(ctx, doc, []string{doc.URL})
	if d, ok := recs[doc.URL]; ok && err == nil {
		d.URL = doc.URL
		return &d, nil
	}
	return nil, err
}

// deadRecords returns the dead records of urls (doc's attachments, or
// its own file); nil without WithDeadFiles or when the store cannot say
// (logged); an ended ctx is its error.
func (h *Handler) deadRecords(ctx context.Context, doc *corpus.Document, urls []string) (map[string]DeadAttachment, error) {
	if h.deadFiles == nil {
		return nil, nil
	}
	recs, err := h.deadFiles(ctx, urls)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		h.log.Error("dead attachments unreadable", "doc_id", doc.ID, "err", err)
		return nil, nil
	}
	return recs, nil
}

// deadNote is what the page says of a dead attachment: "Tệp đính kèm
// không còn truy cập được (404) từ 06/12/2026" (the date of its first
// miss, as the crawler records it, UTC).
func deadNote(d DeadAttachment) string {
	code := ""
	if d.Status != 0 {
		code = fmt.Sprintf(" (%d)", d.Status)
	}
	since := ""
	if !d.Since.IsZero() {
		since = " từ " + d.Since.UTC().Format("02/01/2006")
	}
	return "Tệp đính kèm không còn truy cập được" + code + since
}
