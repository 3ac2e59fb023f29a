//go:build !unix

package childtest

import (
	"os"
	"runtime"
	"testing"
)

// KillSelf ends this process at once, as Kill ends a child (on Windows
// TerminateProcess): no deferred call, cleanup or flush runs. Without
// signals Killed cannot tell this end from a failed test's, so the tests
// that assert it skip here (SkipWithoutKill). It returns only if the
// process could not be ended.
func KillSelf() error {
	p, err := os.FindProcess(os.Getpid())
	if err != nil {
		return err
	}
	return p.Kill()
}

// SkipWithoutKill skips t: without signals a killed child ends as a
// failed one does (TerminateProcess's exit status 1) and Killed is never
// true, so a kill -9 test here would fail whatever the code under test
// did — or, asserting less, pass without having seen a kill.
func SkipWithoutKill(t testing.TB) {
	t.Helper()
	t.Skip("no SIGKILL on " + runtime.GOOS + ": Killed cannot tell a killed child from a failed one")
}
