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

// The new run's scan of the crawl states (run.start) reads the site's
// pages by Site.admits — its allow patterns, its start and feed URLs —
// as every other place that asks whether a page is the site's. A start
// outside allow (a plan named as a start beside the allowed news section)
// is the site's page there too: its suspicion's evidence is kept, and it
// is folded with a case twin stored apart.

// TestNewRunSuspectStartLinked: a plan named as a start, outside allow,
// read as the site's missing page night after night while the listing
// still links it; on the night its run is stopped after the listing and
// resumed to its end, the run decides with the listing's link (its
// evidence, kept because the new run's scan counts the start among the
// site's suspects) and keeps the plan — as a run read whole does (with
// the scan by allow alone the link was lost at the stop and the plan,
// still linked, became a tombstone).
func TestNewRunSuspectStartLinked(t *testing.T) {
	lookalike := func(string) string {
		return softArticle("Thông báo", "Nội dung bạn tìm không có hoặc đã được gỡ xuống khỏi cổng thông tin.")
	}
	const plan, notice = "/van-ban/45/ke-hoach-45.html", "/van-ban/46/thong-bao-46.html"
	p := &softPortal{articles: map[string]string{}, notFound: lookalike, unlinked: map[string]bool{}}
	p.set(plan, softArticle("Kế hoạch số 45/KH-UBND", "Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai Nghị quyết số 57-NQ/TW về chuyển đổi số."))
	p.set(notice, softArticle("Thông báo số 46/TB-UBND", "Thông báo lịch tiếp công dân định kỳ của lãnh đạo Ủy ban nhân dân tỉnh tháng 6."))
	var mu sync.Mutex
	stopAfterListing, late := false, false
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.ServeHTTP(w, r)
		mu.Lock()
		if stopAfterListing && r.URL.Path == "/tin-tuc" {
			late = true // the deadline passes once the listing is served
		}
		mu.Unlock()
	}))
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	// the plan a start of its own, outside the allowed sections
	site := &Site{Name: "soft", Start: []string{srv.URL + "/tin-tuc", srv.URL + plan},
		Allow: []string{"^" + srv.URL + "/tin-tuc", "^" + srv.URL + "/van-ban/4[678]/"}, Article: []string{`/van-ban/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	if site.allowed(srv.URL+plan) || !site.admits(srv.URL+plan) {
		t.Fatal("set-up: the plan must be a start outside allow")
	}
	deadline := time.Now().Add(time.Hour)
	c.now = func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		if late {
			return deadline.Add(time.Minute)
		}
		return time.Now()
	}
	crawl := func(night int, lim Limits, stop bool) Report {
		t.Helper()
		mu.Lock()
		stopAfterListing, late = stop, false
		mu.Unlock()
		rep, err := c.Crawl(context.Background(), site, lim)
		if err != nil {
			t.Fatalf("night %d: %v", night, err)
		}
		return rep
	}
	live := func() bool {
		d, err := store.Get(corpus.IDForURL(srv.URL + plan))
		return err == nil && !d.Gone && strings.Contains(d.Body, "Ủy ban nhân dân tỉnh")
	}
	if rep := crawl(1, Limits{}, false); rep.New != 2 {
		t.Fatalf("night 1: %+v", rep)
	}
	p.set(plan, "")
	for night := 2; night <= 3; night++ {
		if rep := crawl(night, Limits{}, false); !live() || rep.SoftSuspect != 1 {
			t.Fatalf("night %d: %+v; want the plan suspected", night, rep)
		}
	}
	if rep := crawl(4, Limits{Deadline: deadline}, true); rep.Pending == 0 || !live() || rep.Gone != 0 {
		t.Fatalf("night 4 (deadline after the listing, which links the plan): %+v; want pages left, the plan kept", rep)
	}
	// the third night in a row the plan reads as the missing page, still
	// linked by the listing the stopped part read
	if rep := crawl(5, Limits{}, false); !live() || rep.Gone != 0 || rep.SuspectCount != 1 {
		t.Errorf("night 4 resumed to its end: %+v, plan live %v; want the plan kept, suspected (still linked)", rep, live())
	}
}

// TestNewRunFoldsStart: a case-blind portal's plan named as a start in
// capitals (/Van-Ban/…), outside the allowed section (/van-ban/), and an
// earlier version's second copy of it stored under the lower-case
// spelling the listing links; both answer 304. The next run's scan
// counts the start among the site's stored documents (casedup.go
// foldStates) and keeps one document, the other spelling its alias
// (with the scan by allow alone both stayed documents).
func TestNewRunFoldsStart(t *testing.T) {
	plan := softArticle("Kế hoạch số 45/KH-UBND", "Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai Nghị quyết số 57-NQ/TW về chuyển đổi số.")
	upper, lower := "/Van-Ban/Ke-Hoach-45.html", "/van-ban/ke-hoach-45.html"
	p := &casePortal{blind: true, articles: map[string]string{lower: plan}}
	srv := httptest.NewServer(p)
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	site := &Site{Name: "case", Start: []string{srv.URL + "/tin-tuc", srv.URL + upper},
		Allow: []string{"^" + srv.URL + "/tin-tuc", "^" + srv.URL + "/van-ban/"}, Article: []string{`(?i)/van-ban/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	if site.allowed(srv.URL+upper) || !site.admits(srv.URL+upper) || !site.allowed(srv.URL+lower) {
		t.Fatal("set-up: the capitals' spelling must be a start outside allow, the other allowed")
	}
	if rep, err := c.Crawl(context.Background(), site, Limits{}); err != nil || rep.New != 1 {
		t.Fatalf("first run: %+v, %v; want the start's plan stored", rep, err)
	}
	// What an earlier version left: the listing's spelling stored as a
	// document of its own, no record of spellings.
	p.setLinks(lower)
	var folds []corpus.KVOp
	if err := store.ForEachKV(nsFold, func(k string, _ []byte) error {
		folds = append(folds, corpus.KVOp{NS: nsFold, Key: k})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(folds) == 0 {
		t.Fatal("set-up: the first run recorded no spelling")
	}
	if err := store.ApplyKV(folds); err != nil {
		t.Fatal(err)
	}
	d, err := store.Get(corpus.IDForURL(srv.URL + upper))
	if err != nil {
		t.Fatal(err)
	}
	d2 := *d
	d2.ID, d2.URL, d2.Seq, d2.Hash = "", srv.URL+lower, 0, ""
	if _, err := store.Put(&d2); err != nil {
		t.Fatal(err)
	}
	v := fmt.Sprintf(`{"etag":"\"%s-0\"","doc":"%s","status":200,"run":"old"}`, strings.ToLower(lower), d2.ID)
	if err := store.PutKV(nsURL, srv.URL+lower, []byte(v)); err != nil {
		t.Fatal(err)
	}
	live, _, err := store.Count()
	if err != nil || live != 2 {
		t.Fatalf("set-up: %d live documents (%v), want 2", live, err)
	}
	rep, err := c.Crawl(context.Background(), site, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	live, _, err = store.Count()
	if err != nil || live != 1 || rep.Aliases != 1 || rep.NotModified != 2 {
		t.Errorf("after the next run: %d live documents, %d aliases (%+v); want 1, 1, both spellings 304", live, rep.Aliases, rep)
	}
	states := urlStates(t, store)
	if su, sl := states[srv.URL+upper], states[srv.URL+lower]; su.DocID != corpus.IDForURL(srv.URL+upper) || sl.DocID != su.DocID || sl.Alias != srv.URL+upper {
		t.Errorf("states: %+v, %+v; want the start's document kept, the listing's spelling its alias", su, sl)
	}
}
