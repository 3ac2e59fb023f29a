package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// queryPortal is a WordPress- or PHP-style portal: one handler
// (/index.php) serves every post by the value of one query parameter
// (?p=<slug or number>, ?name=<slug>, ?page_id=<number>) and answers a
// value it does not have with 200 and its "not found" template; another
// handler is a real 404.
type queryPortal struct {
	mu     sync.Mutex
	param  string
	keys   []string          // as linked, in the listing's order
	posts  map[string]string // value → page
	probes []string          // the values asked that it does not have
}

func (p *queryPortal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch r.URL.Path {
	case "/danh-muc/van-ban":
		var b strings.Builder
		b.WriteString(`<html><body>`)
		for _, k := range p.keys {
			fmt.Fprintf(&b, `<a href="/index.php?%s=%s&amp;lang=vi">Văn bản</a> `, p.param, k)
		}
		b.WriteString(`</body></html>`)
		fmt.Fprint(w, b.String())
	case "/index.php":
		v := r.URL.Query().Get(p.param)
		if a, ok := p.posts[v]; ok {
			fmt.Fprint(w, a)
			return
		}
		p.probes = append(p.probes, v)
		fmt.Fprint(w, portalChrome("Không tìm thấy", `<div class="content-detail"><h1>Không tìm thấy</h1><p>Rất tiếc, bài viết bạn tìm không có trên hệ thống. Hãy thử tìm kiếm bằng từ khóa khác.</p></div>`))
	default:
		http.NotFound(w, r)
	}
}

// TestSoft404QuerySlug: portals routing posts by a query parameter whose
// value is a slug (?p=ke-hoach-trien-khai-101, ?name=…) or a WordPress
// number (?p=101, ?page_id=101). The probe keeps the handler and the
// other parameters and asks the routing parameter for a value no post
// has (a slug of its own, or a number far past the known ones): a post
// taken down is suspected, then a tombstone; a post edited stays live;
// one probe a run, never another handler.
func TestSoft404QuerySlug(t *testing.T) {
	for _, tc := range []struct {
		name, param string
		keys        []string
	}{
		{"slug in p", "p", []string{"ke-hoach-trien-khai-chuyen-doi-so-101", "thong-bao-lich-tiep-cong-dan-102", "cong-van-ra-soat-du-an-103"}},
		{"slug in name", "name", []string{"ke-hoach-so-101-kh-ubnd", "thong-bao-so-102", "cong-van-103-ubnd-kt"}},
		{"WordPress number in p", "p", []string{"101", "102", "103"}},
		{"page_id", "page_id", []string{"2101", "2102", "2103"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &queryPortal{param: tc.param, keys: tc.keys, posts: map[string]string{
				tc.keys[0]: softArticle("Kế hoạch số 101/KH-UBND", "Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai chương trình chuyển đổi số năm 2026."),
				tc.keys[1]: softArticle("Thông báo số 102/TB-UBND", "Thông báo lịch tiếp công dân định kỳ của lãnh đạo Ủy ban nhân dân tỉnh tháng 6."),
				tc.keys[2]: softArticle("Công văn số 103/UBND-KT", "Về việc rà soát các dự án đầu tư công chậm tiến độ trên địa bàn tỉnh."),
			}}
			srv := httptest.NewServer(p)
			defer srv.Close()
			store := openStore(t)
			c := testCrawler(t, store)
			site := &Site{Name: "wp", Start: []string{srv.URL + "/danh-muc/van-ban"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/index\.php\?`}, Concurrency: 1}
			if err := site.compile(); err != nil {
				t.Fatal(err)
			}
			if rep, err := c.Crawl(context.Background(), site, Limits{}); err != nil || rep.New != 3 {
				t.Fatalf("first run: %+v %v", rep, err)
			}
			live := func(i int) bool {
				d, err := store.Get(corpus.IDForURL(srv.URL + "/index.php?" + tc.param + "=" + tc.keys[i] + "&lang=vi"))
				return err == nil && !d.Gone && !strings.Contains(d.Body, "Rất tiếc")
			}
			p.mu.Lock()
			p.probes = nil
			delete(p.posts, tc.keys[0])
			p.posts[tc.keys[1]] = softArticle("Thông báo số 102/TB-UBND", "Thông báo lịch tiếp công dân định kỳ của lãnh đạo Ủy ban nhân dân tỉnh tháng 7 (điều chỉnh).")
			p.mu.Unlock()
			rep, err := c.Crawl(context.Background(), site, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if !live(0) || rep.SoftSuspect != 1 || rep.Probes != 1 || rep.Changed != 1 {
				t.Errorf("second run %+v: want the post taken down suspected and kept, the edited one changed, 1 probe", rep)
			}
			if rep, err = c.Crawl(context.Background(), site, Limits{}); err != nil {
				t.Fatal(err)
			}
			if live(0) || !live(1) || !live(2) || rep.SoftNotFound != 1 || rep.Gone != 1 {
				t.Errorf("third run %+v: live %v %v %v; want the post taken down a soft 404, the others live", rep, live(0), live(1), live(2))
			}
			p.mu.Lock()
			defer p.mu.Unlock()
			var asked []string
			for _, v := range p.probes {
				if v != tc.keys[0] {
					asked = append(asked, v)
				}
			}
			if len(asked) != 2 {
				t.Fatalf("probes asked %q; want one a run, on the handler", asked)
			}
			for _, v := range asked {
				if p.posts[v] != "" || v == "" {
					t.Errorf("probe value %q: want one no post has", v)
				}
			}
		})
	}
}
