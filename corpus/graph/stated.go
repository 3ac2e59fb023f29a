package graph

import (
	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/doctype"
)

// Stated returns, for each lookup key e's document (ID id) cites, the
// relation the document itself states to it, for the roles (corpus
// roles.go): a reference's own relation (not a passive's agent, not a
// relation between two other documents), and the relation of an edge the
// text states from the document itself where it ranks higher. A title
// naming its own number ("Nghị định số A quy định chi tiết … Luật … số
// B") reads B guides with A as the other end: the edge A → B is the
// document's own, while its "Căn cứ Luật … số B" is its reference's.
func (e Entry) Stated(id string) map[string]cite.Relation {
	out := make(map[string]cite.Relation, len(e.Refs))
	for _, r := range e.Refs {
		k := r.LookupKey()
		rel := cite.Mentions
		if !r.By && r.Other == "" {
			rel = r.Relation
		}
		if o, ok := out[k]; !ok || rel.Rank() > o.Rank() {
			out[k] = rel
		}
	}
	self := selfEnd(id, e.Number)
	for _, ed := range e.Edges {
		if ed.From != self || ed.To == "" {
			continue
		}
		if o, ok := out[ed.To]; ok && ed.Kind.Rank() > o.Rank() {
			out[ed.To] = ed.Kind
		}
	}
	return out
}

// Through returns the lookup keys e's document (ID id) cites only as the
// object of a relation between two other documents it names: the parent
// a cited plan carries out, named in that plan's trích yếu ("Thực hiện Kế
// hoạch số A của Ủy ban nhân dân tỉnh thực hiện Nghị quyết số B …": B,
// which A implements). Every reference to such a key is of another
// document's (Other set, not the document's own number), none the
// document's own and no edge the text states from itself reaches it. The
// roles (corpus roles.go) read it: the text carries out A, and B through
// A.
func (e Entry) Through(id string) map[string]bool {
	var out map[string]bool
	own := doctype.NumberKey(e.Number)
	self := selfEnd(id, e.Number)
	for _, r := range e.Refs {
		if r.By || r.Other == "" || r.Relation == cite.Mentions || own != "" && doctype.NumberKey(r.Other) == own {
			continue
		}
		if out == nil {
			out = map[string]bool{}
		}
		out[r.LookupKey()] = true
	}
	for _, r := range e.Refs { // a key also cited as the document's own (the entry keeps the strongest: checked still)
		if k := r.LookupKey(); out[k] && !r.By && r.Other == "" {
			delete(out, k)
		}
	}
	for _, ed := range e.Edges {
		if ed.From == self && out[ed.To] {
			delete(out, ed.To)
		}
	}
	return out
}
