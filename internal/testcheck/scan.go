// The check of one test file (scanFile): process-wide calls, writes to
// wide variables through any holder, held settings and t.Parallel.

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

// isZero reports whether e is the literal 0.
func isZero(e ast.Expr) bool {
	lit, ok := e.(*ast.BasicLit)
	return ok && lit.Kind == token.INT && lit.Value == "0"
}
