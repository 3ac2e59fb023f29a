package crawler

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
)

// TestDroppedKeepsSeeds: a configured site's start pages and feeds are
// its pages though its allow patterns need not match them (enqueue admits
// them; sites.toml's chinhphu.vn starts at the home page "/" while its
// allow wants a path). Their states stay; only a URL no configured site
// admits is aged.
func TestDroppedKeepsSeeds(t *testing.T) {
	const base = "https://sotuphap.hanoi.gov.vn"
	site := &Site{Name: "sotuphap", Start: []string{base + "/", base + "/van-ban-phap-luat"},
		Feeds: []string{base + "/rss/thong-bao.rss"}, Allow: []string{`^` + base + `/van-ban-phap-luat(/[a-z0-9-]+\.html)?$`}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, url, parent string
		dropped           bool
	}{
		{"the home page, a start outside allow", base + "/", "", false},
		{"a start inside allow", base + "/van-ban-phap-luat", "", false},
		{"the feed", base + "/rss/thong-bao.rss", "", false},
		{"a notice allowed", base + "/van-ban-phap-luat/quyet-dinh-so-12-2028-qd-ubnd.html", "", false},
		{"a page no site admits", base + "/tin-tuc/hoi-nghi-tong-ket-cong-tac-tu-phap-nam-2027.html", "", true},
		{"a file of an allowed notice", base + "/Portals/0/files/12-2028-QD-UBND.pdf", base + "/van-ban-phap-luat/quyet-dinh-so-12-2028-qd-ubnd.html", false},
		{"a file of a page no site admits", base + "/Portals/0/files/BC-tong-ket-2027.pdf", base + "/tin-tuc/hoi-nghi-tong-ket-cong-tac-tu-phap-nam-2027.html", true},
		{"a file allowed as a page, of a page no site admits", base + "/van-ban-phap-luat/phu-luc.html", base + "/tin-tuc/hoi-nghi-tong-ket-cong-tac-tu-phap-nam-2027.html", true},
		// a file linked from the home page (a start outside allow) or from
		// the feed: its parent is one of the site's pages (Site.admits)
		{"a file of the home page, a start outside allow", base + "/Portals/0/files/lich-tiep-cong-dan-quy-3-2028.pdf", base + "/", false},
		{"a file of the feed", base + "/Portals/0/files/TB-15-2028-VP.docx", base + "/rss/thong-bao.rss", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store := openStore(t)
			b, _ := json.Marshal(urlState{ETag: `"a1"`, Run: "2028-03-01T20:00:00Z", Parent: tc.parent})
			if err := store.PutKV(nsURL, tc.url, b); err != nil {
				t.Fatal(err)
			}
			if _, err := PruneDropped(context.Background(), store, []*Site{site}, time.Date(2028, 3, 2, 20, 0, 0, 0, time.UTC), PruneOptions{}); err != nil {
				t.Fatal(err)
			}
			v, err := store.GetKV(nsURL, tc.url)
			if err != nil || v == nil {
				t.Fatalf("state gone: %v", err)
			}
			s, err := decodeState(tc.url, v)
			if err != nil {
				t.Fatal(err)
			}
			if got := !s.Dropped.IsZero(); got != tc.dropped {
				t.Errorf("%s: aged as no site's %v, want %v", tc.url, got, tc.dropped)
			}
		})
	}
}

