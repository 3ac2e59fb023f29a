package web

// The document page's implementation section (templates/chain.html):
//
//   - the chain: the documents a document implements, and theirs, above
//     it (Store.Role, up to chainDepth levels), and the documents
//     implementing it below;
//   - an implementing document's tasks, each with its agency, co-agencies,
//     deadline and the parent passages it implements (the stored tasks, or
//     computed when they are stale);
//   - a parent's passages, each with the tasks implementing it across all
//     implementing documents (the tasks view's table), the task passages
//     nothing implements yet, and the tasks that implement nothing
//     specific.

import (
	"context"
	"errors"
	"net/url"

	"github.com/vanban/vanban/corpus"
	corpuslink "github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/corpus/outline"
	"github.com/vanban/vanban/corpus/tasktable"
	"github.com/vanban/vanban/tasks"
)

// chainDepth is how many levels of parents the chain shows.
const chainDepth = 3

// maxOwnTasks is how many of its own tasks a document's page shows (the
// rest are a link to the tasks view): the page keeps its size bound
// whatever the document (a body part is partBytes).
const maxOwnTasks = 100

// maxBelowOf is how many of its implementers a document's chain shows
// the implementers of (the level below them: the letters implementing a
// plan implementing a resolution), and maxBelow how many of those it names
// in all: the page stays bounded, and each is a scan of the task table's
// memory.
const (
	maxBelowOf = 20
	maxBelow   = 100
)

// maxImplementers is how many of the documents implementing it a
// document's page lists in its chain (the rest are counted, and the tasks
// view lists them): a resolution that thousands of plans implement keeps
// a page of bounded size.
const maxImplementers = 100

// roles gives a document's place in the implementation chain
// (corpus.Store): Parents alone for the levels above a document, Role for
// its implementers too when no task table has them in memory.
type roles interface {
	Role(id string) (*corpus.Role, error)
	Parents(id string) ([]corpuslink.DocRef, error)
}

// planTasker gives an implementing document's tasks (corpus.Store).
type planTasker interface {
	Tasks(id string) (*tasktable.PlanTasks, bool, error)
	ComputeTasks(id string) (*tasktable.PlanTasks, error)
}

// implementation is what the section shows.
type implementation struct {
	Above        [][]corpuslink.DocRef          // levels of parents, the farthest first
	Implementers []corpuslink.DocRef            // documents implementing this one, at most maxImplementers
	Below        map[string][]corpuslink.DocRef // by implementer ID: the documents implementing it (maxBelowOf, maxBelow)
	ImplTotal    int                            // how many implement it
	ImplMore     int                            // ImplTotal less those listed
	Tasks        []taskCard                     // its own tasks, at most maxOwnTasks
	OwnTotal     int                            // how many it has
	OwnURL       string                         // the tasks view of its own tasks
	Passages     []passageTasks                 // its passages with the tasks implementing them
	Uncovered    []string                       // task passages nothing implements
	Unlinked     int                            // tasks of implementing documents that implement nothing specific
	Shown, Total int                            // tasks implementing it: shown, and in all
	TasksURL     string                         // the tasks view of its implementing tasks
	Stale        int                            // implementing documents being recomputed
	// Dead marks, by ID, the chain's documents read from a file that
	// answers 404 or 410 now, and OwnDead the document's own file over
	// its own tasks (chaindead.go).
	Dead    map[string]*corpus.DeadMark
	OwnDead *corpus.DeadMark
	// fileURL is, by ID, the URL of a chain's document the tasks view
	// named (tasktable.TaskDoc): the others are read (chaindead.go).
	fileURL map[string]string
}

// passageTasks is a passage of a parent with the tasks implementing it.
type passageTasks struct {
	ID, Title string
	Tasks     []taskCard // its first tasks (maxPassageTasks; none past the page's maxPageTasks)
	Count     int        // how many implement it in all
	MoreURL   string     // the tasks view of them, when Count > len(Tasks)
}

// Empty reports a section with nothing to show.
func (im *implementation) Empty() bool {
	return im == nil || len(im.Above) == 0 && len(im.Implementers) == 0 && len(im.Tasks) == 0 && len(im.Passages) == 0
}

