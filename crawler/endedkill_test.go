package crawler

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
)

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
