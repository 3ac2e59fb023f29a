package crawler

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
)

// TestEndedAfterKill9: the run of the night a notice is confirmed gone
// finishes its pages and is killed (SIGKILL, a child process: this test
// binary re-executed) before its end's decisions — the hook beforeEnd
// asks the portal for a page the test holds, and the test kills the
// child while it is held. The next night the portal is down (404 at
// every address). The next Crawl sees that the killed run finished its
// pages and decides on its evidence first: the notice, dropped by the
// listing while the section's other notice answered, a tombstone (before:
// the killed run's evidence was dropped, the new run saw a portal down
// and the notice stayed suspected, decided a night late at best).
func TestEndedAfterKill9(t *testing.T) {
	const a, b = "ke-hoach-chuyen-doi-so-2028", "lich-tiep-cong-dan-quy-3"
	const hookPath = "/__truoc-khi-quyet-dinh"
	if dir := os.Getenv("VANBAN_KILL9_END_CHILD"); dir != "" {
		store, err := corpus.OpenStore(dir, false, time.Second)
		if err != nil {
			os.Exit(2)
		}
		base := os.Getenv("VANBAN_KILL9_URL")
		c := New(store, Options{Policy: testCrawler(t, store).policy})
		c.beforeEnd = func() {
			if resp, err := http.Get(base + hookPath); err == nil {
				resp.Body.Close()
			}
		}
		c.Crawl(context.Background(), killSite(t, base), Limits{})
		os.Exit(0) // not reached: killed while the hook's request is held
	}
	if testing.Short() {
		t.Skip("skipping subprocess test in -short mode")
	}
	p := &pagedPortal{docs: map[string]string{
		a: softArticle("Thông báo số 14/TB-UBND", "Triển khai Kế hoạch chuyển đổi số năm 2028 tại các sở, ban, ngành và Ủy ban nhân dân cấp huyện."),
		b: softArticle("Thông báo số 15/TB-VP", "Lịch tiếp công dân quý III năm 2028 của Chủ tịch Ủy ban nhân dân tỉnh tại Trụ sở tiếp công dân."),
	}, page1: []string{b}, page2: []string{a}}
	held := make(chan struct{})    // the child reached its end's decisions
	release := make(chan struct{}) // the child is dead
	down := false
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == hookPath {
			close(held)
			<-release
			return
		}
		p.mu.Lock()
		d := down
		p.mu.Unlock()
		if d {
			http.NotFound(w, r)
			return
		}
		p.ServeHTTP(w, r)
	}))
	defer srv.Close()
	defer func() {
		select {
		case <-release:
		default:
			close(release)
		}
	}()
	dir := t.TempDir()
	site := killSite(t, srv.URL)
	night := func(n int) Report {
		t.Helper()
		store, err := corpus.OpenStore(dir, false, time.Second)
		if err != nil {
			t.Fatal(err)
		}
		defer store.Close()
		rep, err := New(store, Options{Policy: testCrawler(t, store).policy}).Crawl(context.Background(), site, Limits{})
		if err != nil {
			t.Fatalf("night %d: %v", n, err)
		}
		return rep
	}
	if rep := night(1); rep.New != 2 {
		t.Fatalf("night 1: %+v", rep)
	}
	p.set(func(p *pagedPortal) { p.docs, p.page2 = map[string]string{b: p.docs[b]}, nil })
	if rep := night(2); rep.NotFoundSuspect != 1 {
		t.Fatalf("night 2: %+v; want the notice suspected", rep)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestEndedAfterKill9$")
	cmd.Env = append(os.Environ(), "VANBAN_KILL9_END_CHILD="+dir, "VANBAN_KILL9_URL="+srv.URL)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-held:
	case <-time.After(testPageTimeout):
		cmd.Process.Kill()
		t.Fatal("the child never reached its end's decisions")
	}
	cmd.Process.Kill()
	cmd.Wait()
	close(release)
	p.set(func(*pagedPortal) { down = true })
	rep := night(4) // the portal down; the killed run decided first
	store, err := corpus.OpenStore(dir, true, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	d, err := store.Get(corpus.IDForURL(srv.URL + "/thong-bao/" + a + ".html"))
	if err != nil || !d.Gone || rep.Gone != 1 || rep.RunEndedLate == "" {
		t.Errorf("the night after the kill: %+v (%v), %+v; want the notice a tombstone, decided on the killed run's evidence (RunEndedLate)", d, err, rep)
	}
	if d, err := store.Get(corpus.IDForURL(srv.URL + "/thong-bao/" + b + ".html")); err != nil || d.Gone {
		t.Errorf("the other notice: %+v %v; want it live (suspected, the portal down)", d, err)
	}
	if n := evidenceRecords(t, store); n != 0 {
		t.Errorf("%d evidence records left after the night's run ended, want none", n)
	}
}

