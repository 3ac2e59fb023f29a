package crawler

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/vanban/vanban/corpus"
)

// errNotArchived is returned for a document with no archived response.
var errNotArchived = errors.New("crawler: no archived copy")

// ArchivedPage is the archived HTTP response a document was extracted from.
type ArchivedPage struct {
	URL         string
	Status      int
	Date        time.Time
	ContentType string
	Body        []byte
}

// Archived returns the archived response of doc from the WARC files in
// warcDir: the one its URL's crawl state points at, or, for a page reached
// through a redirect, the state whose document is doc.
func Archived(store *corpus.Store, warcDir string, doc *corpus.Document) (*ArchivedPage, error) {
	var st urlState
	found := false
	if v, err := store.GetKV(nsURL, doc.URL); err == nil && v != nil && json.Unmarshal(v, &st) == nil && st.WARC != "" {
		found = true
	} else {
		errFound := errors.New("found")
		err := store.ForEachKV(nsURL, func(_ string, v []byte) error {
			var s urlState
			if json.Unmarshal(v, &s) == nil && s.DocID == doc.ID && s.WARC != "" {
				st, found = s, true
				return errFound
			}
			return nil
		})
		if err != nil && !errors.Is(err, errFound) {
			return nil, fmt.Errorf("crawler: archived %s: %w", doc.ID, err)
		}
	}
	if !found {
		return nil, errNotArchived
	}
	resp, err := readRecord(warcDir, warcRef{File: filepath.Base(st.WARC), Offset: st.Offset})
	if err != nil {
		return nil, fmt.Errorf("crawler: archived %s: %w", doc.ID, err)
	}
	return &ArchivedPage{URL: resp.URL, Status: resp.Status, Date: resp.Date, ContentType: resp.Header.Get("Content-Type"), Body: resp.Body}, nil
}
