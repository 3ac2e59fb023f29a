// Package leaktest owns the check that a package's tests leave no
// goroutine of theirs running: a server's connection, a client's idle
// connection whose body was never closed, a worker never stopped. A test
// package calls it from its TestMain:
//
//	func TestMain(m *testing.M) { os.Exit(leaktest.Main(m)) }
//
// The goroutines running before the tests (the test harness's, those a
// package started in init, such as bleve's analysis workers) are not the
// tests'. A goroutine the tests started may still be ending when the last
// test returns (a connection closed by httptest.Server.Close leaves its
// read loop a moment later), so the check waits for them to end: a leaked
// goroutine never does, and the wait's bound (a minute) is only a hang
// guard, never what a passing run depends on. Written here rather than
// taken from go.uber.org/goleak: goleak v1.3.0 retries for about 0.4 s,
// a bound it does not let the caller set, and a goroutine ending a moment
// late on a machine at load 40 would fail the package (docs/log/i27-ci.md).
package leaktest

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Wait bounds how long Main waits for the tests' goroutines to end.
const Wait = time.Minute

// Main runs m's tests and returns their exit code, or 1 when they passed
// and goroutines they started are still running Wait after they ended;
// those goroutines' stacks are written to stderr.
func Main(m *testing.M) int {
	before := Running()
	code := m.Run()
	if code != 0 {
		return code
	}
	start := time.Now()
	left := Left(before, Wait)
	if testing.Verbose() {
		// what the check added to the package's time: the measure of the
		// brief's "no waiting" (docs/log/i28-tests.md)
		fmt.Fprintf(os.Stderr, "leaktest: waited %s for the tests' goroutines to end\n", time.Since(start).Round(time.Microsecond))
	}
	if len(left) > 0 {
		fmt.Fprintf(os.Stderr, "leaktest: %d goroutine(s) started by the tests still running %s after them:\n\n%s\n",
			len(left), Wait, strings.Join(left, "\n\n"))
		return 1
	}
	return 0
}

// Running returns the ids of the goroutines running now.
func Running() map[int]bool {
	ids := map[int]bool{}
	for _, g := range goroutines() {
		ids[g.id] = true
	}
	return ids
}

// Left returns the stacks of the goroutines running that are not in
// before, the caller's own and the standard library's signal handling
// aside, once they have not all ended within wait (nil as soon as they have).
func Left(before map[int]bool, wait time.Duration) []string {
	deadline := time.Now().Add(wait)
	for pause := time.Millisecond; ; pause = min(2*pause, 100*time.Millisecond) {
		var left []string
		for i, g := range goroutines() {
			if i == 0 || before[g.id] || ignored(g.stack) {
				continue // the first is the caller's own
			}
			left = append(left, g.stack)
		}
		if len(left) == 0 || !time.Now().Before(deadline) {
			return left
		}
		time.Sleep(pause)
	}
}

// ignored reports whether a goroutine is the runtime's or the standard
// library's for the process (os/signal's loop, started by a first
// signal.Notify).
func ignored(stack string) bool {
	return strings.Contains(stack, "os/signal.signal_recv") || strings.Contains(stack, "os/signal.loop") ||
		strings.Contains(stack, "runtime.ensureSigM")
}

type goroutine struct {
	id    int
	stack string
}

// goroutines returns every goroutine's stack, the caller's first (as
// runtime.Stack gives them).
func goroutines() []goroutine {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	var out []goroutine
	for _, s := range bytes.Split(buf, []byte("\n\n")) {
		s = bytes.TrimSpace(s)
		rest, ok := bytes.CutPrefix(s, []byte("goroutine "))
		if !ok {
			continue
		}
		num, _, _ := bytes.Cut(rest, []byte(" "))
		id, err := strconv.Atoi(string(num))
		if err != nil {
			continue
		}
		out = append(out, goroutine{id: id, stack: string(s)})
	}
	return out
}
