package app

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler"
)

// TestStatusShowsDeadAttachments: an article whose attached file answers
// 404. The crawl's summary counts it and `vanban status` names it with
// its article, for as long as the article links it (crawler/deadfiles.go),
// not only on the night a crawl asked it.
func TestStatusShowsDeadAttachments(t *testing.T) {
	data := t.TempDir()
	mux := http.NewServeMux()
	mux.HandleFunc("/tin-tuc/ke-hoach-45.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Kế hoạch số 45/KH-UBND</title></head><body><div class="content-detail"><h1>Kế hoạch số 45/KH-UBND</h1><p class="date">Ngày đăng: 15/05/2025</p><p>Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai chương trình chuyển đổi số năm 2026; phụ lục kèm theo.</p><div class="attachments"><b>Tệp đính kèm</b> <a href="/files/phu-luc-45.pdf">Tải về</a></div></div></body></html>`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	article := srv.URL + "/tin-tuc/ke-hoach-45.html"
	cfg := writeSiteConfig(t, "phuan", article, srv.URL, `/tin-tuc/`)
	_, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}})
	if err != nil {
		t.Fatalf("crawl: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "1 dead attachment") {
		t.Errorf("crawl summary lacks the dead attachment:\n%s", stderr)
	}
	out, _, err := call(t, data, RunStatus, StatusOptions{N: 10})
	file := srv.URL + "/files/phu-luc-45.pdf"
	for _, want := range []string{"dead attachments: 1", file, "HTTP 404", article} {
		if err != nil || !strings.Contains(out, want) {
			t.Errorf("status: %v, lacks %q:\n%s", err, want, out)
		}
	}
}

// TestHistoryDeadFilesCounted: the nightly history (30 reports) keeps
// each site's count of dead attachments, not their list: the list is the
// store's (files/dead, `vanban status`) and the run's --report file's; 30
// copies of up to 200 entries a site would grow the store with every
// site's dead links.
func TestHistoryDeadFilesCounted(t *testing.T) {
	store, err := corpus.OpenStore(t.TempDir(), false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	site := crawler.Report{Name: "phuan", DeadFileCount: 200}
	for i := range 200 {
		site.DeadFiles = append(site.DeadFiles, crawler.DeadFile{URL: fmt.Sprintf("https://phuan.example.gov.vn/files/phu-luc-%d.pdf", i), Article: "https://phuan.example.gov.vn/tin-tuc/ke-hoach.html", Status: 404})
	}
	rep := &nightlyReport{crawlReport: crawlReport{Started: time.Now().UTC(), Sites: []crawler.Report{site}}}
	if err := saveHistory(store, rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Sites[0].DeadFiles) != 200 {
		t.Error("saving the history changed the run's report")
	}
	var size int
	store.ForEachKV(nsHistory, func(_ string, v []byte) error { size += len(v); return nil })
	runs, err := history(store)
	if err != nil || len(runs) != 1 || runs[0].Sites[0].DeadFileCount != 200 || len(runs[0].Sites[0].DeadFiles) != 0 || size > 4000 {
		t.Errorf("history: %d bytes, %+v %v; want the count kept, not the list", size, runs, err)
	}
}
