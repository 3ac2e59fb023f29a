package indexer

// The bulk path: a whole index written with bleve's offline builder
// (scorch.Builder) instead of the online index. The online index hands
// every batch to an introducer, persists it as a segment of its own and
// merges segments in the background while more arrive; the builder writes
// a segment per BuildBatchDocs documents into a directory of its own and
// merges them once, at the end, into the single segment of a new index.
// No snapshot, rollback point or merge plan is kept on the way
// (docs/performance.md, "Bulk builds").
//
// Build is used where there is no index to keep up to date: a rebuild
// (`vanban index --rebuild`, a layout upgrade, salvage) and an empty index
// (the first `vanban ingest` of a collection, or `vanban index` after
// it was interrupted). The index is written into a directory beside the
// index and swapped in whole when it is complete: a build that fails, is
// cancelled or crashes leaves the old index as it was (or no index) and
// its directory is removed by the next build. Increments (nightly, an
// ingest into an index that has documents, serve) stay on the online path
// (Sync, Loader), which gives the same documents the same scores: the
// statistics are read from the documents' own lengths (lengths.go), not
// from the segments.

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"time"

	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/util"
	"golang.org/x/sync/errgroup"

	"github.com/vanban/vanban/corpus"
)

// Builder limits. The builder analyzes and holds BuildBatchDocs documents
// before it writes them as a segment, and has no limit in bytes; the
// documents it is given are therefore capped in size, so that a batch holds
// at most BuildBatchDocs × BuildMaxDocBytes = 4 MB of text (analysis costs
// about 60 bytes of memory per byte of text in the three body views:
// ≤ 240 MB, 70 MB for the scale corpus's 1.1 KB documents). Longer
// documents (0.1 % of the scale corpus; most of a collection of long
// government documents) are added to the built index afterwards on the
// online path, in batches of at most deferredBatchBytes.
const (
	BuildBatchDocs     = 1000 // bleve's default (scorch.DefaultBuilderBatchSize)
	BuildMaxDocBytes   = 4 << 10
	deferredBatchBytes = 2 << 20
)

// BuildOptions tune Build.
type BuildOptions struct {
	// Workers map and analyze documents for the builder, which writes
	// segments on its own goroutine (0: GOMAXPROCS).
	Workers int
	// BatchDocs is the builder's batch: documents per segment before the
	// final merge (0: BuildBatchDocs; more costs memory, above).
	BatchDocs int
	// Compact merges the documents added after the builder (longer than
	// BuildMaxDocBytes) into the builder's segment too.
	Compact bool
	// Progress, when set, is called now and then with the counts so far.
	Progress func(SyncStats)
	// Associations learns the term associations into the new index; an
	// index at the path that has them gets them anyway (associations.go).
	Associations bool
}

// buildSuffix names the directory beside the index where Build writes.
const buildSuffix = ".build"

// Build writes an index of the store's documents at path with bleve's
// offline builder and swaps it in for the index at path, if any. The new
// index records the store's last sequence, so the next Sync continues from
// there. The store must not change during the build (the caller holds it:
// a read-write store is exclusive, a read-only one admits no writer).
func Build(ctx context.Context, path string, store *corpus.Store, opts BuildOptions) (SyncStats, error) {
	start := time.Now()
	tmp := path + buildSuffix
	if err := os.RemoveAll(tmp); err != nil { // a build that crashed
		return SyncStats{}, fmt.Errorf("indexer: build: %w", err)
	}
	// an index that had the associations keeps them (associations.go)
	opts.Associations = opts.Associations || storedInternal(path, keyAssoc)
	st, err := build(ctx, tmp, store, opts)
	st.Duration = time.Since(start)
	if err != nil {
		os.RemoveAll(tmp)
		return st, err
	}
	if err := swapIn(tmp, path); err != nil {
		os.RemoveAll(tmp)
		return st, fmt.Errorf("indexer: build: %w", err)
	}
	st.Duration = time.Since(start)
	return st, nil
}

