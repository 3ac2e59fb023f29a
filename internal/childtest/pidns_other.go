//go:build !linux

package childtest

import "os/exec"

// start starts Output's cmd as given: PID namespaces are Linux's, and a
// wrapper's tracee outlives a parent killed with SIGKILL here.
func start(cmd *exec.Cmd) (*exec.Cmd, error) { return cmd, cmd.Start() }
