package corpus

// Roles from citations and structure, and coverage.
//
// A document's candidate parents are the live stored documents it cites
// that have passages (an operative part: task, goal, organisation or
// funding items, whatever their type; a legal text's provisions too). It
// implements those roles.go's implementsCited accepts: what it states it
// details, guides or carries out (a circular's scope article "Thông tư
// này quy định chi tiết khoản … Điều … của Nghị định số …", a plan's
// "Thực hiện Nghị quyết số …"), what an item of its numbered sections
// names (a circular writing the rate a decree leaves to the ministry, a
// circular of rates taking another's rates for some points), and, when
// it has tasks (Item.Task), what it cites but a statute named only as a
// ground. So a Chương trình citing a Nghị quyết implements it and is the
// parent of the Kế hoạch citing it, a Công văn assigning tasks under a
// Công điện implements the Công điện, and a Thông tư detailing a Nghị
// định implements it though no article assigns work: chains work at each
// step, whatever the types. The linker's parents and the task table are
// the candidates (LinkInput): links are unchanged by the rule.

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/outline"
	"github.com/vanban/vanban/corpus/tasktable"

	"github.com/vanban/vanban/corpus/link"
)

// Implementer is a document implementing a parent passage, with the items
// whose best passage it is.
type Implementer struct {
	link.DocRef
	Items []string `json:"items"`
	Score float64  `json:"score"` // the best item score
}

// PassageCoverage is a parent passage with the documents implementing it.
type PassageCoverage struct {
	outline.Passage
	By []Implementer `json:"by"`
}

// Coverage tells which documents (and items) implement each passage of a
// parent, and which task passages none does. Passages of goal,
// organisation and funding sections are listed only when something
// implements them.
type Coverage struct {
	link.DocRef
	Plans     []link.DocRef     `json:"plans"` // implementing documents citing it
	Passages  []PassageCoverage `json:"passages"`
	Uncovered []string          `json:"uncovered"` // task passage IDs
}

// Role is a document's place in the implementation chain.
type Role struct {
	Parents      []link.DocRef `json:"parents"`      // documents it implements
	Implementers []link.DocRef `json:"implementers"` // documents implementing it
}

// Links links the items of document id to the passages of its parents.
func (s *Store) Links(id string) (*link.PlanLinks, error) {
	return s.linksWith(id, link.DefaultParams(), nil)
}

// linksWith is Links with weights p (the leave-one-pair-out check) and
// background bg (nil: none; corpus/link linkbg.go, measured in docs/log/i17-para.md: nothing uses one at the default weights).
func (s *Store) linksWith(id string, p link.Params, bg link.Background) (*link.PlanLinks, error) {
	in, err := s.LinkInput(id)
	if err != nil {
		return nil, err
	}
	return in.Link(p, bg), nil
}

// Role returns the parents document id implements and the documents
// implementing it, oldest first (tasktable.CompareImplementers). Where the task
// table is current (corpus/tasktable) it answers from it: SyncTasks
// stored the parents each document implements by the rule (roles.go's
// implemented), a document without tasks too; so a parent with thousands
// of citing texts costs a read of their task headers, not a parse of each
// (a reader that keeps the task table in memory, the tasks view's, has
// them without a read: tasks.Table.Implementers). A stale or uncomputed
// document is read from its text.
func (s *Store) Role(id string) (*Role, error) {
	doc, err := s.live(id, "role")
	if err != nil {
		return nil, err
	}
	r := &Role{Implementers: []link.DocRef{}}
	if r.Parents, err = s.parentRefs(doc); err != nil {
		return nil, err
	}
	impl, err := s.implementers(doc)
	if err != nil {
		return nil, err
	}
	for _, im := range impl {
		r.Implementers = append(r.Implementers, im.DocRef)
	}
	return r, nil
}

// Parents returns the documents document id implements: Role's Parents
// without its implementers, which a parent's page above a plan needs
// not (a parent may have thousands).
func (s *Store) Parents(id string) ([]link.DocRef, error) {
	doc, err := s.live(id, "parents")
	if err != nil {
		return nil, err
	}
	return s.parentRefs(doc)
}

