package indexer

// The abbreviations documents define ("biện pháp khẩn cấp tạm thời (sau
// đây gọi tắt là BPKCTT)", corpus/abbrev.Mine) are kept in the index as
// one more field of each document, FieldAbbrev, whose terms are the
// usable definitions the document gives ("BPKCTT = biện pháp khẩn cấp tạm
// thời"). Being terms of the documents, they are written in the same
// batch as the document by every path that writes one (Sync, the bulk
// load, Rebuild: all go through Fields), leave with it when it is deleted
// or replaced, and are counted per live document by bleve's term readers:
// the dictionary of a snapshot (Abbrevs) is exact whatever the segments,
// with no state beside the index to keep in step (a bleve internal key or
// a file would have to be recounted on every deletion and written
// atomically with each batch, which bleve gives no way to do).

import (
	"context"
	"fmt"
	"slices"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/corpus/abbrev"
	"github.com/vanban/vanban/corpus/viet"
)

// FieldAbbrev holds the abbreviations a document defines, one term
// "Short = long form" each (abbrev.Entry.String, the long form in
// viet.Lower), not stored.
const FieldAbbrev = "abbrev"

// abbrevTerms are the terms of FieldAbbrev for a document's title and
// body: its usable definitions, each once.
func abbrevTerms(title, body string) []string {
	var out []string
	for _, text := range []string{title, body} {
		for _, d := range abbrev.Mine(text) {
			if !d.Usable() {
				continue
			}
			e := abbrev.Entry{Short: d.Short, Long: viet.Lower(d.Long)}
			if t := e.String(); !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
	}
	return out
}

// Abbrevs reads the definitions the live documents of snapshot r give,
// each with the number of documents that give it (Entry.Docs), in term
// order.
func Abbrevs(r index.IndexReader) ([]abbrev.Entry, error) {
	dict, err := r.FieldDict(FieldAbbrev)
	if err != nil {
		return nil, fmt.Errorf("indexer: abbreviations: %w", err)
	}
	defer dict.Close()
	var out []abbrev.Entry
	for {
		de, err := dict.Next()
		if err != nil {
			return nil, fmt.Errorf("indexer: abbreviations: %w", err)
		}
		if de == nil {
			return out, nil
		}
		e, ok := abbrev.ParseEntry(de.Term)
		if !ok {
			return nil, fmt.Errorf("indexer: abbreviations: bad term %q", de.Term)
		}
		// the dictionary's count includes deleted documents: the term
		// reader's does not
		tfr, err := r.TermFieldReader(context.Background(), []byte(de.Term), FieldAbbrev, false, false, false)
		if err != nil {
			return nil, fmt.Errorf("indexer: abbreviations: %s: %w", de.Term, err)
		}
		e.Docs = int(tfr.Count())
		if err := tfr.Close(); err != nil {
			return nil, fmt.Errorf("indexer: abbreviations: %s: %w", de.Term, err)
		}
		if e.Docs > 0 {
			out = append(out, e)
		}
	}
}
