package app

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/search"
	"github.com/vanban/vanban/tasks"
)

// cliData is a data directory ingested from testdata/cliserve.jsonl
// (written for these tests): a provincial resolution, the plan implementing
// it, a letter implementing the plan, and a decision replaced by another.
func cliData(t *testing.T) string {
	t.Helper()
	data := t.TempDir()
	if _, stderr, err := call(t, data, RunIngest, IngestOptions{Files: []string{"testdata/cliserve.jsonl"}}); err != nil {
		t.Fatalf("ingest: %v %s", err, stderr)
	}
	return data
}

// readCase is one read command; server is its --server ("": found or
// none).
type readCase struct {
	name string
	run  func(ctx context.Context, e *Env, server string) error
}

func readCases() []readCase {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	srch := func(o SearchOptions) func(context.Context, *Env, string) error {
		return func(ctx context.Context, e *Env, server string) error { o.Server = server; return RunSearch(ctx, e, o) }
	}
	refs := func(o RefsOptions) func(context.Context, *Env, string) error {
		return func(ctx context.Context, e *Env, server string) error { o.Server = server; return RunRefs(ctx, e, o) }
	}
	links := func(o LinksOptions) func(context.Context, *Env, string) error {
		return func(ctx context.Context, e *Env, server string) error { o.Server = server; return RunLinks(ctx, e, o) }
	}
	tsk := func(o TasksOptions) func(context.Context, *Env, string) error {
		return func(ctx context.Context, e *Env, server string) error { o.Server = server; return RunTasks(ctx, e, o) }
	}
	return []readCase{
		{"search", srch(SearchOptions{Query: "giao thong nong thon", Limit: 10})},
		{"search json", srch(SearchOptions{Query: "giao thông nông thôn", Limit: 2, JSON: true})},
		{"search filters", srch(SearchOptions{Query: "quản lý bến xe", Limit: 10, Filters: search.Filters{Type: "Quyết định", From: day("2025-01-01"), To: day("2025-12-31"), InForce: true}})},
		{"search number", srch(SearchOptions{Query: "qd 05/2024", Limit: 5})},
		{"search profile", srch(SearchOptions{Query: "bảo trì đường", Limit: 3, Profile: "exam"})},
		{"search refused", srch(SearchOptions{Query: "-giao", Limit: 3})},
		{"refs number", refs(RefsOptions{Arg: "05/2024/QĐ-UBND"})},
		{"refs number json", refs(RefsOptions{Arg: "05/2024/QĐ-UBND", JSON: true})},
		{"refs partly", refs(RefsOptions{Arg: "qđ 21"})},
		{"refs bare", refs(RefsOptions{Arg: "88"})},
		{"refs doc", refs(RefsOptions{Arg: "van-ban/ubnd/qd-21-2025.md"})},
		{"refs doc json", refs(RefsOptions{Arg: "van-ban/ubnd/kh-88-2025.md", JSON: true})},
		{"refs none", refs(RefsOptions{Arg: "nq 99"})},
		{"links plan", links(LinksOptions{Arg: "kh 88"})},
		{"links plan json", links(LinksOptions{Arg: "88/KH-UBND", JSON: true})},
		{"links resolution", links(LinksOptions{Arg: "31/2025/NQ-HĐND"})},
		{"links resolution json", links(LinksOptions{Arg: "van-ban/hdnd/nq-31-2025.md", JSON: true})},
		{"links none", links(LinksOptions{Arg: "9999"})},
		{"tasks", tsk(TasksOptions{})},
		{"tasks json", tsk(TasksOptions{JSON: true, Filter: tasks.Filter{Agency: "so xay dung", Partners: true}})},
		{"tasks csv", tsk(TasksOptions{CSV: true})},
		{"tasks csv limit", tsk(TasksOptions{CSV: true, Limit: 2, Filter: tasks.Filter{Sort: tasks.SortPlan}})},
		{"tasks bare parent", tsk(TasksOptions{Filter: tasks.Filter{Parent: "31", Passage: "Đ2.3", Best: true}})},
		{"tasks page", tsk(TasksOptions{Filter: tasks.Filter{Offset: 1, Limit: 2, From: "2025-01-01", To: "2026-12-31", Kind: "date"}})},
		{"tasks bad filter", tsk(TasksOptions{Filter: tasks.Filter{From: "30/6/2026"}})},
	}
}

// timing is what differs between two runs of the same search.
var timing = regexp.MustCompile(`\([0-9.]+ ms\)|"took_ms":[0-9.e+-]+`)

// runRead runs a case and returns what it printed and its error's text.
func runRead(t *testing.T, data, server string, c readCase) string {
	t.Helper()
	var out, errb strings.Builder
	err := c.run(context.Background(), &Env{Data: data, Stdout: &out, Stderr: &errb}, server)
	s := timing.ReplaceAllString(out.String(), "(T)") + "\n--- stderr\n" + errb.String()
	if err != nil {
		s += "\n--- error\n" + err.Error()
		if !plain(err) {
			t.Errorf("%s: %v is classified (exit 75 or 78); want a plain failure", c.name, err)
		}
	}
	return s
}

