//go:build linux

package childtest

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestBound: a child process's time is its parent test's at most.
func TestBound(t *testing.T) {
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		deadline  time.Time
		ok        bool
		wantFlags []string
		wantKill  time.Time
	}{
		{"go test's ten minutes", now.Add(10 * time.Minute), true, []string{"-test.timeout=8m0s"}, now.Add(9 * time.Minute)},
		{"a minute left", now.Add(time.Minute), true, []string{"-test.timeout=48s"}, now.Add(54 * time.Second)},
		{"no time left", now.Add(-time.Second), true, []string{"-test.timeout=1ms"}, now.Add(2 * time.Millisecond)},
		{"no deadline (-test.timeout=0)", time.Time{}, false, nil, time.Time{}},
	}
	for _, tc := range tests {
		flags, kill := Bound(tc.deadline, tc.ok, now)
		if !reflect.DeepEqual(flags, tc.wantFlags) || !kill.Equal(tc.wantKill) {
			t.Errorf("%s: %q, kill at %v; want %q, %v", tc.name, flags, kill, tc.wantFlags, tc.wantKill)
		}
	}
}

// TestRunPattern: the child runs the one test named, a subtest level by
// level, a name's metacharacters quoted.
func TestRunPattern(t *testing.T) {
	for _, tc := range []struct{ test, want string }{
		{"TestStoreKill9", "^TestStoreKill9$"},
		{"TestUpgradeKill9/after_1", "^TestUpgradeKill9$/^after_1$"},
		{"TestEndedLateKill9/after_settleGone_(tombstones)", `^TestEndedLateKill9$/^after_settleGone_\(tombstones\)$`},
	} {
		if got := runPattern(tc.test); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.test, got, tc.want)
		}
	}
}

// TestChildKilled: a child that never ends by itself — it reports its
// -test.timeout, the bound, then blocks — is killed by Kill, Wait says
// SIGKILL, and its output ends (EOF) with it.
func TestChildKilled(t *testing.T) {
	if In(t, "") {
		for _, a := range os.Args {
			if strings.HasPrefix(a, "-test.timeout=") {
				os.Stdout.WriteString("bound " + a + "\n")
			}
		}
		os.Stdout.WriteString("ready " + os.Getenv("VANBAN_CHILDTEST_WORD") + "\n")
		select {} // until killed
	}
	if testing.Short() {
		t.Skip("skipping subprocess test in -short mode")
	}
	c := Start(t, "", "VANBAN_CHILDTEST_WORD=tiếp-công-dân")
	sc := bufio.NewScanner(c.Out)
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
		if strings.HasPrefix(sc.Text(), "ready ") {
			break
		}
	}
	_, bounded := t.Deadline()
	if !strings.Contains(strings.Join(lines, "\n"), "ready tiếp-công-dân") {
		t.Fatalf("the child's output: %q", lines)
	}
	if hasBound := strings.Contains(strings.Join(lines, "\n"), "bound -test.timeout="); hasBound != bounded {
		t.Errorf("the child's -test.timeout given %v, the parent's deadline %v: %q", hasBound, bounded, lines)
	}
	c.Kill()
	if err := c.Wait(); !Killed(err) {
		t.Errorf("after Kill: %v, want killed by SIGKILL", err)
	}
	for sc.Scan() { // the rest, then EOF
	}
	if !Killed(c.Wait()) {
		t.Error("Wait a second time changed its answer")
	}
}

// TestChildEndsWithItsTest: a test that returns without killing its
// child leaves none running (t.Cleanup kills it).
func TestChildEndsWithItsTest(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping subprocess test in -short mode")
	}
	var c *Child
	t.Run("starts a child and returns", func(t *testing.T) {
		c = Start(t, "TestChildKilled", "VANBAN_CHILDTEST_WORD=bỏ-dở")
		bufio.NewReader(c.Out).ReadString('\n')
	})
	select {
	case <-c.Done():
	default:
		t.Fatal("the child outlived the test that started it")
	}
	if err := c.Wait(); !Killed(err) {
		t.Errorf("%v, want killed by SIGKILL", err)
	}
}

