package corpus

// Bulk import format: JSON Lines in the BEIR corpus layout, one document a
// line: {"_id", "title", "text"} plus the optional "url", "published",
// "type", "number", "issuer". A UTF-8 byte order mark before the first
// line is ignored; blank lines are skipped; a line that is not JSON, or
// has neither _id nor url, stops the import with its line number.
//
// Limits, so that one document cannot take the import's memory:
//   - a document keeps at most MaxText bytes of text (title, summary and
//     body; DefaultMaxText, 5 MB): a longer body is cut at its last
//     paragraph, line or sentence break before the limit, the document is
//     kept and Document.Truncated records the original size;
//   - a line longer than MaxLine (64 MiB, or 4 × MaxText when larger) is
//     refused: it is skipped without being held in memory.
// A "published" value that is not YYYY-MM-DD goes through JSONLOptions.Date
// (the ingest passes the extractor's date parser); one no form reads is
// dropped, the document kept without a date. Each of these is reported
// through JSONLOptions.Warn with its line.

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/outline"
	"github.com/vanban/vanban/corpus/viet"
)

// DefaultMaxText is the text a document keeps by default, in bytes of
// title, summary and body: 5 MB, above the largest government document
// of the shared collection (2.9 MB, a line of govdocs_part06). With it,
// ingest's peak memory stays near 330 MB whatever the input
// (docs/log/perf-data-and-commands.md).
const DefaultMaxText = 5_000_000

// minMaxLine is the smallest default line limit.
const minMaxLine = 64 << 20

// JSONLOptions bound and normalize a bulk import.
type JSONLOptions struct {
	MaxText int // bytes of text a document keeps (0: DefaultMaxText)
	MaxLine int // longer lines are refused unread (0: max(64 MiB, 4 × MaxText))
	// Date reads a published value that is not YYYY-MM-DD, returning
	// YYYY-MM-DD or "" (nil: only YYYY-MM-DD is accepted).
	Date func(string) string
	// Warn is told of every line refused and every document kept with a
	// change (nil: nobody is).
	Warn func(JSONLWarning)
}

// JSONLWarning is a line refused, or a document kept with a change.
type JSONLWarning struct {
	Line int
	ID   string // the record's _id or url; "" for a refused line
	Kind string // WarnDate, WarnTruncated or WarnRefused
	Msg  string
}

// Kinds of JSONLWarning.
const (
	WarnDate      = "date"      // published is not a date: the document is kept without one
	WarnTruncated = "truncated" // the text is over MaxText: the document is kept cut
	WarnRefused   = "refused"   // the line is over MaxLine: skipped
)

// Record is one line of a bulk import: a BEIR corpus line plus the
// optional metadata vanban keeps. Both readers of corpus lines
// (ReadJSONLOptions, vanban eval) decode it.
type Record struct {
	ID        string   `json:"_id"`
	Title     string   `json:"title"`
	Text      string   `json:"text"`
	URL       string   `json:"url"`
	Published string   `json:"published"`
	Type      string   `json:"type"`
	Number    string   `json:"number"`
	Issuer    string   `json:"issuer"`
	Metadata  PartMeta `json:"metadata"`
}

// Document is the document of r, its text cleaned (viet.Clean) and its
// metadata applied (PartMeta.Apply), with r's _id as its ID.
func (r *Record) Document() *Document {
	d := &Document{ID: r.ID, URL: r.URL, Title: viet.Clean(r.Title), Body: viet.Clean(r.Text),
		Published: r.Published, Type: r.Type, Number: viet.Clean(r.Number), Issuer: viet.Clean(r.Issuer)}
	r.Metadata.Apply(d)
	return d
}

// PartMeta is the "metadata" of a corpus line that is one article of a
// larger text, as the ALQAC sets store their laws: {"law": "91/2015/QH13",
// "article": "29"}. Record.Document applies it.
type PartMeta struct {
	Law     string `json:"law"`
	Article string `json:"article"`
}

// Apply makes d the document a portal shows for an article stored on its
// own: titled with its heading ("Điều 29. Đơn phương chấm dứt hợp đồng làm
// việc", when the title lacks it) and part of its law (Document.PartOf).
func (m PartMeta) Apply(d *Document) {
	if a := strings.TrimSpace(m.Article); a != "" {
		if _, _, ok := outline.ArticleHeading(d.Title); !ok {
			d.Title = strings.TrimSpace("Điều " + a + ". " + d.Title)
		}
	}
	if law := viet.Clean(m.Law); law != "" {
		d.PartOf = law
	}
}

// ReadJSONL reads JSON Lines with the default limits and calls fn with
// each document, its text cleaned (viet.Clean), and the size of its line.
// A record with a URL gets the URL's ID, like a crawled page; one without
// keeps its _id.
func ReadJSONL(r io.Reader, fn func(d *Document, size int) error) error {
	return ReadJSONLOptions(r, JSONLOptions{}, fn)
}

