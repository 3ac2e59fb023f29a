package corpus

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/graph"
	bolt "go.etcd.io/bbolt"
)

// putBatchSerial is PutBatch without anything prepared: every document
// written by the one write path in turn, in one transaction (PutBatch
// before bulkprep.go).
func putBatchSerial(s *Store, docs []*Document) ([]Change, error) {
	for _, d := range docs {
		d.prepare()
	}
	changes := make([]Change, len(docs))
	err := s.update(func(tx *bolt.Tx) error {
		codec, err := s.maybeTrain(tx, docs)
		if err != nil {
			return err
		}
		t := graph.NewTally()
		for i, d := range docs {
			if changes[i], err = s.put(tx, codec, d, nil, t); err != nil {
				return err
			}
		}
		return t.Flush(tx)
	})
	return changes, err
}

// TestPutBatchPreparedSameAsSerial: batches whose prepared work the
// writer must partly redo — the batch that trains the store's dictionary,
// a document twice in one batch, a replacing decision that moves a
// document stored before it (in the same batch, and in an earlier one) to
// a new sequence, changed and unchanged documents — leave the store byte
// for byte as the same batches written without preparing do, and report
// the same changes and sequences.
func TestPutBatchPreparedSameAsSerial(t *testing.T) {
	one, batch := openTrainStore(t, t.TempDir()), openTrainStore(t, t.TempDir())
	gen := genDocs(21, 400)
	twice := *gen[160]
	twice.Body += " Sửa đổi lần hai."
	changedA := *decisionA
	changedA.Body += "\nĐiều 3. Bổ sung."
	changed := *gen[5]
	changed.Body = "Nội dung đã sửa."
	steps := [][]*Document{
		gen[:150], // below trainAt
		// crosses trainAt (trains), decisionA then decisionB replacing it
		// (decisionA touched), gen[160] twice
		append(append([]*Document{decisionA}, gen[150:200]...), append([]*Document{decisionB, &twice}, gen[200:300]...)...),
		// a changed decisionA (decisionB's edge stays: nothing touched),
		// one changed, the rest unchanged, new ones
		append(append([]*Document{&changedA, &changed}, gen[:20]...), gen[300:400]...),
		// decisionB gone from the text: decisionA, stored before, touched
		{{ID: decisionB.ID, URL: decisionB.URL, Title: decisionB.Title, Body: "Điều 3. Hiệu lực từ ngày ký."}, gen[399]},
	}
	for i, docs := range steps {
		var wantSeq []uint64
		ref := copyDocs(docs)
		want, err := putBatchSerial(one, ref)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range ref {
			wantSeq = append(wantSeq, d.Seq)
		}
		in := copyDocs(docs)
		got, err := batch.PutBatch(in)
		if err != nil {
			t.Fatal(err)
		}
		var gotSeq []uint64
		for _, d := range in {
			gotSeq = append(gotSeq, d.Seq)
		}
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotSeq, wantSeq) {
			t.Errorf("step %d: PutBatch = %v %v, serial %v %v", i, got, gotSeq, want, wantSeq)
		}
		sameStore(t, one, batch)
	}
	if names, cur := storedDicts(t, batch); cur != firstDictID || len(names) != 1 || names[firstDictID] == 0 {
		t.Errorf("records name dictionaries %v, current %#x; want all %#x", names, cur, firstDictID)
	}
}

// sameStore fails unless stores a and b hold the same entries: the same
// bytes, but for what a dictionary compressed (the trainer is not
// deterministic: two stores trained on the same records get different
// dictionaries), which must decode to the same documents and graph.
func sameStore(t *testing.T, a, b *Store) {
	t.Helper()
	da, db := dump(t, a), dump(t, b)
	if len(da) != len(db) {
		t.Errorf("%d entries against %d", len(da), len(db))
	}
	for k, va := range da {
		vb, ok := db[k]
		bucket, key, _ := strings.Cut(k, "/")
		switch {
		case !ok:
			t.Errorf("%q missing", k)
		case bucket == string(bucketDicts) || k == "meta/dict":
		case bucket == string(bucketDocs):
			var x, y Document
			if err := errors.Join(a.recs().decode([]byte(va), &x), b.recs().decode([]byte(vb), &y)); err != nil || !reflect.DeepEqual(x, y) {
				t.Errorf("document %s: %+v against %+v (%v)", key, x, y, err)
			}
		case bucket == string(graphRefs):
			x, errx := graph.Decode(a.recs(), []byte(va), key)
			y, erry := graph.Decode(b.recs(), []byte(vb), key)
			if err := errors.Join(errx, erry); err != nil || !reflect.DeepEqual(x, y) {
				t.Errorf("refs of %s: %+v against %+v (%v)", key, x, y, err)
			}
		case va != vb:
			t.Errorf("%q differs", k)
		}
	}
}

// TestPutBatchUsesPrepared: in a batch of new documents into a trained
// store (a bulk ingest after its first batch), every record and refs
// value the writer stores is the one encoded ahead of it — the prediction
// of the sequences holds — and is what the writer would encode.
func TestPutBatchUsesPrepared(t *testing.T) {
	s := openTrainStore(t, t.TempDir())
	if _, err := s.PutBatch(genDocs(1, testTrainAt)); err != nil {
		t.Fatal(err)
	}
	docs := genDocs(2, 300)
	for _, d := range docs {
		d.prepare()
	}
	preps, err := s.prepareBatch(docs)
	if err != nil {
		t.Fatal(err)
	}
	last, _ := s.LastSeq()
	c := s.recs()
	encodeAhead(c, docs, preps, last)()
	if _, err := s.PutBatch(docs); err != nil {
		t.Fatal(err)
	}
	err = s.db.View(func(tx *bolt.Tx) error {
		for i, d := range docs {
			p := &preps[i]
			rec := p.record(c, d)
			if rec == nil {
				t.Fatalf("%s: no prepared record at its sequence %d (prepared %d)", d.ID, d.Seq, p.seq)
			}
			if stored := tx.Bucket(bucketDocs).Get([]byte(d.ID)); !bytes.Equal(stored, rec) {
				t.Errorf("%s: stored record is not the prepared one", d.ID)
			}
			if enc, _ := c.encode(d); !bytes.Equal(enc, rec) {
				t.Errorf("%s: prepared record differs from the writer's encoding", d.ID)
			}
			g, refs := p.graphOf(c)
			if g == nil || refs == nil {
				t.Fatalf("%s: no prepared graph", d.ID)
			}
			if stored := graph.RefsBucket(tx).Get([]byte(d.ID)); !bytes.Equal(stored, refs) {
				t.Errorf("%s: stored refs value is not the prepared one", d.ID)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
