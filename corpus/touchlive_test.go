package corpus

import (
	"encoding/binary"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestTouchLiveOrder: touchLive renumbers every live record in the order
// of the sequences that name it (the first entry naming it, when a
// damaged index names it twice), then the records no entry names in ID
// order; tombstones stay where they are; an entry naming no record is
// passed over. 260 records walked 16 at a time, so both walks cross
// batches many times (2,600 records at touchBatch, 1,024, before round
// 24: 88 s of CI);
// the sequence index is damaged by hand: a record named a second time at
// an earlier sequence, a record named again later, three records not
// named at all, an entry naming nothing, and tombstones. The expected
// order is computed here from the index as it was, with a set of every
// ID — what touchLive held before it walked in batches.
func TestTouchLiveOrder(t *testing.T) {
	s := openTestStore(t, t.TempDir())
	docs := genDocs(31, 260)
	if _, err := s.PutBatch(docs); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(docs); i += 13 { // tombstones, at new sequences
		if _, err := s.MarkGone(docs[i].ID); err != nil {
			t.Fatal(err)
		}
	}
	id := func(i int) []byte { return []byte(docs[i].ID) }
	var want []string
	err := s.db.Update(func(tx *bolt.Tx) error {
		seqs := tx.Bucket(bucketSeq)
		last, _ := seqs.Cursor().Last()
		n := binary.BigEndian.Uint64(last)
		put := func(seq uint64, i int) {
			if err := seqs.Put(seqKey(seq), id(i)); err != nil {
				t.Fatal(err)
			}
		}
		// named twice: doc 200 at an earlier, free sequence (its first)…
		if err := seqs.Delete(seqKey(5)); err != nil {
			t.Fatal(err)
		}
		put(5, 200)
		put(n+1, 7)                              // …doc 7 again after every other
		put(n+2, 210)                            // doc 210 again, its own entry kept too
		for _, i := range []int{150, 151, 259} { // not named at all
			var d Document
			if err := s.codec.Load().decode(tx.Bucket(bucketDocs).Get(id(i)), &d); err != nil {
				t.Fatal(err)
			}
			if err := seqs.Delete(seqKey(d.Seq)); err != nil {
				t.Fatal(err)
			}
		}
		if err := seqs.Put(seqKey(n+3), []byte("no-such-record")); err != nil {
			t.Fatal(err)
		}
		if err := tx.Bucket(bucketMeta).Put([]byte("seq"), seqKey(n+3)); err != nil {
			t.Fatal(err)
		}
		// what the set of every ID gave: first entries in sequence order,
		// then the records no entry names in ID order; live ones only
		seen := map[string]bool{}
		var order []string
		seqs.ForEach(func(_, v []byte) error {
			if !seen[string(v)] {
				seen[string(v)] = true
				order = append(order, string(v))
			}
			return nil
		})
		tx.Bucket(bucketDocs).ForEach(func(k, _ []byte) error {
			if !seen[string(k)] {
				order = append(order, string(k))
			}
			return nil
		})
		for _, k := range order {
			raw := tx.Bucket(bucketDocs).Get([]byte(k))
			if raw != nil && !recordGone(raw) {
				want = append(want, k)
			}
		}
		return touchLive(tx, s.codec.Load(), 16, nil)
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	var gone int
	err = s.db.View(func(tx *bolt.Tx) error {
		start := uint64(0)
		for _, i := range want[:1] {
			var d Document
			if err := s.codec.Load().decode(tx.Bucket(bucketDocs).Get([]byte(i)), &d); err != nil {
				return err
			}
			start = d.Seq
		}
		c := tx.Bucket(bucketSeq).Cursor()
		for k, v := c.Seek(seqKey(start)); k != nil; k, v = c.Next() {
			got = append(got, string(v))
		}
		return tx.Bucket(bucketDocs).ForEach(func(k, raw []byte) error {
			var d Document
			if err := s.codec.Load().decode(raw, &d); err != nil {
				return err
			}
			if d.Gone {
				gone++
				if d.Seq >= start {
					t.Errorf("tombstone %s moved to %d", k, d.Seq)
				}
			} else if !slices.Equal(tx.Bucket(bucketSeq).Get(seqKey(d.Seq)), k) {
				t.Errorf("%s at sequence %d, which names %q", k, d.Seq, tx.Bucket(bucketSeq).Get(seqKey(d.Seq)))
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if gone != 20 || len(want) != 260-20 {
		t.Fatalf("%d tombstones, %d live records expected; want 20 and %d", gone, len(want), 260-20)
	}
	if !slices.Equal(got, want) {
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Fatalf("renumbered order differs at %d of %d/%d: %s, want %s", i, len(got), len(want), got[i], want[i])
			}
		}
		t.Fatalf("renumbered %d records, want %d", len(got), len(want))
	}
}

// TestTouchLiveSameTx: the upgrade runs touchLive in the transaction
// whose earlier passes may have written records (format 6 → 7 brings
// retired imports back). A record written there that no sequence names
// must be touched: touchLive's count of the records, which says whether
// the second walk is needed, must see the transaction's writes (bbolt's
// Bucket.Stats reads the pages as they were before them).
func TestTouchLiveSameTx(t *testing.T) {
	s := openTestStore(t, t.TempDir())
	if _, err := s.PutBatch(genDocs(37, 300)); err != nil {
		t.Fatal(err)
	}
	extra := &Document{ID: "zz-written-in-this-tx", URL: "https://so.example.vn/van-ban/zz", Title: "Kế hoạch số 9/KH-UBND", Body: "Sở Nội vụ chủ trì."}
	err := s.db.Update(func(tx *bolt.Tx) error {
		raw, err := s.codec.Load().encode(extra)
		if err != nil {
			return err
		}
		if err := tx.Bucket(bucketDocs).Put([]byte(extra.ID), raw); err != nil {
			return err
		}
		if err := touchLive(tx, s.codec.Load(), touchBatch, nil); err != nil {
			return err
		}
		var d Document
		if err := s.codec.Load().decode(tx.Bucket(bucketDocs).Get([]byte(extra.ID)), &d); err != nil {
			return err
		}
		if d.Seq == 0 || string(tx.Bucket(bucketSeq).Get(seqKey(d.Seq))) != extra.ID {
			t.Errorf("the record written earlier in the transaction, named by no sequence, was not touched: sequence %d", d.Seq)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
