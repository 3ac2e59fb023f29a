package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// TestRedirectTargetConditional: a portal that moved its pages (every old
// URL a 301 to the new one, as after a move to https or a new CMS) must
// not cost a full download of every page every night: the redirect's
// target is asked with the validators the crawler holds for it.
func TestRedirectTargetConditional(t *testing.T) {
	var mu sync.Mutex
	full := map[string]int{} // path → 200 answers
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch p := r.URL.Path; p {
		case "/tin-tuc":
			fmt.Fprint(w, `<html><body><a href="/cu/bai-1.html">Bài 1 (đường dẫn cũ)</a> <a href="/moi/bai-1.html">Bài 1</a></body></html>`)
		case "/cu/bai-1.html":
			http.Redirect(w, r, "/moi/bai-1.html", http.StatusMovedPermanently)
		case "/moi/bai-1.html":
			w.Header().Set("ETag", `"v1"`)
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			mu.Lock()
			full[p]++
			mu.Unlock()
			fmt.Fprint(w, page("Kế hoạch số 45/KH-UBND", "Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai Nghị quyết số 57-NQ/TW."))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	site := &Site{Name: "moved", Start: []string{srv.URL + "/tin-tuc"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/(cu|moi)/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Crawl(context.Background(), site, Limits{}); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	first := full["/moi/bai-1.html"]
	mu.Unlock()
	for run := 2; run <= 3; run++ {
		rep, err := c.Crawl(context.Background(), site, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Fetched > 1 || rep.NotModified < 2 { // the listing, and the article by both URLs
			t.Errorf("run %d: %+v, want the article not modified by both its URLs", run, rep)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if n := full["/moi/bai-1.html"]; n != first {
		t.Errorf("the moved page was downloaded in full %d times after the first run, want 0", n-first)
	}
}

// TestRedirectOnlyOldURLConditional: a page the portal links only by its
// old address (a listing not updated after a move, an old sitemap) must
// not be downloaded in full every night either: the target has no state
// of its own, and the old URL's state holds the validators its last
// answer came with, from the same target.
func TestRedirectOnlyOldURLConditional(t *testing.T) {
	var mu sync.Mutex
	full := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/tin-tuc":
			fmt.Fprint(w, `<html><body><a href="/cu/bai-7.html">Bài 7</a></body></html>`)
		case "/cu/bai-7.html":
			http.Redirect(w, r, "/moi/bai-7.html", http.StatusMovedPermanently)
		case "/moi/bai-7.html":
			w.Header().Set("Last-Modified", "Mon, 02 Jun 2025 08:00:00 GMT")
			if r.Header.Get("If-Modified-Since") == "Mon, 02 Jun 2025 08:00:00 GMT" {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			mu.Lock()
			full++
			mu.Unlock()
			fmt.Fprint(w, page("Quyết định số 12/QĐ-UBND", "Phê duyệt danh mục dự án đầu tư công trung hạn giai đoạn 2026-2030 của tỉnh."))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	site := &Site{Name: "moved", Start: []string{srv.URL + "/tin-tuc"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/(cu|moi)/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Crawl(context.Background(), site, Limits{}); err != nil {
		t.Fatal(err)
	}
	for run := 2; run <= 3; run++ {
		rep, err := c.Crawl(context.Background(), site, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if rep.NotModified != 1 {
			t.Errorf("run %d: %+v, want the moved article not modified", run, rep)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if full != 1 {
		t.Errorf("the moved page was downloaded in full %d times in 3 runs, want 1", full)
	}
	if d, err := store.Get(corpus.IDForURL(srv.URL + "/moi/bai-7.html")); err != nil || d.Gone {
		t.Errorf("the moved article's document: %v %v", d, err)
	}
}
