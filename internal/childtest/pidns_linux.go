package childtest

import (
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"syscall"
)

// start starts Output's cmd, in a PID namespace of its own when
// ownPIDNamespace gives it one and the system lets it be made (a seccomp
// filter may refuse it: the command is then started as given, a copy of
// it); it returns the command started.
func start(cmd *exec.Cmd) (*exec.Cmd, error) {
	if !ownPIDNamespace(cmd) {
		return cmd, cmd.Start()
	}
	if err := cmd.Start(); err == nil {
		return cmd, nil
	}
	attr := *cmd.SysProcAttr
	attr.Cloneflags &^= syscall.CLONE_NEWPID
	again := &exec.Cmd{Path: cmd.Path, Args: cmd.Args, Env: cmd.Env, Dir: cmd.Dir, Stdin: cmd.Stdin,
		Stdout: cmd.Stdout, Stderr: cmd.Stderr, ExtraFiles: cmd.ExtraFiles, WaitDelay: cmd.WaitDelay, SysProcAttr: &attr}
	return again, again.Start()
}

// ownPIDNamespace gives cmd a PID namespace of its own when cmd wraps the
// test binary (one of its arguments is os.Args[0]: strace running the
// test) and this process may make one (CAP_SYS_ADMIN), unless cmd sets
// namespaces itself: the wrapper is then the namespace's init, and when it
// dies — its parent-death signal when the test is killed, Output's kill at
// the bound — the kernel kills every process in the namespace, its tracee
// too (strace detaches a tracee it cannot kill: strace 6.1 has no
// --kill-on-exit). It reports whether it did.
func ownPIDNamespace(cmd *exec.Cmd) bool {
	if !slices.Contains(cmd.Args[1:], os.Args[0]) || !capSysAdmin() {
		return false
	}
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	if cmd.SysProcAttr.Cloneflags != 0 {
		return false
	}
	cmd.SysProcAttr.Cloneflags = syscall.CLONE_NEWPID
	return true
}

// capSysAdmin reports whether this process holds CAP_SYS_ADMIN (bit 21 of
// /proc/self/status's CapEff).
func capSysAdmin() bool {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "CapEff:"); ok {
			caps, err := strconv.ParseUint(strings.TrimSpace(v), 16, 64)
			return err == nil && caps&(1<<21) != 0
		}
	}
	return false
}
