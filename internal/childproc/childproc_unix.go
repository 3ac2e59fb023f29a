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

// killGroup kills the child's group, and the child itself should it
// have left the group; its error is the child's (os.ErrProcessDone once
// it has been waited for, as exec.Cmd.Cancel expects).
func killGroup(cmd *exec.Cmd) error {
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	return cmd.Process.Kill()
}

// end kills the group pid led: its leader has been waited for, so the
// group is only what the child left (Linux does not give a group's ID
// to a new process while the group has members).
func end(pid int) {
	_ = syscall.Kill(-pid, syscall.SIGKILL)
}
