package corpus

import (
	"context"
	"maps"
	"strconv"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/graph"
	bolt "go.etcd.io/bbolt"
)

// TestRelationCounts: the graph the store keeps (edges, link and group
// counts) equals what a rebuild from its documents gives after every
// change — documents stored, a second document stating the same links (an
// attached file of the same decision), a document whose new text no
// longer states its link, a document gone, the graph rebuilt on open —
// and the Lược đồ's totals are the links; a store without counts (older,
// opened read-only) counts by reading. That the counts are the links the
// edges give is corpus/graph's TestRelationCounts, the same steps on the
// graph alone.
func TestRelationCounts(t *testing.T) {
	const n = 40
	dir := t.TempDir()
	s := openTestStore(t, dir)
	docs := append(groupDocs(n), amendDocs(10)...)
	file := *docs[1] // 3000/QĐ-UBND's attached file: the same links
	file.URL += ".pdf"
	docs = append(docs, &file)
	if _, err := s.PutBatch(docs); err != nil {
		t.Fatal(err)
	}
	checkRebuilt(t, s, "stored")
	totals := func(when string, want map[cite.Relation]int) {
		t.Helper()
		gs, err := s.RelationGroups(context.Background(), "1579/QĐ-UBND", 2)
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

	changed := *docs[2] // 3001/QĐ-UBND no longer cites 1579
	changed.Body = "Điều 1. Giao nhiệm vụ.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký."
	if _, err := s.Put(&changed); err != nil {
		t.Fatal(err)
	}
	checkRebuilt(t, s, "a text changed")
	totals("a text changed", map[cite.Relation]int{cite.BasedOn: n - 1, cite.Amends: 10, cite.Repeals: 1})

	if _, err := s.MarkGone(file.ID); err != nil { // 3000's page still states its link
		t.Fatal(err)
	}
	checkRebuilt(t, s, "the file gone")
	totals("the file gone", map[cite.Relation]int{cite.BasedOn: n - 1, cite.Amends: 10, cite.Repeals: 1})
	for _, d := range []*Document{docs[1], docs[n+1]} { // 3000's page, the repeal
		if _, err := s.MarkGone(d.ID); err != nil {
			t.Fatal(err)
		}
	}
	checkRebuilt(t, s, "documents gone")
	totals("documents gone", map[cite.Relation]int{cite.BasedOn: n - 2, cite.Amends: 10})

	// a store without counts (of graph version 5, or 6 from a binary
	// before them) rebuilds its graph, counts with it, when opened to write
	kept := snapshotGraph(t, s) // what the rebuild on open must give again
	err := s.db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(graphRelCount) })
	if err != nil {
		t.Fatal(err)
	}
	totals("no counts", map[cite.Relation]int{cite.BasedOn: n - 2, cite.Amends: 10}) // read from the edges
	if g, err := s.RelationGroupPage(context.Background(), "1579/QĐ-UBND", true, cite.BasedOn, 30, 100); err != nil || g.Total != n-2 || len(g.Links) != n-2-30 {
		t.Errorf("no counts, a page from 30: %d links of %d, %v", len(g.Links), g.Total, err)
	}
	s.Close()
	s, err = OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkRebuilt(t, s, "rebuilt")
	sameGraph(t, kept, snapshotGraph(t, s), "rebuilt on open")
	totals("rebuilt", map[cite.Relation]int{cite.BasedOn: n - 2, cite.Amends: 10})
	err = s.db.View(func(tx *bolt.Tx) error {
		if v := string(tx.Bucket(bucketMeta).Get([]byte("graph"))); v != strconv.Itoa(graph.Version) {
			t.Errorf("graph version %s after the rebuild", v)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
