package app

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
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
	cfg := filepath.Join(t.TempDir(), "sites.toml")
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf(`user_agent = "vanban-test/1 (+https://example.invalid/contact)"

[[site]]
name = "phuan"
start = [%q]
allow = ['^%s/tin-tuc/']
article = ['/tin-tuc/']
delay = "0s"
`, article, regexp.QuoteMeta(srv.URL))), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, err := call(t, data, RunCrawl, CrawlOptions{Config: cfg})
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
