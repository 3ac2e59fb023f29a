package cputime

import (
	"runtime"
	"testing"
	"time"
)

// TestNow: spinning for 30 ms of wall time uses CPU time, and the clock
// never goes back.
func TestNow(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("no getrusage")
	}
	start := Now()
	x := 0
	for deadline := time.Now().Add(30 * time.Millisecond); time.Now().Before(deadline); {
		x++
	}
	if d := Now() - start; d <= 0 || x == 0 {
		t.Errorf("30 ms of spinning used %v of CPU time", d)
	}
}
