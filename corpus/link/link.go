package link

// Links from the items of an implementing document to the passages of the
// parent documents it cites.
//
// Each linkable item (Item.Linkable) is scored against every passage of
// its parents (Outline.Passages, corpus/outline): the parents its title cites when it
// names any, or the one the item cites itself. The score is BM25 (bm25)
// over folded syllables and syllable pairs, citations and numbers left
// out; the collection for the term statistics is the passages and the
// plan's items. The query is the item with everything under it (weight
// 1) and its headings and section title (weight QueryContext): a point
// under "II.3. Về y tế" carries them; an item above it counts at most
// ContextWords words (linkcontext.go). A heading that only names the
// item's agency ("1. Sở Y tế:") weighs AgencyContext (0): the agency is
// the actor below, not a topic. A passage is its own text and, at
// PassageContext, the headings above it. Two factors then weigh what
// BM25's topic words miss:
//
//   - the actor (corpus/outline actor.go): an item whose agency mirrors the passage's
//     (Sở Y tế and Bộ Y tế, Công an tỉnh and Bộ Công an) scores up to
//     ActorBoost more, by how few of the passages the item may link to
//     that agency is named on (linkactor.go); a body task takes the agency
//     of the appendix rows that assign it (outline collapseRepeats);
//   - the action (action.go): the cosine of the two action-class vectors
//     (communicate, train, regulate, inspect…) adds up to ActionBoost.
//
// An item implements nothing specific when its best passage's ranking
// score without MatchDecay is under NoneShare of its self score (the item
// scored as a passage against itself, with the same statistics): the
// share of what the item says that the best passage says too, with the
// actor's and the action's agreement as evidence, which means the same in
// every parent and for every item length (linknone.go has the measures
// compared; the ranking priors GoalWeight and ParentPrior count in it too,
// and taking them out changes nothing on the development set:
// docs/log/i17-prior.md). Passages scoring at least AlsoShare of the best are linked
// too, up to MaxMatches, none past one addressed to the item's own agency
// (linkfurther.go).
//
// A background collection (linkbg.go: the associations and document
// frequencies of an index) can add related terms and weigh terms by its
// idf; both are off at the default weights, which is what was measured
// best (docs/log/i17-para.md).
//
// Links are computed when asked (corpus reads the documents from its
// store: Store.Links, the tasks); what a parent gives
// every plan (its outline, its passages weighed as targets) is kept per
// version of the parent (Cache), the links themselves never.
// Measured figures are in docs/log/perf-plan-linking.md (BenchmarkLinks,
// BenchmarkLinksReal).

import (
	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/outline"
)

// Match is a parent passage an item may implement.
type Match struct {
	DocID   string  `json:"doc_id"`
	Number  string  `json:"number"`
	Passage string  `json:"passage"`
	Title   string  `json:"title"`
	Score   float64 `json:"score"`
}

// ItemLink is an item with the passages it implements, best first.
type ItemLink struct {
	outline.Item
	Section string  `json:"section"`
	Linked  bool    `json:"linked"` // offered for linking (Item.Linkable)
	Matches []Match `json:"matches"`
}

// DocRef names a stored document.
type DocRef struct {
	ID     string `json:"id"`
	Number string `json:"number"`
	Type   string `json:"type"`
	Title  string `json:"title"`
	File   string `json:"file,omitempty"` // the file's name, for a document read from a file
}

// PlanLinks is every item of an implementing document with the passages
// of its parents it implements.
type PlanLinks struct {
	DocRef
	Resolutions []DocRef   `json:"resolutions"` // the parents
	Items       []ItemLink `json:"items"`
}

// typeOfDoc is the type named by the first words of the document's type,
// or of its title when the type is empty.
func typeOfDoc(d *Doc) doctype.Type { return doctype.Of(d.Type, d.Title) }

