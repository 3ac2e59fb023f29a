//go:build unix && !linux

package childproc

import (
	"os/exec"
	"syscall"
)

// deathSignal does nothing: the system has no parent-death signal (the
// package says the fallback).
func deathSignal(*syscall.SysProcAttr) {}

// killGroup kills the child's group while the child is not reaped, and
// the child.
func killGroup(cmd *exec.Cmd) error {
	if !reaped(cmd) {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
	return cmd.Process.Kill()
}

// wait reaps the child, then kills what is left of its group (no waitid
// WNOWAIT here: the window of a reap and a PID wrap before the kill, as
// the package doc says).
func wait(cmd *exec.Cmd) error {
	err := cmd.Wait()
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	return err
}
