// Package tasks is the tasks view: every task item of every implementing
// document (corpus.PlanTasks, materialised in the store), with its agency
// in charge, co-agencies, deadline and the parent passages it implements,
// filtered by agency, parent, plan, deadline range, deadline kind and
// site, sorted and paged, or exported as CSV.
//
// A Table keeps in memory only what the filters and the order need (a few
// integers a task, agency names and passages interned) and reads the
// tasks of the rows it returns from the store. It follows the store's task
// log: each query first applies the changes logged since the last one, so
// a table built once serves every later query (BenchmarkTasks: 10,000
// plans).
package tasks

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/deadline"
	"github.com/vanban/vanban/corpus/viet"
)

// Store is what a Table reads (corpus.Store).
type Store interface {
	TaskSeq() (uint64, error)
	TaskChanges(ctx context.Context, since uint64, fn func(corpus.TaskChange) error) (uint64, error)
	TasksAt(refs []corpus.TaskRef) ([]*corpus.Task, error)
	ComputeTasks(id string) (*corpus.PlanTasks, error)
}

// Options configure a Table.
type Options struct {
	// Fresh computes the tasks of stale documents (corpus.ComputeTasks)
	// instead of showing their stored ones: exact, for one-shot readers
	// (`vanban tasks`); a server leaves them to its SyncTasks.
	Fresh bool
}

// Table is the tasks of a store, kept current with its task log.
type Table struct {
	src  Store
	opts Options

	refreshMu sync.Mutex // one refresh at a time
	mu        sync.RWMutex
	loaded    bool
	seq       uint64
	plans     map[string]*plan
	agencies  interner            // agency and co-agency names
	links     interner            // "docID\x00passage"
	numbers   map[string][]string // number key → IDs of plans and parents carrying it
}

// plan is one implementing document's rows.
type plan struct {
	id      string
	doc     corpus.TaskDoc
	parents []string // parent document IDs
	rows    []row
	stale   bool
	fresh   *corpus.PlanTasks // computed (Options.Fresh), not stored
}

// row is what the filters and the order need of one task.
type row struct {
	id       string // Task.ID, to check the stored task is still it
	item     int32  // index in PlanTasks.Tasks
	agency   int32
	partners int32
	kind     uint8 // kindOrder
	due      int32 // Deadline.Date as days since 1970-01-01; 0: none
	links    []int32
}

// kindOrder orders deadline kinds: dated tasks first, then recurring,
// then unreadable, then none.
var kindOrder = map[deadline.Kind]uint8{deadline.Date: 0, deadline.Recurring: 1, deadline.Unknown: 2, deadline.None: 3}

var kindNames = [...]string{"date", "recurring", "unknown", "none"}

// interner numbers strings.
type interner struct {
	ids  map[string]int32
	strs []string
	meta [][]unit // agency units, for the agency interner
}

func (in *interner) id(s string, units bool) int32 {
	if id, ok := in.ids[s]; ok {
		return id
	}
	if in.ids == nil {
		in.ids = map[string]int32{}
	}
	id := int32(len(in.strs))
	in.ids[s] = id
	in.strs = append(in.strs, s)
	if units {
		in.meta = append(in.meta, nameUnits(s))
	}
	return id
}

// New returns the table of src; it is loaded by the first query.
func New(src Store, opts Options) *Table {
	return &Table{src: src, opts: opts, plans: map[string]*plan{}, numbers: map[string][]string{}}
}

