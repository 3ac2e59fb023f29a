package web

import (
	"cmp"
	"context"

	"github.com/vanban/vanban/corpus"
	corpuslink "github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/tasks"
)

// Dead marks on the implementation section (chain.go): a document read
// from a file that answers 404 or 410 now is marked wherever the section
// lists it — an entry of the chain (parents above, implementers and theirs
// below), a card of a task implementing this document (its plan's file),
// and this document's own tasks (its own file, once over the list). The
// section asks the reader once for all of them (tasks.MarkDead for the
// tasks, its one call carrying the chain's files too), never per entry.

// chainDead marks im's chain entries, its own tasks and its passages'
// task cards whose files are dead, in one call of the reader; ctx's error
// when ctx ends (a store that cannot say marks nothing, logged).
func (h *Handler) chainDead(ctx context.Context, im *implementation) error {
	read := h.deadReader("implementation chain")
	if read == nil {
		return nil
	}
	chain, err := h.chainFiles(ctx, im)
	if err != nil {
		return err
	}
	extra := make([]string, 0, len(chain))
	for _, u := range chain {
		extra = append(extra, u)
	}
	// the rows of the cards, in order: its own tasks, then each passage's
	var rows []tasks.Row
	for _, c := range im.Tasks {
		rows = append(rows, c.Row)
	}
	for _, p := range im.Passages {
		for _, c := range p.Tasks {
			rows = append(rows, c.Row)
		}
	}
	var recs map[string]corpus.DeadMark
	asked := false
	once := func(ctx context.Context, urls []string) (map[string]corpus.DeadMark, error) {
		asked = true
		var err error
		recs, err = read(ctx, append(urls, extra...))
		return recs, err
	}
	if err := tasks.MarkDead(ctx, rows, once); err != nil {
		return err
	}
	if !asked && len(extra) > 0 {
		if recs, err = read(ctx, extra); err != nil {
			return err
		}
	}
	i := 0
	for k := range im.Tasks {
		im.Tasks[k].PlanDead = rows[i].PlanDead
		im.OwnDead = cmp.Or(im.OwnDead, rows[i].PlanDead)
		i++
	}
	for _, p := range im.Passages {
		for k := range p.Tasks {
			p.Tasks[k].PlanDead = rows[i].PlanDead
			i++
		}
	}
	for id, u := range chain {
		if d, ok := recs[u]; ok {
			d.URL = u
			if im.Dead == nil {
				im.Dead = map[string]*corpus.DeadMark{}
			}
			im.Dead[id] = &d
		}
	}
	return nil
}

// chainFiles returns, by ID, the URLs of the chain's documents read from
// a file (DocRef.File; a page is never asked): the tasks view's URL when
// it named the document (im.fileURL), else the document's head's (a
// parent above, or the store's implementers while the view is stale). A
// head that cannot be read leaves its entry unmarked (logged); ctx's
// error when ctx ends.
func (h *Handler) chainFiles(ctx context.Context, im *implementation) (map[string]string, error) {
	var out map[string]string
	add := func(d corpuslink.DocRef) error {
		if d.File == "" {
			return nil
		}
		if _, ok := out[d.ID]; ok {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		u := im.fileURL[d.ID]
		if u == "" {
			head, err := h.head(d.ID)
			if err != nil {
				h.log.Error("chain document unreadable", "doc_id", d.ID, "err", err)
				return nil
			}
			u = head.URL
		}
		if out == nil {
			out = map[string]string{}
		}
		out[d.ID] = u
		return nil
	}
	var refs []corpuslink.DocRef
	for _, level := range im.Above {
		refs = append(refs, level...)
	}
	refs = append(refs, im.Implementers...)
	for _, d := range im.Implementers {
		refs = append(refs, im.Below[d.ID]...)
	}
	for _, d := range refs {
		if err := add(d); err != nil {
			return nil, err
		}
	}
	return out, nil
}
