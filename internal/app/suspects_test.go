package app

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler"
)

// TestStatusShowsSuspects: an article whose page answers 404 for a night
// is kept (crawler/suspects.go); the crawl's summary says so and `vanban
// status` names it with since when and for how many runs, until it
// answers again; the nightly history counts the suspects, not their
// list.
func TestStatusShowsSuspects(t *testing.T) {
	data := t.TempDir()
	var mu sync.Mutex
	down := false
	mux := http.NewServeMux()
	mux.HandleFunc("/tin-tuc/ke-hoach-45.html", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if down {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Kế hoạch số 45/KH-UBND</title></head><body><div class="content-detail"><h1>Kế hoạch số 45/KH-UBND</h1><p class="date">Ngày đăng: 15/05/2025</p><p>Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai chương trình chuyển đổi số năm 2026 trên địa bàn tỉnh.</p></div></body></html>`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	article := srv.URL + "/tin-tuc/ke-hoach-45.html"
	cfg := writeSiteConfig(t, "phuan", article, srv.URL, `/tin-tuc/`)
	if _, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}}); err != nil {
		t.Fatalf("crawl: %v\n%s", err, stderr)
	}
	mu.Lock()
	down = true
	mu.Unlock()
	_, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}})
	if err != nil {
		t.Fatalf("crawl: %v\n%s", err, stderr)
	}
	for _, want := range []string{"1 documents whose page answered 404 for the first time (kept", "1 suspected documents kept (vanban status names them)"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("crawl summary lacks %q:\n%s", want, stderr)
		}
	}
	out, _, err := call(t, data, RunStatus, StatusOptions{N: 10})
	today := time.Now().UTC().Format("2006-01-02")
	for _, want := range []string{"suspected documents: 1", article + "  since " + today + ", 1 runs in a row; doc " + corpus.IDForURL(article)} {
		if err != nil || !strings.Contains(out, want) {
			t.Errorf("status: %v, lacks %q:\n%s", err, want, out)
		}
	}
	mu.Lock()
	down = false
	mu.Unlock()
	if _, stderr, err = call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}}); err != nil || strings.Contains(stderr, "suspected") {
		t.Errorf("crawl after the page answers again: %v\n%s", err, stderr)
	}
	if out, _, err = call(t, data, RunStatus, StatusOptions{N: 10}); err != nil || strings.Contains(out, "suspected documents") {
		t.Errorf("status after the page answers again: %v\n%s", err, out)
	}
}

// TestHistorySuspectsCounted: the nightly history keeps each site's count
// of suspects, not their list (the store's and the --report file's).
func TestHistorySuspectsCounted(t *testing.T) {
	store, err := corpus.OpenStore(t.TempDir(), false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	site := crawler.Report{Name: "phuan", SuspectCount: 200}
	for i := range 200 {
		site.Suspects = append(site.Suspects, crawler.Suspect{URL: fmt.Sprintf("https://phuan.example.gov.vn/van-ban/thong-bao-%d.html", i), Runs: 2})
	}
	rep := &nightlyReport{crawlReport: crawlReport{Started: time.Now().UTC(), Sites: []crawler.Report{site}}}
	if err := saveHistory(store, rep); err != nil {
		t.Fatal(err)
	}
	runs, err := history(store)
	if err != nil || len(runs) != 1 || runs[0].Sites[0].SuspectCount != 200 || len(runs[0].Sites[0].Suspects) != 0 || len(rep.Sites[0].Suspects) != 200 {
		t.Errorf("history: %+v %v; want the count kept, not the list, the run's report unchanged", runs, err)
	}
}

// TestStatusSuspectNotReached: a crawl whose deadline passes on its
// listing (served slowly) does not reach the article suspected the night
// before: its report lists the suspect as not reached, last asked by that
// night's run; the summary line — the crawl's, and the nightly history's
// in `vanban status` — counts it as waiting for the next run that reaches
// it, and `vanban status` names it with its last ask.
func TestStatusSuspectNotReached(t *testing.T) {
	data := t.TempDir()
	var mu sync.Mutex
	down, slow := false, false
	mux := http.NewServeMux()
	mux.HandleFunc("/tin-tuc/", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		d, s := down, slow
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if r.URL.Path == "/tin-tuc/" {
			if s {
				time.Sleep(1500 * time.Millisecond) // past the crawl's deadline
			}
			fmt.Fprint(w, `<html><body><a href="/tin-tuc/thong-bao-9.html">Thông báo</a> <a href="/tin-tuc/gioi-thieu">Giới thiệu</a></body></html>`)
			return
		}
		if r.URL.Path != "/tin-tuc/thong-bao-9.html" || d {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Thông báo số 9/TB-UBND</title></head><body><div class="content-detail"><h1>Thông báo số 9/TB-UBND</h1><p class="date">Ngày đăng: 02/06/2025</p><p>Ủy ban nhân dân xã thông báo lịch tiếp công dân của Chủ tịch trong tháng 6 tại trụ sở.</p></div></body></html>`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	article := srv.URL + "/tin-tuc/thong-bao-9.html"
	cfg := writeSiteConfig(t, "xaphu", srv.URL+"/tin-tuc/", srv.URL, `/tin-tuc/.+\.html$`)
	if _, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}}); err != nil {
		t.Fatalf("crawl: %v\n%s", err, stderr)
	}
	mu.Lock()
	down = true
	mu.Unlock()
	if _, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}}); err != nil || !strings.Contains(stderr, "1 suspected documents kept") {
		t.Fatalf("crawl (404): %v\n%s", err, stderr)
	}
	asked := time.Now().UTC().Format("2006-01-02")
	mu.Lock()
	slow = true
	mu.Unlock()
	reportPath := t.TempDir() + "/crawl.json"
	_, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}, Deadline: 500 * time.Millisecond, Report: reportPath})
	if err != nil {
		t.Fatalf("crawl (deadline): %v\n%s", err, stderr)
	}
	want := "1 suspected documents kept (vanban status names them), 1 of them not reached by this run (its deadline: the next run that reaches them decides)"
	if !strings.Contains(stderr, want) {
		t.Errorf("crawl summary lacks %q:\n%s", want, stderr)
	}
	var rep crawlReport
	if b, err := os.ReadFile(reportPath); err != nil || json.Unmarshal(b, &rep) != nil || len(rep.Sites) != 1 {
		t.Fatalf("report: %v", err)
	}
	s := rep.Sites[0]
	if s.Pending == 0 || s.SuspectsNotReached != 1 || len(s.Suspects) != 1 || !s.Suspects[0].NotReached || s.Suspects[0].URL != article || s.Suspects[0].LastAsked.Format("2006-01-02") != asked {
		t.Errorf("report: %+v; want the suspect listed as not reached, last asked %s", s, asked)
	}
	store, err := corpus.OpenStore(data, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	err = saveHistory(store, &nightlyReport{crawlReport: rep})
	store.Close()
	if err != nil {
		t.Fatal(err)
	}
	out, _, err := call(t, data, RunStatus, StatusOptions{N: 10})
	for _, w := range []string{"1 of them not reached by this run", article + "  since " + asked + ", 1 runs in a row; doc " + corpus.IDForURL(article) + "; last asked " + asked} {
		if err != nil || !strings.Contains(out, w) {
			t.Errorf("status: %v, lacks %q:\n%s", err, w, out)
		}
	}
}

