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
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler/extract"
)

// softPortal serves articles under /van-ban/ and, for any other page
// there, what its CMS answers for a page it does not have: a 200 with an
// error template (notFound), or a real 404 when notFound is "".
type softPortal struct {
	mu       sync.Mutex
	articles map[string]string // path → page
	notFound func(path string) string
	byID     bool            // the article is routed by the number in its path, the slug ignored
	unlinked map[string]bool // paths the listing no longer links
	all      string          // when set, the answer for every address (a maintenance night)
}

func (p *softPortal) set(path, html string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if html == "" {
		delete(p.articles, path)
		return
	}
	p.articles[path] = html
}

func (p *softPortal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	path := r.URL.Path
	if p.all != "" {
		fmt.Fprint(w, p.all)
		return
	}
	if path == "/tin-tuc" {
		var b strings.Builder
		b.WriteString(`<html><body>`)
		for _, a := range []string{"/van-ban/45/ke-hoach-45.html", "/van-ban/46/thong-bao-46.html", "/van-ban/47/huong-dan-47.html", "/van-ban/48/bai-da-go.html"} {
			if p.unlinked[a] {
				continue
			}
			fmt.Fprintf(&b, `<a href="%s">Văn bản</a> `, a)
		}
		b.WriteString(`</body></html>`)
		fmt.Fprint(w, b.String())
		return
	}
	if p.byID {
		for k, v := range p.articles {
			if dir := k[:strings.LastIndex(k, "/")+1]; strings.HasPrefix(path, dir) {
				fmt.Fprint(w, v)
				return
			}
		}
	}
	if a, ok := p.articles[path]; ok {
		fmt.Fprint(w, a)
		return
	}
	if p.notFound == nil || !strings.HasPrefix(path, "/van-ban/") {
		http.NotFound(w, r)
		return
	}
	fmt.Fprint(w, p.notFound(path))
}

