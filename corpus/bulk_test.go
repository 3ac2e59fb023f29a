package corpus

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	bolt "go.etcd.io/bbolt"
)

func copyDocs(docs []*Document) []*Document {
	out := make([]*Document, len(docs))
	for i, d := range docs {
		c := *d
		out[i] = &c
	}
	return out
}

// dump returns every key and value of every bucket of the store.
func dump(t *testing.T, s *Store) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			return b.ForEach(func(k, v []byte) error {
				m[string(name)+"/"+string(k)] = string(v)
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestPutBatchSameAsPut checks that a batch leaves the store, sequence and
// citation graph exactly as the same Puts one by one do.
func TestPutBatchSameAsPut(t *testing.T) {
	one, batch := openTestStore(t, t.TempDir()), openTestStore(t, t.TempDir())
	steps := [][]*Document{
		graphDocs,
		// r1 unchanged, p1 changed (cites another resolution), n1 gone
		// from the batch, a new document.
		{graphDocs[0],
			{ID: "p1", Type: "Kế hoạch", Number: "236/KH-UBND", Title: "Kế hoạch số 236/KH-UBND", Body: "Thực hiện Nghị quyết số 57-NQ/TW."},
			{URL: "http://portal.example/x", Title: "Tin", Body: "Theo Kế hoạch số 236/KH-UBND."}},
	}
	for i, docs := range steps {
		var want []Change
		for _, d := range copyDocs(docs) {
			c, err := one.Put(d)
			if err != nil {
				t.Fatal(err)
			}
			want = append(want, c)
		}
		got, err := batch.PutBatch(copyDocs(docs))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("step %d: PutBatch = %v, Put gave %v", i, got, want)
		}
		if a, b := dump(t, one), dump(t, batch); !reflect.DeepEqual(a, b) {
			t.Errorf("step %d: stores differ:\nPut:      %v\nPutBatch: %v", i, a, b)
		}
	}
	checkGraph(t, batch,
		map[string]map[string][]string{"p1": {"57-nq/tw": nil}},
		map[string][]string{"236/KH-UBND": {IDForURL("http://portal.example/x"), "n1"}, "154/NQ-CP": nil},
		map[string][]string{"236/KH-UBND": {"p1"}})
}

func TestPutBatchIdempotentAndSequence(t *testing.T) {
	s := openTestStore(t, t.TempDir())
	docs := make([]*Document, 50)
	for i := range docs {
		docs[i] = &Document{ID: fmt.Sprintf("d%02d", i), Title: "Văn bản", Body: fmt.Sprintf("Nội dung %d.", i)}
	}
	changes, err := s.PutBatch(copyDocs(docs))
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range changes {
		if c != New {
			t.Errorf("first batch: change %d = %v, want new", i, c)
		}
	}
	again := copyDocs(docs)
	again[7].Body = "Đã sửa."
	changes, err = s.PutBatch(again)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range changes {
		want := Unchanged
		if i == 7 {
			want = Changed
		}
		if c != want {
			t.Errorf("second batch: change %d = %v, want %v", i, c, want)
		}
	}
	if last, _ := s.LastSeq(); last != 51 || again[7].Seq != 51 || again[8].Seq != 9 {
		t.Errorf("LastSeq = %d, seq of changed = %d, of unchanged = %d; want 51, 51, 9", last, again[7].Seq, again[8].Seq)
	}
	var seen []string
	if err := s.Changes(context.Background(), 50, func(d *Document) error {
		seen = append(seen, d.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(seen, []string{"d07"}) {
		t.Errorf("Changes since 50 = %v, want [d07]", seen)
	}
	if live, _, _ := s.Count(); live != 50 {
		t.Errorf("Count = %d, want 50", live)
	}
	if c, err := s.PutBatch(nil); err != nil || c != nil {
		t.Errorf("PutBatch(nil) = %v, %v", c, err)
	}
}
