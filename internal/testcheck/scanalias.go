// The locals that hold a package variable (scanner.aliases): where a
// value holds one, a local bound to it, a write through it.

package testcheck

import (
	"go/ast"
	"go/token"
)

// pkgVarOf returns the package variable e names as a root: one of
// wideVars (by a selector or a dot import), or another package's
// variable (use ""), or the default logger.
func (s *scanner) pkgVarOf(e ast.Expr) (pkgVar, bool) {
	switch x := e.(type) {
	case *ast.SelectorExpr:
		if pkg, ok := x.X.(*ast.Ident); ok && pkg.Obj == nil {
			if path := s.imports[pkg.Name]; path != "" {
				return pkgVar{pkg.Name + "." + x.Sel.Name, wideVars[path][x.Sel.Name]}, true
			}
		}
	case *ast.Ident:
		if x.Obj == nil {
			for _, path := range s.dot {
				if use, ok := wideVars[path][x.Name]; ok {
					return pkgVar{x.Name, use}, true
				}
			}
			if s.types != nil && s.types.vars[x.Name] && s.f.Name.Name == s.types.pkg {
				return pkgVar{x.Name, ""}, true // the package's own, declared in its code
			}
		}
	case *ast.CallExpr:
		if isDefaultLogger(x, s.imports) {
			return pkgVar{"the default logger", ""}, true
		}
	}
	return pkgVar{}, false
}

func (s *scanner) holdersOf(e, typ ast.Expr) []holder {
	switch x := e.(type) {
	case *ast.ParenExpr:
		return s.holdersOf(x.X, typ)
	case *ast.TypeAssertExpr:
		return s.holdersOf(x.X, nil)
	case *ast.UnaryExpr:
		if x.Op != token.AND {
			return nil
		}
		if v, ok := s.pkgVarOf(x.X); ok {
			return []holder{{v: v}} // the address of a package variable
		}
		return s.holdersOf(x.X, typ)
	case *ast.CompositeLit:
		return compositeHolders(x, typ, s.types, s.holdersOf)
	}
	if v, ok := s.pkgVarOf(e); ok {
		if v.use == "" && v.name != "the default logger" {
			return nil // a copy of another package's variable
		}
		return []holder{{v: v}}
	}
	root, p, deref := access(e, s.imports)
	id, ok := root.(*ast.Ident)
	if !ok || id.Obj == nil || deref {
		return nil
	}
	var out []holder
	for _, h := range s.aliases[id.Obj] {
		if left, past, ok := h.reach(p); ok && len(past) == 0 {
			out = append(out, left)
		}
	}
	return out
}

// valueOf returns the package variable e's value is (a wideVars
// value, the default logger), if it is one.
func (s *scanner) valueOf(e ast.Expr) (pkgVar, bool) {
	for _, h := range s.holdersOf(e, nil) {
		if len(h.path) == 0 {
			return h.v, true
		}
	}
	return pkgVar{}, false
}

func (s *scanner) bind(lhs, rhs ast.Expr, elem string) {
	root, p, deref := access(lhs, s.imports)
	id, ok := root.(*ast.Ident)
	if !ok || id.Obj == nil || deref {
		return
	}
	var kept []holder
	for _, h := range s.aliases[id.Obj] {
		if _, past, ok := h.reach(p); !ok || len(past) > 0 {
			kept = append(kept, h)
		}
	}
	var hs []holder
	if elem == "" {
		hs = s.holdersOf(rhs, nil)
	} else { // a range's value: the elements of rhs
		for _, h := range s.holdersOf(rhs, nil) {
			if len(h.path) > 0 && h.path[0] == elem {
				h.path, h.emb = h.path[1:], h.emb[1:]
				hs = append(hs, h)
			}
		}
	}
	emb := s.types.embedded(id, p)
	for _, h := range hs {
		h.path = append(append([]string(nil), p...), h.path...)
		h.emb = append(append([]map[string]bool(nil), emb...), h.emb...)
		kept = append(kept, h)
	}
	if len(kept) == 0 {
		delete(s.aliases, id.Obj)
	} else {
		s.aliases[id.Obj] = kept
	}
}

// written reports a write to e, whose root is a package variable: one
// of wideVars, or another package's (a held setting), or a local
// holding one (aliases) written through.
func (s *scanner) written(e ast.Expr, addr bool) {
	root, p, deref := access(e, s.imports)
	if v, ok := s.pkgVarOf(root); ok {
		switch {
		case v.use != "":
			s.report(root, v.name, v.use)
		case v.name == "the default logger":
			s.hold(root, "the default logger written")
		case !addr:
			s.hold(root, v.name+" written")
		}
		return
	}
	id, ok := root.(*ast.Ident)
	if !ok || id.Obj == nil {
		return
	}
	for _, h := range s.aliases[id.Obj] {
		if left, past, ok := h.reach(p); !ok || len(left.path) > 0 || len(past) == 0 && !deref {
			continue
		}
		if h.v.use != "" {
			s.report(id, h.v.name, h.v.use)
		} else if !addr {
			s.hold(id, h.v.name+" written")
		}
		return
	}
}

// promotedMethod returns the wideVars variable whose method sel is,
// promoted through a field it is embedded in (a.Close() where
// a := struct{ *os.File }{os.Stdout}).
func (s *scanner) promotedMethod(sel *ast.SelectorExpr) (pkgVar, bool) {
	root, p, deref := access(sel.X, s.imports)
	id, ok := root.(*ast.Ident)
	if !ok || id.Obj == nil || deref {
		return pkgVar{}, false
	}
	for _, h := range s.aliases[id.Obj] {
		if left, past, ok := h.reach(append(append([]string(nil), p...), sel.Sel.Name)); ok && h.v.use != "" && len(left.path) == 0 && len(past) == 1 {
			return h.v, true
		}
	}
	return pkgVar{}, false
}
