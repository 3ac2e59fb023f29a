package crawler

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler/filetext"
)

// Files as documents: what the crawler and `vanban ingest` share. A file
// read by filetext becomes a corpus.Document of its own (FileDocument); a
// file that needs a tool that is not installed is kept pending (KV
// namespace files/pending) and read by a later run; a missing tool is
// warned about once per run (ToolWarner); a file that cannot be read is
// reported with the kind of its error (FileErrorKind).

// nsFilePending holds the files waiting for a tool: URL → PendingFile.
const nsFilePending = "files/pending"

// PendingFile is a file that could not be read because a tool is not
// installed; the next crawl or ingest with the tool reads it.
type PendingFile struct {
	URL     string    `json:"url"`
	Tool    string    `json:"tool"`
	Package string    `json:"package"` // the Debian package to install
	Since   time.Time `json:"since"`
}

// PendingFileOp records u as waiting for the tool of tm.
func PendingFileOp(u string, tm *filetext.ToolMissingError) corpus.KVOp {
	v, _ := json.Marshal(PendingFile{URL: u, Tool: tm.Tool, Package: tm.Package, Since: time.Now().UTC().Truncate(time.Second)})
	return corpus.KVOp{NS: nsFilePending, Key: u, Value: v}
}

// ReadFileOp clears u's pending record (it was read, or is gone).
func ReadFileOp(u string) corpus.KVOp { return corpus.KVOp{NS: nsFilePending, Key: u} }

// PendingFiles lists the files waiting for a tool, crawled and ingested.
func PendingFiles(store *corpus.Store) ([]PendingFile, error) {
	var out []PendingFile
	err := store.ForEachKV(nsFilePending, func(k string, v []byte) error {
		p := PendingFile{URL: k}
		_ = json.Unmarshal(v, &p) // a damaged record still counts, without its tool
		p.URL = k
		out = append(out, p)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("crawler: pending files: %w", err)
	}
	return out, nil
}

// ToolWarner logs one warning per missing tool, however many files need
// it. It is safe for concurrent use.
type ToolWarner struct {
	mu   sync.Mutex
	seen map[string]bool
	log  *slog.Logger
}

// NewToolWarner returns a warner logging to log.
func NewToolWarner(log *slog.Logger) *ToolWarner {
	return &ToolWarner{seen: map[string]bool{}, log: log}
}

// Warn logs tm the first time its tool is missing.
func (w *ToolWarner) Warn(tm *filetext.ToolMissingError) {
	w.mu.Lock()
	first := !w.seen[tm.Tool]
	w.seen[tm.Tool] = true
	w.mu.Unlock()
	if first {
		w.log.Warn(tm.Tool+" is not installed: files that need it are kept pending and read by a later run once it is",
			"tool", tm.Tool, "package", tm.Package, "install", "apt-get install "+tm.Package)
	}
}

// FileErrorKind names the kind of a file's read error for reports:
// "empty", "html", "unsupported", "too_large", "encrypted", "damaged",
// "no_text", "tool_missing", "timeout" or "read"; for a link that gave no
// file (attach.go), "not_found" (404, 410) or "unavailable" (a failed
// fetch).
func FileErrorKind(err error) string {
	for _, k := range []struct {
		err  error
		kind string
	}{
		{filetext.ErrToolMissing, "tool_missing"}, {filetext.ErrEmpty, "empty"}, {filetext.ErrHTML, "html"},
		{filetext.ErrUnsupported, "unsupported"}, {filetext.ErrTooLarge, "too_large"}, {filetext.ErrEncrypted, "encrypted"},
		{filetext.ErrDamaged, "damaged"}, {filetext.ErrNoText, "no_text"},
		{errFileNotFound, "not_found"}, {errFileUnavailable, "unavailable"},
	} {
		if errors.Is(err, k.err) {
			return k.kind
		}
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "timeout"
	}
	return "read"
}

// FileError is a file that could not be read, in a crawl or ingest report.
type FileError struct {
	URL   string `json:"url"`
	Kind  string `json:"kind"` // FileErrorKind
	Error string `json:"error"`
}

// maxFileErrors bounds the file errors a report lists (all are counted).
const maxFileErrors = 200

// FileDocument turns what filetext read from the file at u into a
// document: title, number, type, issuer and date from the file's own
// header; the body from its first line to the signature, then its
// appendices, with the page each part is on (FileInfo.PageStarts).
func FileDocument(u string, res *filetext.Result, data []byte) *corpus.Document {
	body, starts := fileBody(res)
	d := &corpus.Document{
		URL: u, Title: res.Title, Published: res.Published, Summary: res.Summary, Body: body,
		Type: res.Type, Number: res.Number, Issuer: res.Issuer, DateAmbiguous: res.DateAmbiguous,
		FetchedAt: time.Now().UTC().Truncate(time.Second),
		File: &corpus.FileInfo{
			Kind: string(res.Kind), Name: FileName(u), Size: int64(len(data)), SHA256: corpus.FileHash(data),
			Pages: res.Pages, PageStarts: starts, OCRPages: res.OCRPages, OCRSkipped: res.OCRSkipped,
			Encoding: res.Encoding, Place: res.Place, Signer: res.Signer,
		},
	}
	for _, t := range res.Transmitted {
		d.File.Transmitted = append(d.File.Transmitted, corpus.Transmitted{Number: t.Number, Type: t.Type, Issuer: t.Issuer, Published: t.Published, Title: t.Title})
	}
	if len(d.File.OCRPages) == 0 {
		d.File.OCRPages = nil
	}
	if d.Title == "" {
		d.Title = d.File.Name
	}
	return d
}

// FileName is the last element of u's path, unescaped: "45-KH-UBND.pdf".
func FileName(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return path.Base(u)
	}
	name := path.Base(p.Path)
	if name == "/" || name == "." {
		return p.Host
	}
	return name
}

