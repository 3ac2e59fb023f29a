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

// TestPagesAboutDocuments: a portal's tab that lists the documents related
// to one, with no text of its own, is not stored (no empty document under
// the described document's name), is counted, fails nothing, and its links
// are followed: the documents it lists are crawled. A document an earlier
// run stored from that URL (the tab had text then) is retired.
func TestPagesAboutDocuments(t *testing.T) {
	var mu sync.Mutex
	gen := 1
	list := func(items ...string) string {
		s := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Quyết định 125/QĐ-UBND - Cổng TTĐT</title></head><body>` + chrome +
			`<div class="tabs"><a href="/vb/125/noi-dung">Nội dung</a> <a href="/vb/125/can-cu">Văn bản căn cứ</a></div><div class="content-detail"><h1>Quyết định 125/QĐ-UBND</h1><ul>`
		for i := 0; i+1 < len(items); i += 2 {
			s += `<li><a href="` + items[i] + `">` + items[i+1] + `</a></li>`
		}
		return s + `</ul></div><footer>Bản quyền thuộc về Cổng TTĐT tỉnh.</footer></body></html>`
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		g := gen
		mu.Unlock()
		switch p := r.URL.Path; {
		case p == "/tin-tuc":
			fmt.Fprint(w, `<html><head><title>Văn bản</title></head><body><a href="/vb/125/noi-dung">Quyết định 125/QĐ-UBND</a> <a href="/vb/125/can-cu">Văn bản căn cứ</a></body></html>`)
		case p == "/vb/125/noi-dung":
			fmt.Fprint(w, page("Quyết định 125/QĐ-UBND", "Ủy ban nhân dân tỉnh ban hành quy chế phối hợp quản lý cụm công nghiệp trên địa bàn tỉnh."))
		case p == "/vb/125/can-cu" && g == 1:
			fmt.Fprint(w, page("Quyết định 125/QĐ-UBND", "Quyết định căn cứ Luật Tổ chức chính quyền địa phương và các nghị định về cụm công nghiệp."))
		case p == "/vb/125/can-cu":
			fmt.Fprint(w, list("/vb/88/noi-dung", "Nghị định 68/2017/NĐ-CP Về quản lý, phát triển cụm công nghiệp",
				"/vb/91/noi-dung", "Quyết định số 12/2020/QĐ-UBND Ban hành quy chế phối hợp"))
		case p == "/vb/88/noi-dung":
			fmt.Fprint(w, page("Nghị định 68/2017/NĐ-CP", "Nghị định quy định về quản lý, phát triển cụm công nghiệp trên phạm vi cả nước."))
		case p == "/vb/91/noi-dung":
			fmt.Fprint(w, page("Quyết định 12/2020/QĐ-UBND", "Ủy ban nhân dân tỉnh ban hành quy chế phối hợp quản lý nhà nước đối với cụm công nghiệp."))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	site := &Site{Name: "tabs", Start: []string{srv.URL + "/tin-tuc"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/vb/`}, Concurrency: 1}
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
	if live("/vb/125/can-cu") {
		t.Error("the list of related documents is a live document")
	}
	for _, p := range []string{"/vb/125/noi-dung", "/vb/88/noi-dung", "/vb/91/noi-dung"} {
		if !live(p) {
			t.Errorf("%s: not stored (the list's links must be followed)", p)
		}
	}
	if rep.NotDocuments != 1 || rep.Failed != 0 || rep.Gone != 1 || rep.New != 2 {
		t.Errorf("second run: %+v; want 1 not a document, 0 failed, 1 gone, 2 new", rep)
	}
}

