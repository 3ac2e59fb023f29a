package memstat

import "runtime"

// Allocated returns the bytes the process allocated while fn ran
// (runtime.MemStats.TotalAlloc): fn's own only when nothing else runs in
// the process, so a test bounding it runs alone (childtest.Pass). Under
// the race detector (Race) the figure is its instrumentation's and
// sync.Pool's random drops as much as fn's.
func Allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
