package tasktable

// The table's test harness: a temp bbolt file holding the store's "meta"
// bucket and the table's buckets (Reset, Stamp), and the Source Sync asks
// for, implemented here over plain documents (Plan and its parents as the
// linker reads them), as corpus implements it over its store.

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/corpus/outline"
)

// testDB is a table on a bbolt file of its own.
type testDB struct {
	*bolt.DB
	t       *testing.T
	updates int // write transactions, for Sync's batching
}

func (d *testDB) Update(fn func(*bolt.Tx) error) error {
	d.updates++
	return d.DB.Update(fn)
}

// openTable opens a new table, stamped by this version.
func openTable(t *testing.T) *testDB {
	t.Helper()
	db, err := bolt.Open(filepath.Join(t.TempDir(), "table.db"), 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	err = db.Update(func(tx *bolt.Tx) error {
		if _, err := tx.CreateBucket(bucketMeta); err != nil {
			return err
		}
		if err := Reset(tx); err != nil {
			return err
		}
		return Stamp(tx)
	})
	if err != nil {
		t.Fatal(err)
	}
	return &testDB{DB: db, t: t}
}

// mark marks ids stale, each in a transaction, as corpus's Put does.
func (d *testDB) mark(ids ...string) {
	d.t.Helper()
	for _, id := range ids {
		if err := d.DB.Update(func(tx *bolt.Tx) error { return MarkStale(tx, id) }); err != nil {
			d.t.Fatal(err)
		}
	}
}

func (d *testDB) view(fn func(*bolt.Tx) error) {
	d.t.Helper()
	if err := d.View(fn); err != nil {
		d.t.Fatal(err)
	}
}

// get is Get in a transaction of its own.
func (d *testDB) get(id string) (pt *PlanTasks, stale bool) {
	d.t.Helper()
	d.view(func(tx *bolt.Tx) (err error) { pt, stale, err = Get(tx, id); return })
	return
}

func (d *testDB) seq() (n uint64) {
	d.t.Helper()
	d.view(func(tx *bolt.Tx) (err error) { n, err = Seq(tx); return })
	return
}

func (d *testDB) staleCount() (n int) {
	d.t.Helper()
	d.view(func(tx *bolt.Tx) (err error) { n, err = StaleCount(tx); return })
	return
}

// changes reads the whole log from next, a page of two at a time as a
// reader following it does.
func (d *testDB) changes(next uint64) (out []TaskChange, last uint64) {
	d.t.Helper()
	for {
		var page []TaskChange
		var l uint64
		d.view(func(tx *bolt.Tx) (err error) { page, l, err = Changes(tx, next, 2, nil); return })
		if len(page) == 0 {
			return out, last
		}
		out, last, next = append(out, page...), l, l+1
	}
}

// testDoc is a document of the test's Source: the plan as the linker
// reads it and the IDs of its parents.
type testDoc struct {
	plan    Plan
	parents []string
	plain   bool // no tasks: corpus reads it as no plan (it implements nothing stored and is no plan by type)
}

// testSource is Sync's Source over testDocs: a document not among them
// (or gone) has no tasks, as in corpus.
type testSource struct {
	*testDB
	mu        sync.Mutex
	docs      map[string]*testDoc
	computed  []string
	onCompute func(id string) // called before a document is computed
}

func newSource(db *testDB, docs ...*testDoc) *testSource {
	s := &testSource{testDB: db, docs: map[string]*testDoc{}}
	for _, d := range docs {
		s.docs[d.plan.ID] = d
	}
	return s
}

func (s *testSource) Compute(id string, cache *link.Cache) (*PlanTasks, error) {
	if s.onCompute != nil {
		s.onCompute(id)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.computed = append(s.computed, id)
	d := s.docs[id]
	if d == nil || d.plain {
		return nil, nil
	}
	var parents []link.Doc
	for _, p := range d.parents {
		if pd := s.docs[p]; pd != nil {
			parents = append(parents, pd.plan.Doc)
		}
	}
	return Compute(d.plan, parents, make([]*outline.Outline, len(parents)), cache), nil
}

// sync runs Sync over src.
func (s *testSource) sync() TaskSyncStats {
	s.t.Helper()
	st, err := Sync(context.Background(), s, nil, nil)
	if err != nil {
		s.t.Fatal(err)
	}
	return st
}
