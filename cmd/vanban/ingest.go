package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"runtime/debug"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
)

func cmdIngest() *command {
	c := &command{name: "ingest", usage: "[--batch-mb N] [--compact] FILE.jsonl…",
		short: "bulk import JSON Lines ({_id,title,text} plus url, published, type, number, issuer) into the store and the index"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		fs := newFlags(e, c)
		batchMB := fs.Float64("batch-mb", 0.5, "apply a batch every `N` MB of input (also every 5000 documents); memory grows with it")
		compact := fs.Bool("compact", false, "merge the index into one segment at the end: a smaller index and slightly faster queries, but the merge maps the whole index into memory")
		noCompact := fs.Bool("no-compact", false, "do not merge the index into one segment (the default; kept for scripts)")
		inFlight := fs.Int("parallel", 1, "index batches applied at once (2 uses an idle second core, at twice the batch memory)")
		memLimit := fs.Int("mem-limit", 256, "soft limit of the Go heap in `MB` (runtime/debug.SetMemoryLimit; 0: none): less memory, more garbage-collection time")
		files, err := parseFlags(fs, args)
		if err != nil {
			return err
		}
		if len(files) == 0 || *batchMB <= 0 {
			fs.Usage()
			return errUsage
		}
		if *memLimit > 0 {
			defer debug.SetMemoryLimit(debug.SetMemoryLimit(int64(*memLimit) << 20))
		}
		if *compact && *noCompact {
			return fmt.Errorf("ingest: --compact and --no-compact contradict each other")
		}
		return runIngest(ctx, e, files, ingestOptions{batchBytes: int64(*batchMB * 1e6), batchDocs: 5000, inFlight: *inFlight, compact: *compact})
	}
	return c
}

type ingestOptions struct {
	batchBytes int64
	batchDocs  int
	inFlight   int
	compact    bool
}

// ingestStats counts an ingest run.
type ingestStats struct {
	docs, fresh, changed, unchanged int
	bytes                           int64 // JSON Lines input read
}

// chunk is a batch of documents read from the input.
type chunk struct {
	docs  []*corpus.Document
	bytes int64
}

// runIngest is a pipeline, so that both cores stay busy: reading and
// decoding JSON Lines (a goroutine), storing each batch in one bbolt
// transaction and mapping its changes to an index batch (this goroutine),
// and applying index batches, opt.inFlight at a time (indexer.Loader; bleve
// analyzes a batch's documents on its own worker pool). The index records
// the store sequence it has applied, as Sync does, so an interrupted
// ingest is completed by the next `vanban index` or ingest.
func runIngest(ctx context.Context, e *env, files []string, opt ingestOptions) error {
	start := time.Now()
	log := slog.New(slog.DiscardHandler)
	if !isTerminal(e.stderr) {
		log = slog.New(slog.NewJSONHandler(e.stderr, nil))
	}
	store, err := openStore(e, false)
	if err != nil {
		return err
	}
	defer store.Close()
	ix, err := indexer.Open(indexer.DirFor(e.data), indexer.Options{Timeout: lockWait})
	if errors.Is(err, indexer.ErrLocked) {
		return &exitError{code: exitLocked, err: fmt.Errorf("%w (is `vanban serve` running on %s?)", err, e.data)}
	} else if err != nil {
		return err
	}
	defer ix.Close()
	// Catch up first: the index must be at the store's sequence before
	// batches are applied as they are stored.
	if _, err := ix.Sync(ctx, store, nil); err != nil {
		return err
	}
	seq, err := store.LastSeq()
	if err != nil {
		return err
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	chunks := make(chan chunk, 1)
	readErr := make(chan error, 1)
	go func() {
		defer close(chunks)
		readErr <- readChunks(ctx, files, opt, chunks, log)
	}()
	load, err := ix.NewLoader(opt.inFlight)
	if err != nil {
		return err
	}
	var st ingestStats
	prog := newProgress(e.stderr, "ingest")
	err = func() error {
		for c := range chunks {
			changes, err := store.PutBatch(c.docs)
			if err != nil {
				return err
			}
			var changed []*corpus.Document
			for i, ch := range changes {
				switch ch {
				case corpus.New:
					st.fresh++
				case corpus.Changed:
					st.changed++
				default:
					st.unchanged++
					continue
				}
				changed = append(changed, c.docs[i])
			}
			st.docs += len(c.docs)
			st.bytes += c.bytes
			prog.update(st.docs, st.bytes)
			if len(changed) == 0 {
				continue
			}
			last := changed[len(changed)-1].Seq
			p, err := ix.Prepare(changed, seq, last)
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
	lerr := load.Close()
	rerr := <-readErr
	prog.done()
	if err = errors.Join(err, lerr, ignoreCanceled(rerr, err != nil)); err != nil {
		return err
	}
	indexed := st.fresh + st.changed
	if opt.compact && indexed > 0 {
		cstart := time.Now()
		if err := ix.Compact(ctx); err != nil {
			return err
		}
		log.Info("compacted", "dur", time.Since(cstart))
	}
	secs := time.Since(start).Seconds()
	fmt.Fprintf(e.stdout, "ingested %d docs (%d new, %d changed, %d unchanged) in %.1fs: %.0f docs/s, %.2f MB/s\n",
		st.docs, st.fresh, st.changed, st.unchanged, secs, float64(st.docs)/secs, float64(st.bytes)/1e6/secs)
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

// readChunks decodes the files into chunks of at most opt.batchBytes of
// input or opt.batchDocs documents.
func readChunks(ctx context.Context, files []string, opt ingestOptions, out chan<- chunk, log *slog.Logger) error {
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
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		n := 0
		err = corpus.ReadJSONL(f, func(d *corpus.Document, size int) error {
			n++
			c.docs = append(c.docs, d)
			c.bytes += int64(size)
			if c.bytes >= opt.batchBytes || len(c.docs) >= opt.batchDocs {
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
