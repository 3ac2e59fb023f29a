package app

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/demo"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/internal/childtest"
)

func readReport(t *testing.T, path string) nightlyReport {
	t.Helper()
	var r nightlyReport
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("report %s: %v", b, err)
	}
	return r
}

func TestNightlyInProcessAndLock(t *testing.T) {
	data, cfg := demoPortal(t)
	report := filepath.Join(t.TempDir(), "nightly.json")

	// A held lock (another nightly) → exit 75 at once.
	os.MkdirAll(data, 0o755)
	l, err := tryLock(nightlyLockPath(data))
	if err != nil {
		t.Fatal(err)
	}
	// "At once" is the lock's try (LOCK_NB), taken before any work: the
	// run comes back ErrLocked having written nothing beside the lock
	// file. A wait on the lock (a blocking flock) has no sign but never
	// returning while this test holds it, so a generous hang guard alone
	// is kept for it — not a wall bound on a loaded machine.
	done := make(chan error, 1)
	go func() {
		_, _, err := call(t, data, RunNightly, NightlyOptions{SitesOptions: SitesOptions{Config: cfg}})
		done <- err
	}()
	select {
	case err = <-done:
	case <-time.After(time.Minute):
		t.Fatal("nightly while locked: still waiting after a minute; want ErrLocked at once")
	}
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "another nightly run") {
		t.Errorf("nightly while locked: %v; want ErrLocked at once", err)
	}
	if ents, err := os.ReadDir(data); err != nil || len(ents) != 1 || filepath.Join(data, ents[0].Name()) != nightlyLockPath(data) {
		t.Errorf("nightly while locked left %v (%v) in the data directory; want only the lock file, nothing done before the lock", ents, err)
	}
	l.unlock()

	_, stderr, err := call(t, data, RunNightly, NightlyOptions{SitesOptions: SitesOptions{Config: cfg}, Report: report})
	rep := readReport(t, report)
	n := demoDocs()
	if err != nil || rep.Sites[0].New != n || rep.Indexed != n || rep.Documents != uint64(n) || rep.IndexBytes == 0 {
		t.Fatalf("first nightly: %v, %+v, %s", err, rep, stderr)
	}
	if !strings.Contains(stderr, "nightly: 1 sites") {
		t.Errorf("no one-line summary: %q", stderr)
	}
	_, _, err = call(t, data, RunNightly, NightlyOptions{SitesOptions: SitesOptions{Config: cfg}, Report: report})
	rep = readReport(t, report)
	if err != nil || rep.Indexed != 0 || rep.Sites[0].NotModified < n*9/10 {
		t.Errorf("second nightly: %v, %+v", err, rep)
	}
	out, _, err := call(t, data, RunStatus, StatusOptions{N: 10})
	if err != nil || strings.Count(out, "nightly:") != 2 || strings.Count(out, "  exit 0  ") != 2 {
		t.Errorf("status: %v:\n%s", err, out)
	}
	if out, _, err := call(t, data, RunStatus, StatusOptions{N: 1, JSON: true}); err != nil || !strings.HasPrefix(out, "[{") || strings.Count(out, `"started"`) != 1 {
		t.Errorf("status --json --n 1: %v:\n%s", err, out)
	}
	out, _, err = call(t, data, RunStats, StatsOptions{JSON: true})
	var st stats
	if jerr := json.Unmarshal([]byte(out), &st); err != nil || jerr != nil || st.Documents != uint64(n) || st.BySite["demo"] != n || st.ByType["Nghị quyết"] < 3 || st.LastCrawl == nil {
		t.Errorf("stats: %v %v: %s", err, jerr, out)
	}
	out, _, err = call(t, data, RunStats, StatsOptions{})
	if err != nil || !strings.HasPrefix(out, fmt.Sprintf("documents  %d indexed, %d stored, 0 gone\n", n, n)) || !strings.Contains(out, fmt.Sprintf("by site:\n  %6d  demo\n", n)) {
		t.Errorf("stats as text: %v:\n%s", err, out)
	}
	bad := filepath.Join(t.TempDir(), "bad.toml")
	os.WriteFile(bad, []byte("[[site]]\nname = 1\n"), 0o644)
	if _, _, err := call(t, data, RunNightly, NightlyOptions{SitesOptions: SitesOptions{Config: bad}}); !errors.Is(err, ErrBadConfig) {
		t.Errorf("bad config: %v, want ErrBadConfig", err)
	}
}

