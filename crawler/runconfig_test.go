package crawler

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
)

// TestRunBelongsToItsConfig: a site's run in progress belongs to the
// configuration that began it. A test file with a site of the nightly's
// name (sites are keyed by name) neither resumes nor ends the nightly's
// run with its own patterns: its crawl of that site is refused, the run
// left as it was, and the nightly resumes it. The data directory's own
// configuration takes over a run another file began (the other's run
// discarded, a new run begun with its own patterns). A file by another
// path (a symlink) is the same configuration.
func TestRunBelongsToItsConfig(t *testing.T) {
	dir := t.TempDir()
	nightly := filepath.Join(dir, "sites.toml")
	other := filepath.Join(dir, "thu-nghiem.toml")
	link := filepath.Join(dir, "current.toml")
	for _, f := range []string{nightly, other} {
		if err := os.WriteFile(f, []byte("# [[site]] cổng thông tin điện tử tỉnh\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(nightly, link); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name          string
		first, second string // the configurations of the stopped run and of the next crawl
		refused       bool   // the second crawl refuses the site
		resumed       bool   // the second crawl (or, refused, the nightly's after it) resumes the first run
	}{
		{"the nightly again", nightly, nightly, false, true},
		{"the nightly by a symlink", nightly, link, false, true},
		{"a test file meets the nightly's run", nightly, other, true, true},
		{"the nightly meets a test file's run", other, nightly, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			portal := newTestSite()
			srv := httptest.NewServer(portal)
			defer srv.Close()
			store := openStore(t)
			site := testSiteConfig(t, srv.URL)
			site.Concurrency = 1
			// the test file's site of the same name: other patterns
			narrow := testSiteConfig(t, srv.URL)
			narrow.Article = []string{`/tin-tuc/2024/05/1-`}
			if err := narrow.compile(); err != nil {
				t.Fatal(err)
			}
			sites := map[string]*Site{nightly: site, link: site, other: narrow}
			var endID string // the run that ended, read before its end
			crawler := func(cfg string) *Crawler {
				c := New(store, Options{Config: cfg, Policy: Policy{Timeout: testPageTimeout, Retries: 2, BackoffBase: 10 * time.Millisecond, MaxRetryAfter: 2 * time.Second, MaxBytes: 1 << 20}})
				c.beforeEnd = func() { endID = runIDOf(t, store) }
				return c
			}
			// the nightly's file is the data directory's own
			if _, err := PruneDropped(context.Background(), store, []*Site{site}, time.Now(), PruneOptions{Config: nightly}); err != nil {
				t.Fatal(err)
			}
			rep, err := crawler(tc.first).Crawl(context.Background(), sites[tc.first], Limits{MaxPages: 3})
			if err != nil || rep.Pending == 0 {
				t.Fatalf("first crawl: %v, %d pending", err, rep.Pending)
			}
			firstID := runIDOf(t, store)
			frontier := countNS(t, store, nsFrontier)

			rep, err = crawler(tc.second).Crawl(context.Background(), sites[tc.second], Limits{})
			if refused := err != nil; refused != tc.refused {
				t.Fatalf("second crawl: %v (refused %v, want %v)", err, refused, tc.refused)
			}
			if tc.refused {
				if !strings.Contains(err.Error(), tc.first) || !strings.Contains(err.Error(), tc.second) {
					t.Errorf("the refusal names neither configuration: %v", err)
				}
				if id, n := runIDOf(t, store), countNS(t, store, nsFrontier); id != firstID || n != frontier || rep.Fetched+rep.NotModified != 0 {
					t.Fatalf("refused, yet the run changed: run %q → %q, frontier %d → %d, %d pages read", firstID, id, frontier, n, rep.Fetched+rep.NotModified)
				}
				// the nightly resumes its own run
				if rep, err = crawler(tc.first).Crawl(context.Background(), sites[tc.first], Limits{}); err != nil {
					t.Fatal(err)
				}
			}
			if rep.Pending != 0 {
				t.Fatalf("the run did not finish: %d pending", rep.Pending)
			}
			if v, _ := store.GetKV(nsRun, site.Name); v != nil {
				t.Fatalf("the run did not end: %q", v)
			}
			if resumed := endID == firstID; resumed != tc.resumed {
				t.Errorf("ended the first run %v, want %v (ended %q, first %q)", resumed, tc.resumed, endID, firstID)
			}
		})
	}
}

// runIDOf is the ID of the test site's run in progress.
func runIDOf(t *testing.T, store *corpus.Store) string {
	t.Helper()
	v, err := store.GetKV(nsRun, "test")
	if err != nil {
		t.Fatal(err)
	}
	id, _, _ := strings.Cut(string(v), "\n")
	return id
}

// countNS counts the records of ns.
func countNS(t *testing.T, store *corpus.Store, ns string) int {
	t.Helper()
	n := 0
	if err := store.ForEachKV(ns, func(string, []byte) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	return n
}