// primaryParents returns the number keys of the parents the title of
// plan cites ("Kế hoạch … triển khai thực hiện Nghị quyết số 57-NQ/TW"),
// or nil when it cites none: a plan that names what it implements is
// linked to that, not to every document its text mentions (the
// province's own programme under the same resolution, a decision it
// builds on).
func primaryParents(plan *Doc, keys map[string]bool) map[string]bool {
	var out map[string]bool
	for _, r := range cite.ParseRefs(plan.Title) {
		if k := r.LookupKey(); keys[k] {
			if out == nil {
				out = map[string]bool{}
			}
			out[k] = true
		}
	}
	return out
}

// Plan links the items of an implementing document to the passages of
// its parents.
func Plan(plan Doc, parents []Doc) *PlanLinks {
	return linkPlan(plan, parents, make([]*outline.Outline, len(parents)), DefaultParams())
}

// linkPlan is Plan with the parents' outlines when already parsed
// (nil entries are parsed here).
func linkPlan(plan Doc, parents []Doc, outlines []*outline.Outline, p Params) *PlanLinks {
	return PlanWith(plan, parents, outlines, p, nil, nil)
}

// PlanWith is linkPlan taking the parents' targets from cache
// (nil: none).
func PlanWith(plan Doc, parents []Doc, outlines []*outline.Outline, p Params, cache *Cache, bg Background) *PlanLinks {
	return PlanOutlined(plan, nil, parents, outlines, p, cache, bg)
}

// PlanOutlined is PlanWith given the plan's outline o, outline.Parse of
// plan.Body (nil: parsed here), which it reads and leaves as it is: a
// caller reading the outline too parses the plan once (corpus's
// SyncTasks: the tasks and the roles of a text).
func PlanOutlined(plan Doc, o *outline.Outline, parents []Doc, outlines []*outline.Outline, p Params, cache *Cache, bg Background) *PlanLinks {
	return linkPlanIn(plan, o, parents, outlines, p, cache, bg, nil)
}

// linkPlanProbe is PlanWith telling probe (nil: none) the measures
// of the "implements nothing" decision of each ranked item, by its index
// in PlanLinks.Items, before the decision.
func linkPlanProbe(plan Doc, parents []Doc, outlines []*outline.Outline, p Params, cache *Cache, bg Background,
	probe func(item int, v noneVec)) *PlanLinks {
	return linkPlanIn(plan, nil, parents, outlines, p, cache, bg, probe)
}

// linkPlanIn is linkPlanProbe given the plan's outline (nil: parsed).
func linkPlanIn(plan Doc, po *outline.Outline, parents []Doc, outlines []*outline.Outline, p Params, cache *Cache, bg Background,
	probe func(item int, v noneVec)) *PlanLinks {
	pl, l, o, rs := linkPlanRankedIn(plan, po, parents, outlines, p, cache, bg)
	vs := l.noneVecs(rs, probe != nil)
	keys := parentKeys(parents)
	own := newOwnArticle(&plan, keys, o, p)
	for k, r := range rs {
		if probe != nil {
			probe(r.item, vs[k])
		}
		if l.implementsNothing(o, r, vs[k], own, keys) {
			continue
		}
		pl.Items[r.item].Matches = append(pl.Items[r.item].Matches, l.pick(r.q, r.cand, r.cand[r.ref])...)
	}
	return pl
}

// implementsNothing reports whether ranked item r, whose measures are v,
// gets no link: it has no candidate, its measure is under NoneShare, or
// one of the structural rules withholds it (linkdirected.go,
// linkownarticle.go, linkownexec.go). The one owner of the decision.
func (l *linker) implementsNothing(o *outline.Outline, r ranked, v noneVec, own *ownArticle, keys map[string]bool) bool {
	return len(r.cand) == 0 || v[l.p.NoneMeasure] < l.p.NoneShare || l.directedElsewhere(r) || own.withholds(l, r) || l.ownExecution(o, r, keys)
}