// portalChrome is a provincial portal's menu and footer, around every page
// and every error template alike.
func portalChrome(title, content string) string {
	return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>` + title + ` - Cổng thông tin điện tử tỉnh</title></head><body>` +
		`<header><a href="/">Trang chủ</a> <a href="/tin-tuc">Tin tức - Sự kiện</a> <a href="/van-ban">Văn bản chỉ đạo điều hành</a> <a href="/lien-he">Liên hệ</a></header>` +
		`<div class="sidebar"><h3>Liên kết website</h3><a href="https://chinhphu.vn">Cổng TTĐT Chính phủ</a> <a href="https://dichvucong.gov.vn">Cổng Dịch vụ công quốc gia</a></div>` +
		content +
		`<footer>Cơ quan chủ quản: Ủy ban nhân dân tỉnh. Địa chỉ: số 1 đường Trần Hưng Đạo. Điện thoại: 0274 3822 000. Lượt truy cập: 1.234.567</footer></body></html>`
}

func softArticle(title, body string) string {
	return portalChrome(title, `<div class="content-detail"><h1>`+title+`</h1><p class="date">Ngày đăng: 15/05/2025</p><p>`+body+`</p><p>`+body+` Các sở, ngành, địa phương tổ chức thực hiện.</p></div>`)
}

// Error templates of the shapes portals use (written for this test).
var (
	templateNotFound = func(string) string {
		return portalChrome("Không tìm thấy trang", `<div class="content-detail"><h1>Không tìm thấy trang</h1><p>Trang bạn yêu cầu không tồn tại hoặc đã bị gỡ bỏ. Vui lòng quay lại trang chủ hoặc sử dụng chức năng tìm kiếm.</p></div>`)
	}
	templateEcho = func(path string) string { // names the address asked for
		return portalChrome("Lỗi 404", `<div class="error"><h2>Trang không tồn tại</h2><p>Đường dẫn `+path+` không tồn tại trên hệ thống.</p><a href="/">Về trang chủ</a></div>`)
	}
	templateTiny = func(string) string { return `<html><body></body></html>` }
)

// TestSoft404: a portal answering 200 with its error template for a page
// it took down. The page's document becomes a tombstone, as after a 404,
// and comes back with the page; a real article that speaks of "không tìm
// thấy trang" stays, as do articles on portals that answer 404 for what
// they do not have (no evidence their page is gone), and those of a
// portal that routes by the number in the path.
func TestSoft404(t *testing.T) {
	mention := softArticle("Hướng dẫn 47/HD-STTTT xử lý lỗi khi nộp hồ sơ trực tuyến",
		`Khi truy cập Cổng dịch vụ công mà trình duyệt báo "Không tìm thấy trang" hoặc "Trang không tồn tại", người dân kiểm tra lại đường dẫn hoặc liên hệ tổng đài hỗ trợ.`)
	for _, tc := range []struct {
		name     string
		notFound func(string) string
		byID     bool
		wantGone bool
		wantSoft int // the plan taken down, and the dead link of the listing
	}{
		{"template", templateNotFound, false, true, 2},
		{"template naming the address", templateEcho, false, true, 2},
		{"empty page", templateTiny, false, true, 2},
		{"real 404", nil, false, true, 0},
		{"routed by number", templateNotFound, true, false, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &softPortal{articles: map[string]string{}, notFound: tc.notFound, byID: tc.byID}
			p.set("/van-ban/45/ke-hoach-45.html", softArticle("Kế hoạch số 45/KH-UBND", "Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai Nghị quyết số 57-NQ/TW về chuyển đổi số."))
			p.set("/van-ban/46/thong-bao-46.html", softArticle("Thông báo số 46/TB-UBND", "Thông báo lịch tiếp công dân định kỳ của lãnh đạo Ủy ban nhân dân tỉnh tháng 6."))
			p.set("/van-ban/47/huong-dan-47.html", mention)
			srv := httptest.NewServer(p)
			defer srv.Close()
			store := openStore(t)
			c := testCrawler(t, store)
			site := &Site{Name: "soft", Start: []string{srv.URL + "/tin-tuc"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/van-ban/`}, Concurrency: 1}
			if err := site.compile(); err != nil {
				t.Fatal(err)
			}
			// Three articles; the fourth link leads to a page taken down
			// before the first run: no document.
			if rep, err := c.Crawl(context.Background(), site, Limits{}); err != nil || rep.New != 3 {
				t.Fatalf("first run: %+v %v", rep, err)
			}
			live := func(path string) bool {
				d, err := store.Get(corpus.IDForURL(srv.URL + path))
				return err == nil && !d.Gone
			}
			// The plan is taken down; the notice changes; the guide is
			// the same.
			if tc.byID { // its title and text edited
				p.set("/van-ban/46/thong-bao-46.html", softArticle("Thông báo số 46/TB-UBND (điều chỉnh)", "Thông báo lịch tiếp công dân định kỳ của lãnh đạo Ủy ban nhân dân tỉnh tháng 7 (điều chỉnh)."))
			} else {
				p.set("/van-ban/45/ke-hoach-45.html", "")
				p.set("/van-ban/46/thong-bao-46.html", softArticle("Thông báo số 46/TB-UBND", "Thông báo lịch tiếp công dân định kỳ của lãnh đạo Ủy ban nhân dân tỉnh tháng 7 (điều chỉnh)."))
			}
			rep, err := c.Crawl(context.Background(), site, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if tc.wantGone {
				// A live document's page reading as the site's missing
				// page, or answering 404, is suspected on the first
				// night, kept as it was; the next night decides.
				if !live("/van-ban/45/ke-hoach-45.html") || rep.SoftSuspect+rep.NotFoundSuspect != 1 || rep.Gone != 0 || rep.SoftNotFound != max(tc.wantSoft-1, 0) {
					t.Errorf("first night of the soft 404: %+v, want the plan kept, 1 suspected, the dead link a soft 404", rep)
				}
				if rep, err = c.Crawl(context.Background(), site, Limits{}); err != nil {
					t.Fatal(err)
				}
			}
			if got := !live("/van-ban/45/ke-hoach-45.html"); got != tc.wantGone {
				t.Errorf("the plan taken down: gone %v, want %v (%+v)", got, tc.wantGone, rep)
			}
			if !live("/van-ban/46/thong-bao-46.html") || !live("/van-ban/47/huong-dan-47.html") {
				t.Errorf("a real article lost: notice live %v, guide live %v", live("/van-ban/46/thong-bao-46.html"), live("/van-ban/47/huong-dan-47.html"))
			}
			if d, err := store.Get(corpus.IDForURL(srv.URL + "/van-ban/46/thong-bao-46.html")); err != nil || !strings.Contains(d.Body, "tháng 7") {
				t.Errorf("the changed notice: %v %v", d, err)
			}
			if rep.Gone != map[bool]int{true: 1}[tc.wantGone] || rep.SoftNotFound != tc.wantSoft {
				t.Errorf("second run: %+v, want gone %v, %d soft not found", rep, tc.wantGone, tc.wantSoft)
			}
			// The plan is back: live again.
			p.set("/van-ban/45/ke-hoach-45.html", softArticle("Kế hoạch số 45/KH-UBND", "Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai Nghị quyết số 57-NQ/TW về chuyển đổi số."))
			if _, err := c.Crawl(context.Background(), site, Limits{}); err != nil {
				t.Fatal(err)
			}
			if !live("/van-ban/45/ke-hoach-45.html") {
				t.Error("the plan back on the portal is not live")
			}
		})
	}
}

