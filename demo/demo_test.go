package demo_test

import (
	"encoding/xml"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/demo"
)

// get fetches path and returns the response with its body decoded to NFC
// UTF-8 according to the charset of the Content-Type header.
func get(t *testing.T, srv *httptest.Server, path string, hdr map[string]string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest("GET", srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	_, params, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if params["charset"] == "windows-1258" {
		if raw, err = charmap.Windows1258.NewDecoder().Bytes(raw); err != nil {
			t.Fatal(err)
		}
	}
	return resp, norm.NFC.String(string(raw))
}

func TestGroundTruth(t *testing.T) {
	arts := demo.Articles()
	if len(arts) < 44 {
		t.Fatalf("got %d articles, want at least 44", len(arts))
	}
	count := map[string]int{}
	paths := map[string]bool{}
	pathRE := regexp.MustCompile(`^/tin-tuc/[a-z-]+/\d{4}/\d{2}/\d+-[a-z0-9-]+\.html$`)
	var corpus strings.Builder
	for _, a := range arts {
		count[a.Type]++
		count[a.Encoding]++
		if paths[a.Path] {
			t.Errorf("duplicate path %s", a.Path)
		}
		paths[a.Path] = true
		if !pathRE.MatchString(a.Path) {
			t.Errorf("path %q does not follow /tin-tuc/<category>/<yyyy>/<mm>/<id>-<slug>.html", a.Path)
		}
		if !strings.Contains(a.Path, "/"+strings.ReplaceAll(a.Published[:7], "-", "/")+"/") {
			t.Errorf("%s: path does not carry the publication month %s", a.Path, a.Published)
		}
		if !norm.NFC.IsNormalString(a.Title) || !norm.NFC.IsNormalString(a.Body) {
			t.Errorf("%s: title or body not NFC", a.Path)
		}
		if !strings.HasPrefix(a.Body, "TTĐT - ") {
			t.Errorf("%s: body must start with the sapo", a.Path)
		}
		if (a.Type == "Tin tức") != (a.Number == "" && a.Issuer == "") {
			t.Errorf("%s: type %q with number %q issuer %q", a.Path, a.Type, a.Number, a.Issuer)
		}
		corpus.WriteString(a.Title + "\n" + a.Body + "\n")
	}
	if count["Nghị quyết"] < 3 || count["Kế hoạch"] < 3 || count["Chương trình"] < 1 {
		t.Errorf("document types: %v", count)
	}
	if count["windows-1258"] != 1 || count["utf-8"] != len(arts)-1 {
		t.Errorf("want exactly one windows-1258 article: %v", count)
	}
	text := corpus.String()
	for _, s := range []string{
		"hoà", "hòa", "thuỷ", "thủy", "khoẻ", "khỏe", "Uỷ ban", "Ủy ban", // both tone styles
		"Nghị quyết số 154/NQ-CP ngày 23/11/2022 của Chính phủ", "Quyết định số 1579/QĐ-UBND ngày 05 tháng 7 năm 2024",
		"24-NQ/TW", "Kết luận số 14-KL/TW", "Nghị định số 30/2020/NĐ-CP", "Thông tư số 01/2023/TT-BNV",
		"Chỉ thị số 05-CT/TU", "các Nghị quyết số 10/NQ-CP và 11/NQ-CP", // citations
		"0274.3822.111", "năm học 2023/2024", "3/4", // decoys
	} {
		if !strings.Contains(text, s) {
			t.Errorf("corpus lacks %q", s)
		}
	}
}

func TestArticlePages(t *testing.T) {
	srv := httptest.NewServer(demo.Handler())
	defer srv.Close()
	dateRE := regexp.MustCompile(`Ngày đăng: \d{2}/\d{2}/\d{4}|(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật), \d{2}/\d{2}/\d{4} - \d{2}:\d{2}|ngày \d{1,2} tháng \d{1,2} năm \d{4}`)
	for _, a := range demo.Articles() {
		resp, page := get(t, srv, a.Path, nil)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", a.Path, resp.StatusCode)
			continue
		}
		if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset="+a.Encoding {
			t.Errorf("%s: Content-Type %q", a.Path, ct)
		}
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		if cs, _ := doc.Find("meta[charset]").Attr("charset"); cs != a.Encoding {
			t.Errorf("%s: meta charset %q", a.Path, cs)
		}
		if got := strings.TrimSpace(doc.Find("h1.title").Text()); got != a.Title {
			t.Errorf("%s: title %q, want %q", a.Path, got, a.Title)
		}
		if a.Encoding == "windows-1258" && !strings.Contains(page, a.Title) {
			t.Errorf("%s: decoded page lacks its title", a.Path)
		}
		content := doc.Find(".content-detail .ms-rtestate-field").Text()
		for _, line := range strings.Split(a.Body, "\n") {
			for _, cell := range strings.Split(line, " | ") { // table rows
				if !strings.Contains(content, cell) {
					t.Errorf("%s: page lacks body text %q", a.Path, cell)
				}
			}
		}
		meta, _ := doc.Find(`meta[property="article:published_time"]`).Attr("content")
		shown := dateRE.FindString(doc.Find(".date-time").Text())
		if !strings.HasPrefix(meta, a.Published) && shown == "" {
			t.Errorf("%s: no publication date shown", a.Path)
		}
		for _, sel := range []string{"nav ul.menu", ".breadcrumb", ".latest-news", ".web-links", ".related", "footer", "script", "style"} {
			if doc.Find(sel).Length() == 0 {
				t.Errorf("%s: missing page chrome %s", a.Path, sel)
			}
		}
		if !strings.Contains(page, "<!--") || !strings.Contains(page, "Bản quyền thuộc về") {
			t.Errorf("%s: missing comment or copyright footer", a.Path)
		}
	}
}

