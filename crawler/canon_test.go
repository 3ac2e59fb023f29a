package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/vanban/vanban/corpus"
)

func TestCanonicalURL(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://sotp.hanoi.gov.vn/tin-tuc/ke-hoach-12.html?utm_source=facebook&utm_medium=social", "https://sotp.hanoi.gov.vn/tin-tuc/ke-hoach-12.html"},
		{"https://a.gov.vn/vbpq.aspx?ItemID=96122&fbclid=IwAR0abc", "https://a.gov.vn/vbpq.aspx?ItemID=96122"},
		{"https://a.gov.vn/vbpq.aspx?zarsrc=30&ItemID=5&Keyword=", "https://a.gov.vn/vbpq.aspx?ItemID=5&Keyword="},
		{"HTTPS://WWW.Binhduong.GOV.vn:443/Lists/TinTucSuKien/TongQuat.aspx?PageIndex=2#top", "https://www.binhduong.gov.vn/Lists/TinTucSuKien/TongQuat.aspx?PageIndex=2"},
		{"http://a.gov.vn:80/x?", "http://a.gov.vn/x"},
		{"http://a.gov.vn:8080/x?b=2&a=1", "http://a.gov.vn:8080/x?b=2&a=1"},
		{"https://a.gov.vn/tim-kiem?q=utm_source", "https://a.gov.vn/tim-kiem?q=utm_source"},
	} {
		if got := canonicalURL(c.in); got != c.want {
			t.Errorf("canonicalURL(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestTrackingDuplicates: a listing linking an article once plainly and
// once with the tracking parameters of a social share stores one document,
// fetched once.
func TestTrackingDuplicates(t *testing.T) {
	var mu sync.Mutex
	hits := map[string]int{}
	notFound := 0 // robots.txt aside
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.RequestURI()]++
		if r.URL.Path != "/tin-tuc" && r.URL.Path != "/robots.txt" && !strings.HasPrefix(r.URL.Path, "/bai/") {
			notFound++
		}
		mu.Unlock()
		switch r.URL.Path {
		case "/tin-tuc":
			fmt.Fprint(w, `<html><body><a href="/bai/1-ke-hoach.html">Kế hoạch</a> <a href="/bai/1-ke-hoach.html?utm_source=zalo&amp;utm_campaign=chia-se">Chia sẻ</a> <a href="/bai/2-thong-bao.html?fbclid=IwAR0x">Thông báo</a></body></html>`)
		case "/bai/1-ke-hoach.html", "/bai/2-thong-bao.html":
			fmt.Fprint(w, page("Kế hoạch triển khai "+r.URL.Path, "Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai chuyển đổi số năm 2026."))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	site := &Site{Name: "dup", Start: []string{srv.URL + "/tin-tuc"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/bai/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	rep, err := c.Crawl(context.Background(), site, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.New != 2 {
		t.Errorf("%d new documents, want 2 (one per article)", rep.New)
	}
	for _, p := range []string{"/bai/1-ke-hoach.html", "/bai/2-thong-bao.html"} {
		if _, err := store.Get(corpus.IDForURL(srv.URL + p)); err != nil {
			t.Errorf("%s not stored under its plain URL: %v", p, err)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if rep.NotFound != notFound || notFound == 0 {
		t.Errorf("not_found %d, want %d (the menu's dead links)", rep.NotFound, notFound)
	}
	for u, n := range hits {
		if strings.HasPrefix(u, "/bai/") && (n > 1 || strings.Contains(u, "?")) {
			t.Errorf("%s fetched %d times", u, n)
		}
	}
}

// TestRetireTrackingDuplicates: a store written before URLs were made
// canonical holds a page under its shared URL (?utm_source=…), and a
// frontier left by a killed run holds such URLs too. The next run retires
// that document for the canonical one and leaves no stale frontier entry
// (which would make every later run "resume").
func TestRetireTrackingDuplicates(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/tin-tuc":
			fmt.Fprint(w, `<html><body><a href="/bai/1-ke-hoach.html">Kế hoạch</a></body></html>`)
		case "/bai/1-ke-hoach.html", "/bai/2-thong-bao.html":
			fmt.Fprint(w, page("Kế hoạch triển khai "+r.URL.Path, "Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai chuyển đổi số năm 2026."))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	store := openStore(t)
	old := srv.URL + "/bai/1-ke-hoach.html?utm_source=zalo"
	queued := srv.URL + "/bai/2-thong-bao.html?fbclid=IwAR0x"
	if _, err := store.Put(&corpus.Document{URL: old, Site: "dup", Title: "Kế hoạch triển khai", Body: "Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai chuyển đổi số năm 2026."}); err != nil {
		t.Fatal(err)
	}
	err := store.ApplyKV([]corpus.KVOp{
		{NS: nsURL, Key: old, Value: []byte(`{"doc":"` + corpus.IDForURL(old) + `","run":"x"}`)},
		{NS: nsFrontier, Key: frontierKey("dup", queued), Value: []byte(`{"t":"Thông báo"}`)},
		{NS: nsRun, Key: "dup", Value: []byte("2026-12-01T02:00:00Z")},
	})
	if err != nil {
		t.Fatal(err)
	}
	c := testCrawler(t, store)
	site := &Site{Name: "dup", Start: []string{srv.URL + "/tin-tuc"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/bai/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	for run := 1; run <= 2; run++ { // the resumed run, then a new one
		if _, err := c.Crawl(context.Background(), site, Limits{}); err != nil {
			t.Fatal(err)
		}
	}
	if d, err := store.Get(corpus.IDForURL(old)); err == nil && !d.Gone {
		t.Errorf("the document of %s is still live", old)
	}
	for _, u := range []string{srv.URL + "/bai/1-ke-hoach.html", srv.URL + "/bai/2-thong-bao.html"} {
		if d, err := store.Get(corpus.IDForURL(u)); err != nil || d.Gone {
			t.Errorf("%s not stored: %v", u, err)
		}
	}
	states := urlStates(t, store)
	for u := range states {
		if canonicalURL(u) != u {
			t.Errorf("crawl state kept for %s", u)
		}
	}
	err = store.ForEachKV(nsFrontier, func(k string, _ []byte) error {
		t.Errorf("frontier entry left: %q", k)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// FuzzCanonicalURL: canonical URLs are fixed points, keep no tracking
// parameter, and keep the path as it was.
func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{
		"https://www.binhduong.gov.vn/tin-kinh-te/2025/06/123-ke-hoach?utm_source=facebook&utm_medium=social",
		"HTTP://A.gov.vn:80/TW/Pages/vbpq-toanvan.aspx?ItemID=96122&Keyword=&fbclid=IwAR0#top",
		"https://a.gov.vn/x?&&utm_=1&a=b&a=c&ZARSRC=30",
		"http://[::1]:80/a?b",
		"mailto:vanthu@binhduong.gov.vn",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		c := canonicalURL(raw)
		if cc := canonicalURL(c); cc != c {
			t.Fatalf("canonicalURL(%q) = %q, and again %q", raw, c, cc)
		}
		u, err := url.Parse(c)
		if err != nil || c == raw {
			return
		}
		for k := range u.Query() {
			if k = strings.ToLower(k); strings.HasPrefix(k, "utm_") || trackingParams[k] {
				t.Fatalf("canonicalURL(%q) = %q keeps %s", raw, c, k)
			}
		}
		if o, err := url.Parse(raw); err == nil && o.EscapedPath() != u.EscapedPath() {
			t.Fatalf("canonicalURL(%q) = %q changed the path", raw, c)
		}
	})
}

// TestRetireKeepsSameIDDocument: a store written before URLs were made
// canonical may hold a page's crawl state under a spelling that names the
// same document (a fragment, a host in upper case, a default port) beside
// its canonical state. Retiring the spelling must not make that document
// a tombstone: its canonical URL answers 304 and nothing would revive it.
func TestRetireKeepsSameIDDocument(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/tin-tuc":
			fmt.Fprint(w, `<html><body><a href="/bai/1-ke-hoach.html">Kế hoạch</a></body></html>`)
		case "/bai/1-ke-hoach.html":
			w.Header().Set("ETag", `"v1"`)
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			fmt.Fprint(w, page("Kế hoạch triển khai chuyển đổi số", "Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai chuyển đổi số năm 2026."))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	site := &Site{Name: "dup", Start: []string{srv.URL + "/tin-tuc"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/bai/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Crawl(context.Background(), site, Limits{}); err != nil {
		t.Fatal(err)
	}
	plain := srv.URL + "/bai/1-ke-hoach.html"
	legacy := plain + "#noi-dung"
	id := corpus.IDForURL(plain)
	if corpus.IDForURL(legacy) != id {
		t.Fatalf("test premise: %s and %s name different documents", legacy, plain)
	}
	if err := store.PutKV(nsURL, legacy, []byte(`{"doc":"`+id+`","run":"x"}`)); err != nil {
		t.Fatal(err)
	}
	rep, err := c.Crawl(context.Background(), site, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Gone != 0 {
		t.Errorf("gone %d, want 0 (no document was removed)", rep.Gone)
	}
	if d, err := store.Get(id); err != nil || d.Gone {
		t.Errorf("%s: document retired with its legacy spelling %s (err %v)", plain, legacy, err)
	}
	if _, ok := urlStates(t, store)[legacy]; ok {
		t.Errorf("crawl state kept for %s", legacy)
	}
}
