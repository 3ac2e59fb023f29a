package crawler

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// itemPortal is a SharePoint-style portal: one handler serves every item
// by its number (/Pages/default.aspx?ItemID=101&l=VanBan) and answers an
// unknown number with 200 and its "no such item" template; an unknown
// handler is a real 404.
type itemPortal struct {
	mu     sync.Mutex
	items  map[int]string // ItemID → page
	probes []string       // the requests for items it does not have
}

func (p *itemPortal) set(id int, html string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if html == "" {
		delete(p.items, id)
		return
	}
	p.items[id] = html
}

func (p *itemPortal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch r.URL.Path {
	case "/Pages/danh-sach.aspx":
		var b strings.Builder
		b.WriteString(`<html><body>`)
		for _, id := range []int{101, 102, 103} {
			fmt.Fprintf(&b, `<a href="/Pages/default.aspx?ItemID=%d&amp;l=VanBan">Văn bản %d</a> `, id, id)
		}
		b.WriteString(`</body></html>`)
		fmt.Fprint(w, b.String())
	case "/Pages/default.aspx":
		id, err := strconv.Atoi(r.URL.Query().Get("ItemID"))
		if a, ok := p.items[id]; ok && err == nil {
			fmt.Fprint(w, a)
			return
		}
		p.probes = append(p.probes, r.URL.RawQuery)
		fmt.Fprint(w, portalChrome("Thông báo", `<div class="content-detail"><h1>Thông báo</h1><p>Không tìm thấy mục bạn yêu cầu. Mục có thể đã bị xóa hoặc chuyển sang địa chỉ khác.</p></div>`))
	default:
		http.NotFound(w, r)
	}
}

