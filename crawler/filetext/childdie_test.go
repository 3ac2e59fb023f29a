//go:build linux

package filetext

import (
	"bufio"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vanban/vanban/crawler/filetext/filetexttest"
	"github.com/vanban/vanban/internal/childtest"
)

// Linux only: the parent-death signal, /proc and FIFOs these tests use.

// hangingTool writes a converter (xls2csv) into a directory of its own,
// put first on PATH: it writes its PID, and that of a child it starts
// when child is set, a line each into fifo, then waits for ever. It
// returns the FIFO's path (created here).
func hangingTool(t *testing.T, dir string, child bool) string {
	t.Helper()
	sh, err1 := exec.LookPath("sh")
	sleep, err2 := exec.LookPath("sleep")
	if err := errors.Join(err1, err2); err != nil {
		t.Skipf("no sh or sleep: %v", err)
	}
	fifo := filepath.Join(dir, "pids")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	script := `echo $$ >"` + fifo + `"; exec ` + sleep + " 3600"
	if child {
		script = sleep + ` 3600 & { echo $$; echo $!; } >"` + fifo + `"; wait`
	}
	if err := os.WriteFile(filepath.Join(dir, "xls2csv"), []byte("#!"+sh+"\n"+script+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return fifo
}

// readPIDs reads the PIDs the tool wrote into fifo (blocks till it does).
func readPIDs(t *testing.T, fifo string) []int {
	t.Helper()
	f, err := os.Open(fifo)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var pids []int
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		pid, err := strconv.Atoi(strings.TrimSpace(sc.Text()))
		if err != nil {
			t.Fatalf("tool wrote %q", sc.Text())
		}
		pids = append(pids, pid)
	}
	return pids
}

// alive reports whether the process pid runs (not gone, not a zombie
// waiting to be reaped).
func alive(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	return i < 0 || i+2 >= len(s) || (s[i+2] != 'Z' && s[i+2] != 'X')
}

// outlives reports the processes of pids still running once the kernel
// had the time to end killed ones: a SIGKILL sent is delivered when the
// process next runs, so each is awaited, a minute at most (a hang guard,
// not a bound on a loaded machine).
func outlives(t *testing.T, pids []int) []int {
	t.Helper()
	var left []int
	deadline := time.Now().Add(time.Minute)
	for _, pid := range pids {
		for alive(pid) && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		if alive(pid) {
			left = append(left, pid)
			syscall.Kill(pid, syscall.SIGKILL) // not left to sleep out its hour
		}
	}
	return left
}

// TestToolDiesWithContext: a converter that hangs, and a child it
// started, are both killed when the read's context ends (before: the
// converter alone, its child left sleeping, holding its output).
func TestToolDiesWithContext(t *testing.T) {
	dir := t.TempDir()
	fifo := hangingTool(t, dir, true)
	t.Setenv("PATH", dir)
	r := NewReader(Options{Limits: Limits{MaxText: 1 << 20, Timeout: time.Hour}})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := r.Read(ctx, "pl.xls", filetexttest.XLS(annexSheet()))
		done <- err
	}()
	pids := readPIDs(t, fifo)
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("read: %v, want context.Canceled", err)
	}
	if len(pids) != 2 {
		t.Fatalf("tool wrote PIDs %v, want its own and its child's", pids)
	}
	if left := outlives(t, pids); len(left) > 0 {
		t.Errorf("processes %v (of the tool %d and its child %d) outlive the read's context", left, pids[0], pids[1])
	}
}

// TestToolDiesWithParent: a process reading a file with a converter
// that hangs is killed (SIGKILL: no deferred call runs); the converter
// dies with it (before: it slept on, its parent gone).
func TestToolDiesWithParent(t *testing.T) {
	if childtest.In(t, "") {
		t.Setenv("PATH", os.Getenv("VANBAN_TEST_TOOLDIR"))
		r := NewReader(Options{Limits: Limits{MaxText: 1 << 20, Timeout: time.Hour}})
		_, err := r.Read(context.Background(), "pl.xls", filetexttest.XLS(annexSheet()))
		t.Fatalf("read returned (%v); the parent kills this process first", err)
	}
	childtest.SkipWithoutKill(t)
	dir := t.TempDir()
	fifo := hangingTool(t, dir, false)
	c := childtest.Start(t, "", "VANBAN_TEST_TOOLDIR="+dir)
	pids := readPIDs(t, fifo)
	c.Kill()
	if err := c.Wait(); !childtest.Killed(err) {
		t.Fatalf("child: %v, want killed", err)
	}
	if len(pids) != 1 {
		t.Fatalf("tool wrote PIDs %v, want its own", pids)
	}
	if left := outlives(t, pids); len(left) > 0 {
		t.Errorf("the tool %d outlives the process that started it", pids[0])
	}
}

