package tasktable

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/vanban/vanban/corpus/graph"
)

// TestTableStamp: a new table is Current; another stamp, or no table, is
// not, and every read then says ErrStale (a read-only store not upgraded)
// and States says nothing is current; Reset empties the table and its log.
func TestTableStamp(t *testing.T) {
	db := openTable(t)
	kh := planDoc()
	src := newSource(db, resolutionDoc(), kh)
	db.mark("kh")
	src.sync()
	db.view(func(tx *bolt.Tx) error {
		if !Current(tx) || !Exists(tx) || !Has(tx, "kh") || Has(tx, "nq") {
			t.Errorf("current %v exists %v has kh %v has nq %v", Current(tx), Exists(tx), Has(tx, "kh"), Has(tx, "nq"))
		}
		if got := string(tx.Bucket(bucketMeta).Get([]byte("tasks"))); got != fmt.Sprintf("%d/%d", Version, graph.Version) {
			t.Errorf("stamp %q", got)
		}
		return nil
	})
	reads := func(when string) {
		t.Helper()
		db.view(func(tx *bolt.Tx) error {
			_, _, err1 := Changes(tx, 0, 10, nil)
			_, err2 := Seq(tx)
			_, _, err3 := Get(tx, "kh")
			_, err4 := StaleCount(tx)
			_, err5 := At(tx, []TaskRef{{"kh", 0}})
			for i, err := range []error{err1, err2, err3, err4, err5} {
				if !errors.Is(err, ErrStale) {
					t.Errorf("%s: read %d: error %v, want ErrStale", when, i+1, err)
				}
			}
			out := make([]State, 1)
			States(tx, []string{"kh"}, out)
			if out[0] != (State{}) {
				t.Errorf("%s: state %+v", when, out[0])
			}
			if Current(tx) {
				t.Errorf("%s: Current", when)
			}
			return nil
		})
	}
	if err := db.DB.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(metaTasks, []byte("0/2")) }); err != nil {
		t.Fatal(err)
	}
	reads("another stamp")
	if _, err := Sync(context.Background(), src, nil, nil); err != nil {
		t.Errorf("sync of another stamp's table (nothing stale to read): %v", err)
	}
	err := db.DB.Update(func(tx *bolt.Tx) error {
		if err := Stamp(tx); err != nil {
			return err
		}
		for _, b := range taskBuckets {
			if err := tx.DeleteBucket(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	reads("no table")
	if _, err := Sync(context.Background(), src, nil, nil); !errors.Is(err, ErrStale) {
		t.Errorf("sync with no table: %v, want ErrStale", err)
	}
	if err := db.DB.Update(func(tx *bolt.Tx) error {
		if Exists(tx) {
			t.Error("Exists with no table")
		}
		if err := Reset(tx); err != nil {
			return err
		}
		return Stamp(tx)
	}); err != nil {
		t.Fatal(err)
	}
	if pt, stale := db.get("kh"); pt != nil || stale || db.seq() != 0 || db.staleCount() != 0 {
		t.Errorf("after Reset: tasks %v stale %v seq %d", pt, stale, db.seq())
	}
	if ch, _ := db.changes(0); len(ch) != 0 {
		t.Errorf("after Reset: log %+v", ch)
	}
}

// TestTableLog: MarkStale and Sync move a document to a new sequence of
// the log; Changes lists each document once, at its latest change, with
// its stored head and keys and whether it is stale; Seq is the last.
func TestTableLog(t *testing.T) {
	db := openTable(t)
	src := newSource(db, resolutionDoc(), planDoc())
	if db.seq() != 0 || db.staleCount() != 0 {
		t.Fatalf("new table: seq %d, %d stale", db.seq(), db.staleCount())
	}
	db.mark("kh", "nq", "x", "kh")
	if db.seq() != 4 || db.staleCount() != 3 {
		t.Errorf("seq %d, %d stale; want 4, 3", db.seq(), db.staleCount())
	}
	ch, last := db.changes(0)
	ids := []string{}
	for _, c := range ch {
		ids = append(ids, c.ID)
		if !c.Stale || c.Head != nil || c.Keys != nil {
			t.Errorf("before sync: %+v", c)
		}
	}
	if !reflect.DeepEqual(ids, []string{"nq", "x", "kh"}) || last != 4 {
		t.Errorf("log %v to %d, want [nq x kh] to 4", ids, last)
	}
	if ch, _ := db.changes(4); len(ch) != 1 || ch[0].ID != "kh" {
		t.Errorf("changes from 4: %+v", ch)
	}
	st := src.sync()
	if st != (TaskSyncStats{Computed: 3, WithTask: 1, Tasks: 5}) {
		t.Errorf("sync %+v", st)
	}
	if db.seq() != 7 || db.staleCount() != 0 {
		t.Errorf("after sync: seq %d, %d stale", db.seq(), db.staleCount())
	}
	ch, last = db.changes(last + 1)
	if len(ch) != 3 || last != 7 {
		t.Fatalf("after sync: %+v to %d", ch, last)
	}
	for _, c := range ch {
		if c.Stale || (c.ID == "kh") != (c.Head != nil) {
			t.Errorf("after sync: %+v", c)
		}
		if c.ID == "kh" && (len(c.Keys) != 5 || c.Keys[0].Date != "2025-12-31" || c.Head.Plan.Number != "88/KH-UBND" || len(c.Head.Parents) != 1) {
			t.Errorf("kh's head %+v, keys %+v", c.Head, c.Keys)
		}
	}
	// Marked again: stale, its stored tasks still read.
	db.mark("kh")
	if ch, _ := db.changes(last + 1); len(ch) != 1 || !ch[0].Stale || ch[0].Head == nil {
		t.Errorf("kh marked again: %+v", ch)
	}
	if pt, stale := db.get("kh"); pt == nil || !stale {
		t.Errorf("kh marked again: tasks %v stale %v", pt != nil, stale)
	}
	if ch, _ := db.changes(db.seq() + 1); len(ch) != 0 {
		t.Errorf("nothing changed, yet %+v", ch)
	}
}

// TestSyncBatches: Sync computes the stale documents a batch at a time,
// each stored in one write transaction, reporting its progress; a document
// that has no tasks any more loses those stored.
func TestSyncBatches(t *testing.T) {
	db := openTable(t)
	nq := resolutionDoc()
	docs := []*testDoc{nq}
	n := 2*syncBatch + 5
	for i := range n {
		d := planDoc()
		d.plan.ID = fmt.Sprintf("kh%03d", i)
		docs = append(docs, d)
	}
	src := newSource(db, docs...)
	for _, d := range docs {
		db.mark(d.plan.ID)
	}
	var progress [][2]int
	db.updates = 0
	st, err := Sync(context.Background(), src, nil, func(done, stale int) { progress = append(progress, [2]int{done, stale}) })
	if err != nil {
		t.Fatal(err)
	}
	if st != (TaskSyncStats{Computed: n + 1, WithTask: n, Tasks: 5 * n}) {
		t.Errorf("sync %+v", st)
	}
	want := [][2]int{{syncBatch, n + 1 - syncBatch}, {2 * syncBatch, n + 1 - 2*syncBatch}, {n + 1, 0}}
	if !reflect.DeepEqual(progress, want) || db.updates != 3 {
		t.Errorf("progress %v in %d writes, want %v in 3", progress, db.updates, want)
	}
	if len(src.computed) != n+1 || db.staleCount() != 0 {
		t.Errorf("computed %d, %d stale", len(src.computed), db.staleCount())
	}
	// Nothing stale: nothing computed, nothing written.
	src.computed, db.updates = nil, 0
	if st := src.sync(); st != (TaskSyncStats{}) || len(src.computed) != 0 || db.updates != 0 {
		t.Errorf("nothing stale: %+v, computed %v, %d writes", st, src.computed, db.updates)
	}
	// kh000 is gone: its tasks go.
	delete(src.docs, "kh000")
	db.mark("kh000")
	if st := src.sync(); st != (TaskSyncStats{Computed: 1}) {
		t.Errorf("gone: %+v", st)
	}
	if pt, stale := db.get("kh000"); pt != nil || stale {
		t.Errorf("gone: tasks %+v, stale %v", pt, stale)
	}
	// A cancelled context stops it before anything is computed.
	db.mark("kh001")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	src.computed = nil
	if _, err := Sync(ctx, src, nil, nil); !errors.Is(err, context.Canceled) || len(src.computed) != 0 || db.staleCount() != 1 {
		t.Errorf("cancelled: %v, computed %v, %d stale", err, src.computed, db.staleCount())
	}
}

// TestSyncMarkedAgain: a document marked stale again while its tasks were
// computed keeps its new mark; the older computation is not stored, and
// the next round stores the newer.
func TestSyncMarkedAgain(t *testing.T) {
	db := openTable(t)
	src := newSource(db, resolutionDoc(), planDoc())
	db.mark("kh", "nq")
	newer := planDoc()
	newer.plan.Body += "3. Sở Tài chính bố trí kinh phí thực hiện các nhiệm vụ, hoàn thành trong quý I/2025.\n"
	once := false
	src.onCompute = func(id string) {
		if id == "kh" && !once {
			once = true
			src.docs["kh"] = newer // the store's Put: the document and its mark
			db.mark("kh")
		}
	}
	// The step the sync takes, then the next round.
	batch, _, err := staleBatch(src, syncBatch)
	if err != nil {
		t.Fatal(err)
	}
	for i := range batch {
		if batch[i].pt, err = src.Compute(batch[i].id, nil); err != nil {
			t.Fatal(err)
		}
	}
	var st TaskSyncStats
	if err := storeTasks(db, batch, &st); err != nil {
		t.Fatal(err)
	}
	if st != (TaskSyncStats{Computed: 1, Retried: 1}) {
		t.Errorf("stored %+v, want the resolution computed and the plan retried", st)
	}
	if pt, stale := db.get("kh"); pt != nil || !stale {
		t.Fatalf("the plan changed while computed: tasks %v, stale %v", pt, stale)
	}
	if st := src.sync(); st != (TaskSyncStats{Computed: 1, WithTask: 1, Tasks: 6}) {
		t.Errorf("next round %+v", st)
	}
	if pt, stale := db.get("kh"); pt == nil || stale || taskByID(pt, "III.3") == nil {
		t.Errorf("the newer plan's task III.3 is missing (stale %v)", stale)
	}
	// Sync gives up on documents that keep changing while computed (a
	// cancel bounds the test should it not).
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	calls := 0
	src.onCompute = func(id string) {
		db.mark(id)
		if calls++; calls > 100*syncBatch {
			cancel()
		}
	}
	db.mark("x") // not among the documents: cheap to compute
	_, err = Sync(ctx, src, nil, nil)
	if err == nil || !strings.Contains(err.Error(), "keep changing") || db.staleCount() != 1 {
		t.Errorf("a document changing at every round: %v after %d rounds, %d stale", err, calls, db.staleCount())
	}
}
