package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
)

// TestHubCandidate: the states the weekly recheck takes — an
// article-shaped page of the site that answered and stored no document —
// and those it leaves to their own rules or never asks (a listing's later
// page, a calendar month: not article-shaped; any page of a site without
// article patterns). URLs of portals other than the tests' own.
func TestHubCandidate(t *testing.T) {
	site := &Site{Name: "quangninh", Start: []string{"https://www.quangninh.gov.vn/van-ban"},
		Allow:   []string{`^https://www\.quangninh\.gov\.vn/`, `^https://vbpl\.vn/quangninh/`},
		Article: []string{`/van-ban/\d{4}/\d+-[a-z0-9-]+\.html$`, `/Pages/vbpq-(toanvan|van-ban-lien-quan)\.aspx\?ItemID=\d+`}}
	bare := &Site{Name: "hagiang", Start: []string{"https://hagiang.gov.vn/"}, Allow: []string{`^https://hagiang\.gov\.vn/`}}
	for _, s := range []*Site{site, bare} {
		if err := s.compile(); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		name string
		site *Site
		u    string
		s    urlState
		want bool
	}{
		{"an article published empty", site, "https://www.quangninh.gov.vn/van-ban/2025/4417-ke-hoach-chuyen-doi-so.html", urlState{ETag: `"1a"`}, true},
		{"a related-documents tab", site, "https://vbpl.vn/quangninh/Pages/vbpq-van-ban-lien-quan.aspx?ItemID=172045", urlState{LastModified: "Mon, 01 Dec 2025 02:00:00 GMT"}, true},
		{"no validators", site, "https://www.quangninh.gov.vn/van-ban/2024/3980-thong-bao-ket-luan.html", urlState{}, true},
		{"a listing's later page", site, "https://www.quangninh.gov.vn/van-ban?page=3", urlState{ETag: `"p3"`}, false},
		{"a calendar month", site, "https://www.quangninh.gov.vn/lich-cong-tac?thang=2026-01", urlState{}, false},
		{"a tag page under the articles' section", site, "https://www.quangninh.gov.vn/van-ban/tag/ke-hoach-chuyen-doi-so", urlState{ETag: `"t1"`}, false},
		{"a search result page", site, "https://www.quangninh.gov.vn/van-ban/tim-kiem?tu-khoa=k%E1%BA%BF+ho%E1%BA%A1ch&page=2", urlState{}, false},
		{"a search result page shaped as an article's path", site, "https://www.quangninh.gov.vn/van-ban/2025/tim-kiem.html?tu-khoa=ngh%E1%BB%8B+quy%E1%BA%BFt", urlState{}, false},
		{"a year's archive", site, "https://www.quangninh.gov.vn/van-ban/2025/", urlState{LastModified: "Mon, 01 Dec 2025 02:00:00 GMT"}, false},
		{"the related-documents tab's pager", site, "https://vbpl.vn/quangninh/Pages/vbpq-van-ban-lien-quan.aspx?Page=2", urlState{}, false},
		{"a document's page", site, "https://www.quangninh.gov.vn/van-ban/2025/4418-quyet-dinh-ban-hanh.html", urlState{DocID: "d1"}, false},
		{"a file", site, "https://www.quangninh.gov.vn/van-ban/2025/4419-ke-hoach.html", urlState{Parent: "https://www.quangninh.gov.vn/van-ban/2025/4417-ke-hoach-chuyen-doi-so.html"}, false},
		{"an alias", site, "https://www.quangninh.gov.vn/van-ban/2025/4420-ke-hoach.html", urlState{Alias: "https://www.quangninh.gov.vn/van-ban/2025/4420-ke-hoach-45.html"}, false},
		{"a redirect", site, "https://www.quangninh.gov.vn/van-ban/2025/4421-ke-hoach.html", urlState{Redirect: "https://www.quangninh.gov.vn/"}, false},
		{"missing", site, "https://www.quangninh.gov.vn/van-ban/2025/4422-ke-hoach.html", urlState{Misses: 1}, false},
		{"outside allow", site, "https://thuvienphapluat.vn/van-ban/2025/4417-ke-hoach.html", urlState{}, false},
		{"a site without article patterns", bare, "https://hagiang.gov.vn/tin-tuc/2025/4417-ke-hoach.html", urlState{ETag: `"x"`}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := hubCandidate(c.site, c.u, c.s); got != c.want {
				t.Errorf("hubCandidate(%s, %+v) = %v, want %v", c.u, c.s, got, c.want)
			}
		})
	}
}