func TestConditionalGet(t *testing.T) {
	srv := httptest.NewServer(demo.Handler())
	defer srv.Close()
	a := demo.Articles()[0]
	resp, _ := get(t, srv, a.Path, nil)
	etag, lm := resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	if etag == "" || lm == "" {
		t.Fatalf("ETag %q Last-Modified %q", etag, lm)
	}
	for _, h := range []map[string]string{{"If-None-Match": etag}, {"If-Modified-Since": lm}} {
		if resp, _ := get(t, srv, a.Path, h); resp.StatusCode != http.StatusNotModified {
			t.Errorf("%v: status %d, want 304", h, resp.StatusCode)
		}
	}
	if resp, _ := get(t, srv, a.Path, map[string]string{"If-None-Match": `"other"`}); resp.StatusCode != http.StatusOK {
		t.Errorf("stale ETag: status %d, want 200", resp.StatusCode)
	}
	if resp2, _ := get(t, srv, a.Path, nil); resp2.Header.Get("ETag") != etag {
		t.Error("ETag is not stable")
	}
}

func TestFixedEndpoints(t *testing.T) {
	srv := httptest.NewServer(demo.Handler())
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")
	tests := []struct {
		path, contentType string
		status            int
		contains          []string
	}{
		{"/robots.txt", "text/plain", 200, []string{"User-agent: *", "Disallow: /admin/", "Disallow: /tim-kiem", "Sitemap: http://" + host + "/sitemap.xml"}},
		{"/sitemap.xml", "application/xml", 200, []string{"<urlset", "<lastmod>"}},
		{"/rss.xml", "application/rss+xml", 200, []string{"<rss", "<item>"}},
		{"/", "text/html", 200, []string{"/tin-tuc/kinh-te", "Tin nổi bật"}},
		{"/lists/tintucsukien/tongquat.aspx?pageindex=2", "text/html", 200, []string{"Trang sau", "Trang trước"}},
		{"/lists/tintucsukien/tongquat.aspx?pageindex=99", "text/html", 404, nil},
		{"/tin-tuc/chi-dao-dieu-hanh?page=2", "text/html", 200, []string{"Trang trước", `<span class="current">2</span>`}},
		{"/tin-tuc/chi-dao-dieu-hanh?page=x", "text/html", 404, nil},
		{"/tin-tuc/khong-co", "text/html", 404, []string{"Không tìm thấy trang"}},
		{"/khong-ton-tai.html", "text/html", 404, []string{"Không tìm thấy trang", "ul class=\"menu\""}},
		{"/admin/dang-nhap.aspx", "text/plain", 403, nil},
		{"/Documents/2025/45-KH-UBND.pdf", "application/pdf", 200, []string{"%PDF-", "/Producer"}},
		{"/Documents/2024/1579-QD-UBND.pdf", "application/pdf", 200, []string{"%PDF-1.4", "/DCTDecode"}},
		{"/Documents/2023/236-KH-UBND.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 200, []string{"PK\x03\x04", "word/document.xml"}},
		{"/Documents/2024/612-QD-UBND.doc", "application/msword", 200, []string{"\xD0\xCF\x11\xE0"}},
	}
	for _, tt := range tests {
		resp, body := get(t, srv, tt.path, nil)
		if resp.StatusCode != tt.status || !strings.HasPrefix(resp.Header.Get("Content-Type"), tt.contentType) {
			t.Errorf("%s: %d %q, want %d %q", tt.path, resp.StatusCode, resp.Header.Get("Content-Type"), tt.status, tt.contentType)
		}
		for _, s := range tt.contains {
			if !strings.Contains(body, s) {
				t.Errorf("%s: body lacks %q", tt.path, s)
			}
		}
	}
	if _, body := get(t, srv, "/lists/tintucsukien/tongquat.aspx", nil); !regexp.MustCompile(`\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2} (AM|PM)`).MatchString(body) {
		t.Error("listing lacks US-style dates")
	}

	_, body := get(t, srv, "/sitemap.xml", nil)
	var set struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(body), &set); err != nil {
		t.Fatal(err)
	}
	inMap := map[string]string{}
	for _, u := range set.URLs {
		inMap[u.Loc] = u.LastMod
	}
	for _, a := range demo.Articles() {
		if inMap[srv.URL+a.Path] != a.Published {
			t.Errorf("sitemap: %s lastmod %q, want %q", a.Path, inMap[srv.URL+a.Path], a.Published)
		}
	}
}

