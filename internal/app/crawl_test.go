package app

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/demo"
	"github.com/vanban/vanban/internal/childtest"
)

// countingPortal serves the demo portal and counts requests per path.
type countingPortal struct {
	mu   sync.Mutex
	hits map[string]int
	h    http.Handler
}

func (p *countingPortal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	p.hits[r.URL.Path]++
	p.mu.Unlock()
	p.h.ServeHTTP(w, r)
}

// TestCrawlKill9 runs `vanban crawl` in a child process (this test binary
// re-executed) against a portal served by the parent, kills it with
// SIGKILL after some documents were reported stored, then resumes the crawl
// in-process and checks: every reported document is in the store, the
// portal's articles are each stored once, the frontier is empty, pages
// finished before the kill were not fetched again, and every archived
// record the store refers to can be re-extracted.
func TestCrawlKill9(t *testing.T) {
	if childtest.In(t, "") {
		dir := os.Getenv("VANBAN_CRAWL_CHILD")
		err := RunCrawl(context.Background(), &Env{Data: dir, Stdout: os.Stdout, Stderr: os.Stdout}, CrawlOptions{SitesOptions: SitesOptions{Config: os.Getenv("VANBAN_CRAWL_CONFIG")}, Verbose: true})
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	if testing.Short() {
		t.Skip("skipping subprocess test in -short mode")
	}
	portal := &countingPortal{hits: map[string]int{}, h: demo.Handler()}
	srv := httptest.NewServer(portal)
	defer srv.Close()
	data := t.TempDir()
	cfg := writeDemoConfig(t, srv.URL)
	raw, _ := os.ReadFile(cfg)
	slow := strings.Replace(strings.Replace(string(raw), `delay = "0s"`, `delay = "25ms"`, 1), "concurrency = 4", "concurrency = 2", 1)
	os.WriteFile(cfg, []byte(slow), 0o644)

	child := childtest.Start(t, "", "VANBAN_CRAWL_CHILD="+data, "VANBAN_CRAWL_CONFIG="+cfg)
	var reported []string
	sc := bufio.NewScanner(child.Out)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	stored := func(line string) string {
		var l struct{ Msg, DocID string }
		if json.Unmarshal([]byte(line), &struct {
			Msg   *string `json:"msg"`
			DocID *string `json:"doc_id"`
		}{&l.Msg, &l.DocID}) == nil && l.Msg == "stored" {
			return l.DocID
		}
		return ""
	}
	for sc.Scan() {
		if id := stored(sc.Text()); id != "" {
			reported = append(reported, id)
		}
		if len(reported) == 15 {
			child.Kill()
			break
		}
	}
	for sc.Scan() { // what was printed before the kill
		if id := stored(sc.Text()); id != "" {
			reported = append(reported, id)
		}
	}
	child.Wait()
	if len(reported) < 15 {
		t.Fatalf("child reported %d stored documents before exiting", len(reported))
	}
	portal.mu.Lock()
	before := map[string]int{}
	for p, n := range portal.hits {
		before[p] = n
	}
	portal.mu.Unlock()

	report := filepath.Join(t.TempDir(), "report.json")
	if _, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}, Report: report}); err != nil {
		t.Fatalf("resumed crawl: %v: %s", err, stderr)
	}
	store, err := corpus.OpenStore(data, true, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	refetched := 0
	for _, id := range reported {
		d, err := store.Get(id)
		if err != nil {
			t.Errorf("document reported before the kill is missing: %v", err)
			continue
		}
		u, _ := url.Parse(d.URL)
		portal.mu.Lock()
		if portal.hits[u.Path] > before[u.Path] {
			refetched++
		}
		portal.mu.Unlock()
	}
	// Only pages in flight at the kill (stored, not yet marked done) may be
	// fetched again: at most one per worker.
	if refetched > 2 {
		t.Errorf("%d of %d pages stored before the kill were fetched again, want ≤ 2 (the in-flight ones)", refetched, len(reported))
	}
	if live, gone, _ := store.Count(); live != demoDocs() || gone != 0 {
		t.Errorf("store holds %d live, %d gone documents, want each of the %d articles and files once", live, gone, demoDocs())
	}
	frontier := 0
	store.ForEachKV("crawl/frontier", func(string, []byte) error { frontier++; return nil })
	if frontier != 0 {
		t.Errorf("%d URLs left in the frontier after the resumed run", frontier)
	}
	store.Close()

	total := func() (n int) {
		portal.mu.Lock()
		defer portal.mu.Unlock()
		for _, h := range portal.hits {
			n += h
		}
		return n
	}
	requests := total()
	out2, stderr, err := call(t, data, RunIndex, IndexOptions{Reextract: true, Config: cfg})
	want := fmt.Sprintf("reextract demo: %d records, 0 new, 0 changed, %d unchanged, 0 failed; files: %d read", demoDocs(), demoDocs(), len(demo.Files()))
	if err != nil || !strings.Contains(out2, want) {
		t.Errorf("index --reextract after the kill: %v, %q (want %q) %s", err, out2, want, stderr)
	}
	if n := total() - requests; n != 0 {
		t.Errorf("re-extraction made %d requests to the portal, want none", n)
	}
}

func TestProgressLines(t *testing.T) {
	got := progressLines([]siteFigures{{name: "binhduong", pages: 120, fresh: 3, changed: 1, errors: 2, bytes: 5e6}, {name: "chinhphu", pages: 60}}, 60*time.Second, 2)
	for _, want := range []string{"\x1b[2A", "binhduong", "120 pages", "2.0/s", "3 new", "2 errors", "5.0 MB", "chinhphu", "1.0/s"} {
		if !strings.Contains(got, want) {
			t.Errorf("progress lines %q lack %q", got, want)
		}
	}
	if strings.Count(got, "\n") != 2 {
		t.Errorf("progress lines %q: want one line per site", got)
	}
}
