package indexer

// The bulk path: a whole index written offline instead of through the
// online index. The online index hands every batch to an introducer,
// persists it as a segment of its own and merges segments in the
// background while more arrive; the build writes a zap segment per batch
// of documents into a directory of its own, on every core the heap budget
// allows (segbuild.go, in the way of bleve's offline builder,
// scorch.Builder, which did it on one), merges them as they come and once
// more at the end into the single segment of a new index. No snapshot,
// rollback point or merge plan is kept on the way (docs/log/perf-bulk-builds.md,
// docs/log/i21-ingest.md, docs/log/i21-ingest2.md).
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
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/util"
	index "github.com/blevesearch/bleve_index_api"
	"golang.org/x/sync/errgroup"

	"github.com/vanban/vanban/corpus"
)

// Build limits. Each worker analyzes and holds a batch of documents
// before it writes them as a segment: at most BuildBatchDocs documents and
// at most its share of the heap budget (BuildOptions.HeapBytes) in text,
// reckoned at buildHeapPerTextByte bytes of heap per byte of text. The
// documents a batch takes are capped in size (BuildMaxDocBytes); longer
// ones (0.1 % of the scale corpus; most of a collection of long government
// documents) are added to the built index afterwards on the online path,
// in batches of at most deferredBatchBytes.
const (
	BuildBatchDocs     = 1000 // bleve's default (scorch.DefaultBuilderBatchSize)
	BuildMaxDocBytes   = 4 << 10
	deferredBatchBytes = 2 << 20
	// buildHeapPerTextByte is the heap a batch takes per byte of its
	// documents' text while it is analyzed and written, measured on 1,000
	// scale-corpus documents (1.12 MB of text): the analyzed views hold
	// 78 bytes per byte of text (token frequencies, with a location per
	// token in the positional views), and zap's segment building (New)
	// allocates 96 more (docs/log/i21-ingest2.md).
	buildHeapPerTextByte = 170
	// minBatchText is the least text a worker's batch is given: a budget
	// that cannot give every worker that much runs fewer workers, as
	// smaller segments cost zap more per document (their dictionaries)
	// and take another merge. 1 MB is about 900 scale-corpus documents.
	minBatchText = 1 << 20
	// buildHeapShare is the share of the process's soft memory limit that
	// a build takes for its batches, in quarters: the rest is the store's
	// reads, the merger and the garbage collector's headroom.
	buildHeapShare = 3
)

// BuildOptions tune Build.
type BuildOptions struct {
	// Workers analyze batches of documents and write each as a segment,
	// one batch at a time each (0: GOMAXPROCS, fewer when HeapBytes
	// cannot hold a batch of minBatchText for each).
	Workers int
	// BatchDocs is the most documents of a batch, one segment before the
	// merges (0: BuildBatchDocs).
	BatchDocs int
	// HeapBytes is the heap the batches in flight may take, shared among
	// the workers (0: three quarters of the process's soft memory limit
	// when it has one, as ingest and index set with --mem-limit (256 MB
	// by default: one worker of 1,000 scale-corpus documents); without
	// a limit an eighth of the machine's memory, at least 192 MB and at
	// most 1 GB, defaultBuildHeap). A batch takes at most its worker's
	// share.
	HeapBytes int64
	// MergeMax is how many segments of a level are merged into one at a
	// time as the build goes (0: BuildMergeMax, or BuildKeepMergeMax in a
	// build that keeps its merged segments), segbuild.go.
	MergeMax int
	// KeepLevel is the level of the merged segments that a build keeping
	// its segments keeps: merges stop there, and the segments below it are
	// merged into one at the end (0: BuildKeepLevel when MergeMax is 0,
	// else none: every full level merges, the levels above the first are
	// kept).
	KeepLevel int
	// FinalMergeDocs is the most documents (the store's, at the start)
	// whose segments a build merges into one at the end; a larger build
	// keeps the segments it merged as it went and merges only the batches
	// after them (0: BuildFinalMergeDocs; negative: every build keeps
	// them).
	FinalMergeDocs int
	// Compact merges the documents added after the builder (longer than
	// BuildMaxDocBytes) into the builder's segment too.
	Compact bool
	// Progress, when set, is called now and then with the counts so far.
	Progress func(SyncStats)
	// Associations learns the term associations into the new index; an
	// index at the path that has them gets them anyway (associations.go).
	Associations bool
	// WhileMerging, when set, runs on a goroutine of its own once every
	// batch is read from the store, analyzed and written, beside the last
	// merges, which leave a core idle; the build reads the store again
	// (its long documents) and returns only after it. The store is not
	// read while it runs: ingest compacts the store then. Its error fails
	// the build.
	WhileMerging func(context.Context) error
	// Log, when set, takes a line when the batches are written and when
	// the merges are done (each merge at debug level).
	Log *slog.Logger
	// zapBatches writes the batch segments with zap's New and Persist
	// and merges them with zap's Merge, the reference of our own writer
	// and merge (segwrite.go, segmerge.go), for the tests.
	zapBatches bool
}

