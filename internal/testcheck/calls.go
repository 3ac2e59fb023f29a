// The process-wide calls and variables the check knows: the tables
// Tests reads, and the readers of them that are not per file.

package testcheck

import "go/ast"

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

// wideTypes are the types of the wideVars variables.
var wideTypes = map[string]map[string]bool{
	"os":       {"File": true},
	"net/http": {"Client": true, "Transport": true, "ServeMux": true},
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
