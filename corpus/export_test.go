package corpus

// Exported for the external tests of package corpus_test only.

// LinkParams are the weights of linking (linkParams).
type LinkParams = linkParams

// DefaultLinkParams returns the weights Store.Links uses.
func DefaultLinkParams() LinkParams { return defaultLinkParams() }

// LinksWith is Store.Links with weights p.
func (s *Store) LinksWith(id string, p LinkParams) (*PlanLinks, error) {
	return s.linksWith(id, p, nil)
}

// LinksWithBackground is Store.Links with weights p and background bg.
func (s *Store) LinksWithBackground(id string, p LinkParams, bg LinkBackground) (*PlanLinks, error) {
	return s.linksWith(id, p, bg)
}

// TasksVersion is the version of the task table (tasksVersion).
const TasksVersion = tasksVersion

// NoneMeasures is the number of measures of the "implements nothing"
// decision (linknone.go).
const NoneMeasures = int(noneMeasures)

// NoneName is the name of measure m.
func NoneName(m int) string { return noneNames[m] }

// SetNoneMeasure sets the measure NoneShare cuts.
func (p *LinkParams) SetNoneMeasure(m int) { p.NoneMeasure = noneMeasure(m) }

// LinksNone is Store.Links with weights p and, for each item of the
// result (by index), the measures of the "implements nothing" decision
// (nil for an item not ranked).
func (s *Store) LinksNone(id string, p LinkParams) (*PlanLinks, [][]float64, error) {
	doc, err := s.live(id, "links")
	if err != nil {
		return nil, nil, err
	}
	parents, outlines, err := s.parentsWith(doc, s.cache.outline)
	if err != nil {
		return nil, nil, err
	}
	var vs [][]float64
	pl := linkPlanProbe(doc, parents, outlines, p, s.cache, nil, func(item int, v noneVec) {
		for len(vs) <= item {
			vs = append(vs, nil)
		}
		vs[item] = v[:]
	})
	for len(vs) < len(pl.Items) {
		vs = append(vs, nil)
	}
	return pl, vs, nil
}

// LTRItem is a ranked item of a plan for the re-ranker: its index in
// PlanLinks.Items, its first k candidates as matches and their features.
type LTRItem struct {
	Item  int
	Cands []Match
	X     []LTRVec
}

// LTRVec is the features of a candidate (ltrVec).
type LTRVec = ltrVec

// LTRWeights is the re-ranker's weights (ltrWeights).
type LTRWeights = ltrWeights

// LTRGroup is a labelled item for training (ltrGroup).
type LTRGroup = ltrGroup

// LTRNames is the features' names.
var LTRNames = ltrNames

// TrainRanker trains the re-ranker (ltrTrainer.trainRanker).
func TrainRanker(gs []LTRGroup, lambda float64, iters int) LTRWeights {
	return ltrTrainer{Lambda: lambda, Iters: iters}.trainRanker(gs)
}

// LinksCandidates is Store.Links with weights p (their RerankK ignored)
// and, for every ranked item, its first k candidates before the
// "implements nothing" decision and their features.
func (s *Store) LinksCandidates(id string, p LinkParams, k int) (*PlanLinks, []LTRItem, error) {
	doc, err := s.live(id, "links")
	if err != nil {
		return nil, nil, err
	}
	parents, outlines, err := s.parentsWith(doc, s.cache.outline)
	if err != nil {
		return nil, nil, err
	}
	p.RerankK = 0
	pl, l, o, rs := linkPlanRanked(doc, parents, outlines, p, s.cache, nil)
	var out []LTRItem
	nb := neighbours(rs)
	for n, r := range rs {
		it := LTRItem{Item: r.item, X: l.ltrFeatures(o, r.item, r.q, r.cand, k, nb[n])}
		for _, c := range r.cand[:len(it.X)] {
			t := &l.targets[c.j]
			it.Cands = append(it.Cands, Match{DocID: t.doc.ID, Number: t.doc.Number, Passage: t.p.ID, Title: t.p.Title, Score: c.s})
		}
		out = append(out, it)
	}
	return pl, out, nil
}

// Score is w·x.
func (w *LTRWeights) Score(x LTRVec) float64 { return w.score(&x) }
