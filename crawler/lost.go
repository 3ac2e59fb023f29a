package crawler

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/vanban/vanban/corpus"
)

// LostURL is a crawled page whose document a store salvage lost.
type LostURL struct {
	URL      string `json:"url"`
	DocID    string `json:"doc_id"`
	Archived bool   `json:"archived"` // a response is in the WARC archive: Reextract restores it
}

// ForgetLost prepares the crawl for documents lost from the store (a
// salvage of a damaged store.db): for every URL whose crawl state names
// one of ids, the validators (ETag, Last-Modified) are cleared, so that
// the next crawl fetches the page in full instead of taking a 304 for a
// document the store no longer has. The state keeps the document ID, so
// the next crawl visits the page again. It returns those URLs, and whether
// each has an archived response that Reextract can restore the document
// from without fetching.
func ForgetLost(store *corpus.Store, ids []string) ([]LostURL, error) {
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	var out []LostURL
	var ops []corpus.KVOp
	err := store.ForEachKV(nsURL, func(u string, v []byte) error {
		var s urlState
		if json.Unmarshal(v, &s) != nil || !want[s.DocID] {
			return nil
		}
		out = append(out, LostURL{URL: u, DocID: s.DocID, Archived: s.WARC != ""})
		s.ETag, s.LastModified = "", ""
		nv, err := json.Marshal(s)
		if err != nil {
			return err
		}
		ops = append(ops, corpus.KVOp{NS: nsURL, Key: u, Value: nv})
		return nil
	})
	if err == nil {
		err = store.ApplyKV(ops)
	}
	slices.SortFunc(out, func(a, b LostURL) int { return strings.Compare(a.URL, b.URL) })
	return out, err
}
