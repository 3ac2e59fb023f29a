package graph

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/internal/ctxtest"
	bolt "go.etcd.io/bbolt"
)

// TestRelationGroupsContext: a request already cancelled gets its
// context's error from every Lược đồ read, and no groups; a context that
// ends after groupLinks has started stops its walk over the edges with
// the context's error (the edges of a decision 600 others are based on).
func TestRelationGroupsContext(t *testing.T) {
	const n = 600
	s := openTestDB(t)
	s.put(groupDocs(n)...)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if gs, err := s.groups(ctx, "1579/QĐ-UBND", 3); !errors.Is(err, context.Canceled) || gs != nil {
		t.Errorf("RelationGroups cancelled: %d groups, %v", len(gs), err)
	}
	if g, err := s.page(ctx, "1579/QĐ-UBND", true, cite.BasedOn, 0, 100); !errors.Is(err, context.Canceled) || len(g.Links) != 0 {
		t.Errorf("RelationGroupPage cancelled: %d links, %v", len(g.Links), err)
	}
	s.view(func(g Graph) error {
		if _, gs, err := g.RelationsGrouped(ctx, End("1579/QĐ-UBND")); !errors.Is(err, context.Canceled) || gs != nil {
			t.Errorf("RelationsGrouped cancelled: %d groups, %v", len(gs), err)
		}
		return nil
	})

	end := End("1579/QĐ-UBND")
	err := s.db.View(func(tx *bolt.Tx) error {
		links, total, err := groupLinks(context.Background(), tx, true, end, cite.BasedOn, 0, 5)
		if err != nil || total != n || len(links) != 5 {
			t.Fatalf("groupLinks: %d links of %d, %v; want 5 of %d", len(links), total, err, n)
		}
		// five links are five edges read: the look before the read only
		ctx := ctxtest.New(1)
		if links, total, err = groupLinks(ctx, tx, true, end, cite.BasedOn, 0, 5); err != nil || total != n || len(links) != 5 || ctx.Left() != 0 {
			t.Errorf("groupLinks of 5: %d links of %d, %v, %d looks; want 5 of %d after 1 look", len(links), total, err, ctx.Looks(1), n)
		}
		// the look before the read passes; the first in the loop ends it
		ctx = ctxtest.New(1)
		links, total, err = groupLinks(ctx, tx, true, end, cite.BasedOn, 0, n)
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

	// the effect: a cancelled context gets its error from DocEffect and
	// Effect; over 300 amending edges (a walk of ctxEvery and more), a
	// context that ends at the walk's first look stops it
	if _, err := s.effect(cancelled(), "1579/QĐ-UBND", time.Now()); !errors.Is(err, context.Canceled) {
		t.Errorf("Effect cancelled: %v", err)
	}
	id := docID(t, s, "1579/QĐ-UBND")
	if _, err := s.docEffect(cancelled(), id, time.Now()); !errors.Is(err, context.Canceled) {
		t.Errorf("DocEffect cancelled: %v", err)
	}
	s.put(amendDocs(300)...)
	if e, err := s.docEffect(context.Background(), id, time.Now()); err != nil || len(e.Changes) != 301 {
		t.Fatalf("DocEffect: %d changes, %v; want 301 (300 amendments and the repeal)", len(e.Changes), err)
	}
	// edgesAt looks every ctxEvery edges: a context ending at its first
	// look stops the walk over the 300 amendments at edge ctxEvery
	err = s.db.View(func(tx *bolt.Tx) error {
		late := ctxtest.New(0)
		edges, err := edgesAt(late, tx.Bucket(bucketRelTo), true, end, cite.Amends)
		if !errors.Is(err, context.Canceled) || edges != nil || late.Left() != -1 {
			t.Errorf("edgesAt ending in its walk: %d edges, %v after %d looks; want context.Canceled after 1", len(edges), err, late.Looks(0))
		}
		edges, err = edgesAt(context.Background(), tx.Bucket(bucketRelTo), true, end, cite.Amends)
		if err != nil || len(edges) != 300 {
			t.Errorf("edgesAt: %d edges, %v; want 300", len(edges), err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// DocEffect: one look before each kind's edges; the first passes
	late := ctxtest.New(1)
	if _, err := s.docEffect(late, id, time.Now()); !errors.Is(err, context.Canceled) || late.Left() != -1 {
		t.Errorf("DocEffect: %v after %d looks, want context.Canceled after 2", err, late.Looks(1))
	}
}

// TestGroupLinksOneLink: a link 600 documents state (1579/QĐ-UBND's
// trích yếu repeated in their căn cứ lines: 1579 implements 57-NQ/TW) is
// read from its first edge, the group's count saying it is the last; a
// store without counts reads all 600 edges for it.
func TestGroupLinksOneLink(t *testing.T) {
	const n = 600
	s := openTestDB(t)
	docs := []tdoc{decisionA}
	for i := range n {
		num := fmt.Sprintf("%d/QĐ-UBND", 4000+i)
		docs = append(docs, tdoc{ID: fmt.Sprintf("tk%04d", i), Number: num, Published: "2025-02-01",
			Title: "Quyết định số " + num + " về chuyển đổi số huyện",
			Body:  "Căn cứ Quyết định số 1579/QĐ-UBND ngày 05 tháng 7 năm 2024 của UBND tỉnh triển khai Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;\nĐiều 1. Giao nhiệm vụ.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký."})
	}
	s.put(docs...)
	end := End("1579/QĐ-UBND")
	read := func(when string, looks int64) {
		t.Helper()
		err := s.db.View(func(tx *bolt.Tx) error {
			ctx := ctxtest.New(1 << 20)
			links, total, err := groupLinks(ctx, tx, false, end, cite.Implements, 0, 10)
			if err != nil || total != 1 || len(links) != 1 || links[0].Key != "57-NQ/TW" || ctx.Looks(1<<20) != looks {
				t.Errorf("%s: %+v of %d, %v, %d looks; want 57-NQ/TW of 1 after %d", when, links, total, err, ctx.Looks(1<<20), looks)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	read("counted", 1)
	err := s.db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bucketRelCount) })
	if err != nil {
		t.Fatal(err)
	}
	read("without counts", 1+n/ctxEvery)
}

func cancelled() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}

func docID(t *testing.T, s *testDB, number string) string {
	t.Helper()
	var ids []string
	s.view(func(g Graph) error { ids = g.ByNumber(doctype.NumberKey(number)); return nil })
	if len(ids) != 1 {
		t.Fatalf("ByNumber(%s): %v", number, ids)
	}
	return ids[0]
}