// parentKeys is the parents' number keys (doctype.NumberKey), which a
// citation of a parent is looked up in (citesParent).
func parentKeys(parents []Doc) map[string]bool {
	keys := make(map[string]bool, len(parents))
	for k := range parents {
		keys[doctype.NumberKey(parents[k].Number)] = true
	}
	return keys
}

// linkPlanRanked is the first half of linkPlanProbe: the plan's items
// without matches, the linker, the plan's outline and each linkable
// item's ranked candidates (re-ranked when p.RerankK > 0, linkltr.go).
func linkPlanRanked(plan Doc, parents []Doc, outlines []*outline.Outline, p Params, cache *Cache, bg Background) (*PlanLinks, *linker, *outline.Outline, []ranked) {
	return linkPlanRankedIn(plan, nil, parents, outlines, p, cache, bg)
}

// linkPlanRankedIn is linkPlanRanked given the plan's outline o (nil:
// parsed here).
func linkPlanRankedIn(plan Doc, o *outline.Outline, parents []Doc, outlines []*outline.Outline, p Params, cache *Cache, bg Background) (*PlanLinks, *linker, *outline.Outline, []ranked) {
	pl := &PlanLinks{DocRef: plan.Ref(), Resolutions: []DocRef{}, Items: []ItemLink{}}
	keys := parentKeys(parents)
	for k := range parents {
		pl.Resolutions = append(pl.Resolutions, parents[k].Ref())
	}
	primary := primaryParents(&plan, keys)
	if o == nil {
		o = outline.Parse(plan.Body)
	}
	var l *linker
	if cache == nil {
		l = newLinker(o, parents, outlines, p, bg)
	} else {
		pts := make([]*parentTargets, len(parents))
		for k := range parents {
			pts[k] = cache.targets(&parents[k], outlines[k], p.TargetWeights)
		}
		l = newLinkerFrom(o, pts, p, bg)
	}
	l.typed, l.ownType = typedParents(parents), typeOf(&plan)
	if len(l.targets) > 0 {
		l.pw = chainPrior(parents, keys, primary, p.ParentPrior)
	}
	var rs []ranked
	elsewhere := p.Scope > 0 && scopedElsewhere(o, plan.Body, keys)
	for i, it := range o.Items {
		il := ItemLink{Item: it, Section: o.Sections[it.Section].Title, Linked: it.Linkable(), Matches: []Match{}}
		// A closing provision (Outline.ClosingItem), a statement that the text
		// details another than its parents or acts on its own document
		// (linkscope.go), an item of a text detailing another that cites
		// no parent (scopedElsewhere), a report on a whole document's
		// progress, a deputy leader's assignment, a request to report
		// difficulties (linkprogress.go) and a request that the units plan
		// their own carrying out (linkownplan.go) are items that implement nothing:
		// offered, never ranked.
		if il.Linked && len(l.targets) > 0 && !(p.Closing > 0 && o.ClosingItem(i)) && !detailsOther(it.Text, keys) && !carriesOutOwn(it.Text) &&
			!(elsewhere && !citesParentAt(o, i, keys)) &&
			!(p.Progress > 0 && reportsOnWhole(it.Text)) && !(p.Leaders > 0 && assignsLeader(it.Text)) &&
			!(p.Difficulties > 0 && outline.ReportsDifficulties(it.Text)) && !(p.OwnPlan > 0 && plansOwnExecution(it.Text)) {
			q := l.query(o, i, keys, primary)
			cand := l.rank(q)
			rs = append(rs, ranked{i, q, cand, unalignedTop(cand)})
		}
		pl.Items = append(pl.Items, il)
	}
	if p.RerankK > 0 {
		nb := neighbours(rs)
		for k, r := range rs {
			l.rerank(o, r.item, r.q, r.cand, nb[k])
			rs[k].ref = 0 // the decision reads the re-ranker's top
		}
	}
	return pl, l, o, rs
}
