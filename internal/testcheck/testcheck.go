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
// (docs/log/i26-rev-ci.md).
//
// A test that runs the test binary again in a child process (a kill -9
// test, a file size limit) starts it through internal/childtest, which
// bounds the child by the test's deadline and has it die with its parent:
// an exec.Command or exec.CommandContext given os.Args[0] or a -test.*
// flag is a finding unless the command it makes is handed to
// childtest.Output in the same file (childtest's own files aside).
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

// sysCalls holds the calls syscall and golang.org/x/sys/unix share: one
// table for both, so a test that reaches for the other package is checked
// alike.
var sysCalls = map[string]string{
	"Setrlimit": "set it in a child process",
	"Prlimit":   "set it in a child process",
	"Umask":     "set it in a child process",
	"Chroot":    "set it in a child process",
	"Dup2":      "redirect a child process's descriptors (this one's stdout is go test's)",
	"Dup3":      "redirect a child process's descriptors (this one's stdout is go test's)",
	"Setuid":    "set it in a child process",
	"Setgid":    "set it in a child process",
	"Setgroups": "set it in a child process",
	"Chdir":     "use t.Chdir",
	"Fchdir":    "use t.Chdir",
	"Setenv":    "use t.Setenv",
	"Unsetenv":  "use t.Setenv",
	"Clearenv":  "use t.Setenv",
	"Prctl":     "set it in a child process",
	"Unshare":   "unshare in a child process",
	"Setns":     "enter the namespace in a child process",
	// a raw system call may be any of the above (SYS_SETRLIMIT, SYS_PRCTL…)
	"Syscall":           rawUse,
	"Syscall6":          rawUse,
	"RawSyscall":        rawUse,
	"RawSyscall6":       rawUse,
	"SyscallNoError":    rawUse,
	"RawSyscallNoError": rawUse,
}

const rawUse = "make it in a child process, or mark why it changes nothing the process shares"

// wideVars holds the package variables a write to changes the whole test
// process: go test's own output (os.Stdout), every test's default HTTP
// client. A write is an assignment to the variable or to what it points
// at (http.DefaultClient.Timeout = …), or its address taken (swap(&os.Stdout)).
var wideVars = map[string]map[string]string{
	"os": {
		"Stdout": "give the code a writer of the test's own (Env.Stdout)",
		"Stderr": "give the code a writer of the test's own (Env.Stderr)",
		"Stdin":  "give the code a reader of the test's own (Env.Stdin)",
	},
	"net/http": {
		"DefaultClient":    "use a client of the test's own",
		"DefaultTransport": "use a transport of the test's own",
		"DefaultServeMux":  "use a mux of the test's own (http.NewServeMux)",
	},
}

// wideMethods are the methods that change the wideVars variable they are
// called on (http.DefaultServeMux.HandleFunc, os.Stdout.Close), a call or
// a method value alike; the others (http.DefaultClient.Do,
// os.Stdout.Write) are reads.
var wideMethods = map[string]bool{
	"Handle": true, "HandleFunc": true, "RegisterProtocol": true,
	"Close": true, "Chmod": true, "Chown": true, "Truncate": true,
	"SetDeadline": true, "SetReadDeadline": true, "SetWriteDeadline": true,
}

// processWide holds the functions checked, by import path and name, with
// what to use instead. Any use counts, a call or a function value
// (set := os.Setenv); runtime.GOMAXPROCS only when it is not called with
// the literal 0 (a read). debug.SetPanicOnFault is not here: it is the
// calling goroutine's.
var processWide = map[string]map[string]string{
	"os": {
		"Chdir":    "use t.Chdir",
		"Setenv":   "use t.Setenv",
		"Unsetenv": "use t.Setenv",
		"Clearenv": "use t.Setenv",
	},
	"syscall":               sysCalls,
	"golang.org/x/sys/unix": sysCalls,
	"os/signal": {
		"Notify": "use signal.NotifyContext and call its stop, or a child process",
		"Ignore": "use a child process",
		"Reset":  "use a child process",
	},
	"runtime/debug": {
		"SetMaxThreads": "set it in a child process",
		"SetMaxStack":   "set it in a child process",
		"SetTraceback":  "set it in a child process",
	},
	"runtime": {
		"GOMAXPROCS": "read it with GOMAXPROCS(0); set it in a child process",
	},
	"net/http": { // they register on http.DefaultServeMux: a second run (-count=2) panics
		"Handle":     "register on a mux of the test's own (http.NewServeMux)",
		"HandleFunc": "register on a mux of the test's own (http.NewServeMux)",
	},
}