// buildPlan is how a build cuts its batches and how many it runs at once.
type buildPlan struct {
	workers   int // batches analyzed and written as segments at once
	analyzers int // goroutines analyzing one batch
	batchDocs int // documents of a batch, at most
	batchText int // bytes of text of a batch, at most (one document at least)
}

// defaultBuildHeap is the heap budget of a build in a process without a
// soft memory limit on a machine of total bytes of memory (0: unknown):
// an eighth, at least 192 MB (one batch of 1,000 scale-corpus documents)
// and at most 1 GB.
func defaultBuildHeap(total uint64) int64 {
	const least, most = 192 << 20, 1 << 30
	return min(max(int64(total/8), least), most)
}

// planBuild sizes the workers and batches of a build to its heap budget.
func planBuild(opts BuildOptions) buildPlan {
	budget := opts.HeapBytes
	if budget <= 0 {
		budget = defaultBuildHeap(machineMemory())
		if limit := debug.SetMemoryLimit(-1); limit < math.MaxInt64 {
			budget = limit / 4 * buildHeapShare
		}
	}
	procs := runtime.GOMAXPROCS(0)
	p := buildPlan{workers: opts.Workers, batchDocs: cmp.Or(opts.BatchDocs, BuildBatchDocs)}
	if p.workers <= 0 {
		p.workers = procs
		for p.workers > 1 && budget/int64(p.workers)/buildHeapPerTextByte < minBatchText {
			p.workers--
		}
	}
	p.batchText = int(max(budget/int64(p.workers)/buildHeapPerTextByte, 1))
	// the cores the workers leave analyze their batches: each worker's
	// batch on procs/workers goroutines (at least one)
	p.analyzers = max(procs/p.workers, 1)
	return p
}

// buildSuffix names the directory beside the index where Build writes.
const buildSuffix = ".build"

