package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler/filetext/filetexttest"
	"github.com/vanban/vanban/demo"
	"github.com/vanban/vanban/search"
)

// runCmd runs the vanban CLI in-process with buffers.
func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runStdin(t, "", args...)
}

func runStdin(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// siteConfig is a sites file with one site, "demo", crawling base.
func siteConfig(t *testing.T, base string) string {
	return writeFile(t, "sites.toml", fmt.Sprintf(`[[site]]
name = "demo"
start = [%q]
allow = ['^%s/']
delay = "0s"
`, base+"/", regexp.QuoteMeta(base)))
}

// TestExitCodes checks every exit code (0 help, 1 failure, 2 usage, 75 data
// directory in use, 78 bad config) and that the error is printed, named by
// the command.
func TestExitCodes(t *testing.T) {
	data := t.TempDir()
	bad := writeFile(t, "bad.toml", "[[site]]\nname = \"x\"\nstart = [\"http://127.0.0.1:1/\"]\nallow = [\"(unclosed\"]\n")
	good := siteConfig(t, "http://127.0.0.1:1")

	// Another nightly run holds the lock.
	nightlyHeld := t.TempDir()
	holdLock(t, filepath.Join(nightlyHeld, "nightly.lock"))
	// Another process holds the store (a writer; no server to ask).
	storeHeld := t.TempDir()
	store, err := corpus.OpenStore(storeHeld, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()

	tests := []struct {
		args   []string
		code   int
		stderr string // a substring of stderr
	}{
		{[]string{"help"}, 0, ""},
		{[]string{"--help"}, 0, ""},
		{[]string{"search", "--help"}, 0, "Usage: vanban search"},
		{[]string{}, 2, "Usage: vanban"},
		{[]string{"nosuchcommand"}, 2, `unknown command "nosuchcommand"`},
		{[]string{"--nosuchflag", "search"}, 2, "flag provided but not defined"},
		{[]string{"search"}, 2, "Usage: vanban search"},
		{[]string{"search", "a", "-bogus"}, 2, "flag provided but not defined"},
		{[]string{"--data", data, "search", "x"}, 1, "vanban search: "},
		{[]string{"--data", data, "search", "--to", "31/12/2024", "x"}, 1, "YYYY-MM-DD"},
		{[]string{"--data", data, "crawl"}, 2, "Usage: vanban crawl"},
		{[]string{"--data", data, "crawl", "--config", bad}, 78, "vanban crawl: " + bad + ":4"},
		{[]string{"--data", data, "crawl", "--config", good, "--site", "nosuch"}, 78, `no site "nosuch"`},
		{[]string{"--data", data, "nightly"}, 2, "Usage: vanban nightly"},
		{[]string{"--data", data, "nightly", "--config", bad}, 78, "bad.toml:4"},
		{[]string{"--data", nightlyHeld, "nightly", "--config", good}, 75, "vanban nightly: another nightly run is in progress"},
		{[]string{"--data", storeHeld, "status"}, 75, "is another vanban running on " + storeHeld},
		{[]string{"--data", storeHeld, "refs", "154/NQ-CP"}, 75, "no `vanban serve` has published its address there"},
		{[]string{"--server", "http://127.0.0.1:1/", "ingest", "x.jsonl"}, 2, "--server is for search, refs, links and tasks, not ingest"},
		{[]string{"refs", "--server", "ftp://x", "154/NQ-CP"}, 1, "want the server's URL"},
		{[]string{"--server", "http://127.0.0.1:1/", "refs", "154/NQ-CP"}, 1, "the server at http://127.0.0.1:1/ does not answer"},
		{[]string{"search", "--server", "http://127.0.0.1:1/", "--bench", "q.jsonl"}, 1, "cannot ask a server"},
		{[]string{"search", "--server", "http://127.0.0.1:1/", "nghị quyết"}, 1, "the server at http://127.0.0.1:1/ does not answer"},
		{[]string{"links", "45", "--server", "http://127.0.0.1:1/"}, 1, "the server at http://127.0.0.1:1/ does not answer"},
		{[]string{"tasks", "--csv", "--server", "http://127.0.0.1:1/"}, 1, "the server at http://127.0.0.1:1/ does not answer"},
		{[]string{"--data", data, "index", "--compact"}, 2, "Usage: vanban index"},
		{[]string{"--data", data, "index", "--reextract"}, 2, "Usage: vanban index"},
		{[]string{"--data", data, "index", "--reextract", "--config", bad}, 78, "bad.toml:4"},
		{[]string{"ingest"}, 2, "Usage: vanban ingest"},
		{[]string{"ingest", "--batch-mb", "0", "x.jsonl"}, 2, "Usage: vanban ingest"},
		{[]string{"--data", data, "ingest", "--compact", "--no-compact", "x.jsonl"}, 1, "contradict"},
		{[]string{"refs"}, 2, "Usage: vanban refs"},
		{[]string{"refs", "--parse", "a", "b"}, 2, "Usage: vanban refs"},
		{[]string{"links"}, 2, "Usage: vanban links"},
		{[]string{"eval", "--corpus", "c"}, 2, "Usage: vanban eval"},
		{[]string{"eval", "--variant", "bogus"}, 2, `unknown --variant "bogus"`},
		{[]string{"eval", "--by", "colour"}, 2, `unknown --by "colour"`},
		{[]string{"eval", "--profile", "lucene"}, 2, `unknown --profile "lucene" (exam)`},
		{[]string{"search", "--profile", "lucene", "thư viện"}, 2, `unknown --profile "lucene" (exam)`},
		{[]string{"serve", "--nightly", "25:00", "--config", good}, 2, "HH:MM"},
		{[]string{"serve", "--nightly", "02:00"}, 2, "needs --config"},
		{[]string{"--data", data, "serve", "--config", bad}, 78, "bad.toml:4"},
		{[]string{"extract", "--date-order", "ymd"}, 2, "--date-order must be dmy or mdy"},
		{[]string{"extract", "a.html", "b.html"}, 2, "Usage: vanban extract"},
	}
	for _, tt := range tests {
		code, _, stderr := runCmd(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.stderr) || strings.Contains(stderr, "panic") {
			t.Errorf("vanban %q: exit %d, stderr %q; want %d with %q", tt.args, code, stderr, tt.code, tt.stderr)
		}
	}
}

// TestCommands runs every command once through the command line: each flag
// given here must reach the command (the commands themselves are tested in
// internal/app).
func TestCommands(t *testing.T) {
	data := t.TempDir()
	jsonl := writeFile(t, "corpus.jsonl", `{"_id":"d1","title":"Nghị quyết số 154/NQ-CP","text":"Về phát triển kinh tế - xã hội năm 2023.","number":"154/NQ-CP","type":"Nghị quyết","published":"2022-11-23"}
{"_id":"d2","title":"Kế hoạch triển khai","text":"Triển khai Nghị quyết số 154/NQ-CP ngày 23/11/2022 về phát triển kinh tế.","type":"Kế hoạch","published":"2019-01-02"}
{"_id":"d3","title":"Tin thể thao","text":"Giải bóng đá thiếu niên phát triển.","published":"2023-03-04"}
`)
	queries := writeFile(t, "queries.jsonl", `{"_id":"q1","text":"phát triển kinh tế"}`+"\n")
	qrels := writeFile(t, "qrels.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\n")
	hits := func(out string) (ids []string) {
		var res search.Result
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatalf("search JSON: %v: %s", err, out)
		}
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		return ids
	}
	tests := []struct {
		args  []string
		stdin string
		check func(out string) bool
	}{
		{[]string{"ingest", "--batch-mb", "0.0001", "--parallel", "2", "--mem-limit", "0", "--compact", jsonl},
			"", func(out string) bool {
				return strings.HasPrefix(out, "ingested 3 docs (3 new, 0 changed, 0 unchanged)")
			}},
		{[]string{"index", "--rebuild", "--compact", "--mem-limit", "0"},
			"", func(out string) bool { return strings.HasPrefix(out, "indexed 3, removed 0 documents") }},
		{[]string{"search", "--json", "--limit", "1", "phát", "triển"},
			"", func(out string) bool { return len(hits(out)) == 1 }},
		{[]string{"search", "--json", "--type", "Kế hoạch", "phát triển"},
			"", func(out string) bool { return strings.Join(hits(out), " ") == "d2" }},
		{[]string{"search", "--json", "--from", "2020-01-01", "--to", "2022-12-31", "phát triển"},
			"", func(out string) bool { return strings.Join(hits(out), " ") == "d1" }},
		{[]string{"search", "--json", "--", "phát", "triển", "-bóng", "-kế"},
			"", func(out string) bool { return strings.Join(hits(out), " ") == "d1" }},
		{[]string{"search", "phát triển"},
			"", func(out string) bool { return strings.Contains(out, "1. ") && strings.Contains(out, "[") }},
		{[]string{"search", "--bench", queries, "--passes", "1", "--facets", "--exhaustive"},
			"", func(out string) bool { return strings.HasPrefix(out, "1 queries × 1 passes on 3 documents: p50 ") }},
		{[]string{"refs", "--json", "154/NQ-CP"},
			"", func(out string) bool {
				return strings.Contains(out, `"lookup_key": "154/nq-cp"`) && strings.Contains(out, `"id": "d2"`)
			}},
		{[]string{"refs", "--parse", "-"}, "Theo Kế hoạch 45/KH-UBND.",
			func(out string) bool { return strings.Contains(out, `"key": "45/KH-UBND"`) }},
		{[]string{"links", "--json", "154/NQ-CP"},
			"", func(out string) bool { return strings.Contains(out, `"number": "154/NQ-CP"`) }},
		{[]string{"status", "--n", "5"},
			"", func(out string) bool { return out == "no nightly runs yet\n" }},
		{[]string{"stats", "--json"},
			"", func(out string) bool { return strings.Contains(out, `"documents":3,"stored":3`) }},
		{[]string{"eval", "--corpus", jsonl, "--queries", queries, "--qrels", qrels, "--json", "--variant", "all", "--run", filepath.Join(t.TempDir(), "run.trec")},
			"", func(out string) bool { return strings.Count(out, `{"variant":`) == 4 }},
		{[]string{"eval", "--corpus", jsonl, "--queries", queries, "--qrels", qrels, "--by", "marks"},
			"", func(out string) bool { return strings.Contains(out, "marks  queries  nDCG@10") }},
	}
	for _, tt := range tests {
		code, out, stderr := runStdin(t, tt.stdin, append([]string{"--data", data}, tt.args...)...)
		if code != 0 || !tt.check(out) {
			t.Errorf("vanban %q: exit %d, stdout:\n%s\nstderr: %s", tt.args, code, out, stderr)
		}
	}
	// The data directory can also follow the command's own flags.
	if code, out, _ := runCmd(t, "stats", "--data", data); code != 0 || !strings.Contains(out, "documents  3 indexed") {
		t.Errorf("vanban stats --data: exit %d, %q", code, out)
	}
}

// TestCrawlCommands runs crawl, nightly and serve through the command line
// against the embedded portal.
func TestCrawlCommands(t *testing.T) {
	portal := httptest.NewServer(demo.Handler())
	defer portal.Close()
	data, cfg := t.TempDir(), siteConfig(t, portal.URL)
	report := filepath.Join(t.TempDir(), "report.json")
	code, _, stderr := runCmd(t, "--data", data, "crawl", "--config", cfg, "--site", "demo", "--max-pages", "3", "--deadline", "1m", "--report", report, "-v")
	var rep struct {
		Sites []struct{ Fetched, Pending int }
	}
	b, _ := os.ReadFile(report)
	if code != 0 || json.Unmarshal(b, &rep) != nil || len(rep.Sites) != 1 || rep.Sites[0].Fetched != 3 || rep.Sites[0].Pending == 0 ||
		!strings.Contains(stderr, `"msg":"stored"`) {
		t.Fatalf("crawl --max-pages 3: exit %d, report %s, stderr %s", code, b, stderr)
	}
	code, _, stderr = runCmd(t, "--data", data, "nightly", "--config", cfg, "--deadline", "1m", "--report", report)
	if b, _ := os.ReadFile(report); code != 0 || !strings.Contains(string(b), `"indexed"`) {
		t.Fatalf("nightly: exit %d, report %s, stderr %s", code, b, stderr)
	}
	if code, out, _ := runCmd(t, "--data", data, "status", "--json", "--n", "1"); code != 0 || strings.Count(out, `"started"`) != 1 {
		t.Errorf("status --json --n 1: exit %d, %s", code, out)
	}

	ctx, cancel := context.WithCancel(context.Background())
	base, done := startCLI(t, ctx, "serving on ", "--data", data, "serve", "--addr", "127.0.0.1:0", "--config", cfg, "--nightly", "23:59", "--admin-token", "s3cret")
	res, err := http.Post(base+"/admin/nightly", "application/json", nil)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusUnauthorized { // 404 without --admin-token
		t.Errorf("POST /admin/nightly without the token: %d, want 401", res.StatusCode)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("serve: exit %d", code)
	}
}

// TestDemo runs the README's first command: the embedded portal crawled,
// indexed and searched, in a temporary data directory.
//
// Words of each attached file are found in that file, on its page: the
// text PDF, the DOCX, the TCVN3 DOC and, outside -short (OCR takes about
// 10 s), the scanned PDF.
func TestDemo(t *testing.T) {
	filetexttest.RequireTools(t, "pdfinfo", "pdftotext", "antiword")
	if !testing.Short() {
		filetexttest.RequireOCR(t)
	}
	t.Setenv("VANBAN_DATA", "")
	ctx, cancel := context.WithCancel(context.Background())
	args := []string{"demo", "--addr", "127.0.0.1:0"}
	if testing.Short() {
		args = append(args, "--no-ocr")
	}
	base, done := startCLI(t, ctx, "Open ", args...)
	get := func(q string) search.Result {
		t.Helper()
		res, err := http.Get(base + "/api/search?" + url.Values{"q": {q}}.Encode())
		if err != nil {
			t.Fatal(err)
		}
		var r search.Result
		json.NewDecoder(res.Body).Decode(&r)
		res.Body.Close()
		return r
	}
	if r := get("nghi quyet"); len(r.Hits) == 0 {
		t.Errorf("demo search: no hits")
	}
	for _, tt := range []struct{ file, kind, query string }{
		{"45-KH-UBND.pdf", "pdf", "Quán triệt đầy đủ quan điểm, mục tiêu của Nghị quyết số 57-NQ/TW đến cán bộ, công chức"},
		{"236-KH-UBND.docx", "docx", "phân công rõ cơ quan chủ trì, thời hạn hoàn thành và sản phẩm đầu ra"},
		{"612-QD-UBND.doc", "doc", "Quy chế tuyển sinh trung học cơ sở và tuyển sinh trung học phổ thông"},
		{"1579-QD-UBND.pdf", "pdf", "quản lý, kết nối và chia sẻ dữ liệu số của cơ quan nhà nước"},
	} {
		if testing.Short() && tt.file == "1579-QD-UBND.pdf" {
			continue
		}
		r := get(tt.query)
		found := false
		for _, h := range r.Hits[:min(3, len(r.Hits))] {
			found = found || strings.HasSuffix(h.URL, "/"+tt.file) && h.File == tt.kind && h.Page > 0 && strings.Contains(h.Snippet, "<mark>")
		}
		if !found {
			t.Errorf("%q: the file %s is not among the first 3 hits, with its page: %+v", tt.query, tt.file, r.Hits)
		}
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("demo: exit %d", code)
	}

	ctx, cancel = context.WithCancel(context.Background())
	base, done = startCLI(t, ctx, "demo portal: ", "demo", "--portal", "127.0.0.1:0")
	// the body closed: left open, its connection's read and write loops
	// outlived the test (internal/leaktest, docs/log/i28-tests.md)
	if res, err := http.Get(base + "/"); err != nil {
		t.Errorf("demo --portal: %v", err)
	} else {
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Errorf("demo --portal: %s", res.Status)
		}
	}
	cancel()
	<-done
}

