package corpus

import (
	"errors"
	"fmt"
	"sort"
)

// Implementer is a plan implementing a resolution passage, with the items
// whose best passage it is.
type Implementer struct {
	DocRef
	Items []string `json:"items"`
	Score float64  `json:"score"` // the best item score
}

// PassageCoverage is a resolution passage with the plans implementing it.
type PassageCoverage struct {
	Passage
	By []Implementer `json:"by"`
}

// Coverage tells which plans (and items) implement each task passage of a
// resolution, and which passages none does.
type Coverage struct {
	DocRef
	Plans     []DocRef          `json:"plans"` // plans citing the resolution
	Passages  []PassageCoverage `json:"passages"`
	Uncovered []string          `json:"uncovered"` // passage IDs
}

// Links links the items of plan id to the passages of the resolutions it
// cites that are in the store.
func (s *Store) Links(id string) (*PlanLinks, error) {
	plan, err := s.Get(id)
	if err != nil {
		return nil, err
	}
	if plan.Gone {
		return nil, fmt.Errorf("corpus: links of %s: %w", id, ErrNotFound)
	}
	res, err := s.citedResolutions(plan)
	if err != nil {
		return nil, err
	}
	return LinkPlan(plan, res), nil
}

// citedResolutions returns the live resolutions plan cites, in citation order.
func (s *Store) citedResolutions(plan *Document) ([]*Document, error) {
	refs, err := s.Refs(plan.ID)
	if err != nil {
		return nil, err
	}
	var out []*Document
	seen := map[string]bool{}
	for _, r := range refs {
		for _, id := range r.DocIDs {
			if seen[id] {
				continue
			}
			seen[id] = true
			d, err := s.Get(id)
			if errors.Is(err, ErrNotFound) {
				continue
			}
			if err != nil {
				return nil, err
			}
			if !d.Gone && IsResolution(d) {
				out = append(out, d)
			}
		}
	}
	return out, nil
}

// Coverage links every plan citing resolution id, oldest first, and reports,
// for each of its task passages, the plans whose items implement it best.
func (s *Store) Coverage(id string) (*Coverage, error) {
	res, err := s.Get(id)
	if err != nil {
		return nil, err
	}
	if res.Gone {
		return nil, fmt.Errorf("corpus: coverage of %s: %w", id, ErrNotFound)
	}
	c := &Coverage{DocRef: refOf(res), Plans: []DocRef{}, Uncovered: []string{}}
	for _, p := range ParseOutline(res.Body).Passages() {
		c.Passages = append(c.Passages, PassageCoverage{Passage: p, By: []Implementer{}})
	}
	citing, err := s.CitedBy(res.Number)
	if err != nil {
		return nil, err
	}
	var plans []*Document
	for _, pid := range citing {
		plan, err := s.Get(pid)
		if err != nil {
			return nil, err
		}
		if !plan.Gone && IsPlan(plan) {
			plans = append(plans, plan)
		}
	}
	// Oldest first, so the order does not depend on document IDs (URLs).
	sort.SliceStable(plans, func(i, j int) bool {
		a, b := plans[i], plans[j]
		return a.Published < b.Published || a.Published == b.Published && a.Number < b.Number
	})
	for _, plan := range plans {
		c.Plans = append(c.Plans, refOf(plan))
		rs, err := s.citedResolutions(plan)
		if err != nil {
			return nil, err
		}
		c.add(LinkPlan(plan, rs))
	}
	for _, p := range c.Passages {
		if len(p.By) == 0 {
			c.Uncovered = append(c.Uncovered, p.ID)
		}
	}
	return c, nil
}

// add records the items of pl whose best passage belongs to c's resolution.
func (c *Coverage) add(pl *PlanLinks) {
	for _, it := range pl.Items {
		if len(it.Matches) == 0 || it.Matches[0].DocID != c.ID {
			continue
		}
		m := it.Matches[0]
		for i := range c.Passages {
			p := &c.Passages[i]
			if p.ID != m.Passage {
				continue
			}
			if n := len(p.By); n == 0 || p.By[n-1].ID != pl.ID {
				p.By = append(p.By, Implementer{DocRef: pl.DocRef})
			}
			im := &p.By[len(p.By)-1]
			im.Items = append(im.Items, it.ID)
			im.Score = max(im.Score, m.Score)
		}
	}
}
