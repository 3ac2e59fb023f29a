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

	"github.com/vanban/vanban/corpus"
)

// guidPortal is a SharePoint-style portal routing items by a GUID: one
// handler serves each item (?<param>=<GUID>, after the fixed parameters
// pre) and answers an unknown GUID with 200 and its "no such item"
// template; an unknown handler, and pre changed (another list), a real
// 404.
type guidPortal struct {
	mu      sync.Mutex
	handler string            // "/Pages/chi-tiet.aspx"
	pre     string            // fixed parameters before the item's: "List=%7B…%7D&" or ""
	param   string            // the item's parameter
	post    string            // fixed parameters after it: "&l=VanBan" or ""
	items   map[string]string // GUID as linked → page
	order   []string
	probes  []string // the queries asked of items it does not have
}

func (p *guidPortal) link(g string) string {
	return p.handler + "?" + p.pre + p.param + "=" + g + p.post
}

func (p *guidPortal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch r.URL.Path {
	case "/danh-sach":
		var b strings.Builder
		b.WriteString(`<html><body>`)
		for _, g := range p.order {
			fmt.Fprintf(&b, `<a href="%s">Văn bản</a> `, strings.ReplaceAll(p.link(g), "&", "&amp;"))
		}
		b.WriteString(`</body></html>`)
		fmt.Fprint(w, b.String())
	case p.handler:
		q := r.URL.RawQuery
		if !strings.HasPrefix(q, p.pre) || !strings.HasSuffix(q, p.post) {
			http.NotFound(w, r)
			return
		}
		g := strings.TrimSuffix(strings.TrimPrefix(q, p.pre+p.param+"="), p.post)
		if a, ok := p.items[g]; ok {
			fmt.Fprint(w, a)
			return
		}
		p.probes = append(p.probes, q)
		fmt.Fprint(w, portalChrome("Thông báo", `<div class="content-detail"><h1>Thông báo</h1><p>Không tìm thấy mục bạn yêu cầu. Mục có thể đã bị xóa hoặc chuyển sang địa chỉ khác.</p></div>`))
	default:
		http.NotFound(w, r)
	}
}

