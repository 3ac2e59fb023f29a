package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
)

// deadFilePortal serves one article, with an ETag (a later run gets 304
// while it is unchanged), linking two files under "Tệp đính kèm"; neither
// file exists.
type deadFilePortal struct {
	mu    sync.Mutex
	files []string // the article's file links
	etag  string
	hits  map[string]int
	back  []byte // what /files/bang-bieu.docx serves when not nil
}

func (p *deadFilePortal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.hits[r.URL.Path]++
	switch r.URL.Path {
	case "/":
		fmt.Fprint(w, `<html><body><a href="/tin-tuc/ke-hoach-45.html">Kế hoạch 45</a></body></html>`)
	case "/tin-tuc/ke-hoach-45.html":
		w.Header().Set("ETag", p.etag)
		if r.Header.Get("If-None-Match") == p.etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><head><meta charset="utf-8"><title>Kế hoạch số 45/KH-UBND</title></head><body><div class="content-detail"><h1>Kế hoạch số 45/KH-UBND</h1><p class="date">Ngày đăng: 15/05/2025</p><p>Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai chương trình chuyển đổi số năm 2026; phụ lục kèm theo.</p><div class="attachments"><b>Tệp đính kèm</b><ul>`)
		for _, f := range p.files {
			fmt.Fprintf(w, `<li><a href="%s">Tải về</a></li>`, f)
		}
		fmt.Fprint(w, `</ul></div></div></body></html>`)
	case "/files/bang-bieu.docx":
		if p.back != nil {
			w.Write(p.back)
			return
		}
		http.NotFound(w, r)
	default:
		http.NotFound(w, r)
	}
}

// TestDeadAttachmentStaysVisible: an article (answering 304 while it is
// unchanged) links a file that answers 404. The file is a file error
// not_found on the first night only when it is asked; staff must see on
// every night's report, and in the store (DeadFiles, read by `vanban
// status`), that the article's attachment is gone, past the weekly asks
// and the 30 days after which a missing URL is forgotten. It is asked as
// a missing URL is (missing.go). A second dead file that answers again
// (a damaged file now: a file error of another kind) leaves the list on
// the night it answers; when the article drops the link, so does the
// first.
func TestDeadAttachmentStaysVisible(t *testing.T) {
	p := &deadFilePortal{files: []string{"/files/phu-luc-45.pdf", "/files/bang-bieu.docx"}, etag: `"v1"`, hits: map[string]int{}}
	srv := newServer(t, p)
	store := openStore(t)
	c := testCrawler(t, store)
	day := time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)
	c.now = func() time.Time { return day }
	site := &Site{Name: "dead", Start: []string{srv.URL + "/"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/tin-tuc/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	file, article := srv.URL+"/files/phu-luc-45.pdf", srv.URL+"/tin-tuc/ke-hoach-45.html"
	var asked []int
	for night := 0; night <= 45; night++ {
		before := p.hits["/files/phu-luc-45.pdf"]
		if night == 1 {
			p.mu.Lock()
			p.back = []byte("PK\x03\x04 not a whole DOCX")
			p.mu.Unlock()
		}
		rep, err := c.Crawl(context.Background(), site, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if night == 0 && (len(rep.DeadFiles) != 2 || rep.DeadFileCount != 2 || rep.DeadFiles[0].URL != srv.URL+"/files/bang-bieu.docx") {
			t.Fatalf("night 0: dead files %+v; want both", rep.DeadFiles)
		}
		if night == 0 {
			rep.DeadFiles = rep.DeadFiles[1:]
		}
		if p.hits["/files/phu-luc-45.pdf"] > before {
			asked = append(asked, night)
		}
		if len(rep.DeadFiles) != 1 || rep.DeadFiles[0].URL != file || rep.DeadFiles[0].Article != article ||
			rep.DeadFiles[0].Status != http.StatusNotFound || !rep.DeadFiles[0].Since.Equal(time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)) {
			t.Fatalf("night %d: dead files %+v; want the attachment, missing since night 0 (%+v)", night, rep.DeadFiles, rep)
		}
		if night > 0 && rep.NotModified == 0 {
			t.Fatalf("night %d: %+v, want the article answering 304", night, rep)
		}
		day = day.AddDate(0, 0, 1)
	}
	if want := []int{0, 1, 2, 9, 16, 23, 30, 37, 44}; fmt.Sprint(asked) != fmt.Sprint(want) {
		t.Errorf("the dead file asked on nights %v, want %v (missing.go's rule)", asked, want)
	}
	dead, err := DeadFiles(store)
	if err != nil || len(dead) != 1 || dead[0].URL != file || dead[0].Site != "dead" {
		t.Errorf("DeadFiles = %+v, %v; want the attachment", dead, err)
	}
	// The article drops the link: nothing to show any more.
	p.mu.Lock()
	p.files, p.etag = nil, `"v2"`
	p.mu.Unlock()
	rep, err := c.Crawl(context.Background(), site, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.DeadFiles) != 0 {
		t.Errorf("after the link went: dead files %+v, want none", rep.DeadFiles)
	}
	if dead, err := DeadFiles(store); err != nil || len(dead) != 0 {
		t.Errorf("DeadFiles after the link went = %+v, %v; want none", dead, err)
	}
	day = day.AddDate(0, 0, 1)
	if _, err := c.Crawl(context.Background(), site, Limits{}); err != nil {
		t.Fatal(err)
	}
	if _, ok := urlStates(t, store)[file]; ok {
		t.Error("the unlinked dead file's crawl state kept; want it forgotten")
	}
	if d, err := store.Get(corpus.IDForURL(article)); err != nil || d.Gone {
		t.Errorf("the article: %+v %v", d, err)
	}
}

// TestDeadFilesOf: the records of a document's attachments, as the page
// asks for them — the URL as the article stores it or spelled otherwise
// (a fragment, the host's case: the record's key is canonical), keyed by
// the URL as given; a file that answers and a URL never crawled have
// none; an ended context is its error.
func TestDeadFilesOf(t *testing.T) {
	p := &deadFilePortal{files: []string{"/files/phu-luc-45.pdf", "/files/bang-bieu.docx"}, etag: `"v1"`, hits: map[string]int{}, back: []byte("PK\x03\x04 not a whole DOCX")}
	srv := newServer(t, p)
	store := openStore(t)
	c := testCrawler(t, store)
	day := time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)
	c.now = func() time.Time { return day }
	site := &Site{Name: "dead", Start: []string{srv.URL + "/"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/tin-tuc/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Crawl(context.Background(), site, Limits{}); err != nil {
		t.Fatal(err)
	}
	dead, live := srv.URL+"/files/phu-luc-45.pdf", srv.URL+"/files/bang-bieu.docx"
	other := strings.Replace(dead, "http://127.0.0.1", "HTTP://127.0.0.1", 1) + "#trang-2"
	never := srv.URL + "/files/khong-co.pdf"
	got, err := DeadFilesOf(context.Background(), store, []string{dead, live, other, never})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{dead, other} {
		if d, ok := got[u]; !ok || d.URL != dead || d.Status != http.StatusNotFound || !d.Since.Equal(day) || d.Article != srv.URL+"/tin-tuc/ke-hoach-45.html" {
			t.Errorf("%s: %+v, %v; want the record of %s, 404 since %s", u, d, ok, dead, day)
		}
	}
	if len(got) != 2 {
		t.Errorf("records %+v; want only the dead file's, twice", got)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := DeadFilesOf(ctx, store, []string{dead}); !errors.Is(err, context.Canceled) {
		t.Errorf("ended context: %v", err)
	}
}

// TestDeadFileDocumentKept: a file read into a document on one night
// answers 404 the next. Its document is the attachment's only copy and
// its article still links it: it stays a document (not a tombstone),
// listed dead, its archived copy kept (index --reextract reads it
// again); the file answering again clears the mark. When the article
// drops the link, the record goes and the document becomes a tombstone.
func TestDeadFileDocumentKept(t *testing.T) {
	portal := newFilePortal()
	const path = "/files/236-KH-UBND.docx"
	portal.file(path, demoFile(t, "236-KH-UBND.docx"))
	portal.listing = []string{"/tin-tuc/2.html"}
	body := "Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện chương trình hành động của Chính phủ."
	portal.article("/tin-tuc/2.html", "Kế hoạch thực hiện chương trình hành động", body, []string{path})
	srv := httptest.NewServer(portal)
	defer srv.Close()
	store := openStore(t)
	c := fileCrawler(store, t.TempDir(), nil, FileOptions{})
	day := time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)
	c.now = func() time.Time { return day }
	site := filePortalSite(t, srv.URL)
	file := srv.URL + path
	night := func(what string) Report {
		t.Helper()
		rep, err := c.Crawl(context.Background(), site, Limits{})
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		day = day.AddDate(0, 0, 1)
		return rep
	}
	night("night 0")
	read := getDoc(t, store, file)
	if read.Gone || read.Number != "236/KH-UBND" {
		t.Fatalf("the file read: %+v", read)
	}
	check := func(what string, rep Report, dead bool) {
		t.Helper()
		d := getDoc(t, store, file)
		if d.Gone || d.Body != read.Body || d.Number != read.Number || rep.Gone != 0 {
			t.Errorf("%s: the file's document gone %v (report gone %d), want it kept as read", what, d.Gone, rep.Gone)
		}
		if got := rep.DeadFileCount == 1 && rep.DeadFiles[0].URL == file && rep.DeadFiles[0].Status == http.StatusNotFound; got != dead {
			t.Errorf("%s: dead files %+v, want dead %v", what, rep.DeadFiles, dead)
		}
	}
	portal.remove(path)
	check("the file dead", night("night 1"), true)
	if s := urlStates(t, store)[file]; s.WARC == "" || s.DocID != read.ID {
		t.Errorf("the dead file's state %+v: want its document and archived copy kept", s)
	}
	if rep, err := c.Reextract(context.Background(), site); err != nil || rep.Changed != 0 || getDoc(t, store, file).Gone {
		t.Errorf("reextract: %+v %v; want the dead file's document read again from its archived copy, unchanged", rep, err)
	}
	check("the file still dead", night("night 2"), true)
	portal.file(path, demoFile(t, "236-KH-UBND.docx"))
	check("the file back", night("night 3"), false)
	portal.remove(path)
	check("dead again", night("night 4"), true)
	// The article no longer links it: nothing keeps the document.
	portal.article("/tin-tuc/2.html", "Kế hoạch thực hiện chương trình hành động", body, nil)
	rep := night("night 5")
	if d := getDoc(t, store, file); !d.Gone || rep.Gone != 1 || rep.DeadFileCount != 0 {
		t.Errorf("the link dropped: gone %v, report %+v; want the file's document a tombstone, no dead file", d.Gone, rep)
	}
}
