package childproc

import (
	"errors"
	"os/exec"
	"syscall"

	"golang.org/x/sys/unix"
)

// deathSignal has the child killed when the thread that started it ends.
func deathSignal(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGKILL }

// killGroup kills the child's group, and the child itself should it have
// left the group; its error is the child's (os.ErrProcessDone once it has
// been waited for, as exec.Cmd.Cancel expects). The group is signalled
// through a pidfd of the child, opened while the child was not reaped, so
// no other group is: with PIDFD_SIGNAL_PROCESS_GROUP (Linux 6.9) the
// signal names the child's own pid whatever became of its number; before
// 6.9, or where the call fails otherwise (groupByID), the group is killed
// by its ID right after the check (the window the package doc names).
func killGroup(cmd *exec.Cmd) error {
	pid := cmd.Process.Pid
	fd, ferr := unix.PidfdOpen(pid, 0)
	if ferr == nil {
		defer unix.Close(fd)
	}
	if reaped(cmd) { // the number may be another process's now (fd too)
		return cmd.Process.Kill()
	}
	if ferr == nil {
		err := unix.PidfdSendSignal(fd, unix.SIGKILL, nil, unix.PIDFD_SIGNAL_PROCESS_GROUP)
		if !groupByID(err) {
			return cmd.Process.Kill() // done, or the group is gone (ESRCH)
		}
	}
	_ = syscall.Kill(-pid, syscall.SIGKILL)
	return cmd.Process.Kill()
}

// wait waits for the child to end without reaping it (waitid WNOWAIT),
// kills what is left of its group while the ended child still holds the
// group's ID (its PID cannot be given to another process before it is
// reaped), then reaps it (cmd.Wait).
func wait(cmd *exec.Cmd) error {
	var info unix.Siginfo
	for {
		err := unix.Waitid(unix.P_PID, cmd.Process.Pid, &info, unix.WEXITED|unix.WNOWAIT, nil)
		if !errors.Is(err, unix.EINTR) {
			if err == nil {
				_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			}
			break // ECHILD: reaped by another Wait; cmd.Wait says so
		}
	}
	return cmd.Wait()
}

// groupByID reports whether, pidfd_send_signal having answered err, the
// group must still be killed by its ID: on every error but ESRCH (the
// group is gone) — a kernel before 6.9 (EINVAL), none with pidfds
// (ENOSYS), a seccomp filter refusing the call (EPERM).
func groupByID(err error) bool {
	return err != nil && !errors.Is(err, unix.ESRCH)
}
