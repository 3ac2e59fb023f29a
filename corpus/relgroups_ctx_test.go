package corpus

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"

	"github.com/vanban/vanban/corpus/cite"
	bolt "go.etcd.io/bbolt"
)

// endsAfter is a context that ends after its Err has been asked n times:
// a request cancelled while a loop runs, without a clock.
type endsAfter struct {
	context.Context
	n    atomic.Int64
	done chan struct{}
}

func newEndsAfter(n int64) *endsAfter {
	c := &endsAfter{Context: context.Background(), done: make(chan struct{})}
	c.n.Store(n)
	return c
}

func (c *endsAfter) Err() error {
	if c.n.Add(-1) >= 0 {
		return nil
	}
	select {
	case <-c.done:
	default:
		close(c.done)
	}
	return context.Canceled
}

func (c *endsAfter) Done() <-chan struct{} { return c.done }

// TestRelationGroupsContext: a request already cancelled gets its
// context's error from every Lược đồ read, and no groups; a context that
// ends after groupLinks has started stops its walk over the edges with
// the context's error (the edges of a decision 600 others are based on).
func TestRelationGroupsContext(t *testing.T) {
	const n = 600
	s := openTestStore(t, t.TempDir())
	if _, err := s.PutBatch(groupDocs(n)); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if gs, err := s.RelationGroups(ctx, "1579/QĐ-UBND", 3); !errors.Is(err, context.Canceled) || gs != nil {
		t.Errorf("RelationGroups cancelled: %d groups, %v", len(gs), err)
	}
	if g, err := s.RelationGroupPage(ctx, "1579/QĐ-UBND", true, cite.BasedOn, 0, 100); !errors.Is(err, context.Canceled) || len(g.Links) != 0 {
		t.Errorf("RelationGroupPage cancelled: %d links, %v", len(g.Links), err)
	}
	if _, gs, err := s.RelationsGrouped(ctx, "1579/QĐ-UBND"); !errors.Is(err, context.Canceled) || gs != nil {
		t.Errorf("RelationsGrouped cancelled: %d groups, %v", len(gs), err)
	}

	end := endOf("1579/QĐ-UBND")
	err := s.db.View(func(tx *bolt.Tx) error {
		links, total, err := groupLinks(context.Background(), tx, true, end, cite.BasedOn, 0, 5)
		if err != nil || total != n || len(links) != 5 {
			t.Fatalf("groupLinks: %d links of %d, %v; want 5 of %d", len(links), total, err, n)
		}
		// the look before the read passes; the first in the loop ends it
		ctx := newEndsAfter(1)
		links, total, err = groupLinks(ctx, tx, true, end, cite.BasedOn, 0, 5)
		if !errors.Is(err, context.Canceled) || links != nil || total != 0 {
			t.Errorf("groupLinks cancelled in its loop: %d links of %d, %v", len(links), total, err)
		}
		if left := ctx.n.Load(); left != -1 {
			t.Errorf("groupLinks asked its context %d times, want 2 (before the read, at edge %d)", 1-left, ctxEvery)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
