package app

import (
	"context"
	"fmt"
	"log/slog"
	"time"

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

// catchUp applies the changes the index lacks before a server answers
// from it (a killed ingest or crawl leaves changes stored but not
// indexed), logging the lag and the progress.
func catchUp(ctx context.Context, e *Env, store *corpus.Store, ix *indexer.Index, log *slog.Logger) error {
	l, err := indexLag(store, ix)
	if err != nil || l.Behind == 0 {
		return err
	}
	log.Warn("index behind the store: catching up before serving", "behind", l.Behind, "applied_seq", l.AppliedSeq, "store_seq", l.StoreSeq)
	prog := newProgress(e.Stderr, "catch-up")
	last := time.Now()
	st, err := ix.Sync(ctx, store, func(st indexer.SyncStats) {
		prog.update(st.Indexed+st.Removed, st.Bytes)
		if !prog.tty && time.Since(last) >= 5*time.Second {
			last = time.Now()
			log.Warn("catching up", "indexed", st.Indexed, "removed", st.Removed, "dur", st.Duration.Round(time.Millisecond))
		}
	})
	prog.done()
	if err != nil {
		return fmt.Errorf("catch the index up with the store: %w", err)
	}
	log.Warn("index caught up", "indexed", st.Indexed, "removed", st.Removed, "dur", st.Duration.Round(time.Millisecond))
	return nil
}
