package corpus

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/graph"
	bolt "go.etcd.io/bbolt"
)

// TestUpgradingMarkRefused: a store an upgrade in batches left half done
// is refused, read-only and read-write, by a binary older than the one
// that began it, and the file is left byte for byte as it was (nothing
// read as a whole store, nothing written). The store is half upgraded by
// this binary (cancelled in the graph's build, and after the swap in the
// renumbering); then its mark is rewritten to the numbers a newer binary
// writes, so that this binary stands where an older one does. A mark of
// an older binary's upgrade (one this binary replaced) is begun again:
// read-only served as its format before, read-write upgraded to exactly
// what the uninterrupted upgrade makes.
//
// A binary older than the mark (no parseUpgrading) refuses it by the
// check every binary since format 2 makes (checkVersion: a format other
// than its own number, or for a read-only open 2–6): the mark must be no
// decimal number at all.
func TestUpgradingMarkRefused(t *testing.T) {
	src := t.TempDir()
	upgradeSource(t, src)
	raw, err := os.ReadFile(storeFile(src))
	if err != nil {
		t.Fatal(err)
	}
	mark := upgradingFormat("6")
	if _, err := strconv.Atoi(mark); err == nil || strings.TrimSpace(mark) != mark {
		t.Fatalf("the upgrading mark %q reads as a format number", mark)
	}
	if !strings.Contains(mark, "vanban that began it") {
		t.Errorf("the mark %q does not say what to do: an older binary's refusal quotes it", mark)
	}
	ref, err := Open(t.Context(), src, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	wantDump := dumpStore(t, ref)
	ref.Close()
	newer := []struct {
		name         string
		store, graph int
		refused      bool
	}{
		{"a newer graph", storeVersion, graph.Version + 1, true},
		{"a newer format", storeVersion + 1, graph.Version, true},
		{"a newer format, an older graph", storeVersion + 1, graph.Version - 1, true},
		{"an older graph", storeVersion, graph.Version - 1, false}, // a binary this one replaced, stopped mid-upgrade
	}
	for _, at := range []int{3, 9} { // in the graph's build; after the swap, in the renumbering
		dir := t.TempDir()
		if err := os.WriteFile(storeFile(dir), raw, 0o644); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(t.Context())
		_, err := Open(ctx, dir, OpenOptions{batch: 500, afterBatch: func(n int) {
			if n == at {
				cancel()
			}
		}})
		cancel()
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("cancelled after transaction %d: %v", at, err)
		}
		half, err := os.ReadFile(storeFile(dir))
		if err != nil {
			t.Fatal(err)
		}
		for _, nb := range newer {
			t.Run(fmt.Sprintf("after %d, %s", at, nb.name), func(t *testing.T) {
				dir := t.TempDir()
				if err := os.WriteFile(storeFile(dir), half, 0o644); err != nil {
					t.Fatal(err)
				}
				db, err := bolt.Open(storeFile(dir), 0o644, nil)
				if err != nil {
					t.Fatal(err)
				}
				err = db.Update(func(tx *bolt.Tx) error {
					meta := tx.Bucket(bucketMeta)
					if halfUpgradedFrom(string(meta.Get([]byte("version")))) != "6" {
						return fmt.Errorf("premise: format %q, want this binary's mark", meta.Get([]byte("version")))
					}
					v := fmt.Sprintf("6%s%d, graph %d (half done: open it read-write with the vanban that began it)", upgradingPrefix, nb.store, nb.graph)
					return meta.Put([]byte("version"), []byte(v))
				})
				if err := errors.Join(err, db.Close()); err != nil {
					t.Fatal(err)
				}
				before, err := os.ReadFile(storeFile(dir))
				if err != nil {
					t.Fatal(err)
				}
				if !nb.refused {
					ro, err := Open(t.Context(), dir, OpenOptions{ReadOnly: true})
					if err != nil {
						t.Fatalf("read-only open of an older binary's half upgrade: %v", err)
					}
					ro.Close()
					s, err := Open(t.Context(), dir, OpenOptions{})
					if err != nil {
						t.Fatalf("read-write open of an older binary's half upgrade: %v", err)
					}
					defer s.Close()
					sameDump(t, "an older binary's half upgrade begun again", dumpStore(t, s), wantDump)
					return
				}
				for _, ro := range []bool{true, false} {
					s, err := Open(t.Context(), dir, OpenOptions{ReadOnly: ro})
					if err == nil {
						s.Close()
						t.Fatalf("read-only %v: opened a store another binary is upgrading", ro)
					}
					want := fmt.Sprintf("half-way through an upgrade to store format %d, graph %d, that a newer vanban began", nb.store, nb.graph)
					if !strings.Contains(err.Error(), want) {
						t.Errorf("read-only %v: %v; want %q", ro, err, want)
					}
				}
				after, err := os.ReadFile(storeFile(dir))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(before, after) {
					t.Error("the refused opens changed the file")
				}
			})
		}
	}
}

// TestUpgradeRound21Record: the progress record a round 21 binary wrote
// (meta "upgrade": the graph rebuilt in place under the old stamp, the
// renumbering at its last pass) is not resumed — resumed, its finish
// would stamp a graph this binary did not build — but dropped, the
// upgrade begun again; the store ends at the uninterrupted upgrade's
// buckets, the retired import it names brought back.
func TestUpgradeRound21Record(t *testing.T) {
	src := t.TempDir()
	upgradeSource(t, src)
	raw, err := os.ReadFile(storeFile(src))
	if err != nil {
		t.Fatal(err)
	}
	ref, err := Open(t.Context(), src, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := dumpStore(t, ref)
	ref.Close()

	dir := t.TempDir()
	if err := os.WriteFile(storeFile(dir), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(storeFile(dir), 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		end := lastSeq(tx)
		st := &upgradeState{Graph: graph.Version, Store: storeVersion, Pass: passFinish, End: end, Next: end + 1, Records: 2003, Done: 2003, Found: 2003}
		v, err := json.Marshal(st)
		if err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(metaUpgradeR21, v)
	})
	if err := errors.Join(err, db.Close()); err != nil {
		t.Fatal(err)
	}
	s, err := Open(t.Context(), dir, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sameDump(t, "after a round 21 progress record", dumpStore(t, s), want)
}
