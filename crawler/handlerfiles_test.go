package crawler

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/vanban/vanban/crawler/filetext/filetexttest"
)

// headerPortal serves a filePortal, with response headers of its own for
// some paths (a download handler's Content-Disposition).
type headerPortal struct {
	*filePortal
	headers map[string]http.Header
}

func (p headerPortal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := p.headers[r.URL.Path]
	p.filePortal.ServeHTTP(headerWriter{w, h}, r)
}

// headerWriter sets its headers over the portal's before the status
// (the portal's files go through http.ServeContent, which writes it).
type headerWriter struct {
	http.ResponseWriter
	h http.Header
}

func (w headerWriter) WriteHeader(code int) {
	for k, v := range w.h {
		w.Header()[k] = v
	}
	w.ResponseWriter.WriteHeader(code)
}

// TestCrawlDownloadHandlers crawls an article whose "Tệp đính kèm" box
// links its files through download handlers that name no file (portal
// shapes written for this test) and through vbpl.vn's Office viewer:
//   - "/Handler/Download?fileId=123" serves a DOCX named by its
//     Content-Disposition (filename*, UTF-8): read, stored under that name;
//   - "/api/file/abc" serves an XLSX annex as application/zip (a server
//     without the type): its bytes tell, read;
//   - "/download.aspx?id=5" serves a ZIP (Content-Disposition "ho-so.zip"):
//     fetched once, not read, no file error (FilePages);
//   - "WopiFrame.aspx?sourcedoc=/files/45-KH-UBND.pdf&action=default"
//     stands for the PDF: the PDF is fetched and read, the viewer never.
//
// A handler link in the footer is no attachment: never requested, as a file
// or as a page (allow takes every URL of the portal). Before i20-files the
// three handler links were neither listed nor fetched, and the viewer was
// fetched as a file and reported as an "html" file error.
func TestCrawlDownloadHandlers(t *testing.T) {
	filetexttest.RequireTools(t, "pdfinfo", "pdftotext")
	portal := newFilePortal()
	srv := newServer(t, headerPortal{portal, map[string]http.Header{
		"/Handler/Download": {"Content-Disposition": {`attachment; filename="ke-hoach.docx"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20236.docx`}},
		"/download.aspx":    {"Content-Disposition": {`attachment; filename="ho-so.zip"`}},
		"/api/file/abc":     {"Content-Type": {"application/zip"}}, // a server without the XLSX type
	}})
	portal.file("/Handler/Download", demoFile(t, "236-KH-UBND.docx"))
	portal.file("/api/file/abc", filetexttest.XLSX(filetexttest.Sheet{Name: "Phụ lục", Rows: [][]string{
		{"PHỤ LỤC: DANH MỤC NHIỆM VỤ"},
		{"STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"},
		{"1", "Tổ chức tập huấn chuyển đổi số cho cán bộ cấp xã", "Sở Thông tin và Truyền thông", "Quý III/2025"},
	}}))
	zip, err := filetexttest.Zip(map[string]string{"to-trinh.txt": "Tờ trình"})
	if err != nil {
		t.Fatal(err)
	}
	portal.file("/download.aspx", zip)
	portal.file("/files/45-KH-UBND.pdf", demoFile(t, "45-KH-UBND.pdf"))
	portal.file("/DownloadFile.ashx", demoFile(t, "45-KH-UBND.pdf"))
	portal.articles["/tin-tuc/ke-hoach.html"] = chromePortalPage("Kế hoạch chuyển đổi số năm 2025",
		`<p>Ủy ban nhân dân tỉnh ban hành Kế hoạch chuyển đổi số năm 2025 và danh mục nhiệm vụ kèm theo; các sở, ngành tổ chức thực hiện.</p>
<div class="file-dinh-kem"><b>Tệp đính kèm</b><ul>
<li><a href="/Handler/Download?fileId=123">Kế hoạch 236</a></li>
<li><a href="/api/file/abc">Phụ lục danh mục nhiệm vụ</a></li>
<li><a href="/download.aspx?id=5">Hồ sơ</a></li>
<li><a href="/tw/_layouts/15/WopiFrame.aspx?sourcedoc=/files/45-KH-UBND.pdf&amp;action=default">Xem nhanh</a></li>
</ul></div>`, `<div class="footer-links"><a href="/DownloadFile.ashx?id=9">Quy chế hoạt động</a></div>`)
	portal.listing = []string{"/tin-tuc/ke-hoach.html"}

	store := openStore(t)
	c := fileCrawler(store, "", nil, FileOptions{Limits: limitsForTests()})
	rep, err := c.Crawl(context.Background(), filePortalSite(t, srv.URL), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Failed != 0 || rep.Files != 3 || rep.FilesFailed != 0 || rep.FilePages != 1 {
		t.Errorf("crawl: %d failed, %d files read, %d file errors %v, %d not files; want 0, 3, 0, 1",
			rep.Failed, rep.Files, rep.FilesFailed, rep.FileErrors, rep.FilePages)
	}
	want := []string{srv.URL + "/Handler/Download?fileId=123", srv.URL + "/api/file/abc", srv.URL + "/download.aspx?id=5", srv.URL + "/files/45-KH-UBND.pdf"}
	if got := getDoc(t, store, srv.URL+"/tin-tuc/ke-hoach.html").Attachments; !slices.Equal(got, want) {
		t.Errorf("attachments\n got %q\nwant %q", got, want)
	}
	if d := getDoc(t, store, want[0]); d.File == nil || d.File.Kind != "docx" || d.File.Name != "Kế hoạch 236.docx" || d.Number != "236/KH-UBND" {
		t.Errorf("the handler's DOCX: number %q, file %+v", d.Number, d.File)
	}
	if d := getDoc(t, store, want[1]); d.File == nil || d.File.Kind != "xlsx" {
		t.Errorf("the handler's XLSX: file %+v", d.File)
	}
	if d := getDoc(t, store, want[3]); d.File == nil || d.Number != "45/KH-UBND" {
		t.Errorf("the viewer's PDF: number %q, file %+v", d.Number, d.File)
	}
	for p, n := range map[string]int{"/Handler/Download": 1, "/api/file/abc": 1, "/download.aspx": 1, "/files/45-KH-UBND.pdf": 1,
		"/tw/_layouts/15/WopiFrame.aspx": 0, "/DownloadFile.ashx": 0} {
		if got := portal.hitsOf(p); got != n {
			t.Errorf("%s requested %d times, want %d", p, got, n)
		}
	}
}

// TestCrawlHandlerResponses (i20-filesrev): what download handlers answer
// on real servers, each link in the article's "Tệp đính kèm" box (portal
// shapes written for this test):
//   - "/Handler/Download?fileId=7" names its DOCX unquoted with spaces
//     ("attachment; filename=Kế hoạch 236.docx", which Go's parser
//     refuses): read, stored under that name;
//   - "/get_file.php?fid=12" redirects to a .pdf: the PDF is read, stored
//     under the handler's link;
//   - "/DownloadFile.ashx?id=3" streams 2 GB: cut at max_mb (1 MB here),
//     a "too large" file error, and the server is not read to its end.
func TestCrawlHandlerResponses(t *testing.T) {
	filetexttest.RequireTools(t, "pdfinfo", "pdftotext")
	portal := newFilePortal()
	var streamed atomic.Int64
	hp := headerPortal{portal, map[string]http.Header{
		"/Handler/Download": {"Content-Disposition": {`attachment; filename=Kế hoạch 236.docx`}, "Content-Type": {"application/octet-stream"}},
	}}
	srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/get_file.php":
			http.Redirect(w, r, "/files/45-KH-UBND.pdf", http.StatusFound)
		case "/DownloadFile.ashx":
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Header().Set("Content-Length", strconv.Itoa(2<<30))
			chunk := make([]byte, 64<<10)
			copy(chunk, "%PDF-1.4\n")
			for streamed.Load() < 2<<30 {
				n, err := w.Write(chunk)
				streamed.Add(int64(n))
				if err != nil {
					return
				}
				chunk[0] = 0
			}
		default:
			hp.ServeHTTP(w, r)
		}
	}))
	portal.file("/Handler/Download", demoFile(t, "236-KH-UBND.docx"))
	portal.file("/files/45-KH-UBND.pdf", demoFile(t, "45-KH-UBND.pdf"))
	portal.articles["/tin-tuc/ke-hoach.html"] = chromePortalPage("Kế hoạch chuyển đổi số năm 2025",
		`<p>Ủy ban nhân dân tỉnh ban hành Kế hoạch chuyển đổi số năm 2025 và danh mục nhiệm vụ kèm theo; các sở, ngành tổ chức thực hiện.</p>
<div class="file-dinh-kem"><b>Tệp đính kèm</b><ul>
<li><a href="/Handler/Download?fileId=7">Kế hoạch 236</a></li>
<li><a href="/get_file.php?fid=12">Kế hoạch 45</a></li>
<li><a href="/DownloadFile.ashx?id=3">Hồ sơ quét</a></li>
</ul></div>`, ``)
	portal.listing = []string{"/tin-tuc/ke-hoach.html"}

	store := openStore(t)
	c := fileCrawler(store, "", nil, FileOptions{MaxBytes: 1 << 20, Limits: limitsForTests()})
	rep, err := c.Crawl(context.Background(), filePortalSite(t, srv.URL), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Files != 2 || rep.FilesFailed != 1 || len(rep.FileErrors) != 1 || rep.FileErrors[0].Kind != "too_large" {
		t.Errorf("crawl: %d files read, %d file errors %+v; want 2 and one too_large", rep.Files, rep.FilesFailed, rep.FileErrors)
	}
	if d := getDoc(t, store, srv.URL+"/Handler/Download?fileId=7"); d.File == nil || d.File.Name != "Kế hoạch 236.docx" || d.Number != "236/KH-UBND" {
		t.Errorf("the unquoted name's DOCX: number %q, file %+v", d.Number, d.File)
	}
	if d := getDoc(t, store, srv.URL+"/get_file.php?fid=12"); d.File == nil || d.File.Kind != "pdf" || d.Number != "45/KH-UBND" {
		t.Errorf("the redirected PDF: number %q, file %+v", d.Number, d.File)
	}
	if n := streamed.Load(); n > 64<<20 {
		t.Errorf("the 2 GB handler was read for %d MB; the cap is 1 MB", n>>20)
	}
}

