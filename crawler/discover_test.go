package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
)

func newServer(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func siteFor(t *testing.T, base, article string) *Site {
	t.Helper()
	s := &Site{Name: "t", Start: []string{base + "/"}, Allow: []string{"^" + base + "/"}, Article: []string{article}, Concurrency: 2}
	if err := s.compile(); err != nil {
		t.Fatal(err)
	}
	return s
}

func articleHTML(n int) string {
	return page(fmt.Sprintf("Thông báo số %d về công tác cải cách hành chính", n),
		fmt.Sprintf("Ủy ban nhân dân tỉnh thông báo kết quả thực hiện nhiệm vụ số %d trong quý.", n))
}

// TestFeeds discovers articles only through feeds: an RSS feed announced
// by <link rel="alternate">, an Atom feed named in the config and an RSS
// feed named as a sitemap in robots.txt.
func TestFeeds(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "User-agent: *\nAllow: /\nSitemap: http://%s/sitemap-news.xml\n", r.Host)
	})
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><head><title>Cổng</title><link rel="alternate" type="application/rss+xml" title="Tin mới" href="/rss/tin-moi.rss"><link rel="alternate" hreflang="en" href="/en"></head><body><p>Trang chủ</p></body></html>`)
	})
	mux.HandleFunc("/rss/tin-moi.rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Tin mới</title><link>http://%[1]s/</link>
<item><title>Bài 1</title><link>http://%[1]s/bai/1</link></item><item><title>Bài 2</title><link> http://%[1]s/bai/2 </link></item></channel></rss>`, r.Host)
	})
	mux.HandleFunc("/feeds/atom.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Văn bản</title><link rel="self" href="http://%[1]s/feeds/atom.xml"/>
<entry><title>Bài 3</title><link rel="alternate" href="http://%[1]s/bai/3"/><link rel="enclosure" href="http://%[1]s/files/3.pdf"/></entry><entry><title>Bài 4</title><link href="http://%[1]s/bai/4"/></entry></feed>`, r.Host)
	})
	mux.HandleFunc("/sitemap-news.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/xml")
		fmt.Fprintf(w, `<rss version="2.0"><channel><item><link>http://%s/bai/5</link></item></channel></rss>`, r.Host)
	})
	mux.HandleFunc("/bai/{n}", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.PathValue("n"))
		fmt.Fprint(w, articleHTML(n))
	})
	srv := newServer(t, mux)
	cfg := siteFor(t, srv.URL, `/bai/\d+$`)
	cfg.Feeds = []string{srv.URL + "/feeds/atom.xml"}
	store := openStore(t)
	rep, err := testCrawler(t, store).Crawl(context.Background(), cfg, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.New != 5 || rep.Failed != 0 {
		t.Errorf("feeds: %+v, want the 5 articles of the 3 feeds", rep)
	}
	for n := 1; n <= 5; n++ {
		if _, err := store.Get(corpus.IDForURL(fmt.Sprintf("%s/bai/%d", srv.URL, n))); err != nil {
			t.Errorf("article %d not found through a feed: %v", n, err)
		}
	}
}

func TestParseSitemap(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
		index    bool
	}{
		{"urlset", `<urlset><url><loc> http://a/1 </loc></url><url><loc>http://a/2</loc></url></urlset>`, []string{"http://a/1", "http://a/2"}, false},
		{"index", `<sitemapindex><sitemap><loc>http://a/s1.xml</loc></sitemap></sitemapindex>`, []string{"http://a/s1.xml"}, true},
		{"rss", `<?xml version="1.0" encoding="windows-1258"?><rss><channel><link>http://a/</link><item><link>http://a/x</link><guid>http://a/g</guid></item></channel></rss>`, []string{"http://a/x"}, false},
		{"atom", `<feed><link href="http://a/"/><entry><link rel="edit" href="http://a/e"/><link href="http://a/y"/></entry></feed>`, []string{"http://a/y"}, false},
		{"broken", `<rss><channel><item><link>http://a/z</link></item><item><link>http://a/`, []string{"http://a/z"}, false},
	}
	for _, tt := range tests {
		got, idx := parseSitemap([]byte(tt.in))
		if fmt.Sprint(got) != fmt.Sprint(tt.want) || idx != tt.index {
			t.Errorf("%s: parseSitemap = %q, %v, want %q, %v", tt.name, got, idx, tt.want, tt.index)
		}
	}
}

