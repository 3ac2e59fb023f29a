package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// TestCrawlDelayFromFirstRequest: a robots.txt Crawl-delay spaces every
// request to the host, the ones right after robots.txt too (the sitemap
// it names, the first page), not only those after the first page.
func TestCrawlDelayFromFirstRequest(t *testing.T) {
	var srvURL string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprintf(w, "User-agent: *\nCrawl-delay: 0.2\nSitemap: %s/sitemap.xml\n", srvURL)
		case "/sitemap.xml":
			fmt.Fprintf(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%s/bai/1</loc></url></urlset>`, srvURL)
		case "/tin-tuc":
			fmt.Fprint(w, `<html><body><a href="/bai/2">Bài 2</a></body></html>`)
		default:
			fmt.Fprint(w, page("Thông báo "+r.URL.Path, "Ủy ban nhân dân tỉnh thông báo lịch tiếp công dân định kỳ tháng 12."))
		}
	}))
	defer srv.Close()
	srvURL = srv.URL
	store := openStore(t)
	c := testCrawler(t, store)
	var mu sync.Mutex
	var claims []time.Time
	c.gate.onClaim = func(_ string, at time.Time) { mu.Lock(); claims = append(claims, at); mu.Unlock() }
	site := &Site{Name: "cd", Start: []string{srv.URL + "/tin-tuc"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/bai/`}, Concurrency: 2}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	if rep, err := c.Crawl(context.Background(), site, Limits{}); err != nil || rep.New != 2 {
		t.Fatalf("crawl: %+v, %v", rep, err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(claims) < 5 { // robots.txt, sitemap, listing, two articles
		t.Fatalf("%d requests, want 5", len(claims))
	}
	for i := 1; i < len(claims); i++ {
		if gap := claims[i].Sub(claims[i-1]); gap < 200*time.Millisecond {
			t.Errorf("requests %d and %d started %v apart, want ≥ 200ms (Crawl-delay: 0.2)", i-1, i, gap)
		}
	}
}
