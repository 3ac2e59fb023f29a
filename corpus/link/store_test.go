package link_test

// The store's links with other weights, for the measures of linking that
// read the development sets through a store (lopo_test.go,
// lopo_null_test.go, ltr_lopo_test.go, linksweep_test.go,
// linkbg_real_test.go): a plan's input as corpus.Store.Links reads it
// (Store.LinkInput, with the store's parents' cache), linked here.

import (
	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/link"
)

// linksWith is Store.Links of plan id with weights p and background bg
// (nil: none).
func linksWith(s *corpus.Store, id string, p link.Params, bg link.Background) (*link.PlanLinks, error) {
	in, err := s.LinkInput(id)
	if err != nil {
		return nil, err
	}
	return in.Link(p, bg), nil
}

// linksNone is Store.Links with weights p and, for each item of the
// result (by index), the measures of the "implements nothing" decision
// (nil for an item not ranked).
func linksNone(s *corpus.Store, id string, p link.Params) (*link.PlanLinks, [][]float64, error) {
	in, err := s.LinkInput(id)
	if err != nil {
		return nil, nil, err
	}
	var vs [][]float64
	pl := link.Probe(in.Plan, in.Parents, in.Outlines, p, in.Cache, func(item int, v []float64) {
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

// linksCandidates is Store.Links with weights p (their RerankK ignored)
// and, for every ranked item, its first k candidates before the
// "implements nothing" decision and their features.
func linksCandidates(s *corpus.Store, id string, p link.Params, k int) (*link.PlanLinks, []link.LTRItem, error) {
	in, err := s.LinkInput(id)
	if err != nil {
		return nil, nil, err
	}
	pl, items := link.Candidates(in.Plan, in.Parents, in.Outlines, p, in.Cache, k)
	return pl, items, nil
}
