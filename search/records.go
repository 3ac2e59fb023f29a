package search

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/vanban/vanban/corpus"
)

// Records gives a document by ID: the corpus store (*corpus.Store). The
// index stores no display field (indexer.MappingVersion 14): a hit's
// title, URL, date, type, number, issuer, site and file pages are read
// from the store with its body, one read per hit on the page, when the
// Searcher's Texts is also Records. With Texts only (an evaluation's
// TextMap) hits carry their ID, score and snippet.
type Records interface {
	Get(id string) (*corpus.Document, error)
}

// DocMap is Texts and Records held in memory: the documents by ID.
type DocMap map[string]*corpus.Document

// Get returns the document id, corpus.ErrNotFound when m has none.
func (m DocMap) Get(id string) (*corpus.Document, error) {
	if d, ok := m[id]; ok {
		return d, nil
	}
	return nil, fmt.Errorf("search: get %s: %w", id, corpus.ErrNotFound)
}

// Bodies returns the full bodies of ids that m holds.
func (m DocMap) Bodies(ctx context.Context, ids []string) (map[string]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("search: bodies: %w", err)
	}
	out := make(map[string]string, len(ids))
	for _, id := range ids {
		if d, ok := m[id]; ok {
			out[id] = d.FullBody()
		}
	}
	return out, nil
}

// records reads the documents of ids when s's texts are Records (ok),
// stopping when ctx ends. A document missing from the store (deleted since
// it was indexed) has no entry: its hit is degraded to its ID and score,
// without display fields or snippet, rather than failing the page. Any
// other read error fails the search.
func (s *Searcher) records(ctx context.Context, ids []string) (docs map[string]*corpus.Document, ok bool, err error) {
	r, ok := s.texts.(Records)
	if !ok {
		return nil, false, nil
	}
	docs = make(map[string]*corpus.Document, len(ids))
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return nil, true, fmt.Errorf("records of %d hits: %w", len(ids), err)
		}
		d, err := r.Get(id)
		if errors.Is(err, corpus.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, true, fmt.Errorf("record of hit %s: %w", id, err)
		}
		docs[id] = d
	}
	return docs, true, nil
}

// display sets h's display fields from its document, with the body the
// snippet is cut from (whose page starts are shifted by the summary before
// the body, as the index counts them).
func (h *Hit) display(d *corpus.Document, body string) {
	h.Title, h.URL, h.Type, h.Number, h.Issuer, h.Site = d.Title, d.URL, d.Type, d.Number, d.Issuer, d.Site
	if _, err := time.Parse(time.DateOnly, d.Published); err == nil {
		h.Published = d.Published
	}
	if d.File != nil {
		h.File = d.File.Kind
		h.pages = d.File.Shifted(len(body) - len(d.Body))
	}
}
