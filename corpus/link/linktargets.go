package link

// The collection the items are scored in: each parent's passages as
// targets (their weighted terms, section, actors, action), the term
// statistics over the targets and the plan's items, and the postings of
// each term (BM25, bm25).

import (
	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/outline"
	bm25pkg "github.com/vanban/vanban/internal/bm25"
)

// bm25 is the Okapi BM25 weight of a term (internal/bm25, the one
// implementation search uses too) with term frequency tf in a document of
// length dl, df of n documents holding it.
func bm25(tf, df, n, dl, avgdl float64) float64 {
	return bm25pkg.Default().Score(n, df, tf, dl, avgdl)
}

// bag is weighted term counts.
type bag struct {
	tf map[string]float64
	n  float64
}

func (b *bag) add(text string, w float64) {
	if b.tf == nil {
		b.tf = make(map[string]float64, 64)
	}
	outline.ScanTerms(text, func(t string) {
		b.tf[t] += w
		b.n += w
	})
}

// addTerms adds terms (from outline.Terms) with weight w.
func (b *bag) addTerms(terms []string, w float64) {
	for _, t := range terms {
		b.tf[t] += w
		b.n += w
	}
}

// target is one candidate passage.
type target struct {
	doc    *Doc   // parentTargets.doc
	key    string // NumberKey of the parent
	p      outline.Passage
	bag    bag
	sec    []string // the terms of its section's title (sectionTerms), shared by the section's passages
	actors []string
	action actionVec
	// For the re-ranker's features (linkltr.go): the passage's place among
	// its parent's passages (0 first, 1 last) and whether it is an
	// appendix row.
	pos      float64
	appendix bool
}

// linker scores items against the passages of some parents. post lists,
// for each term, the targets holding it, so an item is scored through the
// postings of its own terms only.
type linker struct {
	p       Params
	targets []target
	df      map[string]float64
	post    map[string][]posting
	n, avg  float64
	acc     []float64              // scratch: a score per target
	parts   [][]float64            // scratch: the term scores of each target (linkdecay.go)
	dec     []float64              // scratch: the undecayed scores (linkdecay.go)
	bg      Background             // nil: none
	tw      map[string]float64     // the background's factor of each term (backgroundWeights; nil: 1)
	pw      map[string]float64     // the factor of each parent's passages by number key (linkparent.go; nil: 1)
	aall    actorStats             // the number of targets addressed to each agency (linkactor.go)
	akey    map[string]*actorStats // … among each parent's targets, by number key
	typed   map[string]*Doc        // the plan's only parent of each type, nil when several (linkref.go)
	ownType string                 // the plan's own type (linkref.go)
}

type posting struct {
	target int
	w      float64 // bm25 of the term in the target
}

func newLinker(plan *outline.Outline, parents []Doc, outlines []*outline.Outline, p Params, bg Background) *linker {
	pts := make([]*parentTargets, len(parents))
	contexts := map[string][]string{} // the passages under one heading share its terms
	for k := range parents {
		o := outlines[k]
		if o == nil {
			o = outline.Parse(parents[k].Body)
		}
		pts[k] = newParentTargets(&parents[k], o, p.TargetWeights, contexts)
	}
	return newLinkerFrom(plan, pts, p, bg)
}

// parentTargets is what linking needs of one parent, the same for every
// plan implementing it: its passages as targets, and the number of them
// holding each term. corpus's SyncTasks keeps them across the plans of
// a run (Cache).
type parentTargets struct {
	doc     Doc // the parent, which its targets point to
	targets []target
	df      map[string]float64
}

// newParentTargets builds the targets of parent d (outline o) with
// weights w: it is given TargetWeights, not Params, so what the targets
// depend on is what the parents' cache keeps them by (Cache.targets).
func newParentTargets(d *Doc, o *outline.Outline, w TargetWeights, contexts map[string][]string) *parentTargets {
	pt := &parentTargets{doc: *d, df: map[string]float64{}}
	d = &pt.doc
	secs := map[string][]string{} // section title → its terms
	all := o.Passages()
	for k, ps := range all {
		if w.Closing > 0 && o.ClosingPassage(&all[k]) {
			continue
		}
		t := target{doc: d, key: doctype.NumberKey(d.Number), p: ps, actors: ps.Actors, action: actionVector(ps.Text),
			pos: relPos(k, len(all)), appendix: o.InAppendix(ps)}
		t.bag.tf = make(map[string]float64, len(ps.Terms))
		t.bag.addTerms(ps.Terms, 1)
		ct, ok := contexts[ps.Context]
		if !ok {
			ct = outline.Terms(ps.Context)
			contexts[ps.Context] = ct
		}
		t.bag.addTerms(ct, w.PassageContext)
		title := passageSection(o, &ps)
		sec, ok := secs[title]
		if !ok {
			sec = sectionTerms(title)
			secs[title] = sec
		}
		t.sec = sec
		for term := range t.bag.tf {
			pt.df[term]++
		}
		pt.targets = append(pt.targets, t)
	}
	return pt
}

// newLinkerFrom is newLinker over the parents' targets. The statistics
// are those newLinker always computed: the counts are whole numbers and
// the lengths are summed in the same order, so a plan links bit for bit
// the same with targets kept from an earlier plan.
func newLinkerFrom(plan *outline.Outline, pts []*parentTargets, p Params, bg Background) *linker {
	terms := 0 // the parents' terms, a bound of theirs and near the plan's with them: df grows without rehashing
	for _, pt := range pts {
		terms += len(pt.df)
	}
	l := &linker{p: p, df: make(map[string]float64, terms+terms/4), bg: bg}
	total := 0.0
	for _, pt := range pts {
		for term, n := range pt.df {
			l.df[term] += n
		}
		for _, t := range pt.targets {
			total += t.bag.n
			l.n++
		}
		l.targets = append(l.targets, pt.targets...)
	}
	for i := range plan.Items {
		var b bag
		b.add(plan.Items[i].Text, 1)
		for t := range b.tf {
			l.df[t]++
		}
		l.n++
	}
	if len(l.targets) > 0 {
		l.avg = total / float64(len(l.targets))
	}
	l.tw = backgroundWeights(bg, l.df, p.BackgroundIDF)
	l.post = make(map[string][]posting, len(l.df))
	for j := range l.targets {
		b := &l.targets[j].bag
		for term, tf := range b.tf {
			l.post[term] = append(l.post[term], posting{j, l.weight(term) * bm25(tf, l.df[term], l.n, b.n, l.avg)})
		}
	}
	l.acc = make([]float64, len(l.targets))
	l.aall, l.akey = actorCounts(l.targets)
	return l
}
