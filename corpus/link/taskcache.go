package link

// The parents' cache of linking (outlines and targets per version of a
// parent) shared by SyncTasks, Links and ComputeTasks.

import (
	"sync"

	"github.com/vanban/vanban/corpus/outline"
)

// parentCache keeps the outlines of parents and their linking targets
// (for the default weights), one entry per version of a parent, up to
// limit parents (then it starts again). It is safe for concurrent use:
// SyncTasks keeps one for a run, and the Store one for Links and
// ComputeTasks, so that a plan's links (the document page, `vanban
// links`) do not parse and weigh a large parent again each time.
type parentCache struct {
	mu    sync.Mutex
	limit int
	m     map[string]*cachedParent
}

type cachedParent struct {
	hash    string
	o       *outline.Outline
	targets *parentTargets // for defaultLinkParams; read-only once built
}

// syncCacheParents bounds the cache of a SyncTasks run, storeCacheParents
// the one a Store keeps while open (the largest real parent's targets
// take some 2 MB).
const (
	syncCacheParents  = 1024
	storeCacheParents = 64
)

func newParentCache(limit int) *parentCache {
	return &parentCache{limit: limit, m: map[string]*cachedParent{}}
}

// entry returns the cache entry of d's version; c.mu is held.
func (c *parentCache) entry(d *Document) *cachedParent {
	if e := c.m[d.ID]; e != nil && e.hash == d.Hash {
		return e
	}
	if len(c.m) >= c.limit {
		clear(c.m)
	}
	e := &cachedParent{hash: d.Hash}
	c.m[d.ID] = e
	return e
}

// outline returns the outline of d, parsed once per version of d (a nil
// cache parses every time).
func (c *parentCache) outline(d *Document) *outline.Outline {
	if c == nil {
		return outline.Parse(d.Body)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.entry(d)
	if e.o == nil {
		e.o = outline.Parse(d.Body)
	}
	return e.o
}

// targets returns the linking targets of parent d (outline o, or parsed
// when nil) with weights p, built once per version of d for the default
// PassageContext (the one weight of p that targets depend on).
func (c *parentCache) targets(d *Document, o *outline.Outline, p linkParams) *parentTargets {
	if o == nil {
		o = c.outline(d)
	}
	if def := defaultLinkParams(); p.PassageContext != def.PassageContext || p.Closing != def.Closing { // the weights targets depend on
		return newParentTargets(d, o, p, map[string][]string{})
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.entry(d)
	if e.targets == nil {
		e.targets = newParentTargets(d, o, p, map[string][]string{})
	}
	return e.targets
}