// TestToolLeavesChild: a converter that writes its sheet, starts a child
// holding its standard output and error, and exits 0 (a program that
// forks and exits: its group outlives it). The read ends with the sheet
// once the converter has ended, the child killed (before: the read
// waited for the output's end, which the child held, to the time limit
// — an hour here — and End, which runs after Wait, never came).
func TestToolLeavesChild(t *testing.T) {
	sh, err1 := exec.LookPath("sh")
	sleep, err2 := exec.LookPath("sleep")
	if err := errors.Join(err1, err2); err != nil {
		t.Skipf("no sh or sleep: %v", err)
	}
	setsid, _ := exec.LookPath("setsid")
	for _, c := range []struct {
		name, prefix, redirect string
		left                   bool // the child leaves the group: the output cut, the read an error
	}{
		{"holds stdout and stderr", "", "", false},
		{"holds stderr", "", " >/dev/null", false},
		{"holds stdout", "", " 2>/dev/null", false},
		{"left the group", setsid + " ", "", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.left && setsid == "" {
				t.Skip("no setsid")
			}
			dir := t.TempDir()
			fifo := filepath.Join(dir, "pids")
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				t.Fatal(err)
			}
			wait := "" // a child that leaves the group has left it before the converter ends
			if c.left {
				wait = `while read -r _ _ _ _ pg _ </proc/$!/stat && [ "$pg" = $$ ]; do :; done
`
			}
			script := `printf '"STT","Nhiệm vụ","Cơ quan chủ trì"\n"1","Rà soát thủ tục hành chính","Sở Tư pháp"\n'
` + c.prefix + sleep + ` 3600` + c.redirect + ` &
` + wait + `{ echo $$; echo $!; } >"` + fifo + `"
exit 0
`
			if err := os.WriteFile(filepath.Join(dir, "xls2csv"), []byte("#!"+sh+"\n"+script), 0o755); err != nil {
				t.Fatal(err)
			}
			t.Setenv("PATH", dir)
			r := NewReader(Options{Limits: Limits{MaxText: 1 << 20, Timeout: time.Hour}})
			type result struct {
				res *Result
				err error
			}
			done := make(chan result, 1)
			go func() {
				res, err := r.Read(context.Background(), "pl.xls", filetexttest.XLS(annexSheet()))
				done <- result{res, err}
			}()
			pids := readPIDs(t, fifo)
			if len(pids) != 2 {
				t.Fatalf("tool wrote PIDs %v, want its own and its child's", pids)
			}
			t.Cleanup(func() { syscall.Kill(pids[1], syscall.SIGKILL) })
			var got result
			select {
			case got = <-done:
			case <-time.After(time.Minute): // a hang guard: the read waits an hour when it fails
				t.Fatalf("still reading a minute after the converter %d ended; its child %d holds the output", pids[0], pids[1])
			}
			if c.left { // not killed by the tool's group: cut, an error (said)
				if !errors.Is(got.err, os.ErrDeadlineExceeded) {
					t.Errorf("read: %v, want the output cut (os.ErrDeadlineExceeded)", got.err)
				}
				return
			}
			if got.err != nil {
				t.Fatalf("read: %v", got.err)
			}
			if got := strings.Join(resultLines(got.res), "\n"); !strings.Contains(got, "Rà soát thủ tục hành chính") {
				t.Errorf("lines %q lack the sheet's row", got)
			}
			if left := outlives(t, pids[1:]); len(left) > 0 {
				t.Errorf("the converter's child %d outlives the read", pids[1])
			}
		})
	}
}
