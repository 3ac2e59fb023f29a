package childtest

import (
	"os/exec"
	"syscall"
)

// dieWithParent has the child killed when the thread that started it
// ends (Child.run keeps that thread until the child is waited for).
func dieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
