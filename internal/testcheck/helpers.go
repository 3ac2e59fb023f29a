package testcheck

import (
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"strings"
)

// helpers indexes the module's own functions (its code, not its tests)
// that change process-wide state, themselves or through another function
// of the module they call: a test calling one (envx.Home, which calls
// os.Setenv) changes it as surely as a test calling os.Setenv. Plain
// functions only, by name, generic ones by their instantiations
// (envx.Set[string]); a function handed over as a value
// (t.Cleanup(envx.Reset), once.Do(setHome)) counts as called. A method is
// not followed.
type helpers struct {
	module string                 // the module path from root's go.mod ("" without one)
	funcs  map[string]*helperFunc // by "import/path.Name"
}

type helperFunc struct {
	wide, use string   // the process-wide call it reaches ("os.Setenv") and what to use instead
	held      string   // the held setting it reaches ("debug.SetMemoryLimit")
	calls     []string // the module's functions it calls, by key
}

func newHelpers(root string) *helpers {
	h := &helpers{funcs: map[string]*helperFunc{}}
	if mod, err := os.ReadFile(filepath.Join(root, "go.mod")); err == nil {
		for _, line := range strings.Split(string(mod), "\n") {
			if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
				h.module = strings.Trim(strings.TrimSpace(rest), `"`)
				break
			}
		}
	}
	return h
}

// importPath returns the import path of the package in dir (relative to
// root, slash-separated).
func (h *helpers) importPath(dir string) string {
	if dir == "." {
		return h.module
	}
	return h.module + "/" + dir
}

// addFile notes the functions f declares (f in dir, parsed with object
// resolution; src its text, for the marks).
func (h *helpers) addFile(fset *token.FileSet, dir string, f *ast.File, src []byte) {
	imports := fileImports(f)
	marked := markedLines(fset.File(f.Pos()), f, src)
	tf := fset.File(f.Pos())
	self := h.importPath(dir)
	for _, decl := range f.Decls {
		fd, ok := decl.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || fd.Body == nil {
			continue
		}
		hf := &helperFunc{}
		reads := map[ast.Expr]bool{} // runtime.GOMAXPROCS(0), debug.SetMemoryLimit(-1)
		notRef := map[*ast.Ident]bool{}
		seen := map[string]bool{} // each name once in calls
		ref := func(key string) {
			if key != "" && !seen[key] {
				seen[key] = true
				hf.calls = append(hf.calls, key)
			}
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			notRefs(n, notRef)
			switch n := n.(type) {
			case *ast.CallExpr:
				if len(n.Args) == 1 && (isZero(n.Args[0]) || isNegative(n.Args[0])) {
					reads[n.Fun] = true
				}
			case *ast.Ident:
				// a call, an instantiation or a value: a reference
				if !notRef[n] {
					ref(h.refKey(n, imports, self, f.Name.Name, f.Name.Name))
				}
			case *ast.SelectorExpr:
				ref(h.refKey(n, imports, self, f.Name.Name, f.Name.Name))
				pkg, ok := n.X.(*ast.Ident)
				if !ok || pkg.Obj != nil || marked[tf.Line(n.Pos())] {
					return true
				}
				path, name := imports[pkg.Name], pkg.Name+"."+n.Sel.Name
				if use, ok := processWide[path][n.Sel.Name]; ok && hf.wide == "" && !(reads[n] && readOnly(path, n.Sel.Name)) {
					hf.wide, hf.use = name, use
				}
				if heldWide[path][n.Sel.Name] && hf.held == "" && !(reads[n] && readOnly(path, n.Sel.Name)) {
					hf.held = name
				}
			}
			return true
		})
		h.funcs[self+"."+fd.Name.Name] = hf
	}
}

// readOnly reports whether the function, called with 0 or a negative
// literal, only reads (GOMAXPROCS(0), SetMemoryLimit(-1)).
func readOnly(path, fn string) bool {
	return path == "runtime" && fn == "GOMAXPROCS" || path == "runtime/debug" && fn == "SetMemoryLimit"
}

// refKey returns the key of the module's function e names, or "": a
// name of the caller's own package (pkg its package name, own the
// package name whose functions self holds), or pkg.F of another of the
// module's packages. The reference may be called, instantiated
// (F[T]) or handed over as a value: each is a use of the function.
func (h *helpers) refKey(e ast.Expr, imports map[string]string, self, pkg, own string) string {
	switch fn := e.(type) {
	case *ast.Ident:
		// a function of the package: declared in another file (not
		// resolved), or in this one (resolved to a function); an
		// imported package's name cannot be one of the package's
		if (fn.Obj == nil || fn.Obj.Kind == ast.Fun) && pkg == own {
			return self + "." + fn.Name
		}
	case *ast.SelectorExpr:
		id, ok := fn.X.(*ast.Ident)
		if !ok || id.Obj != nil {
			return ""
		}
		if path := imports[id.Name]; path != "" && h.module != "" && (path == h.module || strings.HasPrefix(path, h.module+"/")) {
			return path + "." + fn.Sel.Name
		}
	}
	return ""
}

// notRefs marks in notRef the identifiers n gives that are not
// references: a selected name, a composite literal's key, a field's or
// a label's name.
func notRefs(n ast.Node, notRef map[*ast.Ident]bool) {
	switch x := n.(type) {
	case *ast.SelectorExpr:
		notRef[x.Sel] = true
	case *ast.KeyValueExpr:
		if id, ok := x.Key.(*ast.Ident); ok {
			notRef[id] = true
		}
	case *ast.Field:
		for _, id := range x.Names {
			notRef[id] = true
		}
	case *ast.LabeledStmt:
		notRef[x.Label] = true
	case *ast.BranchStmt:
		if x.Label != nil {
			notRef[x.Label] = true
		}
	}
}

// resolve carries each function's process-wide call and held setting to
// the functions that call it, until nothing changes.
func (h *helpers) resolve() {
	for changed := true; changed; {
		changed = false
		for _, hf := range h.funcs {
			for _, key := range hf.calls {
				callee := h.funcs[key]
				if callee == nil || callee == hf {
					continue
				}
				if hf.wide == "" && callee.wide != "" {
					hf.wide, hf.use, changed = callee.wide, callee.use, true
				}
				if hf.held == "" && callee.held != "" {
					hf.held, changed = callee.held, true
				}
			}
		}
	}
}

// fileImports maps each import's local name to its path (dot imports
// aside).
func fileImports(f *ast.File) map[string]string {
	imports := map[string]string{}
	for _, im := range f.Imports {
		path := strings.Trim(im.Path.Value, `"`)
		name := path[strings.LastIndex(path, "/")+1:]
		if im.Name != nil {
			name = im.Name.Name
		}
		if name != "." && name != "_" {
			imports[name] = path
		}
	}
	return imports
}

// isNegative reports whether e is a negative integer literal (-1).
func isNegative(e ast.Expr) bool {
	u, ok := e.(*ast.UnaryExpr)
	if !ok || u.Op != token.SUB {
		return false
	}
	lit, ok := u.X.(*ast.BasicLit)
	return ok && lit.Kind == token.INT
}
