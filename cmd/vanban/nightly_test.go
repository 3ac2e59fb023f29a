package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/demo"
	"github.com/vanban/vanban/indexer"
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
	start := time.Now()
	code, _, stderr := runCmd(t, "--data", data, "nightly", "--config", cfg)
	if code != 75 || !strings.Contains(stderr, "another nightly run") || time.Since(start) > 2*time.Second {
		t.Errorf("nightly while locked: exit %d after %v, %q; want 75 at once", code, time.Since(start), stderr)
	}
	l.unlock()

	code, _, stderr = runCmd(t, "--data", data, "nightly", "--config", cfg, "--report", report)
	rep := readReport(t, report)
	n := len(demo.Articles())
	if code != 0 || rep.Sites[0].New != n || rep.Indexed != n || rep.Documents != uint64(n) || rep.IndexBytes == 0 {
		t.Fatalf("first nightly: exit %d, %+v, %s", code, rep, stderr)
	}
	if !strings.Contains(stderr, "nightly: 1 sites") {
		t.Errorf("no one-line summary: %q", stderr)
	}
	code, _, _ = runCmd(t, "--data", data, "nightly", "--config", cfg, "--report", report)
	rep = readReport(t, report)
	if code != 0 || rep.Indexed != 0 || rep.Sites[0].NotModified < n*9/10 {
		t.Errorf("second nightly: exit %d, %+v", code, rep)
	}
	code, out, _ := runCmd(t, "--data", data, "status")
	if code != 0 || strings.Count(out, "nightly:") != 2 {
		t.Errorf("status: exit %d:\n%s", code, out)
	}
	code, out, _ = runCmd(t, "--data", data, "stats", "--json")
	var st stats
	if err := json.Unmarshal([]byte(out), &st); code != 0 || err != nil || st.Documents != uint64(n) || st.BySite["demo"] != n || st.ByType["Nghị quyết"] < 3 || st.LastCrawl == nil {
		t.Errorf("stats: exit %d %v: %s", code, err, out)
	}
	bad := filepath.Join(t.TempDir(), "bad.toml")
	os.WriteFile(bad, []byte("[[site]]\nname = 1\n"), 0o644)
	if code, _, _ := runCmd(t, "--data", data, "nightly", "--config", bad); code != 78 {
		t.Errorf("bad config: exit %d, want 78", code)
	}
}

// startServe runs `vanban serve` in-process and returns its base URL.
func startServe(t *testing.T, ctx context.Context, args ...string) (string, chan int, *syncBuffer) {
	t.Helper()
	var out, errb syncBuffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, append(args, "--addr", "127.0.0.1:0"), nil, &out, &errb) }()
	for i := 0; i < 300; i++ {
		if m := regexp.MustCompile(`http://[0-9.:]+`).FindString(out.String()); m != "" {
			return m, done, &errb
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited %d: %s", code, errb.String())
		default:
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("serve did not start: %s", errb.String())
	return "", nil, nil
}

// TestNightlyWhileServing runs a cron-style `vanban nightly` while `vanban
// serve` owns the data directory and a load generator keeps querying it:
// the job is handed to the server, no query fails, and the new pages are
// searchable afterwards.
func TestNightlyWhileServing(t *testing.T) {
	data, cfg := demoPortal(t)
	if code, _, stderr := runCmd(t, "--data", data, "crawl", "--config", cfg, "--max-pages", "12"); code != 0 {
		t.Fatalf("partial crawl: %d %s", code, stderr)
	}
	if code, _, stderr := runCmd(t, "--data", data, "index"); code != 0 {
		t.Fatalf("index: %d %s", code, stderr)
	}
	ctx, cancel := context.WithCancel(context.Background())
	base, done, _ := startServe(t, ctx, "--data", data, "serve")
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
	code, _, stderr := runCmd(t, "--data", data, "nightly", "--config", cfg, "--report", report)
	close(stop)
	wg.Wait()
	rep := readReport(t, report)
	if code != 0 || !rep.HandedToServ || rep.Indexed == 0 {
		t.Errorf("nightly during serve: exit %d, %+v, %s", code, rep, stderr)
	}
	if failed.Load() != 0 || ok.Load() < 20 {
		t.Errorf("queries during the nightly run: %d ok, %d failed", ok.Load(), failed.Load())
	}
	if after := count("tỉnh"); after <= before {
		t.Errorf("new pages not searchable after the run: %d hits before, %d after", before, after)
	}
	// A second nightly while the server runs one is refused with 75.
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("serve exit %d", code)
	}
	t.Logf("%d queries answered during the nightly run, %d failed", ok.Load(), failed.Load())
}

