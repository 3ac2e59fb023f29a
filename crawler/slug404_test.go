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

// slug404Portal routes each document by its slug (/van-ban/<slug>.html)
// and answers a slug it does not have with a real 404; down holds the
// slugs answering an error for one night (a status: 404, 410, 503).
type slug404Portal struct {
	mu    sync.Mutex
	slugs []string          // linked by the listing, in order
	docs  map[string]string // slug → page
	down  map[string]int
}

func (p *slug404Portal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if r.URL.Path == "/van-ban" {
		var b strings.Builder
		b.WriteString(`<html><body>`)
		for _, s := range p.slugs {
			fmt.Fprintf(&b, `<a href="/van-ban/%s.html">Văn bản</a> `, s)
		}
		b.WriteString(`</body></html>`)
		fmt.Fprint(w, b.String())
		return
	}
	slug := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/van-ban/"), ".html")
	if code := p.down[slug]; code != 0 {
		http.Error(w, http.StatusText(code), code)
		return
	}
	if d, ok := p.docs[slug]; ok {
		fmt.Fprint(w, d)
		return
	}
	http.NotFound(w, r)
}

// TestSlug404Nights: a slug-routed portal answering an unknown slug with
// a real 404. A live document's page answering 404 on one night (a
// deploy gone wrong) is kept — searchable, its archive reference as it
// was — and live again the next night; a 503 night costs nothing; a
// document removed (404 on two nights in a row) is a tombstone on the
// second; 410 (the server saying it is gone for good) at once.
func TestSlug404Nights(t *testing.T) {
	slugs := []string{"ke-hoach-chuyen-doi-so-nam-2026", "thong-bao-lich-tiep-cong-dan", "cong-van-ra-soat-du-an-dau-tu", "quyet-dinh-bai-bo-van-ban-het-hieu-luc"}
	p := &slug404Portal{slugs: slugs, down: map[string]int{}, docs: map[string]string{
		slugs[0]: softArticle("Kế hoạch số 201/KH-UBND", "Ủy ban nhân dân tỉnh ban hành kế hoạch chuyển đổi số năm 2026 trên địa bàn tỉnh."),
		slugs[1]: softArticle("Thông báo số 202/TB-UBND", "Thông báo lịch tiếp công dân định kỳ của lãnh đạo Ủy ban nhân dân tỉnh tháng 6."),
		slugs[2]: softArticle("Công văn số 203/UBND-KT", "Về việc rà soát các dự án đầu tư công chậm tiến độ trên địa bàn tỉnh."),
		slugs[3]: softArticle("Quyết định số 204/QĐ-UBND", "Bãi bỏ các văn bản quy phạm pháp luật hết hiệu lực do Ủy ban nhân dân tỉnh ban hành."),
	}}
	srv := httptest.NewServer(p)
	defer srv.Close()
	store := openStore(t)
	c := New(store, Options{Policy: testCrawler(t, store).policy, WARCDir: t.TempDir()})
	site := &Site{Name: "slug404", Start: []string{srv.URL + "/van-ban"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/van-ban/.+\.html$`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	crawl := func(night int) Report {
		t.Helper()
		rep, err := c.Crawl(context.Background(), site, Limits{})
		if err != nil && rep.Failed == 0 {
			t.Fatalf("night %d: %v", night, err)
		}
		return rep
	}
	addr := func(i int) string { return srv.URL + "/van-ban/" + slugs[i] + ".html" }
	live := func(i int) bool {
		d, err := store.Get(corpus.IDForURL(addr(i)))
		return err == nil && !d.Gone
	}
	state := func(i int) urlState {
		v, _ := store.GetKV(nsURL, addr(i))
		s, _ := decodeState(addr(i), v)
		return s
	}
	if rep := crawl(1); rep.New != 4 {
		t.Fatalf("night 1: %+v, want 4 new", rep)
	}
	warc1 := state(1)
	if warc1.WARC == "" {
		t.Fatalf("night 1: the notice's state %+v has no archive reference", warc1)
	}
	// Night 2: the plan removed; the notice a 404 for the night; the
	// letter a 503; the decision 410.
	p.mu.Lock()
	delete(p.docs, slugs[0])
	p.down[slugs[1]], p.down[slugs[2]], p.down[slugs[3]] = http.StatusNotFound, http.StatusServiceUnavailable, http.StatusGone
	p.mu.Unlock()
	rep := crawl(2)
	if !live(0) || !live(1) || !live(2) || live(3) {
		t.Errorf("night 2: live %v %v %v %v; want the three 404 and 503 pages kept, the 410 gone", live(0), live(1), live(2), live(3))
	}
	if rep.NotFoundSuspect != 2 || rep.Gone != 1 {
		t.Errorf("night 2: %+v; want 2 suspected (the 404s), 1 gone (the 410)", rep)
	}
	if s := state(1); s.WARC != warc1.WARC || s.Offset != warc1.Offset || s.Suspect == "" {
		t.Errorf("night 2: the notice's state %+v; want it suspected, its archive reference kept (%s@%d)", s, warc1.WARC, warc1.Offset)
	}
	// Night 3: the notice and the letter are back; the plan still 404.
	p.mu.Lock()
	p.down = map[string]int{}
	p.mu.Unlock()
	rep = crawl(3)
	if live(0) || !live(1) || !live(2) || rep.Gone != 1 || rep.NotFoundSuspect != 0 {
		t.Errorf("night 3: live %v %v %v (%+v); want the plan a tombstone, the notice and the letter live", live(0), live(1), live(2), rep)
	}
	if s := state(1); s.Suspect != "" || s.Misses != 0 {
		t.Errorf("night 3: the notice's state %+v; want no suspect, no misses", s)
	}
	// Night 4: a 404 on the notice again, one night only: kept again.
	p.mu.Lock()
	p.down[slugs[1]] = http.StatusNotFound
	p.mu.Unlock()
	if rep = crawl(4); !live(1) || rep.NotFoundSuspect != 1 || rep.Gone != 0 {
		t.Errorf("night 4: %+v, notice live %v; want it suspected again, kept", rep, live(1))
	}
}
