package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
)

// Notices of the provincial notices section (pagedPortal) for the tests
// of each kind of a run's evidence (evidence.go); slugs in the order a
// run asks the known notices.
const (
	evNoticeA = "ke-hoach-chuyen-doi-so-2028"
	evNoticeB = "lich-tiep-cong-dan-quy-3"
	evNoticeC = "thong-bao-nghi-tet-duong-lich-2028"
)

var evNotices = map[string]string{
	evNoticeA: softArticle("Thông báo số 14/TB-UBND", "Triển khai Kế hoạch chuyển đổi số năm 2028 tại các sở, ban, ngành và Ủy ban nhân dân cấp huyện."),
	evNoticeB: softArticle("Thông báo số 15/TB-VP", "Lịch tiếp công dân quý III năm 2028 của Chủ tịch Ủy ban nhân dân tỉnh tại Trụ sở tiếp công dân."),
	evNoticeC: softArticle("Thông báo số 02/TB-UBND", "Nghỉ Tết Dương lịch năm 2028 đối với cán bộ, công chức, viên chức và người lao động trong các cơ quan hành chính."),
}

// evidenceNights runs night 1 (every notice of docs live), night 2 and
// night 3 with the portal as night sets it, night 3 stopped after the
// path stopAfter and resumed to its end; it returns the resumed part's
// report and whether each notice is live after it.
func evidenceNights(t *testing.T, page1, page2 []string, night func(p *pagedPortal), stopAfter string) (Report, map[string]bool) {
	t.Helper()
	docs := map[string]string{}
	for _, s := range append(append([]string(nil), page1...), page2...) {
		docs[s] = evNotices[s]
	}
	p := &pagedPortal{docs: docs, page1: page1, page2: page2}
	srv := httptest.NewServer(p)
	defer srv.Close()
	store, c, site := smallSite(t, srv)
	deadline := time.Now().Add(time.Hour)
	c.now = func() time.Time {
		p.mu.Lock()
		defer p.mu.Unlock()
		if p.late {
			return deadline.Add(time.Minute)
		}
		return time.Now()
	}
	crawl := func(n int, lim Limits) Report {
		t.Helper()
		rep, err := c.Crawl(context.Background(), site, lim)
		if err != nil {
			t.Fatalf("night %d: %v", n, err)
		}
		return rep
	}
	if rep := crawl(1, Limits{}); rep.New != len(docs) {
		t.Fatalf("night 1: %+v", rep)
	}
	p.set(night)
	if rep := crawl(2, Limits{}); rep.NotFoundSuspect == 0 || rep.Gone != 0 {
		t.Fatalf("night 2: %+v; want notices suspected, none gone", rep)
	}
	p.set(func(p *pagedPortal) { p.stopAfter = stopAfter })
	if rep := crawl(3, Limits{Deadline: deadline}); rep.Pending == 0 || rep.Gone != 0 {
		t.Fatalf("night 3 (stopped after %s): %+v; want pages left, nothing decided", stopAfter, rep)
	}
	p.set(func(p *pagedPortal) { p.stopAfter, p.late = "", false })
	rep := crawl(3, Limits{})
	if rep.Pending != 0 {
		t.Fatalf("night 3 (resumed): %+v; want the run ended", rep)
	}
	live := map[string]bool{}
	for s := range docs {
		d, err := store.Get(corpus.IDForURL(srv.URL + "/thong-bao/" + s + ".html"))
		live[s] = err == nil && !d.Gone
	}
	return rep, live
}