// TestDroppedRunResumes: two configurations on one data directory,
// crawled on alternate nights (`vanban crawl --config other.toml`): the
// night the other is crawled, this one's sites are not configured. A
// site's run stopped by its deadline (its frontier, run ID and evidence
// in the store) resumes the next night it is configured, where it
// stopped, with its evidence — it is not deleted by the other
// configuration's night (before: deleted at once, so a site that takes
// more than a night never ended a run under alternation).
func TestDroppedRunResumes(t *testing.T) {
	const a, b = "ke-hoach-chuyen-doi-so-2028", "lich-tiep-cong-dan-quy-3"
	p := &pagedPortal{docs: map[string]string{
		a: softArticle("Thông báo số 14/TB-UBND", "Triển khai Kế hoạch chuyển đổi số năm 2028 tại các sở, ban, ngành và Ủy ban nhân dân cấp huyện."),
		b: softArticle("Thông báo số 15/TB-VP", "Lịch tiếp công dân quý III năm 2028 của Chủ tịch Ủy ban nhân dân tỉnh tại Trụ sở tiếp công dân."),
	}, page1: []string{a}, page2: []string{b}}
	srv := httptest.NewServer(p)
	defer srv.Close()
	mk := func(name, allow string) *Site {
		s := &Site{Name: name, Start: []string{srv.URL + "/thong-bao"}, Allow: []string{"^" + srv.URL + allow}, Article: []string{`/thong-bao/.+\.html$`}, Concurrency: 1}
		if err := s.compile(); err != nil {
			t.Fatal(err)
		}
		return s
	}
	one := mk("thongbao", "/thong-bao($|/[a-z0-9-]+\\.html$)")                   // sites.toml
	other := mk("thongbao-trang", "/thong-bao(/trang-2$|$|/[a-z0-9-]+\\.html$)") // other.toml
	store := openStore(t)
	c := testCrawler(t, store)
	night := time.Date(2028, 3, 2, 20, 0, 0, 0, time.UTC)
	if _, err := PruneDropped(context.Background(), store, []*Site{other}, night, PruneOptions{}); err != nil {
		t.Fatal(err)
	}
	rep, err := c.Crawl(context.Background(), other, Limits{MaxPages: 2})
	if err != nil || rep.Pending == 0 {
		t.Fatalf("other.toml's night, stopped: %+v %v", rep, err)
	}
	id, err := store.GetKV(nsRun, other.Name)
	if err != nil || id == nil {
		t.Fatalf("no run in progress: %q %v", id, err)
	}
	// sites.toml's night: other.toml's site is not configured
	if d, err := PruneDropped(context.Background(), store, []*Site{one}, night.Add(24*time.Hour), PruneOptions{}); err != nil || d.Runs != 0 || d.Frontier != 0 || d.Evidence != 0 || d.RunsKept != 1 {
		t.Errorf("sites.toml's night: %+v %v; want other.toml's run kept", d, err)
	}
	if _, err := c.Crawl(context.Background(), one, Limits{}); err != nil {
		t.Fatal(err)
	}
	// other.toml's night again: its run resumes and ends
	if _, err := PruneDropped(context.Background(), store, []*Site{other}, night.Add(48*time.Hour), PruneOptions{}); err != nil {
		t.Fatal(err)
	}
	if rep, err = c.Crawl(context.Background(), other, Limits{}); err != nil || rep.Pending != 0 {
		t.Fatalf("other.toml's second night: %+v %v", rep, err)
	}
	u := srv.URL + "/thong-bao/" + b + ".html" // linked by the second page only: other.toml's
	v, err := store.GetKV(nsURL, u)
	if err != nil || v == nil {
		t.Fatalf("%s: no state (%v)", u, err)
	}
	s, err := decodeState(u, v)
	if err != nil || s.Run != string(id) {
		t.Errorf("%s finished by run %q (%v), want the stopped run %q resumed", u, s.Run, err, id)
	}
}

// TestEndedLateWeekFromItsEnd: the run that reads a notice gone (a stale
// link: the listing's weak word, a week) spans two nights — stopped by
// its deadline right after the notice six days after the suspicion,
// resumed the next night, and cancelled after its last page, before its
// decisions. Its end, had it been reached that second night, counted the
// week to that night: seven days, a tombstone. The late end the night
// after (the portal down) decides the same, not on the night the notice
// was read (six days: kept, and the notice waits for a run that reads
// the site).
func TestEndedLateWeekFromItsEnd(t *testing.T) {
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
	c.now = func() time.Time {
		p.mu.Lock()
		defer p.mu.Unlock()
		if p.late {
			return day.Add(2 * time.Hour) // past the night's deadline
		}
		return day
	}
	crawl := func(ctx context.Context, night string, lim Limits) Report {
		t.Helper()
		rep, err := c.Crawl(ctx, site, lim)
		if err != nil && ctx.Err() == nil {
			t.Fatalf("%s: %v", night, err)
		}
		return rep
	}
	live := func() bool {
		d, err := store.Get(corpus.IDForURL(srv.URL + "/thong-bao/" + a + ".html"))
		return err == nil && !d.Gone
	}
	if rep := crawl(context.Background(), "night 1", Limits{}); rep.New != 1 {
		t.Fatalf("night 1: %+v", rep)
	}
	p.set(func(p *pagedPortal) { p.docs = map[string]string{} })
	day = day.Add(24 * time.Hour)
	if rep := crawl(context.Background(), "the suspicion", Limits{}); rep.NotFoundSuspect != 1 {
		t.Fatalf("the night of the suspicion: %+v", rep)
	}
	day = day.Add(6 * 24 * time.Hour)
	p.set(func(p *pagedPortal) { p.stopAfter = "/thong-bao/" + a + ".html" })
	if rep := crawl(context.Background(), "six days on", Limits{Deadline: day.Add(time.Hour)}); rep.Pending == 0 || rep.Gone != 0 || !live() {
		t.Fatalf("six days on, stopped after the notice: %+v; want pages left, nothing decided", rep)
	}
	p.set(func(p *pagedPortal) { p.stopAfter, p.late = "", false })
	day = day.Add(24 * time.Hour)
	ctx, cancel := context.WithCancel(context.Background())
	c.beforeEnd = cancel
	if rep := crawl(ctx, "seven days on", Limits{}); rep.Pending != 0 || rep.Gone != 0 || !live() {
		t.Fatalf("seven days on, resumed and cancelled after the last page: %+v; want nothing pending, nothing decided", rep)
	}
	c.beforeEnd = nil
	p.set(func(*pagedPortal) { down = true })
	day = day.Add(24 * time.Hour)
	rep := crawl(context.Background(), "eight days on", Limits{})
	if live() || rep.Gone != 1 || rep.RunEndedLate == "" {
		t.Errorf("eight days on, the portal down: live %v, %+v; want the cancelled run ended first (RunEndedLate) as on the night its pages ended: a week of misses, a tombstone", live(), rep)
	}
}