// TestRetiredPageAskedConditionally: a tab that held its document's text
// and now lists the documents related to it is retired (above); the next
// nightly must ask it with the validators of the list it saw, and a 304
// stores nothing. Retiring it cleared them, so it was fetched in full
// every night (review i21-review).
func TestRetiredPageAskedConditionally(t *testing.T) {
	var mu sync.Mutex
	gen, full, notModified := 1, 0, 0
	const etag = `"can-cu-v2"`
	listPage := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Quyết định 40/QĐ-UBND - Cổng TTĐT</title></head><body>` + chrome +
		`<div class="tabs"><a href="/vb/40/noi-dung">Nội dung</a> <a href="/vb/40/lien-quan">Văn bản liên quan</a></div><div class="content-detail"><h1>Quyết định 40/QĐ-UBND</h1><ul>` +
		`<li><a href="/vb/7/noi-dung">Luật 77/2015/QH13 Tổ chức chính quyền địa phương</a></li>` +
		`<li><a href="/vb/9/noi-dung">Nghị quyết số 15/2023/NQ-HĐND Về phí tham quan di tích</a></li>` +
		`</ul></div><footer>Bản quyền thuộc về Cổng TTĐT tỉnh.</footer></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		switch p := r.URL.Path; {
		case p == "/tin-tuc":
			fmt.Fprint(w, `<html><head><title>Văn bản</title></head><body><a href="/vb/40/noi-dung">Quyết định 40/QĐ-UBND</a> <a href="/vb/40/lien-quan">Văn bản liên quan</a></body></html>`)
		case p == "/vb/40/noi-dung":
			fmt.Fprint(w, page("Quyết định 40/QĐ-UBND", "Ủy ban nhân dân tỉnh quy định mức thu phí tham quan khu di tích lịch sử cấp tỉnh."))
		case p == "/vb/40/lien-quan" && gen == 1:
			fmt.Fprint(w, page("Quyết định 40/QĐ-UBND", "Quyết định căn cứ Luật Tổ chức chính quyền địa phương và nghị quyết của Hội đồng nhân dân tỉnh về phí."))
		case p == "/vb/40/lien-quan":
			w.Header().Set("ETag", etag)
			w.Header().Set("Last-Modified", "Mon, 01 Dec 2025 08:00:00 GMT")
			if r.Header.Get("If-None-Match") == etag {
				notModified++
				w.WriteHeader(http.StatusNotModified)
				return
			}
			full++
			fmt.Fprint(w, listPage)
		case p == "/vb/7/noi-dung":
			fmt.Fprint(w, page("Luật 77/2015/QH13", "Luật quy định về đơn vị hành chính và tổ chức, hoạt động của chính quyền địa phương."))
		case p == "/vb/9/noi-dung":
			fmt.Fprint(w, page("Nghị quyết 15/2023/NQ-HĐND", "Hội đồng nhân dân tỉnh quy định mức thu, chế độ thu, nộp phí tham quan di tích."))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	site := &Site{Name: "tabs", Start: []string{srv.URL + "/tin-tuc"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/vb/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	if rep, err := c.Crawl(context.Background(), site, Limits{}); err != nil || rep.New != 2 {
		t.Fatalf("first run: %+v, %v", rep, err)
	}
	mu.Lock()
	gen = 2
	mu.Unlock()
	if rep, err := c.Crawl(context.Background(), site, Limits{}); err != nil || rep.NotDocuments != 1 || rep.Gone != 1 {
		t.Fatalf("second run: %+v, %v; want the tab retired", rep, err)
	}
	rep, err := c.Crawl(context.Background(), site, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if full != 1 || notModified != 1 {
		t.Errorf("the retired tab was fetched in full %d times and answered 304 %d times; want once in full (the run that retired it), then 304", full, notModified)
	}
	if rep.New+rep.Changed+rep.Gone != 0 || rep.NotDocuments != 0 {
		t.Errorf("third run: %+v; want nothing stored, retired or told", rep)
	}
	if d, err := store.Get(corpus.IDForURL(srv.URL + "/vb/40/lien-quan")); err != nil || !d.Gone {
		t.Errorf("the retired tab: %v (gone %v); want it still a tombstone", err, err == nil && d.Gone)
	}
}
