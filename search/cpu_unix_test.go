//go:build unix

package search

import (
	"syscall"
	"time"
)

// cpuClock is the CPU time of the process so far (user and system, every
// thread). On a machine shared with other jobs it moves far less than wall
// time, so the benchmarks report it per query (cpu-ns/query) beside ns/op.
func cpuClock() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
