package crawler

import (
	"context"
	"fmt"
	"github.com/vanban/vanban/internal/memstat"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler/extract"
	"github.com/vanban/vanban/crawler/filetext/filetexttest"
)

// benchPortal is a generated provincial portal: paged listings of 30
// articles and article pages of 50–150 KB (menus, sidebars, a long body of
// Vietnamese paragraphs, a property table and attachments), as on the
// SharePoint and DNN portals.
type benchPortal struct {
	pages map[string][]byte
	bytes int64
}

const benchArticles = 300

func newBenchPortal() *benchPortal {
	p := &benchPortal{pages: map[string][]byte{}}
	sentences := []string{
		"Ủy ban nhân dân tỉnh ban hành Kế hoạch số %d/KH-UBND triển khai thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.",
		"Các sở, ban, ngành, Ủy ban nhân dân các huyện, thị xã, thành phố chủ động xây dựng kế hoạch, bố trí nguồn lực và tổ chức thực hiện nghiêm túc, hiệu quả các nhiệm vụ được giao trong năm %d.",
		"Sở Tài chính chủ trì, phối hợp với Sở Kế hoạch và Đầu tư tham mưu bố trí kinh phí thực hiện theo quy định của Luật Ngân sách nhà nước số 83/2015/QH13 và các văn bản hướng dẫn; báo cáo kết quả trước ngày %d tháng 12.",
		"Trong quá trình triển khai, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo về Ủy ban nhân dân tỉnh (qua Văn phòng) để xem xét, giải quyết theo thẩm quyền; tổng hợp đến ngày %d.",
	}
	menu := strings.Repeat(`<li><a href="/gioi-thieu">Giới thiệu</a><ul><li><a href="/tin-tuc/tin-kinh-te">Kinh tế</a></li><li><a href="/tin-tuc/tin-van-hoa-xa-hoi">Văn hóa - Xã hội</a></li></ul></li>`, 12)
	side := strings.Repeat(`<div class="box"><h3>Tin nổi bật</h3><ul><li><a href="/tin-tuc/2024/05/1-bai-viet">Hội nghị tổng kết công tác năm</a></li><li><a href="/tin-tuc/2024/05/2-bai-viet">Triển khai nhiệm vụ trọng tâm</a></li></ul></div>`, 15)
	for i := 1; i <= benchArticles; i++ {
		var body strings.Builder
		target := 50<<10 + (i*7919)%(100<<10) // 50–150 KB
		for n := 0; body.Len() < target-len(menu)-len(side)-2000; n++ {
			fmt.Fprintf(&body, "<p>"+sentences[n%len(sentences)]+"</p>\n", 100+i+n)
		}
		html := fmt.Sprintf(`<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Kế hoạch số %d/KH-UBND triển khai nhiệm vụ năm 2025 - Cổng TTĐT tỉnh</title><meta property="article:published_time" content="2025-03-%02dT08:00:00+07:00"></head>
<body><header><ul class="menu">%s</ul></header><div class="breadcrumb"><a href="/">Trang chủ</a> / <a href="/tin-tuc">Chỉ đạo điều hành</a></div>
<div class="main"><div class="content-detail"><h1>Kế hoạch số %d/KH-UBND triển khai nhiệm vụ năm 2025</h1><p class="date">Ngày đăng: %02d/03/2025</p>%s
<table class="props"><tr><td>Số ký hiệu</td><td>%d/KH-UBND</td></tr><tr><td>Cơ quan ban hành</td><td>UBND tỉnh</td></tr></table>
<p><a href="/Portals/0/files/%d-KH-UBND.pdf">Tải về văn bản</a></p></div><aside>%s</aside></div><footer>Bản quyền thuộc về Cổng Thông tin điện tử tỉnh.</footer></body></html>`,
			i, 1+i%28, menu, i, 1+i%28, body.String(), i, i, side)
		p.add(fmt.Sprintf("/tin-tuc/2025/03/%d-ke-hoach", i), html)
	}
	const per = 30
	for n := 1; n <= benchArticles/per; n++ {
		var b strings.Builder
		b.WriteString(`<html><head><meta charset="utf-8"><title>Tin tức</title></head><body><ul>`)
		for i := (n-1)*per + 1; i <= n*per; i++ {
			fmt.Fprintf(&b, `<li><a href="/tin-tuc/2025/03/%d-ke-hoach">Kế hoạch số %d/KH-UBND</a></li>`, i, i)
		}
		b.WriteString(`</ul>`)
		if n < benchArticles/per {
			fmt.Fprintf(&b, `<a href="/lists/tintuc/tongquat.aspx?pageindex=%d">Trang sau</a>`, n+1)
		}
		b.WriteString(`</body></html>`)
		p.add(fmt.Sprintf("/lists/tintuc/tongquat.aspx?pageindex=%d", n), b.String())
	}
	return p
}

func (p *benchPortal) add(path, html string) {
	p.pages[path] = []byte(html)
	p.bytes += int64(len(html))
}

func (p *benchPortal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/robots.txt" {
		w.Write([]byte("User-agent: *\nDisallow: /admin/\n"))
		return
	}
	b, ok := p.pages[r.URL.RequestURI()]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b)
}

