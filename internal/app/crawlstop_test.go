package app

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/demo"
)

// TestCrawlStopsOnSignal: a crawl whose pages were waiting on a slow
// portal (or out a long delay) ignored SIGTERM: its pages ran without the
// command's context, so the requests and their retries went on for
// minutes. Now it stops within seconds, and the pages it left are in the
// frontier: the next run stores every article.
func TestCrawlStopsOnSignal(t *testing.T) {
	var hang atomic.Bool
	portal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hang.Load() && strings.Contains(r.URL.Path, "/tin-tuc/") {
			select { // an article page that never answers
			case <-r.Context().Done():
			case <-time.After(time.Minute):
			}
			return
		}
		demo.Handler().ServeHTTP(w, r)
	}))
	defer portal.Close()
	cfg := writeDemoConfig(t, portal.URL)
	ref := t.TempDir()
	if _, stderr, err := call(t, ref, RunCrawl, CrawlOptions{Config: cfg}); err != nil {
		t.Fatalf("reference crawl: %v: %s", err, stderr)
	}
	want := storedCount(t, ref)

	hang.Store(true)
	data := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		var out, errb bytes.Buffer
		done <- RunCrawl(ctx, &Env{Data: data, Stdout: &out, Stderr: &errb}, CrawlOptions{Config: cfg})
	}()
	time.Sleep(500 * time.Millisecond) // the listings are read, the articles hang
	start := time.Now()
	cancel()
	select {
	case <-done:
		t.Logf("stopped %v after its context ended", time.Since(start).Round(time.Millisecond))
	case <-time.After(5 * time.Second):
		t.Fatal("the crawl did not stop within 5 s of its context ending")
	}
	hang.Store(false)
	if n := storedCount(t, data); n >= want {
		t.Fatalf("the interrupted crawl stored %d of %d documents: nothing was left to resume", n, want)
	}
	if _, stderr, err := call(t, data, RunCrawl, CrawlOptions{Config: cfg}); err != nil {
		t.Fatalf("resumed crawl: %v: %s", err, stderr)
	}
	if n := storedCount(t, data); n != want {
		t.Errorf("after the resumed crawl %d documents, want %d", n, want)
	}
}

func storedCount(t *testing.T, data string) int {
	t.Helper()
	s, err := corpus.OpenStore(data, true, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	live, _, err := s.Count()
	if err != nil {
		t.Fatal(err)
	}
	return live
}