// Refresh applies the changes of the store's task log since the last
// refresh (all of it the first time).
func (t *Table) Refresh(ctx context.Context) error {
	t.refreshMu.Lock()
	defer t.refreshMu.Unlock()
	seq, err := t.src.TaskSeq()
	if err != nil {
		return err
	}
	t.mu.RLock()
	current := t.loaded && seq == t.seq
	since := t.seq
	t.mu.RUnlock()
	if current {
		return nil
	}
	var changed []*plan
	var gone []string
	last, err := t.src.TaskChanges(ctx, since, func(ch corpus.TaskChange) error {
		pt := ch.Tasks
		if ch.Stale && t.opts.Fresh {
			var err error
			if pt, err = t.src.ComputeTasks(ch.ID); err != nil {
				return err
			}
		}
		if pt == nil || len(pt.Tasks) == 0 {
			if ch.Stale && !t.opts.Fresh {
				changed = append(changed, &plan{id: ch.ID, stale: true})
			} else {
				gone = append(gone, ch.ID)
			}
			return nil
		}
		p := &plan{id: ch.ID, stale: ch.Stale && !t.opts.Fresh}
		if ch.Stale && t.opts.Fresh {
			p.fresh = pt
		}
		t.mu.Lock()
		t.fill(p, pt)
		t.mu.Unlock()
		changed = append(changed, p)
		return nil
	})
	if err != nil {
		return fmt.Errorf("tasks: refresh: %w", err)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, id := range gone {
		delete(t.plans, id)
	}
	for _, p := range changed {
		t.plans[p.id] = p
	}
	t.seq, t.loaded = last, true
	return nil
}

// fill sets p's rows from pt (t.mu held for the interners).
func (t *Table) fill(p *plan, pt *corpus.PlanTasks) {
	p.doc = pt.Plan
	t.number(pt.Plan.Number, pt.Plan.ID)
	for _, par := range pt.Parents {
		p.parents = append(p.parents, par.ID)
		t.number(par.Number, par.ID)
	}
	p.rows = make([]row, len(pt.Tasks))
	for i, tk := range pt.Tasks {
		r := row{id: tk.ID, item: int32(i), agency: t.agencies.id(tk.Agency, true), partners: t.agencies.id(tk.Partners, true),
			kind: kindOrder[tk.Deadline.Kind]}
		if d, err := time.Parse("2006-01-02", tk.Deadline.Date); err == nil {
			r.due = int32(d.Unix() / 86400)
		}
		for _, m := range tk.Links {
			r.links = append(r.links, t.links.id(m.DocID+"\x00"+m.Passage, false))
		}
		p.rows[i] = r
	}
}

// number records that document id carries number.
func (t *Table) number(number, id string) {
	if k := viet.NumberKey(number); k != "" && !slices.Contains(t.numbers[k], id) {
		t.numbers[k] = append(t.numbers[k], id)
	}
}

// resolve returns the documents a filter names: an ID, or a number in
// any spelling.
func (t *Table) resolve(s string) []string {
	if s == "" {
		return nil
	}
	if _, ok := t.plans[s]; ok {
		return []string{s}
	}
	if ids := t.numbers[viet.NumberKey(s)]; len(ids) > 0 {
		return ids
	}
	return []string{s} // an ID (a parent's), or nothing
}

// Row is one task with its implementing document.
type Row struct {
	Plan corpus.TaskDoc `json:"plan"`
	corpus.Task
}

// Result is a page of tasks.
type Result struct {
	Total  int            `json:"total"`
	TookMS float64        `json:"took_ms"`
	Stale  int            `json:"stale"` // implementing documents whose tasks are being recomputed (shown as last computed)
	Kinds  map[string]int `json:"kinds"` // the matching tasks by deadline kind: date, recurring, unknown, none
	Tasks  []Row          `json:"tasks"`
}

// hit is a matching row.
type hit struct {
	p *plan
	r *row
}

// Query returns the tasks matching f, ordered and paged.
func (t *Table) Query(ctx context.Context, f Filter) (*Result, error) {
	start := time.Now()
	if err := f.Validate(); err != nil {
		return nil, err
	}
	if err := t.Refresh(ctx); err != nil {
		return nil, err
	}
	t.mu.RLock()
	hits, stale := t.match(f)
	t.mu.RUnlock()
	res := &Result{Total: len(hits), Stale: stale, Kinds: map[string]int{}, Tasks: []Row{}}
	for _, h := range hits {
		res.Kinds[kindNames[h.r.kind]]++
	}
	sortHits(hits, f.Sort, f.Offset+f.Limit)
	if f.Offset < len(hits) {
		hits = hits[f.Offset:min(len(hits), f.Offset+f.Limit)]
	} else {
		hits = nil
	}
	rows, err := t.hydrate(hits)
	if err != nil {
		return nil, err
	}
	res.Tasks = rows
	res.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return res, nil
}

// Each calls fn with every task matching f, in order, up to limit
// (Filter's Offset and Limit are ignored): the export.
func (t *Table) Each(ctx context.Context, f Filter, limit int, fn func(Row) error) error {
	f.Offset, f.Limit = 0, 1
	if err := f.Validate(); err != nil {
		return err
	}
	if err := t.Refresh(ctx); err != nil {
		return err
	}
	t.mu.RLock()
	hits, _ := t.match(f)
	t.mu.RUnlock()
	sortHits(hits, f.Sort, limit)
	hits = hits[:min(len(hits), limit)]
	const chunk = 512 // hydrate a chunk at a time: each plan read once a chunk
	for len(hits) > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		n := min(chunk, len(hits))
		rows, err := t.hydrate(hits[:n])
		if err != nil {
			return err
		}
		for _, r := range rows {
			if err := fn(r); err != nil {
				return err
			}
		}
		hits = hits[n:]
	}
	return nil
}

