//go:build !unix

package search

import "time"

// cpuClock is not measured here: the benchmarks report no cpu-ns/query.
func cpuClock() time.Duration { return 0 }