// TestOutput: a child the test prepared itself (here the test binary on
// this test) gets the child's -test.timeout when the test has a
// deadline, and its output is returned whole.
func TestOutput(t *testing.T) {
	if In(t, "") {
		for _, a := range os.Args {
			if strings.HasPrefix(a, "-test.timeout=") {
				os.Stdout.WriteString("bound " + a + "\n")
			}
		}
		os.Stderr.WriteString("lịch tiếp công dân\n")
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestOutput$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), envName+"=TestOutput")
	out, err := Output(t, cmd)
	if err != nil || !strings.Contains(string(out), "--- PASS: TestOutput") || !strings.Contains(string(out), "lịch tiếp công dân") {
		t.Fatalf("%v\n%s", err, out)
	}
	_, bounded := t.Deadline()
	if got := strings.Contains(string(out), "bound -test.timeout="); got != bounded {
		t.Errorf("the child's -test.timeout given %v, the parent's deadline %v:\n%s", got, bounded, out)
	}
}

// TestKillSelf: a child that kills itself mid-way ends there — nothing it
// would print after the call is printed — and its parent's Wait says
// SIGKILL, as for a child the parent killed.
func TestKillSelf(t *testing.T) {
	if In(t, "") {
		os.Stdout.WriteString("trước khi dừng\n")
		if err := KillSelf(); err != nil {
			os.Stdout.WriteString("kill: " + err.Error() + "\n")
		}
		os.Stdout.WriteString("vẫn chạy sau khi dừng\n")
		os.Exit(3)
	}
	if testing.Short() {
		t.Skip("skipping subprocess test in -short mode")
	}
	out, err := Run(t, "")
	if !Killed(err) {
		t.Fatalf("%v, want killed by SIGKILL\n%s", err, out)
	}
	if !strings.Contains(string(out), "trước khi dừng") || strings.Contains(string(out), "sau khi dừng") {
		t.Errorf("the child's output %q: want its line before the kill and none after", out)
	}
}

// grandchildEnv, set, makes TestGrandchildHoldsPipe the grandchild: it
// holds the output pipe it inherited a while, then writes the file the
// variable names.
const grandchildEnv = "VANBAN_CHILDTEST_GRANDCHILD"

// grandchildLife is how long the grandchild holds the pipe: far longer
// than WaitDelay, so that a wait for it is seen.
const grandchildLife = 20 * time.Second

// TestGrandchildHoldsPipe: a child that started a child of its own (a
// tool it ran) and ended leaves that grandchild holding the output pipe.
// A grandchild in the child's group is killed as the child ends
// (childproc.Wait): Run and Output return at once, with the child's
// output. One that left the group (setsid) cannot be killed so: Run and
// Output return at the bound after the child's end (WaitDelay), with the
// child's output, not when the grandchild lets the pipe go.
func TestGrandchildHoldsPipe(t *testing.T) {
	if mark := os.Getenv(grandchildEnv); mark != "" {
		time.Sleep(grandchildLife) // holding the inherited stdout
		os.WriteFile(mark, []byte("ended"), 0o644)
		return
	}
	if In(t, "") {
		gc := exec.Command(os.Args[0], "-test.run=^TestGrandchildHoldsPipe$", "-test.count=1")
		gc.Env = append(os.Environ(), grandchildEnv+"="+os.Getenv("VANBAN_CHILDTEST_MARK"))
		gc.Stdout, gc.Stderr = os.Stdout, os.Stderr
		if os.Getenv("VANBAN_CHILDTEST_SETSID") != "" {
			gc.SysProcAttr = &syscall.SysProcAttr{Setsid: true} // out of the child's group
		}
		if err := gc.Start(); err != nil {
			t.Fatal(err)
		}
		fmt.Printf("công văn gửi kèm: grandchild %d\n", gc.Process.Pid)
		return // the child ends; the grandchild lives on with the pipe
	}
	if testing.Short() {
		t.Skip("skipping subprocess test in -short mode")
	}
	for _, tc := range []struct {
		name string
		run  func(t *testing.T, env ...string) ([]byte, error)
		left bool  // the grandchild left the child's group
		want error // how the wait ends
	}{
		{"Run", runChild, false, nil},
		{"Output", outputChild, false, nil},
		{"Run, left the group", runChild, true, exec.ErrWaitDelay},
		{"Output, left the group", outputChild, true, exec.ErrWaitDelay},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mark := filepath.Join(t.TempDir(), "grandchild-ended")
			env := []string{"VANBAN_CHILDTEST_MARK=" + mark}
			if tc.left {
				env = append(env, "VANBAN_CHILDTEST_SETSID=1")
			}
			out, err := tc.run(t, env...)
			_, ended := os.Stat(mark)
			var pid int
			if i := strings.Index(string(out), "grandchild "); i >= 0 {
				fmt.Sscan(string(out[i+len("grandchild "):]), &pid)
			}
			if pid > 0 {
				syscall.Kill(pid, syscall.SIGKILL)
			}
			if ended == nil {
				t.Fatalf("%s returned after the grandchild ended: it waited on the pipe the grandchild held\n%s", tc.name, out)
			}
			if pid == 0 {
				t.Fatalf("the child's output lost: %q", out)
			}
			if tc.want == nil && err != nil || tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
			}
		})
	}
}

