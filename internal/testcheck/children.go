// The check that a test runs the test binary again only through
// internal/childtest (unboundedChildren).

package testcheck

import (
	"go/ast"
	"go/token"
	"strings"
)

// childtestPath is the package that bounds a test's child processes.
const childtestPath = "github.com/vanban/vanban/internal/childtest"

// childUse is what a test that starts the test binary unbounded uses
// instead.
const childUse = "start the test binary through internal/childtest (Start, Run; Output for a command of the test's own), bounded by the test's deadline and dead with its parent"

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
