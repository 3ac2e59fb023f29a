package crawler

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler/extract"
)

// testSite is a small portal with the faults a real one has. Its articles
// can be changed between runs.
type testSite struct {
	mu       sync.Mutex
	articles map[string]string // path → body paragraph
	hits     map[string]int    // path → requests
	starts   []time.Time       // request start times
	paths    []string
	flaky    int           // 503s still to send on /flaky
	slow     time.Duration // added to every article answer
}

func newTestSite() *testSite {
	ts := &testSite{articles: map[string]string{}, hits: map[string]int{}, flaky: 1}
	for i := 1; i <= 12; i++ {
		ts.articles[fmt.Sprintf("/tin-tuc/2024/05/%d-bai-viet", i)] = fmt.Sprintf("Nội dung bài viết số %d về triển khai Nghị quyết số %d/NQ-CP của Chính phủ trên địa bàn tỉnh.", i, 100+i)
	}
	return ts
}

const chrome = `<nav><ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li><li><a href="/admin/login">Quản trị</a></li><li><a href="https://external.example.org/x">Liên kết ngoài</a></li></ul></nav>`

func page(title, body string) string {
	return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>` + title + ` - Cổng TTĐT</title></head><body>` + chrome +
		`<div class="content-detail"><h1>` + title + `</h1><p class="date">Ngày đăng: 15/05/2024</p><p>` + body + `</p><p>` + body + ` Các sở, ngành tổ chức thực hiện nghiêm túc.</p></div><footer>Bản quyền thuộc về Cổng TTĐT tỉnh.</footer></body></html>`
}

func (ts *testSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ts.mu.Lock()
	ts.hits[r.URL.Path]++
	ts.starts = append(ts.starts, time.Now())
	ts.paths = append(ts.paths, r.URL.Path)
	ts.mu.Unlock()
	switch p := r.URL.Path; {
	case p == "/robots.txt":
		fmt.Fprint(w, "User-agent: *\nDisallow: /admin/\n")
	case p == "/tin-tuc":
		ts.mu.Lock()
		var links strings.Builder
		for path := range ts.articles {
			fmt.Fprintf(&links, `<li><a href="%s">Bài</a></li>`, path)
		}
		ts.mu.Unlock()
		fmt.Fprint(w, `<html><body>`+chrome+`<ul>`+links.String()+`<li><a href="/flaky">Tin nóng</a></li><li><a href="/old-link">Tin cũ</a></li><li><a href="/files/45-KH-UBND.pdf">Tải về</a></li><li><a href="/tin-tuc/cp1258">Bài cũ</a></li><li><a href="/tin-tuc/nfd">NFD</a></li><li><a href="/tin-tuc/huge">Lớn</a></li></ul></body></html>`)
	case p == "/old-link":
		http.Redirect(w, r, "/tin-tuc/2024/05/1-bai-viet", http.StatusMovedPermanently)
	case p == "/flaky":
		ts.mu.Lock()
		fail := ts.flaky > 0
		ts.flaky--
		ts.mu.Unlock()
		if fail {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, page("Tin nóng về phòng chống thiên tai", "Ủy ban nhân dân tỉnh chỉ đạo ứng phó bão số 3."))
	case p == "/files/45-KH-UBND.pdf":
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.4 fake")
	case p == "/tin-tuc/cp1258":
		enc := toCP1258(page("Hội nghị về thủy lợi", "Đồng chí Phó Chủ tịch chủ trì hội nghị tổng kết công tác thủy lợi năm 2023."))
		w.Header().Set("Content-Type", "text/html; charset=windows-1258")
		fmt.Fprint(w, enc)
	case p == "/tin-tuc/nfd":
		fmt.Fprint(w, norm.NFD.String(page("Nghị quyết về chuyển đổi số", "Hội đồng nhân dân tỉnh thông qua nghị quyết về chuyển đổi số.")))
	case p == "/tin-tuc/huge":
		fmt.Fprint(w, page("Báo cáo rất dài", strings.Repeat("Nội dung báo cáo tổng hợp số liệu. ", 200_000)))
	case p == "/tin-tuc/slow":
		// answers only once the client has given up (or after a minute,
		// a hang guard): no fixed sleep for the server's Close to wait on
		select {
		case <-r.Context().Done():
			return
		case <-time.After(time.Minute):
		}
		fmt.Fprint(w, page("Chậm", "Trang trả lời chậm."))
	case strings.HasPrefix(p, "/tin-tuc/2024/"):
		ts.mu.Lock()
		body, ok := ts.articles[p]
		slow := ts.slow
		ts.mu.Unlock()
		time.Sleep(slow)
		if !ok {
			http.NotFound(w, r)
			return
		}
		etag := fmt.Sprintf(`"%x"`, len(body)*31+int(body[len(body)-3]))
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, page("Bài viết "+p[strings.LastIndex(p, "/")+1:], body))
	default:
		http.NotFound(w, r)
	}
}

// toCP1258 encodes s as windows-1258 writes Vietnamese: letters with their
// shape marks precomposed where the code page has them, tone marks as
// combining characters.
func toCP1258(s string) string {
	enc := charmap.Windows1258.NewEncoder()
	var out strings.Builder
	for _, r := range s {
		if b, err := enc.String(string(r)); err == nil {
			out.WriteString(b)
			continue
		}
		d := []rune(norm.NFD.String(string(r)))
		base, tones := string(d[0]), ""
		for _, m := range d[1:] {
			if strings.ContainsRune("\u0300\u0301\u0303\u0309\u0323", m) {
				tones += string(m)
			} else {
				base += string(m)
			}
		}
		b, err := enc.String(norm.NFC.String(base) + tones)
		if err != nil {
			panic(fmt.Sprintf("cannot encode %q in windows-1258: %v", r, err))
		}
		out.WriteString(b)
	}
	return out.String()
}

// startRecorder records when the client starts each request.
type startRecorder struct {
	mu     sync.Mutex
	starts []time.Time
	paths  []string
	rt     http.RoundTripper
}

func (s *startRecorder) RoundTrip(r *http.Request) (*http.Response, error) {
	s.mu.Lock()
	s.starts = append(s.starts, time.Now())
	s.paths = append(s.paths, r.URL.Path)
	s.mu.Unlock()
	return s.rt.RoundTrip(r)
}

// testPageTimeout is the request timeout of the tests' crawlers: a stop
// for a hang, no bound a test is about (TestCrawlTimeout tests timeouts
// with its own policy). Under the race detector on a busy machine the test
// site's 7 MB page took over 2 s, and over 10 s at a load of 38 on two
// cores (TestDeadline's rerun failed it as a timeout).
const testPageTimeout = 2 * time.Minute

func testCrawler(t *testing.T, store *corpus.Store) *Crawler {
	t.Helper()
	return New(store, Options{Policy: Policy{Timeout: testPageTimeout, Retries: 2, BackoffBase: 10 * time.Millisecond, MaxRetryAfter: 2 * time.Second, MaxBytes: 1 << 20}})
}

func testSiteConfig(t *testing.T, base string) *Site {
	t.Helper()
	s := &Site{Name: "test", Start: []string{base + "/tin-tuc"}, Allow: []string{"^" + base + "/"},
		Article: []string{`/tin-tuc/(2024/|cp1258|nfd|huge)`, `/flaky$`}, Delay: Duration{40 * time.Millisecond}, Concurrency: 2}
	if err := s.compile(); err != nil {
		t.Fatal(err)
	}
	return s
}

func openStore(t *testing.T) *corpus.Store {
	t.Helper()
	s, err := corpus.OpenStore(t.TempDir(), false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestCrawlAndRecrawl(t *testing.T) {
	site := newTestSite()
	srv := httptest.NewServer(site)
	defer srv.Close()
	store := openStore(t)
	rec := &startRecorder{rt: http.DefaultTransport}
	c := New(store, Options{Client: &http.Client{Transport: rec}, Policy: Policy{Timeout: testPageTimeout, Retries: 2, BackoffBase: 10 * time.Millisecond, MaxRetryAfter: 2 * time.Second, MaxBytes: 1 << 20}})
	cfg := testSiteConfig(t, srv.URL)
	var claims []time.Time
	c.gate.onClaim = func(_ string, at time.Time) { claims = append(claims, at) }

	start := time.Now()
	rep, err := c.Crawl(context.Background(), cfg, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	// 12 articles + flaky + cp1258 + nfd + huge; the redirect lands on article 1.
	if rep.New != 16 || rep.Unchanged != 1 || rep.Failed != 0 {
		t.Errorf("first run: %+v, want 16 new, 1 unchanged (the redirect), 0 failed", rep)
	}
	if rep.RobotsDenied != 1 {
		t.Errorf("robots_denied = %d, want 1 (/admin/login)", rep.RobotsDenied)
	}
	site.mu.Lock()
	if site.hits["/files/45-KH-UBND.pdf"] != 0 {
		t.Errorf("PDF was fetched; attachments must only be recorded")
	}
	if site.hits["/admin/login"] != 0 {
		t.Errorf("robots-disallowed page was fetched")
	}
	if site.hits["/flaky"] != 2 {
		t.Errorf("/flaky fetched %d times, want 2 (503 then 200)", site.hits["/flaky"])
	}
	site.mu.Unlock()
	// Request starts as the client made them: server-side arrival times
	// also carry connection set-up, which differs between requests.
	rec.mu.Lock()
	starts := append([]time.Time(nil), rec.starts...)
	rec.mu.Unlock()
	if time.Since(start) < time.Second {
		t.Errorf("crawl took %v: Retry-After: 1 was not honoured", time.Since(start))
	}
	// The gate's claims, in the order it granted them, are at least 40ms
	// apart: that is what the crawler controls. The requests the client
	// then sends (recorded by the transport below the gate) may lag their
	// claim when the machine is busy, so for them the whole crawl must span
	// n-1 delays, counted from the first claim: each request starts after
	// its claim, so the last start is at least n-1 delays after it when
	// every request went through the gate. (Counted from the first start,
	// a first request that lagged its claim by over a few ms failed it.)
	for i := 1; i < len(claims); i++ {
		if gap := claims[i].Sub(claims[i-1]); gap < 40*time.Millisecond {
			t.Errorf("gate claims %d and %d are %v apart, want ≥ 40ms", i-1, i, gap)
			break
		}
	}
	if n := len(starts); n < 2 || len(claims) == 0 || starts[n-1].Sub(claims[0]) < time.Duration(n-1)*40*time.Millisecond {
		t.Errorf("%d requests (%d claims) in %v from the first claim, want ≥ %v at one per 40ms", n, len(claims), starts[n-1].Sub(claims[0]), time.Duration(n-1)*40*time.Millisecond)
	}
	checkDoc := func(path, wantText string) {
		t.Helper()
		d, err := store.Get(corpus.IDForURL(srv.URL + path))
		if err != nil {
			t.Fatalf("%s not stored: %v", path, err)
		}
		if !strings.Contains(d.Title+" "+d.Body, wantText) || !norm.NFC.IsNormalString(d.Body) {
			t.Errorf("%s: title %q body %.80q: want NFC text containing %q", path, d.Title, d.Body, wantText)
		}
	}
	checkDoc("/tin-tuc/cp1258", "Hội nghị về thủy lợi")
	checkDoc("/tin-tuc/nfd", "chuyển đổi số")
	checkDoc("/tin-tuc/2024/05/3-bai-viet", "Nghị quyết số 103/NQ-CP")
	checkDoc("/tin-tuc/huge", "Báo cáo rất dài")

	// Change the site: one changed, one gone, one new; the rest unchanged.
	site.mu.Lock()
	site.articles["/tin-tuc/2024/05/2-bai-viet"] = "Nội dung đã được cập nhật bổ sung về kế hoạch thực hiện năm 2025."
	delete(site.articles, "/tin-tuc/2024/05/4-bai-viet")
	site.articles["/tin-tuc/2024/05/99-bai-moi"] = "Bài viết mới về chương trình chuyển đổi số của tỉnh năm 2025."
	site.mu.Unlock()
	rep2, err := c.Crawl(context.Background(), cfg, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	// The removed article's first 404 keeps it, suspected; the next
	// run's makes it a tombstone (TestSlug404Nights).
	if rep2.New != 1 || rep2.Changed != 1 || rep2.Gone != 0 || rep2.NotFoundSuspect != 1 {
		t.Errorf("second run: %+v, want 1 new, 1 changed, 1 suspected", rep2)
	}
	// The 10 unchanged articles with ETags must all be answered 304.
	if rep2.NotModified < 10 {
		t.Errorf("second run: %d not modified, want ≥ 10 of 10 unchanged articles", rep2.NotModified)
	}
	rep3, err := c.Crawl(context.Background(), cfg, Limits{})
	if err != nil || rep3.Gone != 1 {
		t.Errorf("third run: %+v %v, want 1 gone", rep3, err)
	}
	d, _ := store.Get(corpus.IDForURL(srv.URL + "/tin-tuc/2024/05/4-bai-viet"))
	if d == nil || !d.Gone {
		t.Errorf("removed article not marked gone: %+v", d)
	}
}

func TestCrawlResume(t *testing.T) {
	site := newTestSite()
	srv := httptest.NewServer(site)
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	cfg := testSiteConfig(t, srv.URL)
	cfg.Concurrency = 1
	rep, err := c.Crawl(context.Background(), cfg, Limits{MaxPages: 5})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Pending == 0 {
		t.Fatalf("after 5 pages nothing pending: %+v", rep)
	}
	// A new crawler (as after a restart) resumes the same run.
	c2 := testCrawler(t, store)
	rep2, err := c2.Crawl(context.Background(), cfg, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if rep2.Pending != 0 || rep.New+rep2.New != 16 {
		t.Errorf("resume: first %+v then %+v: want 16 new in all, none pending", rep, rep2)
	}
	site.mu.Lock()
	defer site.mu.Unlock()
	for path, n := range site.hits {
		if strings.HasPrefix(path, "/tin-tuc/2024/") && n > 2 {
			t.Errorf("%s fetched %d times across the resumed run", path, n)
		}
	}
}

func TestCrawlTimeout(t *testing.T) {
	site := newTestSite()
	srv := httptest.NewServer(site)
	defer srv.Close()
	store := openStore(t)
	c := New(store, Options{Policy: Policy{Timeout: 300 * time.Millisecond, Retries: 1, BackoffBase: 10 * time.Millisecond}})
	cfg := &Site{Name: "slow", Start: []string{srv.URL + "/tin-tuc/slow"}, Allow: []string{"^" + srv.URL + "/"}}
	if err := cfg.compile(); err != nil {
		t.Fatal(err)
	}
	rep, err := c.Crawl(context.Background(), cfg, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	// The page answers only after the client gives up (a minute at most):
	// without the 300 ms timeout it would be stored, not failed (no
	// wall-clock bound, which load would break).
	if rep.Failed != 1 || rep.Errors["timeout"] != 1 {
		t.Errorf("slow page: %+v, want 1 failed by timeout", rep)
	}
}

func TestRetryAfter(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0}, {"3", 3 * time.Second}, {"-1", 0}, {"soon", 0},
	}
	for _, tt := range tests {
		if got := retryAfter(tt.in); got != tt.want {
			t.Errorf("retryAfter(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	// An HTTP date counts whole seconds: the wait is the date less the
	// clock read inside the call, which lies between before and after
	// (bounds fixed beforehand failed when the test was descheduled).
	date := time.Now().Add(5 * time.Second).Truncate(time.Second)
	before := time.Now()
	got := retryAfter(date.UTC().Format(http.TimeFormat))
	after := time.Now()
	if got < date.Sub(after) || got > date.Sub(before) {
		t.Errorf("retryAfter(date %v) = %v, want within [%v, %v]", date, got, date.Sub(after), date.Sub(before))
	}
}

func TestDocumentFromTitle(t *testing.T) {
	tests := []struct {
		title               string
		typ, number, issuer string
	}{
		{"Kế hoạch số 45/KH-UBND ngày 12/3/2025 của UBND tỉnh triển khai Nghị quyết số 57-NQ/TW", "Kế hoạch", "45/KH-UBND", "UBND tỉnh"},
		{"Nghị quyết số 154/NQ-CP ngày 23/11/2022 của Chính phủ về phát triển vùng", "Nghị quyết", "154/NQ-CP", "Chính phủ"},
		{"UBND tỉnh triển khai Nghị quyết số 154/NQ-CP", "", "", ""},
	}
	for _, tt := range tests {
		d := ArticleDocument("http://x/a", "x", &extract.Article{Title: tt.title, Body: "Nội dung."})
		if d.Type != tt.typ || d.Number != tt.number || d.Issuer != tt.issuer {
			t.Errorf("ArticleDocument(%q) = type %q number %q issuer %q, want %q %q %q", tt.title, d.Type, d.Number, d.Issuer, tt.typ, tt.number, tt.issuer)
		}
	}
}

func TestRobotsUnavailable(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, page("Trang", "Nội dung trang."))
	}))
	defer srv.Close()
	store := openStore(t)
	c := New(store, Options{Policy: Policy{Timeout: time.Second, Retries: -1}})
	cfg := &Site{Name: "down", Start: []string{srv.URL + "/a"}, Allow: []string{"^" + srv.URL + "/"}}
	if err := cfg.compile(); err != nil {
		t.Fatal(err)
	}
	rep, err := c.Crawl(context.Background(), cfg, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Failed != 1 || rep.Errors["robots_unavailable"] != 1 || rep.RobotsDenied != 0 || rep.New != 0 {
		t.Errorf("robots.txt 503: %+v, want the page failed (robots_unavailable), not fetched", rep)
	}
}

// TestUnreadableURLState damages the crawl state records of two articles, one
// still on the site and one since removed (and no longer linked): the next
// run reports both (failed, kind "state", logged with the URL), fetches the
// first again without validators, still turns the second into a tombstone,
// and rewrites both states, so the run after that is clean. Re-extraction
// reports them too: their archive references are lost.
func TestUnreadableURLState(t *testing.T) {
	site := newTestSite()
	site.flaky = 0
	srv := httptest.NewServer(site)
	defer srv.Close()
	store := openStore(t)
	var logs bytes.Buffer // slog's handler serializes the workers' writes
	c := New(store, Options{WARCDir: t.TempDir(), Logger: slog.New(slog.NewJSONHandler(&logs, nil)),
		Policy: Policy{Timeout: testPageTimeout, Retries: 2, BackoffBase: 10 * time.Millisecond, MaxBytes: 1 << 20}})
	// The site's articles, without its 7 MB page (slow under the race
	// detector; this test is about states).
	cfg := &Site{Name: "test", Start: []string{srv.URL + "/tin-tuc"}, Allow: []string{"^" + srv.URL + "/"},
		Deny: []string{"/huge$"}, Article: []string{`/tin-tuc/2024/`}, Concurrency: 2}
	if err := cfg.compile(); err != nil {
		t.Fatal(err)
	}
	if rep, err := c.Crawl(context.Background(), cfg, Limits{}); err != nil || rep.Failed != 0 {
		t.Fatalf("first run: %+v, %v", rep, err)
	}
	kept, removed := srv.URL+"/tin-tuc/2024/05/5-bai-viet", srv.URL+"/tin-tuc/2024/05/6-bai-viet"
	for _, u := range []string{kept, removed} {
		if err := store.PutKV(nsURL, u, []byte(`{"etag":"x","doc":`)); err != nil {
			t.Fatal(err)
		}
	}
	site.mu.Lock()
	delete(site.articles, "/tin-tuc/2024/05/6-bai-viet")
	hitsBefore := site.hits["/tin-tuc/2024/05/5-bai-viet"]
	site.mu.Unlock()

	rep, err := c.Reextract(context.Background(), cfg)
	if err != nil || rep.Failed != 2 || rep.Errors["state"] != 2 {
		t.Errorf("reextract with two damaged states: %+v, %v; want 2 failed of kind state", rep, err)
	}

	rep, err = c.Crawl(context.Background(), cfg, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Failed != 2 || rep.Errors["state"] != 2 || rep.NotFoundSuspect != 1 || rep.New+rep.Changed != 0 {
		t.Errorf("run after the damage: %+v; want 2 failed of kind state, 1 suspected (its first 404), nothing new", rep)
	}
	for _, u := range []string{kept, removed} {
		if !strings.Contains(logs.String(), `"url":"`+u+`","kind":"state","err":"crawl state of `+u+` is unreadable`) {
			t.Errorf("no warning naming %s and its unreadable state in the log:\n%s", u, logs.String())
		}
	}
	site.mu.Lock()
	if n := site.hits["/tin-tuc/2024/05/5-bai-viet"] - hitsBefore; n != 1 {
		t.Errorf("%s fetched %d times, want 1", kept, n)
	}
	site.mu.Unlock()
	if rep, err = c.Crawl(context.Background(), cfg, Limits{}); err != nil || rep.Gone != 1 || rep.Failed != 0 {
		t.Errorf("the next run: %+v %v; want 1 gone (the second 404), nothing failed", rep, err)
	}
	if d, err := store.Get(corpus.IDForURL(removed)); err != nil || !d.Gone {
		t.Errorf("removed article with a damaged state: %+v, %v; want a tombstone", d, err)
	}
	for _, u := range []string{kept, removed} {
		v, _ := store.GetKV(nsURL, u)
		if s, err := decodeState(u, v); err != nil || (u == kept && (s.ETag == "" || s.DocID != corpus.IDForURL(u))) {
			t.Errorf("state of %s after the run: %+v, %v; want it rewritten", u, s, err)
		}
	}

	rep, err = c.Crawl(context.Background(), cfg, Limits{})
	if err != nil || rep.Failed != 0 || rep.NotModified < 11 {
		t.Errorf("run after the repair: %+v, %v; want no failure, the 11 articles answered 304", rep, err)
	}
}
