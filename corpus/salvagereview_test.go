package corpus

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestSalvageProgressBetween: a salvage's progress is told while its copy
// and its renumbering run, not only at their ends. Both call the pass a
// batch (salvageBatch, 500) at a time: reported only when the count was a
// multiple of progressEvery (512), a step showed nothing before 64,000
// records, the line of `vanban store salvage` frozen at its start.
func TestSalvageProgressBetween(t *testing.T) {
	dir := t.TempDir()
	s := openTestStore(t, dir)
	if _, err := s.PutBatch(genDocs(7, 2*salvageBatch+300)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	reports := map[string][]Progress{}
	if _, err := Salvage(t.Context(), dir, func(p Progress) { reports[p.Step] = append(reports[p.Step], p) }); err != nil {
		t.Fatal(err)
	}
	for _, step := range []string{StepSalvageCopy, StepSalvageOrder} {
		rs := reports[step]
		if len(rs) == 0 {
			t.Errorf("%s: no report", step)
			continue
		}
		end := rs[len(rs)-1]
		if end.Done != 2*salvageBatch+300 {
			t.Errorf("%s: ends at %+v, want %d records", step, end, 2*salvageBatch+300)
		}
		if len(rs) < 2 || rs[0].Done >= end.Done {
			t.Errorf("%s: reports %+v, want one before the end", step, rs)
		}
	}
}

// TestSalvageStoppedBetweenRenames: a salvage killed after it kept the
// damaged file (store.db → store.db.bad-TIME) and before it moved the
// salvaged store in place leaves no store.db and the whole salvaged store
// in salvage.tmp. A second salvage must not remove that copy (it removed
// salvage.tmp first, then failed on the missing file), and a read-write
// open must not create an empty store in its place (a crawl or ingest then
// writes into it and the next salvage removes the copy); both say what to
// do.
func TestSalvageStoppedBetweenRenames(t *testing.T) {
	dir := t.TempDir()
	s := openTestStore(t, dir)
	docs := genDocs(9, 40)
	if _, err := s.PutBatch(docs); err != nil {
		t.Fatal(err)
	}
	s.Close()
	path, tmp := filepath.Join(dir, "store.db"), filepath.Join(dir, "salvage.tmp")
	// the salvage up to its first rename
	if _, err := salvageInto(t.Context(), path, tmp, newPass(t.Context(), nil)); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(path, path+".bad-20261207T010000Z"); err != nil {
		t.Fatal(err)
	}
	copied := filepath.Join(tmp, "store.db")
	check := func(what string, err error) {
		t.Helper()
		if err == nil || !strings.Contains(err.Error(), copied) {
			t.Errorf("%s: %v, want an error naming the salvaged store %s", what, err, copied)
		}
		if _, err := os.Stat(copied); err != nil {
			t.Fatalf("%s: the salvaged store is gone: %v", what, err)
		}
		if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: %s created (%v)", what, path, err)
		}
	}
	_, err := Salvage(t.Context(), dir, nil)
	check("salvage again", err)
	st, err := Open(t.Context(), dir, OpenOptions{})
	if err == nil {
		st.Close()
	}
	check("read-write open", err)
	_, err = Open(t.Context(), dir, OpenOptions{ReadOnly: true})
	check("read-only open", err)
	// done as the errors say, the salvaged store is the store
	if err := os.Rename(copied, path); err != nil {
		t.Fatal(err)
	}
	s = openTestStore(t, dir)
	for _, d := range docs {
		if got, err := s.Get(d.ID); err != nil || got.Body != d.Body {
			t.Fatalf("%s after the move: %v", d.ID, err)
		}
	}
}