// parentRefs is Parents of doc: the candidate parents it implements
// (implementsCited, roles.go), as SyncTasks stored them when its task
// table entry is current (TaskHead.Implements), else read from its
// citations.
func (s *Store) parentRefs(doc *Document) ([]link.DocRef, error) {
	out := []link.DocRef{}
	if st := s.taskStates([]string{doc.ID})[0]; st.Current {
		// decided by SyncTasks (implemented); no header: it implements nothing
		if st.Header != nil {
			for _, p := range st.Header.Parents {
				if slices.Contains(st.Header.Implements, p.ID) {
					out = append(out, p)
				}
			}
		}
		return out, nil
	}
	rels, through, repealsOnly, err := s.stated(doc.ID)
	if err != nil {
		return nil, err
	}
	parents, _, err := s.parents(doc)
	if err != nil || len(parents) == 0 {
		return out, err
	}
	o := outline.Parse(doc.Body)
	tasks := hasTaskItems(o)
	ministry := ministryOf(doc.Number)
	for k := range parents {
		p := &parents[k]
		c := readCited(tasks, repealsOnly, relOf(rels, p.ID), statuteRef(doctype.Of(p.Type, p.Title).Name, p.Number), through[p.ID],
			func() bool { return setAside(doc.Body, o, p.Number) }, func() bool { return itemsCite(o, p.Number) },
			func() bool { return assigns(p.Body, ministry) })
		if implementsCited(c) {
			out = append(out, p.Ref())
		}
	}
	return out, nil
}

func (s *Store) live(id, op string) (*Document, error) {
	doc, err := s.Get(id)
	if err != nil {
		return nil, err
	}
	if doc.Gone {
		return nil, fmt.Errorf("corpus: %s of %s: %w", op, id, ErrNotFound)
	}
	return doc, nil
}

// parents returns the live documents doc cites that have passages, in
// citation order, as the linker reads them, with their outlines.
func (s *Store) parents(doc *Document) ([]link.Doc, []*outline.Outline, error) {
	return s.parentsWith(doc, func(d link.Doc) *outline.Outline { return outline.Parse(d.Body) })
}

// parentsWith is parents with the outline of a document from outlineOf.
func (s *Store) parentsWith(doc *Document, outlineOf func(link.Doc) *outline.Outline) ([]link.Doc, []*outline.Outline, error) {
	refs, err := s.Refs(doc.ID)
	if err != nil {
		return nil, nil, err
	}
	var out []link.Doc
	var outlines []*outline.Outline
	seen := map[string]bool{doc.ID: true}
	for _, r := range refs {
		for _, id := range r.DocIDs {
			if seen[id] {
				continue
			}
			seen[id] = true
			d, err := s.Get(id)
			if errors.Is(err, ErrNotFound) {
				continue
			}
			if err != nil {
				return nil, nil, err
			}
			if d.Gone {
				continue
			}
			ld := d.LinkDoc()
			if o := outlineOf(ld); o.HasPassages() {
				out = append(out, ld)
				outlines = append(outlines, o)
			}
		}
	}
	return out, outlines, nil
}

// hasTaskItems reports an outline with tasks (Item.Task).
func hasTaskItems(o *outline.Outline) bool {
	for i := range o.Items {
		if o.Items[i].Task() {
			return true
		}
	}
	return false
}

// outlineTaskKeys are the keys of the tasks (Item.Task) of a document's
// outline o the copy rule reads, their IDs and text sums, as the task
// table has them.
func outlineTaskKeys(o *outline.Outline) []tasktable.TaskKey {
	var keys []tasktable.TaskKey
	for i := range o.Items {
		if it := &o.Items[i]; it.Task() {
			keys = append(keys, tasktable.TaskKey{ID: it.ID, Sum: tasktable.TextSum(it.Text)})
		}
	}
	return keys
}

// implementer is a document implementing another, the document when it
// was read to decide, and its task keys (the copy rule reads them).
type implementer struct {
	tasktable.TaskDoc
	doc   *Document
	tasks []tasktable.TaskKey // ID and Sum
}

// implementers returns the live documents citing doc that have tasks,
// oldest first (tasktable.CompareImplementers), a document stored several
// times once (tasktable.Copies, as the tasks view lists it).
func (s *Store) implementers(doc *Document) ([]implementer, error) {
	if doc.Number == "" {
		return nil, nil
	}
	citing, err := s.CitedBy(doc.Number)
	if err != nil {
		return nil, err
	}
	statute := statuteDoc(doc)
	has := -1 // whether doc has passages, read once when asked
	passages := func() bool {
		if has < 0 {
			has = 0
			if outline.Parse(doc.Body).HasPassages() {
				has = 1
			}
		}
		return has == 1
	}
	leaves := map[string]bool{} // ministry → whether doc leaves it work (assigns)
	assigned := func(ministry string) bool {
		if ministry == "" {
			return false
		}
		v, ok := leaves[ministry]
		if !ok {
			v = assigns(doc.Body, ministry)
			leaves[ministry] = v
		}
		return v
	}
	var out []implementer
	for i, st := range s.taskStates(citing) {
		id := citing[i]
		if id == doc.ID {
			continue
		}
		switch {
		case st.Current && st.Header != nil && slices.Contains(st.Header.Implements, doc.ID):
			// decided by SyncTasks (implemented), tasks or not
			im := implementer{TaskDoc: st.Header.Plan}
			im.tasks = st.Header.Keys
			out = append(out, im)
		case st.Current: // implements others, or nothing
		default: // not computed yet, or stale
			if !passages() {
				// a parent has passages (parentsWith): a task header, once
				// computed, names no other; nothing to read
				continue
			}
			d, err := s.Get(id)
			if err != nil {
				return nil, err
			}
			if d.Gone {
				continue
			}
			o, ok, err := s.implementsDocument(d, doc, statute, assigned)
			if err != nil {
				return nil, err
			}
			if !ok {
				continue
			}
			var keys []tasktable.TaskKey
			if o != nil {
				keys = outlineTaskKeys(o)
			}
			td := tasktable.TaskDoc{DocRef: refOf(d), Site: d.Site, Published: d.Published, URL: d.URL, Parent: d.Parent}
			out = append(out, implementer{TaskDoc: td, doc: d, tasks: keys})
		}
	}
	// a document stored several times is named once (tasktable.Copies)
	kept := tasktable.Copies(len(out), func(i int) *tasktable.TaskDoc { return &out[i].TaskDoc },
		func(i int) []tasktable.TaskKey { return out[i].tasks })
	n := 0
	for i := range out {
		if kept[i] < 0 {
			out[n] = out[i]
			n++
		}
	}
	out = out[:n]
	slices.SortStableFunc(out, func(a, b implementer) int { return tasktable.CompareImplementers(a.TaskDoc, b.TaskDoc) })
	return out, nil
}

