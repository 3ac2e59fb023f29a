package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vanban/vanban/crawler/filetext/filetexttest"
	"github.com/vanban/vanban/demo"
)

// call runs one command with empty stdin and buffered output.
func call[O any](t testing.TB, data string, run func(context.Context, *Env, O) error, o O) (stdout, stderr string, err error) {
	t.Helper()
	return callStdin(t, "", data, run, o)
}

// callStdin runs one command with stdin and buffered output.
func callStdin[O any](t testing.TB, stdin, data string, run func(context.Context, *Env, O) error, o O) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	err = run(context.Background(), &Env{Data: data, Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb}, o)
	return out.String(), errb.String(), err
}

// plain reports whether err is a failure of no class (exit code 1).
func plain(err error) bool {
	return err != nil && !errors.Is(err, ErrLocked) && !errors.Is(err, ErrBadConfig)
}

// writeDemoConfig writes a sites file that crawls the demo portal at base.
// A crawl of the portal reads its attached files, and the tests count
// them: they need poppler-utils and antiword (skipped without them, failed
// under CI=true).
func writeDemoConfig(t *testing.T, base string) string {
	t.Helper()
	filetexttest.RequireTools(t, "pdfinfo", "pdftotext", "antiword")
	// The demo's scanned attachment is stored without OCR here (its pages
	// listed as skipped): OCR is tested by the tests that need it.
	cfg := fmt.Sprintf(`user_agent = "vanban-test/1 (+https://example.invalid/contact)"

[files]
ocr = false

[[site]]
name = "demo"
start = [%q, %q]
allow = ['^%s/']
article = ['/tin-tuc/[a-z0-9-]+/\d{4}/\d{2}/\d+-[a-z0-9-]+\.html$']
delay = "0s"
concurrency = %d
`, base+"/", base+"/lists/tintucsukien/tongquat.aspx", regexp.QuoteMeta(base), demoWorkers)
	p := filepath.Join(t.TempDir(), "sites.toml")
	if err := os.WriteFile(p, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// writeSiteConfig writes a sites file of one site, name, that starts at
// start, follows the pages under base's /tin-tuc/ and reads as articles
// the URLs article (a regular expression) matches.
func writeSiteConfig(t *testing.T, name, start, base, article string) string {
	t.Helper()
	cfg := fmt.Sprintf(`user_agent = "vanban-test/1 (+https://example.invalid/contact)"

[[site]]
name = %q
start = [%q]
allow = ['^%s/tin-tuc/']
article = ['%s']
delay = "0s"
`, name, start, regexp.QuoteMeta(base), article)
	p := filepath.Join(t.TempDir(), "sites.toml")
	if err := os.WriteFile(p, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// demoDocs is how many documents a crawl of the demo portal stores: its
// articles and their attached files.
func demoDocs() int { return len(demo.Articles()) + len(demo.Files()) }

// demoPortal serves the embedded portal for the test and returns an empty
// data directory and a sites file that crawls the portal.
func demoPortal(t *testing.T) (data, cfg string) {
	t.Helper()
	portal := httptest.NewServer(demo.Handler())
	t.Cleanup(portal.Close)
	return t.TempDir(), writeDemoConfig(t, portal.URL)
}

// syncBuffer is a bytes.Buffer safe for a writer goroutine and a reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var serveURL = regexp.MustCompile(`http://[0-9.:]+`)

// startServe runs RunServe on a free port until ctx is done and returns its
// base URL, the channel of its result and its stderr.
func startServe(t *testing.T, ctx context.Context, data string, o ServeOptions) (string, chan error, *syncBuffer) {
	t.Helper()
	var out, errb syncBuffer
	done := make(chan error, 1)
	o.Addr = "127.0.0.1:0"
	go func() { done <- RunServe(ctx, &Env{Data: data, Stdout: &out, Stderr: &errb}, o) }()
	var base string
	waitFor(t, "serve to start", func() bool {
		select {
		case err := <-done:
			t.Fatalf("serve stopped: %v: %s", err, errb.String())
		default:
		}
		base = serveURL.FindString(out.String())
		return base != ""
	})
	return base, done, &errb
}

// waitFor polls cond until it holds. The bound is no test's subject, only
// a stop for a test that would hang: 2 minutes, past any load (3 s for a
// server to start failed under the race detector on a busy machine).
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(2 * time.Minute); !cond(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("still waiting for %s after 2 min", what)
		}
	}
}