// TestNightlyWhileServing runs a cron-style `vanban nightly` while `vanban
// serve` owns the data directory and a load generator keeps querying it:
// the job is handed to the server, no query fails, and the new pages are
// searchable afterwards.
func TestNightlyWhileServing(t *testing.T) {
	data, cfg := demoPortal(t)
	if _, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}, MaxPages: 12}); err != nil {
		t.Fatalf("partial crawl: %v %s", err, stderr)
	}
	if _, stderr, err := call(t, data, RunIndex, IndexOptions{}); err != nil {
		t.Fatalf("index: %v %s", err, stderr)
	}
	ctx, cancel := context.WithCancel(context.Background())
	base, done, _ := startServe(t, ctx, data, ServeOptions{})
	count := func(q string) int {
		res, err := http.Get(base + "/api/search?size=100&q=" + url.QueryEscape(q))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var r struct{ Total int }
		json.NewDecoder(res.Body).Decode(&r)
		return r.Total
	}
	before := count("tỉnh")

	var ok, failed atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	queries := []string{"nghị quyết", "ke hoach trien khai", "154/NQ-CP", "chuyển đổi số", "tỉnh"}
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				res, err := http.Get(base + "/api/search?q=" + url.QueryEscape(queries[(w+i)%len(queries)]))
				if err != nil || res.StatusCode != 200 {
					failed.Add(1)
				} else {
					ok.Add(1)
				}
				if res != nil {
					res.Body.Close()
				}
			}
		}()
	}
	report := filepath.Join(t.TempDir(), "nightly.json")
	_, stderr, err := call(t, data, RunNightly, NightlyOptions{SitesOptions: SitesOptions{Config: cfg}, Report: report})
	close(stop)
	wg.Wait()
	rep := readReport(t, report)
	if err != nil || !rep.HandedToServ || rep.Indexed == 0 {
		t.Errorf("nightly during serve: %v, %+v, %s", err, rep, stderr)
	}
	if failed.Load() != 0 || ok.Load() < 20 {
		t.Errorf("queries during the nightly run: %d ok, %d failed", ok.Load(), failed.Load())
	}
	if after := count("tỉnh"); after <= before {
		t.Errorf("new pages not searchable after the run: %d hits before, %d after", before, after)
	}
	// --prune is handed to the server with the job: a copy of the sites
	// file ages nothing without it, and becomes the directory's with it.
	copied := filepath.Join(t.TempDir(), "sites.toml")
	if raw, err := os.ReadFile(cfg); err != nil || os.WriteFile(copied, raw, 0o644) != nil {
		t.Fatal(err)
	}
	for _, prune := range []bool{false, true} {
		report := filepath.Join(t.TempDir(), "nightly.json")
		_, stderr, err := call(t, data, RunNightly, NightlyOptions{SitesOptions: SitesOptions{Config: copied, Prune: prune}, Report: report})
		rep := readReport(t, report)
		if want := map[bool]string{false: cfg, true: ""}[prune]; err != nil || !rep.HandedToServ || rep.Dropped.Other != want {
			t.Errorf("a copy of the sites file, --prune %v, handed to the server: %v, the directory's %q, want %q\n%s", prune, err, rep.Dropped.Other, want, stderr)
		}
	}
	// A second nightly while the server runs one is refused with 75.
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve: %v", err)
	}
	t.Logf("%d queries answered during the nightly run, %d failed", ok.Load(), failed.Load())
}

