package graph

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/internal/graphdocs"
	bolt "go.etcd.io/bbolt"
)

// checkLinkCounts compares every link count the graph keeps (rellink)
// with the edges stating the link: one entry per link with edges, its
// count the number of those edges.
func checkLinkCounts(t *testing.T, s *testDB, when string) {
	t.Helper()
	want, got := map[string]int{}, map[string]int{}
	err := s.db.View(func(tx *bolt.Tx) error {
		for _, x := range []struct {
			b  []byte
			in bool
		}{{bucketRelTo, true}, {bucketRelFrom, false}} {
			err := tx.Bucket(x.b).ForEach(func(k, v []byte) error {
				end := string(k[:bytes.IndexByte(k, 0)])
				e, err := decodeEdge(k, v, end, x.in)
				if err != nil {
					return err
				}
				want[string(linkKey(x.in, end, &e))]++
				return nil
			})
			if err != nil {
				return err
			}
		}
		return tx.Bucket(bucketRelLink).ForEach(func(k, v []byte) error {
			got[string(k)] = readCount(v)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(got, want) {
		for k, n := range want {
			if got[k] != n {
				t.Errorf("%s: link %q: kept %d, %d edges", when, k, got[k], n)
			}
		}
		for k, n := range got {
			if _, ok := want[k]; !ok {
				t.Errorf("%s: link %q: kept %d, no edges", when, k, n)
			}
		}
	}
}

// randomRelDoc is graphdocs.RandomRel as the graph's tests write it.
func randomRelDoc(r *rand.Rand, i int) tdoc { return tdocOf(graphdocs.RandomRel(r, i)) }

// TestRelationCountsRandom applies random writes — batches (a document
// twice in one), single puts, a document put again unchanged or changed,
// gone documents and their return, a reopen of the file — and after each
// wants every kept count (rellink, relcount) equal to a recount from the
// edges, and a page of every group equal to a full walk. corpus's
// TestRelationCountsRandom writes through the store, with its compaction
// and salvage.
func TestRelationCountsRandom(t *testing.T) {
	const pool, steps = 16, 60
	for seed := range uint64(4) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 17))
			s := openTestDB(t)
			last := map[int]*tdoc{}
			for step := range steps {
				var what string
				switch op := r.IntN(10); {
				case op < 4:
					var batch []tdoc
					for range 1 + r.IntN(6) {
						i := r.IntN(pool)
						d := randomRelDoc(r, i)
						if r.IntN(4) == 0 && last[i] != nil {
							d = *last[i] // again, unchanged
						}
						batch = append(batch, d)
						last[i] = &d
					}
					what = fmt.Sprintf("a batch of %d", len(batch))
					s.put(batch...)
				case op < 6:
					i := r.IntN(pool)
					d := randomRelDoc(r, i)
					last[i] = &d
					what = "put " + d.ID
					s.put(d)
				case op < 9:
					i := r.IntN(pool)
					if last[i] == nil {
						continue
					}
					what = "gone " + last[i].ID
					s.gone(last[i].ID)
				default:
					what = "reopened"
					s.reopen()
				}
				when := fmt.Sprintf("step %d, %s", step, what)
				checkCounts(t, s, when)
				checkLinkCounts(t, s, when)
				checkGroupPages(t, s, r, when)
				if t.Failed() {
					return
				}
			}
			var links, groups int
			s.update(func(tx *bolt.Tx) error {
				links, groups = tx.Bucket(bucketRelLink).Stats().KeyN, tx.Bucket(bucketRelCount).Stats().KeyN
				return nil
			})
			t.Logf("%d links in %d groups at the end", links, groups)
		})
	}
}

// checkGroupPages reads a random page of every group the store counts and
// wants what a walk over all its edges gives: the total, and the links
// from the offset, named by their stating document and part.
func checkGroupPages(t *testing.T, s *testDB, r *rand.Rand, when string) {
	t.Helper()
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketRelCount).ForEach(func(k, _ []byte) error {
			in := k[0] == 'i'
			end, kind, _ := strings.Cut(string(k[1:]), "\x00")
			b := tx.Bucket(bucketRelFrom)
			if in {
				b = tx.Bucket(bucketRelTo)
			}
			var all []string
			seen := map[string]bool{}
			err := eachEdge(context.Background(), b, in, end, cite.Relation(kind), func(e *Edge) bool {
				if lk := string(linkKey(in, end, e)); !seen[lk] {
					seen[lk] = true
					all = append(all, e.Doc+" "+e.Part)
				}
				return true
			})
			if err != nil {
				return err
			}
			off, lim := r.IntN(len(all)+1), 1+r.IntN(3)
			links, total, err := groupLinks(context.Background(), tx, in, end, cite.Relation(kind), off, lim)
			if err != nil {
				return err
			}
			var got []string
			for _, l := range links {
				got = append(got, l.Source+" "+l.Part)
			}
			want := all[off:min(off+lim, len(all))]
			if total != len(all) || !slices.Equal(got, want) {
				t.Errorf("%s: group %q from %d, %d: %q of %d, want %q of %d", when, k, off, lim, got, total, want, len(all))
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestLinkTallyFlush: a tally flushed in the middle of a transaction (a
// rebuild flushes every rebuildFlush documents) reads what it wrote back
// when the same links come again: edges written, flushed, some of them
// removed and others added, flushed again leave the counts a recount
// gives.
func TestLinkTallyFlush(t *testing.T) {
	s := openTestDB(t)
	docs := append(groupDocs(6), amendDocs(4)...)
	var graphs [][]Edge
	for _, d := range docs {
		graphs = append(graphs, d.entry().Edges)
	}
	s.update(func(tx *bolt.Tx) error {
		tl := NewTally()
		step := func(i int, del bool) error { return putEdges(tx, docs[i].ID, graphs[i], del, tl) }
		for i := range docs {
			if err := step(i, false); err != nil {
				return err
			}
		}
		if err := tl.Flush(tx); err != nil {
			return err
		}
		for _, i := range []int{1, 2, 8} { // two căn cứ of 1579 and an amendment gone
			if err := step(i, true); err != nil {
				return err
			}
		}
		if err := step(2, false); err != nil { // one back
			return err
		}
		return tl.Flush(tx)
	})
	checkCounts(t, s, "flushed twice")
	checkLinkCounts(t, s, "flushed twice")
	gs, err := s.groups(context.Background(), "1579/QĐ-UBND", 0)
	if err != nil {
		t.Fatal(err)
	}
	got := map[cite.Relation]int{}
	for _, g := range gs {
		if g.In {
			got[g.Kind] = g.Total
		}
	}
	if want := map[cite.Relation]int{cite.BasedOn: 5, cite.Amends: 3, cite.Repeals: 1}; !maps.Equal(got, want) {
		t.Errorf("in-groups %v, want %v", got, want)
	}
}