// implementsDocument reports whether d, citing parent, implements it
// (implementsCited), read from d's text (d's task table entry is stale
// or not computed yet), and d's outline. assigned tells whether parent
// leaves work to a ministry (assigns; its caller keeps the answers, as a
// parent may have many citing texts).
func (s *Store) implementsDocument(d, parent *Document, statute bool, assigned func(ministry string) bool) (*outline.Outline, bool, error) {
	rels, through, repealsOnly, err := s.stated(d.ID)
	if err != nil {
		return nil, false, err
	}
	rel, ok := rels[parent.ID]
	if !ok {
		return nil, false, nil
	}
	o := outline.Parse(d.Body)
	tasks := hasTaskItems(o)
	items := func() bool { return itemsCite(o, parent.Number) }
	c := readCited(tasks, repealsOnly, rel, statute, through[parent.ID], func() bool { return setAside(d.Body, o, parent.Number) }, items,
		func() bool { return assigned(ministryOf(d.Number)) })
	return o, implementsCited(c), nil
}

// Coverage links every document implementing parent id and reports, for
// each of its passages, the documents whose items implement it best. It
// links each implementer in turn (a parent may have thousands) and stops
// with ctx's error when ctx ends.
func (s *Store) Coverage(ctx context.Context, id string) (*Coverage, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res, err := s.live(id, "coverage")
	if err != nil {
		return nil, err
	}
	c := &Coverage{DocRef: refOf(res), Plans: []link.DocRef{}, Uncovered: []string{}}
	for _, p := range outline.Parse(res.Body).Passages() {
		c.Passages = append(c.Passages, PassageCoverage{Passage: p, By: []Implementer{}})
	}
	impl, err := s.implementers(res)
	if err != nil {
		return nil, err
	}
	for _, im := range impl {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("corpus: coverage of %s: %w", id, err)
		}
		plan := im.doc
		if plan == nil {
			if plan, err = s.Get(im.ID); err != nil {
				return nil, err
			}
		}
		c.Plans = append(c.Plans, refOf(plan))
		if len(plan.Body) > MaxLinkedBody {
			continue // listed, not linked: too long (MaxLinkedBody)
		}
		parents, outlines, err := s.parents(plan)
		if err != nil {
			return nil, err
		}
		c.add(link.PlanWith(plan.LinkDoc(), parents, outlines, link.DefaultParams(), nil, nil))
	}
	kept := c.Passages[:0]
	for _, p := range c.Passages {
		if p.Kind == outline.SectionTasks || len(p.By) > 0 {
			kept = append(kept, p)
		}
		if p.Kind == outline.SectionTasks && len(p.By) == 0 {
			c.Uncovered = append(c.Uncovered, p.ID)
		}
	}
	c.Passages = kept
	return c, nil
}

// add records the items of pl whose best passage belongs to c's document.
func (c *Coverage) add(pl *link.PlanLinks) {
	for _, it := range pl.Items {
		if len(it.Matches) == 0 || it.Matches[0].DocID != c.ID {
			continue
		}
		m := it.Matches[0]
		for i := range c.Passages {
			p := &c.Passages[i]
			if p.ID != m.Passage {
				continue
			}
			if n := len(p.By); n == 0 || p.By[n-1].ID != pl.ID {
				p.By = append(p.By, Implementer{DocRef: pl.DocRef})
			}
			im := &p.By[len(p.By)-1]
			im.Items = append(im.Items, it.ID)
			im.Score = max(im.Score, m.Score)
		}
	}
}
