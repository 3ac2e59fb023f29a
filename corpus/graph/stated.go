package graph

import "github.com/vanban/vanban/corpus/cite"

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