// TestHubDue: a page is due on exactly one night of each week, the same
// night for two runs of it (01:00 and 23:00 UTC), and every night when the
// period is one night.
func TestHubDue(t *testing.T) {
	day := time.Date(2026, 12, 7, 1, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		u      string
		nights int
		want   int
	}{
		{"https://www.quangninh.gov.vn/van-ban/2025/4417-ke-hoach-chuyen-doi-so.html", hubRecheckNights, 3},
		{"https://vbpl.vn/quangninh/Pages/vbpq-van-ban-lien-quan.aspx?ItemID=172045", hubRecheckNights, 3},
		{"https://sotuphap.hanoi.gov.vn/văn-bản/2025/kế-hoạch-12", hubRecheckNights, 3},
		{"https://www.quangninh.gov.vn/van-ban/2025/4417-ke-hoach-chuyen-doi-so.html", 1, 21},
	} {
		n := 0
		for i := range 21 {
			a := hubDue(c.u, day.Add(time.Duration(i)*24*time.Hour), c.nights)
			b := hubDue(c.u, day.Add(time.Duration(i)*24*time.Hour+22*time.Hour), c.nights)
			if a != b {
				t.Errorf("%s night %d: due %v at 01:00, %v at 23:00", c.u, i, a, b)
			}
			if a {
				n++
			}
		}
		if n != c.want {
			t.Errorf("%s every %d nights: due on %d nights of 21, want %d", c.u, c.nights, n, c.want)
		}
	}
}

