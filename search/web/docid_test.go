package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/search"
	"github.com/vanban/vanban/tasks"
)

// pathIDDocs are a resolution and a plan implementing it stored under the
// IDs a bulk import gives them: a corpus line's _id, here a file path as
// BEIR sets and the govdocs collection have ("van-ban/…/x.md"), and one
// with the characters a URL path reserves. Lines written for the test.
func pathIDDocs() []*corpus.Document {
	return []*corpus.Document{
		{ID: "van-ban/nghi-quyet/12-2025-nq-hdnd.md", Type: "Nghị quyết", Number: "12/2025/NQ-HĐND", Published: "2025-03-01",
			Title: "Nghị quyết số 12/2025/NQ-HĐND về phát triển kinh tế số",
			Body: "III. NHIỆM VỤ, GIẢI PHÁP\n1. Phát triển hạ tầng số, trung tâm dữ liệu và điện toán đám mây.\n" +
				"2. Đào tạo nhân lực số cho doanh nghiệp và người dân.\n3. Bảo đảm an toàn thông tin mạng cho chính quyền số."},
		{ID: "van-ban/ke-hoach/45-kh-ubnd.md", Type: "Kế hoạch", Number: "45/KH-UBND", Published: "2025-04-01",
			Title: "Kế hoạch số 45/KH-UBND thực hiện Nghị quyết số 12/2025/NQ-HĐND về phát triển kinh tế số",
			Body: "Thực hiện Nghị quyết số 12/2025/NQ-HĐND ngày 01/3/2025 của HĐND tỉnh, UBND tỉnh ban hành Kế hoạch thực hiện như sau:\n" +
				"II. NHIỆM VỤ\n1. Sở Khoa học và Công nghệ phát triển hạ tầng số, trung tâm dữ liệu tỉnh.\n" +
				"2. Sở Nội vụ mở lớp đào tạo nhân lực số cho doanh nghiệp và người dân."},
		{ID: "tai lieu/so 7?ban#1 100%.md", Type: "Công văn", Number: "7/UBND-KT", Published: "2025-05-01",
			Title: "Công văn số 7/UBND-KT về kinh tế số", Body: "Thực hiện Kế hoạch số 45/KH-UBND, đề nghị các sở báo cáo kết quả phát triển kinh tế số."},
	}
}

// textService stores docs on disk, materialises their tasks, indexes
// them and serves them as `vanban serve` does: pageService's handler
// with the store's texts given to the searcher (hits carry their title,
// URL and snippet).
func textService(tb testing.TB, docs []*corpus.Document) http.Handler {
	tb.Helper()
	dir := tb.TempDir()
	store, err := corpus.OpenStore(dir, false, time.Second)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { store.Close() })
	if _, err := store.PutBatch(docs); err != nil {
		tb.Fatal(err)
	}
	ctx := context.Background()
	if _, err := store.SyncTasks(ctx, nil); err != nil {
		tb.Fatal(err)
	}
	ix, err := indexer.Open(indexer.DirFor(dir), indexer.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	if _, err := ix.Sync(ctx, store, nil); err != nil {
		tb.Fatal(err)
	}
	return NewHandler(search.New(ix.Bleve(), search.WithTexts(store)), store, nil, WithTasks(tasks.New(store, tasks.Options{})))
}

var hrefRE = regexp.MustCompile(`href="(/(?:doc|api/documents|archive)/[^"]*)"`)

