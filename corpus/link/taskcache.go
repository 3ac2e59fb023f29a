package link

// The parents' cache of linking (outlines and targets per version of a
// parent), which corpus keeps for SyncTasks, Links and ComputeTasks.

import (
	"sync"

	"github.com/vanban/vanban/corpus/outline"
)

// Cache keeps the outlines of parents and their linking targets (for
// the TargetWeights they were last asked with), one entry per version of
// a parent (its ID and Hash), up to limit parents (then it starts again). It is safe for
// concurrent use: corpus's SyncTasks keeps one for a run, and its Store
// one for Links and ComputeTasks, so that a plan's links (the document
// page, `vanban links`) do not parse and weigh a large parent again each
// time.
type Cache struct {
	mu    sync.Mutex
	limit int
	m     map[string]*cachedParent
}

type cachedParent struct {
	hash    string
	o       *outline.Outline
	w       TargetWeights  // the weights targets were built with
	targets *parentTargets // read-only once built
}

// NewCache returns an empty cache of up to limit parents.
func NewCache(limit int) *Cache {
	return &Cache{limit: limit, m: map[string]*cachedParent{}}
}

// entry returns the cache entry of d's version; c.mu is held.
func (c *Cache) entry(d *Doc) *cachedParent {
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

// Outline returns the outline of d, parsed once per version of d (a nil
// cache parses every time).
func (c *Cache) Outline(d Doc) *outline.Outline {
	if c == nil {
		return outline.Parse(d.Body)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.entry(&d)
	if e.o == nil {
		e.o = outline.Parse(d.Body)
	}
	return e.o
}

// targets returns the linking targets of parent d (outline o, or parsed
// when nil) with weights w, built once per version of d and value of w:
// TargetWeights are all that newParentTargets reads, so the one rule of
// what a weight invalidates is whether it is declared there. A value
// other than the last asked builds them again and keeps them in its place
// (a sweep asks for one setting over many plans, then another).
func (c *Cache) targets(d *Doc, o *outline.Outline, w TargetWeights) *parentTargets {
	if o == nil {
		o = c.Outline(*d)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.entry(d)
	if e.targets == nil || e.w != w {
		e.targets, e.w = newParentTargets(d, o, w, map[string][]string{}), w
	}
	return e.targets
}
