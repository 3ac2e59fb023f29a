package crawler

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler/extract"
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
// down is then a soft 404 (suspected on the first night, a tombstone on
// the next); an item edited stays live.
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
	if !live(101) || rep.SoftSuspect != 1 || rep.Probes != 1 {
		t.Errorf("second run %+v: want 101 suspected, kept, after 1 probe", rep)
	}
	if rep, err = c.Crawl(context.Background(), site, Limits{}); err != nil {
		t.Fatal(err)
	}
	if live(101) || !live(102) || !live(103) {
		t.Errorf("third run %+v: live 101 %v (taken down), 102 %v, 103 %v", rep, live(101), live(102), live(103))
	}
	if rep.SoftNotFound != 1 || rep.Gone != 1 || rep.Probes != 1 {
		t.Errorf("third run %+v: want 1 soft 404, 1 gone, 1 probe", rep)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	var asked []string
	for _, q := range p.probes {
		if !strings.Contains(q, "ItemID=101&") {
			asked = append(asked, q)
		}
	}
	if len(asked) != 2 || !strings.HasSuffix(asked[0], "&l=VanBan") {
		t.Fatalf("probes asked %q; want one a run, the same handler and parameters", asked)
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
	if d, err := store.Get(id); err != nil || d.Gone || rep.SoftSuspect != 1 {
		t.Errorf("the notice taken down, first night: %+v %v, want it suspected, kept (%+v)", d, err, rep)
	}
	if rep, err = c.Crawl(context.Background(), site, Limits{}); err != nil {
		t.Fatal(err)
	}
	// Its listing still links it: a lone document answering as gone
	// while linked waits a week (a one-document section's broken route
	// reads the same: suspects.go listingWait), then is a soft 404.
	if d, err := store.Get(id); err != nil || d.Gone || rep.SoftNotFound != 1 {
		t.Errorf("the notice taken down, second night, still linked: %+v %v, want it kept (%+v)", d, err, rep)
	}
	week := time.Now().Add(listingWait + time.Hour)
	c.now = func() time.Time { return week }
	if rep, err = c.Crawl(context.Background(), site, Limits{}); err != nil {
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
		if got, _ := idParam(u, nil); got != tc.param {
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

// maintenance answers every address with one 200 page, as a portal under
// maintenance for a night does, when on is set; else the portal.
type maintenance struct {
	h  http.Handler
	mu sync.Mutex
	on bool
}

func (m *maintenance) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	m.mu.Lock()
	on := m.on
	m.mu.Unlock()
	if on && r.URL.Path != "/robots.txt" {
		fmt.Fprint(w, portalChrome("Bảo trì hệ thống", `<div class="content-detail"><h1>Hệ thống đang bảo trì</h1><p>Cổng thông tin đang được nâng cấp, vui lòng quay lại sau.</p></div>`))
		return
	}
	m.h.ServeHTTP(w, r)
}

// TestSoft404MaintenanceNight: a portal answering every address with its
// maintenance page for one night. Every document's page reads as the
// probe; none is tombstoned on that first night (each is suspected,
// kept as it was), and the next night, the portal back, every document
// is live and nothing is suspected any more. A page still reading as the
// site's missing page on the second night is a soft 404
// (TestSoft404).
func TestSoft404MaintenanceNight(t *testing.T) {
	p := &softPortal{articles: map[string]string{}, notFound: templateNotFound}
	p.set("/van-ban/45/ke-hoach-45.html", softArticle("Kế hoạch số 45/KH-UBND", "Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai Nghị quyết số 57-NQ/TW về chuyển đổi số."))
	p.set("/van-ban/46/thong-bao-46.html", softArticle("Thông báo số 46/TB-UBND", "Thông báo lịch tiếp công dân định kỳ của lãnh đạo Ủy ban nhân dân tỉnh tháng 6."))
	m := &maintenance{h: p}
	srv := httptest.NewServer(m)
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	c.warcDir = t.TempDir() // re-extraction reads what the states point at
	site := &Site{Name: "soft", Start: []string{srv.URL + "/tin-tuc"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/van-ban/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	if rep, err := c.Crawl(context.Background(), site, Limits{}); err != nil || rep.New != 2 {
		t.Fatalf("first run: %+v %v", rep, err)
	}
	live := func(path string) bool {
		d, err := store.Get(corpus.IDForURL(srv.URL + path))
		return err == nil && !d.Gone && strings.Contains(d.Body, "Ủy ban nhân dân tỉnh")
	}
	before := urlStates(t, store)
	m.mu.Lock()
	m.on = true
	m.mu.Unlock()
	rep, err := c.Crawl(context.Background(), site, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/van-ban/45/ke-hoach-45.html", "/van-ban/46/thong-bao-46.html"} {
		b, a := before[srv.URL+path], urlStates(t, store)[srv.URL+path]
		if b.WARC == "" || a.WARC != b.WARC || a.Offset != b.Offset {
			t.Errorf("%s: archive reference %s@%d after the maintenance night, want the document's %s@%d", path, a.WARC, a.Offset, b.WARC, b.Offset)
		}
	}
	if !live("/van-ban/45/ke-hoach-45.html") || !live("/van-ban/46/thong-bao-46.html") || rep.Gone != 0 || rep.SoftSuspect != 2 {
		t.Errorf("maintenance night %+v: want both documents kept as they were, 2 suspected", rep)
	}
	m.mu.Lock()
	m.on = false
	m.mu.Unlock()
	rep, err = c.Crawl(context.Background(), site, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if !live("/van-ban/45/ke-hoach-45.html") || !live("/van-ban/46/thong-bao-46.html") || rep.Gone != 0 || rep.SoftNotFound != 2 || rep.SoftSuspect != 0 {
		t.Errorf("the night after %+v: want both live, nothing gone or suspected, the listing's 2 dead links soft 404s", rep)
	}
	for u, s := range urlStates(t, store) {
		if s.Suspect != "" {
			t.Errorf("%s still suspected after the portal came back", u)
		}
	}
}

// TestSoft404SectionSlug: a portal whose articles sit in a section
// without digits (/tin-tuc/<slug>.html), answering an unknown slug there
// with 200 and its error template and an unknown section with a real
// 404. The probe in another directory gets that 404; the first probe's
// answer is a template (a sentence, no number), not a document, so a
// removed article is still a soft 404.
func TestSoft404SectionSlug(t *testing.T) {
	var mu sync.Mutex
	up := true
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case r.URL.Path == "/":
			fmt.Fprint(w, `<html><body><a href="/tin-tuc/trien-khai-chuyen-doi-so-cap-xa.html">Tin</a></body></html>`)
		case r.URL.Path == "/tin-tuc/trien-khai-chuyen-doi-so-cap-xa.html" && up:
			fmt.Fprint(w, softArticle("Triển khai chuyển đổi số cấp xã", "Các xã, phường, thị trấn trên địa bàn tỉnh tổ chức tập huấn kỹ năng số cho cán bộ, công chức và người dân."))
		case strings.HasPrefix(r.URL.Path, "/tin-tuc/"):
			fmt.Fprint(w, templateNotFound(r.URL.Path))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	site := &Site{Name: "sec", Start: []string{srv.URL + "/"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/tin-tuc/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	if rep, err := c.Crawl(context.Background(), site, Limits{}); err != nil || rep.New != 1 {
		t.Fatalf("first run: %+v %v", rep, err)
	}
	mu.Lock()
	up = false
	mu.Unlock()
	var rep Report
	for range 2 {
		var err error
		if rep, err = c.Crawl(context.Background(), site, Limits{}); err != nil {
			t.Fatal(err)
		}
	}
	// The home page still links it: a lone document answering as gone
	// while linked waits a week (suspects.go listingWait), then goes.
	id := corpus.IDForURL(srv.URL + "/tin-tuc/trien-khai-chuyen-doi-so-cap-xa.html")
	if d, err := store.Get(id); err != nil || d.Gone || rep.SoftNotFound != 1 {
		t.Errorf("the removed article, second night, still linked: %+v %v, want it kept (%+v)", d, err, rep)
	}
	week := time.Now().Add(listingWait + time.Hour)
	c.now = func() time.Time { return week }
	rep, err := c.Crawl(context.Background(), site, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	d, err := store.Get(id)
	if err != nil || !d.Gone || rep.SoftNotFound != 1 {
		t.Errorf("the removed article: %+v %v, want a soft 404 (%+v)", d, err, rep)
	}
}

// TestProbeDocLike: a probe's answer reads as a document when its
// article has a number or thinBody characters of text; an error template
// says a sentence or two. Pages written for the test.
func TestProbeDocLike(t *testing.T) {
	long := strings.Repeat("Ủy ban nhân dân huyện tổ chức hội nghị sơ kết công tác cải cách hành chính sáu tháng đầu năm. ", 3)
	for _, tc := range []struct {
		name, page string
		want       bool
	}{
		{"error template", templateNotFound("/x"), false},
		{"template naming the address", templateEcho("/van-ban/abc/x.html"), false},
		{"a numbered notice", softArticle("Thông báo số 52/TB-VP", "Lịch làm việc của lãnh đạo tỉnh trong tuần."), true},
		{"a long news article", softArticle("Sơ kết cải cách hành chính", long), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, _ := url.Parse("https://huyen.example.gov.vn/tin-tuc/vanban-kiem-tra-abc.html")
			p, err := extract.Parse([]byte(tc.page), "text/html; charset=utf-8", u)
			if err != nil {
				t.Fatal(err)
			}
			if got := fingerprint(p, u, extract.Options{}).docLike; got != tc.want {
				t.Errorf("docLike = %v, want %v", got, tc.want)
			}
		})
	}
}

// FuzzProbeAddresses: whatever the address, the probes are built without
// a panic; a query-routed probe keeps the path and the other parameters
// and asks its parameter for a larger number; the directory probe leaves
// the page's directory.
func FuzzProbeAddresses(f *testing.F) {
	for _, s := range []string{
		"https://example.gov.vn/Pages/default.aspx?ItemID=1234&l=VanBan",
		"https://blog.example.vn/?p=45",
		"https://example.gov.vn/van-ban/thong-bao/index.html",
		"https://example.gov.vn/a?id=999999999999999999&id=1",
		"http://h/%2F/x?p=0",
		"http://h//%2F/",
		"https://example.gov.vn/Lists/VanBan/DispForm.aspx?List=%7B6F9619FF-8B86-D011-B42D-00C04FC964FF%7D&Item=3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f",
		"https://example.gov.vn/vb.aspx?id={6F9619FF-8B86-D011-B42D-00C04FC964FF}",
		"https://soyte.example.gov.vn/index.php?p=ke-hoach-phong-chong-dich-45&lang=vi",
		"https://example.gov.vn/?name=thong-bao-ket-luan&p=3",
	} {
		f.Add(s, int64(1))
	}
	f.Fuzz(func(t *testing.T, raw string, known int64) {
		u, err := url.Parse(raw)
		if err != nil || !u.IsAbs() || u.Host == "" { // the crawler asks absolute URLs only
			return
		}
		if param, v := idParam(u, nil); param != "" && valueKind(v) == idGUID {
			p := guidProbeURL(u, param, v, [16]byte{byte(known), 1, 2, 3})
			pu, err := url.Parse(p)
			if err != nil {
				t.Fatalf("probe %q of %q: %v", p, raw, err)
			}
			g := rawParam(pu.RawQuery, param)
			if pu.Path != u.Path || guidParts(g) == "" || len(g) != len(v) || strings.EqualFold(g, v) || strings.Count(pu.RawQuery, "&") != strings.Count(u.RawQuery, "&") {
				t.Errorf("probe %q of %q (%s=%s)", p, raw, param, v)
			}
		} else if param != "" && valueKind(v) == idSlug {
			p := slugProbeURL(u, param, "tok")
			pu, err := url.Parse(p)
			if err != nil {
				t.Fatalf("probe %q of %q: %v", p, raw, err)
			}
			g := rawParam(pu.RawQuery, param)
			if pu.Path != u.Path || !slugLike(g) || g == v && v != "vanban-kiem-tra-tok" || strings.Count(pu.RawQuery, "&") != strings.Count(u.RawQuery, "&") {
				t.Errorf("probe %q of %q (%s=%s)", p, raw, param, v)
			}
		} else if param != "" {
			p, _, ok := idProbeURL(u, param, known, 5)
			if !ok {
				return
			}
			pu, err := url.Parse(p)
			if err != nil {
				t.Fatalf("probe %q of %q: %v", p, raw, err)
			}
			if pu.Path != u.Path {
				t.Errorf("probe %q of %q: another path", p, raw)
			}
			n, err := strconv.ParseInt(rawParam(pu.RawQuery, param), 10, 64)
			if err != nil || (known >= 0 && n <= known) || strings.Count(pu.RawQuery, "&") != strings.Count(u.RawQuery, "&") {
				t.Errorf("probe %q of %q (%s=%s, known %d)", p, raw, param, v, known)
			}
		}
		if p, _ := dirProbeURL(u, "tok"); p != "" && dirRoutes(u) {
			pu, err := url.Parse(p)
			if err != nil || path.Dir(pu.Path) == path.Dir(u.Path) {
				t.Errorf("directory probe %q of %q: %v", p, raw, err)
			}
		}
	})
}

// TestKnownID: the largest number of the routing parameter among the
// run's URLs of the page's shape, the parameter read as written (a name
// that needs escaping too); other shapes and parameters do not count.
func TestKnownID(t *testing.T) {
	r := &run{seen: map[string]bool{
		"https://example.gov.vn/Pages/default.aspx?ItemID=2001&l=VanBan":       true,
		"https://example.gov.vn/Pages/default.aspx?ItemID=87&l=TinTuc":         true,
		"https://example.gov.vn/Pages/other.aspx?ItemID=99999":                 true, // another handler
		"https://example.gov.vn/Pages/default.aspx?ItemID=5&l=VanBan&page=900": true, // another shape
		"https://example.gov.vn/tra-cuu.aspx?M%C3%A3VB=300":                    true,
		"https://example.gov.vn/tra-cuu.aspx?M%C3%A3VB=41":                     true,
	}}
	for _, tc := range []struct {
		page, param string
		want        int64
	}{
		{"https://example.gov.vn/Pages/default.aspx?ItemID=12&l=VanBan", "ItemID", 2001},
		{"https://example.gov.vn/Pages/default.aspx?ItemID=5000&l=VanBan", "ItemID", 5000},
		{"https://example.gov.vn/tra-cuu.aspx?M%C3%A3VB=7", "M%C3%A3VB", 300},
	} {
		u, _ := url.Parse(tc.page)
		if got := r.knownID(u, tc.param); got != tc.want {
			t.Errorf("knownID(%s, %s) = %d, want %d", tc.page, tc.param, got, tc.want)
		}
	}
}