// heldWide holds the process-wide settings a test may change and restore
// (defer debug.SetMemoryLimit(debug.SetMemoryLimit(n))): safe only while no
// other test of its binary runs beside it, so the check reports a
// t.Parallel in a package whose tests hold one. A write to any other
// package's variable (bleve's search.BM25_k1 = 2), and the default loggers
// changed in place (log.Default().SetOutput(w), *slog.Default() = l), are
// held settings too.
var heldWide = map[string]map[string]bool{
	"runtime/debug": {"SetMemoryLimit": true, "SetGCPercent": true},
	"log/slog":      {"SetDefault": true, "SetLogLoggerLevel": true},
	"log":           {"SetOutput": true, "SetFlags": true, "SetPrefix": true},
}

// childtestPath is the package that bounds a test's child processes.
const childtestPath = "github.com/vanban/vanban/internal/childtest"

// childUse is what a test that starts the test binary unbounded uses
// instead.
const childUse = "start the test binary through internal/childtest (Start, Run; Output for a command of the test's own), bounded by the test's deadline and dead with its parent"

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
	err := srcwalk.Files(root, ".go", func(p string) error {
		if !strings.HasSuffix(p, "_test.go") && !supportDir(filepath.Base(filepath.Dir(p))) {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, p, src, parser.ParseComments)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		sc := scanFile(fset, f, src, rel)
		if !strings.HasPrefix(rel, "internal/childtest/") {
			sc.findings = append(sc.findings, unboundedChildren(fset, f, rel)...)
		}
		out = append(out, sc.findings...)
		dir := pathpkg.Dir(rel)
		parallel[dir] = append(parallel[dir], sc.parallel...)
		if held[dir] == "" && sc.held != "" {
			held[dir] = sc.held
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("testcheck: %w", err)
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

// fileScan is what scanFile finds in one file.
type fileScan struct {
	findings []Finding
	parallel []Finding // its t.Parallel calls, their Use not set
	held     string    // the first heldWide call, as call and place, or ""
}

// scanFile checks one parsed file; src is its text. The file is parsed
// with object resolution: an identifier that names a local declaration
// (os := env{}) has an Obj, one that names an imported package has none.
func scanFile(fset *token.FileSet, f *ast.File, src []byte, rel string) fileScan {
	imports := map[string]string{} // local name → import path
	var dot []string               // paths imported with "."
	for _, im := range f.Imports {
		path := strings.Trim(im.Path.Value, `"`)
		name := path[strings.LastIndex(path, "/")+1:]
		if im.Name != nil {
			name = im.Name.Name
		}
		if name == "." {
			dot = append(dot, path)
			continue
		}
		imports[name] = path
	}
	tf := fset.File(f.Pos())
	marked := map[int]bool{} // lines a Marker comment covers
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
	// identifiers that are not references: selected names, and the names
	// a declaration, a field or a composite literal's key gives
	notRef := map[*ast.Ident]bool{}
	readProcs := map[ast.Expr]bool{} // runtime.GOMAXPROCS called with 0
	var out fileScan
	report := func(n ast.Node, call, use string) {
		if line := tf.Line(n.Pos()); !marked[line] {
			out.findings = append(out.findings, Finding{File: rel, Line: line, Call: call, Use: use})
		}
	}
	lookup := func(path, fn string, e ast.Expr) (string, bool) {
		if path == "runtime" && fn == "GOMAXPROCS" && readProcs[e] {
			return "", false
		}
		use, ok := processWide[path][fn]
		return use, ok
	}
	hold := func(n ast.Node, what string) {
		if out.held == "" {
			out.held = fmt.Sprintf("%s at %s:%d", what, rel, tf.Line(n.Pos()))
		}
	}
	// aliases are the locals that hold a package variable's address or,
	// for the wideVars (pointers and interfaces all), its value
	// (c := http.DefaultClient, p := &search.BM25_k1, l := log.Default()):
	// a write through one is a write to the variable. Tracked in source
	// order, a local given anything else stops being one (c = &http.Client{}).
	aliases := map[any]pkgVar{} // by the local's Obj (the parser's resolution, as above)
	// varOf returns the package variable e holds: its address, or a
	// wideVars value (through a type assertion too), or a default logger.
	varOf := func(e ast.Expr) (pkgVar, bool) {
		addr := false
		for {
			switch x := e.(type) {
			case *ast.ParenExpr:
				e = x.X
				continue
			case *ast.TypeAssertExpr:
				e = x.X
				continue
			case *ast.UnaryExpr:
				if x.Op == token.AND && !addr {
					addr, e = true, x.X
					continue
				}
			case *ast.SelectorExpr:
				if pkg, ok := x.X.(*ast.Ident); ok && pkg.Obj == nil {
					if path := imports[pkg.Name]; path != "" {
						name := pkg.Name + "." + x.Sel.Name
						if use, ok := wideVars[path][x.Sel.Name]; ok {
							return pkgVar{name, use}, true
						}
						return pkgVar{name, ""}, addr
					}
				}
			case *ast.Ident:
				if x.Obj == nil {
					for _, path := range dot {
						if use, ok := wideVars[path][x.Name]; ok {
							return pkgVar{x.Name, use}, true
						}
					}
				} else if v, ok := aliases[x.Obj]; ok {
					return v, true
				}
			case *ast.CallExpr:
				if isDefaultLogger(x, imports) {
					return pkgVar{"the default logger", ""}, true
				}
			}
			return pkgVar{}, false
		}
	}
	bind := func(lhs, rhs ast.Expr) {
		id, ok := lhs.(*ast.Ident)
		if !ok || id.Obj == nil {
			return
		}
		if v, ok := varOf(rhs); ok {
			aliases[id.Obj] = v
		} else {
			delete(aliases, id.Obj)
		}
	}
	// written reports a write to e, whose root is a package variable: one
	// of wideVars, or another package's (a held setting), or a local
	// holding one (aliases) written through.
	written := func(e ast.Expr, addr bool) {
		through := false // e is reached through a field, index or pointer of its root
		for {
			switch x := e.(type) {
			case *ast.SelectorExpr:
				if pkg, ok := x.X.(*ast.Ident); ok && pkg.Obj == nil {
					if path := imports[pkg.Name]; path != "" {
						if use, ok := wideVars[path][x.Sel.Name]; ok {
							report(x, pkg.Name+"."+x.Sel.Name, use)
						} else if !addr {
							hold(x, pkg.Name+"."+x.Sel.Name+" written")
						}
						return
					}
				}
				e, through = x.X, true
			case *ast.Ident:
				if x.Obj == nil {
					for _, path := range dot {
						if use, ok := wideVars[path][x.Name]; ok {
							report(x, x.Name, use)
						}
					}
				} else if v, ok := aliases[x.Obj]; ok && through {
					if v.use != "" {
						report(x, v.name, v.use)
					} else if !addr {
						hold(x, v.name+" written")
					}
				}
				return
			case *ast.CallExpr: // *log.Default() = …
				if isDefaultLogger(x, imports) {
					hold(x, "the default logger written")
				}
				return
			case *ast.IndexExpr:
				e, through = x.X, true
			case *ast.StarExpr:
				e, through = x.X, true
			case *ast.ParenExpr:
				e = x.X
			case *ast.TypeAssertExpr:
				e = x.X
			default:
				return
			}
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE {
				for _, l := range n.Lhs {
					written(l, false)
				}
			}
			if len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					bind(l, n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, id := range n.Names {
					bind(id, n.Values[i])
				}
			}
		case *ast.IncDecStmt:
			written(n.X, false)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				written(n.X, true)
			}
		case *ast.FuncDecl:
			notRef[n.Name] = true
		case *ast.Field:
			for _, id := range n.Names {
				notRef[id] = true
			}
		case *ast.CompositeLit:
			for _, e := range n.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok {
						notRef[id] = true
					}
				}
			}
		case *ast.CallExpr:
			sel, ok := n.Fun.(*ast.SelectorExpr)
			if len(n.Args) == 1 && isZero(n.Args[0]) {
				readProcs[n.Fun] = true
			}
			if ok && sel.Sel.Name == "Parallel" && len(n.Args) == 0 {
				name := "t"
				if id, ok := sel.X.(*ast.Ident); ok {
					name = id.Name
				}
				out.parallel = append(out.parallel, Finding{File: rel, Line: tf.Line(n.Pos()), Call: name + ".Parallel"})
			}
			if ok && logSetters[sel.Sel.Name] {
				if v, ok := varOf(sel.X); ok && v.name == "the default logger" {
					hold(n, "the default logger's "+sel.Sel.Name)
				}
			}
			if ok && sel.Sel.Name == "Chdir" && len(n.Args) == 0 {
				name := "(*os.File)"
				if id, ok := sel.X.(*ast.Ident); ok {
					name = id.Name
				}
				report(n, name+".Chdir", "use t.Chdir")
			}
		case *ast.SelectorExpr:
			notRef[n.Sel] = true
			if v, ok := varOf(n.X); ok && v.use != "" && wideMethods[n.Sel.Name] {
				if _, addr := n.X.(*ast.UnaryExpr); !addr {
					report(n, v.name+"."+n.Sel.Name, v.use)
				}
			}
			pkg, ok := n.X.(*ast.Ident)
			if !ok || pkg.Obj != nil {
				return true
			}
			if use, ok := lookup(imports[pkg.Name], n.Sel.Name, n); ok {
				report(n, pkg.Name+"."+n.Sel.Name, use)
			}
			if heldWide[imports[pkg.Name]][n.Sel.Name] {
				hold(n, pkg.Name+"."+n.Sel.Name)
			}
		case *ast.Ident:
			if n.Obj != nil || notRef[n] {
				return true
			}
			for _, path := range dot {
				if use, ok := lookup(path, n.Name, n); ok {
					report(n, n.Name, use)
				}
				if heldWide[path][n.Name] {
					hold(n, n.Name)
				}
			}
		}
		return true
	})
	return out
}