// build writes the index into dir.
func build(ctx context.Context, dir string, store *corpus.Store, opts BuildOptions) (SyncStats, error) {
	var st SyncStats
	seq, err := store.LastSeq()
	if err != nil {
		return st, fmt.Errorf("indexer: build: %w", err)
	}
	m := NewMapping()
	if err := m.Validate(); err != nil {
		return st, fmt.Errorf("indexer: build: %w", err)
	}
	mappingJSON, err := util.MarshalJSON(m)
	if err != nil {
		return st, fmt.Errorf("indexer: build: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return st, fmt.Errorf("indexer: build: %w", err)
	}
	// what bleve.NewBuilder writes: the index type, and the mapping among
	// the internal keys; ours (layout, applied sequence) beside it
	meta := `{"storage":"` + scorch.Name + `","index_type":"` + scorch.Name + `"}`
	if err := os.WriteFile(filepath.Join(dir, "index_meta.json"), []byte(meta), 0o644); err != nil {
		return st, fmt.Errorf("indexer: build: %w", err)
	}
	internal := map[string][]byte{
		string(util.MappingInternalKey): mappingJSON,
		string(keyVersion):              []byte(strconv.Itoa(MappingVersion)),
		string(keySeq):                  seqBytes(seq),
	}
	if opts.Associations {
		// learned from the same store (associations.go)
		live, _, err := store.Count()
		if err != nil {
			return st, fmt.Errorf("indexer: build: %w", err)
		}
		if internal[string(keyAssoc)], err = learnTable(ctx, live, storeDocs(ctx, store)); err != nil {
			return st, err
		}
	}
	batch := cmp.Or(opts.BatchDocs, BuildBatchDocs)
	b, err := scorch.NewBuilder(map[string]any{
		"path":            filepath.Join(dir, "store"),
		"buildPathPrefix": dir, // its segments beside the index, not in $TMPDIR
		"batchSize":       batch,
		"internal":        internal,
	})
	if err != nil {
		return st, fmt.Errorf("indexer: build: %w", err)
	}

	// the store's reader → workers mapping and analyzing documents → the
	// builder (this goroutine)
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	g, gctx := errgroup.WithContext(ctx)
	in := make(chan *corpus.Document, 2*workers)
	type prepared struct {
		doc   *document.Document
		bytes int
	}
	out := make(chan prepared, 2*workers)
	var deferred []string // documents too long for the builder's batches
	g.Go(func() error {
		defer close(in)
		return store.Changes(gctx, 0, func(d *corpus.Document) error {
			if d.Seq > seq {
				return fmt.Errorf("indexer: build: the store changed during the build (sequence %d after %d)", d.Seq, seq)
			}
			if d.Gone {
				return nil
			}
			if docBytes(d) > BuildMaxDocBytes {
				deferred = append(deferred, d.ID)
				return nil
			}
			select {
			case in <- d:
				return nil
			case <-gctx.Done():
				return gctx.Err()
			}
		})
	})
	prep := new(errgroup.Group)
	for range workers {
		prep.Go(func() error {
			for d := range in {
				doc, err := analyzedDocument(m, d, store)
				if err != nil {
					return err
				}
				select {
				case out <- prepared{doc, docBytes(d)}:
				case <-gctx.Done():
					return gctx.Err()
				}
			}
			return nil
		})
	}
	g.Go(func() error {
		defer close(out)
		return prep.Wait()
	})
	g.Go(func() error {
		for p := range out {
			if err := b.Index(p.doc); err != nil {
				return fmt.Errorf("indexer: build: %s: %w", p.doc.ID(), err)
			}
			st.Indexed++
			st.Bytes += int64(p.bytes)
			if opts.Progress != nil && st.Indexed%batch == 0 {
				opts.Progress(st)
			}
		}
		return nil
	})
	if err := g.Wait(); err != nil {
		// the builder's segments are under dir, which the caller removes
		return st, err
	}
	if st.Indexed == 0 && len(deferred) == 0 {
		// the builder cannot write an empty index: an online one, empty
		return st, emptyIndex(dir, seq)
	}
	if st.Indexed == 0 {
		if err := emptyIndex(dir, seq); err != nil {
			return st, err
		}
	} else if err := b.Close(); err != nil { // writes the segments and merges them into one
		return st, fmt.Errorf("indexer: build: %w", err)
	}
	if len(deferred) > 0 {
		if err := addDeferred(ctx, dir, store, deferred, opts, &st); err != nil {
			return st, err
		}
	}
	if opts.Progress != nil {
		opts.Progress(st)
	}
	return st, nil
}

// docBytes is the text of d that the index analyzes, as the batches count it.
func docBytes(d *corpus.Document) int { return len(d.Body) + len(d.Title) + len(d.Summary) }

// analyzedDocument is d as the index holds it (documentOf, with its effect
// span), every field analyzed here: the builder analyzes a batch on its
// own goroutine, so the workers do it for it and its own pass finds nothing
// left to do (preAnalyzed).
func analyzedDocument(m interface {
	MapDocument(*document.Document, any) error
}, d *corpus.Document, spans Spans) (*document.Document, error) {
	f, err := fieldsWith(d, spans)
	if err != nil {
		return nil, err
	}
	doc := document.NewDocument(d.ID)
	if err := m.MapDocument(doc, f); err != nil {
		return nil, fmt.Errorf("indexer: map %s: %w", d.ID, err)
	}
	for i, fld := range doc.Fields {
		if fld.Options().IsIndexed() {
			fld.Analyze()
		}
		doc.Fields[i] = preAnalyzed{fld}
	}
	doc.AddField(&lengthsField{doc: doc})
	return doc, nil
}

// preAnalyzed is a field already analyzed: analyzing it again is a no-op.
// Everything else is the field's own.
type preAnalyzed struct{ document.Field }

func (preAnalyzed) Analyze() {}

// emptyIndex writes an online index with no documents at dir (replacing
// what the builder left there) that records seq.
func emptyIndex(dir string, seq uint64) error {
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("indexer: build: %w", err)
	}
	ix, err := Open(dir, Options{})
	if err != nil {
		return err
	}
	err = ix.b.SetInternal(keySeq, seqBytes(seq))
	return errors.Join(err, ix.Close())
}

