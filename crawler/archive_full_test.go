//go:build linux

package crawler

import (
	"context"
	"fmt"
	"net/http"
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

// withFileSizeLimit runs f with this process's files limited to limit
// bytes (RLIMIT_FSIZE): a write past it fails with EFBIG, as one fails
// with ENOSPC on a full disk (Go ignores the SIGXFSZ that comes with it).
// The limit is the whole process's, so it is set only in a child process
// of its own (inChild): set in the test binary go test runs, it also
// failed the binary's test log (-test.testlogfile, written whenever go
// test may cache the result), and go test reported the package FAIL
// after every test had passed.
func withFileSizeLimit(t *testing.T, limit uint64, f func()) {
	t.Helper()
	if os.Getenv(fullDiskChild) == "" {
		t.Fatal("withFileSizeLimit called outside the child process inChild starts")
	}
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Skip("no RLIMIT_FSIZE:", err)
	}
	lim := syscall.Rlimit{Cur: min(limit, old.Max), Max: old.Max}
	// process-wide: only in the child process (checked above)
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Skip("cannot set RLIMIT_FSIZE:", err)
	}
	defer syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old) // process-wide: as above
	f()
}

// fullDiskChild names the test a child process runs (see inChild).
const fullDiskChild = "VANBAN_FULLDISK_CHILD"

// inChild reports whether this process is the child that runs the test
// named t.Name(). In the parent it runs the test binary again on that
// test alone, with no test log and no other test beside it, fails t with
// the child's output if the child fails, and returns false. The child's
// life is the parent's at most: its own -test.timeout ends it (with its
// goroutines' stacks) before the parent's, the parent kills it a little
// later still (childBound), and it is killed when the parent dies
// (Pdeathsig, the starting thread locked until the child is waited for).
func inChild(t *testing.T) bool {
	t.Helper()
	if os.Getenv(fullDiskChild) == t.Name() {
		return true
	}
	deadline, ok := t.Deadline()
	flags, kill := childBound(deadline, ok, time.Now())
	ctx := context.Background()
	if !kill.IsZero() {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, kill)
		defer cancel()
	}
	cmd := exec.CommandContext(ctx, os.Args[0], append([]string{"-test.run=^" + t.Name() + "$", "-test.count=1", "-test.v"}, flags...)...)
	cmd.Env = append(os.Environ(), fullDiskChild+"="+t.Name())
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	cmd.WaitDelay = time.Second // the child's output closed when it is killed
	runtime.LockOSThread()      // Pdeathsig follows the thread that started the child
	out, err := cmd.CombinedOutput()
	runtime.UnlockOSThread()
	if err != nil {
		t.Fatalf("child process: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Fatalf("child process ran no test:\n%s", out)
	}
	return false
}

// childBound is what a child process gets of its parent test's time, the
// parent's deadline given (ok false: none, -test.timeout=0): the child's
// own -test.timeout, eight tenths of the time left, and the time the
// parent kills it, nine tenths; without a deadline, neither.
func childBound(deadline time.Time, ok bool, now time.Time) (flags []string, kill time.Time) {
	if !ok {
		return nil, time.Time{}
	}
	left := deadline.Sub(now)
	return []string{"-test.timeout=" + max(left*8/10, time.Millisecond).String()}, now.Add(max(left*9/10, 2*time.Millisecond))
}

// TestChildBound: a child process's time is its parent test's at most.
func TestChildBound(t *testing.T) {
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
		flags, kill := childBound(tc.deadline, tc.ok, now)
		if !reflect.DeepEqual(flags, tc.wantFlags) || !kill.Equal(tc.wantKill) {
			t.Errorf("%s: %q, kill at %v; want %q, %v", tc.name, flags, kill, tc.wantFlags, tc.wantKill)
		}
	}
}

func archiveTestPage(i int) *response {
	body := []byte(fmt.Sprintf("<html><body><p>Trang %d</p>%s</body></html>", i, randomText(i, 8<<10)))
	return &response{Status: 200, URL: fmt.Sprintf("http://x.test/%d", i), Body: body,
		Header: http.Header{"Content-Type": {"text/html; charset=utf-8"}}, Date: time.Now()}
}

// TestArchiveFullDisk: on a full disk every record failed and left a
// zero-byte WARC file behind (a new one per attempt), and a record that
// failed half-written left its bytes in the file, so the offsets of the
// records written after it pointed at the wrong place. Now a failed
// record leaves no file without records and no partial record, and
// every reference handed out reads back.
func TestArchiveFullDisk(t *testing.T) {
	if !inChild(t) {
		return
	}
	t.Run("nothing fits", func(t *testing.T) {
		dir := t.TempDir()
		a, err := openArchive(dir, "demo", "2025-01-02T03:04:05Z", 1<<20)
		if err != nil {
			t.Fatal(err)
		}
		withFileSizeLimit(t, 0, func() {
			for i := range 5 {
				if _, err := a.record(archiveTestPage(i)); err == nil {
					t.Errorf("record %d written on a full disk", i)
				}
			}
		})
		a.Close()
		if ents, _ := os.ReadDir(dir); len(ents) != 0 {
			t.Errorf("left behind: %v", names(ents))
		}
	})
	t.Run("fills up, then frees", func(t *testing.T) {
		dir := t.TempDir()
		a, err := openArchive(dir, "demo", "2025-01-02T03:04:05Z", 1<<20)
		if err != nil {
			t.Fatal(err)
		}
		refs := map[int]warcRef{}
		withFileSizeLimit(t, 20<<10, func() { // a warcinfo and about three pages
			for i := range 6 {
				if ref, err := a.record(archiveTestPage(i)); err == nil {
					refs[i] = ref
				}
			}
		})
		if len(refs) == 0 || len(refs) == 6 {
			t.Fatalf("%d of 6 records written under the limit: the test does not fill the disk", len(refs))
		}
		for i := 6; i < 9; i++ { // space again
			ref, err := a.record(archiveTestPage(i))
			if err != nil {
				t.Fatalf("record %d after the disk freed up: %v", i, err)
			}
			refs[i] = ref
		}
		a.Close()
		for i, ref := range refs {
			resp, err := readRecord(dir, ref)
			if err != nil || !strings.Contains(string(resp.Body), fmt.Sprintf("Trang %d<", i)) {
				t.Errorf("record %d at %+v: %v", i, ref, err)
			}
		}
		files, _ := archiveFiles(dir)
		for _, f := range files {
			if _, err := readArchive(f); err != nil {
				t.Errorf("%s: %v (a partial record left in it)", filepath.Base(f), err)
			}
		}
	})
}

func names(ents []os.DirEntry) []string {
	var out []string
	for _, e := range ents {
		fi, _ := e.Info()
		out = append(out, fmt.Sprintf("%s (%d bytes)", e.Name(), fi.Size()))
	}
	return out
}
