package crawler

import (
	"context"
	"errors"
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

// TestLegacyRunIsTheDirectorys: a run recorded before runs named their
// configuration (the ID alone) is the data directory's own file's when
// the directory has one — the nightly began it — so a test file meeting
// it is refused (not resuming the nightly's multi-night run with its own
// patterns and then naming it its own, which would make the nightly
// discard it), and the nightly, meeting it, resumes it. In a directory
// with no file of its own the run is any file's.
func TestLegacyRunIsTheDirectorys(t *testing.T) {
	dir := t.TempDir()
	nightly := filepath.Join(dir, "sites.toml")
	other := filepath.Join(dir, "thu-nghiem.toml")
	for _, f := range []string{nightly, other} {
		if err := os.WriteFile(f, []byte("# [[site]] sở tư pháp tỉnh\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name    string
		home    string // the directory's own file ("": none)
		second  string // the configuration meeting the old run
		refused bool
	}{
		{"the nightly meets its old run", nightly, nightly, false},
		{"a test file meets the nightly's old run", nightly, other, true},
		{"a directory of no file: any file resumes it", "", other, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			portal := newTestSite()
			srv := httptest.NewServer(portal)
			defer srv.Close()
			store := openStore(t)
			site := testSiteConfig(t, srv.URL)
			site.Concurrency = 1
			var endID string
			crawler := func(cfg string) *Crawler {
				c := New(store, Options{Config: cfg, Policy: Policy{Timeout: testPageTimeout, Retries: 2, BackoffBase: 10 * time.Millisecond, MaxRetryAfter: 2 * time.Second, MaxBytes: 1 << 20}})
				c.beforeEnd = func() { endID = runIDOf(t, store) }
				return c
			}
			if tc.home != "" {
				if _, err := PruneDropped(context.Background(), store, []*Site{site}, time.Now(), PruneOptions{Config: tc.home}); err != nil {
					t.Fatal(err)
				}
			}
			// a run stopped by an older binary: the record is its ID alone
			if _, err := crawler(nightly).Crawl(context.Background(), site, Limits{MaxPages: 3}); err != nil {
				t.Fatal(err)
			}
			firstID := runIDOf(t, store)
			if err := store.PutKV(nsRun, site.Name, []byte(firstID)); err != nil {
				t.Fatal(err)
			}
			frontier := countNS(t, store, nsFrontier)

			rep, err := crawler(tc.second).Crawl(context.Background(), site, Limits{})
			if refused := errors.Is(err, ErrOtherRun); refused != tc.refused || (err != nil && !refused) {
				t.Fatalf("crawl of %s: %v (refused %v, want %v)", filepath.Base(tc.second), err, refused, tc.refused)
			}
			if tc.refused {
				if v, _ := store.GetKV(nsRun, site.Name); string(v) != firstID || countNS(t, store, nsFrontier) != frontier {
					t.Fatalf("refused, yet the run changed: %q (was %q)", v, firstID)
				}
				if rep, err = crawler(nightly).Crawl(context.Background(), site, Limits{}); err != nil {
					t.Fatal(err)
				}
			}
			if rep.Pending != 0 || endID != firstID {
				t.Errorf("the old run was not resumed to its end: %d pending, ended %q, first %q", rep.Pending, endID, firstID)
			}
		})
	}
}
