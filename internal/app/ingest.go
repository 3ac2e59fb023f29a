package app

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler/extract"
	"github.com/vanban/vanban/indexer"
)

// IngestOptions are the options of `vanban ingest`.
type IngestOptions struct {
	Files      []string // JSON Lines files
	BatchBytes int64    // apply a batch every this many bytes of input
	BatchDocs  int      // … or every this many documents (0: 5000)
	InFlight   int      // index batches applied at once (0: 1)
	Compact    bool     // merge the index into one segment at the end
	MemLimitMB int      // soft limit of the Go heap in MB (0: none; negative: from the machine, indexer.DefaultMemLimit)
	// Folders and PDF, DOCX, DOC and HTML files among Files are read as
	// documents (ingestfiles.go): FileWorkers at a time (0: one per
	// core), scanned pages OCR'd unless NoOCR.
	FileWorkers int
	NoOCR       bool
	// OCRCache is a directory where scanned pages' OCR output is kept
	// (filetext.Options.OCRCache): a scan read again — changed around its
	// pages, or ingested into another data directory — is not OCR'd again.
	// "" keeps none.
	OCRCache string
	// FileTimeout bounds the reading of one file, OCR included (0:
	// filetext.DefaultLimits' Timeout). A slower machine, or one shared with
	// other work, needs more for a long scan.
	FileTimeout time.Duration
	// MaxDocBytes is the text a document keeps (0: corpus.DefaultMaxText):
	// a longer one is stored cut, with a warning.
	MaxDocBytes int
	// Online indexes into an empty index on the online path too, as
	// batches are stored, instead of storing everything and then writing
	// the index with the offline builder (indexer.Build).
	Online bool
	// Associations learns the term associations into the index (an index
	// that has them keeps them current anyway: indexer, associations.go).
	Associations bool
}

// changeCounts counts the documents an ingest stored, by change.
type changeCounts struct{ fresh, changed, unchanged int }

// add counts ch and reports whether the document changed (new or changed).
func (c *changeCounts) add(ch corpus.Change) bool {
	switch ch {
	case corpus.New:
		c.fresh++
	case corpus.Changed:
		c.changed++
	default:
		c.unchanged++
		return false
	}
	return true
}

// bulkBatchBytes is the least input a batch of a bulk ingest (into an
// empty index) takes, up to opts.BatchDocs documents: its batches are
// only stored, not indexed, so the memory a batch takes is the store's
// (a few MB), while each batch costs a transaction — an fsync, and the
// pages it touches written again. With --batch-mb's 0.5 MB a 100k
// ingest of the scale corpus committed ~240 transactions of ~420
// documents; and the store's dictionary, trained when the store reaches
// 2,000 records, was trained in the fifth batch, after which the ~1,700
// records stored before were written again with it. With batches of
// 5,000 the first batch trains it before a record is written
// (docs/log/i21-storepar.md).
const bulkBatchBytes = 16 << 20

// ingestStats counts an ingest run.
type ingestStats struct {
	changeCounts
	docs  int
	bytes int64 // JSON Lines input read
}

// maxWarnings is how many warnings of each kind ingest prints; the
// summary counts them all.
const maxWarnings = 20

// inputWarnings prints the reader's per-line warnings and counts them by
// kind. Only the reader goroutine calls it.
type inputWarnings struct {
	w      io.Writer
	file   string
	counts map[string]int
}

func (iw *inputWarnings) warn(w corpus.JSONLWarning) {
	iw.counts[w.Kind]++
	switch n := iw.counts[w.Kind]; {
	case n <= maxWarnings && w.ID != "":
		fmt.Fprintf(iw.w, "vanban ingest: %s:%d: %s: %s\n", iw.file, w.Line, w.ID, w.Msg)
	case n <= maxWarnings:
		fmt.Fprintf(iw.w, "vanban ingest: %s:%d: %s\n", iw.file, w.Line, w.Msg)
	case n == maxWarnings+1:
		fmt.Fprintf(iw.w, "vanban ingest: more lines of kind %q are counted, not shown\n", w.Kind)
	}
}

// summary is the line ingest prints after its counts, or "".
func (iw *inputWarnings) summary() string {
	var parts []string
	for _, k := range []struct{ kind, what string }{
		{corpus.WarnDate, "dates dropped (not a date)"},
		{corpus.WarnTruncated, "documents cut at the text limit"},
		{corpus.WarnRefused, "lines refused (over the line limit)"},
	} {
		if n := iw.counts[k.kind]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, k.what))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "warnings: " + strings.Join(parts, ", ") + "\n"
}

// chunk is a batch of documents read from the input.
type chunk struct {
	docs  []*corpus.Document
	bytes int64
}

