// Package filekind owns the one rule for what a linked file is: a document
// filetext reads (PDF, DOCX, DOC, ODT, and the XLSX, XLS and ODS
// spreadsheets plans post their annexes in), a document file it cannot read
// (a slide deck, an archive: listed for staff, not fetched),
// media (not a page, not listed), or none of these (a page). The extractor
// (crawler/extract: which links are a page's attachments), the crawler
// (which links it follows as pages and which files it fetches) and ingest
// (which files of a folder it reads) all ask it. It imports nothing of
// ours, so crawler/extract may import it although crawler/filetext imports
// crawler/extract.
package filekind

import (
	"mime"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Class is what is done with a file a link names.
type Class int

const (
	// Page: not a file we know; a link to it is a page to crawl.
	Page Class = iota
	// Handler: a download handler's link naming no file
	// ("/download.aspx?id=5", "/Handler/Download?fileId=123",
	// "/api/file/abc"): what it serves is known only from the response
	// (OfResponse, then the file's bytes). Never crawled as a page; an
	// attachment only where a page's attachment block holds it (the
	// extractor judges that), and then fetched as a file.
	Handler
	// Media: an image, audio or video; neither crawled nor listed.
	Media
	// Other: a document file filetext cannot read (CSV, PPT, RTF,
	// ZIP, RAR…); listed as an attachment so staff see it, not fetched.
	Other
	// Readable: a file filetext reads (PDF, DOCX, DOC, ODT, XLSX, XLS, ODS); listed,
	// fetched and read.
	Readable
)

// classes maps a lower-case extension to its class. The readable ones are
// exactly the kinds filetext.Sniff recognises and Read reads
// (filetext's TestFileKindReadable holds the two together).
var classes = map[string]Class{
	".pdf": Readable, ".docx": Readable, ".doc": Readable,
	".xlsx": Readable, ".xls": Readable, ".ods": Readable, ".odt": Readable,

	".csv": Other,
	".ppt": Other, ".pptx": Other, ".odp": Other,
	".rtf": Other,
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
	if c == Page && handler(p) {
		return Handler
	}
	return c
}

// handlerExts are the extensions of a handler's path: none, or a server
// script's.
var handlerExts = map[string]bool{"": true, ".aspx": true, ".ashx": true, ".asp": true, ".php": true, ".jsp": true, ".do": true, ".axd": true, ".cfm": true}

// handlerWords name a download handler's path segment, lower case, with
// "-" and "_" removed (DownloadFile.ashx, tai-ve, get_file).
var handlerWords = map[string]bool{
	"download": true, "downloads": true, "downloadfile": true, "downloadattachment": true, "downloaddocument": true,
	"filedownload": true, "getfile": true, "getattachment": true, "getdocument": true, "file": true, "files": true,
	"attachment": true, "attachments": true, "dinhkem": true, "filedinhkem": true, "taive": true, "taixuong": true,
	"taifile": true, "dl": true,
}

// handler reports a link shaped like a download handler: a path of no
// extension or a script's whose segment is a download word followed by
// another segment ("/api/file/abc") or, last, by a query naming a file
// ("/download.aspx?id=5": fileQuery). "/tai-ve" alone (a section page), a
// downloads section's listing ("downloads.php?cat=586", "?page=2"), a
// viewer page ("/van-ban/xem/12") and an article ("/tin-tuc/file.html")
// are not.
func handler(p *url.URL) bool {
	if !handlerExts[strings.ToLower(path.Ext(p.Path))] {
		return false
	}
	segs := strings.Split(strings.Trim(p.Path, "/"), "/")
	for i, s := range segs {
		if !handlerWords[fold(strings.TrimSuffix(s, path.Ext(s)))] {
			continue
		}
		if i < len(segs)-1 || fileQuery(p.Query()) {
			return true
		}
	}
	return false
}

// fold lower-cases a name and drops "-" and "_" ("Download_File" →
// "downloadfile").
func fold(s string) string { return strings.NewReplacer("-", "", "_", "").Replace(strings.ToLower(s)) }

// listingKeys open the query keys of a listing, not of one file:
// category, page, menu, tab, sort, search.
var listingKeys = []string{"cat", "page", "menu", "tab", "module", "sort", "search", "keyword", "q"}

// fileKeys are the query keys naming one file beside those ending "id"
// (id, fileId, fid, attachmentId, docId).
var fileKeys = map[string]bool{"file": true, "filename": true, "name": true, "f": true, "path": true, "key": true, "guid": true, "uuid": true, "token": true, "code": true}

// fileQuery reports a query naming one file: a key that is an id or a
// file's name, and no key of a listing ("?cat=2&id=5" lists).
func fileQuery(q url.Values) bool {
	named := false
	for k := range q {
		k = fold(k)
		for _, l := range listingKeys {
			if strings.HasPrefix(k, l) && (l != "q" || k == "q") {
				return false
			}
		}
		named = named || strings.HasSuffix(k, "id") || fileKeys[k]
	}
	return named
}

// contentTypes maps a response's media type to the extension of its kind.
var contentTypes = map[string]string{
	"application/pdf":    ".pdf",
	"application/x-pdf":  ".pdf",
	"application/msword": ".doc",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
	"application/vnd.ms-excel": ".xls",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":         ".xlsx",
	"application/vnd.oasis.opendocument.spreadsheet":                            ".ods",
	"application/vnd.oasis.opendocument.text":                                   ".odt",
	"application/vnd.ms-powerpoint":                                             ".ppt",
	"application/vnd.openxmlformats-officedocument.presentationml.presentation": ".pptx",
	"application/rtf": ".rtf", "text/rtf": ".rtf",
	"application/zip": ".zip", "application/x-zip-compressed": ".zip",
	"application/x-rar-compressed": ".rar", "application/vnd.rar": ".rar", "application/x-7z-compressed": ".7z",
	"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "video/mp4": ".mp4", "audio/mpeg": ".mp3",
}

// OfResponse returns the class of what a file link answered, and the
// file's name when the response names it: by the Content-Disposition
// filename ("attachment; filename*=UTF-8”Ph%E1%BB%A5%20l%E1%BB%A5c.xlsx"),
// else by the Content-Type; Handler when neither tells (a generic
// "application/octet-stream": the bytes decide) and Page for an HTML
// page.
func OfResponse(disposition, contentType string) (c Class, name string) {
	name = dispositionName(disposition)
	if k := OfName(name); k != Page {
		return k, name
	}
	if responseOther[strings.ToLower(path.Ext(name))] {
		return Other, name
	}
	mt, _, _ := mime.ParseMediaType(contentType)
	switch mt = strings.ToLower(mt); {
	case mt == "text/html" || mt == "application/xhtml+xml":
		return Page, name
	case contentTypes[mt] != "":
		return OfName(contentTypes[mt]), name
	case strings.HasPrefix(mt, "video/") || strings.HasPrefix(mt, "audio/") || strings.HasPrefix(mt, "image/"):
		return Media, name
	case responseOther[contentTypes[mt]] || executableTypes[mt]:
		return Other, name
	}
	return Handler, name
}

// responseOther are extensions a response's file name may carry that name
// no document — programs, disk images, compressed archives — so a
// handler serving one is not read (OfResponse). They are not in classes:
// a page's link to "VnTime.exe" stays a link, not a listed attachment.
var responseOther = map[string]bool{
	".exe": true, ".msi": true, ".apk": true, ".dmg": true, ".iso": true, ".bin": true,
	".tar": true, ".gz": true, ".tgz": true, ".bz2": true, ".xz": true,
}

// executableTypes are media types of programs.
var executableTypes = map[string]bool{
	"application/x-msdownload": true, "application/x-msdos-program": true, "application/x-dosexec": true,
	"application/vnd.microsoft.portable-executable": true, "application/x-executable": true,
	"application/vnd.android.package-archive": true, "application/x-iso9660-image": true,
}

// maxName bounds a file name taken from a response, in bytes.
const maxName = 255

// dispositionName is the file name a Content-Disposition gives: its base
// name (no path: "../../x.pdf" is "x.pdf"), valid UTF-8 (bytes of
// another charset become U+FFFD), at most maxName bytes keeping its
// extension; "" when it names none. A value Go's strict parser refuses —
// servers send "attachment; filename=Kế hoạch 236.docx", unquoted — is
// read loosely (looseFilename): its name, and the kind the name tells,
// are kept (TestOfResponseHostile).
func dispositionName(disposition string) string {
	raw := ""
	if _, params, err := mime.ParseMediaType(disposition); err == nil {
		raw = params["filename"]
	} else {
		raw = looseFilename(disposition)
	}
	name := path.Base(strings.ReplaceAll(raw, "\\", "/"))
	if strings.Trim(name, "./ ") == "" {
		return ""
	}
	name = strings.ToValidUTF8(name, "\uFFFD")
	if len(name) > maxName {
		ext := path.Ext(name)
		if len(ext) > 16 {
			ext = ""
		}
		base := name[:maxName-len(ext)]
		for len(base) > 0 && !utf8.ValidString(base) {
			base = base[:len(base)-1] // a rune cut in two
		}
		name = base + ext
	}
	return name
}

// looseFilename reads the filename* (UTF-8”) or filename parameter of
// a Content-Disposition the strict parser refused: a quoted value to its
// closing quote, an unquoted one to the next ";".
func looseFilename(d string) string {
	low := asciiLower(d)
	if i := paramAt(low, "filename*="); i >= 0 {
		v, _, _ := strings.Cut(d[i:], ";")
		v = strings.Trim(strings.TrimSpace(v), `"`)
		if cs, rest, ok := strings.Cut(v, "'"); ok && strings.EqualFold(cs, "utf-8") {
			if _, enc, ok := strings.Cut(rest, "'"); ok {
				if s, err := url.PathUnescape(enc); err == nil {
					return s
				}
			}
		}
	}
	i := paramAt(low, "filename=")
	if i < 0 {
		return ""
	}
	v := strings.TrimSpace(d[i:])
	if q, ok := strings.CutPrefix(v, `"`); ok {
		q, _, _ = strings.Cut(q, `"`)
		return q
	}
	v, _, _ = strings.Cut(v, ";")
	return strings.TrimSpace(v)
}

// paramAt returns where the value of parameter key ("filename=") starts
// in low: the key after a ";" and spaces; -1 when it is absent.
func paramAt(low, key string) int {
	for off := 0; off < len(low); {
		i := strings.Index(low[off:], key)
		if i < 0 {
			return -1
		}
		i += off
		j := i
		for j > 0 && (low[j-1] == ' ' || low[j-1] == '\t') {
			j--
		}
		if j > 0 && low[j-1] == ';' {
			return i + len(key)
		}
		off = i + len(key)
	}
	return -1
}

// asciiLower lower-cases ASCII letters only, keeping every byte offset.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// Viewed returns the file an Office viewer link shows — SharePoint's
// "/_layouts/15/WopiFrame.aspx?sourcedoc=/TW/Lists/vbpq/Attachments/1/a.doc&action=default"
// (vbpl.vn) — resolved against the link: that file is the attachment, the
// viewer an HTML page. "" when u is no viewer of a document file.
func Viewed(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return ""
	}
	for k, vs := range p.Query() {
		if !strings.EqualFold(k, "sourcedoc") || len(vs) == 0 || OfName(vs[0]) < Other {
			continue
		}
		t, err := url.Parse(strings.TrimSpace(vs[0]))
		if err != nil {
			return ""
		}
		r := p.ResolveReference(t)
		if r.Scheme != "http" && r.Scheme != "https" {
			return "" // "file:///etc/a.pdf", "ftp:": no web file
		}
		r.Fragment, r.RawFragment = "", ""
		if v := r.String(); OfURL(v) >= Other {
			return v
		}
		return "" // "a#b.pdf": the name was not the path's
	}
	return ""
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
	case Handler:
		return "handler"
	case Media:
		return "media"
	case Other:
		return "other"
	case Readable:
		return "readable"
	}
	return "Class(" + strconv.Itoa(int(c)) + ")"
}