// BenchmarkCrawl crawls the generated portal (300 articles of 50–150 KB,
// 10 listing pages) over loopback with no delay, 4 workers, extracting and
// storing every article (bbolt, fsync per page), with and without the WARC
// archive (gzip + fsync per record). It reports pages/s, MB/s (SetBytes)
// and the peak heap in use.
//
//	go test ./crawler -run '^$' -bench BenchmarkCrawl -benchtime 3x -count 6 | tee new.txt
//	benchstat old.txt new.txt
func BenchmarkCrawl(b *testing.B) {
	portal := newBenchPortal()
	srv := httptest.NewServer(portal)
	defer srv.Close()
	for _, warc := range []bool{false, true} {
		b.Run(fmt.Sprintf("warc=%v", warc), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(portal.bytes)
			stop := memstat.PeakHeap()
			var pages int
			var elapsed time.Duration
			for b.Loop() {
				dir := b.TempDir()
				store, err := corpus.OpenStore(dir, false, time.Second)
				if err != nil {
					b.Fatal(err)
				}
				opt := Options{}
				if warc {
					opt.WARCDir = filepath.Join(dir, "warc")
				}
				c := New(store, opt)
				// The pages' attachment links lead nowhere: HTML only, as
				// before files were fetched (BenchmarkCrawlBesideOCR has
				// files).
				site := &Site{Name: "bench", Start: []string{srv.URL + "/lists/tintuc/tongquat.aspx?pageindex=1"},
					Allow: []string{"^" + srv.URL + `/(tin-tuc/2025|lists/)`}, Article: []string{`/tin-tuc/2025/03/\d+-`}, Concurrency: 4,
					Attachments: new(bool)}
				if err := site.compile(); err != nil {
					b.Fatal(err)
				}
				start := time.Now()
				rep, err := c.Crawl(context.Background(), site, Limits{})
				elapsed += time.Since(start)
				if err != nil || rep.New != benchArticles || rep.Failed != 0 {
					b.Fatalf("crawl: %+v, %v", rep, err)
				}
				pages += rep.Fetched
				store.Close()
			}
			peak := stop()
			b.ReportMetric(float64(pages)/elapsed.Seconds(), "pages/s")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		})
	}
}

// BenchmarkCrawlBesideOCR measures whether OCR holds the crawl of HTML
// pages. The portal is a chain of 40 article pages (each links the next),
// the first of which carries the demo's scanned decision (2 pages, real
// pdftoppm and tesseract); one page worker, no delay. Reported: html-s,
// the time until the 40 pages are stored; file-s, until the scanned file's
// document is; and, in the sub-benchmark without the file, html-s alone.
// OCR beside the pages leaves html-s as it is without the file; OCR in
// the page worker would add the file's seconds to it.
//
//	go test ./crawler -run '^$' -bench BenchmarkCrawlBesideOCR -benchtime 3x
func BenchmarkCrawlBesideOCR(b *testing.B) {
	filetexttest.RequireTools(b, "pdfinfo", "pdftotext")
	filetexttest.RequireOCR(b)
	const chain = 40
	for _, withFile := range []bool{false, true} {
		b.Run(fmt.Sprintf("file=%v", withFile), func(b *testing.B) {
			portal := newFilePortal()
			srv := httptest.NewServer(portal)
			defer srv.Close()
			var files []string
			if withFile {
				portal.file("/files/1579-QD-UBND.pdf", demoFile(b, "1579-QD-UBND.pdf"))
				files = []string{"/files/1579-QD-UBND.pdf"}
			}
			for i := 0; i < chain; i++ {
				var f []string
				if i == 0 {
					f = files
				}
				portal.article(fmt.Sprintf("/tin-tuc/%d.html", i), fmt.Sprintf("Tin hoạt động số %d của tỉnh", i),
					strings.Repeat(fmt.Sprintf("Nội dung tin hoạt động số %d về công tác chuyển đổi số của các sở, ngành. ", i), 20), f,
					fmt.Sprintf("/tin-tuc/%d.html", i+1))
			}
			portal.listing = []string{"/tin-tuc/0.html"}
			var htmlTime, fileTime time.Duration
			for b.Loop() {
				store, err := corpus.OpenStore(b.TempDir(), false, time.Second)
				if err != nil {
					b.Fatal(err)
				}
				site := &Site{Name: "bench", Start: []string{srv.URL + "/"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/tin-tuc/`}, Concurrency: 1}
				if err := site.compile(); err != nil {
					b.Fatal(err)
				}
				c := New(store, Options{})
				start := time.Now()
				var mu sync.Mutex
				pagesDone := false
				c.OnProgress = func(r Report) {
					mu.Lock()
					defer mu.Unlock()
					if !pagesDone && r.New-r.Files >= chain {
						pagesDone = true
						htmlTime += time.Since(start)
					}
				}
				rep, err := c.Crawl(context.Background(), site, Limits{})
				fileTime += time.Since(start)
				if err != nil || rep.New-rep.Files != chain || withFile && rep.Files != 1 {
					b.Fatalf("crawl: %+v, %v", rep, err)
				}
				store.Close()
			}
			n := float64(b.N)
			b.ReportMetric(htmlTime.Seconds()/n, "html-s")
			if withFile {
				b.ReportMetric(fileTime.Seconds()/n, "file-s")
			}
		})
	}
}

// BenchmarkPageMarks: the article marks of one benchmark article page
// (50–150 KB, its menu, sidebar and paragraphs), taken of every article
// page stored (softmarks.go), and their count into the site's.
func BenchmarkPageMarks(b *testing.B) {
	p := newBenchPortal()
	u, _ := url.Parse("http://127.0.0.1/tin-tuc/2025/03/1-ke-hoach")
	page, err := extract.Parse(p.pages[u.Path], "text/html; charset=utf-8", u)
	if err != nil {
		b.Fatal(err)
	}
	l := &learner{}
	b.ReportAllocs()
	for b.Loop() {
		l.observeMarks(pageMarks(page))
	}
}
