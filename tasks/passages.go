package tasks

import (
	"context"
	"slices"
	"strings"
	"time"
)

// PassageQuery asks for a parent's tasks by passage: what a resolution's
// page shows of every task implementing it without reading them all.
type PassageQuery struct {
	Parent   string   // the parent document (ID or number)
	Passages []string // the passages whose first tasks are wanted, in the order shown
	Per      int      // tasks read for each passage (≤ MaxLimit)
	Limit    int      // tasks read in all (≤ MaxLimit): the passages first in Passages first
}

// PassageResult is a parent's implementing tasks counted by passage, with
// the first tasks of the passages asked.
type PassageResult struct {
	Total    int              // tasks implementing the parent (as Query counts them with Parent)
	Stale    int              // implementing documents being recomputed
	Unlinked int              // tasks of its implementing documents linked to none of its passages
	Count    map[string]int   // passage → tasks whose best link to the parent is that passage
	Tasks    map[string][]Row // passage → its first tasks (Per at most), newest plan first
	Shown    int              // tasks in Tasks
	TookMS   float64
}

// Passages counts every task implementing q.Parent by the passage its best
// link to the parent is (its first link to one of the parent's passages,
// as Coverage counts) and reads the first q.Per tasks of each passage in
// q.Passages (newest plan first, its tasks in order: SortPlan), q.Limit in
// all. One pass over the table's memory; only the tasks returned are read
// from the store, so a parent that 10,000 plans implement costs what its
// page shows.
func (t *Table) Passages(ctx context.Context, q PassageQuery) (*PassageResult, error) {
	start := time.Now()
	f := Filter{Parent: q.Parent, Sort: SortPlan}
	if err := f.Validate(); err != nil {
		return nil, err
	}
	if q.Per < 0 || q.Limit < 0 {
		return nil, &FilterError{"limit", "negative"}
	}
	per, limit := min(q.Per, MaxLimit), min(q.Limit, MaxLimit)
	if err := t.Refresh(ctx); err != nil {
		return nil, err
	}
	res := &PassageResult{Count: map[string]int{}, Tasks: map[string][]Row{}}
	wanted := map[string]bool{}
	for _, p := range q.Passages {
		wanted[p] = true
	}
	kept := map[string][]hit{}
	buf := hitPool.Get().(*[]hit)
	defer func() { *buf = (*buf)[:0]; hitPool.Put(buf) }()
	t.mu.RLock()
	locked := true
	defer func() {
		if locked {
			t.mu.RUnlock()
		}
	}()
	hits, _, stale, err := t.match(ctx, f, (*buf)[:0])
	*buf = hits
	if err != nil {
		return nil, err
	}
	passage := t.parentPassages(q.Parent)
	res.Total, res.Stale = len(hits), stale
	// The hits come in SortPlan order (match walks the plans by rank and
	// each plan's rows in order): a passage's first hits are its first.
	for j, h := range hits {
		if j%(16*ctxEvery) == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		i := bestLink(h.r, func(l int32) bool { _, ok := passage[l]; return ok })
		if i < 0 {
			res.Unlinked++
			continue
		}
		p := passage[h.r.links[i]]
		res.Count[p]++
		if wanted[p] && len(kept[p]) < per {
			kept[p] = append(kept[p], h)
		}
	}
	t.mu.RUnlock()
	locked = false
	// The passages asked first get their tasks first, up to limit in all.
	var read []hit
	var counts []int
	for _, p := range q.Passages {
		hs := kept[p]
		hs = hs[:min(len(hs), limit-len(read))]
		read = append(read, hs...)
		counts = append(counts, len(hs))
		delete(kept, p) // a passage listed twice is read once
	}
	rows, err := t.hydrateAll(read) // Limit at most
	if err != nil {
		return nil, err
	}
	for i, p := range q.Passages {
		n := counts[i]
		for _, r := range rows[:n] {
			if r != nil {
				res.Tasks[p] = append(res.Tasks[p], *r)
				res.Shown++
			}
		}
		rows = rows[n:]
	}
	res.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return res, nil
}

// parentPassages maps the IDs of the links to a passage of parent (an ID
// or a number) to the passage (t.mu held).
func (t *Table) parentPassages(parent string) map[int32]string {
	parents := t.resolve(parent)
	passage := map[int32]string{}
	for id, s := range t.links.strs {
		if doc, p, _ := strings.Cut(s, "\x00"); slices.Contains(parents, doc) {
			passage[int32(id)] = p
		}
	}
	return passage
}
