package testcheck

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestRepository checks this repository's tests: none changes the test
// process's file size limit, umask, working directory, environment or
// signal handling outside a child process of its own (or says why it is
// safe where it stands).
func TestRepository(t *testing.T) {
	root := filepath.Join("..", "..")
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("repository root not found from the package directory: %v", err)
	}
	found, err := Tests(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range found {
		t.Error(f)
	}
}

// TestChecker writes small test files to a temporary directory and proves
// the check finds each kind of call and passes the scoped and marked ones.
func TestChecker(t *testing.T) {
	tests := []struct {
		name string
		file string
		want []string // Line: Call
	}{
		{
			name: "scoped and child-process forms pass",
			file: `package p

import (
	"os"
	"runtime"
	"syscall"
	"testing"
)

func TestScoped(t *testing.T) {
	t.Setenv("VANBAN_DATA", t.TempDir())
	t.Chdir(t.TempDir())
	_ = os.Getenv("CI")
	_ = runtime.GOMAXPROCS(0)
	var lim syscall.Rlimit
	// process-wide: this runs only in the child process TestScoped starts
	syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim)
	syscall.Umask(0o22) // process-wide: in a child process of its own
}
`,
		},
		{
			name: "every kind found, renamed imports too",
			file: `package p

import (
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	sys "syscall"
	"testing"

	"golang.org/x/sys/unix"
)

func TestGlobal(t *testing.T) {
	os.Setenv("TZ", "Asia/Ho_Chi_Minh")
	os.Unsetenv("CI")
	os.Chdir("testdata")
	var lim sys.Rlimit
	sys.Setrlimit(sys.RLIMIT_FSIZE, &lim)
	sys.Umask(0)
	unix.Setrlimit(unix.RLIMIT_NOFILE, nil)
	signal.Notify(make(chan os.Signal, 1), os.Interrupt)
	runtime.GOMAXPROCS(1)
	debug.SetMaxThreads(20)
	// a comment that does not say why
	os.Clearenv()
}
`,
			want: []string{"15: os.Setenv", "16: os.Unsetenv", "17: os.Chdir", "19: sys.Setrlimit", "20: sys.Umask",
				"21: unix.Setrlimit", "22: signal.Notify", "23: runtime.GOMAXPROCS", "24: debug.SetMaxThreads", "26: os.Clearenv"},
		},
		{
			name: "a local identifier named os is not the package",
			file: `package p

import "testing"

type env struct{}

func (env) Setenv(k, v string) {}

func TestLocal(t *testing.T) {
	var os env
	os.Setenv("A", "b")
}
`,
		},
		{
			name: "a function value or a dot import is the call all the same",
			file: `package p

import (
	. "os"
	"runtime"
	"testing"
)

var unset = Unsetenv

func TestValues(t *testing.T) {
	set := Setenv
	set("TZ", "Asia/Ho_Chi_Minh")
	t.Cleanup(func() { unset("TZ") })
	for _, f := range []func(string) error{Chdir} {
		f(t.TempDir())
	}
	procs := runtime.GOMAXPROCS
	procs(1)
	Clearenv()
}

type shell struct{ Chdir string }

func (shell) Setenv(k, v string) {}

func TestScopedDot(t *testing.T) {
	t.Setenv("TZ", "Asia/Ho_Chi_Minh")
	_ = shell{Chdir: t.TempDir()}
	_ = runtime.GOMAXPROCS(0)
}
`,
			want: []string{"9: Unsetenv", "12: Setenv", "15: Chdir", "18: runtime.GOMAXPROCS", "20: Clearenv"},
		},
		{
			name: "syscall and x/sys/unix checked alike",
			file: `package p

import (
	"os"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

func TestSys(t *testing.T) {
	syscall.Setenv("LANG", "vi_VN.UTF-8")
	unix.Setenv("LANG", "vi_VN.UTF-8")
	syscall.Unsetenv("LANG")
	unix.Unsetenv("LANG")
	syscall.Fchdir(3)
	unix.Fchdir(3)
	syscall.Dup2(4, 1)
	unix.Dup3(4, 2, 0)
	unix.Prlimit(0, unix.RLIMIT_FSIZE, nil, nil)
	f, _ := os.Open(t.TempDir())
	f.Chdir()
}
`,
			want: []string{"12: syscall.Setenv", "13: unix.Setenv", "14: syscall.Unsetenv", "15: unix.Unsetenv",
				"16: syscall.Fchdir", "17: unix.Fchdir", "18: syscall.Dup2", "19: unix.Dup3", "20: unix.Prlimit", "22: f.Chdir"},
		},
		{
			name: "raw system calls and the namespace and prctl calls",
			file: `package p

import (
	"syscall"
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"
)

func TestRaw(t *testing.T) {
	lim := syscall.Rlimit{Cur: 1 << 20, Max: 1 << 20}
	syscall.Syscall(syscall.SYS_SETRLIMIT, syscall.RLIMIT_FSIZE, uintptr(unsafe.Pointer(&lim)), 0)
	syscall.RawSyscall(syscall.SYS_UMASK, 0, 0, 0)
	unix.Syscall6(unix.SYS_PRLIMIT64, 0, 1, 0, 0, 0, 0)
	unix.RawSyscall(unix.SYS_CHDIR, 0, 0, 0)
	unix.Prctl(unix.PR_SET_DUMPABLE, 0, 0, 0, 0)
	unix.Unshare(unix.CLONE_NEWNS)
	syscall.Unshare(syscall.CLONE_FS)
	unix.Setns(3, unix.CLONE_NEWNET)
	_ = syscall.SYS_SETRLIMIT
}
`,
			want: []string{"13: syscall.Syscall", "14: syscall.RawSyscall", "15: unix.Syscall6", "16: unix.RawSyscall",
				"17: unix.Prctl", "18: unix.Unshare", "19: syscall.Unshare", "20: unix.Setns"},
		},
		{
			name: "writes to the process's standard files and the default HTTP client",
			file: `package p

import (
	"bytes"
	"net/http"
	nethttp "net/http"
	"os"
	"testing"
	"time"
)

type env struct{ Stdout *os.File }

func swap(f **os.File) {}

func TestWrites(t *testing.T) {
	r, w, _ := os.Pipe()
	os.Stdout = w
	old := os.Stderr
	os.Stderr, os.Stdin = w, r
	defer func() { os.Stderr = old }()
	swap(&os.Stdout)
	http.DefaultClient = &http.Client{Timeout: time.Second}
	http.DefaultClient.Timeout = time.Second
	nethttp.DefaultTransport = &http.Transport{}
	http.DefaultTransport.(*http.Transport).MaxIdleConns = 1
	*http.DefaultClient = http.Client{}
	var e env
	e.Stdout = w
	out := os.Stdout
	_ = out
	var buf bytes.Buffer
	_ = http.Client{Transport: http.DefaultTransport}
	_ = buf
}
`,
			want: []string{"18: os.Stdout", "20: os.Stderr", "20: os.Stdin", "21: os.Stderr", "22: os.Stdout", "23: http.DefaultClient",
				"24: http.DefaultClient", "25: nethttp.DefaultTransport", "26: http.DefaultTransport", "27: http.DefaultClient"},
		},
		{
			name: "written through a local that holds it, by a method that changes it, or on the default mux",
			file: `package p

import (
	"fmt"
	"net/http"
	"os"
	"testing"
	"time"
)

func TestAliases(t *testing.T) {
	c := http.DefaultClient
	c.Timeout = time.Second
	tr := http.DefaultTransport.(*http.Transport)
	tr.MaxIdleConns = 1
	var mux = http.DefaultServeMux
	mux.HandleFunc("/van-ban", nil)
	http.DefaultServeMux.Handle("/nghi-quyet", nil)
	http.HandleFunc("/ke-hoach", nil)
	h := http.DefaultServeMux.HandleFunc
	h("/quyet-dinh", nil)
	os.Stdout.Close()
	f := os.Stderr
	*f = os.File{}
	c = &http.Client{}
	c.Timeout = time.Second
	out := os.Stdout
	fmt.Fprintln(out, "Kế hoạch số 45/KH-UBND")
	res, _ := http.DefaultClient.Get("http://127.0.0.1/")
	_ = res
	cl := *http.DefaultClient
	cl.Timeout = time.Second
}
`,
			want: []string{"13: http.DefaultClient", "15: http.DefaultTransport", "17: http.DefaultServeMux.HandleFunc", "18: http.DefaultServeMux.Handle",
				"19: http.HandleFunc", "20: http.DefaultServeMux.HandleFunc", "22: os.Stdout.Close", "24: os.Stderr"},
		},
		{
			name: "written through a struct, slice or map that holds it, embedded or by field",
			file: `package p

import (
	"net/http"
	"os"
	"testing"
	"time"
)

type quiet struct {
	*http.Client
	name string
}

func (quiet) Close() {}

type held struct{ c *http.Client }

func TestHolders(t *testing.T) {
	q := quiet{http.DefaultClient, "Sở Nội vụ"}
	q.Timeout = time.Second
	q.Client.Timeout = time.Second
	q.name = "Sở Tư pháp"
	q.Close()
	h := &held{c: http.DefaultClient}
	h.c.Jar = nil
	h.c = &http.Client{}
	h.c.Timeout = time.Second
	cs := []*http.Client{http.DefaultClient}
	cs[0].Timeout = time.Second
	m := map[string]*http.ServeMux{"van-ban": http.DefaultServeMux}
	m["van-ban"].HandleFunc("/ke-hoach", nil)
	a := struct{ *os.File }{os.Stdout}
	a.Close()
	ns := []quiet{{Client: http.DefaultClient}}
	ns[0].CheckRedirect = nil
	var s held
	s.c = http.DefaultClient
	s.c.Timeout = time.Second
	s = held{}
	s.c.Timeout = time.Second
	cl := quiet{&http.Client{}, "Sở Y tế"}
	cl.Timeout = time.Second
	d := q.Client
	d.Timeout = time.Second
	for _, c := range cs {
		c.Timeout = time.Second
	}
	for _, c := range []*http.Client{{}, {}} {
		c.Timeout = time.Second
	}
	own := struct {
		*http.Client
		Timeout time.Duration
	}{http.DefaultClient, 0}
	own.Timeout = time.Second
}
`,
			want: []string{"21: http.DefaultClient", "22: http.DefaultClient", "26: http.DefaultClient", "30: http.DefaultClient",
				"32: http.DefaultServeMux.HandleFunc", "34: os.Stdout.Close", "36: http.DefaultClient", "39: http.DefaultClient",
				"45: http.DefaultClient", "47: http.DefaultClient"},
		},
		{
			name: "promoted through nested embedding, or an embedded field given the variable later",
			file: `package p

import (
	"net/http"
	"os"
	"testing"
	"time"
)

type quiet struct {
	*http.Client
	name string
}

type portal struct {
	quiet
	host string
}

type logged struct{ *os.File }

func (logged) Close() error { return nil }

type outer struct{ logged }

func TestPromoted(t *testing.T) {
	p := portal{quiet{Client: http.DefaultClient}, "hanoi.gov.vn"}
	p.Timeout = time.Second
	p.quiet.Timeout = time.Second
	p.host = "danang.gov.vn"
	p.name = "Sở Nội vụ"
	var q quiet
	q.Client = http.DefaultClient
	q.Timeout = time.Second
	r := quiet{name: "Sở Tư pháp"}
	r.Client = http.DefaultClient
	r.CheckRedirect = nil
	r.name = "Sở Y tế"
	var f outer
	f.File = os.Stdout
	f.Close()
	g := outer{logged{os.Stdout}}
	g.Close()
	g.File.Close()
}
`,
			want: []string{"28: http.DefaultClient", "29: http.DefaultClient", "34: http.DefaultClient", "37: http.DefaultClient", "44: os.Stdout.Close"},
		},
		{
			name: "a method expression called on a wide variable",
			file: `package p

import (
	"net/http"
	"os"
	"testing"
)

func TestMethodExpr(t *testing.T) {
	(*os.File).Close(os.Stdout)
	(*http.ServeMux).HandleFunc(http.DefaultServeMux, "/van-ban", nil)
	c := http.DefaultServeMux
	(*http.ServeMux).Handle(c, "/ke-hoach", nil)
	(*os.File).Close(os.NewFile(3, "cấu hình"))
	_, _ = (*os.File).Write(os.Stdout, []byte("Kế hoạch số 45/KH-UBND"))
}
`,
			want: []string{"10: os.Stdout.Close", "11: http.DefaultServeMux.HandleFunc", "13: http.DefaultServeMux.Handle"},
		},
		{
			name: "a dot-imported standard file written",
			file: `package p

import (
	. "os"
	"testing"
)

func TestDotWrite(t *testing.T) {
	_, w, _ := Pipe()
	Stdout = w
	out := Stderr
	_ = out
}
`,
			want: []string{"10: Stdout"},
		},
		{
			name: "a mark covers its own call, not the next line's, and says why",
			file: `package p

import (
	"os"
	"testing"
)

func TestMarks(t *testing.T) {
	os.Setenv("A", "1") // process-wide: only in the child process
	os.Chdir(t.TempDir())
	// process-wide:
	os.Unsetenv("A")
	// process-wide: the child process restores nothing; it exits
	os.Clearenv()
}
`,
			want: []string{"10: os.Chdir", "12: os.Unsetenv"},
		},
		{
			name: "a local variable shadowing the imported os is not the package",
			file: `package p

import (
	"os"
	"testing"
)

type env map[string]string

func (e env) Setenv(k, v string) { e[k] = v }

func TestShadow(t *testing.T) {
	_ = os.Getenv("CI")
	os := env{}
	os.Setenv("TZ", "Asia/Ho_Chi_Minh")
}

func chdirAll(os []*os.File) {
	for _, f := range os {
		f.Name()
	}
}
`,
		},
		{
			name: "goroutine-local and read-only calls pass",
			file: `package p

import (
	"runtime/debug"
	"os/signal"
	"testing"
)

func TestLocal(t *testing.T) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	ctx, stop := signal.NotifyContext(t.Context())
	defer stop()
	_ = ctx
	signal.Stop(nil)
}
`,
		},
	}
	tests = append(tests, struct {
		name string
		file string
		want []string
	}{
		name: "the test binary run again unbounded",
		file: `package p

import (
	"context"
	"os"
	"os/exec"
	"testing"

	"github.com/vanban/vanban/internal/childtest"
)

func TestKill9(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestKill9$")
	cmd.Start()
	bin := "/tmp/vanban.test"
	exec.CommandContext(context.Background(), bin, "-test.run=^TestKill9$").CombinedOutput()
	nobody := exec.Command(bin, "-test.run=^TestKill9$", "-test.v")
	childtest.Output(t, nobody)
	exec.Command("pdftotext", "-f", "1", "quyet-dinh-12.pdf", "-").Output()
	self := exec.Command(os.Args[0])
	self.Run()
}
`,
		want: []string{"13: exec.Command of the test binary", "16: exec.CommandContext of the test binary", "20: exec.Command of the test binary"},
	})
	tests = append(tests, struct {
		name string
		file string
		want []string
	}{
		// a command handed to childtest.Output as it is made, or declared
		// with var, is bounded; a var one run by hand is not
		name: "the test binary handed to childtest.Output inline or by a var",
		file: `package p

import (
	"os"
	"os/exec"
	"testing"

	"github.com/vanban/vanban/internal/childtest"
)

func TestReadOnly(t *testing.T) {
	childtest.Output(t, exec.Command(os.Args[0], "-test.run=^TestReadOnly$"))
	var strace = exec.Command("strace", "-f", "-e", "trace=fsync", os.Args[0], "-test.run=^TestBuild$")
	childtest.Output(t, strace)
	var bare = exec.Command(os.Args[0], "-test.run=^TestReadOnly$")
	bare.Run()
}
`,
		want: []string{"15: exec.Command of the test binary"},
	})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, "p")
			if err := os.MkdirAll(filepath.Join(dir, "testdata"), 0o755); err != nil {
				t.Fatal(err)
			}
			for _, p := range []string{filepath.Join(dir, "p_test.go"), filepath.Join(dir, "testdata", "skipped_test.go")} {
				if err := os.WriteFile(p, []byte(tc.file), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			// the same calls outside a test file are not the check's
			if err := os.WriteFile(filepath.Join(dir, "p.go"), []byte(tc.file), 0o644); err != nil {
				t.Fatal(err)
			}
			found, err := Tests(root)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range found {
				if f.File != "p/p_test.go" {
					t.Errorf("finding in %s: %v", f.File, f)
				}
				got = append(got, fmt.Sprintf("%d: %s", f.Line, f.Call))
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("findings\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestParallelBesideHeld: a setting a test changes and restores (the
// indexer's memory limit, the default logger) is safe only while no other
// test of the same binary runs beside it; a t.Parallel in that package
// breaks it, in whichever file of the package it stands.
func TestParallelBesideHeld(t *testing.T) {
	held := `package p

import (
	"runtime/debug"
	"testing"
)

func TestLimit(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(64 << 20))
}
`
	parallel := `package p_test

import "testing"

func TestCrawlHanoi(t *testing.T) {
	t.Parallel()
}
`
	logger := `package q

import (
	"log/slog"
	"testing"
)

func BenchmarkBulk(b *testing.B) {
	old := slog.Default()
	slog.SetDefault(slog.New(slog.DiscardHandler))
	b.Cleanup(func() { slog.SetDefault(old) })
}
`
	dotHeld := `package p

import (
	. "runtime/debug"
	"testing"
)

func TestLimit(t *testing.T) {
	defer SetMemoryLimit(SetMemoryLimit(64 << 20))
}
`
	defaults := `package q

import (
	"io"
	"log"
	"log/slog"
	"testing"
)

func TestQuiet(t *testing.T) {
	log.Default().SetOutput(io.Discard)
	*slog.Default() = *slog.New(slog.DiscardHandler)
}
`
	bm25 := `package p

import (
	"testing"

	"github.com/blevesearch/bleve/v2/search"
)

func TestK1(t *testing.T) {
	old := search.BM25_k1
	search.BM25_k1 = 2
	t.Cleanup(func() { search.BM25_k1 = old })
}
`
	through := `package p

import (
	"io"
	"log"
	"testing"

	"github.com/blevesearch/bleve/v2/search"
)

func TestK1(t *testing.T) {
	p := &search.BM25_k1
	old := *p
	*p = 2
	t.Cleanup(func() { *p = old })
}

func TestQuiet(t *testing.T) {
	l := log.Default()
	l.SetOutput(io.Discard)
}
`
	embeds := `package p

import (
	"net/http"
	"os"
)

type quiet struct{ *http.Client }

type out struct {
	*os.File
	name string
}
`
	embedsUse := `package p

import (
	"net/http"
	"os"
	"testing"
	"time"
)

func TestQuietClient(t *testing.T) {
	q := quiet{http.DefaultClient}
	q.Timeout = time.Second
	o := out{os.Stdout, "Văn phòng UBND tỉnh"}
	o.Close()
	o.name = "Sở Nội vụ"
}
`
	ownVar := `package p

// intentRules are the query intents, one rule each.
var intentRules = []string{"định nghĩa", "điều khoản"}
`
	ownWrite := `package p

import "testing"

func TestNoIntents(t *testing.T) {
	old := intentRules
	intentRules = nil
	t.Cleanup(func() { intentRules = old })
}
`
	heldInStruct := `package p

import (
	"testing"

	"github.com/blevesearch/bleve/v2/search"
)

func TestK1(t *testing.T) {
	s := struct{ k1 *float64 }{&search.BM25_k1}
	*s.k1 = 2
}
`
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"parallel beside another package's variable written through its address", map[string]string{"p/a_test.go": strings.Replace(through, "l.SetOutput(io.Discard)", "_ = l", 1), "p/b_test.go": parallel},
			[]string{"p/b_test.go:6: t.Parallel"}},
		{"parallel beside the default logger changed through a local", map[string]string{"p/a_test.go": strings.NewReplacer("*p = 2", "_ = 2", "*p = old", "_ = old").Replace(through), "p/b_test.go": parallel},
			[]string{"p/b_test.go:6: t.Parallel"}},
		{"another package's variable and the default logger read through locals", map[string]string{"p/a_test.go": strings.NewReplacer("*p = 2", "_ = 2", "*p = old", "_ = old", "l.SetOutput(io.Discard)", "_ = l.Writer()").Replace(through), "p/b_test.go": parallel},
			nil},
		{"parallel beside a dot-imported held limit", map[string]string{"p/a_test.go": dotHeld, "p/b_test.go": parallel},
			[]string{"p/b_test.go:6: t.Parallel"}},
		{"parallel beside the default loggers changed in place", map[string]string{"q/a_test.go": defaults, "q/b_test.go": parallel},
			[]string{"q/b_test.go:6: t.Parallel"}},
		{"parallel beside another package's variable written", map[string]string{"p/a_test.go": bm25, "p/b_test.go": parallel},
			[]string{"p/b_test.go:6: t.Parallel"}},
		{"another package's variable read", map[string]string{"p/a_test.go": strings.NewReplacer("search.BM25_k1 = 2", "_ = search.BM25_k1 * 2", "search.BM25_k1 = old", "_ = old").Replace(bm25), "p/b_test.go": parallel},
			nil},
		{"a struct declared in another file of the package embeds the client", map[string]string{"p/a_test.go": embeds, "p/b_test.go": embedsUse},
			[]string{"p/b_test.go:12: http.DefaultClient", "p/b_test.go:14: os.Stdout.Close"}},
		{"parallel beside another package's variable held in a struct", map[string]string{"p/a_test.go": heldInStruct, "p/b_test.go": parallel},
			[]string{"p/b_test.go:6: t.Parallel"}},
		{"parallel beside another package's variable copied into a struct", map[string]string{"p/a_test.go": strings.Replace(heldInStruct, "&search.BM25_k1", "new(float64)", 1), "p/b_test.go": parallel},
			nil},
		{"parallel beside the package's own variable written", map[string]string{"p/rules.go": ownVar, "p/a_test.go": ownWrite, "p/b_test.go": parallel},
			[]string{"p/b_test.go:6: t.Parallel"}},
		{"parallel beside the package's own variable written through its address", map[string]string{"p/rules.go": ownVar, "p/a_test.go": strings.Replace(ownWrite, "intentRules = nil", "p := &intentRules\n\t*p = nil", 1), "p/b_test.go": parallel},
			[]string{"p/b_test.go:6: t.Parallel"}},
		{"an external test package's variable of the same name written", map[string]string{"p/rules.go": ownVar, "p/a_test.go": strings.Replace(ownWrite, "package p", "package p_test", 1), "p/c_test.go": "package p_test\n\nvar intentRules []string\n", "p/b_test.go": parallel},
			nil},
		{"the package's own variable read, a local of its name written", map[string]string{"p/rules.go": ownVar, "p/a_test.go": strings.NewReplacer("intentRules = nil", "_ = len(intentRules)", "intentRules = old", "intentRules := old; intentRules[0] = \"\"").Replace(ownWrite), "p/b_test.go": parallel},
			nil},
		{"parallel beside a held limit", map[string]string{"p/a_test.go": held, "p/b_test.go": parallel},
			[]string{"p/b_test.go:6: t.Parallel"}},
		{"the limit only read in a test (as helpers.go reads it in the module's code), beside a parallel", map[string]string{"p/a_test.go": strings.Replace(held, "defer debug.SetMemoryLimit(debug.SetMemoryLimit(64 << 20))", "if debug.SetMemoryLimit(-1) < 64<<20 {\n\t\tt.Skip(\"bộ nhớ không đủ cho phép thử\")\n\t}", 1), "p/b_test.go": parallel},
			nil},
		{"parallel in another package", map[string]string{"p/a_test.go": held, "r/b_test.go": parallel}, nil},
		{"held logger, no parallel", map[string]string{"q/a_test.go": logger}, nil},
		{"parallel beside a held logger", map[string]string{"q/a_test.go": logger, "q/b_test.go": parallel},
			[]string{"q/b_test.go:6: t.Parallel"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			for name, src := range tc.files {
				p := filepath.Join(root, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			found, err := Tests(root)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range found {
				got = append(got, fmt.Sprintf("%s:%d: %s", f.File, f.Line, f.Call))
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("findings\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestSupportPackages: a package whose directory name ends in "test"
// (ctxtest, storetest, as httptest in the standard library) is code only
// tests run; its plain .go files are checked as test files are.
func TestSupportPackages(t *testing.T) {
	src := `package ctxtest

import "os"

// Home points HOME at dir for the tests that call it.
func Home(dir string) { os.Setenv("HOME", dir) }
`
	// the test binary run again from a support package's helper, as
	// from a test file: a finding (i28-crawl's rule, merged into the loop
	// over parsed files); the same in the package's own code is not
	spawn := `package spawntest

import (
	"os"
	"os/exec"
)

// Crawl runs the test binary's TestCrawlHaNoi in a child.
func Crawl() ([]byte, error) {
	return exec.Command(os.Args[0], "-test.run=^TestCrawlHaNoi$").Output()
}
`
	root := t.TempDir()
	for name, src := range map[string]string{
		"internal/ctxtest/ctx.go":     src,
		"internal/app/app.go":         src,
		"internal/spawntest/spawn.go": spawn,
		"internal/app/spawn.go":       strings.Replace(spawn, "package spawntest", "package app", 1),
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	found, err := Tests(root)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range found {
		got = append(got, fmt.Sprintf("%s:%d: %s", f.File, f.Line, f.Call))
	}
	want := []string{"internal/ctxtest/ctx.go:6: os.Setenv", "internal/spawntest/spawn.go:10: exec.Command of the test binary"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings\n got %q\nwant %q", got, want)
	}
}

// TestHelpers: a function of the module's own code (not a test's) that
// changes process-wide state, itself or through another of the module's,
// is a finding where a test calls it; one that only reads (the memory
// limit asked with -1, GOMAXPROCS(0)) or says why with a mark is not. A
// held setting reached so is held for the package's t.Parallel.
func TestHelpers(t *testing.T) {
	files := map[string]string{
		"go.mod": "module example.org/vanban\n",
		"internal/envx/env.go": `package envx

import "os"

// Home points HOME at dir: the one helper tests should not reach.
func Home(dir string) { setHome(dir) }

func setHome(dir string) { os.Setenv("HOME", dir) }

// Marked sets what only a child process asks for.
func Marked() {
	os.Setenv("VANBAN_CHILD", "1") // process-wide: called only in the child process Spawn starts
}

// Name reads.
func Name() string { return os.Getenv("VANBAN_NAME") }
`,
		"p/a_test.go": `package p

import (
	"testing"

	"example.org/vanban/internal/envx"
)

func TestHome(t *testing.T) {
	envx.Home(t.TempDir())
	envx.Marked()
	_ = envx.Name()
}
`,
		"q/q.go": `package q

import (
	"os"
	"runtime"
	"runtime/debug"
)

func chdirData(dir string) error { return os.Chdir(dir) }

// budget reads the limit and the processors.
func budget() int64 { return debug.SetMemoryLimit(-1) / int64(runtime.GOMAXPROCS(0)) }
`,
		"q/q_test.go": `package q

import "testing"

func TestData(t *testing.T) {
	chdirData(t.TempDir())
	_ = budget()
}
`,
		"q/b_test.go": "package q\n\nimport \"testing\"\n\nfunc TestCrawlHanoi(t *testing.T) {\n\tt.Parallel()\n}\n",
		"r/r.go": `package r

import "runtime/debug"

// withLimit sets the limit of an ingest and returns what puts it back.
func withLimit(n int64) func() {
	old := debug.SetMemoryLimit(n)
	return func() { debug.SetMemoryLimit(old) }
}
`,
		"r/a_test.go": `package r

import "testing"

func TestIngest(t *testing.T) {
	defer withLimit(256 << 20)()
}
`,
		"r/b_test.go": "package r\n\nimport \"testing\"\n\nfunc TestCrawlHanoi(t *testing.T) {\n\tt.Parallel()\n}\n",
	}
	root := t.TempDir()
	for name, src := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	found, err := Tests(root)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range found {
		got = append(got, fmt.Sprintf("%s:%d: %s", f.File, f.Line, f.Call))
	}
	want := []string{"p/a_test.go:10: envx.Home", "q/q_test.go:6: chdirData", "r/b_test.go:6: t.Parallel"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings\n got %q\nwant %q", got, want)
	}
}

// TestHelperValues: a helper of the module reached through a generic
// instantiation (envx.Set[string]) or handed over as a function value
// (t.Cleanup(envx.Reset), once.Do(setHome), f := envx.Home) changes the
// process as surely as a call by name; a generic reader, a reader handed
// over, and a local function value of the same name are not findings.
func TestHelperValues(t *testing.T) {
	files := map[string]string{
		"go.mod": "module example.org/vanban\n",
		"internal/envx/env.go": `package envx

import (
	"os"
	"sync"
)

// Set puts the portal's setting into the environment.
func Set[T ~string](k string, v T) { os.Setenv(k, string(v)) }

// Get reads a setting.
func Get[T ~string](k string) T { return T(os.Getenv(k)) }

// Reset clears the portal's settings.
func Reset() { os.Unsetenv("VANBAN_PORTAL") }

var once sync.Once

// Home points HOME at the crawler's data once.
func Home() { once.Do(setHome) }

func setHome() { os.Setenv("HOME", "/var/lib/vanban") }

// Lazy hands the setter to its caller.
func Lazy() func() { return Reset }

// Name reads.
func Name() string { return os.Getenv("VANBAN_NAME") }

type options struct{ Reset, Home bool }

// Defaults names the setters only as fields.
func Defaults() options {
	o := options{Reset: true}
	o.Home = true
	return o
}
`,
		"p/a_test.go": `package p

import (
	"testing"

	"example.org/vanban/internal/envx"
)

type portal string

func TestDefaults(t *testing.T) { _ = envx.Defaults() }

func TestPortal(t *testing.T) {
	envx.Set[portal]("VANBAN_PORTAL", "hanoi.gov.vn")
	_ = envx.Get[portal]("VANBAN_PORTAL")
	t.Cleanup(envx.Reset)
	envx.Home()
	f := envx.Name
	_ = f()
	Reset := func() {}
	t.Cleanup(Reset)
}
`,
		"q/q.go": `package q

import "os"

func chdir[T any](dir string) { os.Chdir(dir) }

func apply(fs ...func(string)) {
	for _, f := range fs {
		f("/srv/vanban")
	}
}

// Prepare moves the process into the data directory.
func Prepare() { apply(chdir[int]) }
`,
		"q/q_test.go": `package q

import "testing"

func TestPrepare(t *testing.T) {
	Prepare()
	chdir[string]("/srv/vanban")
}
`,
	}
	root := t.TempDir()
	for name, src := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	found, err := Tests(root)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range found {
		got = append(got, fmt.Sprintf("%s:%d: %s", f.File, f.Line, f.Call))
	}
	want := []string{"p/a_test.go:14: envx.Set", "p/a_test.go:16: envx.Reset", "p/a_test.go:17: envx.Home", "q/q_test.go:6: Prepare", "q/q_test.go:7: chdir"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings\n got %q\nwant %q", got, want)
	}
}

// FuzzTests: whatever a test file and its package's code hold (broken
// Go, structs embedding structs, generic helpers, function values), the
// check returns findings or an error, never panics.
func FuzzTests(f *testing.F) {
	f.Add(`package p

import (
	"net/http"
	"testing"
)

type quiet struct{ *http.Client }

type portal struct{ quiet }

func TestPortal(t *testing.T) {
	var p portal
	p.quiet.Client = http.DefaultClient
	p.Timeout = 1
	Set[string]("VANBAN_PORTAL", "hanoi.gov.vn")
	t.Cleanup(Reset)
}
`, `package p

import "os"

func Set[T ~string](k string, v T) { os.Setenv(k, string(v)) }

func Reset() { os.Unsetenv("VANBAN_PORTAL") }
`)
	f.Add("package p\nfunc TestX(t *testing.T) { var a, b = c.d[0].e, f; a.g = b }\n", "package p\nvar c struct{ d []struct{ e int } }\n")
	f.Fuzz(func(t *testing.T, test, code string) {
		root := t.TempDir()
		if err := os.MkdirAll(filepath.Join(root, "p"), 0o755); err != nil {
			t.Fatal(err)
		}
		for name, src := range map[string]string{"go.mod": "module example.org/vanban\n", "p/a_test.go": test, "p/p.go": code} {
			if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(name)), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		Tests(root) // an error for broken Go; a panic fails
	})
}
