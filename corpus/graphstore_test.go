package corpus

import (
	"bytes"
	"context"
	"errors"
	"maps"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/graph"
	bolt "go.etcd.io/bbolt"
)

// The store's side of the graph: its writes (Put, PutBatch, MarkGone),
// upkeep (compaction, salvage, the rebuild on open) and reads (the Store's
// wrappers) keep and serve the graph corpus/graph's own tests check.

// The graph's buckets as its format names them (corpus/graph's graph.go
// and relcount.go): the store's tests write old or damaged values into
// them, as writeV1Store writes a version 1 store's buckets.
var (
	graphRefs, graphByKey       = []byte("refs"), []byte("bykey")
	graphRelTo, graphRelFrom    = []byte("relto"), []byte("relfrom")
	graphRelLink, graphRelCount = []byte("rellink"), []byte("relcount")
)

// checkRebuilt wants the graph the store's writes have kept equal to the
// one a rebuild from its live documents gives (rebuildGraph, in a write
// transaction rolled back after): every bucket's keys and values the
// same, a compressed refs value read the same when the two name different
// dictionaries (a compaction or salvage changed the store's). That the
// counts a rebuild keeps are those its edges give is corpus/graph's test
// (checkCounts, checkLinkCounts).
func checkRebuilt(t *testing.T, s *Store, when string) {
	t.Helper()
	errRollback := errors.New("rolled back")
	err := s.db.Update(func(tx *bolt.Tx) error {
		kept := snapshotTx(tx)
		if err := rebuildGraph(tx, s.recs(), nil); err != nil {
			return err
		}
		built := snapshotTx(tx)
		for _, name := range slices.Sorted(maps.Keys(built)) {
			if _, ok := kept[name]; !ok {
				t.Errorf("%s: bucket %q not kept, a rebuild makes it", when, name)
			}
		}
		for _, name := range slices.Sorted(maps.Keys(kept)) {
			a, b := kept[name], built[name]
			for k, v := range a {
				w, ok := b[k]
				switch {
				case !ok:
					t.Errorf("%s: %s %q kept, not rebuilt", when, name, k)
				case bytes.Equal(v, w):
				case graph.Compressed(v) && graph.Compressed(w):
					x, errx := graph.Decode(s.recs(), v, k)
					y, erry := graph.Decode(s.recs(), w, k)
					if errx != nil || erry != nil || !reflect.DeepEqual(x, y) {
						t.Errorf("%s: %s %q reads %+v (%v), rebuilt %+v (%v)", when, name, k, x, errx, y, erry)
					}
				default:
					t.Errorf("%s: %s %q kept %q, rebuilt %q", when, name, k, v, w)
				}
			}
			for k, w := range b {
				if _, ok := a[k]; !ok {
					t.Errorf("%s: %s %q rebuilt (%q), not kept", when, name, k, w)
				}
			}
		}
		return errRollback
	})
	if !errors.Is(err, errRollback) {
		t.Fatalf("%s: rebuild: %v", when, err)
	}
}

// snapshotTx copies the keys and values of every bucket of tx.
func snapshotTx(tx *bolt.Tx) map[string]map[string][]byte {
	out := map[string]map[string][]byte{}
	tx.ForEach(func(name []byte, b *bolt.Bucket) error {
		kv := map[string][]byte{}
		b.ForEach(func(k, v []byte) error {
			kv[string(k)] = bytes.Clone(v)
			return nil
		})
		out[string(name)] = kv
		return nil
	})
	return out
}

