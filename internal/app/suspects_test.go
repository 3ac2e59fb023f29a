package app

import (
	"fmt"
	"net/http"
	"net/http/httptest"
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
	if _, stderr, err := call(t, data, RunCrawl, CrawlOptions{Config: cfg}); err != nil {
		t.Fatalf("crawl: %v\n%s", err, stderr)
	}
	mu.Lock()
	down = true
	mu.Unlock()
	_, stderr, err := call(t, data, RunCrawl, CrawlOptions{Config: cfg})
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
	if _, stderr, err = call(t, data, RunCrawl, CrawlOptions{Config: cfg}); err != nil || strings.Contains(stderr, "suspected") {
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
