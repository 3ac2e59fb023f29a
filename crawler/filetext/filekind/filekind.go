// Package filekind owns the one rule for what a linked file is: a document
// filetext reads (PDF, DOCX, DOC, and the XLSX and XLS spreadsheets plans
// post their annexes in), a document file it cannot read (an OpenDocument
// sheet, a slide deck, an archive: listed for staff, not fetched),
// media (not a page, not listed), or none of these (a page). The extractor
// (crawler/extract: which links are a page's attachments), the crawler
// (which links it follows as pages and which files it fetches) and ingest
// (which files of a folder it reads) all ask it. It imports nothing of
// ours, so crawler/extract may import it although crawler/filetext imports
// crawler/extract.
package filekind

import (
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
)

// Class is what is done with a file a link names.
type Class int

const (
	// Page: not a file we know; a link to it is a page to crawl.
	Page Class = iota
	// Media: an image, audio or video; neither crawled nor listed.
	Media
	// Other: a document file filetext cannot read (ODS, PPT, ODT, RTF,
	// ZIP, RAR…); listed as an attachment so staff see it, not fetched.
	Other
	// Readable: a file filetext reads (PDF, DOCX, DOC, XLSX, XLS); listed,
	// fetched and read.
	Readable
)

// classes maps a lower-case extension to its class. The readable ones are
// exactly the kinds filetext.Sniff recognises and Read reads
// (filetext's TestFileKindReadable holds the two together).
var classes = map[string]Class{
	".pdf": Readable, ".docx": Readable, ".doc": Readable,
	".xlsx": Readable, ".xls": Readable,

	".ods": Other, ".csv": Other,
	".ppt": Other, ".pptx": Other, ".odp": Other,
	".odt": Other, ".rtf": Other,
	".zip": Other, ".rar": Other, ".7z": Other,

	".jpg": Media, ".jpeg": Media, ".png": Media, ".gif": Media,
	".mp4": Media, ".mp3": Media,
}

// OfName returns the class of a file name or path by its extension, in
// any case ("QD 123.signed.PDF" is Readable).
func OfName(name string) Class {
	return classes[strings.ToLower(path.Ext(name))]
}

// OfURL returns the class of the file a link names: by its path's
// extension ("/Uploads/2024/QD 123.signed.pdf?v=2"), or, when that names
// no document file, by a query value naming one (a download handler's
// "download.aspx?file=/Uploads/a.pdf"; the largest class wins). Query
// values name documents only: "thumb.aspx?src=a.jpg" is a page. A link
// that does not parse is a Page.
func OfURL(u string) Class {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return Page
	}
	c := OfName(p.Path)
	if c >= Other {
		return c
	}
	for _, vs := range p.Query() {
		for _, v := range vs {
			if q := OfName(v); q > c && q >= Other {
				c = q
			}
		}
	}
	return c
}

// Exts returns the extensions of class c, sorted.
func Exts(c Class) []string {
	var out []string
	for e, k := range classes {
		if k == c {
			out = append(out, e)
		}
	}
	slices.Sort(out)
	return out
}

// Attachment reports whether a link names a document file a page's
// attachments list: Readable or Other.
func Attachment(u string) bool { return OfURL(u) >= Other }

func (c Class) String() string {
	switch c {
	case Page:
		return "page"
	case Media:
		return "media"
	case Other:
		return "other"
	case Readable:
		return "readable"
	}
	return "Class(" + strconv.Itoa(int(c)) + ")"
}