// checkStorePages reads a random page of every group of the Lược đồ of
// each key through the store and wants the group's links read in full
// from the offset, and the full read as long as the group's total.
func checkStorePages(t *testing.T, s *Store, keys []string, r *rand.Rand, when string) {
	t.Helper()
	ctx := context.Background()
	for _, key := range keys {
		gs, err := s.RelationGroups(ctx, key, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range gs {
			full, err := s.RelationGroupPage(ctx, key, g.In, g.Kind, 0, math.MaxInt)
			if err != nil {
				t.Fatal(err)
			}
			var all []string
			for _, l := range full.Links {
				all = append(all, l.Source+" "+l.Key+" "+l.Part)
			}
			off, lim := r.IntN(len(all)+1), 1+r.IntN(3)
			p, err := s.RelationGroupPage(ctx, key, g.In, g.Kind, off, lim)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range p.Links {
				got = append(got, l.Source+" "+l.Key+" "+l.Part)
			}
			want := all[off:min(off+lim, len(all))]
			if g.Total != len(all) || full.Total != len(all) || p.Total != len(all) || !slices.Equal(got, want) {
				t.Errorf("%s: %s %s in=%v from %d, %d: %q of %d (group %d), want %q of %d", when, key, g.Kind, g.In, off, lim, got, p.Total, g.Total, want, len(all))
			}
		}
	}
}

// TestGraphReadErrors: the Store's reads of the graph name corpus and
// what was asked in their errors, wrap the graph's (a damaged refs value,
// a damaged edge entry: corpus/graph's TestRefsValueDamaged and
// TestEdgeValueDamaged, whose "through the store" halves these were), and
// pass a cancelled request's context to the graph (its
// TestRelationGroupsContext, whose store half this was).
func TestGraphReadErrors(t *testing.T) {
	s := openTestStore(t, t.TempDir())
	r1 := *graphDocs[0]
	if _, err := s.PutBatch(append(groupDocs(3), &r1)); err != nil {
		t.Fatal(err)
	}
	b := *decisionB
	if _, err := s.Put(&b); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	c, cancel := context.WithCancel(ctx)
	cancel()
	if gs, err := s.RelationGroups(c, "1579/QĐ-UBND", 3); !errors.Is(err, context.Canceled) || gs != nil {
		t.Errorf("RelationGroups cancelled: %d groups, %v", len(gs), err)
	}
	if g, err := s.RelationGroupPage(c, "1579/QĐ-UBND", true, cite.BasedOn, 0, 100); !errors.Is(err, context.Canceled) || len(g.Links) != 0 {
		t.Errorf("RelationGroupPage cancelled: %d links, %v", len(g.Links), err)
	}
	if _, gs, err := s.RelationsGrouped(c, "1579/QĐ-UBND"); !errors.Is(err, context.Canceled) || gs != nil {
		t.Errorf("RelationsGrouped cancelled: %d groups, %v", len(gs), err)
	}
	if _, err := s.Effect(c, "1579/QĐ-UBND", time.Now()); !errors.Is(err, context.Canceled) {
		t.Errorf("Effect cancelled: %v", err)
	}
	if _, err := s.DocEffect(c, decisionA.ID, time.Now()); !errors.Is(err, context.Canceled) {
		t.Errorf("DocEffect cancelled: %v", err)
	}

	// a damaged refs value: an error naming the document
	err := s.db.Update(func(tx *bolt.Tx) error {
		return graph.RefsBucket(tx).Put([]byte("r1"), []byte{1, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f})
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Refs("r1"); err == nil || !strings.Contains(err.Error(), "refs of r1") || !errors.Is(err, graph.ErrRefsValue) {
		t.Errorf("Refs of a damaged value: %v", err)
	}
	// a damaged edge entry (qd2150 replaces 1579): an error naming the
	// number asked and the entry
	err = s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(graphRelTo)
		var key []byte
		b.ForEach(func(k, _ []byte) error {
			if bytes.HasPrefix(k, []byte("1579/")) && bytes.Contains(k, []byte("\x00replaces\x00qd2150\x00")) {
				key = bytes.Clone(k)
			}
			return nil
		})
		if key == nil {
			return errors.New("no edge of qd2150 at 1579")
		}
		return b.Put(key, b.Get(key)[:3])
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Relations("1579/QĐ-UBND"); err == nil || !strings.Contains(err.Error(), "relations of 1579/QĐ-UBND") ||
		!strings.Contains(err.Error(), "qd2150") || !errors.Is(err, graph.ErrEdgeValue) {
		t.Errorf("Relations of a damaged entry: %v", err)
	}
	if _, err := s.Effect(ctx, "1579/QĐ-UBND", time.Now()); err == nil || !errors.Is(err, graph.ErrEdgeValue) {
		t.Errorf("Effect of a damaged entry: %v", err)
	}
}
