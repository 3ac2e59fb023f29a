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
)

// TestRecheckHub: the states a run asks again on their night although no
// page linked them in full — pages that stored no document and answered —
// each on exactly one night in hubRecheckNights; never a document's page,
// a file, an alias, a redirect or a missing URL (their own rules).
func TestRecheckHub(t *testing.T) {
	day := time.Date(2026, 12, 7, 1, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name   string
		u      string
		s      urlState
		weekly bool
	}{
		{"listing's later page", "https://binhduong.gov.vn/chinhquyen/Lists/TinChiDaoDieuHanh/AllItems.aspx?Paged=TRUE&p_ID=120", urlState{ETag: `"a1"`}, true},
		{"related documents", "https://vbpl.vn/TW/Pages/vbpq-van-ban-lien-quan.aspx?ItemID=160513", urlState{LastModified: "Mon, 07 Dec 2026 01:00:00 GMT"}, true},
		{"Vietnamese path", "https://sotuphap.hanoi.gov.vn/văn-bản/kế-hoạch", urlState{}, true},
		{"a document's page", "https://binhduong.gov.vn/chinh-quyen-tin-chi-dao-dieu-hanh/2025/06/4012-ke-hoach", urlState{DocID: "d1"}, false},
		{"a file", "https://binhduong.gov.vn/Documents/ke-hoach-12.pdf", urlState{Parent: "https://binhduong.gov.vn/a"}, false},
		{"an alias", "https://binhduong.gov.vn/Van-Ban/1", urlState{Alias: "https://binhduong.gov.vn/van-ban/1"}, false},
		{"a redirect", "https://binhduong.gov.vn/tin-tuc", urlState{Redirect: "https://binhduong.gov.vn/tin-tuc/"}, false},
		{"missing", "https://binhduong.gov.vn/trang-cu", urlState{Misses: 1}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			n := 0
			for i := range 3 * hubRecheckNights {
				// two runs a night: both or neither
				a := c.s.recheckHub(c.u, day.Add(time.Duration(i)*24*time.Hour))
				b := c.s.recheckHub(c.u, day.Add(time.Duration(i)*24*time.Hour+20*time.Hour))
				if a != b {
					t.Errorf("night %d: %v at 01:00, %v at 21:00", i, a, b)
				}
				if a {
					n++
				}
			}
			if want := map[bool]int{true: 3, false: 0}[c.weekly]; n != want {
				t.Errorf("asked on %d nights of %d, want %d", n, 3*hubRecheckNights, want)
			}
		})
	}
}

// TestHubRechecked: a page that is no document (a listing's second page)
// reached only through a listing that answers 304 is asked again on its
// night of the week, conditionally, and a plan it gained is found then
// (before: never asked again while the listing was unchanged).
func TestHubRechecked(t *testing.T) {
	var mu sync.Mutex
	pages := map[string]string{
		"/tin-tuc":         `<html><body><h1>Tin tức</h1><a href="/tin-tuc/trang-2">Trang 2</a></body></html>`,
		"/tin-tuc/trang-2": `<html><body><h1>Tin tức — trang 2</h1><p>Danh sách văn bản.</p></body></html>`,
		"/tin-tuc/2024/ke-hoach-45": `<html><head><title>Kế hoạch 45/KH-UBND</title></head><body><article><h1>Kế hoạch số 45/KH-UBND ngày 12/3/2024 của Ủy ban nhân dân tỉnh về cải cách hành chính năm 2024</h1>` +
			strings.Repeat(`<p>Ủy ban nhân dân tỉnh ban hành Kế hoạch cải cách hành chính năm 2024, giao các sở, ban, ngành rà soát thủ tục hành chính và báo cáo kết quả thực hiện trước ngày 15/12/2024.</p>`, 4) + `</article></body></html>`,
	}
	version := map[string]int{}
	asked, cond := map[string]int{}, map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		body, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		asked[r.URL.Path]++
		etag := fmt.Sprintf(`"v%d"`, version[r.URL.Path])
		if r.Header.Get("If-None-Match") != "" {
			cond[r.URL.Path]++
		}
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	}))
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	site := testSiteConfig(t, srv.URL)
	hub := srv.URL + "/tin-tuc/trang-2"
	day := time.Date(2026, 12, 7, 1, 0, 0, 0, time.UTC)
	night := func(i int) (Report, map[string]int, map[string]int) {
		t.Helper()
		mu.Lock()
		asked, cond = map[string]int{}, map[string]int{}
		mu.Unlock()
		c.now = func() time.Time { return day.Add(time.Duration(i) * 24 * time.Hour) }
		rep, err := c.Crawl(context.Background(), site, Limits{})
		if err != nil {
			t.Fatalf("night %d: %v", i, err)
		}
		mu.Lock()
		defer mu.Unlock()
		return rep, asked, cond
	}
	// the first night falls on a night the hub is not due
	first := 0
	for (&urlState{}).recheckHub(hub, day.Add(time.Duration(first)*24*time.Hour)) {
		first++
	}
	if _, a, _ := night(first); a["/tin-tuc/trang-2"] != 1 {
		t.Fatalf("first night: the hub asked %d times", a["/tin-tuc/trang-2"])
	}
	if s, ok := urlStates(t, store)[hub]; !ok || s.DocID != "" {
		t.Fatalf("the hub's state %+v (%v): want one that stored no document", s, ok)
	}
	// the hub gains a plan; the listing is unchanged (304)
	mu.Lock()
	pages["/tin-tuc/trang-2"] = strings.Replace(pages["/tin-tuc/trang-2"], "</p>", `</p><a href="/tin-tuc/2024/ke-hoach-45">Kế hoạch số 45/KH-UBND</a>`, 1)
	version["/tin-tuc/trang-2"]++
	mu.Unlock()
	nights := 0
	found := -1
	for i := first + 1; i <= first+hubRecheckNights; i++ {
		rep, a, cd := night(i)
		if a["/tin-tuc/trang-2"] > 0 {
			nights++
			if cd["/tin-tuc/trang-2"] != a["/tin-tuc/trang-2"] {
				t.Errorf("night %d: the hub asked without its validator", i)
			}
			if rep.New != 1 || a["/tin-tuc/2024/ke-hoach-45"] != 1 {
				t.Errorf("night %d: the hub read, %d new, the plan asked %d times; want it found", i, rep.New, a["/tin-tuc/2024/ke-hoach-45"])
			}
			found = i
		} else if rep.New != 0 {
			t.Errorf("night %d: %d new without the hub asked", i, rep.New)
		}
	}
	if nights != 1 || found < 0 {
		t.Errorf("the hub asked on %d nights of %d, want 1 (the plan found on night %d)", nights, hubRecheckNights, found)
	}
}
