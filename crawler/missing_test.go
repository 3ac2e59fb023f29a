package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
)

// TestMissingURLsExpire: URLs that answer 404 must not cost a request
// every night forever, nor a crawl state record each forever. A listing
// links five dead pages (relative links a template got wrong) and an
// article that is then taken down. The dead pages are asked on the first
// nights, then weekly while linked; their states go once nothing links
// them. The removed article's URL is rechecked (its page may come back)
// until it has been missing a month, then forgotten when not linked.
// The listing keeps its menu link to a page of the site throughout: a
// blank listing is no evidence the site answered (answered.go).
func TestMissingURLsExpire(t *testing.T) {
	var mu sync.Mutex
	hits := map[string]int{}
	linkDead, articleUp := true, true
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		hits[r.URL.Path]++
		switch p := r.URL.Path; {
		case p == "/tin-tuc":
			var b strings.Builder
			b.WriteString(`<html><body><a href="/gioi-thieu">Giới thiệu</a> `)
			if articleUp {
				b.WriteString(`<a href="/van-ban/nghi-quyet-12.html">Nghị quyết 12</a>`)
			}
			if linkDead {
				for i := 1; i <= 5; i++ {
					fmt.Fprintf(&b, ` <a href="/tin-tuc/van-ban/loi-%d.html">Văn bản %d</a>`, i, i)
				}
			}
			b.WriteString(`</body></html>`)
			fmt.Fprint(w, b.String())
		case p == "/gioi-thieu":
			fmt.Fprint(w, `<html><body><p>Giới thiệu chung về Hội đồng nhân dân tỉnh.</p></body></html>`)
		case p == "/van-ban/nghi-quyet-12.html" && articleUp:
			fmt.Fprint(w, page("Nghị quyết số 12/NQ-HĐND", "Hội đồng nhân dân tỉnh quyết nghị thông qua kế hoạch đầu tư công năm 2026."))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	day := time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)
	c.now = func() time.Time { return day }
	site := &Site{Name: "mat", Start: []string{srv.URL + "/tin-tuc"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/van-ban/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	crawl := func(d int) Report {
		t.Helper()
		day = time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC).AddDate(0, 0, d)
		rep, err := c.Crawl(context.Background(), site, Limits{})
		if err != nil {
			t.Fatalf("day %d: %v", d, err)
		}
		return rep
	}
	asked := func() int {
		mu.Lock()
		defer mu.Unlock()
		n := 0
		for p, h := range hits {
			if strings.Contains(p, "/loi-") {
				n += h
			}
			delete(hits, p)
		}
		return n
	}
	states := func() int {
		n := 0
		store.ForEachKV(nsURL, func(string, []byte) error { n++; return nil })
		return n
	}
	for d := range 3 { // the first nights: every dead link asked
		crawl(d)
		if n := asked(); n != 5 {
			t.Errorf("night %d: dead links asked %d times, want 5", d, n)
		}
	}
	for d := 3; d < 9; d++ { // then not before a week has passed
		rep := crawl(d)
		// Not asked: the five, and the article's menu links to "/" and
		// "/admin/login", which answer 404 on this server too.
		if n := asked(); n != 0 || rep.NotAsked != 7 {
			t.Errorf("night %d: dead links asked %d times (not asked %d), want 0 (7)", d, n, rep.NotAsked)
		}
	}
	crawl(9) // a week after the last ask
	if n := asked(); n != 5 {
		t.Errorf("night 9: dead links asked %d times, want 5 (weekly)", n)
	}
	// The template is fixed: nothing links them; their states go.
	mu.Lock()
	linkDead = false
	mu.Unlock()
	before := states()
	rep := crawl(10)
	if after := states(); after != before-5 || rep.Forgotten != 5 {
		t.Errorf("unlinked dead links: states %d → %d, forgotten %d; want 5 fewer", before, after, rep.Forgotten)
	}

	// The article is taken down and unlinked: a tombstone once a week
	// missing, rechecked nightly at first though nothing links it any
	// more, then weekly, and forgotten when it has been missing for a
	// month.
	mu.Lock()
	articleUp = false
	mu.Unlock()
	// Its first 404 keeps it (suspected: a night's error costs
	// nothing, TestSlug404Nights).
	crawl(11)
	id := corpus.IDForURL(srv.URL + "/van-ban/nghi-quyet-12.html")
	if d, err := store.Get(id); err != nil || d.Gone {
		t.Fatalf("removed article after one 404: %v, %v; want it kept", d, err)
	}
	mu.Lock()
	hits = map[string]int{}
	mu.Unlock()
	// The listing, the site's only evidence, links no document now (its
	// menu link only): the article waits a week of misses (answered.go),
	// kept through nights 12 and 13, and is a tombstone on night 20, its
	// first weekly ask.
	crawl(12)
	if d, err := store.Get(id); err != nil || d.Gone {
		t.Fatalf("removed article after two 404s, a listing of menu links only: %v, %v; want it kept", d, err)
	}
	for d := 13; d <= 45; d++ {
		crawl(d)
		if d == 20 {
			if d, err := store.Get(id); err != nil || !d.Gone {
				t.Fatalf("removed article a week missing: %v, %v; want a tombstone", d, err)
			}
		}
	}
	mu.Lock()
	n := hits["/van-ban/nghi-quyet-12.html"]
	mu.Unlock()
	// Nights 12 and 13 (misses 2 and 3), then weekly: 20, 27, 34; on
	// night 41 it has been missing 30 days: not asked, forgotten.
	if n != 5 {
		t.Errorf("the removed article's URL was asked %d times in 34 nights, want 5", n)
	}
	if v, _ := store.GetKV(nsURL, srv.URL+"/van-ban/nghi-quyet-12.html"); v != nil {
		t.Errorf("the removed article's state is kept after a month missing: %s", v)
	}
	// It comes back, linked again: found as new.
	mu.Lock()
	articleUp = true
	mu.Unlock()
	if rep := crawl(46); rep.New != 1 {
		t.Errorf("the article back in the listing: %+v, want it new", rep)
	}
}
