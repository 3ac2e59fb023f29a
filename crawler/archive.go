package crawler

// Archive format: WARC 1.1 (ISO 28500), written with github.com/nlnwa/gowarc/v3.
//
//	DATA/warc/<site>-<run>-<NNNNN>.warc.gz
//
// <run> is the run ID without punctuation (20250102T030405123456789Z) and
// NNNNN a serial from 00001, continued by a resumed run. A file is rotated
// when the next record would take it past the size limit (256 MB by
// default). Each file opens with a warcinfo record (software, site, run);
// then one "response" record per HTTP answer (200, 3xx, 304, 404, 410; not
// 5xx or 429, whose bodies are discarded), in fetch order:
//
//	WARC-Target-URI   the URL requested (each redirect hop is its own record)
//	WARC-Date         when the request started
//	WARC-Truncated    "length" when the body was cut at the size cap
//	block             "HTTP/1.1 200 OK", the response headers, the body
//
// The block is rebuilt from Go's parsed response: the body is as the
// client returned it (gzip transfer-coding already removed), so
// Content-Length is rewritten to the stored length and Content-Encoding and
// Transfer-Encoding are dropped. robots.txt answers are not archived.
//
// Every record is a gzip member of its own, written straight to the file
// and fsynced before the store refers to it, so a killed process leaves a
// file readable up to its last complete record. Files are created under
// their final name (no ".open" suffix) so that the references kept in the
// store (urlState.WARC, .Offset: compressed byte offset of the member) stay
// valid after a kill.

import (
	"bytes"
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

// archive writes the WARC files of one run of one site.
type archive struct {
	dir string
	w   *gowarc.WarcFileWriter
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9_.]+`)

// gowarcMu serializes the gowarc calls that build record options: each one
// writes a package variable of github.com/google/uuid (EnableRandPool),
// which races under concurrent use (gowarc v3.1.0, found by go test -race).
// Records are written one at a time anyway (one writer goroutine per file).
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
	names := &warcNames{dir: dir, prefix: prefix}
	gowarcMu.Lock()
	defer gowarcMu.Unlock()
	w := gowarc.NewWarcFileWriter(
		gowarc.WithFileNameGenerator(names),
		gowarc.WithMaxFileSize(maxSize),
		gowarc.WithCompression(true),
		gowarc.WithFlush(true),
		gowarc.WithOpenFileSuffix(""),
		gowarc.WithExpectedCompressionRatio(0.25),
		gowarc.WithWarcInfoFunc(func(b gowarc.WarcRecordBuilder) error {
			_, err := fmt.Fprintf(b, "software: vanban crawler (gowarc v3)\r\nformat: WARC File Format 1.1\r\nisPartOf: %s\r\nrun: %s\r\n", site, run)
			return err
		}),
	)
	return &archive{dir: dir, w: w}, nil
}

// warcNames names the files <prefix>-NNNNN.warc(.gz), continuing after the
// highest serial already in the directory.
type warcNames struct {
	dir, prefix string
	mu          sync.Mutex
}

func (g *warcNames) NewWarcfileName() (string, string) {
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
	return g.dir, fmt.Sprintf("%s-%05d.warc", g.prefix, last+1)
}

// record writes resp as a response record and returns where it is.
func (a *archive) record(resp *response) (warcRef, error) {
	gowarcMu.Lock() // also covers the warcinfo record a rotation builds
	defer gowarcMu.Unlock()
	b := gowarc.NewRecordBuilder(gowarc.Response, gowarc.WithBufferMaxMemBytes(16<<20), gowarc.WithAddMissingDigest(true))
	b.AddWarcHeader(gowarc.WarcTargetURI, resp.URL)
	b.AddWarcHeaderTime(gowarc.WarcDate, resp.Date)
	b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
	if resp.Truncated {
		b.AddWarcHeader(gowarc.WarcTruncated, "length")
	}
	if _, err := b.Write(httpHead(resp)); err != nil {
		return warcRef{}, &archiveError{err}
	}
	if _, err := b.Write(resp.Body); err != nil {
		return warcRef{}, &archiveError{err}
	}
	rec, _, err := b.Build()
	if err != nil {
		return warcRef{}, &archiveError{err}
	}
	res := a.w.Write(rec)
	if len(res) != 1 {
		return warcRef{}, &archiveError{errors.New("writer closed")}
	}
	if res[0].Err != nil {
		return warcRef{}, &archiveError{res[0].Err}
	}
	return warcRef{File: res[0].FileName, Offset: res[0].FileOffset}, nil
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

// Close finishes the current file.
func (a *archive) Close() error { return a.w.Close() }

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
	gowarcMu.Lock()
	r, err := gowarc.NewWarcFileReader(path, 0, gowarc.WithBufferMaxMemBytes(16<<20))
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
			return out, &archiveError{fmt.Errorf("%s at %d: %w", filepath.Base(path), rec.Offset, err)}
		}
		if rec.WarcRecord.Type() == gowarc.Response {
			resp, err := responseOf(rec.WarcRecord)
			if err != nil {
				rec.Close()
				return out, err
			}
			out = append(out, archivedRecord{File: filepath.Base(path), Offset: rec.Offset, URL: resp.URL, Status: resp.Status, Date: resp.Date, Body: resp.Body})
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
