package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/demo"
	"github.com/vanban/vanban/search"
)

func TestPipeline(t *testing.T) {
	data, cfg := demoPortal(t)
	report := filepath.Join(t.TempDir(), "report.json")

	_, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}, Report: report})
	if err != nil {
		t.Fatalf("crawl: %v: %s", err, stderr)
	}
	var rep crawlReport
	b, _ := os.ReadFile(report)
	if err := json.Unmarshal(b, &rep); err != nil || len(rep.Sites) != 1 {
		t.Fatalf("report %s: %v", b, err)
	}
	if got, want := rep.Sites[0].New, len(demo.Articles())+len(demo.Files()); got != want || rep.Sites[0].Files != len(demo.Files()) {
		t.Errorf("crawl stored %d new documents (%d files), want %d (%d articles, %d files)", got, rep.Sites[0].Files, want, len(demo.Articles()), len(demo.Files()))
	}
	if !strings.Contains(stderr, "crawl: 1 sites") {
		t.Errorf("no summary line on stderr: %q", stderr)
	}
	if out, stderr, err := call(t, data, RunIndex, IndexOptions{}); err != nil || !strings.Contains(out, fmt.Sprintf("indexed %d", len(demo.Articles())+len(demo.Files()))) {
		t.Fatalf("index: %v, %q %q", err, out, stderr)
	}
	for _, q := range []string{"nghị quyết", "nghi quyet"} {
		out, stderr, err := call(t, data, RunSearch, SearchOptions{Query: q, JSON: true, Limit: 50})
		if err != nil {
			t.Fatalf("search %q: %v: %s", q, err, stderr)
		}
		var res search.Result
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatalf("search JSON output: %v\n%s", err, out)
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
	out, stderr, err := call(t, data, RunSearch, SearchOptions{Query: "nghị quyết", JSON: true, Limit: 50,
		Filters: search.Filters{Type: "Kế hoạch", From: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}})
	var res search.Result
	if err != nil || json.Unmarshal([]byte(out), &res) != nil {
		t.Fatalf("filtered search: %v: %s", err, stderr)
	}
	if len(res.Hits) == 0 {
		t.Error("filtered search: no plans")
	}
	for _, h := range res.Hits {
		if h.Type != "Kế hoạch" || h.Published < "2020-01-01" {
			t.Errorf("filtered search: hit %q, type %q, published %q", h.Title, h.Type, h.Published)
		}
	}
	// The terminal format: count line, numbered hits, matches in [brackets].
	out, _, err = call(t, data, RunSearch, SearchOptions{Query: "nghị quyết", Limit: 3})
	if err != nil || !regexp.MustCompile(`^(\d+|top 3 of at least \d+) results \([0-9.]+ ms\)\n\n1\. .+\n   http://.+\n   .*\[(?i:nghị)`).MatchString(out) {
		t.Errorf("search as text: %v:\n%s", err, out)
	}
	// A second crawl: every article answers 304, nothing changes.
	_, stderr, err = call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}, Report: report})
	b, _ = os.ReadFile(report)
	json.Unmarshal(b, &rep)
	if err != nil || rep.Sites[0].New+rep.Sites[0].Changed != 0 || rep.Sites[0].NotModified < len(demo.Articles())*9/10 {
		t.Errorf("recrawl: %v, %+v (%s)", err, rep.Sites[0], stderr)
	}
	if out, _, err := call(t, data, RunIndex, IndexOptions{}); err != nil || !strings.Contains(out, "indexed 0, removed 0") {
		t.Errorf("index after unchanged recrawl: %v %q", err, out)
	}

	// serve answers the same search before and after a restart.
	first := serveOnce(t, data, "/api/search?q=ke+hoach+trien+khai")
	second := serveOnce(t, data, "/api/search?q=ke+hoach+trien+khai")
	if first != second || !strings.Contains(first, `"hits":[{`) {
		t.Errorf("restarted server answered differently:\n%s\n%s", first, second)
	}
	serveTasks(t, data)
}

// serveTasks checks that a server stores the tasks the crawl left stale
// (backgroundTasks) and serves them at /api/tasks: it asks until none is
// stale, which the sync reaches once.
func serveTasks(t *testing.T, data string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	base, done, errb := startServe(t, ctx, data, ServeOptions{})
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v: %s", err, errb.String())
		}
	}()
	var res struct{ Total, Stale int }
	waitFor(t, "/api/tasks?plan=236/KH-UBND to list the plan's tasks with none stale", func() bool {
		r, err := http.Get(base + "/api/tasks?plan=236/KH-UBND")
		if err != nil {
			t.Fatal(err)
		}
		err = json.NewDecoder(r.Body).Decode(&res)
		r.Body.Close()
		if err != nil || r.StatusCode != http.StatusOK {
			t.Fatalf("/api/tasks: %d %v", r.StatusCode, err)
		}
		return res.Stale == 0 && res.Total > 0
	})
}

// serveOnce starts RunServe, fetches path and stops the server. The took_ms
// field is dropped so that answers compare.
func serveOnce(t *testing.T, data, path string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	base, done, errb := startServe(t, ctx, data, ServeOptions{})
	res, err := http.Get(base + path)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve: %v: %s", err, errb.String())
	}
	return regexp.MustCompile(`"took_ms":[0-9.e+-]+`).ReplaceAllString(string(b), "")
}

func TestSearchWithoutIndex(t *testing.T) {
	_, _, err := call(t, t.TempDir(), RunSearch, SearchOptions{Query: "x", Limit: 10})
	if !plain(err) || !strings.Contains(err.Error(), "vanban index") {
		t.Errorf("search without index: %v; want a plain error naming `vanban index`", err)
	}
}

func TestBadConfig(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.toml")
	os.WriteFile(bad, []byte("[[site]]\nname = \"x\"\nstart = [\"http://127.0.0.1:1/\"]\nallow = [\"(unclosed\"]\n"), 0o644)
	_, _, err := call(t, t.TempDir(), RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: bad}})
	if !errors.Is(err, ErrBadConfig) || !strings.Contains(err.Error(), "bad.toml:4") {
		t.Errorf("bad config: %v; want ErrBadConfig naming line 4", err)
	}
	data, cfg := demoPortal(t)
	if _, _, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}, Site: "nosuchsite"}); !errors.Is(err, ErrBadConfig) || !strings.Contains(err.Error(), "nosuchsite") {
		t.Errorf("crawl --site nosuchsite: %v; want ErrBadConfig naming the site", err)
	}
}

// TestArchivedCopy follows the document page's link to the archived copy of
// the source page: served as the portal sent it, under a sandbox CSP.
func TestArchivedCopy(t *testing.T) {
	data, cfg := demoPortal(t)
	if _, stderr, err := call(t, data, RunNightly, NightlyOptions{SitesOptions: SitesOptions{Config: cfg}}); err != nil {
		t.Fatalf("nightly: %v %s", err, stderr)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base, done, _ := startServe(t, ctx, data, ServeOptions{})
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
	// the body closed: left open, its connection's read and write loops
	// outlived the test (internal/leaktest, docs/log/i28-tests.md)
	if r, err := http.Get(base + "/archive/unknown"); err != nil {
		t.Errorf("/archive/unknown: %v", err)
	} else {
		r.Body.Close()
		if r.StatusCode != 404 {
			t.Errorf("/archive/unknown: %d", r.StatusCode)
		}
	}
	cancel()
	<-done
}
