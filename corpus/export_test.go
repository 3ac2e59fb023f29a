package corpus

// Exported for the external tests of package corpus_test only.

import (
	"github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/corpus/tasktable"
)

// LinksWith is Store.Links with weights p.
func (s *Store) LinksWith(id string, p link.Params) (*link.PlanLinks, error) {
	return s.linksWith(id, p, nil)
}

// LinksWithBackground is Store.Links with weights p and background bg.
func (s *Store) LinksWithBackground(id string, p link.Params, bg link.Background) (*link.PlanLinks, error) {
	return s.linksWith(id, p, bg)
}

// TasksVersion is the version of the task table (tasktable.Version).
const TasksVersion = tasktable.Version
