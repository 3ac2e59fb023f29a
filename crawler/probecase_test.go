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

// nameCasePortal is an ASP.NET-style portal whose handler reads its query's
// names in any case (as ASP.NET's Request.QueryString does): the listing
// links some items as ?ItemID=<GUID>&l=VanBan and others as
// ?itemid=<GUID>&l=VanBan; an unknown GUID gets 200 and the "no such
// item" template, an unknown handler a real 404.
type nameCasePortal struct {
	mu     sync.Mutex
	items  map[string]string // lower-case GUID → page
	links  []string          // as the listing writes them
	probes int
}

func (p *nameCasePortal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch r.URL.Path {
	case "/danh-sach":
		var b strings.Builder
		for _, l := range p.links {
			fmt.Fprintf(&b, `<a href="%s">Văn bản</a> `, strings.ReplaceAll(l, "&", "&amp;"))
		}
		fmt.Fprint(w, `<html><body>`+b.String()+`</body></html>`)
	case "/Pages/chi-tiet.aspx":
		g := ""
		for k, v := range r.URL.Query() {
			if strings.EqualFold(k, "itemid") {
				g = strings.ToLower(v[0])
			}
		}
		if a, ok := p.items[g]; ok {
			fmt.Fprint(w, a)
			return
		}
		p.probes++
		fmt.Fprint(w, portalChrome("Thông báo", `<div class="content-detail"><h1>Thông báo</h1><p>Không tìm thấy mục bạn yêu cầu. Mục có thể đã bị xóa hoặc chuyển sang địa chỉ khác.</p></div>`))
	default:
		http.NotFound(w, r)
	}
}

// TestSoft404ParamNameCase: one portal writes its ID parameter's name in
// two cases (ItemID, itemid); urlShape makes them one shape, so the
// site's addresses are the evidence for one parameter, whatever its case.
// Before: the ID parameter read as "a GUID here, nothing there" (mixed),
// no parameter probed, the path probe a real 404 — the item taken down
// stored as the "no such item" template, never suspected.
func TestSoft404ParamNameCase(t *testing.T) {
	guids := []string{"3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f", "0b7e2d44-51aa-4c1e-8f03-9d6e5c4b3a21", "c81d4fae-7dec-41d0-a765-00a0c91e6bf6"}
	p := &nameCasePortal{items: map[string]string{}}
	for i, g := range guids {
		name := "ItemID"
		if i == 2 {
			name = "itemid"
		}
		p.links = append(p.links, "/Pages/chi-tiet.aspx?"+name+"="+g+"&l=VanBan")
	}
	p.items[guids[0]] = softArticle("Kế hoạch số 201/KH-UBND", "Ủy ban nhân dân tỉnh ban hành kế hoạch cải cách hành chính năm 2026.")
	p.items[guids[1]] = softArticle("Thông báo số 202/TB-UBND", "Thông báo kết quả kỳ thi tuyển công chức cấp tỉnh năm 2026.")
	p.items[guids[2]] = softArticle("Công văn số 203/UBND-NC", "Về việc tăng cường công tác phòng cháy chữa cháy mùa khô.")
	srv := httptest.NewServer(p)
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	site := &Site{Name: "aspx", Start: []string{srv.URL + "/danh-sach"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`\.aspx\?`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	if rep, err := c.Crawl(context.Background(), site, Limits{}); err != nil || rep.New != 3 {
		t.Fatalf("first run: %+v %v", rep, err)
	}
	p.mu.Lock()
	delete(p.items, guids[0])
	p.probes = 0
	p.mu.Unlock()
	rep, err := c.Crawl(context.Background(), site, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.SoftSuspect != 1 {
		t.Errorf("second run %+v: want the taken-down item suspected", rep)
	}
	if rep, err = c.Crawl(context.Background(), site, Limits{}); err != nil {
		t.Fatal(err)
	}
	d, err := store.Get(corpus.IDForURL(srv.URL + p.links[0]))
	if err != nil || d == nil || !d.Gone || rep.Gone != 1 {
		t.Errorf("third run %+v: want the taken-down item a tombstone, got %+v %v", rep, d, err)
	}
}

// TestIDParamNameCase: a parameter's name written in another case on the
// site's other addresses of the shape is the same parameter (urlShape
// folds names' case).
func TestIDParamNameCase(t *testing.T) {
	u, _ := url.Parse("https://sotp.example.gov.vn/Pages/chi-tiet.aspx?ItemID=3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f&l=VanBan")
	others := []string{"itemid=0b7e2d44-51aa-4c1e-8f03-9d6e5c4b3a21&l=VanBan", "ITEMID=c81d4fae-7dec-41d0-a765-00a0c91e6bf6&L=VanBan"}
	if got, v := idParam(u, others); got != "ItemID" || v != "3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f" {
		t.Errorf("idParam = %q %q, want ItemID", got, v)
	}
	if got := withParam(u, "itemid", "X"); !strings.Contains(got, "?ItemID=X&l=VanBan") {
		t.Errorf("withParam(…, itemid) = %s, want ItemID replaced", got)
	}
}
