//go:build unix

package childtest

import (
	"os"
	"syscall"
	"testing"
)

// KillSelf kills this process with SIGKILL, as Kill kills a child: no
// deferred call, cleanup or flush runs. A child that must die at a
// chosen point of its work (after a given transaction) calls it; its
// parent's Killed(Wait()) is then true. It returns only if the signal
// could not be sent.
func KillSelf() error {
	return syscall.Kill(os.Getpid(), syscall.SIGKILL)
}

// SkipWithoutKill skips t where Killed cannot tell a killed child from
// one that failed; on unix systems (SIGKILL, a wait status that names it)
// it does nothing. A test that asserts Killed(Wait()) calls it first.
func SkipWithoutKill(t testing.TB) {}
