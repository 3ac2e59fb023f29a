// Package tasks is the tasks view: every task item of every implementing
// document (tasktable.PlanTasks, materialised in the store), with its agency
// in charge, co-agencies, deadline and the parent passages it implements,
// filtered by agency, parent, plan, deadline range, deadline kind and
// site, sorted and paged, or exported as CSV. A document stored several
// times (one number, date and site) lists its tasks once (copies.go).
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
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/deadline"
	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/tasktable"
	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/search/query"
)

// Store is what a Table reads (corpus.Store).
type Store interface {
	TaskSeq() (uint64, error)
	TaskChanges(ctx context.Context, since uint64, fn func(tasktable.TaskChange) error) (uint64, error)
	TasksAt(refs []tasktable.TaskRef) ([]*tasktable.Task, error)
	ComputeTasks(id string) (*tasktable.PlanTasks, error)
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
	order     []*plan             // plans newest first (plan.rank is the index)
	agencies  interner            // agency and co-agency names
	links     interner            // "docID\x00passage"
	numbers   map[string][]string // number key → IDs of plans and parents carrying it
}

// plan is one implementing document's rows.
type plan struct {
	id         string
	rank       int // index in Table.order
	doc        tasktable.TaskDoc
	implements []string // the IDs of the parents it implements (tasktable.TaskHead.Implements)
	rows       []row
	stale      bool
	fresh      *tasktable.PlanTasks // computed (Options.Fresh), not stored
	copyOf     string               // the kept copy's ID when this is a copy of it (copies.go)
}

