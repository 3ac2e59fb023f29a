package corpus

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// randomRelDoc is one version of document i of a small pool: a few
// clauses, each a relation to one of a few numbers (some of them the
// pool's own), with or without a part, so that links are shared between
// documents and within one, and a version may state, drop or change them.
func randomRelDoc(r *rand.Rand, i int) *Document {
	targets := []string{"1579/QĐ-UBND", "154/NQ-CP", "9001/QĐ-UBND", "9002/QĐ-UBND", "9003/QĐ-UBND", "45/KH-UBND"}
	own := ""
	switch i % 4 {
	case 0, 1: // two documents of one number: a page and its attached file
		own = fmt.Sprintf("900%d/QĐ-UBND", 1+i/4%3)
	case 2:
		own = fmt.Sprintf("%d/KH-UBND", 500+i)
	}
	var b strings.Builder
	for range r.IntN(5) {
		tg := targets[r.IntN(len(targets))]
		if tg == own {
			continue
		}
		switch r.IntN(6) {
		case 0:
			fmt.Fprintf(&b, "Căn cứ Quyết định số %s ngày 05 tháng 7 năm 2024 của UBND tỉnh;\n", tg)
		case 1:
			fmt.Fprintf(&b, "Thực hiện Nghị quyết số %s của Chính phủ, UBND tỉnh ban hành Kế hoạch.\n", tg)
		case 2:
			fmt.Fprintf(&b, "Điều %d. Sửa đổi khoản %d Điều %d Quyết định số %s ngày 05 tháng 7 năm 2024 của UBND tỉnh.\n", 1+r.IntN(3), 1+r.IntN(2), 1+r.IntN(3), tg)
		case 3:
			fmt.Fprintf(&b, "Điều 2. Bãi bỏ Quyết định số %s ngày 05 tháng 7 năm 2024 của UBND tỉnh.\n", tg)
		case 4:
			fmt.Fprintf(&b, "Điều 3. Quyết định này thay thế Quyết định số %s.\n", tg)
		default:
			fmt.Fprintf(&b, "Theo Quyết định số %s, các sở báo cáo.\n", tg)
		}
	}
	b.WriteString("Điều 4. Quyết định này có hiệu lực kể từ ngày ký.")
	title := "Quyết định về hạ tầng dữ liệu"
	if own != "" {
		title = "Quyết định số " + own + " về hạ tầng dữ liệu"
	}
	return &Document{URL: fmt.Sprintf("https://phuan.example/r/%d", i), Type: "Quyết định", Number: own,
		Published: "2025-01-0" + fmt.Sprint(1+r.IntN(9)), Title: title, Body: b.String()}
}

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
						if _, err = Salvage(context.Background(), dir); err == nil {
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
