// Package testcheck owns the check that the project's tests change no
// process-wide state that outlives them or that go test itself depends on.
//
// go test runs each package's tests in one process and, whenever it may
// cache the result (no -count=1, as the project's CI runs it), passes the
// binary -test.testlogfile: the binary writes its test log as it runs. A
// file size limit set by a test (syscall.Setrlimit) failed that log and
// the package after every test had passed (docs/log/i26-ci.md); a working
// directory, umask, environment variable or signal handler set by a test
// stays set for every later test. The standard library has a scoped form
// for two of them (t.Chdir, t.Setenv); the others belong in a child
// process of the test's own (crawler/archive_full_test.go). A call that is
// safe where it stands says why in a comment starting "process-wide:" on
// its line, or alone on the line above. A setting a test changes and
// restores (the memory limit, the default logger) is safe only while no
// other test runs beside it: a t.Parallel in such a package is a finding
// (docs/log/i26-rev-ci.md). A write reaches a variable through a local
// holding it, in itself or in a field, an embedded field (promoted at
// any depth) or an element (q := quiet{http.DefaultClient}; q.Timeout =
// …), and a test reaches the state through the module's own functions
// that change it, called, instantiated or handed over as a value
// (helpers.go; docs/log/i28-tests.md, docs/log/i28-rev-tests.md).
//
// A test that runs the test binary again in a child process (a kill -9
// test, a file size limit) starts it through internal/childtest, which
// bounds the child by the test's deadline and has it die with its parent:
// an exec.Command or exec.CommandContext given os.Args[0] or a -test.*
// flag is a finding unless the command it makes is handed to
// childtest.Output in the same file (childtest's own files aside).
//
// The files, one check family each: testcheck.go (Tests: the walk, the
// Marker, the t.Parallel rule across a package), calls.go (the tables of
// process-wide calls, wide variables and held settings), scan.go (one
// test file's calls and writes), holders.go (a local holding a variable
// through fields, embedding and elements), helpers.go (the module's own
// functions that reach process-wide state), children.go (the test binary
// run again unbounded).
package testcheck

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	pathpkg "path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/vanban/vanban/internal/srcwalk"
)

// Finding is one call in a test file that changes process-wide state.
type Finding struct {
	File string // relative to the root
	Line int
	Call string // package.Function as written, e.g. "os.Setenv"
	Use  string // what to use instead
}

func (f Finding) String() string {
	if f.Use == childUse {
		return fmt.Sprintf("%s:%d: %s starts a child the test does not bound; %s", f.File, f.Line, f.Call, f.Use)
	}
	return fmt.Sprintf("%s:%d: %s changes the whole test process; %s", f.File, f.Line, f.Call, f.Use)
}

// Marker starts the comment that says why a call is safe where it stands.
const Marker = "process-wide:"

// Tests reports every use of a function listed in processWide, and every
// write to a variable listed in wideVars, in a _test.go file or a .go file
// of a test-support package (supportDir) under root (srcwalk.Files:
// vendor, testdata and dot directories skipped), without a Marker comment
// that says why it is safe: on its line, or alone on the line above.
// (*os.File).Chdir, a method the parser cannot tell by its package, is
// found as any Chdir called with no argument (t.Chdir has one). A
// t.Parallel in a package directory whose tests hold a heldWide setting is
// a finding too.
func Tests(root string) ([]Finding, error) {
	var out []Finding
	parallel := map[string][]Finding{} // t.Parallel calls by package directory
	held := map[string]string{}        // a held setting by package directory, "debug.SetMemoryLimit at p/a_test.go:9"
	fset := token.NewFileSet()
	type parsed struct {
		f   *ast.File
		src []byte
		rel string
	}
	var files []parsed
	types := map[string]*dirTypes{} // by package directory
	helpers := newHelpers(root)
	err := srcwalk.Files(root, ".go", func(p string) error {
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		dir := pathpkg.Dir(rel)
		if types[dir] == nil {
			types[dir] = &dirTypes{structs: map[string]*ast.StructType{}, methods: map[string]map[string]bool{}, vars: map[string]bool{}}
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if !strings.HasSuffix(p, "_test.go") && !supportDir(filepath.Base(filepath.Dir(p))) {
			// the package's own code: its variables, and its functions
			// that change process-wide state
			f, err := parser.ParseFile(fset, p, src, parser.ParseComments)
			if err != nil {
				return err
			}
			types[dir].addVars(f)
			helpers.addFile(fset, dir, f, src)
			return nil
		}
		f, err := parser.ParseFile(fset, p, src, parser.ParseComments)
		if err != nil {
			return err
		}
		files = append(files, parsed{f, src, rel})
		types[dir].add(f)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("testcheck: %w", err)
	}
	helpers.resolve()
	for _, pf := range files {
		dir := pathpkg.Dir(pf.rel)
		sc := scanFile(fset, pf.f, pf.src, pf.rel, types[dir], helpers, helpers.importPath(dir))
		if !strings.HasPrefix(pf.rel, "internal/childtest/") {
			sc.findings = append(sc.findings, unboundedChildren(fset, pf.f, pf.rel)...)
		}
		out = append(out, sc.findings...)
		parallel[dir] = append(parallel[dir], sc.parallel...)
		if held[dir] == "" && sc.held != "" {
			held[dir] = sc.held
		}
	}
	for dir, ps := range parallel {
		if held[dir] == "" {
			continue
		}
		for _, p := range ps {
			p.Use = "the package's tests change " + held[dir] + " for a while: run none beside another"
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	return out, nil
}

// supportDir reports whether a package directory holds code only tests
// run: by Go's convention (httptest, iotest), its name ends in "test"
// (internal/ctxtest, internal/storetest, crawler/filetext/filetexttest).
func supportDir(name string) bool {
	return strings.HasSuffix(name, "test")
}

// markedLines returns the lines of f a Marker comment that says why
// covers: its own, and the next when it stands alone on its line.
func markedLines(tf *token.File, f *ast.File, src []byte) map[int]bool {
	marked := map[int]bool{}
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			i := strings.Index(c.Text, Marker)
			if i < 0 {
				continue
			}
			why := strings.TrimSpace(strings.TrimSuffix(c.Text[i+len(Marker):], "*/"))
			if why == "" {
				continue // a mark says why
			}
			l := tf.Line(c.Pos())
			marked[l] = true
			// alone on its line, it covers the next line; after code, only its own
			before := src[tf.Offset(tf.LineStart(l)):tf.Offset(c.Pos())]
			if len(strings.TrimSpace(string(before))) == 0 {
				marked[l+1] = true
			}
		}
	}
	return marked
}
