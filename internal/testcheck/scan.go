// The check of one test file (scanFile): process-wide calls, writes to
// wide variables through any holder, held settings and t.Parallel. The
// locals that hold a package variable are scanalias.go's.

package testcheck

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

// fileScan is what scanFile finds in one file.
type fileScan struct {
	findings []Finding
	parallel []Finding // its t.Parallel calls, their Use not set
	held     string    // the first heldWide call, as call and place, or ""
}

// scanner is scanFile's state over one file.
type scanner struct {
	f       *ast.File
	tf      *token.File
	rel     string
	types   *dirTypes
	helpers *helpers
	self    string
	imports map[string]string // local name → import path
	dot     []string          // paths imported with "."
	marked  map[int]bool      // lines a Marker comment covers
	// identifiers that are not references: selected names, and the names
	// a declaration, a field or a composite literal's key gives
	notRef map[*ast.Ident]bool
	reads  map[ast.Expr]bool // the functions called with 0 or a negative literal
	// aliases are the locals that hold a package variable's address or,
	// for the wideVars (pointers and interfaces all), its value
	// (c := http.DefaultClient, p := &search.BM25_k1, l := log.Default()),
	// in themselves or in a part of theirs: a field, an embedded field, an
	// element (q := quiet{http.DefaultClient}, h.c = http.DefaultClient,
	// cs := []*http.Client{http.DefaultClient}). A write through one
	// (q.Timeout = …, cs[0].Timeout = …) is a write to the variable.
	// Tracked in source order; a local or part given anything else stops
	// holding it (c = &http.Client{}).
	aliases map[any][]holder // by the local's Obj (the parser's resolution, as above)
	out     fileScan
}

// scanFile checks one parsed file; src is its text. The file is parsed
// with object resolution: an identifier that names a local declaration
// (os := env{}) has an Obj, one that names an imported package has none.
func scanFile(fset *token.FileSet, f *ast.File, src []byte, rel string, types *dirTypes, helpers *helpers, self string) fileScan {
	s := &scanner{f: f, tf: fset.File(f.Pos()), rel: rel, types: types, helpers: helpers, self: self,
		imports: fileImports(f), notRef: map[*ast.Ident]bool{}, reads: map[ast.Expr]bool{}, aliases: map[any][]holder{}}
	for _, im := range f.Imports {
		if im.Name != nil && im.Name.Name == "." {
			s.dot = append(s.dot, strings.Trim(im.Path.Value, `"`))
		}
	}
	s.marked = markedLines(s.tf, f, src)
	ast.Inspect(f, s.visit)
	return s.out
}

// report adds a finding at n unless a Marker comment covers its line.
func (s *scanner) report(n ast.Node, call, use string) {
	if line := s.tf.Line(n.Pos()); !s.marked[line] {
		s.out.findings = append(s.out.findings, Finding{File: s.rel, Line: line, Call: call, Use: use})
	}
}

// hold keeps the first held setting the file reaches, with its place.
func (s *scanner) hold(n ast.Node, what string) {
	if s.out.held == "" {
		s.out.held = fmt.Sprintf("%s at %s:%d", what, s.rel, s.tf.Line(n.Pos()))
	}
}

// lookup and heldBy: a read (GOMAXPROCS(0), SetMemoryLimit(-1):
// readOnly, the rule helpers.go applies to the module's code) neither
// changes nor holds the setting
func (s *scanner) lookup(path, fn string, e ast.Expr) (string, bool) {
	if s.reads[e] && readOnly(path, fn) {
		return "", false
	}
	use, ok := processWide[path][fn]
	return use, ok
}

func (s *scanner) heldBy(path, fn string, e ast.Expr) bool {
	return heldWide[path][fn] && !(s.reads[e] && readOnly(path, fn))
}

// helperRef reports a reference to the module's function that
// changes process-wide state (helpers.go), called, instantiated or
// handed over as a value, and holds the held setting it reaches.
func (s *scanner) helperRef(e ast.Expr) {
	if s.helpers == nil || s.types == nil {
		return
	}
	hf := s.helpers.funcs[s.helpers.refKey(e, s.imports, s.self, s.f.Name.Name, s.types.pkg)]
	if hf == nil {
		return
	}
	name := s.types.pkg
	switch x := e.(type) {
	case *ast.Ident:
		name = x.Name
	case *ast.SelectorExpr:
		name = x.X.(*ast.Ident).Name + "." + x.Sel.Name
	}
	if hf.wide != "" {
		s.report(e, name, "it reaches "+hf.wide+": "+hf.use)
	}
	if hf.held != "" {
		s.hold(e, name+" (it reaches "+hf.held+")")
	}
}

