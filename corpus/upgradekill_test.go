package corpus

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/graph"
	"github.com/vanban/vanban/internal/childtest"
	bolt "go.etcd.io/bbolt"
)

// killBatch is the renumbering's batch in TestUpgradeKill9: 2,003
// records make five batches of it.
const killBatch = 500

// TestUpgradeKill9: an upgrade in batches (a format 6 store whose graph
// and task table an older binary built, upgradeSource) killed with
// SIGKILL after any of its stages' committed transactions — the first
// (the staging graph begun), in the graph's build, the swap, the
// renumbering, the task table's marks — leaves a store a read-only open
// reads as format 6 under
// this binary's upgrading mark, the graph stale (the old graph at the
// root before the swap, the staging bucket gone after it; in the marks,
// the task table unstamped), that CheckStore finds sound and names the
// step reached and how far (i29-upgrade), and the next
// read-write open finishes, to exactly what an uninterrupted upgrade
// makes: every bucket's keys and values (records, sequences, graph, task
// marks, meta). The child is the test binary run again; it
// kills itself after the transaction VANBAN_UPGRADE_KILL_AT names, through
// Open's afterBatch seam, so the boundary is chosen, not timed.
func TestUpgradeKill9(t *testing.T) {
	if childtest.In(t, "") {
		dir := os.Getenv("VANBAN_UPGRADE_KILL")
		at, err := strconv.Atoi(os.Getenv("VANBAN_UPGRADE_KILL_AT"))
		if err != nil {
			fmt.Println("error", err)
			os.Exit(2)
		}
		_, err = Open(t.Context(), dir, OpenOptions{batch: killBatch, afterBatch: func(n int) {
			if n == at {
				if err := childtest.KillSelf(); err != nil {
					fmt.Println("kill:", err)
				}
			}
		}})
		fmt.Println("not killed:", err)
		os.Exit(3)
	}
	if testing.Short() {
		t.Skip("skipping subprocess test in -short mode")
	}
	childtest.SkipWithoutKill(t)
	src := t.TempDir()
	upgradeSource(t, src)
	raw, err := os.ReadFile(storeFile(src))
	if err != nil {
		t.Fatal(err)
	}
	copyTo := func(t *testing.T) string {
		dir := t.TempDir()
		if err := os.WriteFile(storeFile(dir), raw, 0o644); err != nil {
			t.Fatal(err)
		}
		return dir
	}

	// the uninterrupted upgrade, counting its transactions; swapAt: the
	// one that swaps the staged graph in (it reports the build's end);
	// touchEnd: the one after the renumbering's end (the task table's
	// marks begin in the transaction it numbers)
	batches, swapAt, touchEnd := 0, 0, 0
	ref, err := Open(t.Context(), copyTo(t), OpenOptions{batch: killBatch, afterBatch: func(n int) { batches = n },
		Progress: func(p Progress) {
			if p.Step == StepGraph && p.Done == p.Total {
				swapAt = batches + 1 // reported in the transaction after afterBatch(batches)
			}
			if p.Step == StepTouch {
				touchEnd = batches + 1
			}
		}})
	if err != nil {
		t.Fatal(err)
	}
	want := dumpStore(t, ref)
	ref.Close()
	if _, ok := want["meta/"+string(metaUpgrade)]; ok {
		t.Fatal("the uninterrupted upgrade left its progress record")
	}
	// the first; five of the graph's build; the swap; five of
	// renumbering, the one that finds none left
	if swapAt < 7 || batches < swapAt+6 {
		t.Fatalf("premise: the upgrade committed %d transactions before its last, the swap the %d-th; want at least 13, the swap the 7th or later", batches, swapAt)
	}
	tasksAt := touchEnd
	// the task table's marks: five batches of 500 (2,003 records) after
	// the renumbering, each committed with the progress record; the last
	// one's transaction finishes (docs/log/i29-upgrade.md)
	if tasksAt <= swapAt || batches < tasksAt+4 {
		t.Fatalf("premise: the task marks began after transaction %d of %d (the swap %d); want five batches of them after the renumbering", tasksAt, batches, swapAt)
	}

	for _, at := range []int{1, 2, 4, swapAt - 1, swapAt, swapAt + 1, swapAt + 3, tasksAt, tasksAt + 1, tasksAt + 3, batches} {
		t.Run("after "+strconv.Itoa(at), func(t *testing.T) {
			dir := copyTo(t)
			out, err := childtest.Run(t, "TestUpgradeKill9", "VANBAN_UPGRADE_KILL="+dir, "VANBAN_UPGRADE_KILL_AT="+strconv.Itoa(at))
			if !childtest.Killed(err) {
				t.Fatalf("child: %v, want killed by SIGKILL\n%s", err, out)
			}

			ro, err := Open(t.Context(), dir, OpenOptions{ReadOnly: true})
			if err != nil {
				t.Fatalf("read-only open of the half-upgraded store: %v", err)
			}
			cur, err := ro.GraphCurrent()
			if err != nil || cur {
				t.Errorf("read-only open: graph current %v (%v), want stale", cur, err)
			}
			half := dumpStore(t, ro)
			ro.Close()
			if v := half["meta/version"]; halfUpgradedFrom(v) != "6" {
				t.Errorf("read-only open: format %q, want 6 under this binary's upgrading mark (the upgrade unfinished)", v)
			}
			staging := half["graph.next #seq"] != ""
			if stamp := half["meta/graph"]; at < swapAt && (!staging || stamp != strconv.Itoa(graph.Version-1)) {
				t.Errorf("killed before the swap: staging graph %t, graph stamp %q; want a staging graph and the old graph's stamp %d", staging, stamp, graph.Version-1)
			} else if at >= swapAt && (staging || stamp != strconv.Itoa(graph.Version)) {
				t.Errorf("killed after the swap: staging graph %t, graph stamp %q; want none and %d", staging, stamp, graph.Version)
			}
			if half["meta/"+string(metaUpgrade)] == "" {
				t.Error("no progress record after the kill")
			}
			if at > tasksAt && !strings.Contains(half["meta/"+string(metaUpgrade)], `"pass":"`+passTasks+`"`) {
				t.Errorf("killed in the task marks: progress record %s, want pass %q", half["meta/"+string(metaUpgrade)], passTasks)
			}
			if at > tasksAt && half["meta/tasks"] != "" {
				t.Errorf("killed in the task marks: the task table stamped %q, want no stamp until the marks end", half["meta/tasks"])
			}
			// what `vanban check` says of it: the step reached, how far
			rep, err := CheckStore(t.Context(), dir)
			if err != nil || !rep.OK() || rep.Upgrade == nil {
				t.Fatalf("check of the half-upgraded store: %v, %+v; want sound, an upgrade under way", err, rep)
			}
			step, done := StepTouch, -1 // the renumbering's count: not checked
			switch {
			case at < swapAt:
				step, done = StepGraph, min((at-1)*killBatch, rep.Documents)
			case at == tasksAt:
				step, done = StepTasks, 0
			case at > tasksAt:
				step, done = StepTasks, (at-tasksAt)*killBatch
			}
			if u := rep.Upgrade; u.Step != step || done >= 0 && u.Done != done || u.From != "6" || !strings.Contains(u.String(), "vanban index") {
				t.Errorf("check of the half-upgraded store: %+v (%s); want step %q, %d done, from format 6, what to run", u, u, step, done)
			}

			s, err := Open(t.Context(), dir, OpenOptions{})
			if err != nil {
				t.Fatalf("read-write open after the kill: %v", err)
			}
			defer s.Close()
			sameDump(t, "resumed after a kill after transaction "+strconv.Itoa(at), dumpStore(t, s), want)
		})
	}
}