// TestCrawlReachesEveryArticle follows same-host links breadth first from
// StartPaths, honouring the robots.txt rules, and expects every article.
func TestCrawlReachesEveryArticle(t *testing.T) {
	srv := httptest.NewServer(demo.Handler())
	defer srv.Close()
	base, _ := url.Parse(srv.URL)
	seen := map[string]bool{}
	queue := demo.StartPaths()
	for _, p := range queue {
		seen[p] = true
	}
	external, disallowed := 0, 0
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		resp, page := get(t, srv, p, nil)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", p, resp.StatusCode)
			continue
		}
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			continue
		}
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		doc.Find("a[href]").Each(func(_ int, s *goquery.Selection) {
			href, _ := s.Attr("href")
			u, err := base.Parse(href)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
				return
			}
			if u.Host != base.Host {
				external++
				return
			}
			if strings.HasPrefix(u.Path, "/admin/") || strings.HasPrefix(u.Path, "/tim-kiem") {
				disallowed++
				return
			}
			u.Fragment = ""
			if next := u.RequestURI(); !seen[next] {
				seen[next] = true
				queue = append(queue, next)
			}
		})
	}
	for _, a := range demo.Articles() {
		if !seen[a.Path] {
			t.Errorf("crawl did not reach %s", a.Path)
		}
	}
	if external == 0 || disallowed == 0 {
		t.Errorf("want external and robots-disallowed links, got %d and %d", external, disallowed)
	}
}

// TestGenerations checks that an earlier generation of the portal serves
// none of the later articles: not the page, not the listings, not the
// sitemap; the last generation serves them all.
func TestGenerations(t *testing.T) {
	last := demo.LastGeneration()
	if last < 2 {
		t.Fatalf("last generation %d; the demo needs a later crawl (issue 18)", last)
	}
	all, first := demo.ArticlesAt(last), demo.ArticlesAt(1)
	if len(all) != len(demo.Articles()) || len(first) >= len(all) {
		t.Fatalf("generation 1: %d articles, last: %d, all: %d", len(first), len(all), len(demo.Articles()))
	}
	inFirst := map[string]bool{}
	for _, a := range first {
		inFirst[a.Path] = true
	}
	old := httptest.NewServer(demo.HandlerAt(1))
	defer old.Close()
	cur := httptest.NewServer(demo.Handler())
	defer cur.Close()
	_, oldMap := get(t, old, "/sitemap.xml", nil)
	_, oldRSS := get(t, old, "/rss.xml", nil)
	for _, a := range all {
		if inFirst[a.Path] {
			continue
		}
		if a.Generation < 2 {
			t.Errorf("%s: generation %d, yet not in generation 1", a.Path, a.Generation)
		}
		if resp, _ := get(t, old, a.Path, nil); resp.StatusCode != http.StatusNotFound {
			t.Errorf("generation 1 serves %s: %d", a.Path, resp.StatusCode)
		}
		if strings.Contains(oldMap, a.Path) || strings.Contains(oldRSS, a.Path) {
			t.Errorf("generation 1 lists %s", a.Path)
		}
		if resp, _ := get(t, cur, a.Path, nil); resp.StatusCode != http.StatusOK {
			t.Errorf("last generation: %s answers %d", a.Path, resp.StatusCode)
		}
	}
}
