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

// wardPortal is a commune's portal on a small CMS whose addresses say
// nothing of what a page is (a site configured without article
// patterns: every page is read as an article): the home page and the
// notices listing (/thong-bao) link the notices, each at a slug of the
// root (/<slug>); the menu (/, /gioi-thieu, /thong-bao, /lien-he) is on
// every page; /gioi-thieu and /lien-he are pages of their own, stored as
// documents, when about is set (some portals' menus hold only the
// listings). A page it lacks is a real 404. down, when set, answers every
// request but robots.txt.
type wardPortal struct {
	mu     sync.Mutex
	about  bool
	docs   map[string]string // slug → page
	listed []string          // slugs the listings link
	down   func(w http.ResponseWriter, r *http.Request)
	edit   string // when set, added to the pages of its own (edited)
}

// wardChrome is the commune portal's menu and footer around every page.
func wardChrome(title, content string) string {
	return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>` + title + ` - Cổng thông tin điện tử xã Tân Lập</title></head><body>` +
		`<nav class="menu"><a href="/">Trang chủ</a> <a href="/gioi-thieu">Giới thiệu chung</a> <a href="/thong-bao">Thông báo</a> <a href="/lien-he">Liên hệ - Góp ý</a></nav>` +
		content +
		`<footer>Ủy ban nhân dân xã Tân Lập, huyện Đồng Phú. Điện thoại: 0271 3866 123. Email: tanlap@binhphuoc.gov.vn</footer></body></html>`
}

func wardNotice(number, body string) string {
	return wardChrome("Thông báo số "+number, `<div class="noi-dung"><h1>Thông báo số `+number+`</h1><p>Ngày 12/08/2027</p><p>`+body+`</p><p>`+body+` Đề nghị các thôn, ấp thông báo rộng rãi đến Nhân dân.</p></div>`)
}

func (p *wardPortal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.down != nil && r.URL.Path != "/robots.txt" {
		p.down(w, r)
		return
	}
	listing := func(title string) {
		var b strings.Builder
		fmt.Fprintf(&b, `<div class="danh-sach"><h2>%s</h2><ul>`, title)
		for _, s := range p.listed {
			fmt.Fprintf(&b, `<li><a href="/%s">%s</a></li>`, s, strings.ReplaceAll(s, "-", " "))
		}
		if len(p.listed) == 0 {
			b.WriteString(`<li>Chưa có thông báo mới.</li>`)
		}
		b.WriteString(`</ul></div>`)
		fmt.Fprint(w, wardChrome(title, b.String()))
	}
	switch r.URL.Path {
	case "/":
		listing("Tin mới")
		return
	case "/thong-bao":
		listing("Thông báo")
		return
	case "/gioi-thieu":
		if p.about {
			fmt.Fprint(w, wardChrome("Giới thiệu chung", `<div class="noi-dung"><h1>Giới thiệu chung</h1><p>Xã Tân Lập nằm ở phía bắc huyện Đồng Phú, diện tích tự nhiên 8.512 ha, gồm 9 thôn với hơn 3.200 hộ dân; kinh tế chủ yếu là trồng cây công nghiệp lâu năm như cao su, điều và hồ tiêu.</p><p>Đảng bộ xã có 14 chi bộ trực thuộc với 286 đảng viên.`+p.edit+`</p></div>`))
			return
		}
	case "/lien-he":
		if p.about {
			fmt.Fprint(w, wardChrome("Liên hệ - Góp ý", `<div class="noi-dung"><h1>Liên hệ - Góp ý</h1><p>Mọi ý kiến góp ý xin gửi về Văn phòng Ủy ban nhân dân xã Tân Lập, ấp 3, xã Tân Lập, huyện Đồng Phú, tỉnh Bình Phước, trong giờ hành chính các ngày làm việc trong tuần.`+p.edit+`</p></div>`))
			return
		}
	}
	if d, ok := p.docs[strings.TrimPrefix(r.URL.Path, "/")]; ok {
		fmt.Fprint(w, d)
		return
	}
	http.NotFound(w, r)
}

func (p *wardPortal) set(f func(p *wardPortal)) {
	p.mu.Lock()
	f(p)
	p.mu.Unlock()
}

// wardDown are nights of a commune portal down: none is the site
// answering.
var wardDown = []struct {
	name string
	down func(w http.ResponseWriter, r *http.Request)
}{
	{"404 everywhere", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }},
	{"a maintenance page inside the menu answering 200 everywhere", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, wardChrome("Bảo trì hệ thống", `<div class="noi-dung"><h1>Hệ thống đang bảo trì</h1><p>Trang thông tin điện tử đang được nâng cấp, xin vui lòng quay lại sau.</p></div>`))
	}},
	{"the listings a maintenance note inside the menu, every other page 404", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" || r.URL.Path == "/thong-bao" {
			fmt.Fprint(w, wardChrome("Thông báo", `<div class="danh-sach"><p>Chuyên mục đang được cập nhật, mời quay lại sau.</p></div>`))
			return
		}
		http.NotFound(w, r)
	}},
	{"a blank 200 everywhere", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, `<html><body></body></html>`) }},
	{"every address redirected to a login page", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/dang-nhap" {
			fmt.Fprint(w, wardChrome("Đăng nhập", `<form><p>Đăng nhập hệ thống</p><input name="user"></form>`))
			return
		}
		http.Redirect(w, r, "/dang-nhap?returnUrl="+r.URL.Path, http.StatusFound)
	}},
}

// TestNoArticleMarksNights: a commune portal whose addresses say nothing
// of what a page is (no article patterns: every page read as an
// article). With and without pages of its own beside its listings, a
// portal down for two nights in any shape of wardDown loses nothing: the
// notice stays live and every stored page keeps its text (a maintenance
// page served inside the menu, which shows every menu page's title, is
// not stored over them). Back with the notice taken down and unlisted,
// the notice is removed on the evidence the site gives: its pages
// answering as themselves (with pages of its own: the second night), or
// its listing alone (without: once missing a week — a listing on such a
// site cannot say it lists documents, every link reads as an article).
func TestNoArticleMarksNights(t *testing.T) {
	const slug = "thong-bao-lich-tiep-cong-dan-thang-8"
	notice := wardNotice("52/TB-UBND", "Chủ tịch Ủy ban nhân dân xã tiếp công dân định kỳ vào sáng thứ Năm tuần thứ hai của tháng 8 tại trụ sở Ủy ban.")
	for _, about := range []bool{true, false} {
		for _, tc := range wardDown {
			t.Run(fmt.Sprintf("pages of its own %v/%s", about, tc.name), func(t *testing.T) {
				p := &wardPortal{about: about, listed: []string{slug}, docs: map[string]string{slug: notice}}
				srv := httptest.NewServer(p)
				defer srv.Close()
				store := openStore(t)
				c := New(store, Options{Policy: testCrawler(t, store).policy, WARCDir: t.TempDir()})
				site := &Site{Name: "tanlap", Start: []string{srv.URL + "/"}, Allow: []string{"^" + srv.URL + "/"}, Concurrency: 1}
				if err := site.compile(); err != nil {
					t.Fatal(err)
				}
				doc := func(path string) *corpus.Document {
					d, _ := store.Get(corpus.IDForURL(srv.URL + path))
					return d
				}
				live := func() bool { d := doc("/" + slug); return d != nil && !d.Gone }
				intact := func() error { // every stored page with its own text
					for path, want := range map[string]string{"/" + slug: "tiếp công dân", "/gioi-thieu": "cây công nghiệp", "/lien-he": "Văn phòng Ủy ban"} {
						if !about && path != "/"+slug {
							continue
						}
						if d := doc(path); d == nil || d.Gone || !strings.Contains(d.Body, want) {
							return fmt.Errorf("%s: %+v; want it live, saying %q", path, d, want)
						}
					}
					return nil
				}
				crawl := func(night int) Report {
					t.Helper()
					rep, err := c.Crawl(context.Background(), site, Limits{})
					if err != nil && rep.Failed == 0 {
						t.Fatalf("night %d: %v", night, err)
					}
					return rep
				}
				if rep := crawl(1); intact() != nil {
					t.Fatalf("night 1: %v (%+v)", intact(), rep)
				}
				p.set(func(p *wardPortal) { p.down = tc.down })
				for night := 2; night <= 3; night++ {
					if rep := crawl(night); intact() != nil || rep.Gone != 0 {
						t.Errorf("night %d (down): %v, %+v; want nothing lost", night, intact(), rep)
					}
				}
				p.set(func(p *wardPortal) { p.down = nil })
				if rep := crawl(5); intact() != nil || rep.SuspectCount != 0 {
					t.Errorf("night 5 (back): %v, %+v; want everything live, no suspect", intact(), rep)
				}
				p.set(func(p *wardPortal) { p.listed, p.docs = nil, map[string]string{} })
				if rep := crawl(6); !live() || rep.NotFoundSuspect != 1 {
					t.Errorf("night 6 (taken down, unlisted): live %v, %+v; want it kept a night, suspected", live(), rep)
				}
				rep := crawl(7)
				if about {
					if live() || rep.Gone != 1 || rep.SuspectCount != 0 {
						t.Errorf("night 7 (taken down, the site's pages answering): live %v, %+v; want a tombstone", live(), rep)
					}
					return
				}
				if !live() || rep.Gone != 0 {
					t.Errorf("night 7 (taken down, the listing its only evidence): live %v, %+v; want it kept (a week)", live(), rep)
				}
				week := time.Now().Add(listingWait + time.Hour)
				c.now = func() time.Time { return week }
				if rep := crawl(8); live() || rep.Gone != 1 || rep.SuspectCount != 0 {
					t.Errorf("night 8 (a week on, the listing answering without it): live %v, %+v; want a tombstone, no suspect", live(), rep)
				}
			})
		}
	}
}

// TestNoArticleMarksResumed: the commune portal with pages of its own,
// the notice taken down and unlisted; the night that would decide it is
// stopped after "Giới thiệu chung" answered as stored before the notice
// was suspected (the site's documents answering, answered.go
// noteSteady), and none read by the resumed part answers as stored
// before that (the menu page left edited, the listings as they were the
// night the notice was suspected). The run's end decides as a run read whole: a tombstone, on
// the stopped part's evidence (evidence.go evSteady) — without it, the
// listings' weak word only, a week.
func TestNoArticleMarksResumed(t *testing.T) {
	const slug = "thong-bao-lich-tiep-cong-dan-thang-8"
	p := &wardPortal{about: true, listed: []string{slug}, docs: map[string]string{slug: wardNotice("52/TB-UBND", "Chủ tịch Ủy ban nhân dân xã tiếp công dân định kỳ vào sáng thứ Năm tuần thứ hai của tháng 8 tại trụ sở Ủy ban.")}}
	var mu sync.Mutex
	stopAfter, late := "", false
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.ServeHTTP(w, r)
		mu.Lock()
		if stopAfter != "" && r.URL.Path == stopAfter {
			late = true
		}
		mu.Unlock()
	}))
	defer srv.Close()
	store := openStore(t)
	c := New(store, Options{Policy: testCrawler(t, store).policy, WARCDir: t.TempDir()})
	deadline := time.Now().Add(time.Hour)
	c.now = func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		if late {
			return deadline.Add(time.Minute)
		}
		return time.Now()
	}
	site := &Site{Name: "tanlap", Start: []string{srv.URL + "/"}, Allow: []string{"^" + srv.URL + "/"}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	live := func() bool {
		d, err := store.Get(corpus.IDForURL(srv.URL + "/" + slug))
		return err == nil && !d.Gone
	}
	crawl := func(night int, lim Limits) Report {
		t.Helper()
		rep, err := c.Crawl(context.Background(), site, lim)
		if err != nil {
			t.Fatalf("night %d: %v", night, err)
		}
		return rep
	}
	crawl(1, Limits{})
	p.set(func(p *wardPortal) { p.listed, p.docs = nil, map[string]string{} })
	if rep := crawl(2, Limits{}); !live() || rep.NotFoundSuspect != 1 {
		t.Fatalf("night 2 (taken down, unlisted): live %v, %+v; want it kept a night, suspected", live(), rep)
	}
	mu.Lock()
	stopAfter = "/gioi-thieu"
	mu.Unlock()
	rep := crawl(3, Limits{Deadline: deadline})
	if rep.Pending == 0 || rep.Unchanged+rep.NotModified == 0 || !live() {
		t.Fatalf("night 3 (stopped after /gioi-thieu): live %v, %+v; want a page answering as stored, pages left, the notice kept", live(), rep)
	}
	mu.Lock()
	stopAfter, late = "", false
	mu.Unlock()
	p.set(func(p *wardPortal) { p.edit = " Cập nhật ngày 20/08/2027." })
	rep = crawl(4, Limits{})
	if rep.Pending != 0 || rep.Changed == 0 {
		t.Fatalf("night 3 (resumed): %+v; want the run ended, the page left edited", rep)
	}
	if live() || rep.Gone != 1 || rep.SuspectCount != 0 {
		t.Errorf("night 3 (resumed to its end): live %v, %+v; want a tombstone (the site's documents answered before the stop)", live(), rep)
	}
}