// match returns the rows matching f (t.mu held) and the number of stale
// plans among those f's plan and site filters keep.
func (t *Table) match(f Filter) ([]hit, int) {
	var agencyOK []int8 // per agency ID: 0 unknown, 1 match, -1 no
	var q []unit
	if f.Agency != "" {
		q = nameUnits(f.Agency)
		agencyOK = make([]int8, len(t.agencies.strs))
	}
	agency := func(id int32) bool {
		if agencyOK[id] == 0 {
			agencyOK[id] = -1
			if matchName(q, t.agencies.meta[id]) {
				agencyOK[id] = 1
			}
		}
		return agencyOK[id] == 1
	}
	parents, plans := t.resolve(f.Parent), t.resolve(f.Plan)
	var linkOK []bool // per link ID: a passage of the parent (and the passage asked)
	if len(parents) > 0 {
		linkOK = make([]bool, len(t.links.strs))
		for id, s := range t.links.strs {
			doc, passage, _ := strings.Cut(s, "\x00")
			linkOK[id] = slices.Contains(parents, doc) && (f.Passage == "" || passage == f.Passage)
		}
	}
	from, to := int32(-1<<31), int32(1<<31-1)
	if f.From != "" {
		from = days(f.From)
	}
	if f.To != "" {
		to = days(f.To)
	}
	var hits []hit
	stale := 0
	for _, p := range t.plans {
		if f.Site != "" && p.doc.Site != f.Site || len(plans) > 0 && !slices.Contains(plans, p.id) {
			continue
		}
		if p.stale {
			stale++
		}
		implements := false
		for _, id := range parents {
			implements = implements || slices.Contains(p.parents, id)
		}
		for i := range p.rows {
			r := &p.rows[i]
			if f.kind >= 0 && r.kind != uint8(f.kind) {
				continue
			}
			if (f.From != "" || f.To != "") && (r.due == 0 || r.due < from || r.due > to) {
				continue
			}
			if q != nil && !agency(r.agency) && !(f.Partners && agency(r.partners)) {
				continue
			}
			if linkOK != nil && !parentMatch(r, linkOK, implements && f.Passage == "") {
				continue
			}
			hits = append(hits, hit{p, r})
		}
	}
	return hits, stale
}

// parentMatch reports a row linked to a passage of the parent asked, or,
// with unlinked, a row of a plan implementing it that links to nothing.
func parentMatch(r *row, linkOK []bool, unlinked bool) bool {
	for _, l := range r.links {
		if linkOK[l] {
			return true
		}
	}
	return unlinked && len(r.links) == 0
}

func days(date string) int32 {
	d, _ := time.Parse("2006-01-02", date)
	return int32(d.Unix() / 86400)
}

// sortHits orders the hits; only the first n need be in place.
func sortHits(hits []hit, order string, n int) {
	less := byDeadline
	if order == SortPlan {
		less = byPlan
	}
	if n < len(hits)/8 {
		partialSort(hits, n, less)
		return
	}
	sort.Slice(hits, func(i, j int) bool { return less(&hits[i], &hits[j]) })
}

// byDeadline: due date (the nearest first), then recurring, unreadable
// and no deadline; then byPlan.
func byDeadline(a, b *hit) bool {
	if a.r.kind != b.r.kind {
		return a.r.kind < b.r.kind
	}
	if a.r.due != b.r.due {
		return a.r.due < b.r.due
	}
	return byPlan(a, b)
}

// byPlan: the newest plan first, then its tasks in document order.
func byPlan(a, b *hit) bool {
	if a.p != b.p {
		if a.p.doc.Published != b.p.doc.Published {
			return a.p.doc.Published > b.p.doc.Published
		}
		return a.p.id < b.p.id
	}
	return a.r.item < b.r.item
}

// partialSort puts the n least hits first, in order: a max-heap of n
// over the rest, O(len·log n).
func partialSort(hits []hit, n int, less func(a, b *hit) bool) {
	if n <= 0 {
		return
	}
	h := hits[:n]
	down := func(i int) {
		for {
			c := 2*i + 1
			if c >= len(h) {
				return
			}
			if c+1 < len(h) && less(&h[c], &h[c+1]) {
				c++
			}
			if !less(&h[i], &h[c]) {
				return
			}
			h[i], h[c] = h[c], h[i]
			i = c
		}
	}
	for i := n/2 - 1; i >= 0; i-- {
		down(i)
	}
	for i := n; i < len(hits); i++ {
		if less(&hits[i], &h[0]) {
			h[0], hits[i] = hits[i], h[0]
			down(0)
		}
	}
	sort.Slice(h, func(i, j int) bool { return less(&h[i], &h[j]) })
}

// hydrate reads the tasks of hits from the store, in one read (or from
// the tasks a fresh table computed).
func (t *Table) hydrate(hits []hit) ([]Row, error) {
	var refs []corpus.TaskRef
	for _, h := range hits {
		if h.p.fresh == nil {
			refs = append(refs, corpus.TaskRef{ID: h.p.id, Index: int(h.r.item)})
		}
	}
	stored, err := t.src.TasksAt(refs)
	if err != nil {
		return nil, fmt.Errorf("tasks: %w", err)
	}
	out := make([]Row, 0, len(hits))
	for _, h := range hits {
		var tk *corpus.Task
		if h.p.fresh != nil {
			tk = &h.p.fresh.Tasks[h.r.item]
		} else {
			tk, stored = stored[0], stored[1:]
		}
		if tk == nil || tk.ID != h.r.id {
			continue // changed since the last refresh: the next query shows it
		}
		out = append(out, Row{Plan: h.p.doc, Task: *tk})
	}
	return out, nil
}