// TestSoft404GUIDRouted: portals routing items by a GUID. The probe keeps
// the handler and every other parameter and asks the item's parameter for
// a well-formed GUID written alike (case, braces) that no item has. With
// the list's GUID before the item's (a parameter that is the same on
// every item: the site's addresses say it is not the ID) the item's
// parameter is asked, not the list's (which the portal answers with a
// real 404). An item taken down is suspected, then a tombstone; an item
// edited stays live.
func TestSoft404GUIDRouted(t *testing.T) {
	for _, tc := range []struct {
		name  string
		p     *guidPortal
		guids []string
	}{
		{"ItemID, lower case", &guidPortal{handler: "/Pages/chi-tiet.aspx", param: "ItemID", post: "&l=VanBan"},
			[]string{"3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f", "0b7e2d44-51aa-4c1e-8f03-9d6e5c4b3a21", "c81d4fae-7dec-41d0-a765-00a0c91e6bf6"}},
		{"a list's GUID before the item's, upper case", &guidPortal{handler: "/Lists/VanBan/DispForm.aspx", pre: "List=%7BC2D1E5A0-4F3B-4B8E-9A7D-2E6F1B0C9D84%7D&", param: "Item"},
			[]string{"6F9619FF-8B86-D011-B42D-00C04FC964FF", "7A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D", "D4E5F6A7-B8C9-4DAE-8F01-23456789ABCD"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.p
			p.items = map[string]string{}
			p.order = tc.guids
			p.items[tc.guids[0]] = softArticle("Kế hoạch số 101/KH-UBND", "Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai chương trình chuyển đổi số năm 2026.")
			p.items[tc.guids[1]] = softArticle("Thông báo số 102/TB-UBND", "Thông báo lịch tiếp công dân định kỳ của lãnh đạo Ủy ban nhân dân tỉnh tháng 6.")
			p.items[tc.guids[2]] = softArticle("Công văn số 103/UBND-KT", "Về việc rà soát các dự án đầu tư công chậm tiến độ trên địa bàn tỉnh.")
			srv := httptest.NewServer(p)
			defer srv.Close()
			store := openStore(t)
			c := testCrawler(t, store)
			site := &Site{Name: "sp", Start: []string{srv.URL + "/danh-sach"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`\.aspx\?`}, Concurrency: 1}
			if err := site.compile(); err != nil {
				t.Fatal(err)
			}
			if rep, err := c.Crawl(context.Background(), site, Limits{}); err != nil || rep.New != 3 {
				t.Fatalf("first run: %+v %v", rep, err)
			}
			live := func(i int) bool {
				d, err := store.Get(corpus.IDForURL(srv.URL + p.link(tc.guids[i])))
				return err == nil && !d.Gone && !strings.Contains(d.Body, "Không tìm thấy mục")
			}
			p.mu.Lock()
			p.probes = nil
			delete(p.items, tc.guids[0])
			p.items[tc.guids[1]] = softArticle("Thông báo số 102/TB-UBND", "Thông báo lịch tiếp công dân định kỳ của lãnh đạo Ủy ban nhân dân tỉnh tháng 7 (điều chỉnh).")
			p.mu.Unlock()
			rep, err := c.Crawl(context.Background(), site, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if !live(0) || rep.SoftSuspect != 1 || rep.Probes != 1 {
				t.Errorf("second run %+v: want the taken-down item suspected, kept, after 1 probe", rep)
			}
			if rep, err = c.Crawl(context.Background(), site, Limits{}); err != nil {
				t.Fatal(err)
			}
			if live(0) || !live(1) || !live(2) || rep.SoftNotFound != 1 || rep.Gone != 1 {
				t.Errorf("third run %+v: live %v %v %v; want the taken-down item a soft 404, the others live", rep, live(0), live(1), live(2))
			}
			p.mu.Lock()
			defer p.mu.Unlock()
			var asked []string
			for _, q := range p.probes {
				if !strings.Contains(q, tc.guids[0]) {
					asked = append(asked, q)
				}
			}
			if len(asked) != 2 {
				t.Fatalf("probes asked %q; want one a run", asked)
			}
			for _, q := range asked {
				g := strings.TrimSuffix(strings.TrimPrefix(q, p.pre+p.param+"="), p.post)
				if len(g) != 36 || guidParts(g) == "" || strings.ToUpper(g) == g != (strings.ToUpper(tc.guids[0]) == tc.guids[0]) || p.items[g] != "" {
					t.Errorf("probe %q: want a GUID written as the items' are, no item's", q)
				}
			}
		})
	}
}

// TestIDParam: which query parameter routes an address, from its values
// across the site's addresses of the same shape (others) and, without
// that evidence, from its name. Addresses written for the test in the
// shapes of SharePoint, ASP.NET, DNN, Joomla and PHP portals.
func TestIDParam(t *testing.T) {
	const g1, g2, g3 = "6F9619FF-8B86-D011-B42D-00C04FC964FF", "7A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D", "D4E5F6A7-B8C9-4DAE-8F01-23456789ABCD"
	for _, tc := range []struct {
		name, in string
		others   []string
		param    string
	}{
		{"a GUID named …id", "https://sotp.example.gov.vn/Pages/chi-tiet.aspx?ItemID=3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f&l=VanBan", nil, "ItemID"},
		{"an upper-case GUID after a handler", "https://example.gov.vn/vb.aspx?id=" + g1, nil, "id"},
		{"a GUID in escaped braces", "https://example.gov.vn/van-ban/xem?ma=%7B" + g1 + "%7D", nil, "ma"},
		{"a GUID in braces", "https://example.gov.vn/van-ban/xem?ma={" + g1 + "}", nil, "ma"},
		{"32 hex digits", "https://example.gov.vn/van-ban/xem?ma=6f9619ff8b86d011b42d00c04fc964ff", nil, "ma"},
		{"the list's GUID is the same on every item", "https://example.gov.vn/Lists/VanBan/DispForm.aspx?List=%7B" + g1 + "%7D&Item=" + g2,
			[]string{"List=%7B" + g1 + "%7D&Item=" + g3, "List=%7B" + g1 + "%7D&Item=3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f"}, "Item"},
		{"without the evidence, the first after the handler", "https://example.gov.vn/Lists/VanBan/DispForm.aspx?List=%7B" + g1 + "%7D&Item=" + g2, nil, "List"},
		{"a language number the same on every item", "https://example.gov.vn/tin/chi-tiet.aspx?lang=1&so=77", []string{"lang=1&so=78", "lang=1&so=79"}, "so"},
		{"both named …id: the one that differs most", "https://example.gov.vn/index.php?option=com_content&catid=3&id=55",
			[]string{"option=com_content&catid=3&id=56", "option=com_content&catid=4&id=57"}, "id"},
		{"a number here, a word there: no ID", "https://example.gov.vn/index.php?page=12", []string{"page=tin-tuc", "page=13"}, ""},
		{"not a GUID (a dash short)", "https://example.gov.vn/vb.aspx?id=6F9619FF8B86-D011-B42D-00C04FC964FF", nil, ""},
		{"not a GUID (a letter past f)", "https://example.gov.vn/vb.aspx?id=6F9619FG-8B86-D011-B42D-00C04FC964FF", nil, ""},
		// A page routed by its path is that page whatever its version:
		// asking another version gets the page itself, which a rewrite
		// of it reads as (TestSoft404PathRoutedVersion). Was "ver".
		{"path-routed, a version number that differs", "https://example.gov.vn/van-ban/quyet-dinh-12.html?lang=vi&ver=3", []string{"lang=vi&ver=4"}, ""},
		{"path-routed, a parameter named an ID that differs", "https://example.gov.vn/tin-tuc/bai-12.aspx?NewsID=5&lang=vi", []string{"NewsID=6&lang=vi"}, "NewsID"},
		// Slugs in the query (TestSoft404QuerySlug): only under a name
		// that says so; a section's or category's slug varies too.
		{"a slug in p", "https://soyte.example.gov.vn/index.php?p=ke-hoach-phong-chong-dich-45&lang=vi", nil, "p"},
		{"WordPress's name", "https://example.gov.vn/?name=thong-bao-ket-luan-cua-chu-tich", []string{"name=cong-van-ve-viec-ra-soat"}, "name"},
		{"a slug and a number: the number", "https://example.gov.vn/xem.php?slug=quyet-dinh-12&id=12", []string{"slug=quyet-dinh-13&id=13"}, "id"},
		{"a category's slug that differs: no ID", "https://example.gov.vn/index.php?cat=tin-tuc-su-kien", []string{"cat=van-ban-chi-dao"}, ""},
		{"a slug after a handler, not named: no ID", "https://example.gov.vn/chuyen-muc.php?muc=hoat-dong-so-nganh", nil, ""},
		{"a word is no slug", "https://example.gov.vn/index.php?name=vanban", nil, ""},
		{"a slug here, a number there: no ID", "https://example.gov.vn/index.php?p=gioi-thieu-chung", []string{"p=15"}, ""},
		// Without the evidence a number or a GUID named an ID before a
		// slug named so: a module's or category's slug (PHP-Nuke's
		// modules.php?name=…&sid=…) is the same on every item.
		{"without the evidence, the module's slug in name and a number in sid", "https://example.gov.vn/modules.php?name=tin-tuc&file=article&sid=123", nil, "sid"},
		{"without the evidence, a section's slug in p and a number in id", "https://example.gov.vn/index.php?p=van-ban-chi-dao&id=88", nil, "id"},
		{"without the evidence, a slug in name alone", "https://example.gov.vn/index.php?name=thong-bao-lich-hop&lang=vi", nil, "name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, err := url.Parse(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if got, _ := idParam(u, tc.others); got != tc.param {
				t.Errorf("idParam(%s, %q) = %q, want %q", tc.in, tc.others, got, tc.param)
			}
		})
	}
}