// maxPageLookahead bounds how far fileBody looks for a body line among the
// pages' lines (they are the same lines, in the same order).
const maxPageLookahead = 4096

// fileBody joins the body and the appendices and finds the page of each
// line in the pages' text.
func fileBody(res *filetext.Result) (string, []corpus.PageStart) {
	type pageLine struct {
		text string
		page int
	}
	var seq []pageLine
	for _, p := range res.PageText {
		for _, l := range strings.Split(p.Text, "\n") {
			if l != "" {
				seq = append(seq, pageLine{l, p.Number})
			}
		}
	}
	parts := []string{res.Body}
	for _, s := range res.Sections {
		parts = append(parts, s.Text)
	}
	var b strings.Builder
	var starts []corpus.PageStart
	next := 0
	for _, part := range parts {
		for _, l := range strings.Split(part, "\n") {
			if l == "" {
				continue
			}
			page := 0
			for k := next; k < len(seq) && k < next+maxPageLookahead; k++ {
				if seq[k].text == l {
					page, next = seq[k].page, k+1
					break
				}
			}
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			if n := len(starts); page > 0 && (n == 0 || starts[n-1].Page != page) {
				starts = append(starts, corpus.PageStart{Page: page, Offset: b.Len()})
			}
			b.WriteString(l)
		}
	}
	return b.String(), starts
}

// adoptHeader gives the article that wraps one file the number, type and
// issuer the file's own header states: they win over what the article's
// page suggested (a title citing another document, an abbreviated
// issuer). It reports whether article changed.
func adoptHeader(article, file *corpus.Document) bool {
	if file.Number == "" || file.Gone {
		return false
	}
	changed := false
	set := func(dst *string, v string) {
		if v != "" && *dst != v {
			*dst, changed = v, true
		}
	}
	set(&article.Number, file.Number)
	set(&article.Type, file.Type)
	set(&article.Issuer, file.Issuer)
	return changed
}
