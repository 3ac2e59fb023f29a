package web

import (
	"context"
	"fmt"
	"sync/atomic"

	"golang.org/x/sync/semaphore"

	"github.com/vanban/vanban/corpus"
)

// Memory of the document routes. Four concurrent requests for a document
// of 52 MB took a server to 2.66 GB: each decoded the whole document,
// escaped and marked its whole text and buffered the page. Now a page shows
// the body a part at a time (docpart.go) and the requests that load a
// whole document (the page, /api/documents/{id}) first weigh it by its
// stored size and wait until that much of the handler's document memory
// is free; a page naming other documents reads only their heads.

// DefaultDocMemory is the document memory of a handler: the bytes of
// documents its document routes hold at once, weighed by docWeight.
const DefaultDocMemory = 256 << 20

// docWeight is what a document being served weighs per byte of its stored
// JSON: the decoder's unescaped copy of the text (transient), the decoded
// text itself, and the JSON of /api/documents/{id} (encoding/json buffers
// a whole value before it writes it). Measured: BenchmarkDocPageBig,
// docs/log/perf-costly-queries.md.
const docWeight = 3

// sizer is a Docs that knows a document's stored size and reads its head
// without its text (corpus.Store).
type sizer interface {
	DocSize(id string) (int, error)
	Head(id string) (*corpus.Document, error)
}

// docMemory is a weighted semaphore of document bytes. A document heavier
// than the whole takes all of it: one at a time.
type docMemory struct {
	sem     *semaphore.Weighted
	size    int64
	inUse   atomic.Int64
	waiting atomic.Int64 // requests waiting in acquire
}

func newDocMemory(bytes int64) *docMemory {
	bytes = max(bytes, 1<<20)
	return &docMemory{sem: semaphore.NewWeighted(bytes), size: bytes}
}

// acquire waits until a document of stored size n fits, or ctx ends.
func (m *docMemory) acquire(ctx context.Context, n int) (release func(), err error) {
	w := min(int64(n)*docWeight, m.size)
	m.waiting.Add(1)
	err = m.sem.Acquire(ctx, w)
	m.waiting.Add(-1)
	if err != nil {
		return nil, fmt.Errorf("waiting for %d bytes of document memory: %w", w, err)
	}
	m.inUse.Add(w)
	return func() { m.inUse.Add(-w); m.sem.Release(w) }, nil
}

// loadDoc reads a whole document once its weight fits in the handler's
// document memory; release frees it. With a Docs that cannot say sizes
// (a test double) it reads it at once.
func (h *Handler) loadDoc(ctx context.Context, id string) (doc *corpus.Document, release func(), err error) {
	release = func() {}
	if s, ok := h.docs.(sizer); ok {
		n, err := s.DocSize(id)
		if err != nil {
			return nil, nil, err
		}
		if release, err = h.docMem.acquire(ctx, n); err != nil {
			return nil, nil, err
		}
	}
	doc, err = h.docs.Get(id)
	if err != nil {
		release()
		return nil, nil, err
	}
	return doc, release, nil
}

// head reads a document to name it in a list: its head without its text
// when Docs can (corpus.Store), else the whole document.
func (h *Handler) head(id string) (*corpus.Document, error) {
	if s, ok := h.docs.(sizer); ok {
		return s.Head(id)
	}
	return h.docs.Get(id)
}
