package corpus

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus/graph"
	"github.com/vanban/vanban/internal/childtest"
	bolt "go.etcd.io/bbolt"
)

// urlKillBatch is the batch of TestUpgradeKill9URLMoves: 57 records
// make fifteen batches of each walk, the sixteen records to move four.
const urlKillBatch = 4

// writeURLMoveSource writes, in dir, a format 5 store whose graph and
// task table an older binary built, holding records under tracking URLs'
// IDs of every kind the URL moves know (urlids.go): eleven plans to move
// (their canonical IDs free), one with a file attached, a tracking copy of
// a stored page (retired), a copy whose canonical record holds another
// text (kept beside), two fetches of one page (the newer moves), a
// tombstone (left), beside 40 made-up decisions. Small: built in a second.
func writeURLMoveSource(t *testing.T, dir string) {
	t.Helper()
	docs := genDocs(59, 40)
	for _, d := range docs {
		d.ID = legacyID(d.URL)
	}
	u := func(p string) string { return "https://sotttt.example.gov.vn/tin-tuc/" + p }
	at := time.Date(2019, 3, 4, 8, 0, 0, 0, time.UTC)
	for i := range 11 {
		l := u(fmt.Sprintf("ke-hoach-%d.html?utm_source=zalo&utm_medium=social", 60+i))
		docs = append(docs, &Document{ID: legacyID(l), URL: l, Site: "sotttt", FetchedAt: at.Add(time.Duration(i) * time.Hour),
			Type: "Kế hoạch", Number: fmt.Sprintf("%d/KH-UBND", 60+i), Title: fmt.Sprintf("Kế hoạch số %d/KH-UBND", 60+i),
			Body: fmt.Sprintf("Triển khai Quyết định số %d/QĐ-UBND của Ủy ban nhân dân tỉnh. 1. Sở Thông tin và Truyền thông chủ trì tổ chức thực hiện trước ngày 30/6.", 100+i)})
	}
	file := u("files/kh60.pdf")
	docs = append(docs, &Document{ID: legacyID(file), URL: file, Site: "sotttt", FetchedAt: at, Title: "kh60.pdf",
		Body: "Phụ lục: danh mục nhiệm vụ chuyển đổi số năm 2019.", Parent: docs[40].ID})
	twin, twinShared := u("thong-bao-46.html"), u("thong-bao-46.html?fbclid=IwAR0abc")
	kept, keptShared := u("huong-dan-47.html"), u("huong-dan-47.html?utm_campaign=thang3")
	oldPage, newPage := u("thong-bao-21.html?utm_source=zalo"), u("thong-bao-21.html?fbclid=IwAR7")
	gone := u("tin-48.html?utm_source=zalo")
	docs = append(docs,
		&Document{ID: legacyID(twin), URL: twin, Site: "sotttt", FetchedAt: at, Title: "Thông báo số 46/TB-UBND", Body: "Lịch tiếp công dân tháng 3."},
		&Document{ID: legacyID(twinShared), URL: twinShared, Site: "sotttt", FetchedAt: at, Title: "Thông báo số 46/TB-UBND", Body: "Lịch tiếp công dân tháng 3."},
		&Document{ID: legacyID(kept), URL: kept, Site: "sotttt", FetchedAt: at, Title: "Hướng dẫn số 47/HD-STTTT", Body: "Hướng dẫn nộp hồ sơ trực tuyến."},
		&Document{ID: legacyID(keptShared), URL: keptShared, Site: "sotttt", FetchedAt: at, Title: "Hướng dẫn số 47/HD-STTTT", Body: "Hướng dẫn nộp hồ sơ trực tuyến (bản tóm tắt)."},
		&Document{ID: legacyID(oldPage), URL: oldPage, Site: "sotttt", FetchedAt: at, Title: "Thông báo số 21/TB-STTTT", Body: "Lịch trực tháng 3: thứ Hai."},
		&Document{ID: legacyID(newPage), URL: newPage, Site: "sotttt", FetchedAt: at.Add(48 * time.Hour), Title: "Thông báo số 21/TB-STTTT", Body: "Lịch trực tháng 3: thứ Ba (đã điều chỉnh)."},
		&Document{ID: legacyID(gone), URL: gone, Site: "sotttt", FetchedAt: at, Title: "Tin số 48", Body: "Tin đã gỡ.", Gone: true},
	)
	writeFormat(t, dir, "5", docs...)
	db, err := bolt.Open(storeFile(dir), 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if err := meta.Put([]byte("graph"), []byte(strconv.Itoa(graph.Version-1))); err != nil {
			return err
		}
		return meta.Put([]byte("tasks"), []byte("1/1"))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestUpgradeKill9URLMoves: the upgrade of a format 5 store whose graph
// an older binary built moves the records of tracking URLs (urlids.go)
// in committed batches after the task marks — a walk finding them, their
// moves, a walk pointing the files of moved articles at them — and,
// killed with SIGKILL after any transaction from the marks' last to the
// upgrade's last, leaves a store a read-only open serves as format 5
// under the upgrading mark, that CheckStore finds sound at step 4 of 4,
// and that the next read-write open finishes to exactly the buckets an
// uninterrupted upgrade makes — which are also the one-transaction
// upgrade's, and hold the moves. The child is the test binary run again
// (TestUpgradeKill9's harness).
func TestUpgradeKill9URLMoves(t *testing.T) {
	if childtest.In(t, "") {
		at, err := strconv.Atoi(os.Getenv("VANBAN_UPGRADE_KILL_AT"))
		if err != nil {
			fmt.Println("error", err)
			os.Exit(2)
		}
		_, err = Open(t.Context(), os.Getenv("VANBAN_UPGRADE_KILL"), OpenOptions{batch: urlKillBatch, afterBatch: func(n int) {
			if n == at {
				if err := childtest.KillSelf(); err != nil {
					fmt.Println("kill:", err)
				}
			}
		}})
		fmt.Println("not killed:", err)
		os.Exit(3)
	}
	if testing.Short() {
		t.Skip("skipping subprocess test in -short mode")
	}
	childtest.SkipWithoutKill(t)
	src := t.TempDir()
	writeURLMoveSource(t, src)
	raw, err := os.ReadFile(storeFile(src))
	if err != nil {
		t.Fatal(err)
	}
	copyTo := func(t *testing.T) string {
		dir := t.TempDir()
		if err := os.WriteFile(storeFile(dir), raw, 0o644); err != nil {
			t.Fatal(err)
		}
		return dir
	}

	// the uninterrupted upgrade; tasksEnd: the transaction that ends the
	// task marks (reports their step's end)
	batches, tasksEnd := 0, 0
	ref, err := Open(t.Context(), copyTo(t), OpenOptions{batch: urlKillBatch, afterBatch: func(n int) { batches = n },
		Progress: func(p Progress) {
			if p.Step == StepTasks && p.Done == p.Total {
				tasksEnd = batches + 1
			}
		}})
	if err != nil {
		t.Fatal(err)
	}
	want := dumpStore(t, ref)
	ref.Close()
	if want["meta/version"] != strconv.Itoa(storeVersion) || want["meta/"+string(metaUpgrade)] != "" {
		t.Fatalf("the uninterrupted upgrade: format %q, progress record %q", want["meta/version"], want["meta/"+string(metaUpgrade)])
	}
	sameDump(t, "the upgrade in batches against the one-transaction upgrade", want, upgradedAtOnce(t, raw, "5"))
	checkURLMoves(t, ref.Path())
	// the walk finding the records to move (57 records: 15 batches), the
	// moves (16: 4), the walk for the files (15), each its last batch's
	// transaction the next pass's first
	if tasksEnd == 0 || batches < tasksEnd+30 {
		t.Fatalf("premise: the task marks ended in transaction %d, the upgrade's last is %d; want the URL moves in 30 batches or more after the marks (before: in the last transaction)", tasksEnd, batches+1)
	}

	kills := []int{tasksEnd - 1, tasksEnd, tasksEnd + 1}
	for at := tasksEnd + 5; at < batches; at += 4 {
		kills = append(kills, at)
	}
	passes := map[string]bool{} // the URL moves' passes the kills stopped in
	for _, at := range append(kills, batches) {
		t.Run("after "+strconv.Itoa(at), func(t *testing.T) {
			dir := copyTo(t)
			out, err := childtest.Run(t, "TestUpgradeKill9URLMoves", "VANBAN_UPGRADE_KILL="+dir, "VANBAN_UPGRADE_KILL_AT="+strconv.Itoa(at))
			if !childtest.Killed(err) {
				t.Fatalf("child: %v, want killed by SIGKILL\n%s", err, out)
			}
			ro, err := Open(t.Context(), dir, OpenOptions{ReadOnly: true})
			if err != nil {
				t.Fatalf("read-only open of the half-upgraded store: %v", err)
			}
			half := dumpStore(t, ro)
			ro.Close()
			if v := half["meta/version"]; halfUpgradedFrom(v) != "5" {
				t.Errorf("read-only open: format %q, want 5 under this binary's upgrading mark", v)
			}
			record := half["meta/"+string(metaUpgrade)]
			inURLs := strings.Contains(record, `"pass":"`+passURLScan+`"`) || strings.Contains(record, `"pass":"`+passURLMove+`"`) || strings.Contains(record, `"pass":"`+passURLChildren+`"`)
			for _, p := range []string{passURLScan, passURLMove, passURLChildren} {
				if strings.Contains(record, `"pass":"`+p+`"`) {
					passes[p] = true
				}
			}
			if at >= tasksEnd && !inURLs {
				t.Errorf("killed after the task marks: progress record %s, want one of the URL moves' passes", record)
			}
			if at >= tasksEnd && half["meta/tasks"] == "" {
				t.Errorf("killed after the task marks: the task table has no stamp")
			}
			rep, err := CheckStore(t.Context(), dir)
			if err != nil || !rep.OK() || rep.Upgrade == nil {
				t.Fatalf("check of the half-upgraded store: %v, %+v; want sound, an upgrade under way", err, rep)
			}
			if u := rep.Upgrade; at >= tasksEnd && (u.Step != StepURLIDs || u.StepNo != 4 || u.Steps != 4 || !strings.Contains(u.Run, "goes on from there")) {
				t.Errorf("check of the half-upgraded store: %+v (%s); want step 4 of 4, %q, going on from there", u, u, StepURLIDs)
			}
			s, err := Open(t.Context(), dir, OpenOptions{batch: 3})
			if err != nil {
				t.Fatalf("read-write open after the kill: %v", err)
			}
			defer s.Close()
			sameDump(t, "resumed after a kill after transaction "+strconv.Itoa(at), dumpStore(t, s), want)
		})
	}
	if len(passes) != 3 {
		t.Errorf("premise: the kills stopped the upgrade in the URL moves' passes %v, want in each of the three", passes)
	}
}

// checkURLMoves checks, in the dump of writeURLMoveSource upgraded, that
// the URL moves were made: a moved plan live at its canonical ID and a
// tombstone at its old one, the attached file pointing at it, the tracking
// copy retired, the other text kept beside, the newer fetch moved.
func checkURLMoves(t *testing.T, path string) {
	t.Helper()
	s, err := Open(t.Context(), strings.TrimSuffix(path, "/store.db"), OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	u := func(p string) string { return "https://sotttt.example.gov.vn/tin-tuc/" + p }
	get := func(id string) *Document {
		t.Helper()
		d, err := s.Get(id)
		if err != nil {
			t.Fatalf("get %s: %v", id, err)
		}
		return d
	}
	plan := u("ke-hoach-60.html?utm_source=zalo&utm_medium=social")
	if d := get(IDForURL(plan)); d.Gone || d.Title != "Kế hoạch số 60/KH-UBND" || !get(legacyID(plan)).Gone {
		t.Errorf("the plan to move: %+v at its canonical ID, want it live there and a tombstone at its old ID", d)
	}
	if d := get(legacyID(u("files/kh60.pdf"))); d.Parent != IDForURL(plan) {
		t.Errorf("the attached file's parent %q, want the moved plan %q", d.Parent, IDForURL(plan))
	}
	if !get(legacyID(u("thong-bao-46.html?fbclid=IwAR0abc"))).Gone || get(legacyID(u("thong-bao-46.html"))).Gone {
		t.Error("the tracking copy of a stored page: want it retired, the page live")
	}
	if d := get(legacyID(u("huong-dan-47.html?utm_campaign=thang3"))); d.Gone {
		t.Error("the copy with another text: want it kept beside")
	}
	if d := get(IDForURL(u("thong-bao-21.html"))); d.Gone || !strings.Contains(d.Body, "thứ Ba") {
		t.Errorf("two fetches of one page: the canonical record holds %q, want the newer", d.Body)
	}
}