// pkgVar is a package variable a local may hold (scanFile's aliases): its
// name as written, and what to use instead when it is one of wideVars (""
// for a held setting).
type pkgVar struct{ name, use string }

// logSetters are the methods of log.Logger that change where and how it
// writes.
var logSetters = map[string]bool{"SetOutput": true, "SetFlags": true, "SetPrefix": true}

// isDefaultLogger reports whether call is log.Default() or slog.Default().
func isDefaultLogger(call *ast.CallExpr, imports map[string]string) bool {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Default" {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok || pkg.Obj != nil {
		return false
	}
	path := imports[pkg.Name]
	return path == "log" || path == "log/slog"
}

// supportDir reports whether a package directory holds code only tests
// run: by Go's convention (httptest, iotest), its name ends in "test"
// (internal/ctxtest, internal/storetest, crawler/filetext/filetexttest).
func supportDir(name string) bool {
	return strings.HasSuffix(name, "test")
}

// isZero reports whether e is the literal 0.
func isZero(e ast.Expr) bool {
	lit, ok := e.(*ast.BasicLit)
	return ok && lit.Kind == token.INT && lit.Value == "0"
}

// unboundedChildren reports each exec.Command or exec.CommandContext in f
// that runs the test binary (an argument os.Args[0], or a string literal
// starting "-test.") and whose command is not handed to childtest.Output
// in the file: made as an argument of a childtest.Output call, or
// assigned to a local the parser resolves (cmd := …, var cmd = …) and
// that local an argument of a childtest.Output call.
func unboundedChildren(fset *token.FileSet, f *ast.File, rel string) []Finding {
	imports := map[string]string{}
	for _, im := range f.Imports {
		path := strings.Trim(im.Path.Value, `"`)
		name := path[strings.LastIndex(path, "/")+1:]
		if im.Name != nil {
			name = im.Name.Name
		}
		imports[name] = path
	}
	pkgCall := func(e ast.Expr, path string, names ...string) (string, bool) {
		call, ok := e.(*ast.CallExpr)
		if !ok {
			return "", false
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return "", false
		}
		pkg, ok := sel.X.(*ast.Ident)
		if !ok || pkg.Obj != nil || imports[pkg.Name] != path {
			return "", false
		}
		for _, n := range names {
			if sel.Sel.Name == n {
				return pkg.Name + "." + n, true
			}
		}
		return "", false
	}
	runsTestBinary := func(call *ast.CallExpr) bool {
		found := false
		for _, a := range call.Args {
			ast.Inspect(a, func(n ast.Node) bool {
				switch x := n.(type) {
				case *ast.BasicLit:
					if x.Kind == token.STRING && (strings.HasPrefix(x.Value, `"-test.`) || strings.HasPrefix(x.Value, "`-test.")) {
						found = true
					}
				case *ast.IndexExpr: // os.Args[0]
					if sel, ok := x.X.(*ast.SelectorExpr); ok && sel.Sel.Name == "Args" {
						if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Obj == nil && imports[pkg.Name] == "os" {
							found = true
						}
					}
				}
				return !found
			})
		}
		return found
	}
	type child struct {
		call string
		line int
	}
	var loose []child        // not assigned to a local
	byObj := map[any]child{} // by the local's Obj: cmd := exec.Command(…)
	bounded := map[any]bool{}
	assigned := map[ast.Expr]bool{}
	// assign records a command of the test binary given to a local:
	// cmd := …, cmd = …, var cmd = …
	assign := func(lhs ast.Expr, r ast.Expr) {
		if id, ok := lhs.(*ast.Ident); ok && id.Obj != nil {
			if name, ok := pkgCall(r, "os/exec", "Command", "CommandContext"); ok && runsTestBinary(r.(*ast.CallExpr)) {
				byObj[id.Obj] = child{name, fset.Position(r.Pos()).Line}
				assigned[r] = true
			}
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.AssignStmt:
			if len(x.Lhs) == len(x.Rhs) {
				for i, r := range x.Rhs {
					assign(x.Lhs[i], r)
				}
			}
		case *ast.ValueSpec:
			if len(x.Names) == len(x.Values) {
				for i, r := range x.Values {
					assign(x.Names[i], r)
				}
			}
		case *ast.CallExpr:
			if _, ok := pkgCall(x, childtestPath, "Output"); ok {
				for _, a := range x.Args {
					if id, ok := a.(*ast.Ident); ok && id.Obj != nil {
						bounded[id.Obj] = true
					}
					if c, ok := a.(*ast.CallExpr); ok {
						assigned[c] = true // handed over as it is made (visited after this call)
					}
				}
			}
			if name, ok := pkgCall(x, "os/exec", "Command", "CommandContext"); ok && !assigned[x] && runsTestBinary(x) {
				loose = append(loose, child{name, fset.Position(x.Pos()).Line})
			}
		}
		return true
	})
	var out []Finding
	for _, c := range loose {
		out = append(out, Finding{File: rel, Line: c.line, Call: c.call + " of the test binary", Use: childUse})
	}
	for obj, c := range byObj {
		if !bounded[obj] {
			out = append(out, Finding{File: rel, Line: c.line, Call: c.call + " of the test binary", Use: childUse})
		}
	}
	return out
}
