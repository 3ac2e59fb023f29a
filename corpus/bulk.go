package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/vanban/vanban/corpus/viet"
)

// PutBatch stores docs like Put, but in one bbolt transaction (one fsync)
// for the whole batch: bulk imports write thousands of documents a second
// where Put, with an fsync per document, manages a few hundred. Each
// document goes through the same write path as Put, so its sequence number
// and its citation-graph entries are kept the same way. The changes are
// reported in the order of docs; changed documents get consecutive
// sequence numbers in that order. On error nothing of the batch is stored.
func (s *Store) PutBatch(docs []*Document) ([]Change, error) {
	if len(docs) == 0 {
		return nil, nil
	}
	for _, d := range docs {
		d.prepare()
	}
	changes := make([]Change, len(docs))
	err := s.db.Update(func(tx *bolt.Tx) error {
		for i, d := range docs {
			c, err := s.put(tx, d)
			if err != nil {
				return fmt.Errorf("put %s: %w", d.ID, err)
			}
			changes[i] = c
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("corpus: put batch of %d: %w", len(docs), err)
	}
	return changes, nil
}

// Record is one line of a bulk import: a BEIR corpus line plus the
// optional metadata vanban keeps. Both readers of corpus lines (ReadJSONL,
// vanban eval) decode it.
type Record struct {
	ID        string   `json:"_id"`
	Title     string   `json:"title"`
	Text      string   `json:"text"`
	URL       string   `json:"url"`
	Published string   `json:"published"`
	Type      string   `json:"type"`
	Number    string   `json:"number"`
	Issuer    string   `json:"issuer"`
	Metadata  PartMeta `json:"metadata"`
}

// Document is the document of r, its text cleaned (viet.Clean) and its
// metadata applied (PartMeta.Apply), with r's _id as its ID.
func (r *Record) Document() *Document {
	d := &Document{ID: r.ID, URL: r.URL, Title: viet.Clean(r.Title), Body: viet.Clean(r.Text),
		Published: r.Published, Type: r.Type, Number: viet.Clean(r.Number), Issuer: viet.Clean(r.Issuer)}
	r.Metadata.Apply(d)
	return d
}

// PartMeta is the "metadata" of a corpus line that is one article of a
// larger text, as the ALQAC sets store their laws: {"law": "91/2015/QH13",
// "article": "29"}. Record.Document applies it.
type PartMeta struct {
	Law     string `json:"law"`
	Article string `json:"article"`
}

// Apply makes d the document a portal shows for an article stored on its
// own: titled with its heading ("Điều 29. Đơn phương chấm dứt hợp đồng làm
// việc", when the title lacks it) and part of its law (Document.PartOf).
func (m PartMeta) Apply(d *Document) {
	if a := strings.TrimSpace(m.Article); a != "" {
		if _, _, ok := ArticleHeading(d.Title); !ok {
			d.Title = strings.TrimSpace("Điều " + a + ". " + d.Title)
		}
	}
	if law := viet.Clean(m.Law); law != "" {
		d.PartOf = law
	}
}

// ReadJSONL reads JSON Lines in the BEIR corpus format ({"_id", "title",
// "text"} plus optional "url", "published", "type", "number", "issuer",
// and "metadata" of an article, PartMeta)
// and calls fn with each document, its text cleaned (viet.Clean), and the
// size of its line. A record with a URL gets the URL's ID, like a crawled
// page; one without keeps its _id. Blank lines are skipped.
func ReadJSONL(r io.Reader, fn func(d *Document, size int) error) error {
	br := bufio.NewReaderSize(r, 1<<20)
	for n := 1; ; n++ {
		line, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			// A line longer than the buffer: collect it whole.
			buf := append([]byte(nil), line...)
			for err == bufio.ErrBufferFull {
				line, err = br.ReadSlice('\n')
				buf = append(buf, line...)
			}
			line = buf
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("corpus: read line %d: %w", n, err)
		}
		if len(bytes.TrimSpace(line)) > 0 {
			var rec Record
			if jerr := json.Unmarshal(line, &rec); jerr != nil {
				return fmt.Errorf("corpus: line %d: %w", n, jerr)
			}
			if rec.ID == "" && rec.URL == "" {
				return fmt.Errorf("corpus: line %d: no _id or url", n)
			}
			d := rec.Document()
			if rec.URL != "" {
				d.ID = "" // the URL's, as for a crawled page
			}
			if ferr := fn(d, len(line)); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}
