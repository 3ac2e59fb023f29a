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

// smallPortal is a small section of a provincial portal: a listing
// (/thong-bao) linking its notices (/thong-bao/<slug>.html) inside the
// portal's menu (portalChrome: /, /tin-tuc, /van-ban, /lien-he, each a
// page of its own). A notice it lacks is a real 404. down, when set,
// answers every request but robots.txt (a night of maintenance).
type smallPortal struct {
	mu     sync.Mutex
	docs   map[string]string // slug → page
	listed []string          // slugs the listing links
	down   func(w http.ResponseWriter, r *http.Request)
}

func (p *smallPortal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.down != nil && r.URL.Path != "/robots.txt" {
		p.down(w, r)
		return
	}
	switch r.URL.Path {
	case "/thong-bao":
		var b strings.Builder
		b.WriteString(`<div class="danh-sach"><h2>Thông báo</h2><ul>`)
		for _, s := range p.listed {
			fmt.Fprintf(&b, `<li><a href="/thong-bao/%s.html">Thông báo</a></li>`, s)
		}
		if len(p.listed) == 0 {
			b.WriteString(`<li>Chưa có thông báo mới.</li>`)
		}
		b.WriteString(`</ul></div>`)
		fmt.Fprint(w, portalChrome("Thông báo", b.String()))
		return
	case "/", "/tin-tuc", "/van-ban", "/lien-he":
		fmt.Fprint(w, portalChrome("Cổng thông tin", `<div class="gioi-thieu"><p>Trang `+r.URL.Path+` của cổng thông tin điện tử tỉnh.</p></div>`))
		return
	}
	slug := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/thong-bao/"), ".html")
	if d, ok := p.docs[slug]; ok {
		fmt.Fprint(w, d)
		return
	}
	http.NotFound(w, r)
}

func (p *smallPortal) set(f func(p *smallPortal)) {
	p.mu.Lock()
	f(p)
	p.mu.Unlock()
}

// downNights are the shapes of a portal down for a night: none of them is
// the site answering.
var downNights = []struct {
	name string
	down func(w http.ResponseWriter, r *http.Request)
}{
	{"404 everywhere", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }},
	{"404 on every notice, the listing a maintenance note", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/thong-bao" {
			fmt.Fprint(w, `<html><body><p>Chuyên mục đang được cập nhật, mời quay lại sau.</p></body></html>`)
			return
		}
		http.NotFound(w, r)
	}},
	{"a maintenance page answering 200 everywhere", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, portalChrome("Bảo trì hệ thống", `<div class="maintenance"><h2>Hệ thống đang bảo trì</h2><p>Cổng thông tin đang được nâng cấp, xin vui lòng quay lại sau.</p></div>`))
	}},
	{"a blank 200 everywhere", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, `<html><body></body></html>`) }},
	{"every address redirected to a login page", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/dang-nhap" {
			fmt.Fprint(w, portalChrome("Đăng nhập", `<form><p>Đăng nhập hệ thống</p><input name="user"></form>`))
			return
		}
		http.Redirect(w, r, "/dang-nhap?returnUrl="+r.URL.Path, http.StatusFound)
	}},
}