// row is what the filters and the order need of one task.
type row struct {
	id       string // Task.ID, to check the stored task is still it
	sum      uint32 // TaskKey.Sum: the copy rule reads it
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
	last, err := t.src.TaskChanges(ctx, since, func(ch tasktable.TaskChange) error {
		head, keys := ch.Head, ch.Keys
		p := &plan{id: ch.ID, stale: ch.Stale && !t.opts.Fresh}
		if ch.Stale && t.opts.Fresh {
			pt, err := t.src.ComputeTasks(ch.ID)
			if err != nil {
				return err
			}
			head, keys, p.fresh = nil, nil, pt
			if pt != nil {
				head, keys = &tasktable.TaskHead{Plan: pt.Plan, Parents: pt.Parents, Implements: pt.Implements}, pt.Keys()
			}
		}
		if head == nil || len(keys) == 0 && len(head.Implements) == 0 {
			if p.stale {
				changed = append(changed, p) // counted as stale, no rows yet
			} else {
				gone = append(gone, ch.ID)
			}
			return nil
		}
		t.mu.Lock()
		t.fill(p, head, keys)
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
	if len(gone)+len(changed) > 0 || !t.loaded {
		t.order = t.order[:0]
		for _, p := range t.plans {
			t.order = append(t.order, p)
		}
		slices.SortFunc(t.order, func(a, b *plan) int {
			if c := strings.Compare(b.doc.Published, a.doc.Published); c != 0 {
				return c
			}
			return strings.Compare(a.id, b.id)
		})
		for i, p := range t.order {
			p.rank = i
		}
		t.markCopies()
	}
	t.seq, t.loaded = last, true
	return nil
}

// fill sets p's rows from its stored head and keys (t.mu held for the
// interners).
func (t *Table) fill(p *plan, head *tasktable.TaskHead, keys []tasktable.TaskKey) {
	p.doc = head.Plan
	t.number(head.Plan.Number, head.Plan.ID)
	p.implements = head.Implements
	for _, par := range head.Parents {
		t.number(par.Number, par.ID)
	}
	p.rows = make([]row, len(keys))
	for i, k := range keys {
		r := row{id: k.ID, item: int32(i), agency: t.agencies.id(k.Agency, true), partners: t.agencies.id(k.Partners, true),
			kind: kindOrder[k.Kind], sum: k.Sum}
		if d, err := time.Parse("2006-01-02", k.Date); err == nil {
			r.due = int32(d.Unix() / 86400)
		}
		for _, l := range k.Links {
			r.links = append(r.links, t.links.id(l.DocID+"\x00"+l.Passage, false))
		}
		p.rows[i] = r
	}
}

// number records that document id carries number, under its key and its
// loose key.
func (t *Table) number(number, id string) {
	k := doctype.NumberKey(number)
	if k == "" {
		return
	}
	for _, k := range []string{k, looseKey(k)} {
		if k != "" && !slices.Contains(t.numbers[k], id) {
			t.numbers[k] = append(t.numbers[k], id)
		}
	}
}

// looseKey is a number's letters and digits alone, in order, folded,
// without a leading "Số" and leading zeros: "154 NQ CP" and "154-NQ-CP"
// give "154nqcp", as "154/NQ-CP" does — a number typed without its
// separators, or with others. It is "" without a digit or a letter.
func looseKey(s string) string {
	f := strings.ToLower(strings.TrimSpace(viet.Fold(s)))
	if rest, ok := strings.CutPrefix(f, "so"); ok && (rest == "" || !unicode.IsLetter(rune(rest[0]))) {
		f = rest
	}
	var b strings.Builder
	digit, letter := false, false
	for _, r := range f {
		switch {
		case r >= '0' && r <= '9':
			if r == '0' && b.Len() == 0 {
				continue
			}
			digit = true
		case unicode.IsLetter(r):
			letter = true
		default:
			continue
		}
		b.WriteRune(r)
	}
	if !digit || !letter {
		return ""
	}
	return b.String()
}

// resolve returns the documents a filter names: an ID, or a number in
// any spelling (with or without its separators), or a number typed
// without its issuer ("nq 154", partial).
func (t *Table) resolve(s string) []string {
	if s == "" {
		return nil
	}
	if _, ok := t.plans[s]; ok {
		return []string{s}
	}
	if ids := t.numbers[doctype.NumberKey(s)]; len(ids) > 0 {
		return ids
	}
	if k := looseKey(s); k != "" && len(t.numbers[k]) > 0 {
		return t.numbers[k]
	}
	if ids := t.partial(s); len(ids) > 0 {
		return ids
	}
	return []string{s} // an ID (a parent's), or nothing
}

// partial returns the documents whose number a partial number typed in s
// ("nq 154": a type and a number without the issuer) matches, as search
// matches it (query.PartialNumber.Pattern: by prefix, every issuer and
// year), in the order of their keys.
func (t *Table) partial(s string) []string {
	var res []*regexp.Regexp
	for _, pn := range query.PartialNumbers(s) {
		res = append(res, regexp.MustCompile("^(?:"+pn.Pattern()+")$"))
	}
	if len(res) == 0 {
		return nil
	}
	var keys []string
	for k := range t.numbers {
		for _, re := range res {
			if re.MatchString(k) {
				keys = append(keys, k)
				break
			}
		}
	}
	slices.Sort(keys)
	var ids []string
	for _, k := range keys {
		for _, id := range t.numbers[k] {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// Row is one task with its implementing document.
type Row struct {
	Plan tasktable.TaskDoc `json:"plan"`
	tasktable.Task
	// PlanDead is set when the file the plan was read from answers 404 or
	// 410 now; filled by the callers that have the crawler's records
	// (search/web, vanban tasks), never stored in the table.
	PlanDead *corpus.DeadMark `json:"plan_dead,omitempty"`
}

// Result is a page of tasks.
type Result struct {
	Total  int            `json:"total"`
	TookMS float64        `json:"took_ms"`
	Stale  int            `json:"stale"` // implementing documents whose tasks are being recomputed (shown as last computed)
	Kinds  map[string]int `json:"kinds"` // the matching tasks by deadline kind: date, recurring, unknown, none
	Tasks  []Row          `json:"tasks"`
}

// hit is a matching row and its sort key (sortKey).
type hit struct {
	key uint64
	p   *plan
	r   *row
}

// hitPool keeps the hits slices of queries: a query over 200,000 tasks
// would otherwise allocate megabytes.
var hitPool = sync.Pool{New: func() any { return new([]hit) }}

// Query returns the tasks matching f, ordered and paged.
func (t *Table) Query(ctx context.Context, f Filter) (*Result, error) {
	start := time.Now()
	if err := f.Validate(); err != nil {
		return nil, err
	}
	if err := t.Refresh(ctx); err != nil {
		return nil, err
	}
	buf := hitPool.Get().(*[]hit)
	defer func() { *buf = (*buf)[:0]; hitPool.Put(buf) }()
	t.mu.RLock()
	hits, kinds, stale, err := t.match(ctx, f, (*buf)[:0])
	t.mu.RUnlock()
	*buf = hits
	if err != nil {
		return nil, err
	}
	res := &Result{Total: len(hits), Stale: stale, Kinds: map[string]int{}, Tasks: []Row{}}
	for k, n := range kinds {
		if n > 0 {
			res.Kinds[kindNames[k]] = n
		}
	}
	sortHits(hits, f.Offset+f.Limit)
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

// Coverage counts, over every task implementing parent (an ID or a
// number), the tasks whose best link to it is each passage (passage ID →
// tasks), and the tasks of its implementing documents that link to none
// of its passages: what a parent's page says of all its implementing
// tasks, not only of the page it shows (Passages, reading no task).
func (t *Table) Coverage(ctx context.Context, parent string) (map[string]int, int, error) {
	res, err := t.Passages(ctx, PassageQuery{Parent: parent})
	if err != nil {
		return nil, 0, err
	}
	return res.Count, res.Unlinked, nil
}

// Implementers returns the documents implementing document id (its ID),
// oldest first (tasktable.CompareImplementers), from the table's memory: the
// documents whose stored roles name it (tasktable.TaskHead.Implements,
// corpus/roles.go's rule: a text without tasks detailing it too, not a
// plan citing it only as a statutory ground), a document stored several
// times once (copies.go). It is corpus.Store.Role's list
// without a read of each plan's task header: a resolution's page at
// thousands of plans. The list is exact (true) when no plan is stale: a
// stale plan may be gone, cite another parent or cite id now, whatever it
// implemented when last computed, so with one it reports false and a
// reader that must be exact asks the store (Store.Role) until SyncTasks
// has run.
func (t *Table) Implementers(ctx context.Context, id string) ([]tasktable.TaskDoc, bool, error) {
	if err := t.Refresh(ctx); err != nil {
		return nil, false, err
	}
	t.mu.RLock()
	var out []tasktable.TaskDoc
	exact := true
	for i, p := range t.order {
		if i%(16*ctxEvery) == 0 {
			if err := ctx.Err(); err != nil {
				t.mu.RUnlock()
				return nil, false, err
			}
		}
		if p.id == id {
			continue
		}
		exact = exact && !p.stale
		if slices.Contains(p.implements, id) && !t.copyImplements(p, id) {
			out = append(out, p.doc)
		}
	}
	t.mu.RUnlock()
	slices.SortStableFunc(out, tasktable.CompareImplementers)
	return out, exact, nil
}

// copyImplements reports p a copy of a document whose kept copy
// implements id too, and names it in p's place (t.mu held).
func (t *Table) copyImplements(p *plan, id string) bool {
	k := t.plans[p.copyOf]
	return p.copyOf != "" && k != nil && slices.Contains(k.implements, id)
}

// Each calls fn with every task matching f, in order, up to limit
// (Filter's Offset and Limit are ignored): the export.
func (t *Table) Each(ctx context.Context, f Filter, limit int, fn func(Row) error) error {
	return t.Export(ctx, f, limit, nil, fn)
}

// Export is Each that first tells begin (when not nil) how many tasks
// match f, limit aside, before any row: an export too large is refused
// before it writes one. begin's error ends it.
func (t *Table) Export(ctx context.Context, f Filter, limit int, begin func(matched int) error, fn func(Row) error) error {
	f.Offset, f.Limit = 0, 1
	if err := f.Validate(); err != nil {
		return err
	}
	if err := t.Refresh(ctx); err != nil {
		return err
	}
	t.mu.RLock()
	hits, _, _, err := t.match(ctx, f, nil)
	t.mu.RUnlock()
	if err != nil {
		return err
	}
	if begin != nil {
		if err := begin(len(hits)); err != nil {
			return err
		}
	}
	sortHits(hits, limit)
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

// match appends the rows matching f to hits (t.mu held), with their sort
// keys, and returns them, their number by deadline kind and the number
// of stale plans among those f's plan and site filters keep; ctx's error
// when ctx ends (it looks every ctxEvery plans).
func (t *Table) match(ctx context.Context, f Filter, hits []hit) ([]hit, [len(kindNames)]int, int, error) {
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
	var linkOK, parentOK []bool // per link ID: a passage of the parent (and the passage asked); with Best, any passage of the parent
	if len(parents) > 0 {
		linkOK = make([]bool, len(t.links.strs))
		if f.Best {
			parentOK = make([]bool, len(t.links.strs))
		}
		for id, s := range t.links.strs {
			doc, passage, _ := strings.Cut(s, "\x00")
			linkOK[id] = slices.Contains(parents, doc) && (f.Passage == "" || passage == f.Passage)
			if parentOK != nil {
				parentOK[id] = slices.Contains(parents, doc)
			}
		}
	}
	from, to := int32(-1<<31), int32(1<<31-1)
	if f.From != "" {
		from = days(f.From)
	}
	if f.To != "" {
		to = days(f.To)
	}
	var kinds [len(kindNames)]int
	stale := 0
	for i, p := range t.order {
		if i%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return hits, kinds, stale, err
			}
		}
		if f.Site != "" && p.doc.Site != f.Site || len(plans) > 0 && !slices.Contains(plans, p.id) {
			continue
		}
		if p.copyOf != "" && f.Plan != p.id {
			continue // the same document stored again: its kept copy lists the tasks (copies.go)
		}
		if p.stale {
			stale++
		}
		implements := false
		for _, id := range parents {
			implements = implements || slices.Contains(p.implements, id)
		}
		if linkOK != nil && !implements {
			continue // its rows link to passages of its parents only
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
			if parentOK != nil && !linkOK[r.links[bestLink(r, func(l int32) bool { return parentOK[l] })]] {
				continue // its best link to the parent is another passage
			}
			kinds[r.kind]++
			hits = append(hits, hit{sortKey(f.Sort, p, r), p, r})
		}
	}
	return hits, kinds, stale, nil
}

// ctxEvery is how many plans (or rows) a walk over the table's memory
// takes between looks at its context: a look costs a mutex, a plan tens
// of nanoseconds a row.
const ctxEvery = 64

// sortKey packs the order of a row into 64 bits. By deadline: the kind
// (2 bits), the due day (22 bits, offset so that days before 1970 stay
// positive), the plan's rank (24 bits) and the row's index (16 bits); by
// plan: the rank and the index. Larger values are clamped.
func sortKey(order string, p *plan, r *row) uint64 {
	rank, item := uint64(min(p.rank, 1<<24-1)), uint64(min(int(r.item), 1<<16-1))
	if order == SortPlan {
		return rank<<16 | item
	}
	due := uint64(min(max(int64(r.due)+1<<21, 0), 1<<22-1))
	return uint64(r.kind)<<62 | due<<40 | rank<<16 | item
}

// bestLink returns the index in r.links of the row's best link to a
// parent, its first link that parent marks (links are best first), -1
// when none: the one rule by which a task implements a passage of its
// parent on the parent's page (Passages, Coverage) and in the tasks view
// filtered with Best, so a passage's count is the list its link opens.
func bestLink(r *row, parent func(l int32) bool) int {
	return slices.IndexFunc(r.links, parent)
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

// sortHits orders the hits by key; only the first n need be in place.
func sortHits(hits []hit, n int) {
	if n < len(hits)/8 {
		partialSort(hits, n)
		return
	}
	slices.SortFunc(hits, func(a, b hit) int { return cmpKey(a.key, b.key) })
}

func cmpKey(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// partialSort puts the n least hits first, in order: a max-heap of n
// over the rest, O(len·log n).
func partialSort(hits []hit, n int) {
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
			if c+1 < len(h) && h[c].key < h[c+1].key {
				c++
			}
			if h[i].key >= h[c].key {
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
		if hits[i].key < h[0].key {
			h[0], hits[i] = hits[i], h[0]
			down(0)
		}
	}
	slices.SortFunc(h, func(a, b hit) int { return cmpKey(a.key, b.key) })
}

// hydrate reads the tasks of hits from the store, in one read (or from
// the tasks a fresh table computed), leaving out those changed since the
// last refresh.
func (t *Table) hydrate(hits []hit) ([]Row, error) {
	rows, err := t.hydrateAll(hits)
	if err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(hits))
	for _, r := range rows {
		if r != nil {
			out = append(out, *r)
		}
	}
	return out, nil
}

// hydrateAll reads the tasks of hits, one row for each hit: nil for a task
// changed since the last refresh (the next query shows it).
func (t *Table) hydrateAll(hits []hit) ([]*Row, error) {
	var refs []tasktable.TaskRef
	for _, h := range hits {
		if h.p.fresh == nil {
			refs = append(refs, tasktable.TaskRef{ID: h.p.id, Index: int(h.r.item)})
		}
	}
	if len(refs) == 0 && len(hits) == 0 {
		return nil, nil
	}
	stored, err := t.src.TasksAt(refs)
	if err != nil {
		return nil, fmt.Errorf("tasks: %w", err)
	}
	out := make([]*Row, len(hits))
	for i, h := range hits {
		var tk *tasktable.Task
		if h.p.fresh != nil {
			tk = &h.p.fresh.Tasks[h.r.item]
		} else {
			tk, stored = stored[0], stored[1:]
		}
		if tk == nil || tk.ID != h.r.id {
			continue
		}
		out[i] = &Row{Plan: h.p.doc, Task: *tk}
	}
	return out, nil
}