// TestEndedLateWeekFromItsNight: a notice taken down while the section's
// listing still links it (a stale link) answers 404 on the night it is
// suspected and again three days later; that run, the listing's weak
// word its only evidence (a week: listingWait), is cancelled after its
// last page, before its decisions. Eight days after the suspicion the
// portal is down; the next Crawl ends the cancelled run first and
// decides as it would have at its end: three days of misses, kept — the
// week counted to the night the run read the notice gone, not to the
// night that decides (else a tombstone on a night the site did not
// answer). The run then ended late is named in the report.
func TestEndedLateWeekFromItsNight(t *testing.T) {
	const a = "ke-hoach-chuyen-doi-so-2028"
	p := &pagedPortal{docs: map[string]string{
		a: softArticle("Thông báo số 14/TB-UBND", "Triển khai Kế hoạch chuyển đổi số năm 2028 tại các sở, ban, ngành và Ủy ban nhân dân cấp huyện."),
	}, page1: []string{a}}
	down := false
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		d := down
		p.mu.Unlock()
		if d {
			http.NotFound(w, r)
			return
		}
		p.ServeHTTP(w, r)
	}))
	defer srv.Close()
	store, c, site := smallSite(t, srv)
	day := time.Date(2028, 3, 2, 20, 0, 0, 0, time.UTC)
	c.now = func() time.Time { return day }
	crawl := func(ctx context.Context, night string) Report {
		t.Helper()
		rep, err := c.Crawl(ctx, site, Limits{})
		if err != nil && ctx.Err() == nil {
			t.Fatalf("%s: %v", night, err)
		}
		return rep
	}
	live := func() bool {
		d, err := store.Get(corpus.IDForURL(srv.URL + "/thong-bao/" + a + ".html"))
		return err == nil && !d.Gone
	}
	if rep := crawl(context.Background(), "night 1"); rep.New != 1 {
		t.Fatalf("night 1: %+v", rep)
	}
	p.set(func(p *pagedPortal) { p.docs = map[string]string{} })
	day = day.Add(24 * time.Hour)
	if rep := crawl(context.Background(), "the suspicion"); rep.NotFoundSuspect != 1 {
		t.Fatalf("the night of the suspicion: %+v", rep)
	}
	day = day.Add(3 * 24 * time.Hour)
	ctx, cancel := context.WithCancel(context.Background())
	c.beforeEnd = cancel
	if rep := crawl(ctx, "three days on"); rep.Pending != 0 || rep.Gone != 0 || !live() {
		t.Fatalf("three days on, cancelled after the last page: %+v; want nothing pending, nothing decided", rep)
	}
	c.beforeEnd = nil
	p.set(func(*pagedPortal) { down = true })
	day = day.Add(5 * 24 * time.Hour)
	rep := crawl(context.Background(), "eight days on")
	if !live() || rep.Gone != 0 || rep.RunEndedLate == "" {
		t.Errorf("eight days on, the portal down: live %v, %+v; want the cancelled run ended first (RunEndedLate), the notice kept (three days of misses when it read them)", live(), rep)
	}
}
