package childtest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// traceeEnv, set, makes TestTraceeDiesWithParent the tracee: it writes
// its PID (as the system's /proc names it) into the FIFO the variable
// names and sleeps.
const traceeEnv = "VANBAN_CHILDTEST_TRACEE"

// TestTraceeDiesWithParent: a test (the child here) runs the test binary
// under strace through Output, as indexer's TestBuildSyncsInstalledSegments
// does, and is killed with SIGKILL (go test's timeout, a kill -9). strace
// dies with it (its parent-death signal); its tracee, detached then, must
// die too, not sleep on. Skipped without strace, or where Output cannot
// give strace a PID namespace of its own (no CAP_SYS_ADMIN: the fallback
// the package doc names).
func TestTraceeDiesWithParent(t *testing.T) {
	if fifo := os.Getenv(traceeEnv); fifo != "" {
		self, _ := os.Readlink("/proc/self")
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString(self + "\n")
		f.Close()
		time.Sleep(10 * time.Minute) // the parent's kill ends it, or the test's
		return
	}
	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Skip("no strace")
	}
	if In(t, "") {
		cmd := exec.Command(strace, "-f", "-o", os.DevNull, os.Args[0], "-test.run=^TestTraceeDiesWithParent$", "-test.count=1")
		cmd.Env = append(os.Environ(), traceeEnv+"="+os.Getenv("VANBAN_CHILDTEST_FIFO"))
		out, err := Output(t, cmd) // until the parent kills this process
		t.Fatalf("the tracee ended before the kill: %v\n%s", err, out)
	}
	if testing.Short() {
		t.Skip("skipping subprocess test in -short mode")
	}
	if !capSysAdmin() {
		t.Skip("no CAP_SYS_ADMIN: Output gives strace no PID namespace, and its tracee outlives a killed test (the fallback)")
	}
	fifo := filepath.Join(t.TempDir(), "tracee")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	c := Start(t, "", "VANBAN_CHILDTEST_FIFO="+fifo)
	pids := make(chan string, 1)
	go func() {
		b, _ := os.ReadFile(fifo) // until the tracee has written and closed it
		pids <- strings.TrimSpace(string(b))
	}()
	var pid int
	select {
	case s := <-pids:
		if pid, err = strconv.Atoi(s); err != nil {
			t.Fatalf("the tracee wrote %q", s)
		}
	case <-c.Done():
		os.WriteFile(fifo, nil, 0) // the reader's end
		t.Fatalf("the child ended before its tracee started: %v", c.Wait())
	}
	c.cmd.Process.Kill() // the child alone, as a kill -9 does: strace dies by its parent-death signal
	c.Wait()
	deadline := time.Now().Add(time.Minute) // a SIGKILL is delivered when the process next runs
	for running(pid) && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if running(pid) {
		syscall.Kill(pid, syscall.SIGKILL)
		t.Fatalf("strace's tracee %d outlives the test that ran strace, killed with SIGKILL", pid)
	}
}

// running reports whether process pid runs (not gone, not a zombie).
func running(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	return i < 0 || i+2 >= len(s) || (s[i+2] != 'Z' && s[i+2] != 'X')
}
