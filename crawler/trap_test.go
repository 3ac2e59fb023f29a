package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/vanban/vanban/corpus"
)

func TestURLShape(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"https://a.gov.vn/lich?thang=2026-12", "https://a.gov.vn/lich?thang=2027-01"},
		{"https://a.gov.vn/tin-tuc?page=2", "https://a.gov.vn/tin-tuc?page=13"},
		{"https://a.gov.vn/lich-cong-tac/2026/12", "https://a.gov.vn/lich-cong-tac/2031/7"},
		{"https://a.gov.vn/l.aspx?d=1&m=2", "https://A.gov.vn/l.aspx?m=3&d=9"},
	} {
		if urlShape(c.a) != urlShape(c.b) {
			t.Errorf("shape %q = %q, %q = %q: want one shape", c.a, urlShape(c.a), c.b, urlShape(c.b))
		}
	}
	for _, c := range []struct{ a, b string }{
		{"https://a.gov.vn/tin-tuc?page=2", "https://a.gov.vn/tin-tuc/2025/06/123-ke-hoach-chuyen-doi-so"},
		{"https://a.gov.vn/van-ban/quyet-dinh-15.html", "https://a.gov.vn/van-ban/ke-hoach-45.html"},
		{"https://a.gov.vn/lich?thang=1", "https://a.gov.vn/lich?tuan=1"},
	} {
		if urlShape(c.a) == urlShape(c.b) {
			t.Errorf("%q and %q share the shape %q: want two", c.a, c.b, urlShape(c.a))
		}
	}
}

// trapSite has a listing paged with ?page=N (two articles a page, pages
// 1–pages), a calendar whose every month links the next and the previous
// one, without end, and the menu on every page.
type trapSite struct {
	mu    sync.Mutex
	pages int
	icons bool           // the calendar's links are icons, without text
	hits  map[string]int // path?query → requests
}

