// Package ctxtest holds a context for tests of cancellation that need no
// clock: it ends after a given number of looks at its Err, so a test can
// end a request at any point of a loop, the same on every run.
package ctxtest

import (
	"context"
	"sync"
	"sync/atomic"
)

// EndsAfter is a context that ends after its Err has been asked n times:
// a request cancelled (a client that leaves) while the work runs. Its Done
// closes when it ends.
type EndsAfter struct {
	context.Context
	n    atomic.Int64
	once sync.Once
	done chan struct{}
}

// New returns a context whose Err answers nil n times, then
// context.Canceled.
func New(n int64) *EndsAfter {
	c := &EndsAfter{Context: context.Background(), done: make(chan struct{})}
	c.n.Store(n)
	return c
}

// Err answers nil while looks are left, then context.Canceled (closing
// Done the first time).
func (c *EndsAfter) Err() error {
	if c.n.Add(-1) >= 0 {
		return nil
	}
	c.once.Do(func() { close(c.done) })
	return context.Canceled
}

// Done closes when the context has ended.
func (c *EndsAfter) Done() <-chan struct{} { return c.done }

// Looks is how many times Err was asked of a context made by New(from).
func (c *EndsAfter) Looks(from int64) int64 { return from - c.n.Load() }

// Left is how many more looks answer nil; -1 after exactly one look past
// the end (a loop that stopped at the first look that ended it).
func (c *EndsAfter) Left() int64 { return c.n.Load() }
