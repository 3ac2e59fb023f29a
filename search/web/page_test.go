package web

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/demo"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/search"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// demoIndex stores the demo articles and extra documents in a temporary
// store and indexes them.
func demoIndex(t testing.TB, extra ...*corpus.Document) (bleve.Index, *corpus.Store) {
	t.Helper()
	dir := t.TempDir()
	store, err := corpus.OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	docs := extra
	for _, a := range demo.Articles() {
		docs = append(docs, &corpus.Document{URL: "http://demo.test" + a.Path, Site: "demo", Title: a.Title, Published: a.Published,
			Body: a.Body, Category: a.Category, Type: a.Type, Number: a.Number, Issuer: a.Issuer})
	}
	for _, d := range docs {
		if _, err := store.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := indexer.Open(indexer.DirFor(dir), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if _, err := ix.Sync(context.Background(), store, nil); err != nil {
		t.Fatal(err)
	}
	return ix.Bleve(), store
}

func get(t *testing.T, u string, want int) (string, http.Header) {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != want {
		t.Fatalf("GET %s: status %d, want %d: %.300s", u, res.StatusCode, want, b)
	}
	return string(b), res.Header
}

// demoServer serves the handler over the demo corpus plus extra documents.
func demoServer(t testing.TB, extra ...*corpus.Document) (*httptest.Server, bleve.Index) {
	ix, store := demoIndex(t, extra...)
	srv := httptest.NewServer(NewHandler(search.New(ix, search.WithTexts(store)), store, nil))
	t.Cleanup(srv.Close)
	return srv, ix
}

func demoID(number string) string {
	for _, a := range demo.Articles() {
		if a.Number == number {
			return corpus.IDForURL("http://demo.test" + a.Path)
		}
	}
	panic("no demo article " + number)
}

func TestSearchPageFacetsAndChips(t *testing.T) {
	srv, _ := demoServer(t)
	page, _ := get(t, srv.URL+"/?q=nghi+quyet", 200)
	for _, want := range []string{"Loại văn bản", "Cơ quan ban hành", "Nguồn", "Năm", `href="/?q=nghi&#43;quyet&amp;type=Ngh%E1%BB%8B&#43;quy%E1%BA%BFt"`,
		`href="/?from=2023-01-01&amp;q=nghi&#43;quyet&amp;to=2023-12-31"`, "Tiêu đề A–Z", "/api/search.csv?q=nghi&#43;quyet"} {
		if !strings.Contains(page, want) {
			t.Errorf("search page lacks %q", want)
		}
	}
	page, _ = get(t, srv.URL+"/?q=nghi+quyet&type="+url.QueryEscape("Nghị quyết")+"&from=2023-01-01", 200)
	for _, want := range []string{`class="chip" href="/?from=2023-01-01&amp;q=nghi&#43;quyet"`, `class="chip" href="/?q=nghi&#43;quyet&amp;type=`,
		`<input type="hidden" name="type" value="Nghị quyết">`, `name="from" value="2023-01-01"`, `<span class="on">Nghị quyết</span>`} {
		if !strings.Contains(page, want) {
			t.Errorf("filtered page lacks %q", want)
		}
	}
	if n := strings.Count(page, `class="hit"`); n != 2 {
		t.Errorf("type=Nghị quyết and from=2023-01-01 give %d hits, want 2", n)
	}
}

func TestSearchPageNoResultsHelp(t *testing.T) {
	srv, _ := demoServer(t)
	page, _ := get(t, srv.URL+"/?q=nghi+quyet+chuyen+doi+so", 200)
	if !strings.Contains(page, `Có phải bạn muốn tìm: <a href="/?q=ngh%E1%BB%8B&#43;quy%E1%BA%BFt&#43;chuy%E1%BB%83n&#43;%C4%91%E1%BB%95i&#43;s%E1%BB%91">nghị quyết chuyển đổi số</a>`) {
		t.Errorf("no did-you-mean with diacritics restored")
	}
	page, _ = get(t, srv.URL+"/?q=ocop&site=elsewhere", 200)
	if !strings.Contains(page, "Không tìm thấy văn bản phù hợp") || !strings.Contains(page, `<a href="/?q=ocop">Bỏ mọi bộ lọc</a>`) {
		t.Errorf("no-results page lacks the way out of the filters")
	}
	if strings.Contains(page, "Có phải bạn muốn tìm") {
		t.Errorf("did-you-mean for a query with nothing to restore")
	}
}

func TestSuggest(t *testing.T) {
	ix, _ := demoIndex(t)
	for _, c := range []struct{ in, want string }{
		{"nghi quyet chuyen doi so", "nghị quyết chuyển đổi số"},
		{"Ke hoach 236/KH-UBND", "Kế hoạch 236/KH-UBND"},
		{"nghị quyết", ""},
		{"xyzzy", ""},
	} {
		if got := suggest(context.Background(), search.New(ix), c.in); got != c.want {
			t.Errorf("Suggest(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSortTitleVietnamese(t *testing.T) {
	var extra []*corpus.Document
	titles := []string{"Hà Nội", "Đà Nẵng", "Dương", "Bình Dương", "Ân Thi", "Ăn", "An Giang"}
	for _, title := range titles {
		extra = append(extra, &corpus.Document{URL: "http://sort.test/" + url.PathEscape(title), Site: "sorttest", Title: title, Body: "zzsortcheck"})
	}
	srv, _ := demoServer(t, extra...)
	var res search.Result
	getJSON(t, srv.URL+"/api/search?q=zzsortcheck&sort=title", 200, &res)
	var got []string
	for _, h := range res.Hits {
		got = append(got, h.Title)
	}
	want := "An Giang, Ăn, Ân Thi, Bình Dương, Dương, Đà Nẵng, Hà Nội"
	if strings.Join(got, ", ") != want {
		t.Errorf("sort=title: %s, want %s", strings.Join(got, ", "), want)
	}
}

// TestSortTitleUntitledLast: sort=title ("Tiêu đề A–Z") put the untitled
// documents first (their title_sort key is empty, and an empty key sorts
// before every title). They come last, as documents without the field, in
// the sort's own tie order (score, then ID), a number or none alike: a
// number would sort before every title again.
func TestSortTitleUntitledLast(t *testing.T) {
	extra := []*corpus.Document{
		{URL: "http://sort.test/ha-noi", Site: "sorttest", Title: "Hà Nội", Body: "zzsortcheck"},
		{URL: "http://sort.test/86", Site: "sorttest", Type: "Thông tư", Number: "86/2026/TT-BTC", Body: "zzsortcheck"},
		{URL: "http://sort.test/none", Site: "sorttest", Body: "zzsortcheck"},
		{URL: "http://sort.test/an-giang", Site: "sorttest", Title: "An Giang", Body: "zzsortcheck"},
	}
	srv, _ := demoServer(t, extra...)
	var res search.Result
	getJSON(t, srv.URL+"/api/search?q=zzsortcheck&sort=title", 200, &res)
	var got []string
	for _, h := range res.Hits {
		got = append(got, h.Title+"|"+h.Number)
	}
	if len(got) != 4 || strings.Join(got[:2], ", ") != "An Giang|, Hà Nội|" || got[2][0] != '|' || got[3][0] != '|' {
		t.Errorf("sort=title: %q, want An Giang, Hà Nội, then the two untitled", got)
	}
}

func TestExports(t *testing.T) {
	extra := []*corpus.Document{{URL: "http://evil.test/csv", Title: "=HYPERLINK(\"http://x\") nghị quyết", Body: "Nghị quyết <b>lạ</b>", Site: "evil"}}
	for i := range 130 {
		extra = append(extra, &corpus.Document{URL: fmt.Sprintf("http://bulk.test/%d", i), Title: fmt.Sprintf("Tin số %d", i), Body: "zzbulk tỉnh", Site: "bulk"})
	}
	srv, _ := demoServer(t, extra...)
	body, hdr := get(t, srv.URL+"/api/search.csv?q=nghi+quyet&type="+url.QueryEscape("Nghị quyết"), 200)
	if !strings.HasPrefix(hdr.Get("Content-Type"), "text/csv") || !strings.HasPrefix(body, "\uFEFF") {
		t.Fatalf("CSV: Content-Type %q, BOM %v", hdr.Get("Content-Type"), strings.HasPrefix(body, "\uFEFF"))
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 4 || strings.Join(recs[0], ",") != "number,type,issuer,published,title,url,snippet,dead,matched" {
		t.Fatalf("CSV: %d records, header %v", len(recs), recs[0])
	}
	for _, r := range recs[1:] {
		if r[1] != "Nghị quyết" || r[0] == "" || r[3] == "" || !strings.HasPrefix(r[5], "http://demo.test/") || strings.Contains(r[6], "<mark>") || r[6] == "" {
			t.Errorf("CSV row %q", r)
		}
	}
	body, hdr = get(t, srv.URL+"/api/search.jsonl?q=zzbulk&limit=120", 200)
	if !strings.HasPrefix(hdr.Get("Content-Type"), "application/jsonl") {
		t.Errorf("JSONL Content-Type %q", hdr.Get("Content-Type"))
	}
	sc := bufio.NewScanner(strings.NewReader(body))
	n := 0
	for sc.Scan() {
		var row exportRow
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil || row.Title == "" || row.URL == "" {
			t.Errorf("JSONL line %d: %v %+v", n, err, row)
		}
		n++
	}
	var all search.Result
	getJSON(t, srv.URL+"/api/search?q=zzbulk&size=1", 200, &all)
	if want := min(120, int(all.Total)); n != want || want <= 100 {
		t.Errorf("JSONL: %d rows, want %d (> one internal page)", n, want)
	}
	body, _ = get(t, srv.URL+"/api/search.csv?q="+url.QueryEscape("HYPERLINK"), 200)
	if !strings.Contains(body, "'=HYPERLINK") || strings.Contains(body, ",=HYPERLINK") {
		t.Errorf("CSV formula not defused: %s", body)
	}
	get(t, srv.URL+"/api/search.csv?q=", 400)
	get(t, srv.URL+"/api/search.jsonl?q=a&limit=0", 400)
}

func TestMetrics(t *testing.T) {
	ix, store := demoIndex(t)
	crawled := time.Date(2025, 3, 1, 2, 0, 0, 0, time.UTC)
	srv := httptest.NewServer(NewHandler(search.New(ix, search.WithTexts(store)), store, nil, WithLastCrawl(func() time.Time { return crawled })))
	defer srv.Close()
	get(t, srv.URL+"/?q=nghi+quyet", 200)
	get(t, srv.URL+"/api/search?q=x&sort=bad", 400)
	get(t, srv.URL+"/nope", 404)
	body, hdr := get(t, srv.URL+"/metrics", 200)
	if !strings.HasPrefix(hdr.Get("Content-Type"), "text/plain") {
		t.Errorf("metrics Content-Type %q", hdr.Get("Content-Type"))
	}
	for _, want := range []string{
		`vanban_http_requests_total{code="200",route="GET /{$}"} 1`,
		`vanban_http_requests_total{code="400",route="GET /api/search"} 1`,
		`vanban_http_requests_total{code="404",route="other"} 1`,
		`vanban_http_request_duration_seconds_count{route="GET /{$}"} 1`,
		fmt.Sprintf("vanban_index_documents %d", len(demo.Articles())),
		`vanban_last_crawl_timestamp_seconds 1.7407944e+09`,
		"vanban_index_disk_bytes ",
		"go_goroutines ",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	srv2, _ := demoServer(t)
	body, _ = get(t, srv2.URL+"/metrics", 200)
	if strings.Contains(body, "vanban_last_crawl") {
		t.Errorf("last crawl exported without WithLastCrawl")
	}
}

func TestAccessLog(t *testing.T) {
	ix, store := demoIndex(t)
	var buf bytes.Buffer
	srv := httptest.NewServer(NewHandler(search.New(ix, search.WithTexts(store)), store, slog.New(slog.NewJSONHandler(&buf, nil))))
	defer srv.Close()
	body, _ := get(t, srv.URL+"/api/search?q="+url.QueryEscape("bí mật"), 200)
	var line map[string]any
	if err := json.Unmarshal(buf.Bytes(), &line); err != nil {
		t.Fatal(err)
	}
	if line["status"] != 200.0 || line["bytes"] != float64(len(body)) || line["q_len"] != float64(len("bí mật")) || line["route"] != "GET /api/search" || line["dur"] == nil {
		t.Errorf("access log %v", line)
	}
	if strings.Contains(buf.String(), "bí mật") || strings.Contains(buf.String(), "b%C3%AD") {
		t.Errorf("access log holds the query text: %s", buf.String())
	}
}

func TestDocPage(t *testing.T) {
	srv, _ := demoServer(t)
	page, _ := get(t, srv.URL+"/doc/"+demoID("236/KH-UBND")+"?q=nghi+quyet", 200)
	for _, want := range []string{
		"<mark>Nghị quyết</mark> số 154/NQ-CP",
		`<a href="/doc/` + demoID("154/NQ-CP") + `">154/NQ-CP</a>`,
		`<a href="/?q=24-NQ%2fTW">24-NQ/TW</a>`,
		"Được dẫn bởi",
		`<a href="/api/documents/` + demoID("236/KH-UBND") + `">bản đã thu thập (JSON)</a>`,
		`<a href="/?q=nghi&#43;quyet">« Kết quả tìm`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("doc page lacks %q", want)
		}
	}
	if strings.Contains(page, "/archive/") {
		t.Errorf("doc page links an archived copy although the handler has no archive")
	}
	page, _ = get(t, srv.URL+"/doc/"+demoID("154/NQ-CP"), 200)
	if !strings.Contains(page, `<a href="/doc/`+demoID("236/KH-UBND")+`">`) || strings.Contains(page, "<mark>") {
		t.Errorf("154/NQ-CP page: no cited-by link to 236/KH-UBND, or marks without a query")
	}
}
