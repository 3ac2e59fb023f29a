//go:build !unix

package childtest

import "os"

// KillSelf ends this process at once, as Kill ends a child (on Windows
// TerminateProcess): no deferred call, cleanup or flush runs. Without
// signals Killed cannot tell this end from a failed test's, so the kill -9
// tests that use it build here but are meant for unix systems. It returns
// only if the process could not be ended.
func KillSelf() error {
	p, err := os.FindProcess(os.Getpid())
	if err != nil {
		return err
	}
	return p.Kill()
}
