package app

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/vanban/vanban/crawler/filetext/filetexttest"
)

// BenchmarkSearchDeadHits times /api/search and the search page over a
// crawled portal whose article links 60 DOCX plans, every other one dead
// (404 on the second crawl, its document kept), so a page of 20 hits holds
// file hits, about half of them dead (ties are ordered by ID, which the
// test server's port changes: "marks" reports how many): the cost of
// marking them (one record lookup per file hit on the page) beside the
// search itself. It uses the
// handler's routes only, so it runs unchanged on a branch without the
// marks (docs/log/i23-deadmark.md: before/after).
func BenchmarkSearchDeadHits(b *testing.B) {
	const n = 60
	files := make([][]byte, n)
	for i := range files {
		var body strings.Builder
		fmt.Fprintf(&body, `<w:p><w:r><w:t>ỦY BAN NHÂN DÂN HUYỆN %d</w:t></w:r></w:p><w:p><w:r><w:t>Số: %d/KH-UBND</w:t></w:r></w:p>`, i, 300+i)
		fmt.Fprintf(&body, `<w:p><w:r><w:t>KẾ HOẠCH Thực hiện chuyển đổi số tại xã thứ %d năm 2026</w:t></w:r></w:p>`, i)
		for j := 1; j <= 5; j++ {
			fmt.Fprintf(&body, `<w:p><w:r><w:t>%d. Phòng Văn hóa và Thông tin chủ trì triển khai nền tảng chuyển đổi số cho %d hộ dân, hoàn thành trước ngày 31/12/2026.</w:t></w:r></w:p>`, j, 100*i+j)
		}
		z, err := filetexttest.Zip(map[string]string{
			"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
			"word/document.xml":   `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`,
		})
		if err != nil {
			b.Fatal(err)
		}
		files[i] = z
	}
	data := b.TempDir()
	var mu sync.Mutex
	up := true
	mux := http.NewServeMux()
	mux.HandleFunc("/tin-tuc/ke-hoach.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Kế hoạch chuyển đổi số của các xã</title></head><body><div class="content-detail"><h1>Kế hoạch chuyển đổi số của các xã</h1><p class="date">Ngày đăng: 02/06/2025</p><p>Các kế hoạch kèm theo.</p><div class="attachments"><b>Tệp đính kèm</b>`)
		for i := range files {
			fmt.Fprintf(w, ` <a href="/files/kh-%d.docx">Kế hoạch %d</a>`, i, i)
		}
		fmt.Fprint(w, `</div></div></body></html>`)
	})
	mux.HandleFunc("/files/", func(w http.ResponseWriter, r *http.Request) {
		var i int
		if _, err := fmt.Sscanf(r.URL.Path, "/files/kh-%d.docx", &i); err != nil || i < 0 || i >= n {
			http.NotFound(w, r)
			return
		}
		mu.Lock()
		dead := !up && i%2 == 0
		mu.Unlock()
		if dead {
			http.NotFound(w, r)
			return
		}
		w.Write(files[i])
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	cfg := filepath.Join(b.TempDir(), "sites.toml") // writeSiteConfig's, for a testing.B
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf("user_agent = \"vanban-test/1 (+https://example.invalid/contact)\"\n\n[[site]]\nname = \"xa\"\nstart = [%q]\nallow = ['^%s/tin-tuc/']\narticle = ['/tin-tuc/']\ndelay = \"0s\"\n",
		srv.URL+"/tin-tuc/ke-hoach.html", regexp.QuoteMeta(srv.URL))), 0o644); err != nil {
		b.Fatal(err)
	}
	if _, stderr, err := call(b, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}}); err != nil {
		b.Fatalf("crawl: %v\n%s", err, stderr)
	}
	mu.Lock()
	up = false
	mu.Unlock()
	call(b, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}}) // 30 dead attachments
	if _, stderr, err := call(b, data, RunIndex, IndexOptions{}); err != nil {
		b.Fatalf("index: %v\n%s", err, stderr)
	}
	store, ix, err := openData(context.Background(), &Env{Data: data}, true)
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	defer ix.Close()
	web := httptest.NewServer(searchHandler(&Env{Data: data, Stderr: io.Discard}, store, ix, DefaultRequestTimeout, nil, nil))
	defer web.Close()
	q := "?size=20&q=" + url.QueryEscape("chuyển đổi số hộ dân")
	for _, route := range []string{"/api/search", "/"} {
		b.Run(strings.Trim(route, "/")+"_", func(b *testing.B) {
			res, err := http.Get(web.URL + route + q)
			if err != nil {
				b.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if !strings.Contains(string(body), "/files/kh-") {
				b.Fatalf("%s: the files are not found", route)
			}
			// the marks the page carries: 0 before this branch
			dead := strings.Count(string(body), "không còn truy cập được") + strings.Count(string(body), `"dead":{`)
			b.ResetTimer()
			for range b.N {
				res, err := http.Get(web.URL + route + q)
				if err != nil {
					b.Fatal(err)
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode != http.StatusOK {
					b.Fatalf("%s: %s", route, res.Status)
				}
			}
			b.ReportMetric(float64(dead), "marks")
		})
	}
}
