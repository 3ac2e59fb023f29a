package childproc

import "syscall"

// deathSignal has the child killed when the thread that started it ends.
func deathSignal(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGKILL }
