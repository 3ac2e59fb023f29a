package crawler

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"sync"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler/filetext"
	"github.com/vanban/vanban/crawler/filetext/filekind"
)

// Attached files. An article's links to PDF, DOCX and DOC files
// (Site.fileAllowed: the site's hosts and attachment_hosts, attachments
// on) enter the frontier with the article as their parent and are fetched
// by the page workers like any page: robots.txt, the host's delay,
// retries, conditional GET, WARC. Reading one (filetext: pdftotext, and
// OCR for scanned pages, which takes seconds a page) is handed to the
// crawler's file pool, FileOptions.Workers files at a time, so that a page
// worker goes back to the HTML pages at once. The pool's queue holds the
// file's place in the WARC archive, not its bytes (without an archive, the
// bytes), so a long queue costs little memory. When the read is done the
// file's document is stored (FileDocument; Parent: the article) and only
// then the URL leaves the frontier, as a page does; a crawl ends when its
// pages and its files are done. A cancelled crawl leaves the file in the
// frontier, and the next run reads it again.
//
// A file whose tool is missing is kept pending (its validators and
// archive reference kept, files/pending) and read from the archive by the
// next run that finds the tool, when the server answers 304. A file that
// cannot be read (encrypted, damaged, too large, an HTML page served as a
// PDF…) is reported (Report.FileErrors) and the crawl goes on; a document
// stored from an earlier version of the file stays.

// filePool reads files beside the page workers, at most workers at once.
// Jobs queue without bound; each holds a WARC reference or, without an
// archive, the file's bytes.
type filePool struct {
	reader  *filetext.Reader
	opt     FileOptions
	mu      sync.Mutex
	jobs    []func()
	running int
}

func newFilePool(opt FileOptions) *filePool {
	opt = opt.withDefaults()
	return &filePool{opt: opt, reader: filetext.NewReader(filetext.Options{Limits: opt.Limits, NoOCR: opt.NoOCR, OCRCache: opt.OCRCache})}
}

// submit queues job, starting a worker when fewer than Workers run.
func (p *filePool) submit(job func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.jobs = append(p.jobs, job)
	if p.running < p.opt.Workers {
		p.running++
		go p.loop()
	}
}

func (p *filePool) loop() {
	for {
		p.mu.Lock()
		if len(p.jobs) == 0 {
			p.running--
			p.mu.Unlock()
			return
		}
		job := p.jobs[0]
		p.jobs[0] = nil
		p.jobs = p.jobs[1:]
		p.mu.Unlock()
		job()
	}
}

// bodyCapKey carries a request's body cap in its context (files have
// their own, larger than a page's).
type bodyCapKey struct{}

// headJudgeKey carries, in a file request's context, the judge of its
// response's headers and first headBytes bytes (notReadByHead): the body
// of a file not read is never downloaded whole (fetch.go).
type headJudgeKey struct{}

// headBytes is how much of a file's body is read before it is judged.
const headBytes = 4 << 10

// notReadByHead says why a file response is not read, from its headers
// and first bytes, or "" to read it whole. A response whose
// Content-Disposition names, or whose Content-Type says, a kind not read
// (a ZIP, a program, a video: filekind.OfResponse's Other and Media) is
// not read unless its first bytes may open a file we read
// (filetext.HeadReadable: a DOCX a handler names "ho-so.zip"). A ZIP
// typed application/zip with no name is read whole: a server without the
// Office types sends DOCX and XLSX so, and a package's first entry is
// not always one HeadReadable knows; its bytes decide after (fileFetched).
func notReadByHead(h http.Header, head []byte) string {
	disp, ctype := h.Get("Content-Disposition"), h.Get("Content-Type")
	c, name := filekind.OfResponse(disp, ctype)
	if c != filekind.Other && c != filekind.Media || filetext.HeadReadable(head) {
		return ""
	}
	if mt, _, _ := mime.ParseMediaType(ctype); filekind.OfName(name) == filekind.Page && (mt == "application/zip" || mt == "application/x-zip-compressed") {
		return ""
	}
	return fmt.Sprintf("the link serves %s (%s), a kind not read; left after its first %d bytes", c, cmp.Or(disp, ctype), len(head))
}

