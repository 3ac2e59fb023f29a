package corpus

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus/internal/graphdocs"
)

// randomRelDoc is graphdocs.RandomRel stored as a crawled page.
func randomRelDoc(r *rand.Rand, i int) *Document { return crawled(graphdocs.RandomRel(r, i)) }

// TestRelationCountsRandom applies random writes — batches (a document
// twice in one), single puts, a document put again unchanged or changed,
// gone documents and their return, a compaction, a reopen, a salvage —
// and after each wants the graph the store keeps (edges and every kept
// count: rellink, relcount) equal to a rebuild's from its documents, and
// a random page of every group of the pool's numbers equal to the group
// read in full. corpus/graph's TestRelationCountsRandom checks the counts
// against a recount from the edges, and the pages against a walk over
// them, after random writes to the graph alone.
func TestRelationCountsRandom(t *testing.T) {
	const pool, steps = 16, 60
	for seed := range uint64(4) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 17))
			dir := t.TempDir()
			s, err := OpenStore(dir, false, time.Second)
			if err != nil {
				t.Fatal(err)
			}
			defer func() { s.Close() }()
			last := map[int]*Document{}
			for step := range steps {
				var what string
				switch op := r.IntN(10); {
				case op < 4:
					var batch []*Document
					for range 1 + r.IntN(6) {
						i := r.IntN(pool)
						d := randomRelDoc(r, i)
						if r.IntN(4) == 0 && last[i] != nil {
							c := *last[i] // again, unchanged
							d = &c
						}
						batch = append(batch, d)
						last[i] = d
					}
					what = fmt.Sprintf("a batch of %d", len(batch))
					_, err = s.PutBatch(batch)
				case op < 6:
					i := r.IntN(pool)
					d := randomRelDoc(r, i)
					last[i] = d
					what = "put " + d.URL
					_, err = s.Put(d)
				case op < 8:
					i := r.IntN(pool)
					if last[i] == nil {
						continue
					}
					what = "gone " + last[i].URL
					_, err = s.MarkGone(last[i].ID)
				case op < 9:
					what = "compacted"
					_, _, err = s.Compact(context.Background())
				case r.IntN(2) == 0:
					what = "reopened"
					if err = s.Close(); err == nil {
						s, err = OpenStore(dir, false, time.Second)
					}
				default:
					what = "salvaged"
					if err = s.Close(); err == nil {
						if _, err = Salvage(context.Background(), dir, nil); err == nil {
							s, err = OpenStore(dir, false, time.Second)
						}
					}
				}
				if err != nil {
					t.Fatalf("step %d, %s: %v", step, what, err)
				}
				when := fmt.Sprintf("step %d, %s", step, what)
				checkRebuilt(t, s, when)
				checkStorePages(t, s, relKeys(last), r, when)
				if t.Failed() {
					return
				}
			}
			t.Logf("%d links in %d groups at the end", len(snapshotBucket(t, s, graphRelLink)), len(snapshotBucket(t, s, graphRelCount)))
		})
	}
}

// relKeys are the numbers the documents of TestRelationCountsRandom's
// pool state relations to or carry, and "#ID" of those without number,
// sorted.
func relKeys(last map[int]*Document) []string {
	keys := []string{"1579/QĐ-UBND", "154/NQ-CP", "9001/QĐ-UBND", "9002/QĐ-UBND", "9003/QĐ-UBND", "45/KH-UBND"}
	for _, d := range last {
		switch {
		case d.Number != "":
			keys = append(keys, d.Number)
		case d.ID != "":
			keys = append(keys, "#"+d.ID)
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}
