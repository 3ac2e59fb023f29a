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
	hang, hung, cfg := hangingPortal(t)
	ref := t.TempDir()
	if _, stderr, err := call(t, ref, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}}); err != nil {
		t.Fatalf("reference crawl: %v: %s", err, stderr)
	}
	want := storedCount(t, ref)

	hang.Store(true)
	data := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		var out, errb bytes.Buffer
		done <- RunCrawl(ctx, &Env{Data: data, Stdout: &out, Stderr: &errb}, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}})
	}()
	// an article hangs (a fixed 500 ms sleep cancelled a crawl on a busy
	// machine before it reached one: the test then proved nothing)
	waitFor(t, "the crawl to reach a hanging article", func() bool { return hung.Load() > 0 })
	start := time.Now()
	cancel()
	// A crawl that ignored its context would end a hanging request only
	// at the crawler's 30 s request timeout (the page hangs a minute):
	// 20 s tells the two apart with room for a loaded machine, where 5 s
	// was tight.
	select {
	case <-done:
		t.Logf("stopped %v after its context ended", time.Since(start).Round(time.Millisecond))
	case <-time.After(20 * time.Second):
		t.Fatal("the crawl did not stop within 20 s of its context ending")
	}
	hang.Store(false)
	if n := storedCount(t, data); n >= want {
		t.Fatalf("the interrupted crawl stored %d of %d documents: nothing was left to resume", n, want)
	}
	if _, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}}); err != nil {
		t.Fatalf("resumed crawl: %v: %s", err, stderr)
	}
	if n := storedCount(t, data); n != want {
		t.Errorf("after the resumed crawl %d documents, want %d", n, want)
	}
}

// hangingPortal serves the demo portal whose article pages, while hang
// is set, never answer (hung counts the requests they got); it returns a
// sites file crawling it.
func hangingPortal(t *testing.T) (hang *atomic.Bool, hung *atomic.Int64, cfg string) {
	t.Helper()
	hang, hung = new(atomic.Bool), new(atomic.Int64)
	portal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hang.Load() && strings.Contains(r.URL.Path, "/tin-tuc/") {
			hung.Add(1)
			select {
			case <-r.Context().Done():
			case <-time.After(time.Minute):
			}
			return
		}
		demo.Handler().ServeHTTP(w, r)
	}))
	t.Cleanup(portal.Close)
	return hang, hung, writeDemoConfig(t, portal.URL)
}

// TestServeStopDuringNightly: stopping `vanban serve` while it ran a
// nightly job handed over by `vanban nightly` closed the store under the
// job: no report was kept and the waiting command got a broken
// connection. Now the job stops, its report is saved as interrupted
// (`vanban status` shows it) and sent to the command, which fails with it.
func TestServeStopDuringNightly(t *testing.T) {
	hang, hung, cfg := hangingPortal(t)
	hang.Store(true)
	data := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, served, _ := startServe(t, ctx, data, ServeOptions{})
	nightly := make(chan error, 1)
	go func() {
		var out, errb bytes.Buffer
		nightly <- RunNightly(context.Background(), &Env{Data: data, Stdout: &out, Stderr: &errb}, NightlyOptions{SitesOptions: SitesOptions{Config: cfg}})
	}()
	waitFor(t, "the handed-over job to reach an article", func() bool { return hung.Load() > 0 })
	cancel()
	select {
	case err := <-nightly:
		if err == nil || !strings.Contains(err.Error(), "interrupted: the server is shutting down") {
			t.Errorf("vanban nightly when the server stopped: %v, want the interruption", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("vanban nightly still waiting 10 s after the server stopped")
	}
	if err := <-served; err != nil {
		t.Errorf("serve: %v", err)
	}
	stdout, _, err := call(t, data, RunStatus, StatusOptions{N: 5})
	if err != nil || !strings.Contains(stdout, "exit 1") || !strings.Contains(stdout, "error: interrupted: the server is shutting down") {
		t.Errorf("status after the interrupted run: %v %q", err, stdout)
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
