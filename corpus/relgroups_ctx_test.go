package corpus

import (
	"context"
	"errors"
	"testing"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/internal/ctxtest"
	bolt "go.etcd.io/bbolt"
)

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
		ctx := ctxtest.New(1)
		links, total, err = groupLinks(ctx, tx, true, end, cite.BasedOn, 0, 5)
		if !errors.Is(err, context.Canceled) || links != nil || total != 0 {
			t.Errorf("groupLinks cancelled in its loop: %d links of %d, %v", len(links), total, err)
		}
		if left := ctx.Left(); left != -1 {
			t.Errorf("groupLinks asked its context %d times, want 2 (before the read, at edge %d)", 1-left, ctxEvery)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
