package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vanban/vanban/demo"
	"github.com/vanban/vanban/search"
)

// runCmd runs the vanban CLI in-process with buffers.
func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func writeDemoConfig(t *testing.T, base string) string {
	t.Helper()
	cfg := fmt.Sprintf(`user_agent = "vanban-test/1 (+https://example.invalid/contact)"

[[site]]
name = "demo"
start = [%q, %q]
allow = ['^%s/']
article = ['/tin-tuc/[a-z0-9-]+/\d{4}/\d{2}/\d+-[a-z0-9-]+\.html$']
delay = "0s"
concurrency = 4
`, base+"/", base+"/lists/tintucsukien/tongquat.aspx", regexp.QuoteMeta(base))
	p := filepath.Join(t.TempDir(), "sites.toml")
	if err := os.WriteFile(p, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// demoPortal serves the embedded portal for the test and returns an empty
// data directory and a sites file that crawls the portal.
func demoPortal(t *testing.T) (data, cfg string) {
	t.Helper()
	portal := httptest.NewServer(demo.Handler())
	t.Cleanup(portal.Close)
	return t.TempDir(), writeDemoConfig(t, portal.URL)
}

func TestPipeline(t *testing.T) {
	data, cfg := demoPortal(t)
	report := filepath.Join(t.TempDir(), "report.json")

	code, _, stderr := runCmd(t, "--data", data, "crawl", "--config", cfg, "--report", report)
	if code != 0 {
		t.Fatalf("crawl exit %d: %s", code, stderr)
	}
	var rep crawlReport
	b, _ := os.ReadFile(report)
	if err := json.Unmarshal(b, &rep); err != nil || len(rep.Sites) != 1 {
		t.Fatalf("report %s: %v", b, err)
	}
	if got, want := rep.Sites[0].New, len(demo.Articles()); got != want {
		t.Errorf("crawl stored %d new documents, want %d", got, want)
	}
	if !strings.Contains(stderr, "crawl: 1 sites") {
		t.Errorf("no summary line on stderr: %q", stderr)
	}
	if code, out, stderr := runCmd(t, "index", "--data", data); code != 0 || !strings.Contains(out, fmt.Sprintf("indexed %d", len(demo.Articles()))) {
		t.Fatalf("index: exit %d, %q %q", code, out, stderr)
	}
	for _, q := range []string{"nghị quyết", "nghi quyet"} {
		code, out, stderr := runCmd(t, "--data", data, "search", "--json", "--limit", "50", q)
		if code != 0 {
			t.Fatalf("search %q: exit %d: %s", q, code, stderr)
		}
		var res search.Result
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatalf("search --json output: %v\n%s", err, out)
		}
		n := 0
		for _, h := range res.Hits {
			if strings.HasPrefix(h.Title, "Nghị quyết") {
				n++
			}
		}
		if n < 3 || res.Total == 0 || !strings.Contains(res.Hits[0].Snippet, "<mark>") {
			t.Errorf("search %q: %d resolutions among %d hits; first snippet %q", q, n, len(res.Hits), res.Hits[0].Snippet)
		}
	}
	// Filters, as the page's facets: only plans published from 2020 on.
	code, out, stderr := runCmd(t, "--data", data, "search", "--json", "--limit", "50", "--type", "Kế hoạch", "--from", "2020-01-01", "nghị quyết")
	var res search.Result
	if err := json.Unmarshal([]byte(out), &res); code != 0 || err != nil {
		t.Fatalf("filtered search: exit %d, %v: %s", code, err, stderr)
	}
	if len(res.Hits) == 0 {
		t.Error("filtered search: no plans")
	}
	for _, h := range res.Hits {
		if h.Type != "Kế hoạch" || h.Published < "2020-01-01" {
			t.Errorf("filtered search: hit %q, type %q, published %q", h.Title, h.Type, h.Published)
		}
	}
	if code, _, stderr := runCmd(t, "--data", data, "search", "--to", "31/12/2024", "nghị quyết"); code == 0 || !strings.Contains(stderr, "YYYY-MM-DD") {
		t.Errorf("search --to 31/12/2024: exit %d, %q", code, stderr)
	}
	// A second crawl: every article answers 304, nothing changes.
	code, _, stderr = runCmd(t, "--data", data, "crawl", "--config", cfg, "--report", report)
	b, _ = os.ReadFile(report)
	json.Unmarshal(b, &rep)
	if code != 0 || rep.Sites[0].New+rep.Sites[0].Changed != 0 || rep.Sites[0].NotModified < len(demo.Articles())*9/10 {
		t.Errorf("recrawl: exit %d, %+v (%s)", code, rep.Sites[0], stderr)
	}
	if code, out, _ := runCmd(t, "--data", data, "index"); code != 0 || !strings.Contains(out, "indexed 0, removed 0") {
		t.Errorf("index after unchanged recrawl: %d %q", code, out)
	}

	// serve answers the same search before and after a restart.
	first := serveOnce(t, data, "/api/search?q=ke+hoach+trien+khai")
	second := serveOnce(t, data, "/api/search?q=ke+hoach+trien+khai")
	if first != second || !strings.Contains(first, `"hits":[{`) {
		t.Errorf("restarted server answered differently:\n%s\n%s", first, second)
	}
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

// serveOnce starts `vanban serve`, fetches path and stops the server. The
// took_ms field is dropped so that answers compare.
func serveOnce(t *testing.T, data, path string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb syncBuffer
	done := make(chan int)
	go func() { done <- run(ctx, []string{"--data", data, "serve", "--addr", "127.0.0.1:0"}, nil, &out, &errb) }()
	var base string
	for i := 0; i < 200 && base == ""; i++ {
		if m := regexp.MustCompile(`http://[0-9.:]+`).FindString(out.String()); m != "" {
			base = m
		}
		time.Sleep(10 * time.Millisecond)
	}
	if base == "" {
		cancel()
		t.Fatalf("serve did not start: %s", errb.String())
	}
	res, err := http.Get(base + path)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("serve exit %d: %s", code, errb.String())
	}
	return regexp.MustCompile(`"took_ms":[0-9.e+-]+`).ReplaceAllString(string(b), "")
}

func TestExitCodes(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.toml")
	os.WriteFile(bad, []byte("[[site]]\nname = \"x\"\nstart = [\"http://127.0.0.1:1/\"]\nallow = [\"(unclosed\"]\n"), 0o644)
	code, _, stderr := runCmd(t, "--data", t.TempDir(), "crawl", "--config", bad)
	if code != 78 || !strings.Contains(stderr, "bad.toml:4") {
		t.Errorf("bad config: exit %d, %q; want 78 naming line 4", code, stderr)
	}
	if code, _, _ := runCmd(t, "nosuchcommand"); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
	if code, _, _ := runCmd(t, "search", "--help"); code != 0 {
		t.Errorf("search --help: exit %d, want 0", code)
	}
	if code, _, stderr := runCmd(t, "--data", t.TempDir(), "search", "x"); code != 1 || !strings.Contains(stderr, "vanban index") {
		t.Errorf("search without index: exit %d, %q", code, stderr)
	}
}

// TestArchivedCopy follows the document page's link to the archived copy of
// the source page: served as the portal sent it, under a sandbox CSP.
func TestArchivedCopy(t *testing.T) {
	data, cfg := demoPortal(t)
	if code, _, stderr := runCmd(t, "--data", data, "nightly", "--config", cfg); code != 0 {
		t.Fatalf("nightly: %d %s", code, stderr)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base, done, _ := startServe(t, ctx, "--data", data, "serve")
	var res search.Result
	r, err := http.Get(base + "/api/search?q=" + "154%2FNQ-CP")
	if err != nil {
		t.Fatal(err)
	}
	json.NewDecoder(r.Body).Decode(&res)
	r.Body.Close()
	if len(res.Hits) == 0 {
		t.Fatal("no hit for 154/NQ-CP")
	}
	r, err = http.Get(base + "/doc/" + res.Hits[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(r.Body)
	r.Body.Close()
	link := "/archive/" + res.Hits[0].ID
	if !strings.Contains(string(page), `href="`+link+`"`) {
		t.Fatalf("document page does not link %s", link)
	}
	r, err = http.Get(base + link)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(r.Body)
	r.Body.Close()
	if r.StatusCode != 200 || !strings.HasPrefix(r.Header.Get("Content-Security-Policy"), "sandbox") ||
		!strings.Contains(string(body), "<html") || r.Header.Get("X-Archived-URL") != res.Hits[0].URL {
		t.Errorf("archived copy: %d, CSP %q, archived URL %q, %d bytes", r.StatusCode, r.Header.Get("Content-Security-Policy"), r.Header.Get("X-Archived-URL"), len(body))
	}
	if r, _ := http.Get(base + "/archive/unknown"); r.StatusCode != 404 {
		t.Errorf("/archive/unknown: %d", r.StatusCode)
	}
	cancel()
	<-done
}

func TestParseFlags(t *testing.T) {
	tests := []struct {
		args      []string
		wantPos   string
		wantLimit int
		wantErr   bool
	}{
		{[]string{"nghị", "quyết"}, "nghị quyết", 10, false},
		{[]string{"nghị", "--limit", "3", "quyết"}, "nghị quyết", 3, false},
		{[]string{"--limit", "2", "--", "hội", "nghị", "-covid"}, "hội nghị -covid", 2, false},
		{[]string{"--", "-x", "--limit"}, "-x --limit", 10, false},
		{[]string{"a", "-bogus"}, "", 10, true},
		{[]string{"-", "--limit", "4"}, "-", 4, false},
	}
	for _, tt := range tests {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		limit := fs.Int("limit", 10, "")
		pos, err := parseFlags(fs, tt.args)
		if (err != nil) != tt.wantErr || (!tt.wantErr && (strings.Join(pos, " ") != tt.wantPos || *limit != tt.wantLimit)) {
			t.Errorf("parseFlags(%q) = %q, limit %d, err %v; want %q, %d, err %v", tt.args, pos, *limit, err, tt.wantPos, tt.wantLimit, tt.wantErr)
		}
	}
}
