package indexer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCreateRace: two processes opening an index that is not there yet
// both set out to create it (`vanban index` and `vanban ingest` on a new
// data directory, each holding its own store handle read-only, or two
// indexes created beside a rebuild). The one that comes second found
// bleve's half-made directory and failed — "cannot create new index, path
// already exists", "metadata corrupt", "not a vanban index" — which the
// commands report as a damaged index to rebuild. It must instead open the
// index the other made: at once when the other is done, and when the other
// still holds it, waiting for its lock for opt.Timeout and no longer than
// ctx (ctx's error naming the lock, never a wait of the whole Timeout).
// The other process is played by beforeCreate, which runs after the first
// one found no index and before it puts its own in place: no timing.
func TestCreateRace(t *testing.T) {
	cases := []struct {
		name string
		// other creates the index at dir as another process would and
		// returns a func releasing what it holds
		other    func(t *testing.T, dir string) func()
		deadline time.Duration // the first one's ctx
		wantErr  error         // nil: the first one opens the index
	}{
		{"nobody else", nil, time.Minute, nil},
		{"the other done", func(t *testing.T, dir string) func() {
			ix, err := Open(dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if err := ix.Close(); err != nil {
				t.Fatal(err)
			}
			return func() {}
		}, time.Minute, nil},
		{"the other holds it", func(t *testing.T, dir string) func() {
			ix, err := Open(dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			return func() { ix.Close() }
		}, 300 * time.Millisecond, context.DeadlineExceeded},
		{"the other half way (its directory made, empty)", func(t *testing.T, dir string) func() {
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			return func() {}
		}, time.Minute, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "index")
			release := func() {}
			opt := Options{Timeout: time.Hour}
			if c.other != nil {
				opt.beforeCreate = func() { release = c.other(t, dir) }
			}
			ctx, cancel := context.WithTimeout(context.Background(), c.deadline)
			defer cancel()
			ix, err := OpenContext(ctx, dir, opt)
			release()
			if c.wantErr == nil {
				if err != nil {
					t.Fatalf("open: %v; want the index", err)
				}
				defer ix.Close()
				if n, err := ix.DocCount(); err != nil || n != 0 {
					t.Errorf("new index: %d documents, %v", n, err)
				}
				return
			}
			if err == nil {
				ix.Close()
			}
			if !errors.Is(err, c.wantErr) || errors.Is(err, ErrLocked) || !strings.Contains(fmtErr(err), "lock") {
				t.Errorf("open while the other holds the index: %v; want %v naming the lock", err, c.wantErr)
			}
		})
	}
	// nothing left beside the index by a creation
	dir := t.TempDir()
	ix, err := OpenContext(context.Background(), filepath.Join(dir, "index"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("after a creation the parent holds %d entries; want the index alone", len(entries))
	}
}

func fmtErr(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