// TestResumedDocsEvidence: the site's documents answered only in the
// stopped part of the run (evidence kind d, a site with article
// patterns). Two notices, both linked by the second listing page, answer
// 404 two nights in a row; the section's third notice answers. The run
// is stopped after the notices, before the listings: the resumed part
// reads the listings only, linking both. The documents answering decide
// at once — both tombstones — as a run read whole decides; without the
// stopped part's word (d not loaded) the resumed end reads two linked
// notices answering 404 as a broken route and keeps them.
func TestResumedDocsEvidence(t *testing.T) {
	rep, live := evidenceNights(t, []string{evNoticeC}, []string{evNoticeA, evNoticeB}, func(p *pagedPortal) {
		p.docs = map[string]string{evNoticeC: evNotices[evNoticeC]}
	}, "/thong-bao/"+evNoticeC+".html")
	if live[evNoticeA] || live[evNoticeB] || !live[evNoticeC] || rep.Gone != 2 {
		t.Errorf("after the resumed run: live %v, %+v; want both notices answering 404 tombstones (the site's documents answered in the stopped part), the third live", live, rep)
	}
}

// TestResumedListingEvidence: the listing that lists documents answered
// only in the stopped part of the run (evidence kind t). Both notices
// answer 404 two nights in a row; the first listing page links one,
// the second page drops the other. The run is stopped after the first
// listing page: the resumed part reads the notices, the menu's pages
// and the second page, which holds menu links only. The first page's
// word decides at once — the notice it does not list a tombstone, the
// one it still lists kept (two answering 404) — as a run read whole
// decides; without it (t not loaded) the resumed part has the menu's
// weak word only, and the dropped notice waits a week.
func TestResumedListingEvidence(t *testing.T) {
	rep, live := evidenceNights(t, []string{evNoticeB}, []string{evNoticeA}, func(p *pagedPortal) {
		p.docs, p.page2 = map[string]string{}, nil
	}, "/thong-bao")
	if live[evNoticeA] || !live[evNoticeB] || rep.Gone != 1 {
		t.Errorf("after the resumed run: live %v, %+v; want the notice dropped by the listing a tombstone, the one still listed kept", live, rep)
	}
}

