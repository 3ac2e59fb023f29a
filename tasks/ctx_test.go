package tasks

import (
	"context"
	"errors"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/internal/ctxtest"
	"github.com/vanban/vanban/internal/plangen"
)

// TestContext: over 130 plans implementing 15/NQ-HĐND (variants of the
// test's two plans, plangen), a request already cancelled gets
// context.Canceled from every read of the table; a context that ends
// while Passages walks the plans (match, a look every ctxEvery plans) or
// the tasks it counts stops it with context.Canceled.
func TestContext(t *testing.T) {
	const plans = 130 // three looks in match: plans 0, 64, 128
	s := openStore(t)
	putDocs(t, s, resolution)
	var docs []*corpus.Document
	for k := range plans {
		docs = append(docs, plangen.Variant([]*corpus.Document{provincePlan, districtPlan}[k%2], k))
	}
	if _, err := s.PutBatch(docs); err != nil {
		t.Fatal(err)
	}
	syncStore(t, s)
	tb := New(s, Options{})
	q := PassageQuery{Parent: "15/NQ-HĐND", Passages: []string{"1.1"}, Per: 5, Limit: 50}
	res, err := tb.Passages(context.Background(), q) // loads the table: Refresh asks no context after
	if err != nil {
		t.Fatal(err)
	}
	if res.Total < plans {
		t.Fatalf("%d tasks implement 15/NQ-HĐND, want at least one a plan (%d)", res.Total, plans)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := tb.Passages(ctx, q); !errors.Is(err, context.Canceled) {
		t.Errorf("Passages cancelled: %v", err)
	}
	if _, _, err := tb.Coverage(ctx, q.Parent); !errors.Is(err, context.Canceled) {
		t.Errorf("Coverage cancelled: %v", err)
	}
	if _, err := tb.Query(ctx, Filter{Parent: q.Parent}); !errors.Is(err, context.Canceled) {
		t.Errorf("Query cancelled: %v", err)
	}
	if err := tb.Each(ctx, Filter{}, MaxLimit, func(Row) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("Each cancelled: %v", err)
	}
	id := docs[0].ID
	if _, _, err := tb.Implementers(ctx, id); !errors.Is(err, context.Canceled) {
		t.Errorf("Implementers cancelled: %v", err)
	}

	for _, c := range []struct {
		name  string
		looks int64 // looks that pass
	}{{"in match, at plan 64", 1}, {"in match, at plan 128", 2}, {"counting the tasks, at the first", 3}} {
		ctx := ctxtest.New(c.looks)
		if res, err := tb.Passages(ctx, q); !errors.Is(err, context.Canceled) || res != nil {
			t.Errorf("Passages ending %s: %v", c.name, err)
		}
		if left := ctx.Left(); left != -1 {
			t.Errorf("Passages ending %s asked its context %d times, want %d", c.name, c.looks-left, c.looks+1)
		}
	}
	// A context that lasts: the whole answer, with every look made.
	ctx2 := ctxtest.New(100)
	if res2, err := tb.Passages(ctx2, q); err != nil || res2.Total != res.Total || res2.Shown != res.Shown {
		t.Errorf("Passages with a live context: %v", err)
	}
}
