package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/internal/childproc"
	"github.com/vanban/vanban/tasks"
)

// writeServeFile writes an address file as a server would.
func writeServeFile(t *testing.T, data string, sf serveFile) {
	t.Helper()
	b, _ := json.Marshal(sf)
	if err := os.WriteFile(serveFilePath(data), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// gonePID is the id of a process that has exited.
func gonePID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if _, err := childproc.Output(cmd); err != nil { // bound like every program a test runs
		t.Skipf("no `true` to run: %v", err)
	}
	return cmd.ProcessState.Pid()
}

// TestStaleServeFile: an address file whose server is gone (killed: its
// process gone; its address closed; another server on the port; the file
// torn) is told stale. While nothing holds the directory the commands read
// it as if no file were there; while something does, the error names the
// file, why it is stale and what to do (exit 75).
func TestStaleServeFile(t *testing.T) {
	data := cliData(t)
	refs := readCase{"refs", func(ctx context.Context, e *Env, server string) error {
		return RunRefs(ctx, e, RefsOptions{Arg: "qđ 21", Server: server})
	}}
	want := runRead(t, data, "", refs)

	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, `{"instance":"another"}`)
	}))
	defer other.Close()
	tests := []struct {
		name string
		file string // the address file
		why  string
	}{
		{"process gone", mustJSON(serveFile{PID: gonePID(t), URL: closed.URL + "/", Instance: "a1"}), "which is not running"},
		{"address closed", mustJSON(serveFile{PID: os.Getpid(), URL: closed.URL + "/", Instance: "a1"}), "which does not answer"},
		{"another server", mustJSON(serveFile{PID: os.Getpid(), URL: other.URL + "/", Instance: "a1"}), "where another server answers"},
		{"torn", `{"pid": 12, "url": "http://127.0.0.1:80`, "unreadable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := os.WriteFile(serveFilePath(data), []byte(tt.file), 0o644); err != nil {
				t.Fatal(err)
			}
			if got := runRead(t, data, "", refs); got != want {
				t.Errorf("with a stale address file, refs printed\n%s\nwant\n%s", got, want)
			}
			// another process (no server) holds the directory
			held, err := corpus.OpenStore(data, false, time.Second)
			if err != nil {
				t.Fatal(err)
			}
			defer held.Close()
			var out strings.Builder
			err = refs.run(context.Background(), &Env{Data: data, Stdout: &out, Stderr: &out}, "")
			if !errors.Is(err, ErrLocked) {
				t.Fatalf("refs on a held directory with a stale address file: %v; want ErrLocked", err)
			}
			for _, w := range []string{serveFilePath(data) + " is stale", tt.why, "remove it if no `vanban serve` runs", "--server URL"} {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
	os.Remove(serveFilePath(data))
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// dying serves the real server's answer (real: a `vanban serve` handler)
// but breaks it as a server killed in the middle would, per mode:
// "before" closes the connection before answering, "cut" sends half of the
// answer and closes, "untrailed" sends the whole body without its
// closing trailer (an export that stopped).
func dying(t *testing.T, real http.Handler, mode string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := httptest.NewRecorder()
		real.ServeHTTP(rec, r)
		body := rec.Body.Bytes()
		if mode == "untrailed" {
			for k, v := range rec.Header() {
				w.Header()[k] = v
			}
			w.Header().Del("Trailer")
			w.WriteHeader(rec.Code)
			w.Write(body)
			return
		}
		conn, buf, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		if mode == "before" {
			return
		}
		fmt.Fprintf(buf, "HTTP/1.1 %d OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n", rec.Code, rec.Header().Get("Content-Type"), len(body))
		buf.Write(body[:len(body)/2])
		buf.Flush()
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestServerDiesMidAnswer: a server that stops answering, or stops in the
// middle of an answer, is an error naming it (a plain failure), never a
// short output taken for a whole one.
func TestServerDiesMidAnswer(t *testing.T) {
	data := cliData(t)
	s, err := openServer(context.Background(), &Env{Data: data, Stdout: new(strings.Builder), Stderr: new(strings.Builder)}, "", "", DefaultRequestTimeout)
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	cases := []readCase{
		{"refs json", func(ctx context.Context, e *Env, server string) error {
			return RunRefs(ctx, e, RefsOptions{Arg: "van-ban/ubnd/kh-88-2025.md", JSON: true, Server: server})
		}},
		{"tasks csv", func(ctx context.Context, e *Env, server string) error {
			return RunTasks(ctx, e, TasksOptions{CSV: true, Filter: tasks.Filter{Agency: "sở xây dựng"}, Server: server})
		}},
	}
	for _, tt := range []struct{ mode, want string }{
		{"before", "does not answer"},
		{"cut", "stopped in the middle of its answer"},
		{"untrailed", "ended short"},
	} {
		base := dying(t, s.publicHandler(), tt.mode)
		for _, c := range cases {
			if tt.mode == "untrailed" && c.name != "tasks csv" {
				continue // a JSON answer is whole or fails to decode
			}
			var out strings.Builder
			err := c.run(context.Background(), &Env{Data: data, Stdout: &out, Stderr: &out}, base)
			if err == nil || !plain(err) || !strings.Contains(err.Error(), "the server at "+base) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%s, server %s: %v; want a plain error naming the server and %q", c.name, tt.mode, err, tt.want)
			}
		}
	}
}

// deadlines is a client transport that records the deadline of each
// request's context as the request leaves (by URL path; the zero time for
// a request without one), then sends it on a real transport.
type deadlines struct {
	mu   sync.Mutex
	seen map[string][]sent
	rt   *http.Transport
}

// sent is a request's deadline and the time it left.
type sent struct{ deadline, at time.Time }

func (s sent) String() string {
	if s.deadline.IsZero() {
		return "no deadline"
	}
	return fmt.Sprintf("deadline %s after it left", s.deadline.Sub(s.at))
}

func newDeadlines(t *testing.T) *deadlines {
	d := &deadlines{seen: map[string][]sent{}, rt: &http.Transport{}}
	t.Cleanup(d.rt.CloseIdleConnections)
	return d
}

// RoundTrip records req's deadline and sends it. A request without one
// gets a minute, a hang guard: asking a server that never answers, it is
// what a missed context would otherwise wait for, and the test's check of
// the recorded deadline names it.
func (d *deadlines) RoundTrip(req *http.Request) (*http.Response, error) {
	dl, ok := req.Context().Deadline()
	d.mu.Lock()
	d.seen[req.URL.Path] = append(d.seen[req.URL.Path], sent{dl, time.Now()})
	d.mu.Unlock()
	if ok {
		return d.rt.RoundTrip(req)
	}
	ctx, cancel := context.WithTimeout(req.Context(), time.Minute)
	res, err := d.rt.RoundTrip(req.WithContext(ctx))
	if err != nil {
		cancel()
		return nil, err
	}
	res.Body = cancelBody{res.Body, cancel}
	return res, nil
}

// cancelBody ends its request's context when it is closed.
type cancelBody struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b cancelBody) Close() error {
	defer b.cancel()
	return b.ReadCloser.Close()
}

// take returns the requests recorded for path and forgets them.
func (d *deadlines) take(path string) []sent {
	d.mu.Lock()
	defer d.mu.Unlock()
	got := d.seen[path]
	delete(d.seen, path)
	return got
}

// TestReadCommandsContext: a command asking a server stops when its
// context ends (Ctrl-C), before or during the request; the server's own
// time limit is a 503 the command reports. A server that takes the
// request and never answers shows what bounds the wait: the deadline of
// the request's context, recorded as the request leaves (deadlines), is
// the command's own, and findServer's check of an address file's server
// has pingWait at most, whatever the caller's context.
func TestReadCommandsContext(t *testing.T) {
	data := cliData(t)
	sent := newDeadlines(t)
	refs := func(ctx context.Context, server string) error {
		var out strings.Builder
		return RunRefs(ctx, &Env{Data: data, Stdout: &out, Stderr: &out, ServerTransport: sent}, RefsOptions{Arg: "88", Server: server})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := refs(ctx, ""); !errors.Is(err, context.Canceled) {
		t.Errorf("refs with its context cancelled, reading the directory: %v", err)
	}

	// a server that takes the request and never answers
	release := make(chan struct{})
	hung := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer hung.Close()
	defer close(release)
	if err := refs(ctx, hung.URL); !errors.Is(err, context.Canceled) {
		t.Errorf("refs with its context cancelled, asking a server: %v", err)
	}
	sent.take("/api/cli/refs")
	ctx, cancel = context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if err := refs(ctx, hung.URL); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("refs asking a server that never answers: %v; want the context's deadline", err)
	}
	want, _ := ctx.Deadline()
	if got := sent.take("/api/cli/refs"); len(got) != 1 || !got[0].deadline.Equal(want) {
		t.Errorf("refs asked the server %v; want one request with its context's deadline", got)
	}
	// the same through the address file: findServer's check is bounded by
	// pingWait, with no deadline of the caller's: its deadline is pingWait
	// after a time between the call's start and the request's leaving
	writeServeFile(t, data, serveFile{PID: os.Getpid(), URL: hung.URL + "/", Instance: "x"})
	defer os.Remove(serveFilePath(data))
	start := time.Now()
	if err := refs(context.Background(), ""); err != nil {
		t.Errorf("refs beside an address file naming a hung server, the directory free: %v", err)
	}
	if got := sent.take("/api/cli"); len(got) != 1 || got[0].deadline.Before(start.Add(pingWait)) || got[0].deadline.After(got[0].at.Add(pingWait)) {
		t.Errorf("findServer's check asked %v; want one request, its deadline pingWait (%s) after a time from the call's start to its sending",
			got, pingWait)
	}
	// and within a caller's nearer deadline, that one
	ctx, cancel = context.WithTimeout(context.Background(), pingWait/4)
	defer cancel()
	if _, err := findServer(ctx, &Env{Data: data, ServerTransport: sent}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("findServer within %s, its server hung: %v; want the context's deadline", pingWait/4, err)
	}
	want, _ = ctx.Deadline()
	if got := sent.take("/api/cli"); len(got) != 1 || !got[0].deadline.Equal(want) {
		t.Errorf("findServer within its caller's deadline asked %v; want one request with that deadline", got)
	}

	// the server's time for an answer runs out: 503, reported
	s, err := openServer(context.Background(), &Env{Data: data, Stdout: new(strings.Builder), Stderr: new(strings.Builder)}, "", "", time.Nanosecond)
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	srv := httptest.NewServer(s.publicHandler())
	defer srv.Close()
	var out strings.Builder
	err = RunSearch(context.Background(), &Env{Data: data, Stdout: &out, Stderr: &out}, SearchOptions{Query: "giao thông", Limit: 5, Server: srv.URL})
	if err == nil || !strings.Contains(err.Error(), "ran out of time") || !strings.Contains(err.Error(), srv.URL) {
		t.Errorf("search on a server out of time: %v (%s); want its 503 reported", err, out.String())
	}
}