// RunIngest bulk-imports JSON Lines into the store and the index, and
// reads folders and document files (ingestfiles.go). The JSON Lines import is a
// pipeline, so that both cores stay busy: reading and
// decoding JSON Lines (a goroutine), storing each batch in one bbolt
// transaction and mapping its changes to an index batch (this goroutine),
// and applying index batches, opts.InFlight at a time (indexer.Loader; bleve
// analyzes a batch's documents on its own worker pool). The index records
// the store sequence it has applied, as Sync does, so an interrupted
// ingest is completed by the next `vanban index` or ingest. Into an empty
// index (a new collection) the batches are only stored, and the index is
// then written whole by the offline builder (buildIndex, indexer.Build);
// opts.Online keeps the batch-by-batch path there too.
func RunIngest(ctx context.Context, e *Env, opts IngestOptions) error {
	if jsonl, files := splitIngestPaths(opts.Files); len(files) > 0 {
		if len(jsonl) > 0 {
			o := opts
			o.Files = jsonl
			if err := RunIngest(ctx, e, o); err != nil {
				return err
			}
		}
		return ingestFiles(ctx, e, opts, files)
	}
	defer setMemLimit(opts.MemLimitMB)()
	opts.BatchDocs = cmp.Or(opts.BatchDocs, 5000)
	opts.InFlight = cmp.Or(opts.InFlight, 1)
	start := time.Now()
	log := slog.New(slog.DiscardHandler)
	if !isTerminal(e.Stderr) {
		log = slog.New(slog.NewJSONHandler(e.Stderr, nil))
	}
	store, ix, err := openData(ctx, e, false)
	if err != nil {
		return err
	}
	defer store.Close()
	// An empty index (a new collection, or an ingest interrupted before
	// its index was written) is written whole by the offline builder
	// after the documents are stored; otherwise each stored batch is
	// indexed on the online path as it is stored.
	bulk := false
	if !opts.Online {
		if bulk, err = emptyIndex(ix); err != nil {
			ix.Close()
			return err
		}
	}
	if bulk {
		if err := ix.Close(); err != nil {
			return err
		}
		ix = nil
		// batches only stored: as large as bulkBatchBytes
		opts.BatchBytes = max(opts.BatchBytes, bulkBatchBytes)
	} else {
		defer ix.Close()
		// Catch up first: the index must be at the store's sequence before
		// batches are applied as they are stored.
		if _, err := ix.Sync(ctx, store, nil); err != nil {
			return err
		}
	}
	seq, err := store.LastSeq()
	if err != nil {
		return err
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	chunks := make(chan chunk, 1)
	readErr := make(chan error, 1)
	warns := &inputWarnings{w: e.Stderr, counts: map[string]int{}}
	go func() {
		defer close(chunks)
		readErr <- readChunks(ctx, opts, chunks, warns, log)
	}()
	var load *indexer.Loader
	if !bulk {
		if load, err = ix.NewLoader(opts.InFlight); err != nil {
			return err
		}
	}
	var st ingestStats
	prog := newProgress(e.Stderr, "ingest").logTo(log)
	err = func() error {
		for c := range chunks {
			changes, err := store.PutBatch(c.docs)
			if err != nil {
				return err
			}
			var changed []*corpus.Document
			for i, ch := range changes {
				if st.add(ch) {
					changed = append(changed, c.docs[i])
				}
			}
			st.docs += len(c.docs)
			st.bytes += c.bytes
			prog.update(st.docs, st.bytes)
			if len(changed) == 0 || bulk {
				continue
			}
			last, err := store.LastSeq()
			if err != nil {
				return err
			}
			// the batch may have changed the effect of documents stored
			// before (a replacing decision): index them again too
			if changed, err = withTouched(store, changed, seq, last); err != nil {
				return err
			}
			p, err := ix.Prepare(changed, seq, last, store)
			if err != nil {
				return err
			}
			seq = last
			if err := load.Add(p); err != nil {
				return err
			}
		}
		return nil
	}()
	if err != nil {
		cancel() // unblocks the reader
	}
	var lerr error
	if load != nil {
		lerr = load.Close()
	}
	rerr := <-readErr
	prog.done()
	if err = errors.Join(err, lerr, ignoreCanceled(rerr, err != nil)); err != nil {
		return err
	}
	indexed := st.fresh + st.changed
	log.Info("stored", "docs", st.docs, "new", st.fresh, "changed", st.changed, "dur", time.Since(start))
	if bulk {
		// The bulk batches' large transactions leave free pages and half
		// full ones: the store is written afresh (corpus.Store.Compact;
		// docs/log/i21-lean.md), beside the build's last merges,
		// which leave a core idle (docs/log/i21-wall.md).
		var compact func(context.Context) error
		if indexed > 0 {
			compact = func(ctx context.Context) error { return compactStore(ctx, store, log) }
		}
		if err := buildIndex(ctx, e, store, opts.Compact, opts.Associations, compact, log); err != nil {
			return err
		}
	} else if opts.Associations {
		if err := ix.LearnAssociations(ctx, store); err != nil {
			return err
		}
	} else if _, err := ix.RefreshAssociations(ctx, store); err != nil {
		return err
	}
	if !bulk && opts.Compact && indexed > 0 {
		cstart := time.Now()
		if err := ix.Compact(ctx); err != nil {
			return err
		}
		log.Info("compacted", "dur", time.Since(cstart))
	}
	secs := time.Since(start).Seconds()
	fmt.Fprintf(e.Stdout, "ingested %d docs (%d new, %d changed, %d unchanged) in %.1fs: %.0f docs/s, %.2f MB/s\n",
		st.docs, st.fresh, st.changed, st.unchanged, secs, float64(st.docs)/secs, float64(st.bytes)/1e6/secs)
	fmt.Fprint(e.Stdout, warns.summary())
	// The task table after the index, as `vanban index` does: the plans
	// ingested, and those citing what was ingested, are linked now, not at
	// a server's start (its time is not in the rate above).
	return syncTasks(ctx, e, store, e.Stdout)
}

// emptyIndex reports whether ix has no documents and has applied nothing
// of the store: a new collection's index, written whole by the offline
// builder (buildIndex).
func emptyIndex(ix *indexer.Index) (bool, error) {
	n, err := ix.DocCount()
	if err != nil || n > 0 {
		return false, err
	}
	seq, err := ix.AppliedSeq()
	return seq == 0, err
}

// buildIndex writes the index of the whole store with the offline builder
// and swaps it in (indexer.Build), with progress on a terminal and a log
// line otherwise.
// whileMerging, when set, runs beside the build's last merges
// (indexer.BuildOptions.WhileMerging).
func buildIndex(ctx context.Context, e *Env, store *corpus.Store, compact, assoc bool, whileMerging func(context.Context) error, log *slog.Logger) error {
	prog := newProgress(e.Stderr, "index").logTo(log)
	st, err := indexer.Build(ctx, indexer.DirFor(e.Data), store, indexer.BuildOptions{
		Compact:      compact,
		Associations: assoc,
		WhileMerging: whileMerging,
		Progress:     func(st indexer.SyncStats) { prog.update(st.Indexed, st.Bytes) },
		Log:          log,
	})
	prog.done()
	if err != nil {
		return err
	}
	log.Info("built index", "docs", st.Indexed, "bytes", st.Bytes, "dur", st.Duration)
	return nil
}

// compactStore compacts the store after a bulk ingest. A compaction that
// fails leaves the store as it was (the copy is written aside) and is
// logged, not returned; only a cancel is.
func compactStore(ctx context.Context, store *corpus.Store, log *slog.Logger) error {
	start := time.Now()
	before, after, err := store.Compact(ctx)
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case err != nil && after > 0:
		// the copy replaced the store; a later step (the directory's
		// sync, closing the old file) failed
		log.Warn("store compacted with an error", "bytes_before", before, "bytes_after", after, "err", err)
	case err != nil:
		log.Warn("store not compacted", "err", err)
	default:
		log.Info("compacted store", "bytes_before", before, "bytes_after", after, "dur", time.Since(start))
	}
	return nil
}

