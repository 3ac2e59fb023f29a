package app

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/vanban/vanban/corpus"
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

// TestCheckPruneFailureIsANote: a salvage report `vanban check` would
// remove (every document it lost is back) but cannot is a note in the
// report, never the command's error: the store is sound, check prints its
// report and exits as the store and index say. The report is made
// unremovable by its own immutable flag — no process-wide state, the flag
// cleared when the test ends.
func TestCheckPruneFailureIsANote(t *testing.T) {
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
	stuck := report("20261101T080000.000Z", "vb0003", "vb0017") // back, but cannot be removed
	back := report("20261102T080000.000Z", "vb0004")            // back, removed
	newest := report("20261103T080000.000Z", "vb0005")
	if !setImmutable(t, stuck, true) {
		t.Skip("the file system or this process cannot set a file's immutable flag")
	}
	t.Cleanup(func() {
		if !setImmutable(t, stuck, false) {
			t.Errorf("cannot clear %s's immutable flag", stuck)
		}
	})
	if err := os.Remove(stuck); err == nil || !errors.Is(err, os.ErrPermission) {
		t.Fatalf("removing the immutable report: %v, want a permission error", err)
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
	if len(rep.Removed) != 1 || rep.Removed[0] != back {
		t.Errorf("salvage_removed %q, want [%s]: a report that cannot be removed stops no other", rep.Removed, back)
	}
	if !strings.Contains(rep.Failed, stuck) {
		t.Errorf("salvage_prune_error %q does not name %s", rep.Failed, stuck)
	}
	stdout, stderr, err = call(t, data, RunCheck, CheckOptions{})
	if err != nil {
		t.Fatalf("check: %v: %s", err, stderr)
	}
	for _, want := range []string{"store  ", ": ok", "index  ", "could not remove", stuck, newest} {
		if !strings.Contains(stdout, want) {
			t.Errorf("check's text lacks %q:\n%s", want, stdout)
		}
	}
}