// fileFetched handles a file's 200 answer: a kind not read, too large, or
// queued for reading with its state (validators, archive reference) to
// record.
func (r *run) fileFetched(u string, resp *response, state urlState) {
	if resp.WARC.File != "" {
		state.WARC, state.Offset = resp.WARC.File, resp.WARC.Offset
	}
	state.ETag, state.LastModified = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	if resp.Skipped != "" {
		r.notAFile(u, resp.Skipped)
		r.finishURL(u, state, nil, ReadFileOp(u))
		return
	}
	if resp.Truncated {
		r.fileFailed(u, fmt.Errorf("filetext: %s: %w: over the %d-byte download limit", u, filetext.ErrTooLarge, r.c.files.opt.MaxBytes))
		r.finishURL(u, state, nil, ReadFileOp(u))
		return
	}
	if c, _ := filekind.OfResponse(resp.Header.Get("Content-Disposition"), resp.Header.Get("Content-Type")); (c == filekind.Other || c == filekind.Media) && !readable(resp.Body) {
		// A download handler serving a kind we do not read (its name or
		// type says a ZIP, a slide deck, an image, and its bytes are none
		// of ours — a DOCX served as application/zip is read): as such a
		// link, not read.
		r.notAFile(u, fmt.Sprintf("the link serves %s (%s), a kind not read", c, cmp.Or(resp.Header.Get("Content-Disposition"), resp.Header.Get("Content-Type"))))
		r.finishURL(u, state, nil, ReadFileOp(u))
		return
	}
	data, ref := resp.Body, resp.WARC
	if ref.File != "" {
		data = nil // read back from the archive when its turn comes
	}
	r.queueFile(u, state, data, ref, resp.Header)
}

// readable reports bytes of a kind filetext reads (when the response was
// not truncated: a truncated file is judged by its read).
func readable(data []byte) bool {
	k, err := filetext.Sniff(data)
	return err == nil && k != filetext.HTML
}

// notAFile reports a file link that answered no file we read: an HTML
// page (an Office viewer, a login or error page) or a kind not read.
func (r *run) notAFile(u, why string) {
	r.c.log.Info("file link gave no file to read", "site", r.site.Name, "url", u, "why", why)
	r.count(func(rep *Report) { rep.FilePages++ })
}

// queueFile hands a file to the pool; the URL is finished when it is read.
// header is the response's (nil: read from the archived record).
func (r *run) queueFile(u string, state urlState, data []byte, ref warcRef, header http.Header) {
	r.fileWG.Add(1)
	r.c.files.submit(func() {
		defer r.fileWG.Done()
		if r.ctx.Err() != nil {
			return // stays in the frontier
		}
		if data == nil {
			resp, err := readRecord(r.c.warcDir, ref)
			if err != nil {
				r.fail(u, "archive", err)
				state.ETag, state.LastModified = "", "" // fetched in full next time
				r.finishURL(u, state, nil)
				return
			}
			data, header = resp.Body, resp.Header
		}
		_, name := filekind.OfResponse(header.Get("Content-Disposition"), "")
		st, ops, ok := r.readFile(r.ctx, u, state, data, name)
		if ok {
			r.finishURL(u, st, nil, ops...)
		}
		if r.c.OnProgress != nil {
			r.c.OnProgress(r.report())
		}
	})
}

// readFile reads a file and stores its document; name is the file's name
// when the response gave one (Content-Disposition), else the URL's is
// taken. It returns the state to record and the writes to commit with it,
// or ok false when ctx was cancelled (the file is read again by the next
// run). A file link answering an HTML page is no file error (notAFile).
func (r *run) readFile(ctx context.Context, u string, state urlState, data []byte, name string) (_ urlState, ops []corpus.KVOp, ok bool) {
	res, err := r.c.files.reader.Read(ctx, u, data)
	if err != nil && ctx.Err() != nil {
		return state, nil, false
	}
	var tm *filetext.ToolMissingError
	switch {
	case errors.As(err, &tm):
		r.c.warner.Warn(tm)
		state.Pending = tm.Package
		r.count(func(rep *Report) { rep.FilesPending++ })
		return state, []corpus.KVOp{PendingFileOp(u, tm)}, true
	case errors.Is(err, filetext.ErrHTML):
		state.Pending = ""
		r.notAFile(u, "it answered an HTML page, not a file")
	case err != nil:
		state.Pending = ""
		r.fileFailed(u, err)
	default:
		state.Pending = ""
		if err := r.storeFile(u, &state, res, data, name); err != nil {
			r.fail(u, "store", err)
		}
	}
	return state, []corpus.KVOp{ReadFileOp(u)}, true
}

