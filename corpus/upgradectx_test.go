package corpus

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/vanban/vanban/corpus/graph"
)

// upgradeFixture holds upgradeSource's store file, built once for the
// package's tests (eleven of them begin with it; building it — 2,000
// records put and a dictionary trained — took 50 s of a loaded machine's
// time each): every test gets its own copy of the same bytes.
var upgradeFixture struct {
	once sync.Once
	raw  []byte
}

// upgradeSource writes, in dir, a format 6 store whose graph and task
// table an older binary built: 2,000 made-up decisions, an import's twin
// edited after the format 6 upgrade and a retired import to bring back
// (TestUpgradeAfterGraphRebuild's shape). A read-write open runs every
// pass over the records: the retired imports, the graph's rebuild, the
// live records' touch and the task table's marks. The store is built
// once for the package (buildUpgradeSource) and its bytes copied.
func upgradeSource(t *testing.T, dir string) {
	t.Helper()
	upgradeFixture.once.Do(func() {
		src := t.TempDir()
		buildUpgradeSource(t, src)
		raw, err := os.ReadFile(storeFile(src))
		if err != nil {
			t.Fatal(err)
		}
		upgradeFixture.raw = raw
	})
	if upgradeFixture.raw == nil {
		t.Fatal("the format 6 store was not built (the first test that asked for it says why)")
	}
	if err := os.WriteFile(storeFile(dir), upgradeFixture.raw, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestUpgradeSourceCopies: every upgradeSource is a file of its own
// holding the fixture's bytes — a test that writes its copy (here a key
// put through bbolt, as an upgrade's transactions do) changes neither
// another test's copy nor the copies made after it — and the bytes are
// the format 6 store the upgrade tests expect: format 6 and the older
// graph.Version in meta, a task mark, the retired import kept.
func TestUpgradeSourceCopies(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	upgradeSource(t, a)
	upgradeSource(t, b)
	before, err := os.ReadFile(storeFile(b))
	if err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(storeFile(a), 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		return errors.Join(meta.Put([]byte("version"), []byte("7")), meta.Put([]byte("ghi-đè"), bytes.Repeat([]byte("x"), 64<<10)))
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	c := t.TempDir()
	upgradeSource(t, c)
	for _, dir := range []string{b, c} {
		raw, err := os.ReadFile(storeFile(dir))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(raw, before) {
			t.Errorf("%s: %d bytes differ from the fixture's %d after another copy was written", dir, len(raw), len(before))
		}
	}

	db, err = bolt.Open(storeFile(c), 0o644, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	retired := legacyID("https://congbao.example.gov.vn/van-ban/nq-32.html?utm_source=thu")
	err = db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		got := []string{string(meta.Get([]byte("version"))), string(meta.Get([]byte("graph"))), string(meta.Get([]byte("tasks")))}
		if want := []string{"6", strconv.Itoa(graph.Version - 1), "1/1"}; !slices.Equal(got, want) {
			t.Errorf("meta version, graph, tasks %q, want %q", got, want)
		}
		if meta.Get([]byte("ghi-đè")) != nil {
			t.Error("a key another copy was given is in this copy")
		}
		if tx.Bucket(bucketDocs).Get([]byte(retired)) == nil {
			t.Errorf("the retired import %s is not in the fixture", retired)
		}
		if n := tx.Bucket(bucketDocs).Stats().KeyN; n < 2000 {
			t.Errorf("%d records, want the 2,000 made-up decisions and the imports", n)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// buildUpgradeSource builds upgradeSource's store in dir.
func buildUpgradeSource(t *testing.T, dir string) {
	t.Helper()
	s := openTestStore(t, dir)
	if _, err := s.PutBatch(genDocs(41, 2000)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	u := func(p string) string { return "https://congbao.example.gov.vn/van-ban/" + p }
	edited := &Document{ID: IDForURL(u("nq-31.html")), URL: u("nq-31.html"), Title: "Nghị quyết số 31/NQ-HĐND", Body: "Điều 1. Mức hỗ trợ 500.000 đồng/tháng."}
	kept := &Document{ID: IDForURL(u("nq-32.html")), URL: u("nq-32.html"), Title: "Nghị quyết số 32/NQ-HĐND", Body: "Điều 1. Quy định chế độ dinh dưỡng."}
	retired := &Document{ID: legacyID(u("nq-32.html?utm_source=thu")), URL: u("nq-32.html?utm_source=thu"),
		Title: "Nghị quyết số 32/NQ-HĐND (tóm tắt)", Body: "Tóm tắt chế độ dinh dưỡng.", Gone: true}
	newer := *edited
	newer.Body = "Điều 1. Mức hỗ trợ 650.000 đồng/tháng (sửa đổi)."
	writeFormat(t, dir, "6", edited, kept, retired, &newer)
	db, err := bolt.Open(storeFile(dir), 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		return errors.Join(meta.Put([]byte("graph"), []byte(strconv.Itoa(graph.Version-1))), meta.Put([]byte("tasks"), []byte("1/1")))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// storeState is what a reader can tell of a store: every record in the
// order of its changes, as Changes lists them (ID, sequence, tombstone,
// text), its last sequence and its format.
func storeState(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	err := s.Changes(t.Context(), 0, func(d *Document) error {
		out = append(out, d.ID+" "+strconv.FormatUint(d.Seq, 10)+" "+strconv.FormatBool(d.Gone)+" "+d.Title+" "+d.Body)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	last, err := s.LastSeq()
	if err != nil {
		t.Fatal(err)
	}
	err = s.db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		out = append(out, "last "+strconv.FormatUint(last, 10), "version "+string(meta.Get([]byte("version"))), "graph "+string(meta.Get([]byte("graph"))))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestOpenCancelledUpgrade: a read-write open of a store an older binary
// wrote upgrades it in batches (upgradebatch.go); cancelled in the middle
// of any of its passes (ctx, as Ctrl-C or a server's shutdown ends it),
// Open returns ctx's error. Cancelled in the first transaction (the
// retired imports) the file is left byte for byte as it was; cancelled
// later (the graph's build into the staging bucket, the renumbering, the
// task table's marks) the batches committed before stay, a read-only
// open reads the store as format 6 under this binary's upgrading mark
// (the graph stale), and the next read-write open
// goes on from the progress record. Either way it ends at exactly what an
// uninterrupted upgrade makes: nothing lost, the retired import back, the
// order of changes kept, every bucket's keys and values the same. The
// progress reports name each pass and count up to its total.
func TestOpenCancelledUpgrade(t *testing.T) {
	src := t.TempDir()
	upgradeSource(t, src)
	raw, err := os.ReadFile(storeFile(src))
	if err != nil {
		t.Fatal(err)
	}
	copyTo := func(t *testing.T) string {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "store.db"), raw, 0o644); err != nil {
			t.Fatal(err)
		}
		return dir
	}

	// the uninterrupted upgrade, and its reports
	var steps []string
	last := map[string]Progress{}
	ref, err := Open(t.Context(), copyTo(t), OpenOptions{Progress: func(p Progress) {
		if !slices.Contains(steps, p.Step) {
			steps = append(steps, p.Step)
		}
		if p.Done < last[p.Step].Done || p.Total == 0 || p.Done > p.Total {
			t.Errorf("progress %+v after %+v", p, last[p.Step])
		}
		last[p.Step] = p
	}})
	if err != nil {
		t.Fatal(err)
	}
	want, wantDump := storeState(t, ref), dumpStore(t, ref)
	ref.Close()
	if w := []string{StepImports, StepGraph, StepTouch, StepTasks}; !slices.Equal(steps, w) {
		t.Fatalf("passes reported %q, want %q", steps, w)
	}
	for _, st := range steps {
		if p := last[st]; p.Done != p.Total || p.Done < 2000 {
			t.Errorf("%s ended at %+v", st, p)
		}
	}
	if !slices.ContainsFunc(want, func(l string) bool {
		return bytes.Contains([]byte(l), []byte("false Nghị quyết số 32/NQ-HĐND (tóm tắt)"))
	}) {
		t.Fatal("premise: the uninterrupted upgrade brings the retired import back")
	}

	for _, step := range steps {
		t.Run(step, func(t *testing.T) {
			dir := copyTo(t)
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			_, err := Open(ctx, dir, OpenOptions{Progress: func(p Progress) {
				if p.Step == step && p.Done >= progressEvery {
					cancel()
				}
			}})
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("cancelled in %q: %v, want context.Canceled", step, err)
			}
			now, err := os.ReadFile(storeFile(dir))
			if err != nil {
				t.Fatal(err)
			}
			first := step == StepImports // the first transaction's pass
			if first && !bytes.Equal(now, raw) {
				t.Errorf("cancelled in %q: the file changed", step)
			}
			if !first {
				ro, err := Open(t.Context(), dir, OpenOptions{ReadOnly: true})
				if err != nil {
					t.Fatalf("read-only open after a cancel in %q: %v", step, err)
				}
				cur, err := ro.GraphCurrent()
				half := dumpStore(t, ro)
				ro.Close()
				if err != nil || cur || halfUpgradedFrom(half["meta/version"]) != "6" || half["meta/"+string(metaUpgrade)] == "" {
					t.Errorf("read-only open after a cancel in %q: graph current %v (%v), format %q, progress record %q; want the graph stale, format 6 under this binary's upgrading mark, a record",
						step, cur, err, half["meta/version"], half["meta/"+string(metaUpgrade)])
				}
			}
			s, err := Open(t.Context(), dir, OpenOptions{})
			if err != nil {
				t.Fatalf("reopen: %v", err)
			}
			defer s.Close()
			if got := storeState(t, s); !slices.Equal(got, want) {
				t.Errorf("reopened after a cancel in %q: %d lines differ from the uninterrupted upgrade's (%d lines)", step, diffCount(got, want), len(want))
			}
			sameDump(t, "reopened after a cancel in "+step, dumpStore(t, s), wantDump)
		})
	}
}

func diffCount(a, b []string) int {
	n := max(len(a), len(b)) - min(len(a), len(b))
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			n++
		}
	}
	return n
}

// halfUpgradedFrom is the format a store's meta "version" v says an
// upgrade of this binary began from ("": v is no upgrading mark of this
// binary's).
func halfUpgradedFrom(v string) string {
	m, ok := parseUpgrading(v)
	if !ok || !m.ours() || v != upgradingFormat(m.was) {
		return ""
	}
	return m.was
}
