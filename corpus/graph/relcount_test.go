package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"maps"
	"testing"

	"github.com/vanban/vanban/corpus/cite"
	bolt "go.etcd.io/bbolt"
)

// checkCounts compares every group count the graph keeps (relcount) with
// the links its edges give, read in full: one for each group with edges,
// none for a group without.
func checkCounts(t *testing.T, s *testDB, when string) {
	t.Helper()
	want, got := map[string]int{}, map[string]int{}
	err := s.db.View(func(tx *bolt.Tx) error {
		for _, x := range []struct {
			b  []byte
			in bool
		}{{bucketRelTo, true}, {bucketRelFrom, false}} {
			seen := map[string]bool{}
			err := tx.Bucket(x.b).ForEach(func(k, v []byte) error {
				end := string(k[:bytes.IndexByte(k, 0)])
				e, err := decodeEdge(k, v, end, x.in)
				if err != nil {
					return err
				}
				if lk := string(linkKey(x.in, end, &e)); !seen[lk] {
					seen[lk] = true
					want[string(groupKey(x.in, end, e.Kind))]++
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		b := tx.Bucket(bucketRelCount)
		if b == nil {
			t.Errorf("%s: no group counts", when)
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			got[string(k)] = readCount(v)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(got, want) {
		t.Errorf("%s: %d group counts kept, %d groups in the edges", when, len(got), len(want))
		for k, n := range want {
			if got[k] != n {
				t.Errorf("%s: group %q: kept %d, edges give %d", when, k, got[k], n)
			}
		}
		for k, n := range got {
			if _, ok := want[k]; !ok {
				t.Errorf("%s: group %q: kept %d, no edges", when, k, n)
			}
		}
	}
}

// TestRelationCounts: the group counts kept with the edges equal the
// links the edges give after every change — documents written, a second
// document stating the same links (an attached file of the same
// decision), a document whose new text no longer states its link, a
// document gone, the graph rebuilt (Reset, every live document written
// again, the tally flushed, as corpus's rebuild) — and the Lược đồ's
// totals are them; a graph without counts (older, read without upgrade)
// counts by reading. corpus's TestRelationCounts does the same through
// the store (PutBatch, MarkGone, a rebuild on open).
func TestRelationCounts(t *testing.T) {
	const n = 40
	s := openTestDB(t)
	docs := append(groupDocs(n), amendDocs(10)...)
	file := docs[1] // 3000/QĐ-UBND's attached file: the same links
	file.ID += "-pdf"
	docs = append(docs, file)
	s.put(docs...)
	checkCounts(t, s, "stored")
	totals := func(when string, want map[cite.Relation]int) {
		t.Helper()
		gs, err := s.groups(context.Background(), "1579/QĐ-UBND", 2)
		if err != nil {
			t.Fatal(err)
		}
		got := map[cite.Relation]int{}
		for _, g := range gs {
			if g.In {
				got[g.Kind] = g.Total
			}
		}
		if !maps.Equal(got, want) {
			t.Errorf("%s: in-groups %v, want %v", when, got, want)
		}
	}
	totals("stored", map[cite.Relation]int{cite.BasedOn: n, cite.Amends: 10, cite.Repeals: 1})

	changed := docs[2] // 3001/QĐ-UBND no longer cites 1579
	changed.Body = "Điều 1. Giao nhiệm vụ.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký."
	s.put(changed)
	docs[2] = changed
	checkCounts(t, s, "a text changed")
	totals("a text changed", map[cite.Relation]int{cite.BasedOn: n - 1, cite.Amends: 10, cite.Repeals: 1})

	s.gone(file.ID) // 3000's page still states its link
	checkCounts(t, s, "the file gone")
	totals("the file gone", map[cite.Relation]int{cite.BasedOn: n - 1, cite.Amends: 10, cite.Repeals: 1})
	s.gone(docs[1].ID, docs[n+1].ID) // 3000's page, the repeal
	checkCounts(t, s, "documents gone")
	totals("documents gone", map[cite.Relation]int{cite.BasedOn: n - 2, cite.Amends: 10})

	s.update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bucketRelCount) })
	totals("no counts", map[cite.Relation]int{cite.BasedOn: n - 2, cite.Amends: 10}) // read from the edges
	if g, err := s.page(context.Background(), "1579/QĐ-UBND", true, cite.BasedOn, 30, 100); err != nil || g.Total != n-2 || len(g.Links) != n-2-30 {
		t.Errorf("no counts, a page from 30: %d links of %d, %v", len(g.Links), g.Total, err)
	}

	// the rebuild: every live document again, the tally flushed every few
	live := append(docs[:1:1], docs[2:n+1]...)
	live = append(live, docs[n+2:len(docs)-1]...)
	s.update(func(tx *bolt.Tx) error {
		if err := Reset(tx); err != nil {
			return err
		}
		tl := NewTally()
		for i, d := range live {
			if i%7 == 6 {
				if err := tl.Flush(tx); err != nil {
					return err
				}
			}
			v := d.entry()
			if err := Of(tx, s.c).Put(d.ID, &v, nil, tl, nil); err != nil {
				return err
			}
		}
		return tl.Flush(tx)
	})
	checkCounts(t, s, "rebuilt")
	totals("rebuilt", map[cite.Relation]int{cite.BasedOn: n - 2, cite.Amends: 10})
}

// TestEdgeLink: an entry's link bytes are equal for its binary and JSON
// forms and for edges that differ only in what a link does not say
// (date, flags, stating document), and differ with the other end, its key
// as written or the part.
func TestEdgeLink(t *testing.T) {
	for _, c := range edgeCases(t) {
		end := c.e.From
		if c.to {
			end = c.e.To
		}
		key := edgeKey(end, c.e.Kind, c.doc, 3)
		link := func(e Edge, asJSON bool) string {
			t.Helper()
			raw := edgeValue(&e, c.doc, c.to)
			if asJSON {
				raw, _ = json.Marshal(e)
			}
			b, err := edgeLink(nil, key, raw, end, c.to)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			return string(b)
		}
		base := link(c.e, false)
		if j := link(c.e, true); j != base {
			t.Errorf("%s: JSON entry's link %q, binary's %q", c.name, j, base)
		}
		same := c.e
		same.Effective, same.Approx, same.Partial, same.Doc = "2030-01-01", !same.Approx, !same.Partial, "elsewhere"
		if l := link(same, false); l != base {
			t.Errorf("%s: another date, flags and document give link %q, want %q", c.name, l, base)
		}
		for _, other := range []func(*Edge){
			func(e *Edge) { e.Part += " khoản 9" },
			func(e *Edge) { e.FromKey += "x"; e.ToKey += "x" },
			func(e *Edge) { e.From += "9"; e.To += "9" },
		} {
			e := c.e
			other(&e)
			if e.From == end || e.To == end { // the key's end stays
				if c.to {
					e.To = c.e.To
				} else {
					e.From = c.e.From
				}
			}
			if l := link(e, false); l == base {
				t.Errorf("%s: %+v gives the same link as %+v", c.name, e, c.e)
			}
		}
	}
	if _, err := edgeLink(nil, []byte("a\x00amends\x00d\x001"), []byte{edgeBin, 0, 5, 'a'}, "a", true); err == nil {
		t.Error("a truncated entry names a link")
	}
}
