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

// TestSuspectKeepsOldText: a missing page must not overwrite the
// document. A portal whose missing-page answer is laid out as its
// articles (no marks): the plan taken down is suspected on text alone,
// and while it is, its document keeps its text — in the store, and when
// the site is re-extracted from the archive (its archive reference is the
// answer it was read from, not the missing page's).
func TestSuspectKeepsOldText(t *testing.T) {
	lookalike := func(string) string {
		return softArticle("Thông báo", "Nội dung bạn tìm không có hoặc đã được gỡ xuống khỏi cổng thông tin.")
	}
	const plan, notice = "/van-ban/45/ke-hoach-45.html", "/van-ban/46/thong-bao-46.html"
	p := &softPortal{articles: map[string]string{}, notFound: lookalike, unlinked: map[string]bool{}}
	p.set(plan, softArticle("Kế hoạch số 45/KH-UBND", "Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai Nghị quyết số 57-NQ/TW về chuyển đổi số."))
	p.set(notice, softArticle("Thông báo số 46/TB-UBND", "Thông báo lịch tiếp công dân định kỳ của lãnh đạo Ủy ban nhân dân tỉnh tháng 6."))
	srv := httptest.NewServer(p)
	defer srv.Close()
	store := openStore(t)
	c := New(store, Options{Policy: testCrawler(t, store).policy, WARCDir: t.TempDir()})
	site := &Site{Name: "soft", Start: []string{srv.URL + "/tin-tuc"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/van-ban/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	planText := func() (title, body string) {
		d, err := store.Get(corpus.IDForURL(srv.URL + plan))
		if err != nil || d.Gone {
			return "", ""
		}
		return d.Title, d.Body
	}
	if rep, err := c.Crawl(context.Background(), site, Limits{}); err != nil || rep.New != 2 {
		t.Fatalf("night 1: %+v %v", rep, err)
	}
	title, body := planText()
	p.set(plan, "")
	for night := 2; night <= 3; night++ {
		rep, err := c.Crawl(context.Background(), site, Limits{})
		if err != nil || rep.SoftSuspect != 1 {
			t.Fatalf("night %d: %+v %v; want the plan suspected", night, rep, err)
		}
		if gt, gb := planText(); gt != title || gb != body {
			t.Errorf("night %d: the suspected plan reads %q / %q; want its old text", night, gt, gb)
		}
	}
	if _, err := c.Reextract(context.Background(), site); err != nil {
		t.Fatal(err)
	}
	if gt, gb := planText(); gt != title || gb != body {
		t.Errorf("re-extracted while suspected: the plan reads %q / %q; want its old text", gt, gb)
	}
}

// TestShortRewriteNotLost: a real page that changed to a short text must
// not be lost. A notice served at any address under its own directory
// (/thong-bao/lich-hop/…) on a portal answering a directory it lacks
// with a real 404, the run knowing no other notice directory beside it:
// rewritten to a line without a number, it reads as its own probe, which
// may be the notice itself. It is kept with its old text, suspected,
// night after night, linked or not (the reference may be the page
// itself: no evidence it is gone), never a tombstone; the night its text
// shows its number again, the new text is stored and the mark cleared.
func TestShortRewriteNotLost(t *testing.T) {
	var mu sync.Mutex
	linked := true
	notice := softArticle("Thông báo số 61/TB-VP", "Văn phòng Ủy ban nhân dân huyện thông báo lịch họp giao ban định kỳ sáng thứ Hai hằng tuần tại phòng họp số 2.")
	const decision = "/van-ban/12/quyet-dinh-12.html"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case r.URL.Path == "/tin-tuc":
			b := `<html><body><a href="` + decision + `">Quyết định</a>`
			if linked {
				b += ` <a href="/thong-bao/lich-hop/index.html">Lịch họp</a>`
			}
			fmt.Fprint(w, b+`</body></html>`)
		case r.URL.Path == decision:
			fmt.Fprint(w, softArticle("Quyết định số 12/QĐ-UBND", "Ủy ban nhân dân huyện ban hành quy chế làm việc của cơ quan nhiệm kỳ 2026–2031."))
		case strings.HasPrefix(r.URL.Path, "/thong-bao/lich-hop/"):
			fmt.Fprint(w, notice)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	site := &Site{Name: "huyen", Start: []string{srv.URL + "/tin-tuc"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/thong-bao/`, `/van-ban/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	id := corpus.IDForURL(srv.URL + "/thong-bao/lich-hop/index.html")
	doc := func() *corpus.Document {
		d, _ := store.Get(id)
		return d
	}
	crawl := func(night int) Report {
		t.Helper()
		rep, err := c.Crawl(context.Background(), site, Limits{})
		if err != nil {
			t.Fatalf("night %d: %v", night, err)
		}
		return rep
	}
	if rep := crawl(1); rep.New != 2 {
		t.Fatalf("night 1: %+v", rep)
	}
	old := doc().Body
	mu.Lock()
	notice = softArticle("Hoãn họp giao ban", "Cuộc họp giao ban tuần này hoãn.")
	mu.Unlock()
	for night := 2; night <= 7; night++ {
		if night == 4 {
			mu.Lock()
			linked = false // rotated off the listing
			mu.Unlock()
		}
		rep := crawl(night)
		if d := doc(); d == nil || d.Gone || d.Body != old || rep.Gone != 0 {
			t.Fatalf("night %d: %+v, %+v; want the notice kept with its old text", night, d, rep)
		}
		if rep.SuspectCount != 1 {
			t.Errorf("night %d: %+v; want the notice listed as suspected", night, rep)
		}
	}
	mu.Lock()
	notice = softArticle("Thông báo số 64/TB-VP", "Hoãn cuộc họp giao ban tuần này; lịch họp mới sẽ thông báo sau.")
	mu.Unlock()
	rep := crawl(8)
	if d := doc(); d == nil || d.Gone || !strings.Contains(d.Body, "lịch họp mới") || rep.SuspectCount != 0 {
		t.Errorf("night 8: %+v, %+v; want the new text stored, no suspect", d, rep)
	}
}
