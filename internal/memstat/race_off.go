//go:build !race

package memstat

// Race: the race detector is off.
const Race = false