// TestNewRunClearsEvidence: a new run deletes the site's evidence
// records of any earlier run (those a version that did not record its
// queued pages left, a run begun and killed before its seeds were
// queued): one run's evidence means nothing to another, and records
// left would pile up night after night. Another site's records stay.
func TestNewRunClearsEvidence(t *testing.T) {
	p := &pagedPortal{docs: map[string]string{evNoticeA: evNotices[evNoticeA]}, page1: []string{evNoticeA}}
	srv := httptest.NewServer(p)
	defer srv.Close()
	store, c, site := smallSite(t, srv)
	const old = "2028-01-02T20:00:00.000000000Z"
	stale := []corpus.KVOp{
		{NS: nsEvidence, Key: site.Name + "\x00" + old + "\x00" + evGone + "\x00" + srv.URL + "/thong-bao/" + evNoticeA + ".html", Value: []byte{}},
		{NS: nsEvidence, Key: site.Name + "\x00" + old + "\x00" + evDocs + "\x00", Value: []byte{}},
		{NS: nsEvidence, Key: "tinh-khac\x00" + old + "\x00" + evDocs + "\x00", Value: []byte{}},
		{NS: nsRun, Key: site.Name, Value: []byte(old)},
	}
	if err := store.ApplyKV(stale); err != nil {
		t.Fatal(err)
	}
	// the new run stopped after its first page: its end's clear not
	// reached, its start's alone tested
	if rep, err := c.Crawl(context.Background(), site, Limits{MaxPages: 1}); err != nil || rep.Pending == 0 || rep.RunEndedLate != "" {
		t.Fatalf("%+v %v; want the run stopped, no earlier run decided (its pages never queued)", rep, err)
	}
	var left []string
	if err := store.ForEachKV(nsEvidence, func(k string, _ []byte) error {
		if strings.Contains(k, old) {
			left = append(left, k)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(left) != 1 || left[0] != stale[2].Key {
		t.Errorf("the earlier run's evidence records after the new run's start: %q; want only the other site's", left)
	}
}

// TestResumedProbeEvidence: the site's answer for a page it lacks,
// asked only in the stopped part of the run (evidence kind p). The night
// the portal's database is down its CMS answers "Không có dữ liệu" (200,
// inside the menu) at every address — its listings, its menu's pages,
// its notices, an address it never had — while the web server in front
// answers 404 for a notice taken down a week before. The run is stopped
// after the notices (the probe asked for the one answering the
// template); the resumed part reads the menu's pages only, each the
// template. Compared with the probe's answer they are the site's page
// for what it lacks, no listing answering: the notice is kept. Without
// the stopped part's probe (p not loaded) the resumed end reads the
// menu's pages as listings answering, and the listings' week being
// past, the notice is a tombstone on a night the site did not answer.
func TestResumedProbeEvidence(t *testing.T) {
	const a, b = evNoticeA, evNoticeB
	p := &pagedPortal{docs: map[string]string{a: evNotices[a], b: evNotices[b]}, page1: []string{a, b}}
	broken := false
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		br := broken
		p.mu.Unlock()
		if !br {
			p.ServeHTTP(w, r)
			return
		}
		if r.URL.Path == "/thong-bao/"+a+".html" {
			http.NotFound(w, r)
		} else {
			fmt.Fprint(w, portalChrome("Thông báo", `<div class="content-detail"><h1>Thông báo</h1><p>Không có dữ liệu. Hệ thống đang gián đoạn, xin vui lòng quay lại sau.</p></div>`))
		}
		p.mu.Lock()
		if p.stopAfter != "" && r.URL.Path == p.stopAfter {
			p.late = true
		}
		p.mu.Unlock()
	}))
	defer srv.Close()
	store, c, site := smallSite(t, srv)
	day := time.Date(2028, 3, 2, 20, 0, 0, 0, time.UTC)
	c.now = func() time.Time {
		p.mu.Lock()
		defer p.mu.Unlock()
		if p.late {
			return day.Add(time.Hour)
		}
		return day
	}
	crawl := func(night string, lim Limits) Report {
		t.Helper()
		rep, err := c.Crawl(context.Background(), site, lim)
		if err != nil {
			t.Fatalf("%s: %v", night, err)
		}
		return rep
	}
	live := func(s string) bool {
		d, err := store.Get(corpus.IDForURL(srv.URL + "/thong-bao/" + s + ".html"))
		return err == nil && !d.Gone
	}
	if rep := crawl("night 1", Limits{}); rep.New != 2 {
		t.Fatalf("night 1: %+v", rep)
	}
	day = day.Add(24 * time.Hour)
	p.set(func(p *pagedPortal) { p.docs, p.page1 = map[string]string{b: evNotices[b]}, []string{b} })
	if rep := crawl("the notice taken down", Limits{}); rep.NotFoundSuspect != 1 || !live(a) {
		t.Fatalf("the night the notice is taken down: %+v; want it suspected", rep)
	}
	day = day.Add(8 * 24 * time.Hour)
	p.set(func(p *pagedPortal) { p.stopAfter = "/thong-bao/" + b + ".html" })
	p.mu.Lock()
	broken = true
	p.mu.Unlock()
	if rep := crawl("the database down", Limits{Deadline: day.Add(30 * time.Minute)}); rep.Pending == 0 || rep.Probes == 0 || rep.Gone != 0 {
		t.Fatalf("the database down, stopped after the notices: %+v; want pages left, a probe asked, nothing decided", rep)
	}
	p.set(func(p *pagedPortal) { p.stopAfter, p.late = "", false })
	rep := crawl("resumed", Limits{})
	if rep.Pending != 0 || rep.Probes != 0 {
		t.Fatalf("resumed: %+v; want the run ended, no probe of its own", rep)
	}
	if !live(a) || !live(b) || rep.Gone != 0 {
		t.Errorf("after the resumed run: live %v %v, %+v; want both kept (the site answered nothing but its page for what it lacks)", live(a), live(b), rep)
	}
}