// TestSummarySuspectsAwaitingEnd: a run stopped (its deadline, a page
// limit) decides no suspect it reached — the run resumed from its pending
// pages decides at its end (crawler/evidence.go); the summary line says
// so, beside those it did not reach, and says nothing of it when the run
// ended.
func TestSummarySuspectsAwaitingEnd(t *testing.T) {
	for _, tc := range []struct {
		name string
		site crawler.Report
		want []string
		not  []string
	}{
		{"stopped, one reached, one not", crawler.Report{Name: "xaphu", Pending: 4, SuspectCount: 2, SuspectsNotReached: 1, SuspectsAwaitingEnd: 1},
			[]string{"2 suspected documents kept", "1 of them not reached by this run", "1 of them reached by this stopped run (decided at the end of the run, resumed from the 4 pending pages)"}, nil},
		{"ended", crawler.Report{Name: "xaphu", SuspectCount: 2},
			[]string{"2 suspected documents kept"}, []string{"stopped run", "not reached"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := (&crawlReport{Sites: []crawler.Report{tc.site}}).summary()
			for _, w := range tc.want {
				if !strings.Contains(s, w) {
					t.Errorf("summary lacks %q:\n%s", w, s)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(s, w) {
					t.Errorf("summary has %q:\n%s", w, s)
				}
			}
		})
	}
}

// TestSummaryDroppedAndLate: the summary says what the crawl did with
// the records of sites no longer configured (crawler/dropped.go) and
// counts the runs it decided after their last page (crawler/evidence.go
// endLate), in the singular or the plural as counted; nothing of either
// when there was none.
func TestSummaryDroppedAndLate(t *testing.T) {
	late := func(name string) crawler.Report {
		return crawler.Report{Name: name, Gone: 1, RunEndedLate: "2028-03-02T20:00:00.000000000Z"}
	}
	for _, tc := range []struct {
		name    string
		sites   []crawler.Report
		dropped crawler.Dropped
		want    []string
		not     []string
	}{
		{"a site removed tonight, a run ended late",
			[]crawler.Report{late("xaphu")},
			crawler.Dropped{Sites: []string{"sotuphap"}, RunsKept: 1, Kept: 340},
			[]string{"1 earlier run stopped after its last page decided (tombstones counted in gone)",
				"records of sites no longer configured (sotuphap): kept a month (a site re-added resumes): 1 run in progress, 340 URL states"},
			[]string{"deleted"}},
		{"two sites' month over, two runs ended late",
			[]crawler.Report{late("xaphu"), late("sotuphap")},
			crawler.Dropped{Sites: []string{"sotuphap-cu", "tinhuy"}, Runs: 2, Frontier: 12, Evidence: 1, Kept: 1, Deleted: 5},
			[]string{"2 earlier runs stopped after their last page decided",
				"records of sites no longer configured (sotuphap-cu, tinhuy): kept a month (a site re-added resumes): 1 URL state; deleted after the month: 2 runs in progress with 12 queued pages and 1 evidence record, 5 URL states"},
			[]string{"1 run in progress", "1 URL states"}},
		{"a narrowed allow: pages no site admits, some admitted again",
			[]crawler.Report{{Name: "xaphu"}},
			crawler.Dropped{Kept: 3, Restored: 2},
			[]string{"records of pages no configured site admits: kept a month (a site re-added resumes): 3 URL states; 2 URL states admitted again"},
			[]string{"()", "after their last page", "after its last page"}},
		{"a site with learned state only",
			[]crawler.Report{{Name: "xaphu"}},
			crawler.Dropped{Sites: []string{"sotuphap"}},
			[]string{"records of sites no longer configured (sotuphap): their learned state kept a month"}, nil},
		{"admitted again only",
			[]crawler.Report{{Name: "xaphu"}},
			crawler.Dropped{Restored: 1},
			[]string{"records of pages no configured site admits: 1 URL state admitted again"}, nil},
		{"another configuration's crawl",
			[]crawler.Report{{Name: "sotuphap-thu"}},
			crawler.Dropped{Other: "/etc/vanban/sites.toml"},
			[]string{", nothing aged of sites this configuration lacks: the data directory's is /etc/vanban/sites.toml (crawl with --prune to make this one its own)"},
			[]string{"no longer configured", "no configured site"}},
		{"nothing", []crawler.Report{{Name: "xaphu"}}, crawler.Dropped{},
			nil, []string{"no longer configured", "no configured site", "after its last page", "after their last page"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := (&crawlReport{Sites: tc.sites, Dropped: tc.dropped}).summary()
			for _, w := range tc.want {
				if !strings.Contains(s, w) {
					t.Errorf("summary lacks %q:\n%s", w, s)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(s, w) {
					t.Errorf("summary has %q:\n%s", w, s)
				}
			}
		})
	}
}