// ignoreCanceled drops the reader's context error when the store stage
// failed first (that stage's error is the one to report).
func ignoreCanceled(err error, otherFailed bool) error {
	if otherFailed && errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}

// readChunks decodes the files into chunks of at most opts.BatchBytes of
// input or opts.BatchDocs documents.
func readChunks(ctx context.Context, opts IngestOptions, out chan<- chunk, warns *inputWarnings, log *slog.Logger) error {
	var c chunk
	send := func() error {
		if len(c.docs) == 0 {
			return nil
		}
		select {
		case out <- c:
		case <-ctx.Done():
			return ctx.Err()
		}
		c = chunk{docs: make([]*corpus.Document, 0, len(c.docs))}
		return nil
	}
	for _, name := range opts.Files {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		n := 0
		warns.file = name
		jopt := corpus.JSONLOptions{MaxText: opts.MaxDocBytes, Date: readDate, Warn: warns.warn}
		err = corpus.ReadJSONLOptions(f, jopt, func(d *corpus.Document, size int) error {
			n++
			c.docs = append(c.docs, d)
			c.bytes += int64(size)
			if c.bytes >= opts.BatchBytes || len(c.docs) >= opts.BatchDocs {
				return send()
			}
			return nil
		})
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		log.Info("read", "file", name, "docs", n)
	}
	return send()
}

// withTouched returns the documents changed in the store sequences (from,
// to] in sequence order: those of a batch, and the earlier ones the batch
// moved to a new sequence because it changed their effect.
func withTouched(store *corpus.Store, batch []*corpus.Document, from, to uint64) ([]*corpus.Document, error) {
	if last := batch[len(batch)-1].Seq; last == to && to-from == uint64(len(batch)) {
		return batch, nil // nothing touched
	}
	ids, err := store.SeqIDs(from, to)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*corpus.Document, len(batch))
	for _, d := range batch {
		byID[d.ID] = d
	}
	out := make([]*corpus.Document, 0, len(ids))
	for _, id := range ids {
		if d, ok := byID[id]; ok {
			out = append(out, d)
			continue
		}
		d, err := store.Get(id)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// readDate reads a published value in another form than YYYY-MM-DD
// ("23/11/2022", "2022-11-23T10:00:00Z", "ngày 23 tháng 11 năm 2022") with
// the extractor's parser; a numeric date that reads two ways is taken
// day first, the Vietnamese convention.
func readDate(s string) string { return extract.ParseDate(s, extract.DayFirst) }
