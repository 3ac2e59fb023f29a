package corpus

// Exported for the external tests of package corpus_test only.

import (
	"github.com/vanban/vanban/corpus/link"
)

// LinksWith is Store.Links with weights p.
func (s *Store) LinksWith(id string, p link.Params) (*link.PlanLinks, error) {
	return s.linksWith(id, p, nil)
}

// LinksWithBackground is Store.Links with weights p and background bg.
func (s *Store) LinksWithBackground(id string, p link.Params, bg link.Background) (*link.PlanLinks, error) {
	return s.linksWith(id, p, bg)
}

// TasksVersion is the version of the task table (tasksVersion).
const TasksVersion = tasksVersion

// LinksNone is Store.Links with weights p and, for each item of the
// result (by index), the measures of the "implements nothing" decision
// (nil for an item not ranked).
func (s *Store) LinksNone(id string, p link.Params) (*link.PlanLinks, [][]float64, error) {
	doc, err := s.live(id, "links")
	if err != nil {
		return nil, nil, err
	}
	parents, outlines, err := s.parentsWith(doc, s.cache.Outline)
	if err != nil {
		return nil, nil, err
	}
	var vs [][]float64
	pl := link.Probe(doc.LinkDoc(), parents, outlines, p, s.cache, func(item int, v []float64) {
		for len(vs) <= item {
			vs = append(vs, nil)
		}
		vs[item] = v
	})
	for len(vs) < len(pl.Items) {
		vs = append(vs, nil)
	}
	return pl, vs, nil
}

// LinksCandidates is Store.Links with weights p (their RerankK ignored)
// and, for every ranked item, its first k candidates before the
// "implements nothing" decision and their features.
func (s *Store) LinksCandidates(id string, p link.Params, k int) (*link.PlanLinks, []link.LTRItem, error) {
	doc, err := s.live(id, "links")
	if err != nil {
		return nil, nil, err
	}
	parents, outlines, err := s.parentsWith(doc, s.cache.Outline)
	if err != nil {
		return nil, nil, err
	}
	pl, items := link.Candidates(doc.LinkDoc(), parents, outlines, p, s.cache, k)
	return pl, items, nil
}
