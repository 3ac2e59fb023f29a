package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// endedBy is a transport recording, for each request to a hanging page,
// why its context had ended when the request came back: context.Canceled
// (the crawl's context) or context.DeadlineExceeded (the crawler's own
// request timeout).
type endedBy struct {
	next http.RoundTripper
	mu   sync.Mutex
	errs []error
}

func (e *endedBy) RoundTrip(r *http.Request) (*http.Response, error) {
	res, err := e.next.RoundTrip(r)
	if err != nil && strings.Contains(r.URL.Path, "/treo/") {
		e.mu.Lock()
		e.errs = append(e.errs, r.Context().Err())
		e.mu.Unlock()
	}
	return res, err
}

// TestCrawlCancelEndsRequests: the crawl's context ends the request in
// flight, not only the worker's loop between pages. A request made
// without the crawl's context (context.WithoutCancel in Crawler.get: a
// break internal/app's interrupt tests, which count requests, let pass)
// hangs until the crawler's own request timeout, after which the worker
// sees the cancel and the crawl returns all the same: only the reason the
// request ended tells the two apart, and that is a value, not a time
// (i31-rev-tests). Seen failing with that break: "ended by
// context deadline exceeded".
func TestCrawlCancelEndsRequests(t *testing.T) {
	entered := make(chan struct{}, 8)
	ended := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/robots.txt":
			http.NotFound(w, r)
		case r.URL.Path == "/":
			fmt.Fprint(w, `<html><body><ul><li><a href="/treo/1-ke-hoach.html">Kế hoạch số 45/KH-UBND</a></li><li><a href="/treo/2-nghi-quyet.html">Nghị quyết số 12/NQ-HĐND</a></li></ul></body></html>`)
		case strings.HasPrefix(r.URL.Path, "/treo/"):
			entered <- struct{}{}
			select { // until the client goes away or the test ends
			case <-r.Context().Done():
			case <-ended:
			}
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	defer close(ended) // before srv.Close, which waits for the handlers
	tr := &endedBy{next: srv.Client().Transport}
	// the default 30 s request timeout: the break's crawl returns after it
	c := New(openStore(t), Options{Client: &http.Client{Transport: tr}, Policy: Policy{Retries: 1, BackoffBase: time.Millisecond}})
	cfg := &Site{Name: "treo", Start: []string{srv.URL + "/"}, Allow: []string{"^" + srv.URL + "/"}, Concurrency: 2}
	if err := cfg.compile(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := c.Crawl(ctx, cfg, Limits{})
		done <- err
	}()
	<-entered
	cancel()
	<-done // without a clock: go test's -timeout ends a crawl that never returns
	tr.mu.Lock()
	defer tr.mu.Unlock()
	if len(tr.errs) == 0 {
		t.Fatal("no request to a hanging page came back")
	}
	for i, err := range tr.errs {
		if !errors.Is(err, context.Canceled) {
			t.Errorf("request %d to a hanging page ended by %v, want the crawl's cancel (%v)", i, err, context.Canceled)
		}
	}
}