// TestProbeURL: the probe keeps the address's directory (numbers as 0),
// extension and parameter names, so that the site routes it as it routes
// the page; its shape is one per directory pattern, whatever the page.
func TestProbeURL(t *testing.T) {
	for _, tc := range []struct{ in, probe, key string }{
		{"https://sotttt.example.gov.vn/van-ban/45/ke-hoach-45.html", "https://sotttt.example.gov.vn/van-ban/0/vanban-kiem-tra-tok.html", "https://sotttt.example.gov.vn/van-ban/0/vanban-kiem-tra-*.html"},
		{"https://example.gov.vn/tin-tuc/2025/06/12/bai-viet-ve-chuyen-doi-so-123456", "https://example.gov.vn/tin-tuc/0/0/0/vanban-kiem-tra-tok", "https://example.gov.vn/tin-tuc/0/0/0/vanban-kiem-tra-*"},
		{"https://example.gov.vn/Pages/chi-tiet.aspx?ItemID=1234&l=VanBan", "https://example.gov.vn/Pages/vanban-kiem-tra-tok.aspx?ItemID=tok&l=tok", "https://example.gov.vn/Pages/vanban-kiem-tra-*.aspx?ItemID=*&l=*"},
		{"http://example.gov.vn/", "http://example.gov.vn/vanban-kiem-tra-tok", "http://example.gov.vn/vanban-kiem-tra-*"},
	} {
		u, err := url.Parse(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		p, k := probeURL(u, "tok")
		if p != tc.probe || k != tc.key {
			t.Errorf("probeURL(%s) = %s, %s; want %s, %s", tc.in, p, k, tc.probe, tc.key)
		}
	}
}

// TestSoft404Fingerprints: what makes two answers read the same — the
// address they print and their counters do not count, their words do.
func TestSoft404Fingerprints(t *testing.T) {
	page := func(t *testing.T, u, body string) (*extract.Page, *url.URL) {
		pu, _ := url.Parse(u)
		p, err := extract.Parse([]byte(body), "text/html; charset=utf-8", pu)
		if err != nil {
			t.Fatal(err)
		}
		return p, pu
	}
	for _, tc := range []struct {
		name       string
		a, b       string // the page, the probe
		aURL, bURL string
		same       bool
	}{
		{"echoed address, a counter in the footer",
			`<html><body><div class="content"><h1>Trang không tồn tại</h1><p>Đường dẫn /tin/bai-cu-99.html không tồn tại trên hệ thống, vui lòng kiểm tra lại địa chỉ hoặc quay về trang chủ.</p></div><footer>Lượt truy cập: 10234</footer></body></html>`,
			`<html><body><div class="content"><h1>Trang không tồn tại</h1><p>Đường dẫn /tin/vanban-kiem-tra-qwerty.html không tồn tại trên hệ thống, vui lòng kiểm tra lại địa chỉ hoặc quay về trang chủ.</p></div><footer>Lượt truy cập: 10235</footer></body></html>`,
			"http://example.gov.vn/tin/bai-cu-99.html", "http://example.gov.vn/tin/vanban-kiem-tra-qwerty.html", true},
		{"query value echoed",
			`<html><body><p>Không tìm thấy văn bản có mã 5521.</p></body></html>`,
			`<html><body><p>Không tìm thấy văn bản có mã qwerty.</p></body></html>`,
			"http://example.gov.vn/vb.aspx?ma=5521", "http://example.gov.vn/vb.aspx?ma=qwerty", true},
		{"an article that says the words",
			`<html><body><h1>Thông báo bảo trì hệ thống</h1><p>Trong thời gian bảo trì, người dùng có thể gặp thông báo "Không tìm thấy trang". Đề nghị các cơ quan, đơn vị chủ động sắp xếp công việc.</p></body></html>`,
			`<html><body><h1>Không tìm thấy trang</h1><p>Trang bạn yêu cầu không tồn tại.</p></body></html>`,
			"http://example.gov.vn/tin/bao-tri.html", "http://example.gov.vn/tin/vanban-kiem-tra-qwerty.html", false},
		{"numbered documents alike but for their number",
			`<html><body><h1>Thông báo số 1 về công tác cải cách hành chính</h1><p>Ủy ban nhân dân tỉnh thông báo kết quả thực hiện nhiệm vụ trong quý.</p></body></html>`,
			`<html><body><h1>Thông báo số 0 về công tác cải cách hành chính</h1><p>Ủy ban nhân dân tỉnh thông báo kết quả thực hiện nhiệm vụ trong quý.</p></body></html>`,
			"http://example.gov.vn/bai/1", "http://example.gov.vn/bai/vanban-kiem-tra-qwerty", false},
		{"same chrome, other words",
			`<html><body><nav>Trang chủ Giới thiệu Tin tức</nav><p>Quyết định phê duyệt quy hoạch.</p></body></html>`,
			`<html><body><nav>Trang chủ Giới thiệu Tin tức</nav><p>Không tìm thấy dữ liệu.</p></body></html>`,
			"http://example.gov.vn/tin/qd-1.html", "http://example.gov.vn/tin/vanban-kiem-tra-qwerty.html", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pa, ua := page(t, tc.aURL, tc.a)
			pb, ub := page(t, tc.bURL, tc.b)
			fa, fb := fingerprint(pa, ua, extract.Options{}), fingerprint(pb, ub, extract.Options{})
			if got := fa.readsAs(fb); got != tc.same {
				t.Errorf("same %v, want %v\n%q\n%q", got, tc.same, fa.text, fb.text)
			}
		})
	}
}