// TestDocLinksWithPathIDs: every link to a document on the pages staff
// use — the result list, the document pages (Lược đồ, cited documents,
// cited by, the chain, the plan's tasks and the resolution's passages)
// and the tasks view — opens the document, whatever its ID holds. A
// document ingested from JSON Lines keeps its _id, which is often a path:
// the links were "/doc/van-ban/…/x.md", which the route /doc/{id} (one
// path segment) answered with "404 page not found", for every one of the
// 232 govdocs documents.
func TestDocLinksWithPathIDs(t *testing.T) {
	h := textService(t, pathIDDocs())
	pages := []struct {
		name, url string
		min       int // links to documents the page must have
	}{
		{"search", "/?q=kinh+te+so", 3},
		{"search accent-free", "/?q=" + url.QueryEscape("ke hoach 45"), 1},
		{"resolution page", "/doc/" + url.PathEscape("van-ban/nghi-quyet/12-2025-nq-hdnd.md"), 2},
		{"plan page", "/doc/" + url.PathEscape("van-ban/ke-hoach/45-kh-ubnd.md"), 3},
		{"plan page, raw path", "/doc/van-ban/ke-hoach/45-kh-ubnd.md", 3},
		{"letter page", "/doc/" + url.PathEscape("tai lieu/so 7?ban#1 100%.md"), 1},
		{"tasks", "/tasks", 2},
		{"tasks of the resolution", "/tasks?parent=" + url.QueryEscape("12/2025/NQ-HĐND"), 2},
	}
	seen := map[string]bool{}
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			body := serve(t, h, p.url, 200)
			links := hrefRE.FindAllStringSubmatch(body, -1)
			if len(links) < p.min {
				t.Fatalf("%s: %d links to documents, want ≥ %d", p.url, len(links), p.min)
			}
			for _, m := range links {
				u := html.UnescapeString(m[1])
				if i := strings.IndexByte(u, '#'); i >= 0 {
					u = u[:i]
				}
				if seen[u] {
					continue
				}
				seen[u] = true
				serve(t, h, u, 200)
			}
		})
	}
	for _, id := range []string{"van-ban/nghi-quyet/12-2025-nq-hdnd.md", "tai lieu/so 7?ban#1 100%.md"} {
		if !seen["/doc/"+url.PathEscape(id)] {
			t.Errorf("no page links %q as /doc/%s; links: %v", id, url.PathEscape(id), keys(seen))
		}
	}
	// The API answers the raw path too.
	serve(t, h, "/api/documents/van-ban/ke-hoach/45-kh-ubnd.md", 200)
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestNoEmptySourceLink: a document ingested from JSON Lines has no
// source URL; its hit and its page show no "nguồn" link (it was
// href="", a link back to the page itself), while a crawled document
// keeps its link.
func TestNoEmptySourceLink(t *testing.T) {
	docs := append(pathIDDocs(), &corpus.Document{URL: "https://portal.test/tin/1.html", Type: "Kế hoạch", Number: "46/KH-UBND",
		Published: "2025-04-02", Title: "Kế hoạch số 46/KH-UBND về kinh tế số", Body: "Các sở phát triển kinh tế số trên địa bàn tỉnh."})
	h := textService(t, docs)
	for _, u := range []string{"/?q=kinh+te+so", "/doc/" + url.PathEscape("van-ban/ke-hoach/45-kh-ubnd.md")} {
		body := serve(t, h, u, 200)
		if strings.Contains(body, `href=""`) {
			i := strings.Index(body, `href=""`)
			t.Errorf("%s: an empty link: …%s…", u, body[max(0, i-200):i+20])
		}
	}
	if body := serve(t, h, "/?q=kinh+te+so", 200); !strings.Contains(body, `href="https://portal.test/tin/1.html"`) {
		t.Errorf("the crawled document's source link is gone")
	}
	if body := serve(t, h, "/doc/"+url.PathEscape("van-ban/ke-hoach/45-kh-ubnd.md"), 200); strings.Contains(body, "<dt>Nguồn</dt>") {
		t.Errorf("the page of a document without a source names one")
	}
}

// TestUntitledDocument: a document without a title (a corpus line whose
// front matter had none) is still a link in the result list and the
// documents citing it, and its page has a heading: its number, else its ID.
// The link was an empty <a>, nothing to click.
func TestUntitledDocument(t *testing.T) {
	docs := append(pathIDDocs(),
		&corpus.Document{ID: "van-ban/thue/86-2026-tt-btc.md", Type: "Thông tư", Number: "86/2026/TT-BTC", Published: "2026-06-30",
			Body: "Thông tư này quy định quản lý thuế đối với hàng hóa xuất khẩu, nhập khẩu; căn cứ Kế hoạch số 45/KH-UBND."},
		&corpus.Document{ID: "khong-so-hieu.md", Body: "Văn bản hướng dẫn quản lý thuế đối với hàng hóa xuất khẩu của doanh nghiệp."})
	h := textService(t, docs)
	page := serve(t, h, "/?q="+url.QueryEscape("quan ly thue hang hoa xuat khau"), 200)
	for _, want := range []string{`86-2026-tt-btc.md?q=quan%20ly%20thue%20hang%20hoa%20xuat%20khau">86/2026/TT-BTC</a>`, `khong-so-hieu.md?q=quan%20ly%20thue%20hang%20hoa%20xuat%20khau">khong-so-hieu.md</a>`} {
		if !strings.Contains(page, want) {
			t.Errorf("the result list lacks %s", want)
		}
	}
	if strings.Contains(page, `"></a>`) {
		t.Errorf("the result list has an empty link")
	}
	doc := serve(t, h, "/doc/"+url.PathEscape("van-ban/thue/86-2026-tt-btc.md"), 200)
	if !strings.Contains(doc, "<h1>86/2026/TT-BTC</h1>") || !strings.Contains(doc, "<title>86/2026/TT-BTC") {
		t.Errorf("the untitled document's page has no heading")
	}
	plan := serve(t, h, "/doc/"+url.PathEscape("van-ban/ke-hoach/45-kh-ubnd.md"), 200)
	if strings.Contains(plan, `"></a>`) {
		t.Errorf("the plan's page (cited by the untitled document) has an empty link")
	}
}
