package tasks

// Copies: the same document stored several times — collected from several
// pages or portals, converted twice, an article and the file it wraps —
// lists each task once. The view keeps one copy of each (markCopies, by
// tasktable.Copies, the rule's one owner) and leaves out the rows of the
// others, unless a copy is asked for by its ID; a parent's implementers
// name it once (Implementers).

import "github.com/vanban/vanban/corpus/tasktable"

// markCopies sets copyOf on every plan that is a copy of another kept one
// (t.mu held, after t.order is rebuilt).
func (t *Table) markCopies() {
	kept := tasktable.Copies(len(t.order), func(i int) *tasktable.TaskDoc { return &t.order[i].doc },
		func(i int) []tasktable.TaskKey {
			rows := t.order[i].rows
			keys := make([]tasktable.TaskKey, len(rows))
			for j := range rows {
				keys[j] = tasktable.TaskKey{ID: rows[j].id, Sum: rows[j].sum}
			}
			return keys
		})
	for i, p := range t.order {
		p.copyOf = ""
		if k := kept[i]; k >= 0 {
			p.copyOf = t.order[k].id
		}
	}
}
