package childtest

import (
	"os/exec"
	"syscall"
)

// dieWithParent has the child killed when the thread that started it
// ends (Child.run and Output keep that thread until the child is waited
// for); cmd's other settings (credentials) are kept.
func dieWithParent(cmd *exec.Cmd) {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Pdeathsig = syscall.SIGKILL
}
