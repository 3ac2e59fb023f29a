package childproc_test

import (
	"errors"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/vanban/vanban/internal/childproc"
	"github.com/vanban/vanban/internal/childtest"
)

// TestReusedPIDSpared: once a tool has been waited for, its PID is free;
// a new process given that PID and leading a group of its own (another
// tool's Setpgid) must not be killed by what ends the first tool's group
// late (a context cancelled as the tool exits, a test's timer: KillGroup).
// The PID's reuse is made certain in a PID namespace of the test's own (a
// child process, its next PID set through ns_last_pid): skipped where a
// user and PID namespace cannot be made.
func TestReusedPIDSpared(t *testing.T) {
	if childtest.In(t, "") {
		reusePID(t)
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^"+t.Name()+"$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), "VANBAN_TEST_CHILD="+t.Name())
	cmd.SysProcAttr = &syscall.SysProcAttr{
		Cloneflags:  syscall.CLONE_NEWUSER | syscall.CLONE_NEWPID,
		UidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getuid(), Size: 1}},
		GidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getgid(), Size: 1}},
	}
	out, err := childtest.Output(t, cmd)
	if errors.Is(err, syscall.EPERM) || errors.Is(err, syscall.EINVAL) || errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EUSERS) {
		t.Skipf("no user and PID namespace here: %v", err)
	}
	if strings.Contains(string(out), "--- SKIP") {
		t.Skipf("child skipped:\n%s", out)
	}
	if err != nil || !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Fatalf("child: %v\n%s", err, out)
	}
}

// reusePID runs in the namespace: a tool waited for, its PID given to a
// group leader, then the first tool's group killed late.
func reusePID(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	tool := exec.Command("true")
	childproc.Bind(tool)
	if err := tool.Start(); err != nil {
		t.Fatal(err)
	}
	pid := tool.Process.Pid
	if err := childproc.Wait(tool); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("/proc/sys/kernel/ns_last_pid", []byte(strconv.Itoa(pid-1)), 0); err != nil {
		t.Skipf("the namespace's next PID cannot be set: %v", err)
	}
	other := exec.Command("sleep", "600")
	other.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := other.Start(); err != nil {
		t.Fatal(err)
	}
	defer other.Process.Kill()
	if other.Process.Pid != pid {
		t.Fatalf("the new process has PID %d, want the tool's %d", other.Process.Pid, pid)
	}
	childproc.KillGroup(tool) // late: the tool was waited for
	// A SIGKILL sent above is queued before this SIGTERM: the process
	// dies of the first.
	other.Process.Signal(syscall.SIGTERM)
	err := other.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		t.Fatalf("the process given the tool's PID: %v", err)
	}
	if ws := ee.Sys().(syscall.WaitStatus); !ws.Signaled() || ws.Signal() != syscall.SIGTERM {
		t.Fatalf("the process given the tool's PID %d ended so: %v; want our SIGTERM (a SIGKILL meant for the tool's group hit it)", pid, err)
	}
}
