package app

import (
	"fmt"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
)

// lag is how far the index is behind the store: changes stored but not
// yet searchable (a killed ingest or crawl, an index not yet synced).
type lag struct {
	StoreSeq   uint64 `json:"store_seq"`   // the store's last change sequence
	AppliedSeq uint64 `json:"applied_seq"` // the last one the index applied
	Behind     uint64 `json:"behind"`      // StoreSeq − AppliedSeq
}

func (l lag) String() string {
	if l.Behind == 0 {
		return fmt.Sprintf("up to date with the store (sequence %d)", l.StoreSeq)
	}
	return fmt.Sprintf("%d changes behind the store (sequence %d of %d): run `vanban index`", l.Behind, l.AppliedSeq, l.StoreSeq)
}

// indexLag measures the lag of ix behind store. An index ahead of its
// store was built from another one (a store replaced by a salvage): it is
// an error saying to rebuild.
func indexLag(store *corpus.Store, ix *indexer.Index) (lag, error) {
	var l lag
	var err error
	if l.StoreSeq, err = store.LastSeq(); err != nil {
		return l, err
	}
	if l.AppliedSeq, err = ix.AppliedSeq(); err != nil {
		return l, fmt.Errorf("index %s: read its sequence: %w", ix.Path(), err)
	}
	if l.AppliedSeq > l.StoreSeq {
		return l, fmt.Errorf("index %s is at sequence %d, ahead of the store's %d: it was built from another store; rebuild it with `vanban index --rebuild`", ix.Path(), l.AppliedSeq, l.StoreSeq)
	}
	l.Behind = l.StoreSeq - l.AppliedSeq
	return l, nil
}
