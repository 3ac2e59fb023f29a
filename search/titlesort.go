package search

import (
	bsearch "github.com/blevesearch/bleve/v2/search"
)

// untitledLast sorts by the title_sort field as bleve's SortField does,
// but a document without a title comes last, as one without the field
// would: its key, indexer.TitleSortKey("") ("---", the collation's level
// separators alone), sorts before every title. Among themselves the
// untitled documents keep the sort's further order (score, then ID); their
// number is no sort key, since a number would sort before every title
// again. Done when sorting: the index keeps its keys (no rebuild).
type untitledLast struct {
	*bsearch.SortField
	empty string // the key of an empty title
}

// Value is the field's sort value, bleve's high term (the value of a
// missing field sorted last; collation keys are ASCII, below it) for the
// key of an empty title.
func (s untitledLast) Value(d *bsearch.DocumentMatch) string {
	if v := s.SortField.Value(d); v != s.empty && v != "" {
		return v
	}
	return bsearch.HighTerm
}

// Copy is a copy for another search (bleve copies the sort order).
func (s untitledLast) Copy() bsearch.SearchSort {
	return untitledLast{SortField: s.SortField.Copy().(*bsearch.SortField), empty: s.empty}
}
