package indexer

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer/assoc"
)

// The term associations of the collection (indexer/assoc) are learned at
// index time and kept inside the index, under keyAssoc, in the binary form
// of assoc.Table: written with the index's own batches, so they travel with
// it (a rebuild swaps them with the index directory), are read from the
// snapshot a search runs on without a second file to keep in step, and go
// when the index goes. A value of another format version or a damaged one
// reads as none (search then adds no related terms, Associations says why)
// and is learned again at the next Sync.
var keyAssoc = []byte("vanban:assoc")

// AssociationsKey is the internal key of the stored table, for readers of
// a snapshot (search reads it with the snapshot it searches).
func AssociationsKey() []byte { return keyAssoc }

// Associations returns the stored table: nil and no error when none is
// stored, an error wrapping assoc.ErrCorrupt or assoc.ErrVersion when the
// stored one cannot be read.
func (ix *Index) Associations() (*assoc.Table, error) {
	raw, err := ix.b.GetInternal(keyAssoc)
	if err != nil {
		return nil, fmt.Errorf("indexer: read associations: %w", err)
	}
	if raw == nil {
		return nil, nil
	}
	return assoc.Decode(raw)
}

// staleShare is how far the live document count may move from the count
// the associations were learned on before a Sync learns them again: a
// nightly increment of a few hundred documents changes co-occurrence
// statistics of tens of thousands very little, and learning again reads
// a sample of the whole store (docs/log/ranking-12-associations.md).
const staleShare = 0.25

// Learning them is asked for, not done by default: it is about a fifth of
// a bulk ingest's CPU (docs/log/i21-ingest.md) and nothing reads
// them unless asked (search.WithRelated, linking's background weights),
// so an index has them after LearnAssociations (`vanban index
// --associations`, `vanban ingest --associations`, BuildOptions), and from
// then on keeps them: Sync refreshes them, Build keeps them for an index
// that had them.

// LearnAssociations learns the associations from the store now and stores
// them in the index.
func (ix *Index) LearnAssociations(ctx context.Context, store *corpus.Store) error {
	live, _, err := store.Count()
	if err != nil {
		return fmt.Errorf("indexer: associations: %w", err)
	}
	return ix.learn(ctx, live, storeDocs(ctx, store))
}

// RefreshAssociations learns the associations of an index that has them
// again from the store when the stored ones cannot be read or the number
// of live documents has moved by more than a quarter since they were
// learned; it reports whether it did. An index without them is left
// without (LearnAssociations). Sync calls it.
func (ix *Index) RefreshAssociations(ctx context.Context, store *corpus.Store) (bool, error) {
	raw, err := ix.b.GetInternal(keyAssoc)
	if err != nil {
		return false, fmt.Errorf("indexer: read associations: %w", err)
	}
	if raw == nil {
		return false, nil
	}
	live, _, err := store.Count()
	if err != nil {
		return false, fmt.Errorf("indexer: associations: %w", err)
	}
	t, err := ix.Associations()
	if err == nil && t != nil && !stale(t.Docs, live) {
		return false, nil
	}
	if err != nil {
		slog.Warn("indexer: stored associations unreadable, learning them again", "err", err)
	}
	err = ix.learn(ctx, live, storeDocs(ctx, store))
	return err == nil, err
}

func stale(learned, live int) bool {
	return float64(live) > float64(learned)*(1+staleShare) || float64(live) < float64(learned)*(1-staleShare)
}

// storeDocs yields the live documents of the store, for learn.
func storeDocs(ctx context.Context, store *corpus.Store) func(func(*corpus.Document) error) error {
	return func(fn func(*corpus.Document) error) error {
		return store.Changes(ctx, 0, func(d *corpus.Document) error {
			if d.Gone {
				return nil
			}
			return fn(d)
		})
	}
}

// learn builds the table from the n documents each yields and stores it.
func (ix *Index) learn(ctx context.Context, n int, each func(func(*corpus.Document) error) error) error {
	raw, err := learnTable(ctx, n, each)
	if err == nil {
		err = ix.b.SetInternal(keyAssoc, raw)
	}
	if err != nil {
		return fmt.Errorf("indexer: store associations: %w", err)
	}
	return nil
}

// learnTable builds the table from the n documents each yields, in its
// stored form (the offline builder writes it among its internal keys).
func learnTable(ctx context.Context, n int, each func(func(*corpus.Document) error) error) ([]byte, error) {
	start := time.Now()
	b := assoc.NewBuilder(assoc.DefaultParams, n)
	err := each(func(d *corpus.Document) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		b.Add(d.ID, func() []string { return AssocUnits(d) })
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("indexer: learn associations: %w", err)
	}
	t, err := b.Table(ctx)
	if err != nil {
		return nil, fmt.Errorf("indexer: learn associations: %w", err)
	}
	raw, err := t.MarshalBinary()
	if err != nil {
		return nil, fmt.Errorf("indexer: learn associations: %w", err)
	}
	slog.Debug("indexer: associations learned", "docs", t.Docs, "sampled", t.Sampled, "units", t.Len(), "bytes", len(raw), "dur", time.Since(start))
	return raw, nil
}

// AssocUnits are the units associations are learned on in a document: the
// folded syllable bigrams of its title and text, as the bigram view
// indexes them.
func AssocUnits(d *corpus.Document) []string {
	return QueryTerms(d.Title+"\n"+d.FullBody(), AnalyzerBigram)
}

// LearnDocs learns the associations from docs alone and stores them (a
// collection indexed with Add, which learns none: evaluations and tests).
func (ix *Index) LearnDocs(ctx context.Context, docs []*corpus.Document) error {
	return ix.learn(ctx, len(docs), func(fn func(*corpus.Document) error) error {
		for _, d := range docs {
			if err := fn(d); err != nil {
				return err
			}
		}
		return nil
	})
}
