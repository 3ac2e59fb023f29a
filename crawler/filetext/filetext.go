// Package filetext reads document files — PDF (its text layer, and OCR for
// pages without usable text), DOCX, DOC and ODT, and the XLSX, XLS and ODS
// spreadsheets annexes come in — into Vietnamese text in NFC,
// and reads the Nghị định 30/2020 header of the document they hold (số ký
// hiệu, loại văn bản, cơ quan ban hành, date, trích yếu, body, signer) with
// crawler/extract's rules.
//
// PDF, DOC, XLS and OCR go through Debian's tools (poppler-utils, antiword
// or catdoc, catdoc's xls2csv, tesseract-ocr-vie), run with the read's
// context, a per-file time limit and capped output; a missing one is a
// *ToolMissingError naming the package. DOCX, ODT, XLSX and ODS are read in Go. Legacy font encodings (TCVN3 ".VnTime",
// VNI) are decoded per run of text with corpus/viet's decoders.
package filetext

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"github.com/vanban/vanban/crawler/extract"
)

// Kind is a file's format, read from its bytes.
type Kind string

// The kinds Read knows.
const (
	PDF  Kind = "pdf"
	DOCX Kind = "docx"
	DOC  Kind = "doc"
	XLSX Kind = "xlsx"
	XLS  Kind = "xls"
	ODS  Kind = "ods"
	ODT  Kind = "odt"
	HTML Kind = "html"
)

// Errors callers branch on; each returned error wraps one of them (or is a
// *ToolMissingError) with the file's detail.
var (
	ErrEmpty       = errors.New("empty file")
	ErrUnsupported = errors.New("not a PDF, DOCX, DOC, ODT, XLSX, XLS or ODS file")
	ErrHTML        = errors.New("an HTML page, not a document file")
	ErrTooLarge    = errors.New("over the limit")
	ErrEncrypted   = errors.New("encrypted")
	ErrDamaged     = errors.New("damaged or truncated")
	ErrNoText      = errors.New("no text")
	ErrToolMissing = errors.New("tool not installed")
)

// Limits bound the cost of one file. Zero fields take the defaults.
type Limits struct {
	MaxBytes    int64 // file size; default 100 MB
	MaxPages    int   // PDF pages; a longer file is refused; default 1000
	MaxOCRPages int   // pages OCR'd per file; further pages are listed in OCRSkipped; default 30
	// OCRFilePages: a file of more pages is not OCR'd at all (a 300-page
	// gazette); its pages that need OCR are listed in OCRSkipped; default 100.
	OCRFilePages int
	MaxText      int64         // bytes of text (and of a tool's output, ×16 for PDF layout); default 32 MB
	Timeout      time.Duration // whole file; default 10 minutes
}

// DefaultLimits are the limits used for zero fields.
var DefaultLimits = Limits{MaxBytes: 100 << 20, MaxPages: 1000, MaxOCRPages: 30, OCRFilePages: 100, MaxText: 32 << 20, Timeout: 10 * time.Minute}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	if l.MaxBytes > 0 {
		d.MaxBytes = l.MaxBytes
	}
	if l.MaxPages > 0 {
		d.MaxPages = l.MaxPages
	}
	if l.MaxOCRPages != 0 {
		d.MaxOCRPages = max(l.MaxOCRPages, 0)
	}
	if l.OCRFilePages > 0 {
		d.OCRFilePages = l.OCRFilePages
	}
	if l.MaxText > 0 {
		d.MaxText = l.MaxText
	}
	if l.Timeout > 0 {
		d.Timeout = l.Timeout
	}
	return d
}

// Options configure a Reader.
type Options struct {
	Limits Limits
	// Lang is the Tesseract language; default "vie".
	Lang string
	// DPI is the resolution pages are rendered at for OCR; default 300.
	DPI int
	// PSM is Tesseract's page segmentation mode; default 3 (automatic).
	PSM int
	// OCRWorkers is how many pages of one file are OCR'd at once; default 1.
	OCRWorkers int
	// NoOCR turns OCR off: pages that need it are listed in OCRSkipped.
	// MaxOCRPages < 0 does the same.
	NoOCR bool
	// OCRCache is a directory where Tesseract's output is kept by the
	// rendered image's hash, Tesseract's version and model and its
	// arguments (ocrcache.go), so a scan read again is not OCR'd again;
	// "" keeps nothing. Readers in several processes may share it.
	OCRCache string
}

// Page is the text of one page (DOCX and DOC: of the whole file, or of the
// part between explicit page breaks).
type Page struct {
	Number int    `json:"page"` // 1-based
	Text   string `json:"text"` // lines separated by "\n"
	OCR    bool   `json:"ocr,omitempty"`
}

