package crawler

import (
	"context"
	"net/http"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler/filetext/filetexttest"
)

// TestCrawlDeadFileLinks (i21-files): an article whose "Tệp đính kèm"
// links a file that answers 404, one that answers 410 and one whose
// server answers 503 on every try. Each is a file error in the report
// (kinds not_found, not_found, unavailable: the article's reader learns
// its attachment is dead or down), the 404s are still counted as not
// found, the 503 as a failed fetch (http_503), and the article keeps its
// links. Before, a dead attachment was no file error at all (files_failed
// 0) and a 503 only an errors_by_kind count.
func TestCrawlDeadFileLinks(t *testing.T) {
	portal := newFilePortal()
	srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/files/thu-hoi.pdf":
			http.Error(w, "Gone", http.StatusGone)
		case "/files/bao-tri.pdf":
			http.Error(w, "Máy chủ đang bảo trì", http.StatusServiceUnavailable)
		default:
			portal.ServeHTTP(w, r)
		}
	}))
	links := []string{"/files/khong-co.pdf", "/files/thu-hoi.pdf", "/files/bao-tri.pdf"}
	portal.article("/tin-tuc/1.html", "Kế hoạch triển khai công tác cải cách hành chính năm 2025",
		"Ủy ban nhân dân tỉnh ban hành kế hoạch cải cách hành chính; văn bản kèm theo.", links)
	portal.listing = []string{"/tin-tuc/1.html"}
	store := openStore(t)
	rep, err := fileCrawler(store, "", nil, FileOptions{Limits: limitsForTests()}).Crawl(context.Background(), filePortalSite(t, srv.URL), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{srv.URL + links[0]: "not_found", srv.URL + links[1]: "not_found", srv.URL + links[2]: "unavailable"}
	if rep.FilesFailed != 3 || len(rep.FileErrors) != 3 || rep.NotFound != 2 || rep.Errors["http_503"] != 1 || rep.Files != 0 {
		t.Errorf("crawl: %d file errors %+v, %d not found, errors %v, %d files; want 3, 2, http_503 1, 0",
			rep.FilesFailed, rep.FileErrors, rep.NotFound, rep.Errors, rep.Files)
	}
	for _, fe := range rep.FileErrors {
		if want[fe.URL] != fe.Kind || !strings.Contains(fe.Error, fe.URL) {
			t.Errorf("file error %+v; want kind %q and the URL named", fe, want[fe.URL])
		}
	}
	if a := getDoc(t, store, srv.URL+"/tin-tuc/1.html"); len(a.Attachments) != 3 {
		t.Errorf("the article's attachments %q; want the three links kept", a.Attachments)
	}
}

