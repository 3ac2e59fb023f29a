package crawler

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
)

// TestSuspectBounded: a portal whose missing-page answer is laid out as
// its articles (no marks tell them apart, TestSoft404NoMarksNoTombstone):
// the plan taken down is suspected night after night while the listing
// links it, listed in every report with since when; a maintenance night
// (every address the template, the listing too) decides nothing; once
// the listing no longer links it, with the site's other documents live,
// it is a tombstone — on the run that reads it so for the third night
// in a row or later.
func TestSuspectBounded(t *testing.T) {
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
	c := testCrawler(t, store)
	site := &Site{Name: "soft", Start: []string{srv.URL + "/tin-tuc"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/van-ban/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	crawl := func(night int) Report {
		t.Helper()
		rep, err := c.Crawl(context.Background(), site, Limits{})
		if err != nil {
			t.Fatalf("night %d: %v", night, err)
		}
		return rep
	}
	live := func(path string) bool {
		d, err := store.Get(corpus.IDForURL(srv.URL + path))
		return err == nil && !d.Gone && strings.Contains(d.Body, "Ủy ban nhân dân tỉnh")
	}
	if rep := crawl(1); rep.New != 2 {
		t.Fatalf("night 1: %+v", rep)
	}
	p.set(plan, "")
	var first Suspect
	for night := 2; night <= 4; night++ {
		rep := crawl(night)
		if !live(plan) || rep.SoftSuspect != 1 || rep.Gone != 0 || rep.SuspectCount != 1 || len(rep.Suspects) != 1 {
			t.Fatalf("night %d: %+v, plan live %v; want it suspected, kept, listed", night, rep, live(plan))
		}
		s := rep.Suspects[0]
		if night == 2 {
			first = s
		}
		if s.URL != srv.URL+plan || s.DocID != corpus.IDForURL(srv.URL+plan) || s.Runs != night-1 || s.Since.IsZero() || !s.Since.Equal(first.Since) {
			t.Errorf("night %d: suspect %+v; want the plan, %d runs, since the first night (%v)", night, s, night-1, first.Since)
		}
	}
	// Night 5: maintenance, the listing links nothing: nothing decided.
	p.mu.Lock()
	p.all = lookalike("")
	p.unlinked[plan] = true
	p.mu.Unlock()
	if rep := crawl(5); !live(plan) || !live(notice) || rep.Gone != 0 {
		t.Errorf("night 5 (maintenance): %+v, plan live %v, notice live %v; want nothing gone", rep, live(plan), live(notice))
	}
	// Night 6: the site is back; its listing no longer links the plan.
	p.mu.Lock()
	p.all = ""
	p.mu.Unlock()
	rep := crawl(6)
	// Soft 404s: the plan, and the two links of the listing that never
	// were pages (47, 48), as every night.
	if live(plan) || !live(notice) || rep.Gone != 1 || rep.SoftNotFound != 3 || rep.SuspectCount != 0 {
		t.Errorf("night 6: %+v, plan live %v, notice live %v; want the plan a tombstone, no suspect left", rep, live(plan), live(notice))
	}
}

// TestSlugDirRealNotFound: a slug-routed portal serving each notice at
// any address under its own directory and answering a directory it
// lacks with a real 404, its pages of no shared layout. Short notices
// without a number read as the probe in their own directory (the notice
// itself): the site's URLs show one document per directory, so that
// answer is the notice's, not the site's missing page. They are stored
// on the first night (before: all three dropped as soft 404s); one
// rewritten whole is stored with its new text; one taken down answers
// 404, kept a night, then a tombstone.
func TestSlugDirRealNotFound(t *testing.T) {
	p := &slugsPortal{articles: map[string]string{}, realNotFound: true}
	layouts := []string{"noi-dung", "bai-viet", "chi-tiet"}
	page := func(i int, title, body string) string {
		return portalChrome(title, `<div class="`+layouts[i]+`"><h1>`+title+`</h1><p>`+body+`</p></div>`)
	}
	p.set("/thong-bao/lich-hop-giao-ban/", page(0, "Lịch họp giao ban tuần", "Lãnh đạo Văn phòng họp giao ban sáng thứ Hai."))
	p.set("/thong-bao/lich-tiep-cong-dan/", page(1, "Lịch tiếp công dân", "Lãnh đạo tỉnh tiếp công dân ngày 15 hằng tháng."))
	p.set("/thong-bao/nghi-le-quoc-khanh/", page(2, "Nghỉ lễ Quốc khánh", "Cán bộ, công chức nghỉ lễ theo quy định."))
	srv := httptest.NewServer(p)
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	site := &Site{Name: "slugs", Start: []string{srv.URL + "/tin-tuc"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/thong-bao/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	if rep, err := c.Crawl(context.Background(), site, Limits{}); err != nil || rep.New != 3 || rep.SoftNotFound != 0 {
		t.Fatalf("first run: %+v %v; want the 3 notices stored", rep, err)
	}
	doc := func(dir string) *corpus.Document {
		d, _ := store.Get(corpus.IDForURL(srv.URL + dir + "index.html"))
		return d
	}
	p.set("/thong-bao/lich-hop-giao-ban/", page(0, "Điều chỉnh lịch làm việc", "Chuyển cuộc họp sang chiều thứ Ba."))
	p.set("/thong-bao/lich-tiep-cong-dan/", "")
	for night := 2; night <= 3; night++ {
		rep, err := c.Crawl(context.Background(), site, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if d := doc("/thong-bao/lich-hop-giao-ban/"); d == nil || d.Gone || !strings.Contains(d.Body, "chiều thứ Ba") || rep.SoftSuspect != 0 {
			t.Errorf("night %d: the rewritten notice %+v (%+v); want it live with its new text", night, d, rep)
		}
		gone := doc("/thong-bao/lich-tiep-cong-dan/")
		if night == 2 && (gone == nil || gone.Gone || rep.NotFoundSuspect != 1) {
			t.Errorf("night 2: the notice taken down %+v (%+v); want it kept, suspected", gone, rep)
		}
		if night == 3 && (gone == nil || !gone.Gone || rep.Gone != 1) {
			t.Errorf("night 3: the notice taken down %+v (%+v); want a tombstone", gone, rep)
		}
	}
}

// TestSuspectBoundedAlone: TestSuspectBounded on a site whose only
// document is the one taken down: no other document can answer, so the
// listing's word is the site's (answered.go). Suspected while linked, a
// maintenance night (every address the template) decides nothing, and
// once the listing answers without the link it is a tombstone — not
// suspected forever.
func TestSuspectBoundedAlone(t *testing.T) {
	lookalike := func(string) string {
		return softArticle("Thông báo", "Nội dung bạn tìm không có hoặc đã được gỡ xuống khỏi cổng thông tin.")
	}
	const plan = "/van-ban/45/ke-hoach-45.html"
	p := &softPortal{articles: map[string]string{}, notFound: lookalike, unlinked: map[string]bool{}}
	p.set(plan, softArticle("Kế hoạch số 45/KH-UBND", "Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai Nghị quyết số 57-NQ/TW về chuyển đổi số."))
	srv := httptest.NewServer(p)
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	site := &Site{Name: "soft", Start: []string{srv.URL + "/tin-tuc"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/van-ban/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	crawl := func(night int) Report {
		t.Helper()
		rep, err := c.Crawl(context.Background(), site, Limits{})
		if err != nil {
			t.Fatalf("night %d: %v", night, err)
		}
		return rep
	}
	live := func() bool {
		d, err := store.Get(corpus.IDForURL(srv.URL + plan))
		return err == nil && !d.Gone && strings.Contains(d.Body, "Ủy ban nhân dân tỉnh")
	}
	if rep := crawl(1); rep.New != 1 {
		t.Fatalf("night 1: %+v", rep)
	}
	p.set(plan, "")
	for night := 2; night <= 4; night++ {
		if rep := crawl(night); !live() || rep.SoftSuspect != 1 || rep.SuspectCount != 1 {
			t.Fatalf("night %d: %+v; want the plan suspected, kept", night, rep)
		}
	}
	p.mu.Lock()
	p.all = lookalike("")
	p.unlinked[plan] = true
	p.mu.Unlock()
	if rep := crawl(5); !live() || rep.Gone != 0 {
		t.Errorf("night 5 (maintenance): %+v; want nothing gone", rep)
	}
	p.mu.Lock()
	p.all = ""
	p.mu.Unlock()
	if rep := crawl(6); live() || rep.Gone != 1 || rep.SuspectCount != 0 {
		t.Errorf("night 6 (the listing live, the plan unlinked): %+v, plan live %v; want a tombstone, no suspect", rep, live())
	}
}

// TestSuspectDeadlineWaits: a run stopped by its deadline after the
// listing, before the suspected plan: its report lists the plan as not
// reached (last asked by the run before), and decides nothing. The run
// resumed to its end the next night read the listing's links before it
// was stopped, not since: its "no page links it" is no evidence, so the
// plan the listing still links stays suspected, and the next new run,
// which reads the listing again, decides — once the listing drops it.
func TestSuspectDeadlineWaits(t *testing.T) {
	lookalike := func(string) string {
		return softArticle("Thông báo", "Nội dung bạn tìm không có hoặc đã được gỡ xuống khỏi cổng thông tin.")
	}
	const plan, notice = "/van-ban/45/ke-hoach-45.html", "/van-ban/46/thong-bao-46.html"
	p := &softPortal{articles: map[string]string{}, notFound: lookalike, unlinked: map[string]bool{}}
	p.set(plan, softArticle("Kế hoạch số 45/KH-UBND", "Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai Nghị quyết số 57-NQ/TW về chuyển đổi số."))
	p.set(notice, softArticle("Thông báo số 46/TB-UBND", "Thông báo lịch tiếp công dân định kỳ của lãnh đạo Ủy ban nhân dân tỉnh tháng 6."))
	var mu sync.Mutex
	late := false // the deadline passed: set once the listing is served
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.ServeHTTP(w, r)
		if r.URL.Path == "/tin-tuc" {
			mu.Lock()
			late = true
			mu.Unlock()
		}
	}))
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	site := &Site{Name: "soft", Start: []string{srv.URL + "/tin-tuc"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/van-ban/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
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
	crawl := func(night int, lim Limits) Report {
		t.Helper()
		mu.Lock()
		late = false
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
	if rep := crawl(1, Limits{}); rep.New != 2 {
		t.Fatalf("night 1: %+v", rep)
	}
	p.set(plan, "")
	var asked time.Time
	for night := 2; night <= 4; night++ {
		rep := crawl(night, Limits{})
		if !live() || rep.SoftSuspect != 1 || len(rep.Suspects) != 1 || rep.Suspects[0].NotReached || rep.SuspectsNotReached != 0 {
			t.Fatalf("night %d: %+v; want the plan suspected, reached", night, rep)
		}
		asked = rep.Suspects[0].LastAsked
	}
	// Night 5: the deadline passes after the listing.
	rep := crawl(5, Limits{Deadline: deadline})
	if rep.Pending == 0 || !live() || rep.Gone != 0 {
		t.Fatalf("night 5 (deadline): %+v; want pages left, the plan kept", rep)
	}
	if len(rep.Suspects) != 1 || !rep.Suspects[0].NotReached || !rep.Suspects[0].LastAsked.Equal(asked) || rep.SuspectsNotReached != 1 || rep.Suspects[0].Runs != 3 {
		t.Errorf("night 5 (deadline): suspects %+v (%d not reached); want the plan not reached, last asked %v, 3 runs", rep.Suspects, rep.SuspectsNotReached, asked)
	}
	// Night 6: the run resumed to its end; the listing, read on night 5,
	// still links the plan.
	if rep := crawl(6, Limits{}); !live() || rep.Gone != 0 || rep.SuspectCount != 1 {
		t.Errorf("night 6 (resumed): %+v, plan live %v; want the plan kept, suspected", rep, live())
	}
	// Night 7: a new run, the listing drops the plan.
	p.mu.Lock()
	p.unlinked[plan] = true
	p.mu.Unlock()
	if rep := crawl(7, Limits{}); live() || rep.Gone != 1 || rep.SuspectCount != 0 {
		t.Errorf("night 7 (unlinked): %+v, plan live %v; want a tombstone", rep, live())
	}
}

// TestSuspectResumedDecides: TestSuspectDeadlineWaits with the listing
// dropping the plan on the night its run is stopped: the run resumed to
// its end has the whole run's evidence — the listing read before the stop
// no longer links the plan, the notice answers; or the plan read as the
// site's missing page before the stop (its text-only reading recorded by
// the stopped part, evidence.go) — and decides as a run read whole: a
// tombstone (before: a resumed run decided no text-only suspect, the plan
// kept to the next new run).
func TestSuspectResumedDecides(t *testing.T) {
	for _, tc := range []struct {
		stopAt   string
		awaiting int // suspects reached by the stopped part
	}{{"/tin-tuc", 0}, {"/van-ban/45/ke-hoach-45.html", 1}} {
		t.Run("stopped after "+tc.stopAt, func(t *testing.T) { suspectResumedDecides(t, tc.stopAt, tc.awaiting) })
	}
}

func suspectResumedDecides(t *testing.T, stopAt string, awaiting int) {
	lookalike := func(string) string {
		return softArticle("Thông báo", "Nội dung bạn tìm không có hoặc đã được gỡ xuống khỏi cổng thông tin.")
	}
	const plan, notice = "/van-ban/45/ke-hoach-45.html", "/van-ban/46/thong-bao-46.html"
	p := &softPortal{articles: map[string]string{}, notFound: lookalike, unlinked: map[string]bool{}}
	p.set(plan, softArticle("Kế hoạch số 45/KH-UBND", "Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai Nghị quyết số 57-NQ/TW về chuyển đổi số."))
	p.set(notice, softArticle("Thông báo số 46/TB-UBND", "Thông báo lịch tiếp công dân định kỳ của lãnh đạo Ủy ban nhân dân tỉnh tháng 6."))
	var mu sync.Mutex
	late := false // the deadline passed: set once stopAt is served
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.ServeHTTP(w, r)
		p.mu.Lock()
		stop := r.URL.Path == stopAt && p.unlinked[plan] // night 5
		p.mu.Unlock()
		if stop {
			mu.Lock()
			late = true
			mu.Unlock()
		}
	}))
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	site := &Site{Name: "soft", Start: []string{srv.URL + "/tin-tuc"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/van-ban/`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
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
	crawl := func(night int, lim Limits) Report {
		t.Helper()
		mu.Lock()
		late = false
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
	if rep := crawl(1, Limits{}); rep.New != 2 {
		t.Fatalf("night 1: %+v", rep)
	}
	p.set(plan, "")
	for night := 2; night <= 4; night++ {
		if rep := crawl(night, Limits{}); !live() || rep.SoftSuspect != 1 {
			t.Fatalf("night %d: %+v; want the plan suspected", night, rep)
		}
	}
	p.mu.Lock()
	p.unlinked[plan] = true
	p.mu.Unlock()
	if rep := crawl(5, Limits{Deadline: deadline}); rep.Pending == 0 || !live() || rep.Gone != 0 || rep.SuspectsAwaitingEnd != awaiting {
		t.Fatalf("night 5 (deadline, the listing dropping the plan): %+v; want pages left, the plan kept, awaiting the run's end", rep)
	}
	if rep := crawl(6, Limits{}); live() || rep.Gone != 1 || rep.SuspectCount != 0 {
		t.Errorf("night 6 (resumed to its end): %+v, plan live %v; want a tombstone, no suspect", rep, live())
	}
}