// runChild runs TestGrandchildHoldsPipe's child through Run.
func runChild(t *testing.T, env ...string) ([]byte, error) {
	return Run(t, "TestGrandchildHoldsPipe", env...)
}

// outputChild runs TestGrandchildHoldsPipe's child through Output.
func outputChild(t *testing.T, env ...string) ([]byte, error) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestGrandchildHoldsPipe$", "-test.count=1", "-test.v")
	cmd.Env = append(append(os.Environ(), envName+"=TestGrandchildHoldsPipe"), env...)
	return Output(t, cmd)
}

// TestKilledChildUnread: a test that stops reading its child's output,
// the pipes between them full, and kills it gets Wait's answer: nothing
// waits on the unread output (exec's own copy, which Wait waits for,
// held it until the test's timeout).
func TestKilledChildUnread(t *testing.T) {
	if In(t, "") {
		os.Stdout.WriteString("ready\n")
		// write until the pipes are full (EAGAIN), then say so
		if err := syscall.SetNonblock(1, true); err != nil {
			t.Fatal(err)
		}
		line := []byte(strings.Repeat("Ủy ban nhân dân tỉnh ban hành kế hoạch. ", 20) + "\n")
		for {
			if _, err := syscall.Write(1, line); err == syscall.EAGAIN {
				break
			} else if err != nil {
				t.Fatal(err)
			}
		}
		os.WriteFile(os.Getenv("VANBAN_CHILDTEST_MARK"), nil, 0o644)
		select {} // until killed
	}
	if testing.Short() {
		t.Skip("skipping subprocess test in -short mode")
	}
	mark := filepath.Join(t.TempDir(), "full")
	c := Start(t, "", "VANBAN_CHILDTEST_MARK="+mark)
	rd := bufio.NewReader(c.Out)
	for {
		l, err := rd.ReadString('\n')
		if err != nil {
			t.Fatalf("the child's output ended before ready: %v", err)
		}
		if l == "ready\n" {
			break
		}
	}
	for { // the child's pipes full: a condition, bounded by the test's deadline
		if _, err := os.Stat(mark); err == nil {
			break
		}
		select {
		case <-c.Done():
			t.Fatalf("the child ended: %v", c.Wait())
		case <-time.After(10 * time.Millisecond):
		}
	}
	c.Kill()
	if err := c.Wait(); !Killed(err) {
		t.Errorf("after Kill: %v, want killed by SIGKILL", err)
	}
}

// TestSkipWithoutKill: where Killed tells a killed child (here, linux) a
// kill -9 test runs; SkipWithoutKill skips it only where it cannot.
func TestSkipWithoutKill(t *testing.T) {
	var inner *testing.T
	t.Run("kill", func(t *testing.T) {
		inner = t
		SkipWithoutKill(t)
	})
	if inner.Skipped() {
		t.Errorf("SkipWithoutKill skipped a test on %s, where SIGKILL is told", runtime.GOOS)
	}
}