// TestNotReadByHead: the headers and first bytes that leave a file
// response unread (a ZIP or a program named by Content-Disposition, a
// video or a program by its type) and those that do not (a readable kind
// named or typed, a handler naming nothing, a ZIP typed with no name — a
// server sending DOCX and XLSX so —, and a kind not read whose first bytes
// open a DOCX). Shapes from portals' download handlers, written here.
func TestNotReadByHead(t *testing.T) {
	docx := demoFile(t, "236-KH-UBND.docx")
	docx = docx[:min(len(docx), headBytes)]
	zipHead := []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x0C\x00\x00\x00to-trinh.txt")
	for _, c := range []struct {
		disposition, ctype string
		head               []byte
		skip               bool
	}{
		{`attachment; filename="ho-so.zip"`, "application/octet-stream", zipHead, true},
		{`attachment; filename="setup.exe"`, "application/octet-stream", []byte("MZ\x90\x00"), true},
		{``, "video/mp4", []byte("\x00\x00\x00\x18ftypmp42"), true},
		{``, "application/x-msdownload", []byte("MZ\x90\x00"), true},
		{`attachment; filename=Bản đồ quy hoạch.rar`, "", []byte("Rar!\x1A\x07\x00"), true},
		{`attachment; filename="ho-so.zip"`, "application/zip", docx, false}, // its bytes are a DOCX
		{``, "application/zip", zipHead, false},                              // no name: read whole, the bytes decide
		{`attachment; filename="QD-1210.pdf"`, "application/octet-stream", []byte("%PDF-1.7"), false},
		{``, "application/pdf", []byte("%PDF-1.7"), false},
		{``, "application/octet-stream", zipHead, false}, // a handler: the bytes decide
		{``, "", nil, false},
	} {
		h := http.Header{}
		if c.disposition != "" {
			h.Set("Content-Disposition", c.disposition)
		}
		if c.ctype != "" {
			h.Set("Content-Type", c.ctype)
		}
		if why := notReadByHead(h, c.head); (why != "") != c.skip {
			t.Errorf("%q %q: %q; want skipped %v", c.disposition, c.ctype, why, c.skip)
		}
	}
}
