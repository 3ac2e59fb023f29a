package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/search"
)

// secret is a query text no log line may show.
const secret = "hồ sơ bệnh án riêng tư"

// logBuffer is a JSON logger into a buffer, safe for the server's
// goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func (b *logBuffer) logger() *slog.Logger { return slog.New(slog.NewJSONHandler(b, nil)) }

// metricValue is the value of one sample of the handler's /metrics, "" when
// it has none.
func metricValue(t *testing.T, h http.Handler, sample string) string {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	for _, line := range strings.Split(rec.Body.String(), "\n") {
		if v, ok := strings.CutPrefix(line, sample+" "); ok {
			return v
		}
	}
	return ""
}

// TestFailures: what a client gets, what the metrics count and what the
// log says for each way a search can fail: a query over the budget (400
// saying what to shorten), a client that left (499, nothing sent, an info
// line), a request out of time (503 with the security headers), a broken
// index (500, an error line). No log line holds the query.
func TestFailures(t *testing.T) {
	ix, store := demoIndex(t)
	costly := strings.Repeat(`"cua cac" `, 40)
	for _, c := range []struct {
		name    string
		opts    []Option
		path    string
		ctx     func() context.Context
		broken  bool
		status  int
		body    string // in the answer
		logLine string // in the log, beyond the access line
	}{
		{name: "costly API", path: "/api/search?q=" + url.QueryEscape(costly), status: 400, body: "40 quoted phrases"},
		{name: "costly page", path: "/?q=" + url.QueryEscape(costly), status: 400, body: "Truy vấn quá tốn kém"},
		{name: "costly export", path: "/api/search.csv?q=" + url.QueryEscape(costly), status: 400, body: "use fewer quoted phrases"},
		{name: "client gone", path: "/api/search?q=" + url.QueryEscape(secret), status: StatusClientClosed,
			ctx: func() context.Context { ctx, cancel := context.WithCancel(context.Background()); cancel(); return ctx }, logLine: "client gone"},
		{name: "client gone, page", path: "/?q=" + url.QueryEscape(secret), status: StatusClientClosed,
			ctx: func() context.Context { ctx, cancel := context.WithCancel(context.Background()); cancel(); return ctx }, logLine: "client gone"},
		{name: "timeout", opts: []Option{WithTimeout(time.Nanosecond)}, path: "/api/search?q=" + url.QueryEscape(secret), status: 503,
			body: "timeout", logLine: "search timed out"},
		{name: "timeout, document", opts: []Option{WithTimeout(time.Nanosecond)}, path: "/doc/" + demoID("154/NQ-CP"), status: 503,
			body: "timeout", logLine: "document timed out"},
		{name: "broken index", path: "/api/search?q=" + url.QueryEscape(secret), broken: true, status: 500, body: "search failed", logLine: `"level":"ERROR","msg":"search failed"`},
		{name: "broken index, page", path: "/?q=" + url.QueryEscape(secret), broken: true, status: 500, body: "lỗi máy chủ", logLine: `"level":"ERROR","msg":"search failed"`},
		{name: "date out of range", path: "/api/search?q=luat&to=9999-12-31", status: 400, body: "1677-12-01 to 2262-04-10"},
		{name: "date out of range, page", path: "/?q=luat&from=1600-01-01", status: 400, body: "1677-12-01 to 2262-04-10"},
		{name: "dash alone", path: "/api/search?q=-", status: 400, body: "empty query"},
		{name: "dash alone, page", path: "/?q=-", status: 400, body: "không có từ nào"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var logs logBuffer
			s := search.New(ix)
			if c.broken {
				s = search.New(closedIndex(t))
			}
			h := NewHandler(s, store, logs.logger(), c.opts...)
			req := httptest.NewRequest("GET", c.path, nil)
			if c.ctx != nil {
				req = req.WithContext(c.ctx())
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			got := rec.Result()
			body, _ := io.ReadAll(got.Body)
			want := c.status
			if want == StatusClientClosed {
				want = 200 // nothing written: the recorder's default
				if len(body) > 0 {
					t.Errorf("client gone: %d bytes written: %.100s", len(body), body)
				}
			}
			if got.StatusCode != want || !strings.Contains(string(body), c.body) {
				t.Errorf("status %d, body %.300s; want %d with %q", got.StatusCode, body, want, c.body)
			}
			for _, hd := range []string{"Content-Security-Policy", "X-Content-Type-Options"} {
				if got.Header.Get(hd) == "" {
					t.Errorf("answer without %s", hd)
				}
			}
			route := req.Method + " " + strings.SplitN(strings.SplitN(c.path, "?", 2)[0], "/doc/", 2)[0]
			switch {
			case strings.HasPrefix(c.path, "/doc/"):
				route = "GET /doc/{id}"
			case route == "GET /":
				route = "GET /{$}"
			}
			sample := `vanban_http_requests_total{code="` + itoa(c.status) + `",route="` + route + `"}`
			if v := metricValue(t, h, sample); v != "1" {
				t.Errorf("%s = %q, want 1", sample, v)
			}
			l := logs.String()
			if strings.Contains(l, secret) || strings.Contains(l, url.QueryEscape(secret)) {
				t.Errorf("the log shows the query:\n%s", l)
			}
			if c.logLine != "" && !strings.Contains(l, c.logLine) {
				t.Errorf("the log lacks %q:\n%s", c.logLine, l)
			}
			if c.logLine == "" || !strings.Contains(c.logLine, "ERROR") {
				if strings.Contains(l, `"level":"ERROR"`) {
					t.Errorf("an error logged for %s:\n%s", c.name, l)
				}
			}
		})
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// closedIndex is a real index that was closed under the server: every
// search fails.
func closedIndex(t *testing.T) bleve.Index {
	t.Helper()
	ix, err := indexer.Open(filepath.Join(t.TempDir(), "closed"), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	return ix.Bleve()
}

// TestClientLeaves: a client that gives up on a request that is waiting
// (here for document memory held by another) is counted 499 on a real
// server, and the request stops waiting.
func TestClientLeaves(t *testing.T) {
	ix, store := demoIndex(t)
	var logs logBuffer
	h := NewHandler(search.New(ix), store, logs.logger(), WithDocMemory(1<<20))
	srv := httptest.NewServer(h)
	defer srv.Close()
	release, err := h.docMem.acquire(context.Background(), 1<<30) // all of it
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	// the client leaves once its request waits for document memory (with
	// a 200 ms timeout instead, a loaded machine let it leave before the
	// request reached the handler: nothing was counted)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"/doc/"+demoID("154/NQ-CP"), nil)
	answered := make(chan error, 1)
	go func() {
		res, err := http.DefaultClient.Do(req)
		if err == nil {
			res.Body.Close()
		}
		answered <- err
	}()
	for h.docMem.waiting.Load() == 0 {
		select {
		case err := <-answered:
			t.Fatalf("the request was answered (%v) while the document memory was held", err)
		case <-time.After(time.Millisecond):
		}
	}
	cancel()
	if err := <-answered; err == nil {
		t.Fatal("the request was answered while the document memory was held")
	}
	sample := `vanban_http_requests_total{code="499",route="GET /doc/{id}"}`
	// the handler counts the request once it sees the client gone: poll
	// (2 min stops a hang; 10 s was no bound the test is about and
	// tight on a loaded machine)
	deadline := time.Now().Add(2 * time.Minute)
	for metricValue(t, h, sample) != "1" {
		if time.Now().After(deadline) {
			t.Fatalf("%s never counted; log:\n%s", sample, logs.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if strings.Contains(logs.String(), `"level":"ERROR"`) {
		t.Errorf("a client leaving logged as an error:\n%s", logs.String())
	}
}

// TestHealthzLag: /healthz and /metrics report how far the index is
// behind the store.
func TestHealthzLag(t *testing.T) {
	ix, store := demoIndex(t)
	var lag uint64 = 3
	h := NewHandler(search.New(ix), store, nil, WithIndexLag(func() (uint64, error) { return lag, nil }))
	for _, c := range []struct {
		lag    uint64
		status string
	}{{3, "behind"}, {0, "ok"}} {
		lag = c.lag
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
		var got struct {
			Status string
			Lag    *uint64 `json:"index_lag"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || got.Status != c.status || got.Lag == nil || *got.Lag != c.lag {
			t.Errorf("lag %d: /healthz %s, want status %q and index_lag %d", c.lag, rec.Body, c.status, c.lag)
		}
		if v := metricValue(t, h, "vanban_index_lag_changes"); v != itoa(int(c.lag)) {
			t.Errorf("lag %d: vanban_index_lag_changes %q", c.lag, v)
		}
	}
}