// addDeferred indexes the documents ids of the store into the index at
// dir on the online path, in batches of at most deferredBatchBytes.
func addDeferred(ctx context.Context, dir string, store *corpus.Store, ids []string, opts BuildOptions, st *SyncStats) (err error) {
	ix, err := Open(dir, Options{})
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, ix.Close()) }()
	b := ix.b.NewBatch()
	size := 0
	flush := func() error {
		if b.Size() == 0 {
			return nil
		}
		if err := ix.b.Batch(b); err != nil {
			return fmt.Errorf("indexer: build: apply batch: %w", err)
		}
		b, size = ix.b.NewBatch(), 0
		if opts.Progress != nil {
			opts.Progress(*st)
		}
		return nil
	}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		d, err := store.Get(id)
		if err != nil {
			return fmt.Errorf("indexer: build: %w", err)
		}
		if size > 0 && size+docBytes(d) > deferredBatchBytes {
			if err := flush(); err != nil {
				return err
			}
		}
		if err := ix.add(b, d, store); err != nil {
			return err
		}
		size += docBytes(d)
		st.Indexed++
		st.Bytes += int64(docBytes(d))
	}
	if err := flush(); err != nil {
		return err
	}
	if opts.Compact {
		return ix.Compact(ctx)
	}
	return nil
}

// swapIn puts the index built at tmp in place of the one at path, if
// any, in one step: on Linux the two directories are exchanged
// (renameat2 RENAME_EXCHANGE) and the old one removed; elsewhere the old
// one is renamed to path.old first, and an interrupted swap is reported
// by Open.
func swapIn(tmp, path string) error {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return os.Rename(tmp, path)
	}
	if err := exchange(tmp, path); err == nil {
		return os.RemoveAll(tmp)
	} else if !errors.Is(err, errors.ErrUnsupported) {
		return err
	}
	old := path + oldSuffix
	if err := os.RemoveAll(old); err != nil {
		return err
	}
	if err := os.Rename(path, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	return os.RemoveAll(old)
}

// oldSuffix names the old index during a swap without RENAME_EXCHANGE.
const oldSuffix = ".old"
