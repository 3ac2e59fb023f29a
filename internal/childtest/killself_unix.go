//go:build unix

package childtest

import (
	"os"
	"syscall"
)

// KillSelf kills this process with SIGKILL, as Kill kills a child: no
// deferred call, cleanup or flush runs. A child that must die at a
// chosen point of its work (after a given transaction) calls it; its
// parent's Killed(Wait()) is then true. It returns only if the signal
// could not be sent.
func KillSelf() error {
	return syscall.Kill(os.Getpid(), syscall.SIGKILL)
}
