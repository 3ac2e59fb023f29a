// Package childtest runs a test in a child process of its own: the test
// binary run again on that one test, with no test log and no other test
// beside it. A kill -9 test kills the child (its store, index or crawl
// must survive it); a test that changes what the whole process shares
// (a file size limit: internal/testcheck) changes the child's.
//
// The child's life is its parent test's at most, whatever the test does
// with it: its own -test.timeout ends it (with its goroutines' stacks)
// before the parent's deadline, the parent kills it a little later still
// (Bound), a test that ends without waiting for it kills it (t.Cleanup),
// and it is killed when the parent dies (Pdeathsig, its starting thread
// locked until it is waited for): a parent killed by go test's timeout,
// or by a kill -9 of its own, leaves no child crawling, writing or
// holding a data directory's lock. A grandchild (a tool the child ran)
// that outlives the child and holds its output does not hold the test:
// the output ends WaitDelay after the child's end (exec.Cmd.WaitDelay).
package childtest

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/childproc"
)

// WaitDelay is how long the output of a child that has ended is read
// before it is cut (exec.Cmd.WaitDelay): long enough for what the child
// wrote to be read, bounded for a grandchild that inherited the pipe and
// holds it (the wait then ends with exec.ErrWaitDelay).
const WaitDelay = time.Second

// envName names the test a child process runs.
const envName = "VANBAN_TEST_CHILD"

// InChild reports whether this process is a child Start began, for any
// test (a helper that must run only in one checks it).
func InChild() bool { return os.Getenv(envName) != "" }

// In reports whether this process is the child started for the test
// named test ("" for t.Name()).
func In(t *testing.T, test string) bool {
	if test == "" {
		test = t.Name()
	}
	return os.Getenv(envName) == test
}

// Child is a test's child process.
type Child struct {
	// Out reads what the child writes to its stdout and stderr; it ends
	// (EOF) when the child has ended (WaitDelay later at most, should a
	// grandchild hold the child's pipe).
	Out *os.File

	cmd     *exec.Cmd
	started chan error
	done    chan struct{}
	err     error
	cancel  context.CancelFunc
	out     *os.File    // the child's output, copied into Out (copy)
	cut     atomic.Bool // the copy stopped at WaitDelay, a grandchild holding the pipe
}

// Start runs the test named test ("" for t.Name(); a subtest's parent
// when the child's work is at the top of the test function) in a child
// process, env added to its environment, bounded as the package says.
// It fails t if the child cannot be started.
func Start(t *testing.T, test string, env ...string) *Child {
	t.Helper()
	if test == "" {
		test = t.Name()
	}
	deadline, ok := t.Deadline()
	flags, kill := Bound(deadline, ok, time.Now())
	ctx, cancel := context.Background(), context.CancelFunc(func() {})
	if !kill.IsZero() {
		ctx, cancel = context.WithDeadline(ctx, kill)
	}
	args := append([]string{"-test.run=" + runPattern(test), "-test.count=1", "-test.v"}, flags...)
	cmd := exec.CommandContext(ctx, os.Args[0], args...)
	cmd.Env = append(append(os.Environ(), envName+"="+test), env...)
	childproc.Bind(cmd) // its group killed at the deadline, dead with the parent
	r, w, err := os.Pipe()
	if err != nil {
		cancel()
		t.Fatalf("child process of %s: %v", test, err)
	}
	// The child writes into a pipe of its own (cw), copied into Out's
	// (w) by c.copy, which stops WaitDelay after the child's end should
	// a grandchild hold cw open (cmd.WaitDelay's rule, kept here: exec's
	// own copy would make Wait wait for a reader that has stopped
	// reading, a killed child's test).
	cr, cw, err := os.Pipe()
	if err != nil {
		r.Close()
		w.Close()
		cancel()
		t.Fatalf("child process of %s: %v", test, err)
	}
	cmd.Stdout, cmd.Stderr = cw, cw
	c := &Child{Out: r, cmd: cmd, started: make(chan error, 1), done: make(chan struct{}), cancel: cancel, out: cr}
	go c.run()
	err = <-c.started
	cw.Close() // the child's copy is its only writer: cr ends when it does (or a grandchild)
	go c.copy(w)
	if err != nil {
		r.Close()
		cancel()
		t.Fatalf("child process of %s: %v", test, err)
	}
	t.Cleanup(func() {
		c.Kill()
		c.Wait()
		r.Close()
	})
	return c
}

// run starts the child and waits for it on one locked thread: Pdeathsig
// is sent when the thread that started the child ends, so that thread
// lives until the child is waited for.
func (c *Child) run() {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if err := c.cmd.Start(); err != nil {
		c.started <- err
		close(c.done)
		return
	}
	c.started <- nil
	c.err = childproc.Wait(c.cmd) // its group's leftovers killed as it ends
	c.cancel()
	close(c.done)
	c.out.SetReadDeadline(time.Now().Add(WaitDelay)) // a read waiting on a grandchild's pipe
}

