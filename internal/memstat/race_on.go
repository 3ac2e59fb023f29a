//go:build race

package memstat

// Race: the race detector is on (its instrumentation allocates, and
// sync.Pool drops items at random under it).
const Race = true