// TestSoft404Misses: a page that stays a soft 404 counts its misses as a
// 404 does (missing.go): asked on the first nights, then weekly. Its
// first night is no miss: the document is suspected, kept.
func TestSoft404Misses(t *testing.T) {
	p := &softPortal{articles: map[string]string{}, notFound: templateNotFound}
	const path = "/van-ban/45/ke-hoach-45.html"
	p.set(path, softArticle("Kế hoạch số 45/KH-UBND", "Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai Nghị quyết số 57-NQ/TW về chuyển đổi số."))
	srv := httptest.NewServer(p)
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	day := time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)
	c.now = func() time.Time { return day }
	site := &Site{Name: "soft", Start: []string{srv.URL + "/tin-tuc"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/van-ban/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Crawl(context.Background(), site, Limits{}); err != nil {
		t.Fatal(err)
	}
	p.set(path, "")
	for night := 1; night <= 5; night++ {
		day = day.AddDate(0, 0, 1)
		rep, err := c.Crawl(context.Background(), site, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		s := urlStates(t, store)[srv.URL+path]
		if want := min(night-1, missNightly); s.Misses != want {
			t.Errorf("night %d: misses %d, want %d (%+v)", night, s.Misses, want, rep)
		}
		if night == 1 && (rep.SoftSuspect != 1 || s.Suspect == "") {
			t.Errorf("night 1: %+v, state %+v; want the document suspected", rep, s)
		}
		if night == 5 && rep.NotAsked == 0 {
			t.Errorf("night 5: %+v, want the soft 404 not asked before a week", rep)
		}
	}
}

// servedBytes counts the requests of a handler whose path holds probe
// and the body bytes it answered with 200.
type servedBytes struct {
	h             http.Handler
	mu            sync.Mutex
	probes, bytes int
}

type statusWriter struct {
	http.ResponseWriter
	status, n int
}

func (w *statusWriter) WriteHeader(s int) { w.status = s; w.ResponseWriter.WriteHeader(s) }
func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.n += n
	return n, err
}

func (s *servedBytes) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	cw := &statusWriter{ResponseWriter: w}
	s.h.ServeHTTP(cw, r)
	s.mu.Lock()
	defer s.mu.Unlock()
	if strings.Contains(r.URL.Path, "vanban-kiem-tra-") {
		s.probes++
	}
	if cw.status == http.StatusOK {
		s.bytes += cw.n
	}
}

