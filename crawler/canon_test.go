package crawler

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/vanban/vanban/corpus"
)

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
	// The ID store format 5 gave the page of a tracking URL (the
	// parameters kept); the upgrade to format 6 moves such a document
	// to its canonical URL's ID (corpus/urlids.go), a store it did not
	// pass through (a copy, a salvage) may hold it still.
	sum := sha256.Sum256([]byte(old))
	oldID := hex.EncodeToString(sum[:8])
	if _, err := store.Put(&corpus.Document{ID: oldID, URL: old, Site: "dup", Title: "Kế hoạch triển khai", Body: "Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai chuyển đổi số năm 2026."}); err != nil {
		t.Fatal(err)
	}
	err := store.ApplyKV([]corpus.KVOp{
		{NS: nsURL, Key: old, Value: []byte(`{"doc":"` + oldID + `","run":"x"}`)},
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
	if d, err := store.Get(oldID); err == nil && !d.Gone {
		t.Errorf("the document of %s is still live", old)
	}
	for _, u := range []string{srv.URL + "/bai/1-ke-hoach.html", srv.URL + "/bai/2-thong-bao.html"} {
		if d, err := store.Get(corpus.IDForURL(u)); err != nil || d.Gone {
			t.Errorf("%s not stored: %v", u, err)
		}
	}
	states := urlStates(t, store)
	for u := range states {
		if corpus.CanonicalURL(u) != u {
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
