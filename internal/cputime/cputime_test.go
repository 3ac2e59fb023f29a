package cputime

import (
	"runtime"
	"testing"
)

// TestNow: a fixed amount of work uses CPU time. The work is counted in
// iterations, not in wall time: spinning for 30 ms of wall time on a
// loaded machine may get the CPU for a few microseconds, too little for
// getrusage's microseconds.
func TestNow(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("no getrusage")
	}
	start := Now()
	x := uint64(1)
	for range 20_000_000 { // about 20 ms of CPU
		x = x*6364136223846793005 + 1442695040888963407
	}
	if d := Now() - start; d <= 0 || x == 0 {
		t.Errorf("20 million multiplications used %v of CPU time", d)
	}
}
