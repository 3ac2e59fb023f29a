package web

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/demo"
	"github.com/vanban/vanban/search"
)

// demoService serves the handler over the demo portal's articles (ground
// truth) and extra documents, from a real on-disk index (demoIndex).
func demoService(t *testing.T, extra ...*corpus.Document) (*httptest.Server, *corpus.Store) {
	t.Helper()
	ix, store := demoIndex(t, extra...)
	srv := httptest.NewServer(NewHandler(search.New(ix, search.WithTexts(store)), store, nil))
	t.Cleanup(srv.Close)
	return srv, store
}

func getJSON(t *testing.T, u string, want int, v any) {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != want {
		b, _ := io.ReadAll(res.Body)
		t.Fatalf("GET %s: status %d, want %d: %s", u, res.StatusCode, want, b)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("GET %s: Content-Type %q", u, ct)
	}
	if err := json.NewDecoder(res.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
}

func TestAPISearchAccents(t *testing.T) {
	srv, _ := demoService(t)
	resolutions := map[string]bool{}
	for _, a := range demo.Articles() {
		if a.Type == "Nghị quyết" {
			resolutions[a.Title] = true
		}
	}
	for _, q := range []string{"nghị quyết", "nghi quyet", "NGHỊ QUYẾT", "nghị quyết"} {
		var res search.Result
		getJSON(t, srv.URL+"/api/search?size=100&q="+url.QueryEscape(q), 200, &res)
		found := 0
		for _, h := range res.Hits {
			if resolutions[h.Title] {
				found++
			}
			if h.ID == "" || h.URL == "" || h.Title == "" {
				t.Errorf("q=%q: incomplete hit %+v", q, h)
			}
		}
		if found != len(resolutions) {
			t.Errorf("q=%q: found %d of %d resolutions in %d hits", q, found, len(resolutions), len(res.Hits))
		}
		if len(res.Hits) == 0 || !strings.Contains(strings.ToLower(res.Hits[0].Snippet), "<mark>nghị quyết</mark>") {
			t.Errorf("q=%q: snippet not highlighted on the accented text: %q", q, res.Hits[0].Snippet)
		}
	}
}

func TestAPIErrors(t *testing.T) {
	srv, _ := demoService(t)
	var e map[string]string
	for _, u := range []string{"/api/search?q=", "/api/search?q=a&size=x", "/api/search?q=a&page=0", "/api/search?q=a&from=2024-13-01", "/api/search?q=a&sort=bogus"} {
		getJSON(t, srv.URL+u, 400, &e)
		if e["error"] == "" {
			t.Errorf("%s: no error message", u)
		}
	}
	getJSON(t, srv.URL+"/api/documents/nope", 404, &e)
	var res search.Result
	getJSON(t, srv.URL+"/api/search?q=ke+hoach&size=1000", 200, &res)
	if len(res.Hits) > search.MaxSize {
		t.Errorf("size not capped: %d hits", len(res.Hits))
	}
}

func TestAPIDocumentAndPages(t *testing.T) {
	evil := &corpus.Document{URL: "http://evil.test/x", Title: `Tin <script>alert("x")</script> độc hại`,
		Body: `Nội dung có <img src=x onerror=alert(1)> và <b>thẻ</b> lạ.`, Site: "evil"}
	srv, _ := demoService(t, evil)
	var doc corpus.Document
	getJSON(t, srv.URL+"/api/documents/"+evil.ID, 200, &doc)
	if doc.Title != evil.Title || doc.Body != evil.Body || doc.URL != "http://evil.test/x" {
		t.Errorf("document JSON = %+v", doc)
	}
	for _, u := range []string{"/?q=" + url.QueryEscape("độc hại"), "/doc/" + evil.ID} {
		res, err := http.Get(srv.URL + u)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		page := string(b)
		if res.StatusCode != 200 {
			t.Fatalf("GET %s: %d", u, res.StatusCode)
		}
		if strings.Contains(page, "<script>") || strings.Contains(page, "<img src=x") || strings.Contains(page, "<b>thẻ</b>") {
			t.Errorf("GET %s: crawled markup reached the page unescaped", u)
		}
		if !strings.Contains(page, "&lt;script&gt;") {
			t.Errorf("GET %s: title not shown escaped", u)
		}
		if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
			t.Errorf("GET %s: CSP = %q", u, csp)
		}
	}
	res, err := http.Get(srv.URL + "/doc/unknown")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close() // unread and open, it kept the connection's goroutines past the test
	if res.StatusCode != 404 {
		t.Errorf("/doc/unknown: %d, want 404", res.StatusCode)
	}
	var h map[string]any
	getJSON(t, srv.URL+"/healthz", 200, &h)
	if h["status"] != "ok" || h["documents"].(float64) < 40 {
		t.Errorf("healthz = %v", h)
	}
}

func TestSearchPagePagination(t *testing.T) {
	srv, _ := demoService(t)
	res, err := http.Get(srv.URL + "/?q=" + url.QueryEscape("tỉnh") + "&size=5&page=2")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	page := string(b)
	for _, want := range []string{`value="tỉnh"`, "« Trước", "Sau »", "<mark>", `class="hit"`} {
		if !strings.Contains(page, want) {
			t.Errorf("search page lacks %q", want)
		}
	}
}

func TestFiltersCombine(t *testing.T) {
	srv, _ := demoService(t)
	var all, typed, both search.Result
	getJSON(t, srv.URL+"/api/search?size=100&q=tinh", 200, &all)
	getJSON(t, srv.URL+"/api/search?size=100&q=tinh&type="+url.QueryEscape("Kế hoạch"), 200, &typed)
	getJSON(t, srv.URL+"/api/search?size=100&q=tinh&type="+url.QueryEscape("Kế hoạch")+"&from=2025-01-01&to=2025-12-31", 200, &both)
	if typed.Total == 0 || typed.Total >= all.Total {
		t.Fatalf("type filter: %d of %d", typed.Total, all.Total)
	}
	if both.Total == 0 || both.Total >= typed.Total {
		t.Errorf("type + date filters: %d hits, type alone %d: the filters did not combine", both.Total, typed.Total)
	}
	for _, h := range both.Hits {
		if h.Type != "Kế hoạch" || h.Published < "2025-01-01" || h.Published > "2025-12-31" {
			t.Errorf("hit outside the filters: %s %s %s", h.Type, h.Published, h.Title)
		}
	}
}
