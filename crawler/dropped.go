package crawler

import (
	"time"

	"github.com/vanban/vanban/corpus"
)

// Dropped counts what PruneDropped did with the records of sites no
// longer configured.
type Dropped struct {
	Sites    []string `json:"sites,omitempty"`
	Runs     int      `json:"runs,omitempty"`
	Evidence int      `json:"evidence,omitempty"`
	Frontier int      `json:"frontier,omitempty"`
	Kept     int      `json:"kept,omitempty"`
	Deleted  int      `json:"deleted,omitempty"`
	Restored int      `json:"restored,omitempty"`
}

// PruneDropped (not written yet).
func PruneDropped(store *corpus.Store, sites []*Site, now time.Time) (Dropped, error) {
	return Dropped{}, nil
}

// siteOwns reports whether the state of u belongs to site: a page it
// allows, or a file of a page it allows.
func siteOwns(site *Site, u string, s urlState) bool {
	if s.Parent != "" {
		return site.allowed(s.Parent) && site.fileAllowed(u)
	}
	return site.allowed(u)
}
