//go:build unix

package childproc

import (
	"os/exec"
	"syscall"
)

func bind(cmd *exec.Cmd) {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Setpgid = true
	cmd.SysProcAttr.Pgid = 0
	deathSignal(cmd.SysProcAttr)
	if cmd.Cancel != nil { // made by exec.CommandContext (which kills the child alone)
		cmd.Cancel = func() error { return killGroup(cmd) }
	}
}

// reaped reports whether cmd's child has been waited for (its PID free):
// Go's Process answers through its own pidfd where the system has them,
// else by its done mark.
func reaped(cmd *exec.Cmd) bool {
	return cmd.Process.Signal(syscall.Signal(0)) != nil
}