// copy copies the child's output into Out's writer w and closes w (Out
// ends) at its end: EOF, or, once the child has ended, WaitDelay without
// a byte (a grandchild holding the pipe: cut). What the child wrote is
// all read first — the bound is re-armed before each read — and a reader
// that stopped reading (a killed child's test) holds only this copy,
// which ends when Out is closed.
func (c *Child) copy(w *os.File) {
	defer w.Close()
	defer c.out.Close()
	buf := make([]byte, 32<<10)
	for {
		select {
		case <-c.done:
			c.out.SetReadDeadline(time.Now().Add(WaitDelay))
		default:
		}
		n, err := c.out.Read(buf)
		if n > 0 {
			if _, werr := w.Write(buf[:n]); werr != nil {
				return // Out closed
			}
		}
		if errors.Is(err, os.ErrDeadlineExceeded) {
			c.cut.Store(true)
		}
		if err != nil {
			return
		}
	}
}

// Kill kills the child with SIGKILL, and the processes of its group (a
// tool it started and left), nothing if it has ended.
func (c *Child) Kill() {
	select {
	case <-c.done:
	default:
		childproc.KillGroup(c.cmd)
	}
}

// Wait waits for the child to end and returns how it ended (an
// *exec.ExitError unless it passed).
func (c *Child) Wait() error {
	<-c.done
	return c.err
}

// Done is closed when the child has ended.
func (c *Child) Done() <-chan struct{} { return c.done }

// Killed reports whether err, from Wait, says the child was killed by
// SIGKILL.
func Killed(err error) bool {
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		return false
	}
	ws, ok := ee.Sys().(syscall.WaitStatus)
	return ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL
}

// Run runs the test named test ("" for t.Name()) in a child process (as
// Start) to its end, and returns its output and how it ended
// (exec.ErrWaitDelay: it passed, but a grandchild held its output past
// WaitDelay).
func Run(t *testing.T, test string, env ...string) ([]byte, error) {
	t.Helper()
	c := Start(t, test, env...)
	var out strings.Builder
	buf := make([]byte, 32<<10)
	for {
		n, err := c.Out.Read(buf)
		out.Write(buf[:n])
		if err != nil {
			break
		}
	}
	err := c.Wait()
	if err == nil && c.cut.Load() {
		err = exec.ErrWaitDelay // as exec.Cmd.Wait says it
	}
	return []byte(out.String()), err
}

// Pass runs t's test in a child process (as Start) to its end and fails
// t with the child's output unless the child passed it.
func Pass(t *testing.T) {
	t.Helper()
	out, err := Run(t, "")
	if err != nil {
		t.Fatalf("child process: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Fatalf("child process ran no test:\n%s", out)
	}
}

// Output runs cmd — a child the test prepared itself: a copy of the test
// binary run as another user, the test binary under strace — to its end
// and returns its output (stdout and stderr), bounded as the package
// says: cmd's arguments that run a test binary (one starting -test.run)
// get the child's -test.timeout, the parent kills it at Bound's time,
// and it dies with the parent (its other SysProcAttr settings kept).
func Output(t *testing.T, cmd *exec.Cmd) ([]byte, error) {
	t.Helper()
	deadline, ok := t.Deadline()
	flags, kill := Bound(deadline, ok, time.Now())
	if slices.ContainsFunc(cmd.Args, func(a string) bool { return strings.HasPrefix(a, "-test.run") }) {
		cmd.Args = append(cmd.Args, flags...)
	}
	childproc.Bind(cmd) // a tracee of strace in its group, killed with it
	if cmd.WaitDelay == 0 {
		cmd.WaitDelay = WaitDelay // a grandchild holding the output
	}
	runtime.LockOSThread() // the starting thread lives until the child is waited for
	defer runtime.UnlockOSThread()
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out // one writer: exec writes it from one goroutine at a time
	cmd, err := start(cmd)              // a wrapper (strace) in a PID namespace of its own where it may
	if err != nil {
		return nil, err
	}
	return waitOutput(cmd, kill, &out)
}

// waitOutput waits for Output's started cmd, killing its group at kill
// (when set), and returns its output.
func waitOutput(cmd *exec.Cmd, kill time.Time, out *strings.Builder) ([]byte, error) {
	if !kill.IsZero() {
		timer := time.AfterFunc(time.Until(kill), func() { childproc.KillGroup(cmd) })
		defer timer.Stop()
	}
	err := childproc.Wait(cmd) // what the child left in its group (strace's tracee) killed as it ends
	return []byte(out.String()), err
}

// runPattern is the -test.run pattern of the test named test alone (a
// subtest's name level by level).
func runPattern(test string) string {
	var parts []string
	for _, p := range strings.Split(test, "/") {
		parts = append(parts, "^"+regexp.QuoteMeta(p)+"$")
	}
	return strings.Join(parts, "/")
}

// Bound is what a child process gets of its parent test's time, the
// parent's deadline given (ok false: none, -test.timeout=0): the child's
// own -test.timeout, eight tenths of the time left, and the time the
// parent kills it, nine tenths; without a deadline, neither.
func Bound(deadline time.Time, ok bool, now time.Time) (flags []string, kill time.Time) {
	if !ok {
		return nil, time.Time{}
	}
	left := deadline.Sub(now)
	return []string{"-test.timeout=" + max(left*8/10, time.Millisecond).String()}, now.Add(max(left*9/10, 2*time.Millisecond))
}
