package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"sort"
	"strings"
)

// A document read from a file — a PDF, DOCX or DOC attached to an article,
// or a file of a folder given to `vanban ingest` — is a Document of its own
// (docs/log/design-packages.md): its URL is the file's, its
// title, number, type, issuer and date are read from the file's own header,
// its Body is the file's text, and File says what the text came from and
// where each page starts. An attached file's Parent is the ID of the
// article that links it.

// FileInfo describes the file a document was read from.
type FileInfo struct {
	Kind   string `json:"kind"`             // "pdf", "docx", "doc" or "html"
	Name   string `json:"name"`             // the file's name (last path element of its URL)
	Size   int64  `json:"size"`             // bytes
	SHA256 string `json:"sha256,omitempty"` // of the file's bytes
	Pages  int    `json:"pages,omitempty"`  // pages of the file
	// PageStarts are where the pages' text begins in Body, in order:
	// Body[PageStarts[i].Offset:PageStarts[i+1].Offset] is on page
	// PageStarts[i].Page. A page with no body text (the header page of a
	// short letter, a blank page) has no entry.
	PageStarts []PageStart `json:"page_starts,omitempty"`
	OCRPages   []int       `json:"ocr_pages,omitempty"`   // pages whose text is from OCR
	OCRSkipped []int       `json:"ocr_skipped,omitempty"` // pages that needed OCR and were not read (over the limit)
	Encoding   string      `json:"encoding,omitempty"`    // "tcvn3" or "vni" when legacy text was decoded
	Place      string      `json:"place,omitempty"`       // địa danh of the date line
	Signer     string      `json:"signer,omitempty"`      // "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn A"
	// Transmitted names the documents a cover slip at the file's head
	// transmits after the first, whose number, type, issuer and date are
	// the Document's; their text is in the Body.
	Transmitted []Transmitted `json:"transmitted,omitempty"`
}

// Transmitted is a document a file's cover slip transmits after the
// first: what it is filed under.
type Transmitted struct {
	Number    string `json:"number"`
	Type      string `json:"type,omitempty"`
	Issuer    string `json:"issuer,omitempty"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD
	Title     string `json:"title,omitempty"`     // trích yếu
}

// Note is t in one line, for a hit that matched it ("matched:" in
// vanban search, an export's matched cell): its type, number, issuer,
// date and trích yếu, those it has, joined by " · ".
func (t Transmitted) Note() string {
	var parts []string
	for _, v := range [...]string{t.Type, t.Number, t.Issuer, t.Published, t.Title} {
		if v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, " · ")
}

// PageStart is the byte offset in a document's Body where a page's text
// begins.
type PageStart struct {
	Page   int `json:"page"`
	Offset int `json:"offset"`
}

// PageAt returns the page of the file that holds byte offset off of the
// document's Body, or 0 when the document is no file or has no page marks.
func (f *FileInfo) PageAt(off int) int {
	if f == nil || len(f.PageStarts) == 0 {
		return 0
	}
	i := sort.Search(len(f.PageStarts), func(i int) bool { return f.PageStarts[i].Offset > off })
	if i == 0 {
		return f.PageStarts[0].Page
	}
	return f.PageStarts[i-1].Page
}

// Shifted returns the page starts moved by n bytes (the index prepends the
// summary to the body it stores).
func (f *FileInfo) Shifted(n int) []PageStart {
	if f == nil {
		return nil
	}
	out := make([]PageStart, len(f.PageStarts))
	for i, p := range f.PageStarts {
		out[i] = PageStart{Page: p.Page, Offset: p.Offset + n}
	}
	return out
}

// FormatPageStarts writes page starts as "page:offset" pairs separated by
// spaces ("1:0 2:1834"), the form the index stores; ParsePageStarts reads
// it back.
func FormatPageStarts(ps []PageStart) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%d:%d", p.Page, p.Offset)
	}
	return b.String()
}

// ParsePageStarts reads FormatPageStarts's form; malformed pairs are
// skipped.
func ParsePageStarts(s string) []PageStart {
	var out []PageStart
	for _, f := range strings.Fields(s) {
		var p PageStart
		if n, err := fmt.Sscanf(f, "%d:%d", &p.Page, &p.Offset); err == nil && n == 2 && p.Page > 0 && p.Offset >= 0 {
			out = append(out, p)
		}
	}
	return out
}

// hash writes the fields a reader sees (the text's page layout and where
// it came from; not the file's size or digest, which are the source's, not
// the text's) to h.
func (f *FileInfo) hash(h io.Writer) {
	fmt.Fprintf(h, "file\x00%s\x00%s\x00%d\x00%s\x00%v\x00%v\x00%s\x00%s\x00%s\x00",
		f.Kind, f.Name, f.Pages, FormatPageStarts(f.PageStarts), f.OCRPages, f.OCRSkipped, f.Encoding, f.Place, f.Signer)
	for _, t := range f.Transmitted { // only when there are, so that existing hashes stay
		fmt.Fprintf(h, "transmitted\x00%s\x00%s\x00%s\x00%s\x00%s\x00", t.Number, t.Type, t.Issuer, t.Published, t.Title)
	}
}

// FileHash is the SHA-256 of a file's bytes, as FileInfo.SHA256 holds it.
func FileHash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
