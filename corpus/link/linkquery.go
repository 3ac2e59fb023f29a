package link

// The query of an item: its words and those of everything under it, its
// headings and section title, its actors and action, the parents it may
// link to, and its score against itself.

import (
	"maps"
	"slices"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/outline"
)

// selfScore is the BM25 score of the item's own terms (self, each at
// weight 1) against themselves, summed in q.order (so the same to the last
// bit on every run).
func (l *linker) selfScore(q *itemQuery, self *bag) float64 {
	s := 0.0
	for _, term := range q.order {
		if tf := self.tf[term]; tf > 0 {
			s += l.weight(term) * bm25(tf, l.df[term], l.n, self.n, l.avg)
		}
	}
	return s
}

// sortedKeys is the keys of m, sorted.
func sortedKeys(m map[string]float64) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// itemQuery is what item i of o is scored with.
type itemQuery struct {
	terms  map[string]float64
	order  []string           // the keys of terms, sorted: scores are summed in this order, the same on every run
	own    map[string]float64 // the terms of the item and its topic headings (not its agency's name)
	self   float64            // the item's score against itself
	actors []string
	// joint: the item's own text names several agencies ("Công an tỉnh,
	// Bộ Chỉ huy Quân sự tỉnh bố trí …"), their joint task (linkfurther.go).
	joint  bool
	action actionVec
	only   map[string]bool // number keys of the parents it may link to
	cited  map[int]bool    // targets under a provision the item cites (linkref.go)
	// elsewhere: the documents, none a parent, whose direction the item's
	// own text says it carries out (linkdirected.go).
	elsewhere []string
	// The terms of its section's title, sorted, their idf and its sum
	// (linkalign.go; only with AlignBoost).
	heads   []string
	headIDF []float64
	headW   float64
}

func (l *linker) query(o *outline.Outline, i int, keys, primary map[string]bool) itemQuery {
	text := o.Subtree(i)
	q := itemQuery{terms: map[string]float64{}, actors: o.Actors(i), action: actionVector(text)}
	if len(outline.TextActors(o.Items[i].Text)) > 1 {
		q.joint = true
	}
	var self bag
	if l.p.OwnText > 0 && len(text) > len(o.Items[i].Text) {
		l.ownText(&q, &self, o, i)
	} else {
		l.addOwn(&q, &self, text, 1)
	}
	q.own = maps.Clone(self.tf)
	parts := o.ContextParts(i)
	title := o.Sections[o.Items[i].Section].Title != "" // ContextParts ends with it
	for k, part := range parts {
		agency := outline.AgencyName(part) // the item's actor (Outline.Actors), not its topic
		w := l.contextWeight(part, title && k == len(parts)-1)
		if agency {
			w = l.p.AgencyContext
		}
		outline.ScanTerms(part, func(term string) {
			q.terms[term] = max(q.terms[term], w)
			if !agency {
				q.own[term] = 1
			}
		})
	}
	for _, tp := range cite.TypedParts(text) {
		l.typedTargets(&q, tp)
	}
	for _, r := range cite.ParseRefs(text) {
		l.citedTargets(&q, r, keys)
		if k := r.LookupKey(); keys[k] {
			if q.only == nil {
				q.only = map[string]bool{}
			}
			q.only[k] = true
		}
	}
	if q.only == nil {
		q.only = primary
	}
	q.elsewhere = directedKeys(o.Items[i].Text, keys)
	l.expand(&q, self.tf)
	if l.p.AlignBoost > 0 {
		l.alignQuery(&q, o, i)
	}
	q.order = sortedKeys(q.terms)
	q.self = l.selfScore(&q, &self)
	return q
}