// Result is what Read finds in a file. The embedded Article has the same
// fields and meaning as for an HTML page: Title is the loại văn bản, số and
// trích yếu, Summary the trích yếu, Body the document's body (from its
// first line to the last sentence before "Nơi nhận" or the signature).
type Result struct {
	extract.Article
	Place    string    `json:"place,omitempty"`  // địa danh of the date line
	Signer   string    `json:"signer,omitempty"` // "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn A"
	Sections []Section `json:"sections,omitempty"`
	// Transmitted names the documents a cover slip transmits after the
	// first, whose number, type, issuer and date are the Result's; each
	// one's text is a section (extract.Document.Transmitted).
	Transmitted []extract.Identity `json:"transmitted,omitempty"`
	Kind        Kind               `json:"kind"`
	// Pages is the number of pages: exact for PDF, the saved count (DOCX)
	// or explicit page breaks + 1 (DOC) otherwise.
	Pages      int    `json:"pages"`
	OCRPages   []int  `json:"ocr_pages"`             // pages whose text is from OCR
	OCRSkipped []int  `json:"ocr_skipped,omitempty"` // pages that needed OCR but were over the limit or OCR was off
	Encoding   string `json:"encoding,omitempty"`    // "tcvn3" or "vni" when legacy text was decoded
	// PageText holds every page's text, for page markers and for finding
	// which page matched.
	PageText []Page `json:"-"`

	unsure []string // OCR words with digits read with low confidence
	head   headFix  // number and date the header re-read confirmed (ocrhead.go)
	// headTook is the time the header re-read took, for tests.
	headTook time.Duration
}

// Reader reads files. It is safe for concurrent use; it remembers which
// tools are installed.
type Reader struct {
	opt   Options
	tools tools
	// noHeadReread turns the header re-read (ocrhead.go) off, for tests
	// that measure it.
	noHeadReread bool
	// stamp is the OCR cache's version part of every key (ocrcache.go).
	stamp ocrStamp
	// ocrRuns counts Tesseract's runs on a page or crop, ocrHits the
	// outputs the OCR cache gave instead, for tests.
	ocrRuns, ocrHits atomic.Int64
}

// NewReader returns a Reader with opt's zero fields set to the defaults.
func NewReader(opt Options) *Reader {
	opt.Limits = opt.Limits.withDefaults()
	if opt.Lang == "" {
		opt.Lang = "vie"
	}
	if opt.DPI <= 0 {
		opt.DPI = 300
	}
	if opt.OCRWorkers <= 0 {
		opt.OCRWorkers = 1
	}
	if opt.PSM <= 0 {
		opt.PSM = 3
	}
	return &Reader{opt: opt}
}

// ToolPeakRSS returns the largest resident set, in bytes, that one run of
// an external tool (pdftotext, pdftoppm, tesseract, antiword) has reached
// so far, where the system reports it; for memory figures. On Linux the
// child's figure includes the pages it shared with this process when it
// was started, so it is an upper bound for small tools.
func (r *Reader) ToolPeakRSS() int64 {
	r.tools.mu.Lock()
	defer r.tools.mu.Unlock()
	return r.tools.peakRSS
}

// Read reads a file held in memory. name is only used in errors.
func (r *Reader) Read(ctx context.Context, name string, data []byte) (*Result, error) {
	if int64(len(data)) > r.opt.Limits.MaxBytes {
		return nil, fmt.Errorf("filetext: %s: %w: %d bytes, limit %d", name, ErrTooLarge, len(data), r.opt.Limits.MaxBytes)
	}
	kind, err := Sniff(data)
	if err != nil {
		return nil, fmt.Errorf("filetext: %s: %w", name, err)
	}
	ctx, cancel := context.WithTimeout(ctx, r.opt.Limits.Timeout)
	defer cancel()
	var lines []line
	res := &Result{Kind: kind, OCRPages: []int{}}
	switch kind {
	case PDF:
		lines, err = r.readPDF(ctx, data, res)
	case DOCX:
		lines, err = r.readDOCX(data, res)
	case DOC:
		lines, err = r.readDOC(ctx, data, res)
	case XLSX:
		lines, err = r.readXLSX(ctx, data, res)
	case XLS:
		lines, err = r.readXLS(ctx, data, res)
	case ODS:
		lines, err = r.readODS(ctx, data, res)
	case ODT:
		lines, err = r.readODT(ctx, data, res)
	}
	if err != nil {
		if ctx.Err() != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("%w: %w", err, context.Cause(ctx))
		}
		return nil, fmt.Errorf("filetext: %s: %w", name, err)
	}
	if err := r.finish(res, lines); err != nil {
		return nil, fmt.Errorf("filetext: %s: %w", name, err)
	}
	return res, nil
}

// ReadFile reads the file at path, refusing it before reading when it is
// over the size limit.
func (r *Reader) ReadFile(ctx context.Context, path string) (*Result, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("filetext: %w", err)
	}
	if fi.Size() > r.opt.Limits.MaxBytes {
		return nil, fmt.Errorf("filetext: %s: %w: %d bytes, limit %d", path, ErrTooLarge, fi.Size(), r.opt.Limits.MaxBytes)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("filetext: %w", err)
	}
	return r.Read(ctx, path, data)
}