// TestHubShares: the night's bound and each host's share of it.
func TestHubShares(t *testing.T) {
	now := time.Date(2026, 12, 7, 1, 0, 0, 0, time.UTC)
	urls := func(host string, n int) []string {
		var us []string
		for i := range n {
			us = append(us, fmt.Sprintf("https://%s/van-ban/2025/%d-ke-hoach.html", host, 4000+i))
		}
		return us
	}
	count := func(us []string) map[string]int {
		m := map[string]int{}
		for _, u := range us {
			m[strings.Split(u, "/")[2]]++
		}
		return m
	}
	for _, c := range []struct {
		name     string
		due      []string
		limit    int
		want     map[string]int
		deferred int
	}{
		{"under the bound", urls("quangninh.gov.vn", 5), 8, map[string]int{"quangninh.gov.vn": 5}, 0},
		{"one host over the bound", urls("quangninh.gov.vn", 12), 8, map[string]int{"quangninh.gov.vn": 8}, 4},
		{"two hosts, even shares", append(urls("quangninh.gov.vn", 10), urls("vbpl.vn", 10)...), 8, map[string]int{"quangninh.gov.vn": 4, "vbpl.vn": 4}, 12},
		{"a host needing less leaves the rest", append(urls("quangninh.gov.vn", 10), urls("vbpl.vn", 2)...), 8, map[string]int{"quangninh.gov.vn": 6, "vbpl.vn": 2}, 4},
		{"three hosts", append(append(urls("a.gov.vn", 1), urls("b.gov.vn", 9)...), urls("c.gov.vn", 9)...), 9, map[string]int{"a.gov.vn": 1, "b.gov.vn": 4, "c.gov.vn": 4}, 10},
	} {
		t.Run(c.name, func(t *testing.T) {
			due := append([]string(nil), c.due...)
			got, deferred := hubShares(due, now, c.limit)
			if m := count(got); fmt.Sprint(m) != fmt.Sprint(c.want) || deferred != c.deferred {
				t.Errorf("picked %v, %d deferred; want %v, %d", m, deferred, c.want, c.deferred)
			}
			// in the order given
			at := map[string]int{}
			for i, u := range c.due {
				at[u] = i
			}
			for i := 1; i < len(got); i++ {
				if at[got[i-1]] > at[got[i]] {
					t.Errorf("picked out of order: %s before %s", got[i-1], got[i])
				}
			}
		})
	}
	// The pages left out differ from week to week: over eight weeks
	// every page of an over-full host is picked at least once, and of
	// more hosts than the bound (one page each) every host.
	var hosts []string
	for i := range 10 {
		hosts = append(hosts, urls(fmt.Sprintf("ubnd-xa-%d.gov.vn", i), 1)...)
	}
	for _, c := range []struct {
		name  string
		due   []string
		limit int
	}{
		{"one host", urls("quangninh.gov.vn", 12), 8},
		{"more hosts than the bound", hosts, 4},
	} {
		picked := map[string]bool{}
		for w := range 8 {
			got, deferred := hubShares(append([]string(nil), c.due...), now.Add(time.Duration(w)*7*24*time.Hour), c.limit)
			if len(got) != c.limit || deferred != len(c.due)-c.limit {
				t.Errorf("%s, week %d: %d picked, %d deferred; want the bound, %d", c.name, w, len(got), deferred, c.limit)
			}
			for _, u := range got {
				picked[u] = true
			}
		}
		if len(picked) != len(c.due) {
			t.Errorf("%s: over eight weeks %d of %d pages picked, want every one", c.name, len(picked), len(c.due))
		}
	}
}

// hubPortal is a provincial portal whose listing (/van-ban) answers 304
// while nothing on it changes, linking a plan stored as a document and an
// article-shaped page (/van-ban/2025/4417-…) that stored none. Every page
// carries an ETag of its version.
type hubPortal struct {
	mu      sync.Mutex
	pages   map[string]string
	version map[string]int
	asked   map[string]int
	cond    map[string]int
	full    map[string]int
}

func (p *hubPortal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	body, ok := p.pages[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	p.asked[r.URL.Path]++
	etag := fmt.Sprintf(`"%d"`, p.version[r.URL.Path])
	if r.Header.Get("If-None-Match") != "" {
		p.cond[r.URL.Path]++
	}
	w.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	p.full[r.URL.Path]++
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, body)
}

// set changes the page at path (a new version, a new ETag).
func (p *hubPortal) set(path, body string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.pages[path] = body
	p.version[path]++
}

// night clears the counts of requests.
func (p *hubPortal) night() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.asked, p.cond, p.full = map[string]int{}, map[string]int{}, map[string]int{}
}

const (
	hubListing = "/van-ban"
	hubPage    = "/van-ban/2025/4417-ke-hoach-chuyen-doi-so"
	hubNewPlan = "/van-ban/2025/4452-ke-hoach-trien-khai"
)

