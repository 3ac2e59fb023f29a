package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler"
	"github.com/vanban/vanban/crawler/extract"
	"github.com/vanban/vanban/crawler/filetext"
	"github.com/vanban/vanban/crawler/filetext/filekind"
)

// Ingesting files: `vanban ingest PATH…` with folders or PDF, DOCX, DOC
// and HTML files (anything else is JSON Lines). Every file is a document
// of its own (crawler.FileDocument; an HTML file is read as a saved page)
// whose URL is the file:// URL of its absolute path, so its ID stays the
// same from run to run. What was ingested is kept per file (KV namespace
// ingest/file: the SHA-256 of its bytes, its document, and whether it waits
// for a tool or could not be read): a file whose bytes did not change is
// not read again, so re-ingesting an unchanged folder changes nothing; a
// changed file is read and stored (new, changed or unchanged by the
// document's content hash); a file gone from a folder given again is
// marked gone. Files are read runtime.GOMAXPROCS at a time (OCR included)
// and stored by one goroutine; the index is brought up to date at the end.

// nsIngestFile records the files ingested: file URL → ingestRecord.
const nsIngestFile = "ingest/file"

type ingestRecord struct {
	SHA256  string `json:"sha256"`
	Doc     string `json:"doc,omitempty"`
	Pending bool   `json:"pending,omitempty"` // waiting for a tool: read again next time
	Kind    string `json:"error_kind,omitempty"`
	Error   string `json:"error,omitempty"` // why this version could not be read
}

// ingestFile reports whether ingest reads the file at p by its bytes: a
// document filetext reads (filekind.Readable) or an HTML page.
func ingestFile(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".html", ".htm":
		return true
	}
	return filekind.OfName(p) == filekind.Readable
}

// splitIngestPaths separates the JSON Lines inputs from the folders and
// document files.
func splitIngestPaths(paths []string) (jsonl, files []string) {
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil && fi.IsDir() || ingestFile(p) {
			files = append(files, p)
		} else {
			jsonl = append(jsonl, p)
		}
	}
	return jsonl, files
}

// localFile is one file to ingest.
type localFile struct {
	path, url string
	size      int64
}

// fileURL is the file:// URL of an absolute path.
func fileURL(abs string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

// collectFiles lists the files under paths (folders walked, symbolic
// links to files followed) and the URL prefixes whose earlier files that
// are no longer there are gone: a folder's "file:///dir/", a file's URL.
func collectFiles(paths []string) ([]localFile, []string, error) {
	var files []localFile
	var scopes []string
	seen := map[string]bool{}
	add := func(abs string, fi os.FileInfo) {
		if !seen[abs] && fi.Mode().IsRegular() {
			seen[abs] = true
			files = append(files, localFile{path: abs, url: fileURL(abs), size: fi.Size()})
		}
	}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, nil, err
		}
		fi, err := os.Stat(abs)
		if err != nil {
			return nil, nil, fmt.Errorf("ingest: %w", err)
		}
		if !fi.IsDir() {
			add(abs, fi)
			scopes = append(scopes, fileURL(abs))
			continue
		}
		scopes = append(scopes, strings.TrimSuffix(fileURL(abs), "/")+"/")
		err = filepath.WalkDir(abs, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !ingestFile(path) {
				return nil
			}
			fi, err := os.Stat(path) // follows a link
			if err != nil {
				return nil // a dangling link
			}
			add(path, fi)
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("ingest: %w", err)
		}
	}
	slices.SortFunc(files, func(a, b localFile) int { return strings.Compare(a.path, b.path) })
	return files, scopes, nil
}

// fileResult is what a reader goroutine made of one file.
type fileResult struct {
	f         localFile
	doc       *corpus.Document // nil when unchanged, pending or not readable
	rec       ingestRecord
	unchanged bool // same bytes as last time: not read
	missing   *filetext.ToolMissingError
	err       error
	pages     int
}

// fileStats counts an ingest of files.
type fileStats struct {
	changeCounts
	files, gone, pending, failed, pages int
	bytes                               int64
	errors                              []crawler.FileError
}

