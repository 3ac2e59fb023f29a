package app

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// TestDocPageMarksDeadAttachment: a portal's article links two files, one
// answering 404 (dead: the crawler records it) and one answering 500 (a
// transient failure: not dead); a second article links none. After a
// crawl, the document page served by the web handler over the on-disk
// store marks the dead file only, its link kept; /api/documents/{id}
// lists it in dead_attachments; the other article's page and JSON have
// no mark; `vanban stats` counts it (text and JSON).
func TestDocPageMarksDeadAttachment(t *testing.T) {
	data := t.TempDir()
	mux := http.NewServeMux()
	page := func(title, body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title></head><body><div class="content-detail"><h1>%s</h1><p class="date">Ngày đăng: 02/06/2025</p>%s</div></body></html>`, title, title, body)
		}
	}
	mux.HandleFunc("/tin-tuc/ke-hoach-72.html", page("Kế hoạch số 72/KH-UBND", `<p>Ủy ban nhân dân huyện ban hành kế hoạch tổ chức ngày hội đọc sách năm 2026; biểu mẫu và phụ lục kèm theo.</p><p><a href="/tin-tuc/thong-bao-9.html">Thông báo</a></p><div class="attachments"><b>Tệp đính kèm</b> <a href="/files/phu-luc-72.pdf">Phụ lục</a> <a href="/files/bieu-mau-72.pdf">Biểu mẫu</a></div>`))
	mux.HandleFunc("/tin-tuc/thong-bao-9.html", page("Thông báo số 9/TB-UBND", `<p>Thông báo lịch tiếp công dân định kỳ của Chủ tịch Ủy ban nhân dân huyện trong tháng 7 năm 2026.</p>`))
	mux.HandleFunc("/files/bieu-mau-72.pdf", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "tạm thời không phục vụ", http.StatusInternalServerError)
	})
	srv := httptest.NewServer(mux) // /files/phu-luc-72.pdf: the mux's 404
	defer srv.Close()
	article, other := srv.URL+"/tin-tuc/ke-hoach-72.html", srv.URL+"/tin-tuc/thong-bao-9.html"
	dead, failing := srv.URL+"/files/phu-luc-72.pdf", srv.URL+"/files/bieu-mau-72.pdf"
	cfg := writeSiteConfig(t, "dongan", article, srv.URL, `/tin-tuc/`)
	// the 500 fails the run (exit 1): that failure, and none other, is expected
	if _, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}}); err == nil || err.Error() != "1 pages failed" || !strings.Contains(stderr, "1 dead attachments still linked") {
		t.Fatalf("crawl: %v, want 1 pages failed (the 500) and 1 dead attachment\n%s", err, stderr)
	}
	if _, stderr, err := call(t, data, RunIndex, IndexOptions{}); err != nil {
		t.Fatalf("index: %v\n%s", err, stderr)
	}

	out, _, err := call(t, data, RunStats, StatsOptions{})
	if err != nil || !strings.Contains(out, "dead attachments 1,") {
		t.Errorf("stats: %v, no dead attachment counted:\n%s", err, out)
	}
	out, _, err = call(t, data, RunStats, StatsOptions{JSON: true})
	var st stats
	if err == nil {
		err = json.Unmarshal([]byte(out), &st)
	}
	if err != nil || st.DeadAttachments != 1 {
		t.Errorf("stats --json: %v, dead_attachments %d; want 1\n%s", err, st.DeadAttachments, out)
	}

	store, ix, err := openData(context.Background(), &Env{Data: data}, true)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	defer ix.Close()
	web := httptest.NewServer(searchHandler(&Env{Data: data, Stderr: io.Discard}, store, ix, DefaultRequestTimeout, nil, nil))
	defer web.Close()
	id, otherID := corpus.IDForURL(article), corpus.IDForURL(other)

	var api struct {
		Attachments []string `json:"attachments"`
		Dead        []struct {
			URL, Since string
			Status     int
		} `json:"dead_attachments"`
	}
	if err := json.Unmarshal([]byte(httpBody(t, web.URL+"/api/documents/"+id)), &api); err != nil {
		t.Fatal(err)
	}
	if len(api.Attachments) != 2 || len(api.Dead) != 1 || api.Dead[0].URL != dead || api.Dead[0].Status != 404 || len(api.Dead[0].Since) < 10 {
		t.Fatalf("/api/documents: attachments %v, dead_attachments %+v; want %s, 404, since a date", api.Attachments, api.Dead, dead)
	}
	since := api.Dead[0].Since[8:10] + "/" + api.Dead[0].Since[5:7] + "/" + api.Dead[0].Since[:4]

	body := httpBody(t, web.URL+"/doc/"+id)
	note := "Tệp đính kèm không còn truy cập được (404) từ " + since
	if n := strings.Count(body, "không còn truy cập được"); n != 1 {
		t.Errorf("the page marks %d attachments dead; want 1 (%s)", n, dead)
	}
	// the note follows the dead file's own link, which is kept
	if !strings.Contains(body, `<a href="`+html.EscapeString(dead)+`" rel="noopener noreferrer">`) ||
		!regexp.MustCompile(regexp.QuoteMeta(html.EscapeString(dead))+`"[^<]*>[^<]*</a> <span class="dead">`+regexp.QuoteMeta(note)+`</span>`).MatchString(body) {
		t.Errorf("the page lacks the dead file's link followed by %q", note)
	}
	if !strings.Contains(body, `href="`+html.EscapeString(failing)+`"`) {
		t.Errorf("the page lacks the failing (not dead) file's link")
	}
	if body := httpBody(t, web.URL+"/doc/"+otherID); strings.Contains(body, "không còn truy cập được") {
		t.Error("an article without dead attachments shows the mark")
	}
	if body := httpBody(t, web.URL+"/api/documents/"+otherID); strings.Contains(body, "dead_attachments") {
		t.Error("an article without dead attachments lists dead_attachments")
	}
}

