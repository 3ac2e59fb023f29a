package main

import (
	"context"
	"fmt"

	"github.com/vanban/vanban/internal/app"
)

func cmdIngest() *command {
	c := &command{name: "ingest", usage: "[--batch-mb N] [--compact] [--online] [--associations] [--no-ocr] [--ocr-cache DIR] [--workers N] FILE.jsonl|FOLDER|FILE.pdf|.docx|.doc|.html…",
		short: "bulk import JSON Lines ({_id,title,text} plus url, published, type, number, issuer), or folders of PDF, DOCX, DOC and HTML files, into the store and the index"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		o := app.IngestOptions{BatchDocs: 5000}
		fs := newFlags(e, c)
		batchMB := fs.Float64("batch-mb", 0.5, "apply a batch every `N` MB of input (also every 5000 documents); memory grows with it. Into an empty index, whose batches are only stored before the index is built, batches take at least 16 MB")
		fs.BoolVar(&o.Compact, "compact", false, "merge the index into one segment at the end: a smaller index and slightly faster queries, but the merge maps the whole index into memory")
		fs.BoolVar(&o.Associations, "associations", false, "learn the collection's term associations into the index (a fifth of a bulk ingest's CPU; an index that has them keeps them current); nothing uses them by default")
		fs.BoolVar(&o.Online, "online", false, "into an empty index too, index each batch as it is stored (the path of later ingests) instead of storing everything and then writing the index with bleve's offline builder")
		noCompact := fs.Bool("no-compact", false, "do not merge the index into one segment (the default; kept for scripts)")
		fs.IntVar(&o.InFlight, "parallel", 1, "index batches applied at once (2 uses an idle second core, at twice the batch memory)")
		maxDocMB := fs.Float64("max-doc-mb", 5, "text a document keeps, in `MB` of title and body: a longer one is stored cut at a paragraph or sentence, with a warning naming its line (ingest memory grows with it; docs/performance.md)")
		fs.IntVar(&o.MemLimitMB, "mem-limit", -1, "soft limit of the Go heap in `MB` (runtime/debug.SetMemoryLimit; 0: none; -1: 256 per core while the machine has 2 GB of memory per core, at most 8 cores: a segment worker each): less memory, more garbage-collection time")
		fs.BoolVar(&o.NoOCR, "no-ocr", false, "files: do not OCR scanned pages (they are listed as skipped)")
		fs.StringVar(&o.OCRCache, "ocr-cache", "", "files: keep scanned pages' OCR output in `DIR` (by the page image's hash, Tesseract's version and model) and reuse it")
		fs.IntVar(&o.FileWorkers, "workers", 0, "files read at once (0: one per core)")
		files, err := parseFlags(fs, args)
		if err != nil {
			return err
		}
		if len(files) == 0 || *batchMB <= 0 || *maxDocMB < 0.001 || *maxDocMB > 256 {
			fs.Usage()
			return errUsage
		}
		if o.Compact && *noCompact {
			return fmt.Errorf("ingest: --compact and --no-compact contradict each other")
		}
		o.Files, o.BatchBytes, o.MaxDocBytes = files, int64(*batchMB*1e6), int(*maxDocMB*1e6)
		return app.RunIngest(ctx, &e.Env, o)
	}
	return c
}