// startCLI runs a serving command until ctx is done and returns the base
// URL of the first stdout line that starts with ready ("serving on",
// "Open", "demo portal:"), and the channel of its exit code.
func startCLI(t *testing.T, ctx context.Context, ready string, args ...string) (string, chan int) {
	t.Helper()
	ctx, stop := context.WithCancel(ctx)
	// A command that never prints ready is stopped shortly before the test
	// binary's own deadline (-timeout), so a hang fails with the command's
	// stderr instead of a goroutine dump; no wall-clock bound of our own
	// (a loaded machine's `demo` with OCR may take minutes to be ready).
	timer := time.AfterFunc(time.Duration(1<<62), stop)
	if d, ok := t.Deadline(); ok {
		timer.Reset(time.Until(d) - 30*time.Second)
	}
	pr, pw := io.Pipe()
	var errb bytes.Buffer
	done := make(chan int, 1)
	go func() {
		code := run(ctx, args, strings.NewReader(""), pw, &errb)
		pw.Close()
		done <- code
	}()
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), ready); ok {
			timer.Stop()
			go io.Copy(io.Discard, pr)
			t.Cleanup(stop)
			return regexp.MustCompile(`http://[0-9.:]+`).FindString(rest), done
		}
	}
	code := <-done
	t.Fatalf("vanban %q exited %d before printing %q: %s", args, code, ready, errb.String())
	return "", nil
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
