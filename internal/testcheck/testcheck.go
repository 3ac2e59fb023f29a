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

// fileScan is what scanFile finds in one file.
type fileScan struct {
	findings []Finding
	parallel []Finding // its t.Parallel calls, their Use not set
	held     string    // the first heldWide call, as call and place, or ""
}

// scanFile checks one parsed file; src is its text. The file is parsed
// with object resolution: an identifier that names a local declaration
// (os := env{}) has an Obj, one that names an imported package has none.
func scanFile(fset *token.FileSet, f *ast.File, src []byte, rel string, types *dirTypes, helpers *helpers, self string) fileScan {
	imports := fileImports(f) // local name → import path
	var dot []string          // paths imported with "."
	for _, im := range f.Imports {
		if im.Name != nil && im.Name.Name == "." {
			dot = append(dot, strings.Trim(im.Path.Value, `"`))
		}
	}
	tf := fset.File(f.Pos())
	marked := markedLines(tf, f, src) // lines a Marker comment covers
	// identifiers that are not references: selected names, and the names
	// a declaration, a field or a composite literal's key gives
	notRef := map[*ast.Ident]bool{}
	reads := map[ast.Expr]bool{} // the functions called with 0 or a negative literal
	var out fileScan
	report := func(n ast.Node, call, use string) {
		if line := tf.Line(n.Pos()); !marked[line] {
			out.findings = append(out.findings, Finding{File: rel, Line: line, Call: call, Use: use})
		}
	}
	// lookup and heldBy: a read (GOMAXPROCS(0), SetMemoryLimit(-1):
	// readOnly, the rule helpers.go applies to the module's code) neither
	// changes nor holds the setting
	lookup := func(path, fn string, e ast.Expr) (string, bool) {
		if reads[e] && readOnly(path, fn) {
			return "", false
		}
		use, ok := processWide[path][fn]
		return use, ok
	}
	heldBy := func(path, fn string, e ast.Expr) bool {
		return heldWide[path][fn] && !(reads[e] && readOnly(path, fn))
	}
	hold := func(n ast.Node, what string) {
		if out.held == "" {
			out.held = fmt.Sprintf("%s at %s:%d", what, rel, tf.Line(n.Pos()))
		}
	}
	// helperRef reports a reference to the module's function that
	// changes process-wide state (helpers.go), called, instantiated or
	// handed over as a value, and holds the held setting it reaches.
	helperRef := func(e ast.Expr) {
		if helpers == nil || types == nil {
			return
		}
		hf := helpers.funcs[helpers.refKey(e, imports, self, f.Name.Name, types.pkg)]
		if hf == nil {
			return
		}
		name := types.pkg
		switch x := e.(type) {
		case *ast.Ident:
			name = x.Name
		case *ast.SelectorExpr:
			name = x.X.(*ast.Ident).Name + "." + x.Sel.Name
		}
		if hf.wide != "" {
			report(e, name, "it reaches "+hf.wide+": "+hf.use)
		}
		if hf.held != "" {
			hold(e, name+" (it reaches "+hf.held+")")
		}
	}
	// aliases are the locals that hold a package variable's address or,
	// for the wideVars (pointers and interfaces all), its value
	// (c := http.DefaultClient, p := &search.BM25_k1, l := log.Default()),
	// in themselves or in a part of theirs: a field, an embedded field, an
	// element (q := quiet{http.DefaultClient}, h.c = http.DefaultClient,
	// cs := []*http.Client{http.DefaultClient}). A write through one
	// (q.Timeout = …, cs[0].Timeout = …) is a write to the variable.
	// Tracked in source order; a local or part given anything else stops
	// holding it (c = &http.Client{}).
	aliases := map[any][]holder{} // by the local's Obj (the parser's resolution, as above)
	// pkgVarOf returns the package variable e names as a root: one of
	// wideVars (by a selector or a dot import), or another package's
	// variable (use ""), or the default logger.
	pkgVarOf := func(e ast.Expr) (pkgVar, bool) {
		switch x := e.(type) {
		case *ast.SelectorExpr:
			if pkg, ok := x.X.(*ast.Ident); ok && pkg.Obj == nil {
				if path := imports[pkg.Name]; path != "" {
					return pkgVar{pkg.Name + "." + x.Sel.Name, wideVars[path][x.Sel.Name]}, true
				}
			}
		case *ast.Ident:
			if x.Obj == nil {
				for _, path := range dot {
					if use, ok := wideVars[path][x.Name]; ok {
						return pkgVar{x.Name, use}, true
					}
				}
				if types != nil && types.vars[x.Name] && f.Name.Name == types.pkg {
					return pkgVar{x.Name, ""}, true // the package's own, declared in its code
				}
			}
		case *ast.CallExpr:
			if isDefaultLogger(x, imports) {
				return pkgVar{"the default logger", ""}, true
			}
		}
		return pkgVar{}, false
	}
	// holdersOf returns where the value of e holds a package variable: a
	// wideVars value, a package variable's address, the default logger, a
	// local's (or its part's) holdings, a composite literal's elements.
	// typ is e's type where e is a composite literal whose type is elided.
	var holdersOf func(e, typ ast.Expr) []holder
	holdersOf = func(e, typ ast.Expr) []holder {
		switch x := e.(type) {
		case *ast.ParenExpr:
			return holdersOf(x.X, typ)
		case *ast.TypeAssertExpr:
			return holdersOf(x.X, nil)
		case *ast.UnaryExpr:
			if x.Op != token.AND {
				return nil
			}
			if v, ok := pkgVarOf(x.X); ok {
				return []holder{{v: v}} // the address of a package variable
			}
			return holdersOf(x.X, typ)
		case *ast.CompositeLit:
			return compositeHolders(x, typ, types, holdersOf)
		}
		if v, ok := pkgVarOf(e); ok {
			if v.use == "" && v.name != "the default logger" {
				return nil // a copy of another package's variable
			}
			return []holder{{v: v}}
		}
		root, p, deref := access(e, imports)
		id, ok := root.(*ast.Ident)
		if !ok || id.Obj == nil || deref {
			return nil
		}
		var out []holder
		for _, h := range aliases[id.Obj] {
			if left, past, ok := h.reach(p); ok && len(past) == 0 {
				out = append(out, left)
			}
		}
		return out
	}
	// valueOf returns the package variable e's value is (a wideVars
	// value, the default logger), if it is one.
	valueOf := func(e ast.Expr) (pkgVar, bool) {
		for _, h := range holdersOf(e, nil) {
			if len(h.path) == 0 {
				return h.v, true
			}
		}
		return pkgVar{}, false
	}
	bind := func(lhs, rhs ast.Expr, elem string) {
		root, p, deref := access(lhs, imports)
		id, ok := root.(*ast.Ident)
		if !ok || id.Obj == nil || deref {
			return
		}
		var kept []holder
		for _, h := range aliases[id.Obj] {
			if _, past, ok := h.reach(p); !ok || len(past) > 0 {
				kept = append(kept, h)
			}
		}
		var hs []holder
		if elem == "" {
			hs = holdersOf(rhs, nil)
		} else { // a range's value: the elements of rhs
			for _, h := range holdersOf(rhs, nil) {
				if len(h.path) > 0 && h.path[0] == elem {
					h.path, h.emb = h.path[1:], h.emb[1:]
					hs = append(hs, h)
				}
			}
		}
		emb := types.embedded(id, p)
		for _, h := range hs {
			h.path = append(append([]string(nil), p...), h.path...)
			h.emb = append(append([]map[string]bool(nil), emb...), h.emb...)
			kept = append(kept, h)
		}
		if len(kept) == 0 {
			delete(aliases, id.Obj)
		} else {
			aliases[id.Obj] = kept
		}
	}
	// written reports a write to e, whose root is a package variable: one
	// of wideVars, or another package's (a held setting), or a local
	// holding one (aliases) written through.
	written := func(e ast.Expr, addr bool) {
		root, p, deref := access(e, imports)
		if v, ok := pkgVarOf(root); ok {
			switch {
			case v.use != "":
				report(root, v.name, v.use)
			case v.name == "the default logger":
				hold(root, "the default logger written")
			case !addr:
				hold(root, v.name+" written")
			}
			return
		}
		id, ok := root.(*ast.Ident)
		if !ok || id.Obj == nil {
			return
		}
		for _, h := range aliases[id.Obj] {
			if left, past, ok := h.reach(p); !ok || len(left.path) > 0 || len(past) == 0 && !deref {
				continue
			}
			if h.v.use != "" {
				report(id, h.v.name, h.v.use)
			} else if !addr {
				hold(id, h.v.name+" written")
			}
			return
		}
	}
	// promotedMethod returns the wideVars variable whose method sel is,
	// promoted through a field it is embedded in (a.Close() where
	// a := struct{ *os.File }{os.Stdout}).
	promotedMethod := func(sel *ast.SelectorExpr) (pkgVar, bool) {
		root, p, deref := access(sel.X, imports)
		id, ok := root.(*ast.Ident)
		if !ok || id.Obj == nil || deref {
			return pkgVar{}, false
		}
		for _, h := range aliases[id.Obj] {
			if left, past, ok := h.reach(append(append([]string(nil), p...), sel.Sel.Name)); ok && h.v.use != "" && len(left.path) == 0 && len(past) == 1 {
				return h.v, true
			}
		}
		return pkgVar{}, false
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
					bind(l, n.Rhs[i], "")
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, id := range n.Names {
					bind(id, n.Values[i], "")
				}
			}
		case *ast.RangeStmt:
			if n.Value != nil {
				bind(n.Value, n.X, elemStep)
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
			if len(n.Args) == 1 && (isZero(n.Args[0]) || isNegative(n.Args[0])) {
				reads[n.Fun] = true
			}
			if ok && sel.Sel.Name == "Parallel" && len(n.Args) == 0 {
				name := "t"
				if id, ok := sel.X.(*ast.Ident); ok {
					name = id.Name
				}
				out.parallel = append(out.parallel, Finding{File: rel, Line: tf.Line(n.Pos()), Call: name + ".Parallel"})
			}
			if ok && logSetters[sel.Sel.Name] {
				if v, ok := valueOf(sel.X); ok && v.name == "the default logger" {
					hold(n, "the default logger's "+sel.Sel.Name)
				}
			}
			// a method expression, (*os.File).Close(os.Stdout): its
			// receiver is the first argument
			if me, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && wideMethods[me.Sel.Name] && isTypeExpr(me.X, imports) && len(n.Args) > 0 {
				if v, ok := valueOf(n.Args[0]); ok && v.use != "" {
					report(n, v.name+"."+me.Sel.Name, v.use)
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
			helperRef(n)
			if wideMethods[n.Sel.Name] {
				v, ok := valueOf(n.X)
				if _, addr := n.X.(*ast.UnaryExpr); addr {
					ok = false
				}
				if !ok {
					v, ok = promotedMethod(n)
				}
				if ok && v.use != "" {
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
			if heldBy(imports[pkg.Name], n.Sel.Name, n) {
				hold(n, pkg.Name+"."+n.Sel.Name)
			}
		case *ast.Ident:
			if (n.Obj != nil && n.Obj.Kind != ast.Fun) || notRef[n] {
				return true
			}
			helperRef(n)
			if n.Obj != nil {
				return true
			}
			for _, path := range dot {
				if use, ok := lookup(path, n.Name, n); ok {
					report(n, n.Name, use)
				}
				if heldBy(path, n.Name, n) {
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

// elemStep is the step of an access path that indexes a slice, array or
// map (cs[0], m["van-ban"]).
const elemStep = "[]"

// holder says where a local holds a package variable (scanFile's
// aliases): the access path from the local to it (field names and
// elemStep; empty when the local is it) and, for each step, whether it
// is an embedded field (emb[i] non-nil: the names the struct holding it
// declares itself, its own fields and methods), whose fields and methods
// the struct promotes unless it has its own of that name.
type holder struct {
	v    pkgVar
	path []string
	emb  []map[string]bool // parallel to path
}

// reach follows an access p to the local (q.Timeout is [Timeout]) into
// the holder's path: each step of p matches the path's next step, or
// passes over an embedded step whose struct does not declare p's name
// itself (promoted, at any depth: p.Timeout through p.quiet.Client). It
// returns what is left of the path once p is spent (the part p names
// holds the variable there) or, the path spent, what is left of p (past:
// p goes into the variable); ok is false when p turns away from it.
func (h holder) reach(p []string) (left holder, past []string, ok bool) {
	i, j := 0, 0
	for i < len(h.path) && j < len(p) {
		switch {
		case h.path[i] == p[j]:
			i, j = i+1, j+1
		case h.emb[i] != nil && !h.emb[i][p[j]]:
			i++
		default:
			return holder{}, nil, false
		}
	}
	left = holder{v: h.v, path: h.path[i:], emb: h.emb[i:]}
	if j < len(p) {
		return left, p[j:], true
	}
	return left, nil, true
}

// access splits e into its root (an identifier, an imported package's
// variable as pkg.Name, a call) and the path of fields and elements from the root to
// e; deref reports a pointer dereference on the way (*p, *q.c).
func access(e ast.Expr, imports map[string]string) (root ast.Expr, path []string, deref bool) {
	var rev []string
	for {
		switch x := e.(type) {
		case *ast.SelectorExpr:
			if pkg, ok := x.X.(*ast.Ident); ok && pkg.Obj == nil && imports[pkg.Name] != "" {
				return x, reverse(rev), deref // an imported package's variable
			}
			rev = append(rev, x.Sel.Name)
			e = x.X
		case *ast.IndexExpr:
			rev = append(rev, elemStep)
			e = x.X
		case *ast.IndexListExpr:
			rev = append(rev, elemStep)
			e = x.X
		case *ast.StarExpr:
			deref = true
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		case *ast.TypeAssertExpr:
			e = x.X
		default:
			return e, reverse(rev), deref
		}
	}
}

func reverse(s []string) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[len(s)-1-i] = v
	}
	return out
}

// dirTypes are the struct types and the methods the scanned files of one
// package directory declare, by type name: what a composite literal of a
// type declared in another file of the package needs (the parser
// resolves names within a file only).
type dirTypes struct {
	structs map[string]*ast.StructType
	methods map[string]map[string]bool
	vars    map[string]bool // the package-level variables its code (not its tests) declares
	pkg     string          // its code's package name (an external test package sees none of vars)
}

// addVars notes the package-level variables f declares.
func (d *dirTypes) addVars(f *ast.File) {
	d.pkg = f.Name.Name
	for _, decl := range f.Decls {
		if gd, ok := decl.(*ast.GenDecl); ok && gd.Tok == token.VAR {
			for _, spec := range gd.Specs {
				for _, id := range spec.(*ast.ValueSpec).Names {
					if id.Name != "_" {
						d.vars[id.Name] = true
					}
				}
			}
		}
	}
}

func (d *dirTypes) add(f *ast.File) {
	for _, decl := range f.Decls {
		switch decl := decl.(type) {
		case *ast.GenDecl:
			for _, spec := range decl.Specs {
				if ts, ok := spec.(*ast.TypeSpec); ok {
					if st, ok := ts.Type.(*ast.StructType); ok {
						d.structs[ts.Name.Name] = st
					}
				}
			}
		case *ast.FuncDecl:
			if decl.Recv == nil || len(decl.Recv.List) == 0 {
				continue
			}
			name := typeName(decl.Recv.List[0].Type)
			if name == "" {
				continue
			}
			if d.methods[name] == nil {
				d.methods[name] = map[string]bool{}
			}
			d.methods[name][decl.Name.Name] = true
		}
	}
}

// typeName returns the name of a named type as written (T, *T, pkg.T,
// T[P]), or "".
func typeName(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		case *ast.SelectorExpr:
			return x.Sel.Name
		default:
			return ""
		}
	}
}

// structField is one field of a struct type: its name (an embedded
// field's is its type's) and type.
type structField struct {
	name     string
	embedded bool
	typ      ast.Expr
}

// structFields returns st's fields and the names st declares itself
// (its fields, and methods, the methods of its named type); none for a
// nil st.
func structFields(st *ast.StructType, methods map[string]bool) ([]structField, map[string]bool) {
	own := map[string]bool{}
	for m := range methods {
		own[m] = true
	}
	if st == nil {
		return nil, own
	}
	var fields []structField
	for _, f := range st.Fields.List {
		if len(f.Names) == 0 {
			fields = append(fields, structField{typeName(f.Type), true, f.Type})
			continue
		}
		for _, id := range f.Names {
			fields = append(fields, structField{id.Name, false, f.Type})
		}
	}
	for _, f := range fields {
		own[f.name] = true
	}
	return fields, own
}

// embedded returns, for each step of the access path p from the local
// id, the names its struct declares itself when the step is an embedded
// field (nil otherwise), as holder.emb: the local's type read from its
// declaration (var q quiet, r := quiet{…}, r := &quiet{…}) and followed
// through the structs the package's test files declare; nil where the
// type is not known.
func (d *dirTypes) embedded(id *ast.Ident, p []string) []map[string]bool {
	emb := make([]map[string]bool, len(p))
	if d == nil || id.Obj == nil {
		return emb
	}
	var t ast.Expr
	switch decl := id.Obj.Decl.(type) {
	case *ast.ValueSpec:
		t = decl.Type
		for i, n := range decl.Names {
			if n.Name == id.Name && t == nil && i < len(decl.Values) {
				t = decl.Values[i]
			}
		}
	case *ast.AssignStmt:
		for i, l := range decl.Lhs {
			if l, ok := l.(*ast.Ident); ok && l.Name == id.Name && len(decl.Lhs) == len(decl.Rhs) {
				t = decl.Rhs[i]
			}
		}
	}
	if u, ok := t.(*ast.UnaryExpr); ok && u.Op == token.AND {
		t = u.X
	}
	if lit, ok := t.(*ast.CompositeLit); ok {
		t = lit.Type
	}
	name := typeName(t)
	for i, step := range p {
		st := d.structs[name]
		if st == nil {
			break
		}
		fields, own := structFields(st, d.methods[name])
		name = ""
		for _, f := range fields {
			if f.name == step {
				if f.embedded {
					emb[i] = own
				}
				name = typeName(f.typ)
			}
		}
	}
	return emb
}

// compositeHolders returns where a composite literal's value holds a
// package variable: in an element of a slice, array or map (elemStep),
// or in a struct's field, promoted when the field is embedded. typ is
// the literal's type when the literal elides it (an element of another).
// An unkeyed struct literal of a type not declared in the package's
// scanned files is not followed (its fields are unknown).
func compositeHolders(lit *ast.CompositeLit, typ ast.Expr, types *dirTypes, holdersOf func(e, typ ast.Expr) []holder) []holder {
	t := lit.Type
	if t == nil {
		t = typ
	}
	for {
		switch x := t.(type) {
		case *ast.ParenExpr:
			t = x.X
			continue
		case *ast.StarExpr:
			t = x.X
			continue
		}
		break
	}
	var out []holder
	add := func(step string, value, vtyp ast.Expr, embedded bool, own map[string]bool) {
		var emb map[string]bool
		if embedded {
			emb = own
		}
		for _, h := range holdersOf(value, vtyp) {
			h.path = append([]string{step}, h.path...)
			h.emb = append([]map[string]bool{emb}, h.emb...)
			out = append(out, h)
		}
	}
	var elem ast.Expr
	switch x := t.(type) {
	case *ast.ArrayType:
		elem = x.Elt
	case *ast.MapType:
		elem = x.Value
	}
	if elem != nil {
		for _, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				e = kv.Value
			}
			add(elemStep, e, elem, false, nil)
		}
		return out
	}
	var st *ast.StructType
	var methods map[string]bool
	switch x := t.(type) {
	case *ast.StructType:
		st = x
	case *ast.Ident:
		if types != nil {
			st, methods = types.structs[x.Name], types.methods[x.Name]
		}
	}
	fields, own := structFields(st, methods)
	for i, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			key, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			f := structField{name: key.Name}
			for _, g := range fields {
				if g.name == key.Name {
					f = g
				}
			}
			add(f.name, kv.Value, f.typ, f.embedded && st != nil, own)
			continue
		}
		if i < len(fields) {
			add(fields[i].name, e, fields[i].typ, fields[i].embedded, own)
		}
	}
	return out
}

// isTypeExpr reports whether e names the type of a wideVars variable, as
// the receiver of a method expression does: (*os.File), (*http.ServeMux).
func isTypeExpr(e ast.Expr, imports map[string]string) bool {
	e = ast.Unparen(e)
	if star, ok := e.(*ast.StarExpr); ok {
		e = star.X
	}
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	return ok && pkg.Obj == nil && wideTypes[imports[pkg.Name]][sel.Sel.Name]
}

// wideTypes are the types of the wideVars variables.
var wideTypes = map[string]map[string]bool{
	"os":       {"File": true},
	"net/http": {"Client": true, "Transport": true, "ServeMux": true},
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

// unboundedChildren reports each exec.Command or exec.CommandContext in f
// that runs the test binary (an argument os.Args[0], or a string literal
// starting "-test.") and whose command is not handed to childtest.Output
// in the file: made as an argument of a childtest.Output call, or
// assigned to a local the parser resolves (cmd := …, var cmd = …) and
// that local an argument of a childtest.Output call.
func unboundedChildren(fset *token.FileSet, f *ast.File, rel string) []Finding {
	imports := fileImports(f)
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