// TestSoft404ProbesCounted: the probes are requests to the operator's
// portal like any other: the report counts them and the bytes they
// answered, so that its figures are what the site served.
func TestSoft404ProbesCounted(t *testing.T) {
	p := &softPortal{articles: map[string]string{}, notFound: templateNotFound}
	p.set("/van-ban/45/ke-hoach-45.html", softArticle("Kế hoạch số 45/KH-UBND", "Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai Nghị quyết số 57-NQ/TW về chuyển đổi số."))
	p.set("/van-ban/46/thong-bao-46.html", softArticle("Thông báo số 46/TB-UBND", "Thông báo lịch tiếp công dân định kỳ của lãnh đạo Ủy ban nhân dân tỉnh tháng 6."))
	sb := &servedBytes{h: p}
	srv := httptest.NewServer(sb)
	defer srv.Close()
	c := testCrawler(t, openStore(t))
	site := &Site{Name: "soft", Start: []string{srv.URL + "/tin-tuc"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/van-ban/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	for run := range 2 {
		sb.mu.Lock()
		sb.probes, sb.bytes = 0, 0
		sb.mu.Unlock()
		if run == 1 {
			p.set("/van-ban/45/ke-hoach-45.html", "") // taken down: a probe
		}
		rep, err := c.Crawl(context.Background(), site, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		sb.mu.Lock()
		probes, bytes := sb.probes, sb.bytes
		sb.mu.Unlock()
		if probes == 0 {
			t.Fatalf("run %d: no probe asked (the test no longer exercises the probe)", run)
		}
		if rep.Probes != probes || rep.Bytes != int64(bytes) {
			t.Errorf("run %d: report %d probes, %d bytes; the site answered %d probes, %d bytes with 200", run, rep.Probes, rep.Bytes, probes, bytes)
		}
	}
}

// slugPortal routes an article by its directory (a slug per document,
// no number in it: "/van-ban/thong-bao-lich-tiep-cong-dan/index.html"),
// serving it for any address under that directory, as CMSs that read the
// slug and ignore what follows do; elsewhere under /van-ban/ its error
// template.
type slugPortal struct {
	mu       sync.Mutex
	articles map[string]string // directory → page
}

func (p *slugPortal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if r.URL.Path == "/tin-tuc" {
		fmt.Fprint(w, `<html><body><a href="/van-ban/thong-bao-lich-tiep-cong-dan/index.html">Văn bản</a></body></html>`)
		return
	}
	dir := r.URL.Path[:strings.LastIndex(r.URL.Path, "/")+1]
	if a, ok := p.articles[dir]; ok {
		fmt.Fprint(w, a)
		return
	}
	if strings.HasPrefix(r.URL.Path, "/van-ban/") {
		fmt.Fprint(w, templateNotFound(r.URL.Path))
		return
	}
	http.NotFound(w, r)
}

// TestSoft404SlugRouted: on a portal that serves a document at any
// address under its slug's directory, the probe gets the document itself;
// a notice edited in its title (the old title no longer in it) and text
// then reads as the probe, and
// must stay a live document (the page shows the stored document's number).
func TestSoft404SlugRouted(t *testing.T) {
	const dir = "/van-ban/thong-bao-lich-tiep-cong-dan/"
	p := &slugPortal{articles: map[string]string{
		dir: softArticle("Thông báo số 46/TB-UBND", "Thông báo lịch tiếp công dân định kỳ của lãnh đạo Ủy ban nhân dân tỉnh tháng 6."),
	}}
	srv := httptest.NewServer(p)
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	site := &Site{Name: "slug", Start: []string{srv.URL + "/tin-tuc"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/van-ban/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	if rep, err := c.Crawl(context.Background(), site, Limits{}); err != nil || rep.New != 1 {
		t.Fatalf("first run: %+v %v", rep, err)
	}
	id := corpus.IDForURL(srv.URL + dir + "index.html")
	if d, err := store.Get(id); err != nil || d.Number == "" {
		t.Fatalf("the notice: %+v %v, want its number read", d, err)
	}
	p.mu.Lock()
	p.articles[dir] = softArticle("Thông báo 46/TB-UBND về điều chỉnh lịch tiếp công dân", "Điều chỉnh lịch tiếp công dân định kỳ của lãnh đạo Ủy ban nhân dân tỉnh sang tháng 7 do trùng kỳ họp Hội đồng nhân dân.")
	p.mu.Unlock()
	rep, err := c.Crawl(context.Background(), site, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	d, err := store.Get(id)
	if err != nil || d.Gone || !strings.Contains(d.Body, "tháng 7") {
		t.Errorf("the edited notice: %+v %v, want it live with its new text (%+v)", d, err, rep)
	}
	if rep.SoftNotFound != 0 {
		t.Errorf("report %+v: a live page counted a soft 404", rep)
	}
}

// TestHoldsTitle: a page shows its stored document by its title or by
// its number (letters and digits; a bare count is no number). Examples
// written for the test.
func TestHoldsTitle(t *testing.T) {
	doc := &corpus.Document{Title: "Kế hoạch số 12/KH-UBND về phòng chống dịch", Number: "12/KH-UBND"}
	for _, tc := range []struct {
		name, text string
		doc        *corpus.Document
		want       bool
	}{
		{"title", "Trang chủ KẾ HOẠCH SỐ 12/KH-UBND VỀ PHÒNG CHỐNG DỊCH Ngày đăng", doc, true},
		{"number, title edited", "Kế hoạch 12/KH-UBND (sửa đổi) về phòng, chống dịch bệnh", doc, true},
		{"another number", "Kế hoạch số 13/KH-UBND về phòng chống dịch bệnh", doc, false},
		{"error template", "Không tìm thấy trang. Trang bạn yêu cầu không tồn tại.", doc, false},
		{"a bare count is no number", "Thông báo số 1 của Ban", &corpus.Document{Title: "Lịch công tác tuần", Number: "1"}, false},
		{"no document", "Kế hoạch số 12/KH-UBND", nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := fingerprints{text: normalise(tc.text, nil)}
			if got := f.holdsTitle(tc.doc); got != tc.want {
				t.Errorf("holdsTitle(%q) = %v, want %v", tc.text, got, tc.want)
			}
		})
	}
}