// implementation builds the section for doc; nil when the handler has no
// store that knows roles.
func (h *Handler) implementation(ctx context.Context, doc *corpus.Document) (*implementation, error) {
	rs, ok := h.docs.(roles)
	if !ok {
		return nil, nil
	}
	im := &implementation{}
	parents, impl, err := h.role(ctx, rs, doc.ID, im)
	if err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		h.log.Error("role failed", "doc_id", doc.ID, "err", err)
		return nil, nil
	}
	im.Implementers, im.ImplTotal = impl, len(impl)
	if im.ImplTotal > maxImplementers {
		im.Implementers, im.ImplMore = impl[:maxImplementers], im.ImplTotal-maxImplementers
	}
	im.Above = h.above(rs, parents)
	im.Below = h.below(ctx, rs, doc.ID, im)
	if pt, ok := h.docs.(planTasker); ok {
		im.Tasks = h.ownTasks(pt, doc.ID)
		if im.OwnTotal = len(im.Tasks); im.OwnTotal > maxOwnTasks {
			im.Tasks = im.Tasks[:maxOwnTasks]
			im.OwnURL = "/tasks?" + url.Values{"plan": {doc.ID}, "sort": {"plan"}}.Encode()
		}
	}
	if len(impl) > 0 && h.tasks != nil {
		if err := h.coverage(ctx, im, doc); err != nil {
			return nil, err
		}
	}
	if err := h.chainDead(ctx, im); err != nil {
		return nil, err
	}
	return im, ctx.Err()
}

// role returns the documents document id implements and those
// implementing it, oldest first. With the tasks view the implementers come
// from its table's memory (tasks.Table.Implementers), without a read of
// each plan's task header: the page of a resolution thousands of plans
// implement answers in milliseconds (docs/log/i17-respage.md). While
// the table's list may lag the store (a plan written, changed or gone
// since the last SyncTasks: some plan is stale) they come from the store
// (Role), as before it. The table's implementers' URLs go to im.fileURL.
func (h *Handler) role(ctx context.Context, rs roles, id string, im *implementation) ([]corpuslink.DocRef, []corpuslink.DocRef, error) {
	var docs []tasktable.TaskDoc
	exact := false
	if h.tasks != nil {
		var err error
		if docs, exact, err = h.tasks.Implementers(ctx, id); err != nil {
			return nil, nil, err
		}
	}
	if !exact {
		r, err := rs.Role(id)
		if err != nil {
			return nil, nil, err
		}
		return r.Parents, r.Implementers, nil
	}
	parents, err := rs.Parents(id)
	if err != nil {
		return nil, nil, err
	}
	return parents, im.refs(docs), nil
}

// refs names docs (the tasks view's), keeping the URLs of those read from
// a file in im.fileURL.
func (im *implementation) refs(docs []tasktable.TaskDoc) []corpuslink.DocRef {
	out := make([]corpuslink.DocRef, len(docs))
	for i, d := range docs {
		out[i] = d.DocRef
		if d.File != "" && d.URL != "" {
			if im.fileURL == nil {
				im.fileURL = map[string]string{}
			}
			im.fileURL[d.ID] = d.URL
		}
	}
	return out
}

// below returns, for the first maxBelowOf of im.Implementers (the
// documents implementing document id), the documents implementing each,
// at most maxBelow in all; a document is named once, and id and the
// implementers not again.
func (h *Handler) below(ctx context.Context, rs roles, id string, im *implementation) map[string][]corpuslink.DocRef {
	impl := im.Implementers
	seen := map[string]bool{id: true}
	for _, d := range impl {
		seen[d.ID] = true
	}
	var out map[string][]corpuslink.DocRef
	n := 0
	for _, d := range impl[:min(len(impl), maxBelowOf)] {
		sub, err := h.implementersOf(ctx, rs, d.ID, im)
		if err != nil {
			if ctx.Err() == nil {
				h.log.Error("role failed", "doc_id", d.ID, "err", err)
			}
			return out
		}
		for _, s := range sub {
			if seen[s.ID] || n == maxBelow {
				continue
			}
			seen[s.ID] = true
			if out == nil {
				out = map[string][]corpuslink.DocRef{}
			}
			out[d.ID] = append(out[d.ID], s)
			n++
		}
	}
	return out
}

// implementersOf returns the documents implementing document id: from
// the task table's memory when it is exact (role, without the parents' read
// role makes; their URLs to im.fileURL), else from the store.
func (h *Handler) implementersOf(ctx context.Context, rs roles, id string, im *implementation) ([]corpuslink.DocRef, error) {
	if h.tasks != nil {
		docs, exact, err := h.tasks.Implementers(ctx, id)
		if err != nil {
			return nil, err
		}
		if exact {
			return im.refs(docs), nil
		}
	}
	r, err := rs.Role(id)
	if err != nil {
		return nil, err
	}
	return r.Implementers, nil
}