// TestNightlyKill9 kills a nightly run mid-crawl and checks that the next
// run completes with consistent counts and no duplicates.
func TestNightlyKill9(t *testing.T) {
	if portalURL := os.Getenv("VANBAN_NIGHTLY_CHILD"); portalURL != "" {
		code := run(context.Background(), []string{"--data", os.Getenv("VANBAN_NIGHTLY_DATA"), "nightly", "-v", "--config", os.Getenv("VANBAN_NIGHTLY_CONFIG")}, nil, os.Stdout, os.Stderr)
		os.Exit(code)
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
	cmd := exec.Command(os.Args[0], "-test.run=^TestNightlyKill9$")
	cmd.Env = append(os.Environ(), "VANBAN_NIGHTLY_CHILD="+portal.URL, "VANBAN_NIGHTLY_DATA="+data, "VANBAN_NIGHTLY_CONFIG="+cfg)
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var stored []string
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		var line struct {
			Msg   string `json:"msg"`
			DocID string `json:"doc_id"`
		}
		if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "stored" {
			stored = append(stored, line.DocID)
			if len(stored) == 15 {
				cmd.Process.Kill()
				break
			}
		}
	}
	cmd.Wait()
	if len(stored) < 15 {
		t.Fatalf("child stored only %d documents before exiting", len(stored))
	}
	code, _, errOut := runCmd(t, "--data", data, "nightly", "--config", cfg)
	if code != 0 {
		t.Fatalf("nightly after kill -9: exit %d: %s", code, errOut)
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
	want := len(demo.Articles())
	if live != want || gone != 0 || n != uint64(want) {
		t.Errorf("after kill -9 and rerun: %d stored, %d gone, %d indexed; want %d, 0, %d", live, gone, n, want, want)
	}
}

// TestForeignFiles puts damaged or foreign files where the store and the
// index live: every command fails with a message naming the file, never a
// panic, and the index can be rebuilt from the store.
func TestForeignFiles(t *testing.T) {
	data, cfg := demoPortal(t)
	if code, _, stderr := runCmd(t, "--data", data, "nightly", "--config", cfg); code != 0 {
		t.Fatalf("nightly: %d %s", code, stderr)
	}
	meta := filepath.Join(data, "index", "index_meta.json")
	if err := os.WriteFile(meta, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, "--data", data, "search", "nghị quyết")
	if code != 1 || !strings.Contains(stderr, filepath.Join(data, "index")) {
		t.Errorf("damaged index: exit %d, %q; want 1 naming the index", code, stderr)
	}
	if code, _, _ := runCmd(t, "--data", data, "index", "--compact"); code != 2 {
		t.Errorf("index --compact without --rebuild: exit %d, want 2 (usage)", code)
	}
	if code, out, stderr := runCmd(t, "--data", data, "index", "--rebuild", "--compact"); code != 0 || !strings.Contains(out, "indexed 53") {
		t.Fatalf("rebuild: exit %d %q %q", code, out, stderr)
	}
	if code, out, _ := runCmd(t, "--data", data, "search", "--json", "nghị quyết"); code != 0 || !strings.Contains(out, `"total":`) {
		t.Errorf("search after rebuild: exit %d %q", code, out)
	}
	store := filepath.Join(data, "store.db")
	if err := os.WriteFile(store, []byte("GIF89a not a database"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"index"}, {"nightly", "--config", cfg}, {"stats"}} {
		code, _, stderr := runCmd(t, append([]string{"--data", data}, args...)...)
		if code == 0 || !strings.Contains(stderr, "store.db") || strings.Contains(stderr, "panic") {
			t.Errorf("%v with a foreign store.db: exit %d, %q", args, code, stderr)
		}
	}
}

// TestServeScheduleAndAdmin checks the in-process schedule, the admin
// endpoint (absent without a token, 401 with a wrong one) and that status
// and stats answer through the server while it owns the data directory.
func TestServeScheduleAndAdmin(t *testing.T) {
	data, cfg := demoPortal(t)

	// The schedule: a job due in one second runs by itself.
	e := &env{data: data, stdout: &syncBuffer{}, stderr: &syncBuffer{}}
	s, err := openServer(e, cfg, "")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	now := time.Now()
	midnight := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	go s.schedule(ctx, now.Add(time.Second).Sub(midnight))
	var runs []nightlyReport
	for i := 0; i < 100 && len(runs) == 0; i++ {
		time.Sleep(100 * time.Millisecond)
		runs, _ = history(s.store)
	}
	cancel()
	if len(runs) != 1 || runs[0].Indexed != len(demo.Articles()) {
		t.Fatalf("scheduled job: %d runs: %+v", len(runs), runs)
	}
	s.close()

	// Without a token there is no admin endpoint.
	ctx, cancel = context.WithCancel(context.Background())
	base, done, _ := startServe(t, ctx, "--data", data, "serve", "--config", cfg)
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
	code, out, stderr := runCmd(t, "--data", data, "status")
	if code != 0 || !strings.Contains(out, "nightly:") {
		t.Errorf("status while serving: exit %d %q %q", code, out, stderr)
	}
	code, out, _ = runCmd(t, "--data", data, "stats", "--json")
	if code != 0 || !strings.Contains(out, `"documents":53`) {
		t.Errorf("stats while serving: exit %d %q", code, out)
	}
	cancel()
	<-done

	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	base, done, _ = startServe(t, ctx, "--data", data, "serve", "--config", cfg, "--admin-token", "s3cret")
	for _, tt := range []struct {
		method, auth string
		want         int
	}{
		{"POST", "", 401}, {"POST", "Bearer wrong", 401}, {"GET", "Bearer s3cret", 405}, {"POST", "Bearer s3cret", 200},
	} {
		req, _ := http.NewRequest(tt.method, base+"/admin/nightly", nil)
		if tt.auth != "" {
			req.Header.Set("Authorization", tt.auth)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var rep nightlyReport
		json.NewDecoder(res.Body).Decode(&rep)
		res.Body.Close()
		if res.StatusCode != tt.want {
			t.Errorf("%s /admin/nightly with %q: %d, want %d", tt.method, tt.auth, res.StatusCode, tt.want)
		}
		if tt.want == 200 && rep.Sites[0].NotModified < len(demo.Articles())*9/10 {
			t.Errorf("admin-triggered run: %+v", rep)
		}
	}
	cancel()
	<-done
}

// TestReadOnlyDataDir makes the data directory read-only for the user
// running vanban (as root, the commands run as nobody: root ignores file
// modes). Writing commands fail with a message naming the file; the index
// stays intact and searchable.
func TestReadOnlyDataDir(t *testing.T) {
	if args := os.Getenv("VANBAN_RO_CHILD"); args != "" {
		var out, errb strings.Builder
		code := run(context.Background(), strings.Split(args, "\x1f"), nil, &out, &errb)
		fmt.Printf("exit=%d\n%s\n%s", code, out.String(), errb.String())
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
	if code, _, stderr := runCmd(t, "--data", data, "nightly", "--config", cfgCopy); code != 0 {
		t.Fatalf("nightly: %d %s", code, stderr)
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
	vanban := func(args ...string) string {
		cmd := exec.Command(bin, "-test.run=^TestReadOnlyDataDir$")
		cmd.Env = append(os.Environ(), "VANBAN_RO_CHILD="+strings.Join(append([]string{"--data", data}, args...), "\x1f"))
		if os.Geteuid() == 0 {
			cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		}
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	for _, args := range [][]string{{"nightly", "--config", cfgCopy}, {"index", "--rebuild"}, {"crawl", "--config", cfgCopy}} {
		out := vanban(args...)
		t.Logf("%v → %s", args, strings.TrimSpace(out[strings.LastIndex(out, "exit="):]))
		if strings.Contains(out, "exit=0") || strings.Contains(out, "panic") || !strings.Contains(out, data) ||
			!(strings.Contains(out, "permission denied") || strings.Contains(out, "read-only")) {
			t.Errorf("%v on a read-only data dir:\n%s\nwant a failing exit and a clear error naming the file", args, out)
		}
	}
	out := vanban("search", "--json", "nghị quyết")
	if !strings.Contains(out, "exit=0") || !strings.Contains(out, `"total":`) {
		t.Errorf("search on the read-only data dir:\n%s", out)
	}
	ix, err := indexer.Open(indexer.DirFor(data), indexer.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("index after the failed writes: %v", err)
	}
	defer ix.Close()
	if n, _ := ix.DocCount(); n != uint64(len(demo.Articles())) {
		t.Errorf("index holds %d documents after the failed writes, want %d", n, len(demo.Articles()))
	}
}