// TestReadCommandsBesideServe: while `vanban serve` holds the data
// directory, search, refs, links and tasks print what they print when they
// read the directory themselves (text, --json, --csv, stderr notes, the
// same errors), whether they find the server by its address file or are
// given --server; the write commands still refuse, naming the server; the
// address file goes with the server. They refused with "store is in use"
// (audit i20-audit, defect 19).
func TestReadCommandsBesideServe(t *testing.T) {
	data := cliData(t)
	cases := readCases()
	direct := map[string]string{}
	for _, c := range cases {
		direct[c.name] = runRead(t, data, "", c)
	}
	for _, want := range []string{"2. Kế hoạch số 88/KH-UBND", "Đã bị thay thế bởi 21/2025/QĐ-UBND", "II.3      → 31/2025/NQ-HĐND Đ2.3", "1204/UBND-KT"} {
		found := false
		for _, out := range direct {
			found = found || strings.Contains(out, want)
		}
		if !found {
			t.Fatalf("no command printed %q: the collection does not show what it was written for", want)
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base, done, _ := startServe(t, ctx, data, ServeOptions{})
	var sf serveFile
	if b, err := os.ReadFile(serveFilePath(data)); err != nil {
		t.Fatalf("serve publishes no address: %v", err)
	} else if err := json.Unmarshal(b, &sf); err != nil || strings.TrimSuffix(sf.URL, "/") != base || sf.PID != os.Getpid() || sf.Instance == "" {
		t.Fatalf("address file %s (%v); want url %s/, pid %d, an instance", b, err, base, os.Getpid())
	}
	for _, server := range []string{"", base, base + "/"} {
		for _, c := range cases {
			if got := runRead(t, data, server, c); got != direct[c.name] {
				t.Errorf("%s beside serve (--server %q) printed\n%s\nreading the directory it printed\n%s", c.name, server, got, direct[c.name])
			}
		}
	}

	// the write commands refuse, naming the server and what to do
	_, _, err := call(t, data, RunIngest, IngestOptions{Files: []string{"testdata/cliserve.jsonl"}})
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "held by `vanban serve`: the server at "+base) || !strings.Contains(err.Error(), "vanban nightly") {
		t.Errorf("ingest beside serve: %v; want ErrLocked naming the server at %s and `vanban nightly`", err, base)
	}
	_, _, err = call(t, data, RunIndex, IndexOptions{})
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), base) {
		t.Errorf("index beside serve: %v; want ErrLocked naming the server", err)
	}

	cancel()
	if err := <-done; err != nil {
		t.Fatalf("serve: %v", err)
	}
	if _, err := os.Stat(serveFilePath(data)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the address file outlives a clean shutdown: %v", err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(data, ".serve-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary address files left: %v", leftovers)
	}
}

// BenchmarkReadCommand: what asking the server costs a read command beside
// reading the directory itself (the collection of cliData; the server a
// real handler on a loopback listener; the address file's check included).
func BenchmarkReadCommand(b *testing.B) {
	data := b.TempDir()
	if _, stderr, err := call(b, data, RunIngest, IngestOptions{Files: []string{"testdata/cliserve.jsonl"}}); err != nil {
		b.Fatalf("ingest: %v %s", err, stderr)
	}
	cmds := []readCase{
		{"refs", func(ctx context.Context, e *Env, server string) error {
			return RunRefs(ctx, e, RefsOptions{Arg: "qđ 21", Server: server})
		}},
		{"tasks", func(ctx context.Context, e *Env, server string) error {
			return RunTasks(ctx, e, TasksOptions{Filter: tasks.Filter{Parent: "31"}, Server: server})
		}},
	}
	run := func(b *testing.B, c readCase) {
		e := &Env{Data: data, Stdout: io.Discard, Stderr: io.Discard}
		for b.Loop() {
			if err := c.run(context.Background(), e, ""); err != nil {
				b.Fatal(err)
			}
		}
	}
	for _, c := range cmds {
		b.Run("direct/"+c.name, func(b *testing.B) { run(b, c) })
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var out, errb syncBuffer
	go func() {
		done <- RunServe(ctx, &Env{Data: data, Stdout: &out, Stderr: &errb}, ServeOptions{Addr: "127.0.0.1:0"})
	}()
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(10 * time.Millisecond) {
		if _, err := os.Stat(serveFilePath(data)); err == nil {
			break
		}
		if time.Now().After(deadline) {
			b.Fatalf("serve did not start: %s", errb.String())
		}
	}
	for _, c := range cmds {
		b.Run("served/"+c.name, func(b *testing.B) { run(b, c) })
	}
	cancel()
	<-done
}