// ingestFiles ingests the folders and files of paths.
func ingestFiles(ctx context.Context, e *Env, opts IngestOptions, paths []string) error {
	start := time.Now()
	log := slog.New(slog.DiscardHandler) // per-file lines, when stderr is no terminal
	if !isTerminal(e.Stderr) {
		log = slog.New(slog.NewJSONHandler(e.Stderr, nil))
	}
	warner := crawler.NewToolWarner(logger(e.Stderr, false))
	files, scopes, err := collectFiles(paths)
	if err != nil {
		return err
	}
	store, ix, err := openData(ctx, e, false)
	if err != nil {
		return err
	}
	defer store.Close()
	defer ix.Close()
	known := map[string]ingestRecord{}
	err = store.ForEachKV(nsIngestFile, func(k string, v []byte) error {
		var r ingestRecord
		_ = json.Unmarshal(v, &r) // a damaged record: the file is read again
		known[k] = r
		return nil
	})
	if err != nil {
		return err
	}

	limits := filetext.DefaultLimits
	if opts.FileTimeout > 0 {
		limits.Timeout = opts.FileTimeout
	}
	reader := filetext.NewReader(filetext.Options{Limits: limits, NoOCR: opts.NoOCR, OCRCache: opts.OCRCache})
	workers := opts.FileWorkers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan localFile)
	results := make(chan fileResult)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				select {
				case results <- readLocal(ctx, reader, f, known[f.url], limits.MaxBytes):
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, f := range files {
			select {
			case jobs <- f:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	var st fileStats
	prog := newProgress(e.Stderr, "ingest")
	for res := range results {
		if err := st.record(store, res, warner, log); err != nil {
			cancel()
			for range results { // let the readers finish
			}
			return err
		}
		prog.update(st.files, st.bytes)
	}
	prog.done()
	if err := ctx.Err(); err != nil {
		return err
	}
	if st.gone, err = markRemoved(store, known, files, scopes); err != nil {
		return err
	}
	synced, err := ix.Sync(ctx, store, nil)
	if err != nil {
		return err
	}
	for _, fe := range st.errors {
		fmt.Fprintf(e.Stderr, "file not read (%s): %s\n", fe.Kind, fe.Error)
	}
	secs := time.Since(start).Seconds()
	fmt.Fprintf(e.Stdout, "ingested %d files (%d new, %d changed, %d unchanged, %d gone, %d waiting for a tool, %d not readable) in %.1fs: %d pages read, %.1f pages/s; index: %d indexed, %d removed\n",
		st.files, st.fresh, st.changed, st.unchanged, st.gone, st.pending, st.failed, secs, st.pages, float64(st.pages)/secs, synced.Indexed, synced.Removed)
	if err := syncTasks(ctx, e, store, e.Stdout); err != nil { // as RunIngest
		return err
	}
	if st.failed > 0 {
		return fmt.Errorf("%d files could not be read", st.failed)
	}
	return nil
}

// readLocal reads one file, unless its bytes are those of last time.
func readLocal(ctx context.Context, reader *filetext.Reader, f localFile, prev ingestRecord, maxBytes int64) fileResult {
	res := fileResult{f: f}
	if f.size > maxBytes {
		res.err = fmt.Errorf("filetext: %s: %w: %d bytes, limit %d", f.path, filetext.ErrTooLarge, f.size, maxBytes)
		return res
	}
	data, err := os.ReadFile(f.path)
	if err != nil {
		res.err = err
		return res
	}
	res.rec = ingestRecord{SHA256: corpus.FileHash(data), Doc: prev.Doc}
	if prev.SHA256 == res.rec.SHA256 && !prev.Pending {
		res.unchanged, res.rec = true, prev
		return res
	}
	res.doc, res.pages, res.err = readDocument(ctx, reader, f, data)
	if errors.As(res.err, &res.missing) {
		res.err = nil
	}
	return res
}

// readDocument reads a document file, or a saved HTML page, into a
// document.
func readDocument(ctx context.Context, reader *filetext.Reader, f localFile, data []byte) (*corpus.Document, int, error) {
	if _, err := filetext.Sniff(data); errors.Is(err, filetext.ErrHTML) {
		u, _ := url.Parse(f.url)
		a, err := extract.Extract(data, "", u, extract.Options{})
		if err != nil {
			return nil, 0, fmt.Errorf("%s: %w", f.path, err)
		}
		if a.NotDocument != "" {
			return nil, 0, fmt.Errorf("%s: %w: not a document: %s", f.path, filetext.ErrNoText, a.NotDocument)
		}
		if a.Title == "" && strings.TrimSpace(a.Body) == "" {
			return nil, 0, fmt.Errorf("%s: %w: no article on the page", f.path, filetext.ErrNoText)
		}
		d := crawler.ArticleDocument(f.url, fileSite, a)
		d.File = &corpus.FileInfo{Kind: string(filetext.HTML), Name: filepath.Base(f.path), Size: int64(len(data)), SHA256: corpus.FileHash(data)}
		return d, 1, nil
	}
	res, err := reader.Read(ctx, f.path, data)
	if err != nil {
		return nil, 0, err
	}
	d := crawler.FileDocument(f.url, res, data)
	d.Site = fileSite
	return d, res.Pages, nil
}

// fileSite is the site of the documents ingested from files.
const fileSite = "files"

// record stores one file's outcome: its document, its record, the counts.
func (st *fileStats) record(store *corpus.Store, res fileResult, warner *crawler.ToolWarner, log *slog.Logger) error {
	st.files++
	st.bytes += res.f.size
	var ops []corpus.KVOp
	switch {
	case res.unchanged && res.rec.Error != "": // still the version that could not be read
		st.fail(res.f, res.rec.Kind, res.rec.Error)
		return nil
	case res.unchanged:
		st.unchanged++
		return nil
	case res.missing != nil:
		warner.Warn(res.missing)
		st.pending++
		res.rec.Pending = true
		ops = append(ops, crawler.PendingFileOp(res.f.url, res.missing))
		log.Info("file waiting for a tool", "file", res.f.path, "tool", res.missing.Tool, "package", res.missing.Package)
	case res.err != nil:
		if res.rec.SHA256 == "" { // not even read: nothing to remember
			st.fail(res.f, crawler.FileErrorKind(res.err), res.err.Error())
			return nil
		}
		res.rec.Kind, res.rec.Error = crawler.FileErrorKind(res.err), res.err.Error()
		st.fail(res.f, res.rec.Kind, res.rec.Error)
		ops = append(ops, crawler.ReadFileOp(res.f.url))
	default:
		ch, err := store.Put(res.doc)
		if err != nil {
			return err
		}
		res.rec.Doc = res.doc.ID
		st.pages += res.pages
		st.add(ch)
		ops = append(ops, crawler.ReadFileOp(res.f.url))
		log.Info("file read", "file", res.f.path, "doc_id", res.doc.ID, "pages", res.pages, "change", ch.String())
	}
	v, _ := json.Marshal(res.rec)
	return store.ApplyKV(append(ops, corpus.KVOp{NS: nsIngestFile, Key: res.f.url, Value: v}))
}

func (st *fileStats) fail(f localFile, kind, msg string) {
	st.failed++
	st.errors = append(st.errors, crawler.FileError{URL: f.url, Kind: kind, Error: msg})
}

// markRemoved marks gone the documents of the files ingested before under
// scopes that are not among files, and forgets them.
func markRemoved(store *corpus.Store, known map[string]ingestRecord, files []localFile, scopes []string) (int, error) {
	here := make(map[string]bool, len(files))
	for _, f := range files {
		here[f.url] = true
	}
	gone := 0
	var ops []corpus.KVOp
	for u, rec := range known {
		if here[u] || !slices.ContainsFunc(scopes, func(s string) bool { return u == s || strings.HasSuffix(s, "/") && strings.HasPrefix(u, s) }) {
			continue
		}
		if rec.Doc != "" {
			ch, err := store.MarkGone(rec.Doc)
			if err != nil {
				return gone, err
			}
			if ch == corpus.Removed {
				gone++
			}
		}
		ops = append(ops, corpus.KVOp{NS: nsIngestFile, Key: u}, crawler.ReadFileOp(u))
	}
	return gone, store.ApplyKV(ops)
}
