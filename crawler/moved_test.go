package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// TestMovedAndRemovedByRedirect: portals rarely answer 404 for an article
// they take down or move. One moved (301 to its new address) must leave
// one document, at the new address; one taken down and redirected to the
// home page must become a tombstone, as a 404 does.
func TestMovedAndRemovedByRedirect(t *testing.T) {
	var mu sync.Mutex
	gen := 1
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		g := gen
		mu.Unlock()
		switch p := r.URL.Path; {
		case g == 3 && (p == "/" || p == "/tin-tuc"): // the page is back, no longer in the listing
			fmt.Fprint(w, `<html><head><title>Cổng TTĐT tỉnh</title></head><body><a href="/van-ban/1-ke-hoach">Kế hoạch</a></body></html>`)
		case p == "/" || p == "/tin-tuc":
			fmt.Fprint(w, `<html><head><title>Cổng TTĐT tỉnh</title></head><body><a href="/bai/1-ke-hoach">Kế hoạch</a> <a href="/bai/2-thong-bao">Thông báo</a></body></html>`)
		case g == 2 && p == "/bai/1-ke-hoach":
			http.Redirect(w, r, "/van-ban/1-ke-hoach", http.StatusMovedPermanently)
		case g == 2 && p == "/bai/2-thong-bao":
			http.Redirect(w, r, "/", http.StatusFound)
		case g == 3 && p == "/bai/1-ke-hoach":
			http.Redirect(w, r, "/van-ban/1-ke-hoach", http.StatusMovedPermanently)
		case p == "/bai/1-ke-hoach" || g >= 2 && p == "/van-ban/1-ke-hoach":
			fmt.Fprint(w, page("Kế hoạch số 45/KH-UBND", "Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai Nghị quyết số 57-NQ/TW."))
		case p == "/bai/2-thong-bao":
			fmt.Fprint(w, page("Thông báo lịch tiếp công dân", "Ủy ban nhân dân tỉnh thông báo lịch tiếp công dân định kỳ tháng 12."))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	site := &Site{Name: "moved", Start: []string{srv.URL + "/tin-tuc"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/(bai|van-ban)/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	if rep, err := c.Crawl(context.Background(), site, Limits{}); err != nil || rep.New != 2 {
		t.Fatalf("first run: %+v, %v", rep, err)
	}
	mu.Lock()
	gen = 2
	mu.Unlock()
	rep, err := c.Crawl(context.Background(), site, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	live := func(path string) bool {
		d, err := store.Get(corpus.IDForURL(srv.URL + path))
		return err == nil && !d.Gone
	}
	if live("/bai/1-ke-hoach") || !live("/van-ban/1-ke-hoach") {
		t.Errorf("moved page: old document live %v, new live %v; want only the new one", live("/bai/1-ke-hoach"), live("/van-ban/1-ke-hoach"))
	}
	// Redirected to the home page: kept on the first night (a
	// maintenance redirect for a night costs nothing), gone on the
	// second, as after a 404.
	if !live("/bai/2-thong-bao") || rep.Gone != 1 || rep.NotFoundSuspect != 1 {
		t.Errorf("second run: %+v, the page redirected home live %v; want 1 gone (the moved one), 1 suspected, kept", rep, live("/bai/2-thong-bao"))
	}
	if rep, err = c.Crawl(context.Background(), site, Limits{}); err != nil {
		t.Fatal(err)
	}
	if live("/bai/2-thong-bao") {
		t.Error("a page redirected to the home page on two runs is still a live document")
	}
	if rep.Gone != 1 {
		t.Errorf("third run: %+v, want 1 gone", rep)
	}
	// The removed page comes back (a maintenance redirect ends), linked
	// from no listing: the next run asks its URL again, as after a 404,
	// and it is live once more.
	mu.Lock()
	gen = 3
	mu.Unlock()
	if _, err := c.Crawl(context.Background(), site, Limits{}); err != nil {
		t.Fatal(err)
	}
	if !live("/bai/2-thong-bao") {
		t.Error("the page back at its address is not live again")
	}
}
