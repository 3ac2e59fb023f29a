package corpus

import (
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// TestRolesUpgrade: a store whose task table an older version built (no
// stored roles: tasksVersion 71 stored texts with tasks only) answers a
// parent's implementers from the texts when opened read-only, and, opened
// read-write and synced, stores the roles of the texts without tasks too.
func TestRolesUpgrade(t *testing.T) {
	dir := t.TempDir()
	s, err := OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutBatch(roleDocs); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SyncTasks(t.Context(), nil); err != nil {
		t.Fatal(err)
	}
	want, err := s.Role("nd")
	if err != nil {
		t.Fatal(err)
	}
	// the table of an older version, which stored no circular without tasks
	err = s.db.Update(func(tx *bolt.Tx) error {
		if err := tx.Bucket([]byte("tasks")).Delete([]byte("tt-detail")); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put([]byte("tasks"), []byte("71/22"))
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, ro := range []bool{true, false} {
		s, err := OpenStore(dir, ro, time.Second)
		if err != nil {
			t.Fatal(err)
		}
		if !ro {
			if _, err := s.SyncTasks(t.Context(), nil); err != nil {
				t.Fatal(err)
			}
			if got := storedRoles(t, s, "tt-detail"); got != "45/2030/NĐ-CP" {
				t.Errorf("upgraded: stored roles of tt-detail = %q, want the decree", got)
			}
		}
		r, err := s.Role("nd")
		if err != nil {
			t.Fatal(err)
		}
		if got, w := numbers(r.Implementers), numbers(want.Implementers); got != w || w == "" {
			t.Errorf("read-only %v: implementers of the decree %q, want %q", ro, got, w)
		}
		p, err := s.Parents("tt-detail")
		if err != nil {
			t.Fatal(err)
		}
		if got := numbers(p); got != "45/2030/NĐ-CP" {
			t.Errorf("read-only %v: parents of tt-detail %q, want the decree", ro, got)
		}
		s.Close()
	}
}