// TestSalvageCancelled: a salvage whose ctx ends during its copy or its
// renumbering returns ctx's error and leaves the store file byte for byte
// as it was, no salvage.tmp, and a store that opens with every record.
func TestSalvageCancelled(t *testing.T) {
	dir := t.TempDir()
	s := openTestStore(t, dir)
	docs := genDocs(11, 2*salvageBatch+300)
	if _, err := s.PutBatch(docs); err != nil {
		t.Fatal(err)
	}
	s.Close()
	path := filepath.Join(dir, "store.db")
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []string{StepSalvageCopy, StepSalvageOrder} {
		ctx, cancel := context.WithCancel(t.Context())
		_, err := Salvage(ctx, dir, func(p Progress) {
			if p.Step == step && p.Done < len(docs) {
				cancel()
			}
		})
		cancel()
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s: %v, want context.Canceled", step, err)
		}
		if after, err := os.ReadFile(path); err != nil || !bytes.Equal(after, before) {
			t.Errorf("%s: store file changed (%v)", step, err)
		}
		if _, err := os.Stat(filepath.Join(dir, "salvage.tmp")); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: salvage.tmp left (%v)", step, err)
		}
		if m, _ := filepath.Glob(path + ".bad-*"); len(m) > 0 {
			t.Errorf("%s: damaged file kept as %v", step, m)
		}
	}
	s = openTestStore(t, dir)
	for _, d := range docs {
		if got, err := s.Get(d.ID); err != nil || got.Body != d.Body {
			t.Fatalf("%s after the cancelled salvages: %v", d.ID, err)
		}
	}
}

// TestOpenReadOnlyOld: a read-only open of a store an older binary left
// (format 6, an older graph and task table) upgrades nothing, whatever
// its ctx (ended here): no pass runs, no progress is told, the file is
// byte for byte as it was; a format no read-only open serves (1) is an
// error saying which command upgrades it.
func TestOpenReadOnlyOld(t *testing.T) {
	dir := t.TempDir()
	upgradeSource(t, dir)
	before, err := os.ReadFile(storeFile(dir))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	s, err := Open(ctx, dir, OpenOptions{ReadOnly: true, Progress: func(p Progress) { t.Errorf("read-only open told %+v", p) }})
	if err != nil {
		t.Fatalf("read-only open of format 6: %v", err)
	}
	s.Close()
	if after, err := os.ReadFile(storeFile(dir)); err != nil || !bytes.Equal(after, before) {
		t.Errorf("read-only open changed the file (%v)", err)
	}
	db, err := bolt.Open(storeFile(dir), 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put([]byte("version"), []byte("1")) })
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(t.Context(), dir, OpenOptions{ReadOnly: true}); err == nil || !strings.Contains(err.Error(), "read-write command") {
		t.Errorf("read-only open of format 1: %v, want an error naming the read-write command that upgrades it", err)
	}
}

// TestSalvageStaleTmp: a salvage killed in its copy leaves a partial
// salvage.tmp (its store and order file) beside the store; the next
// salvage clears it and copies every record, none of the stale ones.
func TestSalvageStaleTmp(t *testing.T) {
	dir := t.TempDir()
	s := openTestStore(t, dir)
	docs := genDocs(13, 60)
	if _, err := s.PutBatch(docs); err != nil {
		t.Fatal(err)
	}
	s.Close()
	tmp := filepath.Join(dir, "salvage.tmp")
	stale := openTestStore(t, tmp)
	if _, err := stale.PutBatch(genDocs(14, 5)); err != nil {
		t.Fatal(err)
	}
	stale.Close()
	order, err := openSalvageOrder(tmp)
	if err != nil {
		t.Fatal(err)
	}
	if err := order.add([]storedAs{{id: "stale", seq: 1}}); err != nil {
		t.Fatal(err)
	}
	order.close()
	rep, err := Salvage(t.Context(), dir, nil)
	if err != nil || rep.Documents != len(docs) || len(rep.Lost) > 0 || len(rep.LostIDs) > 0 {
		t.Fatalf("salvage over a stale salvage.tmp: %+v, %v", rep, err)
	}
	s = openTestStore(t, dir)
	if n, _, err := s.Count(); err != nil || n != len(docs) {
		t.Errorf("salvaged store holds %d live records (%v), want %d", n, err, len(docs))
	}
}