// TestNightlyKill9 kills a nightly run mid-crawl and checks that the next
// run completes with consistent counts and no duplicates.
func TestNightlyKill9(t *testing.T) {
	if childtest.In(t, "") {
		err := RunNightly(context.Background(), &Env{Data: os.Getenv("VANBAN_NIGHTLY_DATA"), Stdout: os.Stdout, Stderr: os.Stderr},
			NightlyOptions{SitesOptions: SitesOptions{Config: os.Getenv("VANBAN_NIGHTLY_CONFIG")}, Verbose: true})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	if testing.Short() {
		t.Skip("subprocess test skipped in -short mode")
	}
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(15 * time.Millisecond)
		demo.Handler().ServeHTTP(w, r)
	})
	portal := httptest.NewServer(slow)
	defer portal.Close()
	data := t.TempDir()
	cfg := writeDemoConfig(t, portal.URL)
	child := childtest.Start(t, "", "VANBAN_NIGHTLY_DATA="+data, "VANBAN_NIGHTLY_CONFIG="+cfg)
	var stored []string
	sc := bufio.NewScanner(child.Out)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var line struct {
			Msg   string `json:"msg"`
			DocID string `json:"doc_id"`
		}
		if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "stored" {
			stored = append(stored, line.DocID)
			if len(stored) == 15 {
				child.Kill()
				break
			}
		}
	}
	child.Wait()
	if len(stored) < 15 {
		t.Fatalf("child stored only %d documents before exiting", len(stored))
	}
	if _, errOut, err := call(t, data, RunNightly, NightlyOptions{SitesOptions: SitesOptions{Config: cfg}}); err != nil {
		t.Fatalf("nightly after kill -9: %v: %s", err, errOut)
	}
	store, err := corpus.OpenStore(data, true, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	live, gone, _ := store.Count()
	for _, id := range stored {
		if _, err := store.Get(id); err != nil {
			t.Errorf("document reported stored before the kill is lost: %v", err)
		}
	}
	store.Close()
	ix, err := indexer.Open(indexer.DirFor(data), indexer.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("index after kill -9: %v", err)
	}
	defer ix.Close()
	n, _ := ix.DocCount()
	want := demoDocs()
	if live != want || gone != 0 || n != uint64(want) {
		t.Errorf("after kill -9 and rerun: %d stored, %d gone, %d indexed; want %d, 0, %d", live, gone, n, want, want)
	}
}

