package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSalvageStoppedBetweenRenamesCLI: a salvage killed after it kept the
// damaged file (store.db → store.db.bad-TIME) and before it moved its copy
// in place leaves no store.db and the salvaged store in salvage.tmp. The
// commands staff run next (`vanban store salvage` again, `vanban check`,
// `vanban status`) said only "open …/store.db: no such file or
// directory"; each must name the waiting copy and what to do.
func TestSalvageStoppedBetweenRenamesCLI(t *testing.T) {
	data := t.TempDir()
	if _, stderr, err := call(t, data, RunIngest, IngestOptions{Files: []string{writeCorpus(t, 3)}}); err != nil {
		t.Fatalf("ingest: %v: %s", err, stderr)
	}
	path := filepath.Join(data, "store.db")
	copied := filepath.Join(data, "salvage.tmp", "store.db")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(copied), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(copied, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(path, path+".bad-20261207T010000Z"); err != nil {
		t.Fatal(err)
	}
	for name, run := range map[string]func() error{
		"store salvage": func() error { _, _, err := call(t, data, RunSalvage, SalvageOptions{}); return err },
		"check":         func() error { _, _, err := call(t, data, RunCheck, CheckOptions{}); return err },
		"status":        func() error { _, _, err := call(t, data, RunStatus, StatusOptions{N: 5}); return err },
	} {
		if err := run(); err == nil || !strings.Contains(err.Error(), copied) || !strings.Contains(err.Error(), "index --rebuild") {
			t.Errorf("%s: %v, want an error naming %s and what to do", name, err, copied)
		}
		if _, err := os.Stat(copied); err != nil {
			t.Fatalf("%s: the salvaged store is gone: %v", name, err)
		}
	}
}
