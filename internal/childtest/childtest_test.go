//go:build linux

package childtest

import (
	"bufio"
	"os"
	"os/exec"
	"reflect"
	"runtime"
	"strings"
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