// TestCrawlAdoptionNotAChange (i21-files): a first crawl of an article
// that wraps one file stores the article (new), then the file (new), then
// the article again with the file's header (adopted). The article is
// counted once, as new; the adoption is counted as an adoption, not as a
// change (before, a first crawl reported "1 changed" with nothing
// changed). A second crawl, nothing changed, reports nothing adopted.
func TestCrawlAdoptionNotAChange(t *testing.T) {
	filetexttest.RequireTools(t, "pdfinfo", "pdftotext")
	portal := newFilePortal()
	srv := newServer(t, portal)
	portal.file("/files/45-KH-UBND.pdf", demoFile(t, "45-KH-UBND.pdf"))
	portal.article("/tin-tuc/1.html", "Kế hoạch 45", "Tải về", []string{"/files/45-KH-UBND.pdf"})
	portal.listing = []string{"/tin-tuc/1.html"}
	store := openStore(t)
	c := fileCrawler(store, "", nil, FileOptions{Limits: limitsForTests()})
	site := filePortalSite(t, srv.URL)
	rep, err := c.Crawl(context.Background(), site, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.New != 2 || rep.Changed != 0 || rep.Adopted != 1 {
		t.Errorf("first crawl: %d new, %d changed, %d adopted; want 2, 0, 1", rep.New, rep.Changed, rep.Adopted)
	}
	if a := getDoc(t, store, srv.URL+"/tin-tuc/1.html"); a.Number != "45/KH-UBND" {
		t.Errorf("the article did not adopt its file's header: number %q", a.Number)
	}
	rep, err = c.Crawl(context.Background(), site, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.New+rep.Changed+rep.Adopted != 0 {
		t.Errorf("second crawl: %d new, %d changed, %d adopted; want none", rep.New, rep.Changed, rep.Adopted)
	}
}

// TestCrawlHandlerKindByHeaders (i21-files): a download handler whose
// response headers say it serves a kind not read — a ZIP named by its
// Content-Disposition, a video by its Content-Type, a Windows installer —
// each streaming 32 MB under a 64 MB file cap, is judged on its headers
// and first bytes: skipped (file_pages, no file error), the connection
// dropped after the first few kilobytes, its WARC record the headers and
// those bytes marked truncated. A DOCX that the same kind of handler
// names "ho-so.zip" is read: its first bytes say OOXML.
func TestCrawlHandlerKindByHeaders(t *testing.T) {
	portal := newFilePortal()
	var streamed [3]atomic.Int64
	heads := []http.Header{
		{"Content-Disposition": {`attachment; filename="ho-so-du-thao.zip"`}, "Content-Type": {"application/octet-stream"}},
		{"Content-Type": {"video/mp4"}},
		{"Content-Disposition": {`attachment; filename="setup.exe"`}, "Content-Type": {"application/x-msdownload"}},
	}
	firsts := []string{"PK\x03\x04\x14\x00\x00\x00\x08\x00du-thao/to-trinh.txt", "\x00\x00\x00\x18ftypmp42", "MZ\x90\x00\x03"}
	srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var i int
		switch r.URL.Path {
		case "/Download.ashx":
			i = 0
		case "/GetFile.ashx":
			i = 1
		case "/TaiVe.ashx":
			i = 2
		case "/DownloadFile.ashx":
			w.Header().Set("Content-Disposition", `attachment; filename="ho-so.zip"`)
			portal.ServeHTTP(w, r)
			return
		default:
			portal.ServeHTTP(w, r)
			return
		}
		for k, v := range heads[i] {
			w.Header()[k] = v
		}
		chunk := make([]byte, 64<<10)
		copy(chunk, firsts[i])
		for streamed[i].Load() < 32<<20 {
			n, err := w.Write(chunk)
			streamed[i].Add(int64(n))
			if err != nil {
				return
			}
			chunk = make([]byte, 64<<10)
		}
	}))
	portal.file("/DownloadFile.ashx", demoFile(t, "236-KH-UBND.docx"))
	portal.article("/tin-tuc/1.html", "Dự thảo kế hoạch và hồ sơ kèm theo",
		"Ủy ban nhân dân tỉnh lấy ý kiến dự thảo kế hoạch; hồ sơ kèm theo.",
		[]string{"/Download.ashx?id=1", "/GetFile.ashx?id=2", "/TaiVe.ashx?id=3", "/DownloadFile.ashx?id=4"})
	portal.listing = []string{"/tin-tuc/1.html"}
	store := openStore(t)
	warc := filepath.Join(t.TempDir(), "warc")
	c := fileCrawler(store, warc, nil, FileOptions{MaxBytes: 64 << 20, Limits: limitsForTests()})
	start := time.Now()
	rep, err := c.Crawl(context.Background(), filePortalSite(t, srv.URL), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("crawl %v: %+v", time.Since(start).Round(time.Millisecond), rep)
	if rep.FilePages != 3 || rep.FilesFailed != 0 || rep.Files != 1 {
		t.Errorf("crawl: %d skipped, %d file errors %+v, %d read; want 3, 0, 1", rep.FilePages, rep.FilesFailed, rep.FileErrors, rep.Files)
	}
	for i, p := range []string{"/Download.ashx?id=1", "/GetFile.ashx?id=2", "/TaiVe.ashx?id=3"} {
		// The server's writes run ahead of the client's reads by the
		// sockets' buffers (a few MB on loopback), never by the file.
		if n := streamed[i].Load(); n > 12<<20 {
			t.Errorf("%s: the server wrote %d MB before the crawler dropped it", p, n>>20)
		}
		v, err := store.GetKV(nsURL, corpus.CanonicalURL(srv.URL+p))
		if err != nil || v == nil {
			t.Fatalf("%s: no crawl state (%v)", p, err)
		}
		st, err := decodeState(p, v)
		if err != nil {
			t.Fatal(err)
		}
		rec, err := readRecord(warc, warcRef{File: st.WARC, Offset: st.Offset})
		if err != nil {
			t.Fatalf("%s: WARC record: %v", p, err)
		}
		if !rec.Truncated || len(rec.Body) > 64<<10 || !strings.HasPrefix(string(rec.Body), firsts[i]) {
			t.Errorf("%s: WARC record truncated %v, %d bytes; want the first bytes, marked truncated", p, rec.Truncated, len(rec.Body))
		}
	}
	if d := getDoc(t, store, srv.URL+"/DownloadFile.ashx?id=4"); d.File == nil || d.File.Kind != "docx" || d.Number != "236/KH-UBND" {
		t.Errorf("the DOCX named .zip: number %q file %+v", d.Number, d.File)
	}
}