func (s *trapSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.RequestURI()]++
	s.mu.Unlock()
	menu := `<nav><a href="/tin-tuc?page=1">Tin tức</a> <a href="/lich?thang=2026-12">Lịch công tác</a></nav>`
	switch {
	case r.URL.Path == "/robots.txt":
		http.NotFound(w, r)
	case r.URL.Path == "/tin-tuc":
		n, _ := strconv.Atoi(r.URL.Query().Get("page"))
		n = max(n, 1)
		var b strings.Builder
		for i := 2*n - 1; i <= 2*n; i++ {
			fmt.Fprintf(&b, `<li><a href="/bai/%d-thong-bao">Thông báo số %d</a></li>`, i, i)
		}
		if n < s.pages {
			fmt.Fprintf(&b, `<a href="/tin-tuc?page=%d">Trang sau</a>`, n+1)
		}
		fmt.Fprintf(w, `<html><body>%s<ul>%s</ul></body></html>`, menu, b.String())
	case r.URL.Path == "/lich":
		var y, m int
		fmt.Sscanf(r.URL.Query().Get("thang"), "%d-%d", &y, &m)
		next, prev := fmt.Sprintf("%04d-%02d", y+m/12, m%12+1), fmt.Sprintf("%04d-%02d", y-(13-m)/12, (m+10)%12+1)
		sau, truoc := "Tháng sau", "Tháng trước"
		if s.icons {
			sau, truoc = "", ""
		}
		fmt.Fprintf(w, `<html><body>%s<h1>Lịch công tác tháng %d/%d</h1><a href="/lich?thang=%s" class="next">%s</a> <a href="/lich?thang=%s" class="prev">%s</a></body></html>`, menu, m, y, next, sau, prev, truoc)
	case strings.HasPrefix(r.URL.Path, "/bai/"):
		w.Header().Set("ETag", `"`+r.URL.Path+`"`)
		if r.Header.Get("If-None-Match") == `"`+r.URL.Path+`"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, `<html><body>`+menu+page("Thông báo "+r.URL.Path[5:], "Ủy ban nhân dân tỉnh thông báo lịch tiếp công dân định kỳ của lãnh đạo tỉnh trong tháng.")+`</body></html>`)
	default:
		http.NotFound(w, r)
	}
}

func (s *trapSite) calendarHits() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for k, v := range s.hits {
		if strings.HasPrefix(k, "/lich") {
			n += v
		}
	}
	return n
}

// TestCalendarTrap: a calendar linking month to month without end must
// not hold the crawl: the run ends by itself, with every article of the
// paged listing, and fetches at most the months within maxBarrenHops of
// the first; the next run pages the listing only as far as it finds
// something, and still rechecks every known article.
func TestCalendarTrap(t *testing.T) {
	ts := &trapSite{pages: 8, hits: map[string]int{}}
	srv := httptest.NewServer(ts)
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	site := &Site{Name: "trap", Start: []string{srv.URL + "/tin-tuc?page=1"}, Allow: []string{"^" + srv.URL + "/"},
		Article: []string{`/bai/`}, Concurrency: 2}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	// Without the cut the run never ends: MaxPages stops it then.
	rep, err := c.Crawl(context.Background(), site, Limits{MaxPages: 200})
	if err != nil {
		t.Fatal(err)
	}
	if rep.New != 16 || rep.Pending != 0 {
		t.Errorf("first run: %d new, %d pending; want the 16 articles of 8 listing pages, 0 pending", rep.New, rep.Pending)
	}
	for i := 1; i <= 16; i++ {
		if _, err := store.Get(corpus.IDForURL(fmt.Sprintf("%s/bai/%d-thong-bao", srv.URL, i))); err != nil {
			t.Errorf("article %d not stored: %v", i, err)
		}
	}
	// The first month (0 hops), then two months a hop (next and previous).
	if n, most := ts.calendarHits(), 1+2*maxBarrenHops; n > most || rep.TrapCut == 0 {
		t.Errorf("calendar fetched %d times (trap_cut %d), want at most %d and a cut", n, rep.TrapCut, most)
	}

	// Second run: nothing new. Every article is rechecked; the pager is
	// followed only maxBarrenHops pages deep and the calendar as before.
	ts.mu.Lock()
	clear(ts.hits)
	ts.mu.Unlock()
	rep, err = c.Crawl(context.Background(), site, Limits{MaxPages: 200})
	if err != nil {
		t.Fatal(err)
	}
	if rep.NotModified < 16 || rep.New != 0 || rep.Pending != 0 {
		t.Errorf("second run: %+v, want the 16 articles not modified, none new, 0 pending", rep)
	}
	ts.mu.Lock()
	deep := ts.hits["/tin-tuc?page=8"]
	ts.mu.Unlock()
	if deep != 0 {
		t.Errorf("second run fetched the listing's last page: want the pager cut %d pages after the last page with something new", maxBarrenHops)
	}
	if n, most := ts.calendarHits(), 1+2*maxBarrenHops; n > most {
		t.Errorf("second run: calendar fetched %d times, want at most %d", n, most)
	}
}

// BenchmarkLinkKeys times what enqueue adds per link found: its
// canonical URL, and the shapes barrenHops compares, over a listing page
// of a SharePoint portal (200 links: articles, pager, menus, shares).
func BenchmarkLinkKeys(b *testing.B) {
	var links []linkRef
	for i := range 200 {
		var u string
		switch i % 4 {
		case 0:
			u = fmt.Sprintf("https://www.binhduong.gov.vn/tin-kinh-te/2025/06/%d-ke-hoach-trien-khai-nghi-quyet-so-%d", 1000+i, i)
		case 1:
			u = fmt.Sprintf("https://www.binhduong.gov.vn/Lists/TinTucSuKien/TongQuat.aspx?PageIndex=%d", i)
		case 2:
			u = fmt.Sprintf("https://www.binhduong.gov.vn/tin-kinh-te/2025/06/%d-bai-viet?utm_source=facebook&utm_medium=social&fbclid=IwAR%d", 1000+i, i)
		default:
			u = fmt.Sprintf("https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=%d&Keyword=", 96000+i)
		}
		links = append(links, linkRef{URL: u})
	}
	from := "https://www.binhduong.gov.vn/Lists/TinTucSuKien/TongQuat.aspx?PageIndex=3"
	fresh := make([]linkRef, len(links))
	b.ReportAllocs()
	for b.Loop() {
		for i, l := range links {
			fresh[i] = linkRef{URL: corpus.CanonicalURL(l.URL)}
		}
		barrenHops(from, 0, false, fresh[1:])
	}
	b.ReportMetric(float64(b.N*len(links))/b.Elapsed().Seconds(), "links/s")
}

// TestCalendarTrapResumed: a run stopped inside the trap (a deadline, a
// kill) resumes with the hops it had counted: the frontier keeps them,
// for links without anchor text too (the calendar's arrows are icons).
func TestCalendarTrapResumed(t *testing.T) {
	ts := &trapSite{pages: 3, hits: map[string]int{}, icons: true}
	srv := httptest.NewServer(ts)
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	site := &Site{Name: "trap", Start: []string{srv.URL + "/lich?thang=2026-12"}, Allow: []string{"^" + srv.URL + "/"},
		Article: []string{`/bai/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	runs := 0
	for ; runs < 100; runs++ { // two pages a run
		rep, err := c.Crawl(context.Background(), site, Limits{MaxPages: 2})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Pending == 0 {
			break
		}
	}
	if runs == 100 {
		t.Fatal("100 resumed runs and the frontier is not empty")
	}
	// From the first month: the listing and the month's neighbours
	// (the menu's links make it productive), then maxBarrenHops more.
	if n, most := ts.calendarHits(), 1+2*(maxBarrenHops+1); n > most {
		t.Errorf("calendar fetched %d times over %d resumed runs, want at most %d", n, runs+1, most)
	}
}