// ReadJSONLFile reads every document of the JSON Lines file at path
// (ReadJSONL): a small set, such as the linking eval's documents.
func ReadJSONLFile(path string) ([]*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	defer f.Close()
	var docs []*Document
	if err := ReadJSONL(f, func(d *Document, _ int) error {
		docs = append(docs, d)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("corpus: read %s: %w", path, err)
	}
	return docs, nil
}

// ReadJSONLOptions is ReadJSONL with limits and a date reader.
func ReadJSONLOptions(r io.Reader, opt JSONLOptions, fn func(d *Document, size int) error) error {
	opt.MaxText = cmp.Or(opt.MaxText, DefaultMaxText)
	opt.MaxLine = cmp.Or(opt.MaxLine, max(minMaxLine, 4*opt.MaxText))
	warn := func(line int, id, kind, format string, a ...any) {
		if opt.Warn != nil {
			opt.Warn(JSONLWarning{Line: line, ID: id, Kind: kind, Msg: fmt.Sprintf(format, a...)})
		}
	}
	br := bufio.NewReaderSize(r, 1<<20)
	for n := 1; ; n++ {
		line, size, err := readLine(br, opt.MaxLine)
		if err != nil && err != io.EOF {
			return fmt.Errorf("corpus: read line %d: %w", n, err)
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\xEF\xBB\xBF"))
		}
		switch {
		case line == nil && size > 0:
			warn(n, "", WarnRefused, "line of %s is over the limit of %s a line may hold: skipped", byteSize(size), byteSize(opt.MaxLine))
		case len(bytes.TrimSpace(line)) > 0:
			d, err := decodeRecord(line, n, &opt, warn)
			if err != nil {
				return err
			}
			if err := fn(d, size); err != nil {
				return err
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine reads one line. A line over max bytes is read through and
// discarded: it returns nil and the line's size.
func readLine(br *bufio.Reader, max int) ([]byte, int, error) {
	line, err := br.ReadSlice('\n')
	size := len(line)
	if err != bufio.ErrBufferFull {
		if size > max {
			return nil, size, err
		}
		return line, size, err
	}
	buf := append([]byte(nil), line...) // a line longer than the buffer
	for err == bufio.ErrBufferFull {
		line, err = br.ReadSlice('\n')
		size += len(line)
		if buf != nil && size <= max {
			buf = append(buf, line...)
		} else {
			buf = nil
		}
	}
	return buf, size, err
}

// decodeRecord turns line n into a document, applying the options.
func decodeRecord(line []byte, n int, opt *JSONLOptions, warn func(int, string, string, string, ...any)) (*Document, error) {
	var rec Record
	if !parseRecord(line, &rec) { // the usual line, read directly (jsonlfast.go)
		rec = Record{}
		if err := json.Unmarshal(line, &rec); err != nil {
			return nil, fmt.Errorf("corpus: line %d: %w", n, err)
		}
	}
	if rec.ID == "" && rec.URL == "" {
		return nil, fmt.Errorf("corpus: line %d: no _id or url", n)
	}
	// Text far over the limit is cut before it is cleaned (a copy per
	// step); the exact cut, at a break, comes after.
	raw := len(rec.Title) + len(rec.Text)
	rec.Title = cutAt(rec.Title, opt.MaxText+4096, false)
	rec.Text = cutAt(rec.Text, opt.MaxText+4096, false)
	d := rec.Document()
	d.Published = ""
	if rec.URL != "" {
		d.ID = "" // the URL's, as for a crawled page
	}
	name := cmp.Or(rec.ID, rec.URL)
	if p := strings.TrimSpace(rec.Published); p != "" {
		if d.Published = readDate(p, opt.Date); d.Published == "" {
			warn(n, name, WarnDate, "published %q is not a date: the document is kept without one (date filters leave it out)", clip(p, 40))
		}
	}
	if was := d.LimitText(opt.MaxText); was > 0 {
		was = max(was, raw)
		d.Truncated = was
		d.Body = strings.Clone(d.Body) // not the whole text's memory
		warn(n, name, WarnTruncated, "text of %s is over the limit of %s a document keeps: kept cut at %s",
			byteSize(was), byteSize(opt.MaxText), byteSize(len(d.Title)+len(d.Summary)+len(d.Body)))
	}
	return d, nil
}

// readDate returns s when it is a YYYY-MM-DD date, else what parse reads
// from it.
func readDate(s string, parse func(string) string) string {
	if _, err := time.Parse(time.DateOnly, s); err == nil {
		return s
	}
	if parse == nil {
		return ""
	}
	return parse(s)
}

// byteSize writes a byte count for a message.
func byteSize(n int) string {
	if n >= 1e6 {
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%.1f KB", float64(n)/1e3)
}

// clip shortens s for a message.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return cutAt(s, n, false) + "…"
}

// LimitText cuts the document's text (title, summary and body) to at most
// max bytes: the body first, at its last paragraph, line or sentence break
// in the quarter before its share of the limit (a rune boundary when there
// is none), then the summary and the title when they alone are over.
// It returns the text's size before the cut and records it in Truncated,
// or returns 0 when the text fits.
func (d *Document) LimitText(max int) int {
	size := len(d.Title) + len(d.Summary) + len(d.Body)
	if size <= max {
		return 0
	}
	d.Title = cutAt(d.Title, max/4, true)
	d.Summary = cutAt(d.Summary, max/4, true)
	d.Body = cutAt(d.Body, max-len(d.Title)-len(d.Summary), true)
	d.Truncated = size
	return size
}

// cutAt returns the longest prefix of s of at most n bytes, ending at a
// paragraph, line, sentence or word break in its last quarter when
// breaks is set and there is one, else at a rune boundary.
func cutAt(s string, n int, breaks bool) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	p := s[:n]
	if breaks {
		for _, sep := range []string{"\n\n", "\n", ". ", " "} {
			if i := strings.LastIndex(p, sep); i >= len(p)*3/4 {
				return strings.TrimRight(p[:i+len(sep)], " \n")
			}
		}
	}
	return p
}
