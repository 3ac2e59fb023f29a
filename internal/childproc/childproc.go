// Package childproc binds a child process's life to its parent's: the
// one owner of how vanban starts a program of its own (the file readers'
// tools: pdftotext, pdftoppm, tesseract, antiword, catdoc, xls2csv; a
// test's child processes: internal/childtest).
//
// Bind puts the child in a process group of its own and has the group,
// not the child alone, killed when the command's context ends
// (exec.Cmd.Cancel); Wait, which replaces exec.Cmd.Wait, kills what is
// left of the group once the child has ended (a grandchild holding the
// child's output).
//
// No kill reaches a process the child's PID was given to after it was
// waited for (the PID is free then: another tool may get it and lead a
// group of its own). On Linux, Wait kills the group while the ended child
// is not yet reaped (waitid WNOWAIT: its PID, the group's ID, still
// taken), and KillGroup signals the group through a pidfd of the child
// (pidfd_send_signal's PIDFD_SIGNAL_PROCESS_GROUP, Linux 6.9: the signal
// names the child's own pid, not its number), never once the child has
// been reaped; before Linux 6.9 (or where the call is refused: a seccomp
// filter's EPERM) it checks, through Go's pidfd of the
// child, that the child is not reaped, then kills the group by its ID (a
// reap and a PID wrap between those two calls is the window left). Other
// systems kill the group by its ID after the wait (the window of a reap
// and a PID wrap before that kill).
//
// On Linux the child is killed too when the thread that started it ends
// (Pdeathsig: the caller keeps that thread, runtime.LockOSThread, from
// Start to Wait), so a parent killed with SIGKILL leaves no tool running.
// Output and CombinedOutput run a short program so, start to end.
//
// Where the system lacks them the fallback is said by each: without
// process groups (Windows) the context's end kills the child alone and
// Wait is exec's; without a parent-death signal (macOS, the BSDs) a
// child outlives a parent killed with SIGKILL until its own end — a
// tool's run is bounded by its time limit either way.
//
// A grandchild of a tool outlives a parent killed with SIGKILL (the
// parent-death signal is the child's, not inherited by its children): the
// tools vanban runs do not start programs of their own.
package childproc

import (
	"bytes"
	"errors"
	"os/exec"
	"runtime"
)

// Bind sets cmd, before its Start, to run in a process group of its own,
// the whole group killed when cmd's context ends (a cmd made by
// exec.CommandContext; exec.Command's has no context: KillGroup),
// and, on Linux, killed when its starting thread ends. cmd's other
// SysProcAttr settings (credentials) are kept.
func Bind(cmd *exec.Cmd) {
	bind(cmd)
}

// Wait waits for cmd's started child to end, kills with SIGKILL what is
// left of its group (a process it started and left), and returns
// cmd.Wait's result: the one way a bound command is waited for.
func Wait(cmd *exec.Cmd) error {
	if cmd.Process == nil {
		return cmd.Wait() // its error: not started
	}
	return wait(cmd)
}

// KillGroup kills, with SIGKILL, cmd's started child and its group
// (the child alone without process groups).
func KillGroup(cmd *exec.Cmd) error {
	if cmd.Process == nil {
		return nil
	}
	return killGroup(cmd)
}

// Output runs cmd, bound (Bind), to its end on a thread kept from its
// start to its wait, and returns its standard output (its standard error
// in the *exec.ExitError, as exec.Cmd.Output does): a short program a
// test or a tool runs for its answer (iconv, pdfinfo, tesseract
// --list-langs).
func Output(cmd *exec.Cmd) ([]byte, error) {
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := run(cmd)
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		ee.Stderr = errOut.Bytes()
	}
	return out.Bytes(), err
}

// CombinedOutput runs cmd as Output does and returns its standard output
// and standard error together.
func CombinedOutput(cmd *exec.Cmd) ([]byte, error) {
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out // one writer: exec writes it from one goroutine at a time
	err := run(cmd)
	return out.Bytes(), err
}

// run starts cmd bound and waits for it (Wait) on one locked thread.
func run(cmd *exec.Cmd) error {
	Bind(cmd)
	runtime.LockOSThread() // Pdeathsig follows the starting thread
	defer runtime.UnlockOSThread()
	if err := cmd.Start(); err != nil {
		return err
	}
	return Wait(cmd)
}
