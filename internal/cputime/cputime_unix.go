//go:build unix

// Package cputime reads the CPU time the process has used, user and system,
// every thread: a measure of a benchmark that other processes on a shared
// machine inflate far less than they do wall time (benchmarks report it
// per operation beside ns/op).
package cputime

import (
	"syscall"
	"time"
)

// Now is the CPU time the process has used so far; 0 when the system
// cannot say.
func Now() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