// visit is scanFile's walk: it binds and writes in source order, reports
// process-wide calls and references, and notes t.Parallel.
func (s *scanner) visit(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.AssignStmt:
		if n.Tok != token.DEFINE {
			for _, l := range n.Lhs {
				s.written(l, false)
			}
		}
		if len(n.Lhs) == len(n.Rhs) {
			for i, l := range n.Lhs {
				s.bind(l, n.Rhs[i], "")
			}
		}
	case *ast.ValueSpec:
		if len(n.Names) == len(n.Values) {
			for i, id := range n.Names {
				s.bind(id, n.Values[i], "")
			}
		}
	case *ast.RangeStmt:
		if n.Value != nil {
			s.bind(n.Value, n.X, elemStep)
		}
	case *ast.IncDecStmt:
		s.written(n.X, false)
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			s.written(n.X, true)
		}
	case *ast.FuncDecl:
		s.notRef[n.Name] = true
	case *ast.Field:
		for _, id := range n.Names {
			s.notRef[id] = true
		}
	case *ast.CompositeLit:
		for _, e := range n.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					s.notRef[id] = true
				}
			}
		}
	case *ast.CallExpr:
		sel, ok := n.Fun.(*ast.SelectorExpr)
		if len(n.Args) == 1 && (isZero(n.Args[0]) || isNegative(n.Args[0])) {
			s.reads[n.Fun] = true
		}
		if ok && sel.Sel.Name == "Parallel" && len(n.Args) == 0 {
			name := "t"
			if id, ok := sel.X.(*ast.Ident); ok {
				name = id.Name
			}
			s.out.parallel = append(s.out.parallel, Finding{File: s.rel, Line: s.tf.Line(n.Pos()), Call: name + ".Parallel"})
		}
		if ok && logSetters[sel.Sel.Name] {
			if v, ok := s.valueOf(sel.X); ok && v.name == "the default logger" {
				s.hold(n, "the default logger's "+sel.Sel.Name)
			}
		}
		// a method expression, (*os.File).Close(os.Stdout): its
		// receiver is the first argument
		if me, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && wideMethods[me.Sel.Name] && isTypeExpr(me.X, s.imports) && len(n.Args) > 0 {
			if v, ok := s.valueOf(n.Args[0]); ok && v.use != "" {
				s.report(n, v.name+"."+me.Sel.Name, v.use)
			}
		}
		if ok && sel.Sel.Name == "Chdir" && len(n.Args) == 0 {
			name := "(*os.File)"
			if id, ok := sel.X.(*ast.Ident); ok {
				name = id.Name
			}
			s.report(n, name+".Chdir", "use t.Chdir")
		}
	case *ast.SelectorExpr:
		s.notRef[n.Sel] = true
		s.helperRef(n)
		if wideMethods[n.Sel.Name] {
			v, ok := s.valueOf(n.X)
			if _, addr := n.X.(*ast.UnaryExpr); addr {
				ok = false
			}
			if !ok {
				v, ok = s.promotedMethod(n)
			}
			if ok && v.use != "" {
				s.report(n, v.name+"."+n.Sel.Name, v.use)
			}
		}
		pkg, ok := n.X.(*ast.Ident)
		if !ok || pkg.Obj != nil {
			return true
		}
		if use, ok := s.lookup(s.imports[pkg.Name], n.Sel.Name, n); ok {
			s.report(n, pkg.Name+"."+n.Sel.Name, use)
		}
		if s.heldBy(s.imports[pkg.Name], n.Sel.Name, n) {
			s.hold(n, pkg.Name+"."+n.Sel.Name)
		}
	case *ast.Ident:
		if (n.Obj != nil && n.Obj.Kind != ast.Fun) || s.notRef[n] {
			return true
		}
		s.helperRef(n)
		if n.Obj != nil {
			return true
		}
		for _, path := range s.dot {
			if use, ok := s.lookup(path, n.Name, n); ok {
				s.report(n, n.Name, use)
			}
			if s.heldBy(path, n.Name, n) {
				s.hold(n, n.Name)
			}
		}
	}
	return true
}

// pkgVar is a package variable a local may hold (scanFile's aliases): its
// name as written, and what to use instead when it is one of wideVars (""
// for a held setting).
type pkgVar struct{ name, use string }

// isZero reports whether e is the literal 0.
func isZero(e ast.Expr) bool {
	lit, ok := e.(*ast.BasicLit)
	return ok && lit.Kind == token.INT && lit.Value == "0"
}
