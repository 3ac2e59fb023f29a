package crawler

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler/filetext"
	"github.com/vanban/vanban/crawler/filetext/filetexttest"
)

// The demo portal's generated attachments (one of each kind).
const demoFiles = "../demo/site/files"

func demoFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(demoFiles, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// filePortal is a portal whose articles link files. Articles and files
// can be changed or removed between crawls; files answer conditional
// requests (Last-Modified, ETag) as a real server does.
type filePortal struct {
	mu       sync.Mutex
	listing  []string          // article paths linked from /
	articles map[string]string // path → HTML
	files    map[string][]byte // path → bytes
	hits     map[string]int
	notMod   map[string]int // 304s answered per path
}

func newFilePortal() *filePortal {
	return &filePortal{articles: map[string]string{}, files: map[string][]byte{}, hits: map[string]int{}, notMod: map[string]int{}}
}

// article adds an article page with its links: files (absolute or not)
// under "Tệp đính kèm", and pages under "Tin liên quan".
func (p *filePortal) article(path, title, body string, files []string, pages ...string) {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title></head><body><div class="content-detail"><h1>%s</h1><p class="date">Ngày đăng: 15/05/2024</p>`, html.EscapeString(title), html.EscapeString(title))
	for _, para := range strings.Split(body, "\n") {
		fmt.Fprintf(&b, "<p>%s</p>", html.EscapeString(para))
	}
	if len(files) > 0 {
		b.WriteString(`<div class="attachments"><b>Tệp đính kèm</b><ul>`)
		for _, f := range files {
			fmt.Fprintf(&b, `<li><a href="%s">Tải về</a></li>`, f)
		}
		b.WriteString(`</ul></div>`)
	}
	b.WriteString(`</div><ul class="related">`)
	for _, l := range pages {
		fmt.Fprintf(&b, `<li><a href="%s">Tin liên quan</a></li>`, l)
	}
	b.WriteString(`</ul></body></html>`)
	p.mu.Lock()
	p.articles[path] = b.String()
	p.mu.Unlock()
}

func (p *filePortal) file(path string, data []byte) {
	p.mu.Lock()
	p.files[path] = data
	p.mu.Unlock()
}

func (p *filePortal) remove(path string) {
	p.mu.Lock()
	delete(p.files, path)
	p.mu.Unlock()
}

var fileTime = time.Date(2025, 3, 12, 9, 0, 0, 0, time.UTC)

func (p *filePortal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	p.hits[r.URL.Path]++
	a, isArticle := p.articles[r.URL.Path]
	f, isFile := p.files[r.URL.Path]
	listing := slices.Clone(p.listing)
	p.mu.Unlock()
	switch {
	case r.URL.Path == "/robots.txt":
		fmt.Fprint(w, "User-agent: *\nDisallow: /admin/\n")
	case r.URL.Path == "/":
		fmt.Fprint(w, `<html><body><ul>`)
		for _, l := range listing {
			fmt.Fprintf(w, `<li><a href="%s">Bài viết</a></li>`, l)
		}
		fmt.Fprint(w, `</ul></body></html>`)
	case isArticle:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, a)
	case isFile:
		if r.Header.Get("If-Modified-Since") != "" {
			p.mu.Lock()
			p.notMod[r.URL.Path]++
			p.mu.Unlock()
		}
		w.Header().Set("Content-Type", "application/pdf") // portals often send one type for every file
		http.ServeContent(w, r, "", fileTime, bytes.NewReader(f))
	default:
		http.NotFound(w, r)
	}
}

func (p *filePortal) hitsOf(path string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.hits[path]
}

func filePortalSite(t *testing.T, base string, hosts ...string) *Site {
	t.Helper()
	s := &Site{Name: "files", Start: []string{base + "/"}, Allow: []string{"^" + base + "/(tin-tuc/)?"},
		Article: []string{`/tin-tuc/`}, Concurrency: 2, AttachmentHosts: hosts}
	if err := s.compile(); err != nil {
		t.Fatal(err)
	}
	return s
}

// syncBuffer is a bytes.Buffer for the crawler's log, written by its
// goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func fileCrawler(store *corpus.Store, warc string, log *syncBuffer, fo FileOptions) *Crawler {
	opt := Options{WARCDir: warc, Files: fo,
		Policy: Policy{Timeout: testPageTimeout, Retries: 1, BackoffBase: 10 * time.Millisecond, MaxBytes: 1 << 20}}
	if log != nil {
		opt.Logger = slog.New(slog.NewTextHandler(log, nil))
	}
	return New(store, opt)
}

func getDoc(t *testing.T, store *corpus.Store, u string) *corpus.Document {
	t.Helper()
	d, err := store.Get(corpus.IDForURL(u))
	if err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	return d
}

// TestCrawlAttachments crawls articles whose files are a text PDF, a DOCX,
// a TCVN3 DOC on another host (attachment_hosts), a wrapper page with
// nothing but its file, and seven bad files: every good file becomes a
// document linked to its article, read from its own header; every bad
// one is a clear error of its kind in the report while the crawl goes on.
// A second crawl revalidates the files (304, nothing read again); a file
// removed from the portal while its article links it stays a document,
// listed dead.
func TestCrawlAttachments(t *testing.T) {
	filetexttest.RequireTools(t, "pdfinfo", "pdftotext", "antiword")
	portal := newFilePortal()
	srv := httptest.NewServer(portal)
	defer srv.Close()
	// The same portal under the name "localhost" is the files host.
	filesBase := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)

	pdf, docx, doc := demoFile(t, "45-KH-UBND.pdf"), demoFile(t, "236-KH-UBND.docx"), demoFile(t, "612-QD-UBND.doc")
	portal.file("/files/45-KH-UBND.pdf", pdf)
	portal.file("/files/ke-hoach-45.pdf", pdf)
	portal.file("/files/236-KH-UBND.docx", docx)
	portal.file("/datafiles/612-QD-UBND.doc", doc)
	encrypted, err := os.ReadFile("filetext/testdata/encrypted.pdf")
	if err != nil {
		t.Fatal(err)
	}
	bad := map[string][]byte{
		"/files/encrypted.pdf": encrypted,
		"/files/truncated.pdf": pdf[:len(pdf)/3],
		"/files/empty.pdf":     {},
		"/files/error.pdf":     []byte("<!DOCTYPE html><html><head><title>Lỗi</title></head><body>Không tìm thấy tệp</body></html>"),
		"/files/gazette.pdf":   filetexttest.ManyPagesPDF(5000),
		"/files/bomb.docx":     filetexttest.ZipBomb(64 << 20),
		"/files/image.docx":    filetexttest.ImageOnlyDOCX(),
	}
	var badLinks []string
	for p, b := range bad {
		portal.file(p, b)
		badLinks = append(badLinks, p)
	}
	slices.Sort(badLinks)
	// The article's title cites the resolution it implements: the page
	// alone would take that number; the file's header says which document
	// it is.
	portal.article("/tin-tuc/1.html", "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị được tỉnh triển khai",
		"Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai thực hiện Nghị quyết về đột phá phát triển khoa học, công nghệ.", []string{"/files/45-KH-UBND.pdf"})
	portal.article("/tin-tuc/2.html", "Kế hoạch thực hiện Chương trình hành động vùng Đông Nam Bộ",
		"Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện chương trình hành động của Chính phủ.", []string{"/files/236-KH-UBND.docx"})
	portal.article("/tin-tuc/3.html", "Quyết định về kế hoạch tuyển sinh năm học 2024-2025",
		"Ủy ban nhân dân tỉnh quyết định ban hành kế hoạch tuyển sinh vào các lớp đầu cấp.", []string{filesBase + "/datafiles/612-QD-UBND.doc"})
	portal.article("/tin-tuc/4.html", "Các biểu mẫu gửi kèm", "Các tệp đính kèm của thông báo, một số tệp bị lỗi.", badLinks)
	portal.article("/tin-tuc/5.html", "Kế hoạch 45", "Tải về", []string{"/files/ke-hoach-45.pdf"})
	portal.listing = []string{"/tin-tuc/1.html", "/tin-tuc/2.html", "/tin-tuc/3.html", "/tin-tuc/4.html", "/tin-tuc/5.html"}

	store := openStore(t)
	warc := filepath.Join(t.TempDir(), "warc")
	site := filePortalSite(t, srv.URL, "localhost")
	c := fileCrawler(store, warc, nil, FileOptions{Limits: limitsForTests()})
	start := time.Now()
	rep, err := c.Crawl(context.Background(), site, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("first crawl %v: %+v", time.Since(start).Round(time.Millisecond), rep)
	// error.pdf answers an HTML page: no file, and no file error either
	// (FilePages, i20-files).
	if rep.Failed != 0 || rep.Files != 4 || rep.FilesFailed != len(bad)-1 || rep.FilePages != 1 || rep.New != 9 {
		t.Errorf("first crawl: %d failed, %d files read, %d file errors, %d HTML answers, %d new; want 0, 4, %d, 1, 9 (5 articles + 4 files)",
			rep.Failed, rep.Files, rep.FilesFailed, rep.FilePages, rep.New, len(bad)-1)
	}
	wantKind := map[string]string{"encrypted.pdf": "encrypted", "truncated.pdf": "damaged", "empty.pdf": "empty",
		"gazette.pdf": "too_large", "bomb.docx": "too_large", "image.docx": "no_text"}
	for _, fe := range rep.FileErrors {
		name := FileName(fe.URL)
		if fe.Kind != wantKind[name] || !strings.Contains(fe.Error, name) {
			t.Errorf("file error %+v: want kind %q and the file named", fe, wantKind[name])
		}
		delete(wantKind, name)
	}
	if len(wantKind) > 0 {
		t.Errorf("bad files not reported: %v", wantKind)
	}

	// The files' documents, each linked to its article.
	for _, tt := range []struct {
		file, article, number, typ, kind, enc string
	}{
		{srv.URL + "/files/45-KH-UBND.pdf", "/tin-tuc/1.html", "45/KH-UBND", "Kế hoạch", "pdf", ""},
		{srv.URL + "/files/236-KH-UBND.docx", "/tin-tuc/2.html", "236/KH-UBND", "Kế hoạch", "docx", ""},
		{filesBase + "/datafiles/612-QD-UBND.doc", "/tin-tuc/3.html", "612/QĐ-UBND", "Quyết định", "doc", "tcvn3"},
	} {
		d := getDoc(t, store, tt.file)
		if d.Parent != corpus.IDForURL(srv.URL+tt.article) || d.Number != tt.number || d.Type != tt.typ || d.File == nil ||
			d.File.Kind != tt.kind || d.File.Encoding != tt.enc || d.Issuer != "Ủy ban nhân dân tỉnh Phú An" || d.Site != "files" {
			t.Errorf("%s: parent %q number %q type %q issuer %q file %+v", tt.file, d.Parent, d.Number, d.Type, d.Issuer, d.File)
		}
		if len(d.File.PageStarts) == 0 || d.File.PageStarts[0].Offset != 0 || d.File.SHA256 == "" {
			t.Errorf("%s: page starts %v", tt.file, d.File.PageStarts)
		}
	}
	// Pages: the PDF's second page starts where its text does.
	d := getDoc(t, store, srv.URL+"/files/45-KH-UBND.pdf")
	if d.File.Pages < 2 || len(d.File.PageStarts) < 2 || d.File.PageAt(len(d.Body)-1) != d.File.PageStarts[len(d.File.PageStarts)-1].Page {
		t.Errorf("PDF pages %d, starts %v", d.File.Pages, d.File.PageStarts)
	}
	// The wrapper article takes the number of its file's header over the
	// one its title cites; the page of several files keeps its own.
	if a := getDoc(t, store, srv.URL+"/tin-tuc/1.html"); a.Number != "45/KH-UBND" || a.Type != "Kế hoạch" {
		t.Errorf("wrapper article: number %q type %q, want the file's 45/KH-UBND, Kế hoạch", a.Number, a.Type)
	}
	// A page that is only a title and its file is stored, with its file.
	if a := getDoc(t, store, srv.URL+"/tin-tuc/5.html"); a.Number != "45/KH-UBND" {
		t.Errorf("title-only wrapper: number %q", a.Number)
	}

	// Second crawl: every file revalidated (304), nothing read again.
	rep, err = c.Crawl(context.Background(), site, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.New+rep.Changed+rep.Files+rep.FilesFailed != 0 || rep.Failed != 0 {
		t.Errorf("second crawl: %+v; want nothing new, changed or read", rep)
	}
	for _, p := range []string{"/files/45-KH-UBND.pdf", "/files/236-KH-UBND.docx", "/datafiles/612-QD-UBND.doc", "/files/encrypted.pdf"} {
		portal.mu.Lock()
		n := portal.notMod[p]
		portal.mu.Unlock()
		if n != 1 {
			t.Errorf("%s: %d conditional requests in the second crawl, want 1", p, n)
		}
	}

	// A file removed from the portal while its article links it stays a
	// document, listed dead (TestDeadFileDocumentKept).
	portal.remove("/files/236-KH-UBND.docx")
	rep, err = c.Crawl(context.Background(), site, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Gone != 0 || getDoc(t, store, srv.URL+"/files/236-KH-UBND.docx").Gone || rep.DeadFileCount != 1 {
		t.Errorf("third crawl: %+v; want the removed file's document kept, listed dead", rep)
	}

	// A site with attachments off fetches no file.
	off := false
	site2 := filePortalSite(t, srv.URL)
	site2.Name, site2.Attachments = "nofiles", &off
	before := portal.hitsOf("/files/45-KH-UBND.pdf")
	if _, err := fileCrawler(openStore(t), "", nil, FileOptions{}).Crawl(context.Background(), site2, Limits{}); err != nil {
		t.Fatal(err)
	}
	if portal.hitsOf("/files/45-KH-UBND.pdf") != before {
		t.Error("attachments = false: the file was fetched")
	}
}

// limitsForTests keep the bad files cheap.
func limitsForTests() filetext.Limits {
	return filetext.Limits{MaxText: 1 << 20, Timeout: 30 * time.Second}
}

// TestSlowOCRDoesNotHoldPages shows that OCR does not hold the crawl of
// HTML pages, with no timing: tesseract is a stand-in
// (testdata/blocktool/tesseract) that does not answer until the test
// creates its release file, and the test creates it only once every page
// of a chain found after the scanned file — the first article links the
// file and the next page, each page the next — is stored, with one page
// worker. Were the file read in the page worker, no page after the first
// would be stored while OCR waits: the release would never come, the
// stand-in would give up (after two minutes) and the file would fail.
func TestSlowOCRDoesNotHoldPages(t *testing.T) {
	filetexttest.RequireTools(t, "pdfinfo", "pdftotext", "pdfimages", "pdftoppm")
	stand, err := filepath.Abs("testdata/blocktool")
	if err != nil {
		t.Fatal(err)
	}
	release := filepath.Join(t.TempDir(), "release")
	t.Setenv("PATH", stand+string(os.PathListSeparator)+os.Getenv("PATH"))
	t.Setenv("VANBAN_TEST_RELEASE", release)

	const chain = 12
	portal := newFilePortal()
	srv := httptest.NewServer(portal)
	defer srv.Close()
	portal.file("/files/1579-QD-UBND.pdf", demoFile(t, "1579-QD-UBND.pdf"))
	for i := range chain {
		var files []string
		if i == 0 {
			files = []string{"/files/1579-QD-UBND.pdf"}
		}
		portal.article(fmt.Sprintf("/tin-tuc/%d.html", i), fmt.Sprintf("Tin hoạt động số %d của tỉnh", i),
			fmt.Sprintf("Nội dung tin hoạt động số %d về công tác chuyển đổi số của các sở, ngành trên địa bàn tỉnh.", i), files,
			fmt.Sprintf("/tin-tuc/%d.html", i+1))
	}
	portal.listing = []string{"/tin-tuc/0.html"}

	store := openStore(t)
	site := filePortalSite(t, srv.URL)
	site.Concurrency = 1
	c := fileCrawler(store, filepath.Join(t.TempDir(), "warc"), nil, FileOptions{Workers: 1})
	var mu sync.Mutex
	var released bool
	var atRelease Report
	c.OnProgress = func(r Report) {
		mu.Lock()
		defer mu.Unlock()
		if !released && r.New-r.Files >= chain {
			released, atRelease = true, r
			if err := os.WriteFile(release, nil, 0o644); err != nil {
				t.Error(err)
			}
		}
	}
	rep, err := c.Crawl(context.Background(), site, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if !released {
		t.Fatalf("the %d pages were never all stored: %+v", chain, rep)
	}
	if atRelease.Files != 0 || atRelease.FilesFailed != 0 {
		t.Errorf("when the pages were stored the file was already done: %+v", atRelease)
	}
	if rep.Files != 1 || rep.FilesFailed != 0 || rep.New != chain+1 {
		t.Fatalf("crawl: %+v; want the %d pages and the file", rep, chain)
	}
	d := getDoc(t, store, srv.URL+"/files/1579-QD-UBND.pdf")
	if d.File == nil || len(d.File.OCRPages) == 0 || !strings.Contains(d.Body+d.Title, "hạ tầng dữ liệu") {
		t.Errorf("the file's document was not read by OCR: file %+v, title %q, body %.80q", d.File, d.Title, d.Body)
	}
}