// TestDeadFileDocumentPage: a file read into a document on the first
// crawl answers 404 on the second. Its document stays (searchable, its
// page served) and its page says since when its file is dead, after the
// source link; /api/documents/{id} gives the record as dead; the
// article's page marks the attachment as before.
func TestDeadFileDocumentPage(t *testing.T) {
	docx, err := os.ReadFile(filepath.Join(demoFiles, "236-KH-UBND.docx"))
	if err != nil {
		t.Fatal(err)
	}
	data := t.TempDir()
	var mu sync.Mutex
	up := true
	mux := http.NewServeMux()
	mux.HandleFunc("/tin-tuc/ke-hoach-236.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Kế hoạch thực hiện chương trình hành động</title></head><body><div class="content-detail"><h1>Kế hoạch thực hiện chương trình hành động</h1><p class="date">Ngày đăng: 02/06/2025</p><p>Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện chương trình hành động của Chính phủ; toàn văn kèm theo.</p><div class="attachments"><b>Tệp đính kèm</b> <a href="/files/236-KH-UBND.docx">Kế hoạch</a></div></div></body></html>`)
	})
	mux.HandleFunc("/files/236-KH-UBND.docx", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if !up {
			http.NotFound(w, r)
			return
		}
		w.Write(docx)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	article, file := srv.URL+"/tin-tuc/ke-hoach-236.html", srv.URL+"/files/236-KH-UBND.docx"
	cfg := writeSiteConfig(t, "phuan", article, srv.URL, `/tin-tuc/`)
	if _, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}}); err != nil {
		t.Fatalf("crawl: %v\n%s", err, stderr)
	}
	mu.Lock()
	up = false
	mu.Unlock()
	if _, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}}); err != nil || !strings.Contains(stderr, "1 dead attachments still linked") {
		t.Fatalf("second crawl: %v, want 1 dead attachment\n%s", err, stderr)
	}
	if _, stderr, err := call(t, data, RunIndex, IndexOptions{}); err != nil {
		t.Fatalf("index: %v\n%s", err, stderr)
	}
	out, _, err := call(t, data, RunSearch, SearchOptions{Query: "236/KH-UBND"})
	if err != nil || !strings.Contains(out, "236-KH-UBND.docx") {
		t.Errorf("search 236/KH-UBND: %v, the dead file's document not found:\n%s", err, out)
	}
	store, ix, err := openData(context.Background(), &Env{Data: data}, true)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	defer ix.Close()
	web := httptest.NewServer(searchHandler(&Env{Data: data, Stderr: io.Discard}, store, ix, DefaultRequestTimeout, nil, nil))
	defer web.Close()
	fileID := corpus.IDForURL(file)
	var api struct {
		Number string `json:"number"`
		Gone   bool   `json:"gone"`
		Dead   *struct {
			URL, Since string
			Status     int
		} `json:"dead"`
	}
	if err := json.Unmarshal([]byte(httpBody(t, web.URL+"/api/documents/"+fileID)), &api); err != nil {
		t.Fatal(err)
	}
	if api.Gone || api.Number != "236/KH-UBND" || api.Dead == nil || api.Dead.URL != file || api.Dead.Status != 404 || len(api.Dead.Since) < 10 {
		t.Fatalf("/api/documents/%s: %+v (dead %+v); want the file's document, live, dead 404 since a date", fileID, api, api.Dead)
	}
	since := api.Dead.Since[8:10] + "/" + api.Dead.Since[5:7] + "/" + api.Dead.Since[:4]
	body := httpBody(t, web.URL+"/doc/"+fileID)
	note := "Tệp đính kèm không còn truy cập được (404) từ " + since
	if !regexp.MustCompile(regexp.QuoteMeta(html.EscapeString(file)) + `</a> <span class="dead">` + regexp.QuoteMeta(note) + `</span>`).MatchString(body) {
		t.Errorf("the file's page lacks its source link followed by %q", note)
	}
	if body := httpBody(t, web.URL+"/doc/"+corpus.IDForURL(article)); strings.Count(body, "không còn truy cập được") != 1 {
		t.Error("the article's page does not mark its dead attachment once")
	}
}
