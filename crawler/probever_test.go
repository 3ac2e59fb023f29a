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

// verPortal routes its documents by path (/van-ban/quyet-dinh-<n>.html)
// and links each with a version number it ignores (?ver=<k>, differing
// from page to page); an unknown document gets 200 and its "no such
// page" template.
type verPortal struct {
	mu    sync.Mutex
	links []string
	pages map[string]string // path → page
}

func (p *verPortal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if r.URL.Path == "/danh-sach" {
		var b strings.Builder
		for _, l := range p.links {
			fmt.Fprintf(&b, `<a href="%s">Văn bản</a> `, l)
		}
		fmt.Fprint(w, `<html><body>`+b.String()+`</body></html>`)
		return
	}
	if a, ok := p.pages[r.URL.Path]; ok {
		fmt.Fprint(w, a)
		return
	}
	if strings.HasPrefix(r.URL.Path, "/van-ban/") {
		fmt.Fprint(w, templateNotFound(r.URL.Path))
		return
	}
	http.NotFound(w, r)
}

// TestSoft404PathRoutedVersion: a page routed by its path whose query
// carries a number that differs from page to page (a version the site
// ignores) is not query-routed: a probe asking that number of the same
// path gets the page's own document, which every rewrite of it reads as.
// Before: the version taken for the ID, the page rewritten whole (title
// and text) read as its probe — suspected night after night, its new
// text never stored.
func TestSoft404PathRoutedVersion(t *testing.T) {
	p := &verPortal{pages: map[string]string{}}
	for i, n := range []int{12, 13, 14} {
		path := fmt.Sprintf("/van-ban/quyet-dinh-%d.html", n)
		p.links = append(p.links, fmt.Sprintf("%s?ver=%d", path, i+2))
	}
	p.pages["/van-ban/quyet-dinh-12.html"] = softArticle("Kế hoạch số 101/KH-UBND", "Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai chương trình chuyển đổi số năm 2026.")
	p.pages["/van-ban/quyet-dinh-13.html"] = softArticle("Thông báo số 102/TB-UBND", "Thông báo lịch tiếp công dân định kỳ của lãnh đạo Ủy ban nhân dân tỉnh tháng 6.")
	p.pages["/van-ban/quyet-dinh-14.html"] = softArticle("Công văn số 103/UBND-KT", "Về việc rà soát các dự án đầu tư công chậm tiến độ trên địa bàn tỉnh.")
	srv := httptest.NewServer(p)
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	site := &Site{Name: "ver", Start: []string{srv.URL + "/danh-sach"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/van-ban/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	if rep, err := c.Crawl(context.Background(), site, Limits{}); err != nil || rep.New != 3 {
		t.Fatalf("first run: %+v %v", rep, err)
	}
	p.mu.Lock()
	p.pages["/van-ban/quyet-dinh-12.html"] = softArticle("Quyết định điều chỉnh danh mục dự án", "Điều chỉnh danh mục dự án đầu tư công trung hạn giai đoạn 2026 - 2030 của tỉnh.")
	p.mu.Unlock()
	for night := 2; night <= 3; night++ {
		rep, err := c.Crawl(context.Background(), site, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if rep.SoftSuspect != 0 || rep.SoftNotFound != 0 {
			t.Errorf("night %d %+v: want the rewritten document no soft 404", night, rep)
		}
	}
	d, err := store.Get(corpus.IDForURL(srv.URL + p.links[0]))
	if err != nil || d.Gone || !strings.Contains(d.Body, "Điều chỉnh danh mục dự án") {
		t.Errorf("the rewritten document: %+v %v; want its new text stored", d, err)
	}
}
