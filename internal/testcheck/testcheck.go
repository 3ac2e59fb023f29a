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
// its line or the line above.
package testcheck

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
)

// Finding is one call in a test file that changes process-wide state.
type Finding struct {
	File string // relative to the root
	Line int
	Call string // package.Function as written, e.g. "os.Setenv"
	Use  string // what to use instead
}

func (f Finding) String() string {
	return fmt.Sprintf("%s:%d: %s changes the whole test process; %s", f.File, f.Line, f.Call, f.Use)
}

// processWide holds the calls checked, by import path and function, with
// what to use instead.
var processWide = map[string]map[string]string{
	"os": {
		"Chdir":    "use t.Chdir",
		"Setenv":   "use t.Setenv",
		"Unsetenv": "use t.Setenv",
		"Clearenv": "use t.Setenv",
	},
	"syscall": {
		"Setrlimit": "set it in a child process",
		"Umask":     "set it in a child process",
		"Chdir":     "use t.Chdir",
		"Setenv":    "use t.Setenv",
		"Unsetenv":  "use t.Setenv",
		"Clearenv":  "use t.Setenv",
	},
	"golang.org/x/sys/unix": {
		"Setrlimit": "set it in a child process",
		"Prlimit":   "set it in a child process",
		"Umask":     "set it in a child process",
		"Chdir":     "use t.Chdir",
	},
	"os/signal": {
		"Notify": "use signal.NotifyContext and call its stop, or a child process",
		"Ignore": "use a child process",
		"Reset":  "use a child process",
	},
	"runtime/debug": {
		"SetMaxThreads":   "set it in a child process",
		"SetMaxStack":     "set it in a child process",
		"SetPanicOnFault": "set it in a child process",
		"SetTraceback":    "set it in a child process",
	},
}

// Marker starts the comment that says why a call is safe where it stands.
const Marker = "process-wide:"

// Tests reports every call listed in processWide made in a _test.go file
// under root (vendor, testdata and dot directories skipped) without a
// Marker comment on its line or the line above, and every
// runtime.GOMAXPROCS call whose argument is not the constant 0.
func Tests(root string) ([]Finding, error) {
	var out []Finding
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			n := d.Name()
			if p != root && (strings.HasPrefix(n, ".") || n == "vendor" || n == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return fmt.Errorf("testcheck: %w", err)
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		out = append(out, fileFindings(fset, f, filepath.ToSlash(rel))...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	return out, nil
}

// fileFindings checks one parsed file.
func fileFindings(fset *token.FileSet, f *ast.File, rel string) []Finding {
	imports := map[string]string{} // local name → import path
	for _, im := range f.Imports {
		path := strings.Trim(im.Path.Value, `"`)
		name := path[strings.LastIndex(path, "/")+1:]
		if im.Name != nil {
			name = im.Name.Name
		}
		imports[name] = path
	}
	marked := map[int]bool{} // lines a Marker comment covers
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if strings.Contains(c.Text, Marker) {
				l := fset.Position(c.Pos()).Line
				marked[l], marked[l+1] = true, true
			}
		}
	}
	var out []Finding
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		pkg, ok := sel.X.(*ast.Ident)
		if !ok {
			return true
		}
		path, fn := imports[pkg.Name], sel.Sel.Name
		use, listed := processWide[path][fn]
		if path == "runtime" && fn == "GOMAXPROCS" && !(len(call.Args) == 1 && isZero(call.Args[0])) {
			use, listed = "read it with GOMAXPROCS(0); set it in a child process", true
		}
		line := fset.Position(call.Pos()).Line
		if listed && use != "" && !marked[line] {
			out = append(out, Finding{File: rel, Line: line, Call: pkg.Name + "." + fn, Use: use})
		}
		return true
	})
	return out
}

// isZero reports whether e is the literal 0.
func isZero(e ast.Expr) bool {
	lit, ok := e.(*ast.BasicLit)
	return ok && lit.Kind == token.INT && lit.Value == "0"
}
