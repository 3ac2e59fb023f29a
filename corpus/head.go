package corpus

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Reading a document without its text. A stored document may be tens of
// megabytes (a body of 52 MB was seen; ingest now cuts bodies at a limit,
// older stores keep them): pages that only name a document (a citation, a
// cited-by list) read its head, and a server weighs a document by its
// stored size before it loads it.

// DocSize is the size in bytes of a document's JSON, what decoding it
// holds in memory, read without decoding (or decompressing) it.
func (s *Store) DocSize(id string) (int, error) {
	n := 0
	err := s.db.View(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bucketDocs).Get([]byte(id))
		if raw == nil {
			return ErrNotFound
		}
		var err error
		n, err = recordSize(raw)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("corpus: size of %s: %w", id, err)
	}
	return n, nil
}

// head is a stored document's JSON without its text: decoding into it
// skips the summary, the body and the attachments without copying them
// (a compressed record is decompressed first).
type head struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Site      string `json:"site,omitempty"`
	Title     string `json:"title"`
	Published string `json:"published,omitempty"`
	Category  string `json:"category,omitempty"`
	Type      string `json:"type,omitempty"`
	Number    string `json:"number,omitempty"`
	Issuer    string `json:"issuer,omitempty"`
	Hash      string `json:"hash"`
	Gone      bool   `json:"gone,omitempty"`
	Seq       uint64 `json:"seq"`
}

// Head returns the document with the given ID without its summary, body
// and attachments: its title, URL, type, number, issuer, dates and state.
func (s *Store) Head(id string) (*Document, error) {
	var h head
	err := s.db.View(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bucketDocs).Get([]byte(id))
		if raw == nil {
			return ErrNotFound
		}
		js, err := s.recs().json(raw)
		if err != nil {
			return err
		}
		var ok bool
		if h, ok = jsonHead(js); ok {
			return nil
		}
		h = head{}
		return json.Unmarshal(js, &h)
	})
	if err != nil {
		return nil, fmt.Errorf("corpus: head of %s: %w", id, err)
	}
	return &Document{ID: h.ID, URL: h.URL, Site: h.Site, Title: h.Title, Published: h.Published, Category: h.Category,
		Type: h.Type, Number: h.Number, Issuer: h.Issuer, Hash: h.Hash, Gone: h.Gone, Seq: h.Seq}, nil
}