// above returns the levels of parents above a document whose parents are
// first, the farthest level first; a document seen is not shown again.
func (h *Handler) above(rs roles, first []corpuslink.DocRef) [][]corpuslink.DocRef {
	var levels [][]corpuslink.DocRef
	seen := map[string]bool{}
	for level := first; len(level) > 0 && len(levels) < chainDepth; {
		var next []corpuslink.DocRef
		var shown []corpuslink.DocRef
		for _, p := range level {
			if seen[p.ID] {
				continue
			}
			seen[p.ID] = true
			shown = append(shown, p)
			ps, err := rs.Parents(p.ID)
			if err != nil {
				h.log.Error("role failed", "doc_id", p.ID, "err", err)
				continue
			}
			next = append(next, ps...)
		}
		if len(shown) > 0 {
			levels = append([][]corpuslink.DocRef{shown}, levels...)
		}
		level = next
	}
	return levels
}

// ownTasks returns the tasks of document id: the stored ones, or computed
// when they are stale (or the store's table is of another version).
func (h *Handler) ownTasks(src planTasker, id string) []taskCard {
	pt, stale, err := src.Tasks(id)
	if errors.Is(err, corpus.ErrTasksStale) || err == nil && stale {
		pt, err = src.ComputeTasks(id)
	}
	if err != nil {
		h.log.Error("tasks failed", "doc_id", id, "err", err)
		return nil
	}
	if pt == nil {
		return nil
	}
	cards := make([]taskCard, len(pt.Tasks))
	for i, t := range pt.Tasks {
		cards[i] = newTaskCard(tasks.Row{Plan: pt.Plan, Task: t})
	}
	return cards
}

// maxPassageTasks is how many of the tasks implementing each passage a
// parent's page shows (the rest are counted, and the tasks view lists
// them: the passage's link), and maxPageTasks how many in all: the page of
// a resolution 10,000 plans implement reads what it shows, not every
// task (docs/log/i17-page2.md).
const (
	maxPassageTasks = 5
	maxPageTasks    = 200
)

// coverage fills in the passages of parent doc with the first tasks
// implementing each (maxPassageTasks, maxPageTasks in all, the first
// passages first) and how many implement each, the uncovered task
// passages and the tasks implementing nothing specific, all counted over
// every implementing task. It returns ctx's error when ctx ends (another
// failure is logged and leaves the passages out).
func (h *Handler) coverage(ctx context.Context, im *implementation, doc *corpus.Document) error {
	passages := outline.Parse(doc.Body).Passages()
	ids := make([]string, len(passages))
	for i, p := range passages {
		ids[i] = p.ID
	}
	// A task is listed under its best link to doc (as Store.Coverage
	// does): its further links are on the task's own page.
	res, err := h.tasks.Passages(ctx, tasks.PassageQuery{Parent: doc.ID, Passages: ids, Per: maxPassageTasks, Limit: maxPageTasks})
	if err != nil {
		if ctx.Err() != nil {
			return err
		}
		h.log.Error("tasks failed", "doc_id", doc.ID, "err", err)
		return nil
	}
	im.Shown, im.Total, im.Stale, im.Unlinked = res.Shown, res.Total, res.Stale, res.Unlinked
	im.TasksURL = "/tasks?" + url.Values{"parent": {doc.ID}}.Encode()
	for _, p := range passages {
		n := res.Count[p.ID]
		if p.Kind != outline.SectionTasks && n == 0 {
			continue // a goal, organisation or funding passage: shown when implemented
		}
		pt := passageTasks{ID: p.ID, Title: p.Title, Count: n}
		for _, row := range res.Tasks[p.ID] {
			pt.Tasks = append(pt.Tasks, newTaskCard(row))
		}
		if pt.Count > len(pt.Tasks) { // the rest in the order shown
			// best=1: the tasks counted here, by their best link (the
			// tasks view lists further links too without it)
			pt.MoreURL = "/tasks?" + url.Values{"parent": {doc.ID}, "passage": {p.ID}, "best": {"1"}, "sort": {tasks.SortPlan}}.Encode()
		}
		im.Passages = append(im.Passages, pt)
		if pt.Count == 0 {
			im.Uncovered = append(im.Uncovered, p.ID)
		}
	}
	return nil
}