// TestGUIDLike: the probe's GUID is written as the item's is (braces,
// escaped braces, dashes, case), is a version 4 GUID, and is not the
// item's.
func TestGUIDLike(t *testing.T) {
	rnd := [16]byte{0x6f, 0x96, 0x19, 0xff, 0x8b, 0x86, 0xd0, 0x11, 0xb4, 0x2d, 0x00, 0xc0, 0x4f, 0xc9, 0x64, 0xff}
	for _, tc := range []struct{ in, want string }{
		{"6F9619FF-8B86-D011-B42D-00C04FC964FF", "6F9619FF-8B86-4011-B42D-00C04FC964FF"},
		{"3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f", "6f9619ff-8b86-4011-b42d-00c04fc964ff"},
		{"{3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f}", "{6f9619ff-8b86-4011-b42d-00c04fc964ff}"},
		{"%7b3F2A9C1E-7B4D-4E8A-9C2F-1A2B3C4D5E6F%7d", "%7b6F9619FF-8B86-4011-B42D-00C04FC964FF%7d"},
		{"3f2a9c1e7b4d4e8a9c2f1a2b3c4d5e6f", "6f9619ff8b864011b42d00c04fc964ff"},
	} {
		got := guidLike(tc.in, rnd)
		if got != tc.want || guidParts(got) == "" || guidParts(got)[12] != '4' {
			t.Errorf("guidLike(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
