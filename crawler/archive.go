package crawler

// Archive format: WARC 1.1 (ISO 28500), records built, marshalled and read
// with github.com/nlnwa/gowarc/v3; the files are written by archive.
//
//	DATA/warc/<site>-<run>-<NNNNN>.warc.gz
//
// <run> is the run ID without punctuation (20250102T030405123456789Z) and
// NNNNN a serial from 00001, continued by a resumed run. A file is rotated
// when the next record would take it past the size limit (256 MB by
// default). Each file opens with a warcinfo record (software, site, run);
// then one "response" record per HTTP answer (200, 3xx, 304, 404, 410, and
// the 5xx and 429 answers that were retried or failed the page, their
// bodies cut at 64 KB: WARC-Truncated), in fetch order, each followed by
// the "request" record of the GET that drew it (WARC-Concurrent-To the
// response; the request line and the headers the crawler sent, validators
// included):
//
//	WARC-Target-URI   the URL requested (each redirect hop is its own record)
//	WARC-Date         when the request started
//	WARC-Truncated    "length" when the body was cut at the size cap
//	block             "HTTP/1.1 200 OK", the response headers, the body
//
// The block is rebuilt from Go's parsed response: the body is as the
// client returned it (gzip transfer-coding already removed), so
// Content-Length is rewritten to the stored length and Content-Encoding and
// Transfer-Encoding are dropped. A host's robots.txt answer is archived by
// the run that asks for it first.
//
// Every record is a gzip member of its own, written straight to the file
// and fsynced before the store refers to it, so a killed process leaves a
// file readable up to its last complete record. A write that fails (a full
// disk) is undone: the file is cut back to its last complete record, or
// removed when it holds no response record, so no empty or torn file is
// left and the next record starts a new file. Files are created under
// their final name (no ".open" suffix) so that the references kept in the
// store (urlState.WARC, .Offset: compressed byte offset of the member) stay
// valid after a kill.

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nlnwa/gowarc/v3"
)

// defaultWARCSize is the size at which WARC files are rotated.
const defaultWARCSize = 256 << 20

// warcRef locates one archived response.
type warcRef struct {
	File   string // base name under the WARC directory
	Offset int64  // byte offset of the record's gzip member
}

// archiveError is a failure to write the archive; the page is not stored.
type archiveError struct{ Err error }

func (e *archiveError) Error() string { return "warc: " + e.Err.Error() }
func (e *archiveError) Unwrap() error { return e.Err }