// TestSoft404QueryRouted: on a portal routing items by a query parameter,
// a probe that replaces the handler gets a real 404 and said nothing; the
// probe keeps the handler and the other parameters and asks the same
// parameter for a number far past the site's known ones. An item taken
// down is then a soft 404; an item edited stays live.
func TestSoft404QueryRouted(t *testing.T) {
	p := &itemPortal{items: map[int]string{}}
	p.set(101, softArticle("Kế hoạch số 101/KH-UBND", "Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai chương trình chuyển đổi số năm 2026."))
	p.set(102, softArticle("Thông báo số 102/TB-UBND", "Thông báo lịch tiếp công dân định kỳ của lãnh đạo Ủy ban nhân dân tỉnh tháng 6."))
	p.set(103, softArticle("Công văn số 103/UBND-KT", "Về việc rà soát các dự án đầu tư công chậm tiến độ trên địa bàn tỉnh."))
	srv := httptest.NewServer(p)
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	site := &Site{Name: "sp", Start: []string{srv.URL + "/Pages/danh-sach.aspx"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/Pages/default\.aspx\?ItemID=`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	if rep, err := c.Crawl(context.Background(), site, Limits{}); err != nil || rep.New != 3 {
		t.Fatalf("first run: %+v %v", rep, err)
	}
	item := func(id int) string { return fmt.Sprintf("%s/Pages/default.aspx?ItemID=%d&l=VanBan", srv.URL, id) }
	live := func(id int) bool {
		d, err := store.Get(corpus.IDForURL(item(id)))
		return err == nil && !d.Gone
	}
	p.set(101, "")
	p.set(102, softArticle("Thông báo số 102/TB-UBND", "Thông báo lịch tiếp công dân định kỳ của lãnh đạo Ủy ban nhân dân tỉnh tháng 7 (điều chỉnh)."))
	p.mu.Lock()
	p.probes = nil
	p.mu.Unlock()
	rep, err := c.Crawl(context.Background(), site, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if live(101) || !live(102) || !live(103) {
		t.Errorf("second run %+v: live 101 %v (taken down), 102 %v, 103 %v", rep, live(101), live(102), live(103))
	}
	if rep.SoftNotFound != 1 || rep.Gone != 1 || rep.Probes != 1 {
		t.Errorf("second run %+v: want 1 soft 404, 1 gone, 1 probe", rep)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	var asked []string
	for _, q := range p.probes {
		if !strings.Contains(q, "ItemID=101&") {
			asked = append(asked, q)
		}
	}
	if len(asked) != 1 || !strings.HasSuffix(asked[0], "&l=VanBan") {
		t.Fatalf("probes asked %q; want one, the same handler and parameters", asked)
	}
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(asked[0], "ItemID="), "&l=VanBan"))
	if err != nil || n < 1000 {
		t.Errorf("probe %q: want an ItemID far past the known 101–103", asked[0])
	}
}

// TestSoft404SlugRenumbered: on a portal that serves a document at any
// address under its slug's directory, a notice edited on one night in
// its title, its text and its number shows nothing of its stored
// document, and reads as the probe (which got the notice itself). The
// site's answer in a directory it cannot have is its error template, not
// the notice: the notice stays live. Taken down, its directory answers
// the template too, and it is a soft 404.
func TestSoft404SlugRenumbered(t *testing.T) {
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
	p.mu.Lock()
	p.articles[dir] = softArticle("Thông báo số 52/TB-VP về lịch làm việc của lãnh đạo", "Văn phòng thông báo lịch làm việc của lãnh đạo tỉnh trong tháng 7, thay cho lịch đã đăng.")
	p.mu.Unlock()
	rep, err := c.Crawl(context.Background(), site, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if d, err := store.Get(id); err != nil || d.Gone || !strings.Contains(d.Body, "tháng 7") || rep.SoftNotFound != 0 {
		t.Errorf("the renumbered notice: %+v %v, want it live with its new text (%+v)", d, err, rep)
	}
	p.mu.Lock()
	delete(p.articles, dir)
	p.mu.Unlock()
	rep, err = c.Crawl(context.Background(), site, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if d, err := store.Get(id); err != nil || !d.Gone || rep.SoftNotFound != 1 {
		t.Errorf("the notice taken down: %+v %v, want a soft 404 (%+v)", d, err, rep)
	}
}

// TestProbeAddresses: the routing parameter of query-routed addresses,
// the number past the known ones, and the probe in another directory.
// Addresses written for the test in the shapes of SharePoint, ASP.NET,
// PHP and WordPress portals.
func TestProbeAddresses(t *testing.T) {
	for _, tc := range []struct{ in, param string }{
		{"https://sokhcn.example.gov.vn/Pages/default.aspx?ItemID=1234&l=VanBan", "ItemID"},
		{"https://example.gov.vn/tin-tuc/chi-tiet.aspx?cat=5&NewsId=8812", "NewsId"},
		{"https://blog.example.vn/?p=45", "p"},
		{"https://example.gov.vn/index.php?option=com_content&view=article&catid=3", "catid"},
		{"https://example.gov.vn/van-ban/chi-tiet?so=77", "so"},                 // a handler: its first number
		{"https://example.gov.vn/van-ban/45/ke-hoach-45.html?page=2", ""},       // path-routed
		{"https://example.gov.vn/Pages/default.aspx?ItemID=abc&l=VanBan", ""},   // not a number
		{"https://example.gov.vn/vb.aspx?id=1234567890123456789", ""},           // past 18 digits
		{"https://example.gov.vn/van-ban/quyet-dinh-12.html?lang=vi&ver=3", ""}, // a document's page, a version
	} {
		u, _ := url.Parse(tc.in)
		if got, _ := idParam(u); got != tc.param {
			t.Errorf("idParam(%s) = %q, want %q", tc.in, got, tc.param)
		}
	}
	for _, tc := range []struct {
		known, want int64
		ok          bool
	}{
		{103, 10307, true},
		{21474835, 2147483507, true},
		{21474836, math.MaxInt32 - 7, true}, // an int32 handler: under 2³¹
		{math.MaxInt32, math.MaxInt32*100 + 7, true},
		{9e15 + 1, 0, false},
	} {
		got, ok := farPast(tc.known, 7)
		if got != tc.want || ok != tc.ok || ok && got <= tc.known {
			t.Errorf("farPast(%d) = %d, %v; want %d, %v", tc.known, got, ok, tc.want, tc.ok)
		}
	}
	u, _ := url.Parse("https://example.gov.vn/Pages/default.aspx?ItemID=1234&l=VanBan")
	if p, k, ok := idProbeURL(u, "ItemID", 2001, 3); !ok || p != "https://example.gov.vn/Pages/default.aspx?ItemID=200103&l=VanBan" || k != "example.gov.vn/Pages/default.aspx?itemid&l#ItemID" {
		t.Errorf("idProbeURL = %s, %s, %v", p, k, ok)
	}
	for _, tc := range []struct {
		in, probe string
		routes    bool
	}{
		{"https://example.gov.vn/van-ban/thong-bao-lich-tiep/index.html", "https://example.gov.vn/van-ban/vanban-kiem-tra-tok/vanban-kiem-tra-tok.html", true},
		{"https://example.gov.vn/tin/2025/bai-viet-ve-so-hoa", "https://example.gov.vn/tin/vanban-kiem-tra-tok/vanban-kiem-tra-tok", false},
		{"https://example.gov.vn/bai-viet-123.html", "", false},
	} {
		u, _ := url.Parse(tc.in)
		p, _ := dirProbeURL(u, "tok")
		if p != tc.probe || dirRoutes(u) != tc.routes {
			t.Errorf("dirProbeURL(%s) = %s, routes %v; want %s, %v", tc.in, p, dirRoutes(u), tc.probe, tc.routes)
		}
	}
}