// hubTab is a portal's tab of the documents related to one, with no text
// of its own (extract: NotDocument), links to vbpl.vn (outside the site)
// and the extra links given.
func hubTab(extra string) string {
	return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Kế hoạch 112/KH-UBND - Cổng TTĐT</title></head><body>` + chrome +
		`<div class="content-detail"><h1>Kế hoạch 112/KH-UBND</h1><ul>` +
		`<li><a href="https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=171380">Nghị quyết 57-NQ/TW Về đột phá phát triển khoa học, công nghệ</a></li>` +
		`<li><a href="https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=171422">Nghị quyết số 03/NQ-CP Ban hành Chương trình hành động của Chính phủ</a></li>` +
		extra + `</ul></div><footer>Bản quyền thuộc về Cổng TTĐT tỉnh.</footer></body></html>`
}

// TestHubRechecked: an article-shaped page that stored no document,
// reached only through a listing that answers 304 every night, is asked
// again on its night of the week — once in seven nights, conditionally —
// and what it became is found then: an article published empty that got
// its text, a related-documents tab that became the document's page, a
// tab that gained a link to a new plan. Without the recheck it is never
// asked again while the listing is unchanged.
func TestHubRechecked(t *testing.T) {
	plan := page("Kế hoạch số 112/KH-UBND ngày 14/4/2025 của Ủy ban nhân dân tỉnh về chuyển đổi số năm 2025",
		"Ủy ban nhân dân tỉnh ban hành Kế hoạch chuyển đổi số năm 2025, giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành triển khai và báo cáo kết quả trước ngày 15/12/2025.")
	for _, c := range []struct {
		name          string
		before, after string
		newPath       string // a page the changed one links, found with it
	}{
		{"an empty article gets its text",
			`<!DOCTYPE html><html><head><meta charset="utf-8"><title>Kế hoạch 112/KH-UBND - Cổng TTĐT</title></head><body>` + chrome + `<div class="content-detail"><h1>Kế hoạch 112/KH-UBND</h1><p>Đang cập nhật.</p></div></body></html>`,
			plan, ""},
		{"a related-documents tab becomes the document's page", hubTab(""), plan, ""},
		{"a related-documents tab gains a plan", hubTab(""),
			hubTab(`<li><a href="` + hubNewPlan + `">Kế hoạch số 131/KH-UBND Triển khai Nghị quyết 57-NQ/TW</a></li>`), hubNewPlan},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := &hubPortal{pages: map[string]string{
				hubListing: `<html><head><title>Văn bản chỉ đạo điều hành</title></head><body>` + chrome + `<ul>` +
					`<li><a href="/van-ban/2025/4390-quyet-dinh-phe-duyet">Quyết định số 98/QĐ-UBND phê duyệt danh mục dịch vụ công</a></li>` +
					`<li><a href="` + hubPage + `">Kế hoạch số 112/KH-UBND về chuyển đổi số năm 2025</a></li></ul></body></html>`,
				"/van-ban/2025/4390-quyet-dinh-phe-duyet": page("Quyết định số 98/QĐ-UBND phê duyệt danh mục dịch vụ công trực tuyến toàn trình",
					"Ủy ban nhân dân tỉnh phê duyệt danh mục dịch vụ công trực tuyến toàn trình thực hiện trên Cổng dịch vụ công quốc gia."),
				hubPage: c.before,
				hubNewPlan: page("Kế hoạch số 131/KH-UBND triển khai Nghị quyết số 57-NQ/TW của Bộ Chính trị",
					"Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia."),
			}, version: map[string]int{}}
			p.night()
			srv := httptest.NewServer(p)
			defer srv.Close()
			store := openStore(t)
			c0 := testCrawler(t, store)
			c0.hubNights = hubRecheckNights // weekly, under the tag that forces it nightly too
			site := &Site{Name: "hub", Start: []string{srv.URL + hubListing}, Allow: []string{"^" + srv.URL + "/"},
				Article: []string{`/van-ban/\d{4}/`}, Concurrency: 1}
			if err := site.compile(); err != nil {
				t.Fatal(err)
			}
			day := time.Date(2026, 12, 7, 1, 0, 0, 0, time.UTC)
			night := func(i int) Report {
				t.Helper()
				p.night()
				c0.now = func() time.Time { return day.Add(time.Duration(i) * 24 * time.Hour) }
				rep, err := c0.Crawl(context.Background(), site, Limits{})
				if err != nil {
					t.Fatalf("night %d: %v", i, err)
				}
				return rep
			}
			if rep := night(0); rep.New != 1 {
				t.Fatalf("first night: %+v; want the decision stored, the page of %s none", rep, hubPage)
			}
			if s := urlStates(t, store)[srv.URL+hubPage]; s.DocID != "" || s.ETag == "" {
				t.Fatalf("%s: state %+v, want one that stored no document, with its validator", hubPage, s)
			}
			p.set(hubPage, c.after)
			first := -1 // the night the page is asked again
			for i := 1; i <= hubRecheckNights; i++ {
				rep := night(i)
				p.mu.Lock()
				a, cd, listing := p.asked[hubPage], p.cond[hubPage], p.full[hubListing]
				p.mu.Unlock()
				if listing != 0 {
					t.Fatalf("night %d: the listing answered in full", i)
				}
				switch {
				case a == 0:
					if rep.New != 0 || rep.Rechecked != 0 {
						t.Errorf("night %d: %d new, %d rechecked without the page asked", i, rep.New, rep.Rechecked)
					}
				case first < 0:
					first = i
					if cd != a {
						t.Errorf("night %d: the page asked %d times, %d with its validator", i, a, cd)
					}
					if rep.Rechecked != 1 || rep.New != 1 {
						t.Errorf("night %d: %d rechecked, %d new; want the page rechecked and its news stored", i, rep.Rechecked, rep.New)
					}
					found := hubPage
					if c.newPath != "" {
						found = c.newPath
					}
					if d, err := store.Get(corpus.IDForURL(srv.URL + found)); err != nil || d.Gone {
						t.Errorf("night %d: %s not stored (%v)", i, found, err)
					}
				case c.newPath != "":
					t.Errorf("night %d: the page, still no document, asked again %d nights after its recheck", i, i-first)
				default:
					// a document's page now, asked every night as each
					// (recheckUnlinked), not by the weekly recheck
					if rep.Rechecked != 0 {
						t.Errorf("night %d: the page, a document since night %d, counted rechecked", i, first)
					}
				}
			}
			if first < 0 {
				t.Errorf("the page not asked again in %d nights while its listing answered 304", hubRecheckNights)
			}
		})
	}
}

// TestHubRecheckNarrow: the recheck forced on every night (the period one
// night) brings back no trap and no pager: a calendar linking month to
// month, a listing's pages past the last that adds something, pages that
// store no document either, are not article-shaped, and stay out — the
// first, broader form of the rule failed here (TestCalendarTrap's
// second run fetched the calendar 9 times).
func TestHubRecheckNarrow(t *testing.T) {
	ts := &trapSite{pages: 8, hits: map[string]int{}}
	srv := httptest.NewServer(ts)
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	c.hubNights = 1
	site := &Site{Name: "trap", Start: []string{srv.URL + "/tin-tuc?page=1"}, Allow: []string{"^" + srv.URL + "/"},
		Article: []string{`/bai/`}, Concurrency: 2}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	for run := 1; run <= 3; run++ {
		ts.mu.Lock()
		clear(ts.hits)
		ts.mu.Unlock()
		rep, err := c.Crawl(context.Background(), site, Limits{MaxPages: 200})
		if err != nil {
			t.Fatal(err)
		}
		if run == 1 {
			continue
		}
		ts.mu.Lock()
		deep, second := ts.hits["/tin-tuc?page=8"], ts.hits["/tin-tuc?page=7"]
		ts.mu.Unlock()
		if deep != 0 || second != 0 {
			t.Errorf("run %d: the listing's pages 7 and 8 fetched %d and %d times: want the pager cut", run, second, deep)
		}
		if n, most := ts.calendarHits(), 1+2*maxBarrenHops; n > most {
			t.Errorf("run %d: calendar fetched %d times, want at most %d", run, n, most)
		}
		if rep.Rechecked != 0 || rep.New != 0 || rep.NotModified < 16 {
			t.Errorf("run %d: %+v; want nothing rechecked (no article page without a document), nothing new", run, rep)
		}
	}
}
