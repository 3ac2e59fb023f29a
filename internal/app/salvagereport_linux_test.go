package app

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/internal/childtest"
)

// fsImmutableFl is FS_IMMUTABLE_FL (linux/fs.h): a file no one, root
// included, may remove while it is set.
const fsImmutableFl = 0x10

// setImmutable sets or clears path's immutable flag; it reports false when
// the file system or the process cannot (no CAP_LINUX_IMMUTABLE, tmpfs of
// an old kernel).
func setImmutable(t *testing.T, path string, on bool) bool {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	flags, err := unix.IoctlGetUint32(int(f.Fd()), unix.FS_IOC_GETFLAGS)
	if err != nil {
		return false
	}
	if on {
		flags |= fsImmutableFl
	} else {
		flags &^= fsImmutableFl
	}
	return unix.IoctlSetPointerInt(int(f.Fd()), unix.FS_IOC_SETFLAGS, int(flags)) == nil
}

// unremovable makes the reports in stuck impossible to remove, and says
// which of the others can still be removed: as root, each report's own
// immutable flag (needs CAP_LINUX_IMMUTABLE; the others stay removable);
// as any other user, the data directory made read-only (every report is
// then stuck: want lists none). Root without the capability (a
// container's default) runs the test again as nobody (asNobodyChild). The state is the
// files' and the directory's, never the process's, and is undone in
// t.Cleanup (TempDir's removal needs it).
func unremovable(t *testing.T, data string, stuck, others []string) (stuckAll []string, removable []string) {
	t.Helper()
	if os.Geteuid() != 0 {
		if err := os.Chmod(data, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if err := os.Chmod(data, 0o755); err != nil {
				t.Error(err)
			}
		})
		return append(append([]string(nil), stuck...), others...), nil
	}
	for _, p := range stuck {
		if !setImmutable(t, p, true) {
			t.Skip("the file system cannot set a file's immutable flag")
		}
		t.Cleanup(func() {
			if !setImmutable(t, p, false) {
				t.Errorf("cannot clear %s's immutable flag", p)
			}
		})
	}
	return stuck, others
}

// pruneChild names the child process asNobodyChild starts.
const pruneChild = "VANBAN_PRUNE_CHILD"