// Errors of a file link that gave no file (FileErrorKind "not_found",
// "unavailable").
var (
	errFileNotFound    = errors.New("the file link is dead")
	errFileUnavailable = errors.New("the file could not be fetched")
)

// fileUnfetched reports a file link that answered 404 or 410 (status) or
// whose fetch failed (err: a 5xx or 429 after the retries, a timeout, a
// refused connection) as a file error, so that a dead or unreachable
// attachment is listed with the files that could not be read. The
// article keeps its link; the URL is asked again next run.
func (r *run) fileUnfetched(u string, status int, err error) {
	if err != nil {
		r.fileFailed(u, fmt.Errorf("%s: %w: %w", u, errFileUnavailable, err))
		return
	}
	r.fileFailed(u, fmt.Errorf("%s: %w: HTTP %d %s", u, errFileNotFound, status, http.StatusText(status)))
}

// fileFailed reports a file that could not be read.
func (r *run) fileFailed(u string, err error) {
	kind := FileErrorKind(err)
	r.c.log.Warn("file not read", "site", r.site.Name, "url", u, "kind", kind, "err", err)
	r.count(func(rep *Report) {
		rep.FilesFailed++
		if len(rep.FileErrors) < maxFileErrors {
			rep.FileErrors = append(rep.FileErrors, FileError{URL: u, Kind: kind, Error: err.Error()})
		}
	})
}

// storeFile stores the document of a file read from the article at
// state.Parent, and gives the article the file's header when it wraps
// this file alone (adoptHeader).
func (r *run) storeFile(u string, state *urlState, res *filetext.Result, data []byte, name string) error {
	d := FileDocument(u, res, data)
	if name != "" && name != d.File.Name {
		if d.Title == d.File.Name {
			d.Title = name
		}
		d.File.Name = name
	}
	d.Site = r.site.Name
	d.Parent = corpus.IDForURL(state.Parent)
	r.c.adoptMu.Lock()
	defer r.c.adoptMu.Unlock()
	parent, err := r.c.store.Get(d.Parent)
	if err != nil && !errors.Is(err, corpus.ErrNotFound) {
		return err
	}
	if parent != nil {
		d.Category = parent.Category
	}
	ch, err := r.c.store.Put(d)
	if err != nil {
		return err
	}
	state.DocID = d.ID
	r.count(func(rep *Report) { rep.Files++ })
	r.countChange(ch)
	if parent == nil || parent.Gone || !r.wrapsOnly(parent, d.ID) || !adoptHeader(parent, d) {
		return nil
	}
	// The article was counted when its page was stored; taking its
	// file's header is counted apart (Report.Adopted), not as a change.
	ch, err = r.c.store.Put(parent)
	if err == nil && ch != corpus.Unchanged {
		r.count(func(rep *Report) { rep.Adopted++ })
	}
	return err
}

// fileLinks are the links of an article to its files to fetch.
func (r *run) fileLinks(attachments []string, article string) []linkRef {
	var out []linkRef
	for _, a := range attachments {
		if r.site.fileAllowed(a) {
			out = append(out, linkRef{URL: a, Parent: article})
		}
	}
	return out
}

// wrapsOnly reports whether the article's one fetched file is the
// document fileID.
func (r *run) wrapsOnly(article *corpus.Document, fileID string) bool {
	files := r.fileLinks(article.Attachments, article.URL)
	return len(files) == 1 && corpus.IDForURL(files[0].URL) == fileID
}

// adoptStoredFile gives an article about to be stored the header of the
// one file it wraps, when that file was read before (its document is
// stored with the article as parent). The caller holds adoptMu.
func (r *run) adoptStoredFile(article *corpus.Document, files []linkRef) {
	if len(files) != 1 {
		return
	}
	f, err := r.c.store.Get(corpus.IDForURL(files[0].URL))
	if err == nil && f.Parent == corpus.IDForURL(article.URL) {
		adoptHeader(article, f)
	}
}
