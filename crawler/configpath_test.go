package crawler

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestPruneSameFileOtherPath: the data directory's sites file named
// another way is still its own. The nightly's cron line names
// /srv/vanban/sites.toml while an administrator crawls from a shell
// whose working directory reached it through a symlinked directory
// (os.Getwd answers $PWD: LoadConfig's absolute path is the link's), or
// through a symlink or a hard link to the file: each prunes, and the
// recorded name stays (before: each was "another configuration", and
// the nightly's pruning stopped as soon as the other name was recorded
// by --prune or a first crawl). A copy of the file is another
// configuration; so is any file once the recorded one is gone (moved:
// --prune adopts the new name).
func TestPruneSameFileOtherPath(t *testing.T) {
	now := time.Date(2028, 3, 2, 20, 0, 0, 0, time.UTC)
	dir := t.TempDir()
	own := filepath.Join(dir, "srv", "sites.toml")
	if err := os.MkdirAll(filepath.Dir(own), 0o755); err != nil {
		t.Fatal(err)
	}
	const text = "# Sở Tư pháp tỉnh\n[[site]]\nname = \"sotuphap\"\n"
	if err := os.WriteFile(own, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	linkDir, linkFile, hard, cp := filepath.Join(dir, "data"), filepath.Join(dir, "sites-link.toml"), filepath.Join(dir, "sites-hard.toml"), filepath.Join(dir, "sites-copy.toml")
	if err := os.Symlink(filepath.Dir(own), linkDir); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	if err := os.Symlink(own, linkFile); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(own, hard); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	gone := filepath.Join(dir, "old", "sites.toml") // the recorded file moved away
	for _, tc := range []struct {
		name, recorded, config string
		pruned                 bool
	}{
		{"the same name", own, own, true},
		{"through a symlinked directory", own, filepath.Join(linkDir, "sites.toml"), true},
		{"the recorded name a symlinked directory's", filepath.Join(linkDir, "sites.toml"), own, true},
		{"a symlink to the file", own, linkFile, true},
		{"a hard link", own, hard, true},
		{"a copy", own, cp, false},
		{"the recorded file moved away", gone, own, false},
		{"a name that is no file", "vanban demo", own, false},
		{"a relative name", "sites.toml", own, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store := openStore(t)
			site := droppedFixture(t, store, now)
			if err := store.PutKV(nsConfig, configKey, []byte(tc.recorded)); err != nil {
				t.Fatal(err)
			}
			d, err := PruneDropped(context.Background(), store, []*Site{site}, now, PruneOptions{Config: tc.config})
			if err != nil {
				t.Fatal(err)
			}
			if pruned := d.Other == "" && len(d.Sites) > 0; pruned != tc.pruned {
				t.Errorf("%s recorded, crawled with %s: pruned %v, want %v (%+v)", tc.recorded, tc.config, pruned, tc.pruned, d)
			}
			if v, err := store.GetKV(nsConfig, configKey); err != nil || string(v) != tc.recorded {
				t.Errorf("the directory's configuration %q (%v), want %q kept", v, err, tc.recorded)
			}
		})
	}
}

// TestPruneGuest: `vanban demo --data DIR` is a guest in a directory: it
// never becomes the directory's configuration (before: on a directory
// crawled before crawl/config was kept it recorded "vanban demo" and aged
// every real site, and the nightly's file was "another configuration"
// from then on); it prunes only a directory already its own (a demo
// directory an earlier version recorded).
func TestPruneGuest(t *testing.T) {
	now := time.Date(2028, 3, 2, 20, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name, recorded string
		pruned         bool
	}{
		{"a directory with no record", "", false},
		{"the nightly's directory", "/etc/vanban/sites.toml", false},
		{"a demo directory", "vanban demo", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store := openStore(t)
			site := droppedFixture(t, store, now)
			if tc.recorded != "" {
				if err := store.PutKV(nsConfig, configKey, []byte(tc.recorded)); err != nil {
					t.Fatal(err)
				}
			}
			before := dumpCrawlKV(t, store)
			d, err := PruneDropped(context.Background(), store, []*Site{site}, now.Add(40*24*time.Hour), PruneOptions{Config: "vanban demo", Adopt: true, Guest: true})
			if err != nil {
				t.Fatal(err)
			}
			after := dumpCrawlKV(t, store)
			if got := after[nsConfig+" "+configKey]; got != tc.recorded {
				t.Errorf("the directory's configuration %q, want %q", got, tc.recorded)
			}
			if pruned := len(after) != len(before); pruned != tc.pruned {
				t.Errorf("pruned %v, want %v (%d records before, %d after; %+v)", pruned, tc.pruned, len(before), len(after), d)
			}
			if d.Other != map[bool]string{false: tc.recorded}[tc.pruned] {
				t.Errorf("Other %q", d.Other)
			}
		})
	}
}
