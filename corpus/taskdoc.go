package corpus

// The seam to corpus/tasktable: what the table reads of a document, its
// marks in the store's write transaction, its upgrade on open, and the
// tasks of a document computed from the store (the table's Source).

import (
	"errors"
	"fmt"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/graph"
	"github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/corpus/outline"
	"github.com/vanban/vanban/corpus/tasktable"
	bolt "go.etcd.io/bbolt"
)

// ErrTasksStale is returned by a read-only store whose task table was
// built by another version (tasktable.ErrStale).
var ErrTasksStale = tasktable.ErrStale

// migrateTasks creates the task buckets and, when the table was built by
// another version, empties them and marks every live document stale
// (inside Open's transaction, after migrate; p: its ctx and progress).
func migrateTasks(tx *bolt.Tx, c *recordCodec, p *pass) error {
	if tasktable.Current(tx) {
		return nil
	}
	return remarkTasks(tx, c, p)
}

// remarkTasks drops the task table and marks stale every task document's
// tasks, whatever the table's stamp, in tx: the one-transaction upgrades'
// (migrateTasks). An upgrade in batches does the same a batch a
// transaction (beginRemark, remarkStep).
func remarkTasks(tx *bolt.Tx, c *recordCodec, p *pass) error {
	if err := beginRemark(tx); err != nil {
		return fmt.Errorf("mark tasks stale: %w", err)
	}
	st := &upgradeState{}
	if _, err := remarkStep(tx, c, st, 0, p); err != nil {
		return fmt.Errorf("mark tasks stale: %w", err)
	}
	return tasktable.Stamp(tx)
}

// beginRemark drops the task table and its stamp: until the marks are
// all written and the table stamped, a read-only reader is told the table
// is stale (tasktable.ErrStale), never a part of it.
func beginRemark(tx *bolt.Tx) error {
	if err := tasktable.Reset(tx); err != nil {
		return err
	}
	return tasktable.Unstamp(tx)
}

// remarkStep marks stale the tasks of up to batch records after st.After
// in ID order (batch 0: every one) whose tasks the new graph may give: a
// plan's, or a live record's that cites a stored document. st.After and
// st.Done record how far it came, committed with the marks: a batch a
// crash lost was rolled back with them and is done once again, never
// twice (a mark relogs the document: marked twice, the task log's
// sequences would move). It reports whether no record is left (the last
// batch).
func remarkStep(tx *bolt.Tx, c *recordCodec, st *upgradeState, batch int, p *pass) (bool, error) {
	last, err := walkAfter(tx, c, st, batch, p, StepTasks, func(d *Document) error {
		if d.Gone || !IsPlan(d) && !citesStored(tx, c, d.ID) {
			return nil
		}
		return tasktable.MarkStale(tx, d.ID)
	})
	if !last || err != nil {
		return false, err
	}
	p.end(StepTasks, st.Done, p.records(tx))
	return true, nil
}

// storedNumberKey is the lookup key of the number document id carries in
// the graph, before a write replaces it.
func storedNumberKey(tx *bolt.Tx, c *recordCodec, id string) string {
	v, ok, err := graph.Of(tx, c).Entry(id)
	if !ok || err != nil {
		return ""
	}
	return v.Number
}

// markTasks marks stale the tasks doc's write may change (Store.write,
// after indexRefs): doc's own, when it cites a stored document, is a plan
// by type or had tasks, and those of every document citing its number,
// old (oldKey) or new.
func markTasks(tx *bolt.Tx, c *recordCodec, doc *Document, oldKey string) error {
	if !tasktable.Exists(tx) {
		return nil // a store being upgraded: migrateTasks marks everything
	}
	own := tasktable.Has(tx, doc.ID) || !doc.Gone && (IsPlan(doc) || citesStored(tx, c, doc.ID))
	if own {
		if err := tasktable.MarkStale(tx, doc.ID); err != nil {
			return err
		}
	}
	keys := []string{oldKey}
	if k := doctype.NumberKey(doc.Number); k != oldKey {
		keys = append(keys, k)
	}
	for _, k := range keys {
		if k == "" {
			continue
		}
		for _, id := range graph.Of(tx, c).CitedBy(k) {
			if id != doc.ID {
				if err := tasktable.MarkStale(tx, id); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// citesStored reports whether document id cites a number another stored
// document carries (corpus/graph).
func citesStored(tx *bolt.Tx, c *recordCodec, id string) bool {
	g := graph.Of(tx, c)
	v, ok, err := g.Entry(id)
	if err != nil {
		return true // let SyncTasks find out
	}
	if !ok {
		return false
	}
	for _, r := range v.Refs {
		for _, carrier := range g.ByNumber(r.LookupKey()) {
			if carrier != id {
				return true
			}
		}
	}
	return false
}

// planTasks computes the tasks of doc, whose parents and their outlines
// are given (their linking targets from cache, when not nil), and doc's
// own outline, o (nil: parsed when needed); nil when it has none: it
// implements no stored document and is no plan by type (the type read
// only then, as it costs a fold), or has no task items
// (tasktable.Compute).
func planTasks(doc *Document, o *outline.Outline, parents []link.Doc, outlines []*outline.Outline, cache *link.Cache) *tasktable.PlanTasks {
	if len(parents) == 0 && !IsPlan(doc) {
		return nil
	}
	plan := tasktable.Plan{Doc: doc.LinkDoc(), Site: doc.Site, Published: doc.Published, URL: doc.URL, Parent: doc.Parent, Issuer: doc.Issuer, Outline: o}
	return tasktable.Compute(plan, parents, outlines, cache)
}

// ComputeTasks computes the tasks of document id and the parents it
// implements (PlanTasks.Implements, roles.go) from the store as it is
// now, without storing them; nil when it has no tasks and implements
// nothing (a document without tasks implementing a parent has its
// header and no tasks).
func (s *Store) ComputeTasks(id string) (*tasktable.PlanTasks, error) {
	return s.computeTasks(id, s.cache)
}

func (s *Store) computeTasks(id string, cache *link.Cache) (*tasktable.PlanTasks, error) {
	doc, err := s.Get(id)
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if doc.Gone {
		return nil, nil
	}
	parents, outlines, err := s.parentsWith(doc, cache.Outline)
	if err != nil {
		return nil, err
	}
	// one parse of doc for its tasks and its roles (implemented): a text
	// without tasks is parsed to know it has none, and its roles read
	// that outline (BenchmarkSyncTasksCitedByMany)
	var o *outline.Outline
	if len(parents) > 0 {
		o = outline.Parse(doc.Body)
	}
	pt := planTasks(doc, o, parents, outlines, cache)
	impl, err := s.implemented(doc, o, parents, pt != nil)
	if err != nil || pt == nil && len(impl) == 0 {
		return pt, err
	}
	if pt == nil { // no tasks: its header alone, for the parents it implements
		pt = &tasktable.PlanTasks{Plan: tasktable.TaskDoc{DocRef: refOf(doc), Site: doc.Site, Published: doc.Published, URL: doc.URL, Parent: doc.Parent, Issuer: doc.Issuer},
			Tasks: []tasktable.Task{}}
		for _, p := range parents {
			pt.Parents = append(pt.Parents, p.Ref())
		}
	}
	pt.Implements = impl
	return pt, nil
}

// taskSource is the store as tasktable.Sync asks it: its file's guarded
// transactions (damage.go) and computeTasks.
type taskSource struct {
	*guardedDB
	s *Store
}

func (t taskSource) Compute(id string, cache *link.Cache) (*tasktable.PlanTasks, error) {
	return t.s.computeTasks(id, cache)
}
