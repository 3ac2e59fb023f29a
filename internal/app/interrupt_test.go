package app

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/demo"
)

// TestCrawlStopsOnSignal: a crawl whose pages were waiting on a slow
// portal (or out a long delay) ignored SIGTERM: its pages ran without the
// command's context, so the requests and their retries went on for
// minutes. Now it stops, and the pages it left are in the frontier: the
// next run stores every article.
//
// No wall clock bounds the stop (a 20 s limit was a flake risk on a busy
// CI runner): the portal's article pages hang until their client goes
// away, and a crawl going on after its context ended asks for more of
// them than its workers can have had in flight then (stop.overrun) — a
// count, not a time. A crawl that stopped asking and never returned would
// be ended by go test's -timeout, its goroutines' stacks printed.
func TestCrawlStopsOnSignal(t *testing.T) {
	p := hangingPortal(t)
	ref := t.TempDir()
	if _, stderr, err := call(t, ref, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: p.cfg}}); err != nil {
		t.Fatalf("reference crawl: %v: %s", err, stderr)
	}
	want := storedCount(t, ref)

	p.hang.Store(true)
	data := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		var out, errb bytes.Buffer
		done <- RunCrawl(ctx, &Env{Data: data, Stdout: &out, Stderr: &errb}, CrawlOptions{SitesOptions: SitesOptions{Config: p.cfg}})
	}()
	// an article hangs (a fixed 500 ms sleep cancelled a crawl on a busy
	// machine before it reached one: the test then proved nothing)
	waitFor(t, "the crawl to reach a hanging article", func() bool { return p.hung.Load() > 0 })
	p.stop()
	cancel()
	select {
	case <-done:
	case <-p.overrun:
		t.Fatalf("the crawl went on after its context ended: %d article requests since, its %d workers had at most %d in flight", p.late.Load(), demoWorkers, demoWorkers)
	}
	p.hang.Store(false)
	if n := storedCount(t, data); n >= want {
		t.Fatalf("the interrupted crawl stored %d of %d documents: nothing was left to resume", n, want)
	}
	if _, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: p.cfg}}); err != nil {
		t.Fatalf("resumed crawl: %v: %s", err, stderr)
	}
	if n := storedCount(t, data); n != want {
		t.Errorf("after the resumed crawl %d documents, want %d", n, want)
	}
}

// demoWorkers is writeDemoConfig's concurrency: the most article
// requests a crawl of it can have begun when its context ends.
const demoWorkers = 4

// hangPortal is the demo portal whose article pages, while hang is set,
// answer only when their client goes away or the test ends; cfg is a
// sites file crawling it.
type hangPortal struct {
	hang    atomic.Bool
	hung    atomic.Int64  // requests to hanging pages
	stopped atomic.Bool   // stop was called
	late    atomic.Int64  // requests to hanging pages since stop
	overrun chan struct{} // closed when late passes demoWorkers
	once    sync.Once
	cfg     string
}

// stop marks the moment the crawl is told to stop: from then on a crawl
// that stops begins at most one request per worker (one already on its
// way), so more than demoWorkers is a crawl going on.
func (p *hangPortal) stop() { p.stopped.Store(true) }

func hangingPortal(t *testing.T) *hangPortal {
	t.Helper()
	p := &hangPortal{overrun: make(chan struct{})}
	ended := make(chan struct{})
	portal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p.hang.Load() && strings.Contains(r.URL.Path, "/tin-tuc/") {
			p.hung.Add(1)
			if p.stopped.Load() && p.late.Add(1) > demoWorkers {
				p.once.Do(func() { close(p.overrun) })
			}
			select {
			case <-r.Context().Done():
			case <-ended:
			}
			return
		}
		demo.Handler().ServeHTTP(w, r)
	}))
	t.Cleanup(portal.Close)
	t.Cleanup(func() { close(ended) }) // before portal.Close, which waits for the requests
	p.cfg = writeDemoConfig(t, portal.URL)
	return p
}

// TestServeStopDuringNightly: stopping `vanban serve` while it ran a
// nightly job handed over by `vanban nightly` closed the store under the
// job: no report was kept and the waiting command got a broken
// connection. Now the job stops, its report is saved as interrupted
// (`vanban status` shows it) and sent to the command, which fails with it.
func TestServeStopDuringNightly(t *testing.T) {
	p := hangingPortal(t)
	p.hang.Store(true)
	data := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, served, _ := startServe(t, ctx, data, ServeOptions{})
	nightly := make(chan error, 1)
	go func() {
		var out, errb bytes.Buffer
		nightly <- RunNightly(context.Background(), &Env{Data: data, Stdout: &out, Stderr: &errb}, NightlyOptions{SitesOptions: SitesOptions{Config: p.cfg}})
	}()
	waitFor(t, "the handed-over job to reach an article", func() bool { return p.hung.Load() > 0 })
	p.stop()
	cancel()
	// no wall clock (TestCrawlStopsOnSignal): the job going on asks for
	// more articles than it had workers
	select {
	case err := <-nightly:
		if err == nil || !strings.Contains(err.Error(), "interrupted: the server is shutting down") {
			t.Errorf("vanban nightly when the server stopped: %v, want the interruption", err)
		}
	case <-p.overrun:
		t.Fatalf("the handed-over job went on after the server stopped: %d article requests since, %d workers", p.late.Load(), demoWorkers)
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
