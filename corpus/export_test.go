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
