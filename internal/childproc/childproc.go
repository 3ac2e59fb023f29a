// Package childproc binds a child process's life to its parent's: the
// one owner of how vanban starts a program of its own (the file readers'
// tools: pdftotext, pdftoppm, tesseract, antiword, catdoc, xls2csv; a
// test's child processes: internal/childtest).
//
// Bind puts the child in a process group of its own and has the group,
// not the child alone, killed when the command's context ends
// (exec.Cmd.Cancel); End kills what is left of the group once the child
// has been waited for (a grandchild holding the child's output). On
// Linux the child is killed too when the thread that started it ends
// (Pdeathsig: the caller keeps that thread, runtime.LockOSThread, from
// Start to Wait), so a parent killed with SIGKILL leaves no tool running.
//
// Where the system lacks them the fallback is said by each: without
// process groups (Windows) the context's end kills the child alone and
// End does nothing; without a parent-death signal (macOS, the BSDs) a
// child outlives a parent killed with SIGKILL until its own end — a
// tool's run is bounded by its time limit either way.
//
// A grandchild of a tool outlives a parent killed with SIGKILL (the
// parent-death signal is the child's, not inherited by its children): the
// tools vanban runs do not start programs of their own.
package childproc

import (
	"os/exec"
)

// Bind sets cmd, before its Start, to run in a process group of its own,
// the whole group killed when cmd's context ends (a cmd made by
// exec.CommandContext; exec.Command's has no context: KillGroup),
// and, on Linux, killed when its starting thread ends. cmd's other
// SysProcAttr settings (credentials) are kept.
func Bind(cmd *exec.Cmd) {
	bind(cmd)
}

// End kills, with SIGKILL, the processes left in the group of cmd's
// child, which has been waited for (nothing without process groups, or
// when the group is empty).
func End(cmd *exec.Cmd) {
	if cmd.Process == nil || cmd.ProcessState == nil {
		return
	}
	end(cmd.Process.Pid)
}

// KillGroup kills, with SIGKILL, cmd's started child and its group
// (the child alone without process groups).
func KillGroup(cmd *exec.Cmd) error {
	if cmd.Process == nil {
		return nil
	}
	return killGroup(cmd)
}