// asNobodyChild runs t's test again in a child process as the user nobody
// (asNobody), where unremovable takes the read-only directory, and fails t
// if the child fails (skips it when the child cannot be started as
// nobody: no CAP_SETUID either). The test binary is copied where nobody
// may run it, beside a TMPDIR nobody may write.
func asNobodyChild(t *testing.T) {
	t.Helper()
	if os.Getenv(pruneChild) != "" {
		t.Fatal("the child as nobody is root") // never: it runs as 65534
	}
	root, err := os.MkdirTemp("", "vanban-prune-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(root)
	self, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	bin, tmp := filepath.Join(root, "vanban.test"), filepath.Join(root, "tmp")
	if err := os.WriteFile(bin, self, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(tmp, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(tmp, 0o777); err != nil { // past the umask
		t.Fatal(err)
	}
	if err := os.Chmod(root, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-test.run=^"+t.Name()+"$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), pruneChild+"=1", "TMPDIR="+tmp, "HOME="+tmp)
	asNobody(cmd)
	out, err := childtest.Output(t, cmd)
	var exit *exec.ExitError
	switch {
	case err != nil && !errors.As(err, &exit):
		t.Skipf("root without CAP_LINUX_IMMUTABLE, and no child as nobody: %v", err)
	case err != nil:
		t.Fatalf("the test as nobody: %v\n%s", err, out)
	case !strings.Contains(string(out), "--- PASS: "+t.Name()):
		t.Fatalf("the test as nobody did not pass:\n%s", out)
	}
	t.Logf("passed as nobody in a child process (root without CAP_LINUX_IMMUTABLE)")
}

// immutableWorks reports whether this process can set and clear a file's
// immutable flag in a temporary directory.
func immutableWorks(t *testing.T) bool {
	t.Helper()
	p := filepath.Join(t.TempDir(), "salvage-thu.json")
	if err := os.WriteFile(p, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	return setImmutable(t, p, true) && setImmutable(t, p, false)
}

// TestCheckPruneFailureIsANote: a salvage report `vanban check` would
// remove (every document it lost is back) but cannot is a note in the
// report, never the command's error: the store is sound, check prints its
// report and exits as the store and index say; a report that cannot be
// removed stops no other, and each stuck one is named, on the note's one
// line in the text. The reports are made unremovable by unremovable.
func TestCheckPruneFailureIsANote(t *testing.T) {
	if os.Geteuid() == 0 && !immutableWorks(t) {
		asNobodyChild(t) // root without CAP_LINUX_IMMUTABLE (a container's default)
		return
	}
	data := t.TempDir()
	file := writeCorpus(t, 20)
	if _, stderr, err := call(t, data, RunIngest, IngestOptions{Files: []string{file}, BatchBytes: 1 << 30}); err != nil {
		t.Fatalf("ingest: %v: %s", err, stderr)
	}
	if _, stderr, err := call(t, data, RunIndex, IndexOptions{}); err != nil {
		t.Fatalf("index: %v: %s", err, stderr)
	}
	report := func(stamp string, lost ...string) string {
		path := filepath.Join(data, "salvage-"+stamp+".json")
		raw, _ := json.Marshal(corpus.SalvageReport{Kept: filepath.Join(data, "store.db.bad-"+stamp), Report: path, LostIDs: lost})
		if err := os.WriteFile(path, raw, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	stuck := []string{
		report("20261101T080000.000Z", "vb0003", "vb0017"), // back, but cannot be removed
		report("20261101T090000.000Z", "vb0009"),           // the same
	}
	back := report("20261102T080000.000Z", "vb0004") // back, removed if it can be
	newest := report("20261103T080000.000Z", "vb0005")
	stuck, removable := unremovable(t, data, stuck, []string{back})
	for _, p := range stuck {
		if err := os.Remove(p); err == nil || !errors.Is(err, os.ErrPermission) {
			t.Fatalf("removing the unremovable report %s: %v, want a permission error", p, err)
		}
	}
	stdout, stderr, err := call(t, data, RunCheck, CheckOptions{JSON: true})
	if err != nil {
		t.Fatalf("check --json of a sound store failed for a report it could not remove: %v: %s", err, stderr)
	}
	var rep struct {
		Store   *corpus.CheckReport `json:"store"`
		Removed []string            `json:"salvage_removed"`
		Failed  string              `json:"salvage_prune_error"`
		Salvage *salvageNote        `json:"salvage"`
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("check --json: %v:\n%s", err, stdout)
	}
	if rep.Store == nil || rep.Salvage == nil || rep.Salvage.Report != newest {
		t.Errorf("check --json lacks the store's report or the newest salvage note:\n%s", stdout)
	}
	if !slices.Equal(rep.Removed, removable) {
		t.Errorf("salvage_removed %q, want %q: a report that cannot be removed stops no other", rep.Removed, removable)
	}
	for _, p := range stuck {
		if !strings.Contains(rep.Failed, p) {
			t.Errorf("salvage_prune_error %q does not name %s", rep.Failed, p)
		}
	}
	stdout, stderr, err = call(t, data, RunCheck, CheckOptions{})
	if err != nil {
		t.Fatalf("check: %v: %s", err, stderr)
	}
	for _, want := range append([]string{"store  ", ": ok", "index  ", newest}, stuck...) {
		if !strings.Contains(stdout, want) {
			t.Errorf("check's text lacks %q:\n%s", want, stdout)
		}
	}
	note := ""
	for _, line := range strings.Split(stdout, "\n") {
		if strings.Contains(line, "could not all be judged or removed") {
			note = line
		}
	}
	for _, p := range stuck {
		if !strings.Contains(note, p) {
			t.Errorf("the note's line %q does not name %s: one line for the note\n%s", note, p, stdout)
		}
	}
}