// TestUpgradeForeignRecord: a progress record another binary wrote (of
// another graph.Version) is not resumed: the upgrade begins again and
// ends where an uninterrupted one does.
func TestUpgradeForeignRecord(t *testing.T) {
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
	if err := os.WriteFile(filepath.Join(dir, "store.db"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(storeFile(dir), 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		// past the end: resumed, it would renumber nothing
		st := &upgradeState{Graph: 1, Store: storeVersion, Pass: passFinish, End: 1 << 40, Next: 1 << 40, Records: 1}
		return st.put(tx)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(t.Context(), dir, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sameDump(t, "after another binary's progress record", dumpStore(t, s), want)
}

// TestUpgradeResumeEveryBatch: an upgrade in batches of a store whose
// sequence index misses three records (damage: the renumbering's second
// walk, by ID, finds them) and names a tombstone, cancelled after each
// of its committed transactions in turn, ends, on the next read-write
// open, at exactly what the uninterrupted upgrade makes: both walks
// resume from the progress record.
func TestUpgradeResumeEveryBatch(t *testing.T) {
	src := t.TempDir()
	s := openTestStore(t, src)
	docs := genDocs(53, 1300)
	if _, err := s.PutBatch(docs); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MarkGone(docs[10].ID); err != nil {
		t.Fatal(err)
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		for _, i := range []int{3, 700, 1299} { // not named at all
			var d Document
			if err := s.codec.Load().decode(tx.Bucket(bucketDocs).Get([]byte(docs[i].ID)), &d); err != nil {
				return err
			}
			if err := tx.Bucket(bucketSeq).Delete(seqKey(d.Seq)); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Put([]byte("graph"), []byte("0"))
	})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(storeFile(src))
	if err != nil {
		t.Fatal(err)
	}
	copyTo := func(t *testing.T) string {
		dir := t.TempDir()
		if err := os.WriteFile(storeFile(dir), raw, 0o644); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	const batch = 500
	batches := 0
	ref, err := Open(t.Context(), copyTo(t), OpenOptions{batch: batch, afterBatch: func(n int) { batches = n }})
	if err != nil {
		t.Fatal(err)
	}
	want := dumpStore(t, ref)
	ref.Close()
	// the first; three of the graph's build; the swap; three batches by
	// sequence; the one finding none left; three by ID; the one finding
	// none left (without the walk by ID: 9)
	if batches < 13 {
		t.Fatalf("premise: %d transactions before the last, want at least 13 (the build, both walks)", batches)
	}
	for at := 1; at <= batches; at++ {
		t.Run("after "+strconv.Itoa(at), func(t *testing.T) {
			dir := copyTo(t)
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			_, err := Open(ctx, dir, OpenOptions{batch: batch, afterBatch: func(n int) {
				if n == at {
					cancel()
				}
			}})
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("cancelled after transaction %d: %v, want context.Canceled", at, err)
			}
			s, err := Open(t.Context(), dir, OpenOptions{batch: 700})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			sameDump(t, "resumed after transaction "+strconv.Itoa(at), dumpStore(t, s), want)
		})
	}
}