// TestForeignFiles puts damaged or foreign files where the store and the
// index live: every command fails with a message naming the file, never a
// panic, and the index can be rebuilt from the store.
func TestForeignFiles(t *testing.T) {
	data, cfg := demoPortal(t)
	if _, stderr, err := call(t, data, RunNightly, NightlyOptions{SitesOptions: SitesOptions{Config: cfg}}); err != nil {
		t.Fatalf("nightly: %v %s", err, stderr)
	}
	meta := filepath.Join(data, "index", "index_meta.json")
	if err := os.WriteFile(meta, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := call(t, data, RunSearch, SearchOptions{Query: "nghị quyết", Limit: 10})
	if !plain(err) || !strings.Contains(err.Error(), filepath.Join(data, "index")) {
		t.Errorf("damaged index: %v; want a plain error naming the index", err)
	}
	if out, stderr, err := call(t, data, RunIndex, IndexOptions{Rebuild: true, Compact: true}); err != nil || !strings.Contains(out, fmt.Sprintf("indexed %d,", demoDocs())) {
		t.Fatalf("rebuild: %v %q %q", err, out, stderr)
	}
	if out, _, err := call(t, data, RunSearch, SearchOptions{Query: "nghị quyết", Limit: 10, JSON: true}); err != nil || !strings.Contains(out, `"total":`) {
		t.Errorf("search after rebuild: %v %q", err, out)
	}
	store := filepath.Join(data, "store.db")
	if err := os.WriteFile(store, []byte("GIF89a not a database"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, run := range map[string]func() (string, string, error){
		"index": func() (string, string, error) { return call(t, data, RunIndex, IndexOptions{}) },
		"nightly": func() (string, string, error) {
			return call(t, data, RunNightly, NightlyOptions{SitesOptions: SitesOptions{Config: cfg}})
		},
		"stats": func() (string, string, error) { return call(t, data, RunStats, StatsOptions{}) },
	} {
		_, stderr, err := run()
		if err == nil || !strings.Contains(err.Error(), "store.db") || strings.Contains(stderr, "panic") {
			t.Errorf("%s with a foreign store.db: %v, %q", name, err, stderr)
		}
	}
}

// TestServeScheduleAndAdmin checks the in-process schedule, that the admin
// endpoint is absent without a token (admin_test.go has the rest) and that
// status and stats answer through the server while it owns the data
// directory.
func TestServeScheduleAndAdmin(t *testing.T) {
	data, cfg := demoPortal(t)

	// The schedule: a job due in one second runs by itself. The schedule's
	// clock reads 11:59:59 when it starts and runs on from there (with
	// the wall clock, a goroutine started over a second late on a busy
	// machine found the time past and waited for the next day; a test
	// run just before midnight did too).
	e := &Env{Data: data, Stdout: &syncBuffer{}, Stderr: &syncBuffer{}}
	s, err := openServer(context.Background(), e, cfg, "", DefaultRequestTimeout)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var started time.Time
	s.now = func() time.Time { // called by the schedule's goroutine only
		if started.IsZero() {
			started = time.Now()
		}
		return time.Date(2025, 3, 12, 11, 59, 59, 0, time.UTC).Add(time.Since(started))
	}
	go s.schedule(ctx, 12*time.Hour)
	var runs []nightlyReport
	// until the job ends: 2 min at most (a crawl of the portal takes a few
	// seconds, over 10 under the race detector on a busy machine)
	for i := 0; i < 1200 && len(runs) == 0; i++ {
		time.Sleep(100 * time.Millisecond)
		runs, _ = history(s.store)
	}
	cancel()
	if len(runs) != 1 || runs[0].Indexed != demoDocs() {
		t.Fatalf("scheduled job: %d runs: %+v", len(runs), runs)
	}
	s.close()

	// Without a token there is no admin endpoint (none from the
	// environment either: a machine that sets one would fail the test).
	t.Setenv("VANBAN_ADMIN_TOKEN", "")
	ctx, cancel = context.WithCancel(context.Background())
	base, done, _ := startServe(t, ctx, data, ServeOptions{Config: cfg})
	res, err := http.Post(base+"/admin/nightly", "application/json", nil)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("admin without a configured token: %d, want 404", res.StatusCode)
	}
	// /metrics reports the last crawl of the history.
	if res, err := http.Get(base + "/metrics"); err != nil {
		t.Fatal(err)
	} else {
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if !strings.Contains(string(b), "vanban_last_crawl_timestamp_seconds") {
			t.Errorf("/metrics has no last crawl gauge")
		}
	}
	// status and stats answer through the server.
	out, stderr, err := call(t, data, RunStatus, StatusOptions{N: 10})
	if err != nil || !strings.Contains(out, "nightly:") {
		t.Errorf("status while serving: %v %q %q", err, out, stderr)
	}
	out, _, err = call(t, data, RunStats, StatsOptions{JSON: true})
	if err != nil || !strings.Contains(out, fmt.Sprintf(`"documents":%d`, demoDocs())) {
		t.Errorf("stats while serving: %v %q", err, out)
	}
	cancel()
	<-done
}

// TestReadOnlyDataDir makes the data directory read-only for the user
// running vanban (as root, the commands run as nobody: root ignores file
// modes). Writing commands fail with a message naming the file; the index
// stays intact and searchable.
func TestReadOnlyDataDir(t *testing.T) {
	if name := os.Getenv("VANBAN_RO_CHILD"); name != "" {
		var out, errb strings.Builder
		e := &Env{Data: os.Getenv("VANBAN_RO_DATA"), Stdout: &out, Stderr: &errb}
		cfg, ctx := os.Getenv("VANBAN_RO_CONFIG"), context.Background()
		var err error
		switch name {
		case "nightly":
			err = RunNightly(ctx, e, NightlyOptions{SitesOptions: SitesOptions{Config: cfg}})
		case "index --rebuild":
			err = RunIndex(ctx, e, IndexOptions{Rebuild: true})
		case "crawl":
			err = RunCrawl(ctx, e, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}})
		case "search":
			err = RunSearch(ctx, e, SearchOptions{Query: "nghị quyết", JSON: true, Limit: 10})
		default:
			err = fmt.Errorf("unknown command %q", name)
		}
		fmt.Printf("err=%v\n%s\n%s", err, out.String(), errb.String())
		os.Exit(0)
	}
	if testing.Short() {
		t.Skip("subprocess test skipped in -short mode")
	}
	portal := httptest.NewServer(demo.Handler())
	defer portal.Close()
	root, err := os.MkdirTemp("", "vanban-ro-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(root)
	data := filepath.Join(root, "data")
	cfg := writeDemoConfig(t, portal.URL)
	cfgCopy := filepath.Join(root, "sites.toml")
	b, _ := os.ReadFile(cfg)
	os.WriteFile(cfgCopy, b, 0o644)
	if _, stderr, err := call(t, data, RunNightly, NightlyOptions{SitesOptions: SitesOptions{Config: cfgCopy}}); err != nil {
		t.Fatalf("nightly: %v %s", err, stderr)
	}
	// A vanban binary anyone may run: the test binary itself.
	self, _ := os.ReadFile(os.Args[0])
	bin := filepath.Join(root, "vanban.test")
	if err := os.WriteFile(bin, self, 0o755); err != nil {
		t.Fatal(err)
	}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil {
			if d.IsDir() {
				os.Chmod(p, 0o555)
			} else if p != bin {
				os.Chmod(p, 0o444)
			}
		}
		return nil
	})
	os.Chmod(root, 0o755)
	defer filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil {
			os.Chmod(p, 0o755)
		}
		return nil
	})
	vanban := func(name string) string {
		cmd := exec.Command(bin, "-test.run=^TestReadOnlyDataDir$")
		cmd.Env = append(os.Environ(), "VANBAN_RO_CHILD="+name, "VANBAN_RO_DATA="+data, "VANBAN_RO_CONFIG="+cfgCopy)
		if os.Geteuid() == 0 {
			asNobody(cmd)
		}
		out, err := childtest.Output(t, cmd)
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
		return string(out)
	}
	for _, name := range []string{"nightly", "index --rebuild", "crawl"} {
		out := vanban(name)
		t.Logf("%s → %s", name, strings.TrimSpace(out[strings.LastIndex(out, "err="):]))
		if strings.Contains(out, "err=<nil>") || strings.Contains(out, "panic") || !strings.Contains(out, data) ||
			!(strings.Contains(out, "permission denied") || strings.Contains(out, "read-only")) {
			t.Errorf("%s on a read-only data dir:\n%s\nwant an error naming the file", name, out)
		}
	}
	out := vanban("search")
	if !strings.Contains(out, "err=<nil>") || !strings.Contains(out, `"total":`) {
		t.Errorf("search on the read-only data dir:\n%s", out)
	}
	ix, err := indexer.Open(indexer.DirFor(data), indexer.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("index after the failed writes: %v", err)
	}
	defer ix.Close()
	if n, _ := ix.DocCount(); n != uint64(demoDocs()) {
		t.Errorf("index holds %d documents after the failed writes, want %d", n, demoDocs())
	}
}