// TestPagedListing follows a listing of 8 pages (?pageindex=N, "Trang
// sau") to every article.
func TestPagedListing(t *testing.T) {
	const pages, perPage = 8, 3
	var mu sync.Mutex
	hits := map[string]int{}
	mux := http.NewServeMux()
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><body><a href="/lists/tintuc/tongquat.aspx?pageindex=1">Tin tức</a></body></html>`)
	})
	mux.HandleFunc("/lists/tintuc/tongquat.aspx", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.RequestURI()]++
		mu.Unlock()
		n, err := strconv.Atoi(r.URL.Query().Get("pageindex"))
		if err != nil || n < 1 || n > pages {
			http.NotFound(w, r)
			return
		}
		var b strings.Builder
		b.WriteString(`<html><body><table class="list">`)
		for i := range perPage {
			id := (n-1)*perPage + i + 1
			fmt.Fprintf(&b, `<tr><td><a href="/tin-tuc/2024/05/%d-thong-bao">Thông báo %d</a></td><td>6/30/2025 10:00 AM</td></tr>`, id, id)
		}
		b.WriteString(`</table><div class="paging">`)
		if n > 1 {
			fmt.Fprintf(&b, `<a href="?pageindex=%d">Trang trước</a> `, n-1)
		}
		for p := max(1, n-2); p <= min(pages, n+2); p++ {
			fmt.Fprintf(&b, `<a href="tongquat.aspx?pageindex=%d">%d</a> `, p, p)
		}
		if n < pages {
			fmt.Fprintf(&b, `<a href="/lists/tintuc/tongquat.aspx?pageindex=%d" title="Trang sau">Trang sau &raquo;</a>`, n+1)
		}
		b.WriteString(`</div></body></html>`)
		fmt.Fprint(w, b.String())
	})
	mux.HandleFunc("/tin-tuc/2024/05/{slug}", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(strings.TrimSuffix(r.PathValue("slug"), "-thong-bao"))
		fmt.Fprint(w, articleHTML(n))
	})
	srv := newServer(t, mux)
	cfg := siteFor(t, srv.URL, `/tin-tuc/\d{4}/\d{2}/\d+-`)
	rep, err := testCrawler(t, openStore(t)).Crawl(context.Background(), cfg, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.New != pages*perPage || rep.Failed != 0 {
		t.Errorf("paged listing: %+v, want %d new", rep, pages*perPage)
	}
	mu.Lock()
	defer mu.Unlock()
	for p := 1; p <= pages; p++ {
		if n := hits[fmt.Sprintf("/lists/tintuc/tongquat.aspx?pageindex=%d", p)]; n != 1 {
			t.Errorf("listing page %d fetched %d times, want 1", p, n)
		}
	}
}

// TestDeadline stops dequeuing at the deadline, lets in-flight pages
// finish, keeps the rest in the frontier and finishes on the next run.
// The crawler's clock passes the deadline once three articles are stored
// (a wall-clock deadline made the split depend on the machine's load: a
// busy machine stored nothing before it, a fast one everything).
func TestDeadline(t *testing.T) {
	site := newTestSite()
	site.flaky = 0
	site.slow = 40 * time.Millisecond // pages overlap: some are in flight at the deadline
	srv := newServer(t, site)
	store := openStore(t)
	cfg := testSiteConfig(t, srv.URL)
	cfg.Delay.Duration = 0

	deadline := time.Date(2025, 3, 12, 8, 0, 0, 0, time.UTC)
	var past atomic.Bool
	var after atomic.Int64 // pages finished once the deadline had passed
	c := testCrawler(t, store)
	c.now = func() time.Time {
		if past.Load() {
			return deadline.Add(time.Second)
		}
		return deadline.Add(-time.Hour)
	}
	c.OnProgress = func(rep Report) {
		if past.Load() {
			after.Add(1)
		} else if rep.New >= 3 {
			past.Store(true)
		}
	}
	rep, err := c.Crawl(context.Background(), cfg, Limits{Deadline: deadline})
	if err != nil {
		t.Fatal(err)
	}
	// the worker that passed the deadline stops; each other worker
	// finishes the page it holds and stops
	if n := after.Load(); n > int64(cfg.Concurrency-1) {
		t.Errorf("%d pages finished after the deadline with %d workers: dequeuing went on", n, cfg.Concurrency)
	}
	if rep.Pending == 0 || rep.Failed != 0 || rep.New == 0 {
		t.Fatalf("at the deadline: %+v, want some stored, some pending, none failed", rep)
	}
	frontier := 0
	store.ForEachKV(nsFrontier, func(string, []byte) error { frontier++; return nil })
	if frontier != rep.Pending {
		t.Errorf("frontier holds %d URLs, report says %d pending: in-flight pages were not drained", frontier, rep.Pending)
	}
	rep2, err := testCrawler(t, store).Crawl(context.Background(), cfg, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if rep2.Pending != 0 || rep.New+rep2.New != 16 || rep2.Failed != 0 {
		t.Errorf("rerun: %+v after %+v: want all 16 stored, none pending", rep2, rep)
	}
	site.mu.Lock()
	defer site.mu.Unlock()
	for path, n := range site.hits {
		if strings.HasPrefix(path, "/tin-tuc/2024/") && path != "/tin-tuc/2024/05/1-bai-viet" && n != 1 {
			t.Errorf("%s fetched %d times across the interrupted run, want 1", path, n)
		}
	}
}
