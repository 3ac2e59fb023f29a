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
