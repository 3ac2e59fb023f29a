//go:build linux

package crawler

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/childtest"
)

// withFileSizeLimit runs f with this process's files limited to limit
// bytes (RLIMIT_FSIZE): a write past it fails with EFBIG, as one fails
// with ENOSPC on a full disk (Go ignores the SIGXFSZ that comes with it).
// The limit is the whole process's, so it is set only in a child process
// of its own (childtest): set in the test binary go test runs, it also
// failed the binary's test log (-test.testlogfile, written whenever go
// test may cache the result), and go test reported the package FAIL
// after every test had passed.
func withFileSizeLimit(t *testing.T, limit uint64, f func()) {
	t.Helper()
	if !childtest.InChild() {
		t.Fatal("withFileSizeLimit called outside a child process (childtest)")
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
	if !childtest.In(t, "") {
		childtest.Pass(t)
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