// smallSite crawls srv's /thong-bao section.
func smallSite(t *testing.T, srv *httptest.Server) (*corpus.Store, *Crawler, *Site) {
	t.Helper()
	store := openStore(t)
	c := New(store, Options{Policy: testCrawler(t, store).policy, WARCDir: t.TempDir()})
	site := &Site{Name: "thongbao", Start: []string{srv.URL + "/thong-bao"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/thong-bao/.+\.html$`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	return store, c, site
}

// TestOneDocumentSiteNights: a section holding one notice. A portal down
// for two nights in any of the shapes of downNights — a maintenance
// listing, a 200 maintenance page, a blank page, a login redirect — is
// not the site answering: the notice is kept. Once the site is back with
// the notice removed (404) and its listing, with its menu, no longer
// linking it, the listing is the site's only live evidence, and it
// answered, listing no document (a search form or a note in the menu
// reads the same): the notice is kept until it has been missing a week,
// then a tombstone, no suspect left.
func TestOneDocumentSiteNights(t *testing.T) {
	for _, tc := range downNights {
		t.Run(tc.name, func(t *testing.T) {
			const slug = "lich-tiep-cong-dan-thang-7"
			p := &smallPortal{listed: []string{slug}, docs: map[string]string{
				slug: softArticle("Thông báo số 77/TB-VP", "Lịch tiếp công dân định kỳ tháng 7 của lãnh đạo Ủy ban nhân dân huyện miền núi."),
			}}
			srv := httptest.NewServer(p)
			defer srv.Close()
			store, c, site := smallSite(t, srv)
			id := corpus.IDForURL(srv.URL + "/thong-bao/" + slug + ".html")
			live := func() bool {
				d, err := store.Get(id)
				return err == nil && !d.Gone
			}
			crawl := func(night int) Report {
				t.Helper()
				rep, err := c.Crawl(context.Background(), site, Limits{})
				if err != nil && rep.Failed == 0 {
					t.Fatalf("night %d: %v", night, err)
				}
				return rep
			}
			if rep := crawl(1); rep.New != 1 {
				t.Fatalf("night 1: %+v, want the notice stored", rep)
			}
			p.set(func(p *smallPortal) { p.down = tc.down })
			for night := 2; night <= 3; night++ {
				if rep := crawl(night); !live() || rep.Gone != 0 {
					t.Errorf("night %d (down): notice live %v, %+v; want it kept", night, live(), rep)
				}
			}
			p.set(func(p *smallPortal) { p.down, p.listed, p.docs = nil, nil, map[string]string{} })
			if rep := crawl(4); !live() || rep.Gone != 0 {
				t.Errorf("night 4 (back, the notice removed and unlinked, the listing its menu only): notice live %v, %+v; want it kept (a week)", live(), rep)
			}
			week := time.Now().Add(listingWait + time.Hour)
			c.now = func() time.Time { return week }
			if rep := crawl(5); live() || rep.Gone != 1 || rep.SuspectCount != 0 {
				t.Errorf("night 5 (a week on, the notice removed and unlinked): notice live %v, %+v; want a tombstone, no suspect", live(), rep)
			}
		})
	}
}

// TestEmptiedSiteRemovesItsDocuments: a section whose every notice is
// taken down (404) and dropped from its listing, which answers with its
// menu: the listing is the site's only live evidence, listing no
// document, and the notices are tombstones once a week missing (a search
// form standing in for a listing for a night costs nothing), not
// suspected forever. Every notice
// answering 404 for two nights while the listing still links them (a
// broken route for the notices, not a removal) costs none.
func TestEmptiedSiteRemovesItsDocuments(t *testing.T) {
	slugs := []string{"lich-truc-tet-nguyen-dan", "ket-qua-tuyen-dung-vien-chuc"}
	pages := map[string]string{
		slugs[0]: softArticle("Thông báo số 81/TB-UBND", "Lịch trực Tết Nguyên đán của các phòng, ban chuyên môn thuộc Ủy ban nhân dân huyện."),
		slugs[1]: softArticle("Thông báo số 82/TB-HĐTD", "Kết quả xét tuyển viên chức sự nghiệp giáo dục năm 2027 của Hội đồng tuyển dụng huyện."),
	}
	p := &smallPortal{listed: slugs, docs: map[string]string{slugs[0]: pages[slugs[0]], slugs[1]: pages[slugs[1]]}}
	srv := httptest.NewServer(p)
	defer srv.Close()
	store, c, site := smallSite(t, srv)
	live := func(i int) bool {
		d, err := store.Get(corpus.IDForURL(srv.URL + "/thong-bao/" + slugs[i] + ".html"))
		return err == nil && !d.Gone
	}
	crawl := func(night int) Report {
		t.Helper()
		rep, err := c.Crawl(context.Background(), site, Limits{})
		if err != nil {
			t.Fatalf("night %d: %v", night, err)
		}
		return rep
	}
	if rep := crawl(1); rep.New != 2 {
		t.Fatalf("night 1: %+v", rep)
	}
	// Nights 2–3: both notices 404, the listing linking them.
	p.set(func(p *smallPortal) { p.docs = map[string]string{} })
	for night := 2; night <= 3; night++ {
		if rep := crawl(night); !live(0) || !live(1) || rep.Gone != 0 {
			t.Errorf("night %d (notices 404, still listed): live %v %v, %+v; want both kept", night, live(0), live(1), rep)
		}
	}
	p.set(func(p *smallPortal) { p.docs = map[string]string{slugs[0]: pages[slugs[0]], slugs[1]: pages[slugs[1]]} })
	if rep := crawl(4); !live(0) || !live(1) || rep.SuspectCount != 0 {
		t.Errorf("night 4 (back): %+v; want both live, no suspect", rep)
	}
	// Nights 5–6: both taken down and unlisted.
	p.set(func(p *smallPortal) { p.docs, p.listed = map[string]string{}, nil })
	if rep := crawl(5); !live(0) || !live(1) || rep.NotFoundSuspect != 2 {
		t.Errorf("night 5 (removed): %+v; want both kept a night, suspected", rep)
	}
	if rep := crawl(6); !live(0) || !live(1) || rep.Gone != 0 {
		t.Errorf("night 6 (removed, unlisted, the listing its menu only): live %v %v, %+v; want both kept (a week)", live(0), live(1), rep)
	}
	week := time.Now().Add(listingWait + time.Hour)
	c.now = func() time.Time { return week }
	if rep := crawl(7); live(0) || live(1) || rep.Gone != 2 || rep.SuspectCount != 0 {
		t.Errorf("night 7 (a week on, removed, unlisted, the listing live): live %v %v, %+v; want both tombstones", live(0), live(1), rep)
	}
}