// IsDocument reports whether data is a PDF, DOCX, DOC, ODT, XLSX, XLS or ODS file (by its
// bytes), which Read handles. Binary data of another kind (an executable,
// an image, an archive, bytes holding NULs or many other control bytes,
// see looksBinary) is an error wrapping
// ErrUnsupported; text that is not a document (HTML) is false, nil.
func IsDocument(data []byte) (bool, error) {
	k, err := Sniff(data)
	switch {
	case err == nil:
		return k != HTML, nil
	case errors.Is(err, ErrUnsupported) && (magic(data[:min(len(data), 1024)]) != "" || bytes.IndexByte(data[:min(len(data), 1024)], 0) >= 0 || looksBinary(data)):
		return false, fmt.Errorf("filetext: %w", err)
	}
	return false, nil
}

// Sniff returns the kind of a file from its first bytes. HTML is reported
// as the kind HTML with ErrHTML (an error page served as a .pdf); other
// formats (executables, images, other archives) wrap ErrUnsupported.
func Sniff(data []byte) (Kind, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "", ErrEmpty
	}
	head := data[:min(len(data), 1024)]
	switch {
	case bytes.Contains(head, []byte("%PDF-")):
		return PDF, nil
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		switch {
		case zipHas(data, "word/document.xml"):
			return DOCX, nil
		case zipHas(data, "xl/workbook.xml"):
			return XLSX, nil
		}
		switch zipMimetype(data) {
		case odsMime:
			return ODS, nil
		case odtMime:
			return ODT, nil
		}
		return "", fmt.Errorf("%w: a ZIP archive without word/document.xml, xl/workbook.xml or an OpenDocument text or spreadsheet mimetype", ErrUnsupported)
	case bytes.HasPrefix(data, []byte(cfbSignature)):
		return oleKind(data)
	}
	if what := magic(head); what != "" {
		return "", fmt.Errorf("%w: %s", ErrUnsupported, what)
	}
	if looksHTML(head) {
		return HTML, ErrHTML
	}
	return "", fmt.Errorf("%w: unknown format (first bytes %q)", ErrUnsupported, head[:min(len(head), 8)])
}

// HeadReadable reports whether head, a file's first bytes (a few
// kilobytes), may open a file Read reads: a PDF, an OLE2 compound file
// (DOC, XLS) or a ZIP whose first entry is a part of an Office Open XML
// or OpenDocument package ("[Content_Types].xml", "_rels/", "docProps/",
// "word/", "xl/", "mimetype"…). A download handler whose headers name a
// kind not read is judged on it before its body is read (crawler).
func HeadReadable(head []byte) bool {
	h := head[:min(len(head), 1024)]
	switch {
	case bytes.Contains(h, []byte("%PDF-")), bytes.HasPrefix(head, []byte(cfbSignature)):
		return true
	case !bytes.HasPrefix(head, []byte("PK\x03\x04")) || len(head) < 30:
		return false
	}
	n := int(head[26]) | int(head[27])<<8
	if 30+n > len(head) {
		return false
	}
	name := string(head[30 : 30+n])
	for _, p := range packageParts {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// packageParts open the names of the parts an Office Open XML or
// OpenDocument package holds.
var packageParts = []string{"[Content_Types].xml", "_rels/", "docProps/", "word/", "xl/", "mimetype", "content.xml", "META-INF/", "meta.xml", "styles.xml", "settings.xml", "customXml/"}

var magics = []struct{ prefix, what string }{
	{"\x7fELF", "an ELF executable"},
	{"MZ", "a Windows executable"},
	{"\x89PNG", "a PNG image"},
	{"\xFF\xD8\xFF", "a JPEG image"},
	{"GIF8", "a GIF image"},
	{"II*\x00", "a TIFF image"},
	{"MM\x00*", "a TIFF image"},
	{"BM", "a BMP image"},
	{"{\\rtf", "an RTF file"},
	{"Rar!", "a RAR archive"},
	{"7z\xBC\xAF", "a 7-Zip archive"},
	{"\x1F\x8B", "a gzip file"},
	{"PK\x05\x06", "an empty ZIP archive"},
}

func magic(head []byte) string {
	for _, m := range magics {
		if bytes.HasPrefix(head, []byte(m.prefix)) {
			return m.what
		}
	}
	return ""
}

func looksHTML(head []byte) bool {
	h := bytes.ToLower(bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n"))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<?xml", "<!--", "<title", "<meta", "<div", "<p>", "<h1"} {
		if bytes.HasPrefix(h, []byte(p)) {
			return p != "<?xml" || bytes.Contains(h, []byte("<html"))
		}
	}
	return false
}
