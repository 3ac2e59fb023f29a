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
// under "II.3. Về y tế" carries them. A heading that only names the
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
// docs/design.md, i17-prior). Passages scoring at least AlsoShare of the best are linked
// too, up to MaxMatches.
//
// A background collection (linkbg.go: the associations and document
// frequencies of an index) can add related terms and weigh terms by its
// idf; both are off at the default weights, which is what was measured
// best (docs/design.md, i17-para).
//
// Links are computed when asked (corpus reads the documents from its
// store: Store.Links, the tasks); what a parent gives
// every plan (its outline, its passages weighed as targets) is kept per
// version of the parent (Cache), the links themselves never.
// Measured figures are in docs/performance.md (BenchmarkLinks,
// BenchmarkLinksReal).

import (
	"maps"
	"math"
	"slices"
	"sort"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/outline"
	"github.com/vanban/vanban/corpus/viet"
	bm25pkg "github.com/vanban/vanban/internal/bm25"
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

// Params are the weights of the linking score; DefaultParams
// holds the values chosen on ../shared/data/plans (eval links). Each is
// described where it is used; docs/design.md has the figures and the
// leave-one-pair-out check (TestLinksLOPO).
type Params struct {
	QueryContext   float64 // weight of an item's headings and section title in its query
	AgencyContext  float64 // … of a heading that only names its agency ("1. Sở Y tế:")
	PassageContext float64 // weight of a passage's headings in its terms
	ActorBoost     float64 // an item and passage addressed to the same agency score 1+ActorBoost times more
	ActionBoost    float64 // the cosine of their action vectors adds up to ActionBoost
	GoalWeight     float64 // a goal passage's score weighs GoalWeight
	NoneShare      float64 // an item whose NoneMeasure is under NoneShare implements nothing specific
	AlsoShare      float64 // further links score at least AlsoShare of the best
	NovelShare     float64 // … with words the earlier ones lack worth NovelShare of it
	MaxMatches     int
	// With a background (linkbg.go): the weight of the terms it associates
	// with an item's syllable pairs (× their strength, at least
	// RelatedMin), and the power of its idf each term's weight is
	// multiplied by. Both 0 by default.
	RelatedWeight float64
	RelatedMin    float64
	BackgroundIDF float64
	// MatchDecay (0: off): a passage's term matches, strongest first, count
	// MatchDecay^rank of their score (linkdecay.go). It ranks only; further
	// links are judged by the undecayed score.
	MatchDecay float64
	// ParentPrior (0: off): the passages of a parent that another of the
	// plan's parents cites weigh 1−ParentPrior (linkparent.go).
	ParentPrior float64
	// NoneMeasure is the measure NoneShare cuts (linknone.go).
	NoneMeasure NoneMeasure
	// ActorIDF (0: off): the share of the actor boost that depends on how
	// few of the passages the item may link to the shared agency is
	// addressed in (linkactor.go).
	ActorIDF float64
	// ActorSmooth: passages naming no agency added to the count of the
	// actor weight's idf (linkactor.go), so that it moves smoothly with the
	// number of passages; 0: the count as it is (a parent of one passage
	// gives the whole boost, two both naming the agency none).
	ActorSmooth float64
	// OwnText (0: off; 0.5 by default): an item heading others (a group heading with a
	// task of its own) is queried with its own words at 1 and the items
	// under it at 1−OwnText (linkowntext.go).
	OwnText float64
	// RefBoost (0: off): the passages under a provision of its parent an
	// item cites by number ("khoản 1 Điều 38 Nghị định số …") weigh
	// RefBoost (linkref.go).
	RefBoost float64
	// Closing (0: off): closing provisions — an item's or a passage's
	// statement of its document's effect or of the end of another's — are
	// neither linked nor linked to (corpus/outline closing.go).
	Closing float64
	// RerankK (0: off): the linker's top RerankK candidates of each item
	// are ordered again by the learned linear scorer Rerank (linkltr.go).
	RerankK int
	Rerank  LTRWeights
	// AlignBoost (0: off): a passage whose section title holds the terms
	// of the item's section title (their idf share h) ranks as if it scored
	// 1+AlignBoost·h times more (linkalign.go). It ranks only: the
	// "implements nothing" decision and the further links' thresholds
	// read the candidate first without it, by its score without it.
	AlignBoost float64
}

func DefaultParams() Params {
	return Params{
		QueryContext:   1.0,
		AgencyContext:  0,
		PassageContext: 0.5,
		ActorBoost:     0.5,
		ActionBoost:    0.3,
		GoalWeight:     0.8,
		NoneShare:      0.165,
		AlsoShare:      0.6,
		NovelShare:     0.25,
		MaxMatches:     3,
		RelatedMin:     0.3,
		MatchDecay:     0.98,
		ParentPrior:    0.3,
		NoneMeasure:    noneRaw,
		ActorIDF:       1,
		RefBoost:       3,
		Closing:        1,
		AlignBoost:     0.5,
		OwnText:        0.5,
	}
}

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
		pts[k] = newParentTargets(&parents[k], o, p, contexts)
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

func newParentTargets(d *Doc, o *outline.Outline, p Params, contexts map[string][]string) *parentTargets {
	pt := &parentTargets{doc: *d, df: map[string]float64{}}
	d = &pt.doc
	secs := map[string][]string{} // section title → its terms
	all := o.Passages()
	for k, ps := range all {
		if p.Closing > 0 && o.ClosingPassage(&all[k]) {
			continue
		}
		t := target{doc: d, key: viet.NumberKey(d.Number), p: ps, actors: ps.Actors, action: actionVector(ps.Text),
			pos: relPos(k, len(all)), appendix: o.InAppendix(ps)}
		t.bag.tf = make(map[string]float64, len(ps.Terms))
		t.bag.addTerms(ps.Terms, 1)
		ct, ok := contexts[ps.Context]
		if !ok {
			ct = outline.Terms(ps.Context)
			contexts[ps.Context] = ct
		}
		t.bag.addTerms(ct, p.PassageContext)
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
	l := &linker{p: p, df: map[string]float64{}, bg: bg}
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
	action actionVec
	only   map[string]bool // number keys of the parents it may link to
	cited  map[int]bool    // targets under a provision the item cites (linkref.go)
	// The terms of its section's title, sorted, their idf and its sum
	// (linkalign.go; only with AlignBoost).
	heads   []string
	headIDF []float64
	headW   float64
}

func (l *linker) query(o *outline.Outline, i int, keys, primary map[string]bool) itemQuery {
	text := o.Subtree(i)
	q := itemQuery{terms: map[string]float64{}, actors: o.Actors(i), action: actionVector(text)}
	var self bag
	if l.p.OwnText > 0 && len(text) > len(o.Items[i].Text) {
		l.ownText(&q, &self, o, i)
	} else {
		self.add(text, 1)
		for term := range self.tf {
			q.terms[term] = 1
		}
	}
	q.own = maps.Clone(self.tf)
	for _, part := range o.ContextParts(i) {
		agency := outline.AgencyName(part) // the item's actor (Outline.Actors), not its topic
		w := l.p.QueryContext
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
	l.expand(&q, self.tf)
	if l.p.AlignBoost > 0 {
		l.alignQuery(&q, o, i)
	}
	q.order = sortedKeys(q.terms)
	q.self = l.selfScore(&q, &self)
	return q
}

// rank scores every target sharing a term with q, best first.
func (l *linker) rank(q itemQuery) []scored {
	clear(l.acc)
	for _, term := range q.order {
		w := q.terms[term]
		for _, p := range l.post[term] {
			l.acc[p.target] += w * p.w
		}
	}
	raw := l.acc
	if l.p.MatchDecay > 0 {
		if l.dec == nil {
			l.dec = make([]float64, len(l.targets))
		}
		copy(l.dec, l.acc)
		raw = l.dec
		clear(l.acc)
		l.decayed(q)
	}
	var as actorStats
	if l.p.ActorIDF != 0 {
		as = l.actorStatsFor(q.only)
	}
	var cand []scored
	for j, s := range l.acc {
		t := &l.targets[j]
		if s <= 0 || q.only != nil && !q.only[t.key] {
			continue
		}
		c := scored{j: j, actor: 1}
		f := 1.0
		if overlaps(q.actors, t.actors) {
			c.actor = 1 + l.p.ActorBoost*l.actorWeight(as, q.actors, t.actors)
			f *= c.actor
		}
		act := 1 + l.p.ActionBoost*q.action.cosine(t.action)
		f *= act
		if t.p.Kind == outline.SectionGoals {
			f *= l.p.GoalWeight
		}
		if w, ok := l.pw[t.key]; ok {
			f *= w
		}
		if q.cited[j] {
			f *= l.p.RefBoost
		}
		c.s, c.raw, c.ev = s*f, raw[j]*f, raw[j]*act
		c.pre = c.s
		if q.headW > 0 { // ranking only (linkalign.go)
			c.s *= 1 + l.p.AlignBoost*q.align(t.sec)
		}
		cand = append(cand, c)
	}
	sort.SliceStable(cand, func(a, b int) bool { return cand[a].s > cand[b].s })
	return cand
}

// pick returns the passages q implements from its ranked candidates,
// the best of which the "implements nothing" decision (linknone.go) let
// through; ref is the candidate that decision read (ranked.ref).
func (l *linker) pick(q itemQuery, cand []scored, ref scored) []Match {
	// Further passages are linked when they score at least AlsoShare of
	// ref and match, with the words the passages before them do not
	// have, at least NovelShare of it: another part of the item, not a
	// second wording of the same part. Of ref, not of the first: the
	// section alignment (linkalign.go) may rank a weaker passage first,
	// and ranks only (TestLinkAlignFurtherLinks).
	picked := []scored{cand[0]}
	for _, c := range cand[1:] {
		if len(picked) == l.p.MaxMatches {
			break
		}
		if c.raw < l.p.AlsoShare*ref.raw {
			continue // sorted by s: with MatchDecay a later one may score more
		}
		if l.novel(q, c.j, picked) >= l.p.NovelShare*ref.raw {
			picked = append(picked, c)
		}
	}
	ms := make([]Match, len(picked))
	for i, c := range picked {
		t := &l.targets[c.j]
		ms[i] = Match{DocID: t.doc.ID, Number: t.doc.Number, Passage: t.p.ID, Title: t.p.Title, Score: math.Round(c.s*100) / 100}
	}
	return ms
}

// own is q's BM25 score against target j over the words of the item and
// of its topic headings: the measure of "implements nothing specific", so
// an agency heading ("2. Phòng Văn hóa:") sharing a word with a passage
// does not make up for a task the passage does not mention.
func (l *linker) own(q itemQuery, j int) float64 {
	b := &l.targets[j].bag
	s := 0.0
	for _, term := range q.order {
		if _, ok := q.own[term]; !ok {
			continue
		}
		if tf := b.tf[term]; tf > 0 {
			s += q.terms[term] * l.weight(term) * bm25(tf, l.df[term], l.n, b.n, l.avg)
		}
	}
	return s
}

// scored is a target and its score for an item.
type scored struct {
	j   int
	s   float64
	pre float64 // s without the section alignment (linkalign.go): the "implements nothing" decision ranks by it
	raw float64 // s without MatchDecay (further links are judged by it)
	// The parts of raw, for the "implements nothing" measures
	// (linknone.go): raw = ev × actor × the ranking priors (GoalWeight on
	// a goal passage, the chain's ParentPrior).
	ev    float64 // the undecayed BM25 score × the action factor: the evidence of the words and the action
	actor float64 // the actor factor (1 when the agencies do not meet)
}

// novel is q's score against target j over the terms none of the picked
// targets has.
func (l *linker) novel(q itemQuery, j int, picked []scored) float64 {
	b := &l.targets[j].bag
	s := 0.0
	for _, term := range q.order {
		w := q.terms[term]
		tf := b.tf[term]
		if tf == 0 {
			continue
		}
		seen := false
		for _, p := range picked {
			if l.targets[p.j].bag.tf[term] > 0 {
				seen = true
				break
			}
		}
		if !seen {
			s += w * l.weight(term) * bm25(tf, l.df[term], l.n, b.n, l.avg)
		}
	}
	return s
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
	return linkPlanProbe(plan, parents, outlines, p, cache, bg, nil)
}

// linkPlanProbe is PlanWith telling probe (nil: none) the measures
// of the "implements nothing" decision of each ranked item, by its index
// in PlanLinks.Items, before the decision.
func linkPlanProbe(plan Doc, parents []Doc, outlines []*outline.Outline, p Params, cache *Cache, bg Background,
	probe func(item int, v noneVec)) *PlanLinks {
	pl, l, _, rs := linkPlanRanked(plan, parents, outlines, p, cache, bg)
	vs := l.noneVecs(rs, probe != nil)
	for k, r := range rs {
		if probe != nil {
			probe(r.item, vs[k])
		}
		if len(r.cand) == 0 || vs[k][p.NoneMeasure] < p.NoneShare {
			continue
		}
		pl.Items[r.item].Matches = append(pl.Items[r.item].Matches, l.pick(r.q, r.cand, r.cand[r.ref])...)
	}
	return pl
}

// linkPlanRanked is the first half of linkPlanProbe: the plan's items
// without matches, the linker, the plan's outline and each linkable
// item's ranked candidates (re-ranked when p.RerankK > 0, linkltr.go).
func linkPlanRanked(plan Doc, parents []Doc, outlines []*outline.Outline, p Params, cache *Cache, bg Background) (*PlanLinks, *linker, *outline.Outline, []ranked) {
	pl := &PlanLinks{DocRef: plan.Ref(), Resolutions: []DocRef{}, Items: []ItemLink{}}
	keys := map[string]bool{}
	for k := range parents {
		pl.Resolutions = append(pl.Resolutions, parents[k].Ref())
		keys[viet.NumberKey(parents[k].Number)] = true
	}
	primary := primaryParents(&plan, keys)
	o := outline.Parse(plan.Body)
	var l *linker
	if cache == nil {
		l = newLinker(o, parents, outlines, p, bg)
	} else {
		pts := make([]*parentTargets, len(parents))
		for k := range parents {
			pts[k] = cache.targets(&parents[k], outlines[k], p)
		}
		l = newLinkerFrom(o, pts, p, bg)
	}
	l.typed, l.ownType = typedParents(parents), typeOf(&plan)
	if len(l.targets) > 0 {
		l.pw = chainPrior(parents, keys, primary, p.ParentPrior)
	}
	var rs []ranked
	for i, it := range o.Items {
		il := ItemLink{Item: it, Section: o.Sections[it.Section].Title, Linked: it.Linkable(), Matches: []Match{}}
		// A closing provision (Outline.ClosingItem) and a statement that the text
		// details another than its parents (linkscope.go) are items that
		// implement nothing: offered, never ranked.
		if il.Linked && len(l.targets) > 0 && !(p.Closing > 0 && o.ClosingItem(i)) && !detailsOther(it.Text, keys) {
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

func overlaps(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}
