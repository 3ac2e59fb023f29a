// Holders: where a local holds a package variable (a field, an embedded
// field at any depth, an element), read from the package's own struct
// types and methods (dirTypes).

package testcheck

import (
	"go/ast"
	"go/token"
)

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
