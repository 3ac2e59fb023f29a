package crawler

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/vanban/vanban/crawler/filetext"
	"github.com/vanban/vanban/crawler/filetext/filekind"
)

// FilesConfig is the [files] table of the crawl configuration: what one
// attached file may cost. Zero fields take the defaults.
type FilesConfig struct {
	MaxMB        int      `toml:"max_mb"`         // download and file size, MB; default 50
	MaxPages     int      `toml:"max_pages"`      // a PDF of more pages is refused; default 1000
	MaxOCRPages  int      `toml:"max_ocr_pages"`  // pages OCR'd in one file, the rest skipped; default 30
	OCRFilePages int      `toml:"ocr_file_pages"` // a file of more pages is not OCR'd at all; default 100
	OCR          *bool    `toml:"ocr"`            // OCR scanned pages; default true
	Timeout      Duration `toml:"timeout"`        // reading one file, OCR included; default 10m
	Workers      int      `toml:"workers"`        // files read at once (the OCR pool); default 1
	OCRCache     string   `toml:"ocr_cache"`      // keep scanned pages' OCR output in this directory and reuse it; default none
}

// FileOptions configure how a Crawler reads attached files.
type FileOptions struct {
	Limits filetext.Limits
	// MaxBytes caps a file's download (default 50 MB); a longer file is
	// reported, not read.
	MaxBytes int64
	// Workers is how many files are read at once, beside the crawl's
	// page workers (default 1): OCR runs there and never in a page worker.
	Workers int
	NoOCR   bool
	// OCRCache is filetext.Options.OCRCache: a directory where scanned
	// pages' OCR output is kept and reused ("": none).
	OCRCache string
}

// defaultFileMB is the default cap of a file's download, in MB.
const defaultFileMB = 50

func (f *FilesConfig) validate() error {
	for _, v := range []struct {
		key string
		n   int
	}{{"max_mb", f.MaxMB}, {"max_pages", f.MaxPages}, {"max_ocr_pages", f.MaxOCRPages}, {"ocr_file_pages", f.OCRFilePages}, {"workers", f.Workers}} {
		if v.n < 0 {
			return &valueError{value: v.key, err: fmt.Errorf("[files] %s = %d: must not be negative", v.key, v.n)}
		}
	}
	if f.Timeout.Duration < 0 {
		return &valueError{value: "timeout", err: fmt.Errorf("[files] timeout %v: must not be negative", f.Timeout.Duration)}
	}
	if f.Workers > 64 {
		return &valueError{value: "workers", err: fmt.Errorf("[files] workers = %d: at most 64", f.Workers)}
	}
	return nil
}

// Options are the file options of the table, defaults filled in.
func (f FilesConfig) Options() FileOptions {
	mb := f.MaxMB
	if mb == 0 {
		mb = defaultFileMB
	}
	o := FileOptions{
		Limits: filetext.Limits{MaxBytes: int64(mb) << 20, MaxPages: f.MaxPages, MaxOCRPages: f.MaxOCRPages,
			OCRFilePages: f.OCRFilePages, Timeout: f.Timeout.Duration},
		MaxBytes: int64(mb) << 20,
		Workers:  f.Workers,
		NoOCR:    f.OCR != nil && !*f.OCR,
		OCRCache: f.OCRCache,
	}
	return o.withDefaults()
}

func (o FileOptions) withDefaults() FileOptions {
	if o.MaxBytes <= 0 {
		o.MaxBytes = defaultFileMB << 20
	}
	if o.Limits.MaxBytes <= 0 || o.Limits.MaxBytes > o.MaxBytes {
		o.Limits.MaxBytes = o.MaxBytes
	}
	if o.Limits.Timeout <= 0 {
		o.Limits.Timeout = 10 * time.Minute
	}
	if o.Workers <= 0 {
		o.Workers = 1
	}
	return o
}

// hostName matches a bare host name: letters, digits, dots and hyphens.
var hostName = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$`)

// compileFileHosts collects the hosts the site's files may come from.
func (s *Site) compileFileHosts() error {
	s.fileHosts = map[string]bool{}
	for _, u := range s.Start {
		if p, err := url.Parse(u); err == nil {
			s.fileHosts[strings.ToLower(p.Hostname())] = true
		}
	}
	for _, h := range s.AttachmentHosts {
		if !hostName.MatchString(h) {
			return &valueError{value: h, err: fmt.Errorf("site %q: attachment host %q is not a host name (no scheme, port or path: \"datafiles.chinhphu.vn\")", s.Name, h)}
		}
		s.fileHosts[h] = true
	}
	return nil
}

// attachments reports whether the site's attached files are fetched.
func (s *Site) attachments() bool { return s.Attachments == nil || *s.Attachments }

// fileAllowed reports whether u is a document file filetext reads
// (filekind.Readable: PDF, DOCX, DOC, XLSX, XLS, by its path or a download
// handler's file=a.pdf; other attachments are listed, not fetched), or a
// download handler's link naming no file (filekind.Handler: the extractor
// lists one only from an attachment block; the response tells its kind), an
// article of the site may have fetched: attachments are on, its host is
// the site's or one of its attachment hosts, and deny does not match.
// allow does not apply: it fences the pages crawled.
func (s *Site) fileAllowed(u string) bool {
	if !s.attachments() {
		return false
	}
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || !s.fileHosts[strings.ToLower(p.Hostname())] {
		return false
	}
	c := filekind.OfURL(u)
	return !matchAny(s.deny, u) && (c == filekind.Readable || c == filekind.Handler)
}

// fileHost reports whether a file may be taken from u's host: where a
// file link redirects to (a download handler's storage host).
func (s *Site) fileHost(u string) bool {
	p, err := url.Parse(u)
	return err == nil && s.attachments() && s.fileHosts[strings.ToLower(p.Hostname())] && !matchAny(s.deny, u)
}