// Build writes an index of the store's documents at path offline
// (segbuild.go) and swaps it in for the index at path, if any. The new
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
	opts.Associations = opts.Associations || storedInternal(ctx, path, keyAssoc)
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
	start := time.Now()
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
	plan := planBuild(opts)
	// a build of up to FinalMergeDocs documents merges all its segments
	// into one at the end; a larger one keeps the segments it merged as it
	// went (segbuild.go)
	live, _, err := store.Count()
	if err != nil {
		return st, fmt.Errorf("indexer: build: %w", err)
	}
	keep := live > cmp.Or(opts.FinalMergeDocs, BuildFinalMergeDocs)
	mergeMax, top := cmp.Or(opts.MergeMax, BuildMergeMax), 0
	if keep {
		if opts.MergeMax == 0 {
			mergeMax, top = BuildKeepMergeMax, BuildKeepLevel
		}
		top = cmp.Or(opts.KeepLevel, top)
	}
	g, gctx := errgroup.WithContext(ctx)
	sw, stop := newSegWriter(ctx, dir, mergeMax, top, opts.Log)
	limit, restore := newMappedLimit()
	sw.limit = limit
	defer func() {
		stop()
		restore() // no merge running now
	}()
	sw.zapBatches = opts.zapBatches

	// the store's reader → batches of documents in store order → workers
	// analyzing a batch and writing it as a segment → the merger, taking
	// the segments in batch order (segbuild.go)
	type job struct {
		i    int
		docs []*corpus.Document
	}
	type written struct {
		i, docs int
		bytes   int64
	}
	jobs := make(chan job) // unbuffered: at most one batch read ahead of the workers
	// Written batches queue for the merger without bound (a batch is on
	// disk by then: an entry is a few bytes), so the workers go on building
	// while it merges; with a queue of one per worker they waited for every
	// merge, and a build ran on about one core (1M: CPU/wall 1.15).
	done := make(chan written, min(live+plan.workers, 1<<16))
	var deferred []string // documents too long for the batches
	batches := 0          // the batches cut, set before jobs is closed
	g.Go(func() error {
		defer close(jobs)
		var cur []*corpus.Document
		n, text := 0, 0
		defer func() { batches = n }()
		send := func() error {
			if len(cur) == 0 {
				return nil
			}
			select {
			case jobs <- job{n, cur}:
			case <-gctx.Done():
				return gctx.Err()
			}
			n, cur, text = n+1, make([]*corpus.Document, 0, plan.batchDocs), 0
			// the store's pages read for it out of the resident memory,
			// which they would hold to the end of the build (64 MB at 100k)
			return store.ReleaseMapped()
		}
		err := store.Changes(gctx, 0, func(d *corpus.Document) error {
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
			if len(cur) > 0 && text+docBytes(d) > plan.batchText {
				if err := send(); err != nil {
					return err
				}
			}
			cur, text = append(cur, d), text+docBytes(d)
			if len(cur) >= plan.batchDocs {
				return send()
			}
			return nil
		})
		if err != nil {
			return err
		}
		return send()
	})
	var running sync.WaitGroup
	var scratch scratchPool // the workers' analysis scratch, reused across batches
	for range plan.workers {
		running.Add(1)
		g.Go(func() error {
			defer running.Done()
			for j := range jobs {
				docs, err := analyzeBatch(m, j.docs, store, plan.analyzers, &scratch)
				if err != nil {
					return err
				}
				w := written{i: j.i, docs: len(j.docs)}
				for _, d := range j.docs {
					w.bytes += int64(docBytes(d))
				}
				if err := sw.writeBatch(j.i, docs); err != nil {
					return err
				}
				select {
				case done <- w:
				case <-gctx.Done():
					return gctx.Err()
				}
			}
			return nil
		})
	}
	g.Go(func() error {
		running.Wait()
		close(done)
		// the merges left may run on every core now
		sw.widen()
		if opts.Log != nil {
			opts.Log.Info("indexer: build: batches written", "workers", plan.workers, "batches", batches,
				"batch_docs", plan.batchDocs, "batch_text", plan.batchText, "dur", time.Since(start).Round(time.Millisecond))
		}
		return nil
	})
	g.Go(func() error {
		waiting := map[int]written{}
		next := 0
		for w := range done {
			waiting[w.i] = w
			for w, ok := waiting[next]; ok; w, ok = waiting[next] {
				delete(waiting, next)
				next++
				if err := sw.add(sw.batchPath(w.i)); err != nil {
					return err
				}
				st.Indexed += w.docs
				st.Bytes += w.bytes
				if opts.Progress != nil {
					opts.Progress(st)
				}
			}
		}
		return nil
	})
	if err := g.Wait(); err != nil {
		// the segments are under dir, which the caller removes
		if ctx.Err() != nil {
			return st, ctx.Err()
		}
		return st, err
	}
	if st.Indexed == 0 {
		// nothing for a segment: an online index, empty, takes the long
		// documents, if any
		if err := errors.Join(emptyIndex(dir, seq), runBeside(ctx, opts.WhileMerging)()); err != nil {
			return st, err
		}
	} else {
		// the store is read no more until the long documents: the caller's
		// work beside the last merges
		beside := runBeside(ctx, opts.WhileMerging)
		// the workers' heap back to the system before the last merge maps
		// its inputs (the peak of a build's resident memory)
		debug.FreeOSMemory()
		final, err := sw.mergeRest(keep)
		if err == nil {
			err = sw.install(final, filepath.Join(dir, "store"), internal)
		}
		if err = errors.Join(err, beside()); err != nil {
			if ctx.Err() != nil {
				return st, ctx.Err()
			}
			return st, err
		}
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

// runBeside starts fn(ctx) on a goroutine of its own, if fn is set, and
// returns a function that waits for it and returns its error.
func runBeside(ctx context.Context, fn func(context.Context) error) (wait func() error) {
	if fn == nil {
		return func() error { return nil }
	}
	done := make(chan error, 1)
	go func() { done <- fn(ctx) }()
	return func() error { return <-done }
}

// analyzeBatch analyzes docs (analyzedDocument) on n goroutines, each
// document into its own place.
func analyzeBatch(m interface {
	MapDocument(*document.Document, any) error
}, docs []*corpus.Document, spans Spans, n int, pool *scratchPool) ([]index.Document, error) {
	out := make([]index.Document, len(docs))
	var g errgroup.Group
	for r := range max(n, 1) {
		g.Go(func() error {
			for k := r; k < len(docs); k += max(n, 1) {
				doc, err := analyzedDocument(m, docs[k], spans, pool)
				if err != nil {
					return err
				}
				out[k] = doc
			}
			return nil
		})
	}
	return out, g.Wait()
}

// docBytes is the text of d that the index analyzes, as the batches count it.
func docBytes(d *corpus.Document) int { return len(d.Body) + len(d.Title) + len(d.Summary) }

// analyzedDocument is d as the index holds it (documentOf, with its effect
// span), every field analyzed here: the builder analyzes a batch on its
// own goroutine, so the workers do it for it and its own pass finds nothing
// left to do (preAnalyzed).
func analyzedDocument(m interface {
	MapDocument(*document.Document, any) error
}, d *corpus.Document, spans Spans, pool *scratchPool) (*document.Document, error) {
	f, err := fieldsWith(d, spans, pool)
	if err != nil {
		return nil, err
	}
	doc := document.NewDocument(d.ID)
	if err := m.MapDocument(doc, f); err != nil {
		return nil, fmt.Errorf("indexer: map %s: %w", d.ID, err)
	}
	shareAnalysis(doc, pool) // every view of a text from one pass (onepass.go)
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