// archive writes the WARC files of one run of one site. It owns its files
// (gowarc builds and marshals the records) so that a failed write — a
// full disk — is undone: the partial record is cut off the file, and a
// file left without a response record is removed, so that no zero-byte
// or torn file stays behind and every offset handed out is a record's.
type archive struct {
	dir, site, run string
	maxSize        int64
	names          *warcNames

	mu      sync.Mutex
	f       *os.File // the current file, nil before the first record or after a failure
	name    string   // its base name
	size    int64    // bytes of complete records in it
	records int      // response records in it
	infoID  string   // its warcinfo record's ID
	gz      *gzip.Writer
	marshal gowarc.Marshaler
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9_.]+`)

// gowarcMu serializes the gowarc calls that build records: each one
// writes a package variable of github.com/google/uuid (EnableRandPool),
// which races under concurrent use (gowarc v3.1.0, found by go test -race).
var gowarcMu sync.Mutex

// openArchive starts (or, for a resumed run, continues) the WARC files of
// site's run in dir.
func openArchive(dir, site, run string, maxSize int64) (*archive, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, &archiveError{err}
	}
	if maxSize <= 0 {
		maxSize = defaultWARCSize
	}
	prefix := unsafeName.ReplaceAllString(site, "_") + "-" + strings.NewReplacer("-", "", ":", "", ".", "").Replace(run)
	return &archive{dir: dir, site: site, run: run, maxSize: maxSize, names: &warcNames{dir: dir, prefix: prefix},
		gz: gzip.NewWriter(nil), marshal: gowarc.NewMarshaler()}, nil
}

// warcNames names the files <prefix>-NNNNN.warc.gz, continuing after the
// highest serial already in the directory.
type warcNames struct {
	dir, prefix string
	mu          sync.Mutex
}

func (g *warcNames) next() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	last := 0
	ents, _ := os.ReadDir(g.dir)
	for _, e := range ents {
		rest, ok := strings.CutPrefix(e.Name(), g.prefix+"-")
		if !ok {
			continue
		}
		num, _, _ := strings.Cut(rest, ".")
		if n, err := strconv.Atoi(num); err == nil && n > last {
			last = n
		}
	}
	return fmt.Sprintf("%s-%05d.warc.gz", g.prefix, last+1)
}

// expectedRatio is the compressed size expected of a record, used to
// rotate a file before the record that would take it past maxSize.
const expectedRatio = 0.25

// record writes resp as a response record and returns where it is.
func (a *archive) record(resp *response) (warcRef, error) {
	gowarcMu.Lock()
	b := gowarc.NewRecordBuilder(gowarc.Response, gowarc.WithBufferMaxMemBytes(16<<20), gowarc.WithAddMissingDigest(true))
	b.AddWarcHeader(gowarc.WarcTargetURI, resp.URL)
	b.AddWarcHeaderTime(gowarc.WarcDate, resp.Date)
	b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
	if resp.Skipped != "" {
		b.AddWarcHeader(gowarc.WarcTruncated, "unspecified") // a file left unread after its first bytes (attach.go)
	} else if resp.Truncated {
		b.AddWarcHeader(gowarc.WarcTruncated, "length")
	}
	b.Write(httpHead(resp))
	b.Write(resp.Body)
	rec, _, err := b.Build()
	var req gowarc.WarcRecord
	if err == nil && len(resp.Request) > 0 {
		q := gowarc.NewRecordBuilder(gowarc.Request, gowarc.WithAddMissingDigest(true))
		q.AddWarcHeader(gowarc.WarcTargetURI, resp.URL)
		q.AddWarcHeaderTime(gowarc.WarcDate, resp.Date)
		q.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=request")
		q.Write(resp.Request)
		if req, _, err = q.Build(); err == nil {
			req.WarcHeader().SetId(gowarc.WarcConcurrentTo, rec.RecordId())
		}
	}
	gowarcMu.Unlock()
	if err != nil {
		if rec != nil {
			rec.Close()
		}
		return warcRef{}, &archiveError{err}
	}
	defer rec.Close()
	if req != nil {
		defer req.Close()
	}

	a.mu.Lock()
	defer a.mu.Unlock()
	est := int64(float64(len(resp.Body)) * expectedRatio)
	if a.f != nil && a.size+est > a.maxSize {
		if err := a.closeFile(); err != nil {
			return warcRef{}, &archiveError{err}
		}
	}
	if a.f == nil {
		if err := a.newFile(); err != nil {
			return warcRef{}, &archiveError{err}
		}
	}
	rec.WarcHeader().SetId(gowarc.WarcWarcinfoID, a.infoID)
	off := a.size
	err = a.write(rec, req == nil)
	if err == nil && req != nil { // the request follows its response, so that off is the response's; one fsync for both
		req.WarcHeader().SetId(gowarc.WarcWarcinfoID, a.infoID)
		err = a.write(req, true)
	}
	if err != nil {
		return warcRef{}, &archiveError{fmt.Errorf("%s: %w", a.name, errors.Join(err, a.undo(off)))}
	}
	a.records++
	return warcRef{File: a.name, Offset: off}, nil
}

// newFile creates the next file and writes its warcinfo record; on
// failure nothing is left.
func (a *archive) newFile() error {
	name := a.names.next()
	f, err := os.OpenFile(filepath.Join(a.dir, name), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	a.f, a.name, a.size, a.records = f, name, 0, 0
	gowarcMu.Lock()
	b := gowarc.NewRecordBuilder(gowarc.Warcinfo)
	b.AddWarcHeaderTime(gowarc.WarcDate, time.Now())
	b.AddWarcHeader(gowarc.WarcFilename, name)
	b.AddWarcHeader(gowarc.ContentType, gowarc.ApplicationWarcFields)
	fmt.Fprintf(b, "software: vanban crawler (gowarc v3)\r\nformat: WARC File Format 1.1\r\nisPartOf: %s\r\nrun: %s\r\n", a.site, a.run)
	info, _, err := b.Build()
	gowarcMu.Unlock()
	if err == nil {
		err = a.write(info, true)
		a.infoID = info.WarcHeader().GetId(gowarc.WarcRecordID)
		info.Close()
	}
	if err == nil {
		err = syncDir(a.dir) // the file's name must last as long as the store's references to it
	}
	if err != nil {
		return fmt.Errorf("%s: %w", name, errors.Join(err, a.undo(0)))
	}
	return nil
}

// write appends rec to the current file as one gzip member, fsynced when
// sync is set.
func (a *archive) write(rec gowarc.WarcRecord, sync bool) error {
	cw := &countingWriter{w: a.f}
	a.gz.Reset(cw)
	_, _, err := a.marshal.Marshal(a.gz, rec, 0)
	if cerr := a.gz.Close(); err == nil {
		err = cerr
	}
	if err == nil && sync {
		err = a.f.Sync()
	}
	if err != nil {
		return err
	}
	a.size += cw.n
	return nil
}

// undo removes what a failed write left: the file is cut back to off, the
// end of its last complete record; a file without a response record is
// removed. The next record starts a new file.
func (a *archive) undo(off int64) error {
	f, path := a.f, filepath.Join(a.dir, a.name)
	a.f = nil
	var err error
	if a.records == 0 {
		err = errors.Join(f.Close(), os.Remove(path))
	} else {
		err = errors.Join(f.Truncate(off), f.Sync(), f.Close())
	}
	if err != nil {
		return fmt.Errorf("undo the failed write: %w", err)
	}
	return nil
}

// closeFile finishes the current file, removing it when it holds no
// response record.
func (a *archive) closeFile() error {
	if a.f == nil {
		return nil
	}
	f := a.f
	a.f = nil
	err := f.Close()
	if a.records == 0 {
		err = errors.Join(err, os.Remove(filepath.Join(a.dir, a.name)))
	}
	return err
}

// Close finishes the current file.
func (a *archive) Close() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.closeFile()
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// syncDir makes the entries of dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	return errors.Join(d.Sync(), d.Close())
}

// httpHead renders the status line and headers of resp, with
// Content-Length set to the stored body length.
func httpHead(resp *response) []byte {
	var buf bytes.Buffer
	proto := resp.Proto
	if proto == "" {
		proto = "HTTP/1.1"
	}
	fmt.Fprintf(&buf, "%s %d %s\r\n", proto, resp.Status, http.StatusText(resp.Status))
	h := resp.Header.Clone()
	if h == nil {
		h = http.Header{}
	}
	h.Del("Transfer-Encoding")
	h.Del("Content-Encoding")
	h.Set("Content-Length", strconv.Itoa(len(resp.Body)))
	if resp.Location != "" {
		h.Set("Location", resp.Location)
	}
	h.Write(&buf)
	buf.WriteString("\r\n")
	return buf.Bytes()
}

// readRecord reads the response record at ref in dir.
func readRecord(dir string, ref warcRef) (*response, error) {
	f, err := os.Open(filepath.Join(dir, ref.File))
	if err != nil {
		return nil, &archiveError{err}
	}
	defer f.Close()
	return readRecordAt(f, ref.Offset)
}

func readRecordAt(f io.ReaderAt, off int64) (*response, error) {
	gowarcMu.Lock()
	r, err := gowarc.NewWarcFileReaderFromStream(io.NewSectionReader(f, off, 1<<62), 0,
		gowarc.WithBufferMaxMemBytes(16<<20))
	gowarcMu.Unlock()
	if err != nil {
		return nil, &archiveError{err}
	}
	defer r.Close()
	rec, err := r.Next()
	if err != nil {
		return nil, &archiveError{fmt.Errorf("record at %d: %w", off, err)}
	}
	defer rec.Close()
	return responseOf(rec.WarcRecord)
}

// responseOf turns a response record back into a response.
func responseOf(rec gowarc.WarcRecord) (*response, error) {
	if rec.Type() != gowarc.Response {
		return nil, &archiveError{fmt.Errorf("record %s is a %s, not a response", rec.RecordId(), rec.Type())}
	}
	hb, ok := rec.Block().(gowarc.HttpResponseBlock)
	if !ok || hb.HttpHeader() == nil {
		return nil, &archiveError{fmt.Errorf("record %s has no HTTP response block", rec.RecordId())}
	}
	p, err := hb.PayloadBytes()
	if err != nil {
		return nil, &archiveError{err}
	}
	body, err := io.ReadAll(p)
	if err != nil {
		return nil, &archiveError{err}
	}
	h := rec.WarcHeader()
	date, _ := h.GetTime(gowarc.WarcDate)
	return &response{
		Status: hb.HttpStatusCode(), Header: *hb.HttpHeader(), Body: body,
		URL: h.Get(gowarc.WarcTargetURI), Location: hb.HttpHeader().Get("Location"),
		Truncated: h.Get(gowarc.WarcTruncated) != "", Date: date,
	}, nil
}

// archivedRecord is one response record read back from a WARC file.
type archivedRecord struct {
	File   string
	Offset int64
	URL    string
	Status int
	Date   time.Time
	Body   []byte
}

// readArchive reads every response record of a WARC file in order. A file
// cut short (a killed crawl) yields its complete records and then an error
// wrapping io.ErrUnexpectedEOF.
func readArchive(path string) ([]archivedRecord, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &archiveError{err}
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || st.IsDir() {
		if err == nil {
			err = fmt.Errorf("%s: is a directory", path)
		}
		return nil, &archiveError{err}
	}
	return readArchiveFrom(filepath.Base(path), f)
}

// readArchiveFrom is readArchive of the archive in, a file named name
// (the records' File): the file's reader, and FuzzWARC's, which reads
// its input from memory (a file written for every input cost the fuzzer
// most of its time: i31-tests).
func readArchiveFrom(name string, in io.Reader) ([]archivedRecord, error) {
	gowarcMu.Lock()
	r, err := gowarc.NewWarcFileReaderFromStream(in, 0, gowarc.WithBufferMaxMemBytes(16<<20))
	gowarcMu.Unlock()
	if err != nil {
		return nil, &archiveError{err}
	}
	defer r.Close()
	var out []archivedRecord
	for {
		rec, err := r.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			rec.Close()
			return out, &archiveError{fmt.Errorf("%s at %d: %w", name, rec.Offset, err)}
		}
		if rec.WarcRecord.Type() == gowarc.Response {
			resp, err := responseOf(rec.WarcRecord)
			if err != nil {
				rec.Close()
				return out, err
			}
			out = append(out, archivedRecord{File: name, Offset: rec.Offset, URL: resp.URL, Status: resp.Status, Date: resp.Date, Body: resp.Body})
		}
		rec.Close()
	}
}

// archiveFiles lists the WARC files of dir in name order.
func archiveFiles(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".warc.gz") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(out)
	return out, nil
}
