package corpus

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus/graph"
	bolt "go.etcd.io/bbolt"
)

// genDocs are n documents of administrative Vietnamese made up from a
// vocabulary (deterministic for a seed): the same genre, never the same
// text, so that a dictionary has something to learn and nothing to copy.
func genDocs(seed uint64, n int) []*Document {
	words := strings.Fields(`Ủy ban nhân dân tỉnh giao Sở Tài nguyên Môi trường chủ trì phối hợp với các sở ngành
		huyện thị xã thành phố tổ chức thực hiện kế hoạch báo cáo kết quả trước ngày tháng năm quyết định phê duyệt
		phương án bảo vệ nguồn nước đất đai xây dựng công trình giao thông nông thôn trường học trạm y tế kinh phí
		ngân sách nhà nước hỗ trợ doanh nghiệp hộ gia đình cá nhân đăng ký hồ sơ thủ tục hành chính cấp giấy phép`)
	r := rand.New(rand.NewPCG(seed, 7))
	sentence := func(k int) string {
		w := make([]string, k)
		for i := range w {
			w[i] = words[r.IntN(len(words))]
		}
		return strings.Join(w, " ") + "."
	}
	out := make([]*Document, n)
	for i := range out {
		var body []string
		for range 8 + r.IntN(12) {
			body = append(body, sentence(8+r.IntN(20)))
		}
		out[i] = &Document{URL: fmt.Sprintf("https://stnmt.example.gov.vn/van-ban/%d-%d.html", seed, i),
			Site: "stnmt", Title: "Quyết định " + sentence(6), Published: fmt.Sprintf("2025-%02d-%02d", 1+i%12, 1+i%28),
			Type: "Quyết định", Number: fmt.Sprintf("%d/QĐ-UBND", 100+i), Body: strings.Join(body, " "),
			FetchedAt: time.Date(2025, 11, 2, 7, 0, 0, 0, time.UTC)}
	}
	return out
}

// testTrainAt is the trainAt of the tests' stores: the same path at a
// tenth of the documents.
const testTrainAt = 200

func openTrainStore(t *testing.T, dir string) *Store {
	t.Helper()
	s := openTestStore(t, dir)
	s.trainAt = testTrainAt
	return s
}

// storedDicts lists the dictionary every record of s names, with counts,
// and the store's current dictionary.
func storedDicts(t *testing.T, s *Store) (map[uint32]int, uint32) {
	t.Helper()
	names := map[uint32]int{}
	var cur uint32
	s.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(metaDict); len(v) == 4 {
			cur = binary.BigEndian.Uint32(v)
		}
		return tx.Bucket(bucketDocs).ForEach(func(_, v []byte) error {
			names[recordDictOf(v)]++
			return nil
		})
	})
	return names, cur
}

func storeBytes(t *testing.T, s *Store) int {
	t.Helper()
	n := 0
	s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketDocs).ForEach(func(_, v []byte) error { n += len(v); return nil })
	})
	return n
}

// checkDocs: every document of want reads back as it was put.
func checkDocs(t *testing.T, s *Store, want []*Document) {
	t.Helper()
	for _, d := range want {
		got, err := s.Get(d.ID)
		if err != nil {
			t.Fatalf("Get %s: %v", d.ID, err)
		}
		if got.Body != d.Body || got.Title != d.Title || got.Seq != d.Seq || got.Number != d.Number {
			t.Fatalf("Get %s: %+v, want %+v", d.ID, got, d)
		}
	}
}

// TestStoreTrainsDictionary: a store of format 4 (records with the
// built-in dictionary) is served read-only as it is and marked 5 by a
// read-write open; the write that brings it to trainAt records trains a
// dictionary, keeps it in the store and rewrites every record with it;
// the records are smaller, read back the same (after a reopen too, and
// read-only), and check finds nothing wrong.
func TestStoreTrainsDictionary(t *testing.T) {
	dir := t.TempDir()
	s := openTrainStore(t, dir)
	first := genDocs(1, testTrainAt/2)
	if _, err := s.PutBatch(first); err != nil {
		t.Fatal(err)
	}
	s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put([]byte("version"), []byte("4")) })
	if names, cur := storedDicts(t, s); cur != 0 || names[recordDictID] != len(first) {
		t.Fatalf("below trainAt: records name %v, current %#x; want the built-in dictionary", names, cur)
	}
	base := storeBytes(t, s)
	s.Close()

	ro, err := OpenStore(dir, true, time.Second)
	if err != nil {
		t.Fatalf("read-only open of a format 4 store: %v", err)
	}
	checkDocs(t, ro, first[:10])
	if v := storeVersionOf(t, ro); v != "4" {
		t.Errorf("read-only open changed the version to %q", v)
	}
	ro.Close()

	s = openTrainStore(t, dir)
	if v := storeVersionOf(t, s); v != strconv.Itoa(storeVersion) {
		t.Errorf("version after a read-write open %q, want %d", v, storeVersion)
	}
	second := genDocs(2, testTrainAt/2)
	if _, err := s.PutBatch(second); err != nil {
		t.Fatal(err)
	}
	names, cur := storedDicts(t, s)
	if cur != firstDictID || names[firstDictID] != testTrainAt || len(names) != 1 {
		t.Fatalf("at trainAt: records name %v, current %#x; want all %#x", names, cur, firstDictID)
	}
	if after := storeBytes(t, s) / 2; after*10 > base*9 {
		t.Errorf("the first half's records take %d bytes with the trained dictionary, %d with the built-in one: want 10 %% less at least", after, base)
	}
	checkDocs(t, s, first)
	checkDocs(t, s, second)
	// Later writes use it; a single Put too.
	one := genDocs(3, 1)[0]
	if c, err := s.Put(one); err != nil || c != New {
		t.Fatalf("Put: %v, %v", c, err)
	}
	if names, _ := storedDicts(t, s); names[firstDictID] != testTrainAt+1 {
		t.Errorf("after a Put records name %v", names)
	}
	s.Close()

	ro, err = OpenStore(dir, true, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	checkDocs(t, ro, append(first, one))
	ro.Close()
	if rep, err := CheckStore(t.Context(), dir); err != nil || !rep.OK() || rep.Documents != testTrainAt+1 {
		t.Errorf("check of a trained store: %+v, %v", rep, err)
	}
}

// trainedStore is a store of trainAt documents, trained.
func trainedStore(t *testing.T, dir string) (*Store, []*Document) {
	t.Helper()
	s := openTrainStore(t, dir)
	docs := genDocs(4, testTrainAt)
	if _, err := s.PutBatch(docs); err != nil {
		t.Fatal(err)
	}
	if _, cur := storedDicts(t, s); cur != firstDictID {
		t.Fatalf("not trained: current dictionary %#x", cur)
	}
	return s, docs
}

// TestStoreRecompress: a retrain adds a dictionary with the next ID,
// rewrites every record with it without changing a document or its
// sequence, and drops the dictionary no record names any more.
func TestStoreRecompress(t *testing.T) {
	dir := t.TempDir()
	s, docs := trainedStore(t, dir)
	// A decision citing many documents: a refs value compressed with the
	// first dictionary.
	docs = append(docs, refsCiting(40))
	if _, err := s.Put(docs[len(docs)-1]); err != nil {
		t.Fatal(err)
	}
	lastSeq, _ := s.LastSeq()
	rep, err := s.Recompress(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if rep.DictID != firstDictID+1 || rep.Rewritten != len(docs) || rep.Dropped != 1 || rep.Samples != len(docs) {
		t.Errorf("report %+v", rep)
	}
	names, cur := storedDicts(t, s)
	if cur != firstDictID+1 || len(names) != 1 || names[cur] != len(docs) {
		t.Errorf("after recompress records name %v, current %#x", names, cur)
	}
	if seq, _ := s.LastSeq(); seq != lastSeq {
		t.Errorf("recompress moved the last sequence %d → %d", lastSeq, seq)
	}
	// The refs values were rewritten with the new dictionary as well.
	zst := 0
	s.db.View(func(tx *bolt.Tx) error {
		return graph.RefsBucket(tx).ForEach(func(k, v []byte) error {
			if id := refsDictOf(v); id != 0 {
				zst++
				if id != cur {
					t.Errorf("refs of %s names dictionary %#x after recompress, want %#x", k, id, cur)
				}
			}
			_, err := graph.Decode(s.recs(), v, string(k))
			return err
		})
	})
	if zst == 0 {
		t.Error("no compressed refs value: the check above tests nothing")
	}
	checkDocs(t, s, docs)
	s.Close()
	s = openTestStore(t, dir)
	checkDocs(t, s, docs[:50])
	var dicts int
	s.db.View(func(tx *bolt.Tx) error { dicts = tx.Bucket(bucketDicts).Stats().KeyN; return nil })
	if dicts != 1 {
		t.Errorf("%d dictionaries kept, want 1", dicts)
	}
}

// TestStoreMissingDictionary: a record whose dictionary the store lost
// reads as a clear error (never a panic), check names it, salvage copies
// the others and says which were lost and why; a store whose current
// dictionary is damaged is refused at open with the dictionary named.
func TestStoreMissingDictionary(t *testing.T) {
	dir := t.TempDir()
	s, docs := trainedStore(t, dir)
	// A retrain, interrupted before the first record was rewritten:
	// drop the new dictionary by hand and write one record with it.
	if _, err := s.Recompress(t.Context()); err != nil {
		t.Fatal(err)
	}
	// Now every record names firstDictID+1; move one back to the old
	// dictionary's ID (which Recompress dropped) by re-encoding it with
	// a codec holding a dictionary of that ID.
	var lost *recordCodec
	err := s.db.View(func(tx *bolt.Tx) error {
		var samples [][]byte
		for _, d := range docs[:200] {
			b, _ := json.Marshal(d)
			samples = append(samples, b)
		}
		d, err := trainDict(samples, firstDictID)
		if err != nil {
			return err
		}
		lost, err = newRecordCodec(map[uint32][]byte{firstDictID: d}, firstDictID)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	victim := docs[7]
	rec, err := lost.encode(victim)
	if err != nil {
		t.Fatal(err)
	}
	s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketDocs).Put([]byte(victim.ID), rec) })
	s.Close()

	s = openTestStore(t, dir)
	_, err = s.Get(victim.ID)
	if !errors.Is(err, errNoDict) || !strings.Contains(err.Error(), fmt.Sprintf("dictionary %#x, which the store does not hold", firstDictID)) {
		t.Errorf("Get of a record without its dictionary: %v", err)
	}
	if _, err := s.Bodies(t.Context(), []string{victim.ID}); !errors.Is(err, errNoDict) {
		t.Errorf("Bodies: %v", err)
	}
	checkDocs(t, s, docs[8:20])
	s.Close()

	rep, err := CheckStore(t.Context(), dir)
	if err != nil || rep.OK() || !strings.Contains(strings.Join(rep.Problems, "\n"), victim.ID) {
		t.Errorf("check: %+v, %v", rep, err)
	}
	srep, err := Salvage(t.Context(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if srep.Documents != len(docs)-1 || !strings.Contains(strings.Join(srep.Lost, "\n"), "does not hold") {
		t.Errorf("salvage: %d documents, lost %v", srep.Documents, srep.Lost)
	}

	// The current dictionary damaged: the store is refused, by name.
	dir2 := t.TempDir()
	s, _ = trainedStore(t, dir2)
	_, cur := storedDicts(t, s)
	s.db.Update(func(tx *bolt.Tx) error {
		var k [4]byte
		binary.BigEndian.PutUint32(k[:], cur)
		return tx.Bucket(bucketDicts).Put(k[:], []byte("not a dictionary"))
	})
	s.Close()
	for _, ro := range []bool{true, false} {
		if _, err := OpenStore(dir2, ro, time.Second); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("dictionary %#x is missing or damaged", cur)) {
			t.Errorf("open (read-only %v) with the current dictionary damaged: %v", ro, err)
		}
	}
}

// TestTrainDictRefuses: training on nothing is an error, not a panic;
// a record dictionary that does not load is left out of the codec.
func TestTrainDictRefuses(t *testing.T) {
	if _, err := trainDict(nil, firstDictID); err == nil {
		t.Error("trained a dictionary on no records")
	}
	c, err := newRecordCodec(map[uint32][]byte{firstDictID + 5: []byte("\x37\xa4\x30\xec garbage")}, recordDictID)
	if err != nil || c.known[firstDictID+5] || c.bad[firstDictID+5] == "" {
		t.Errorf("codec with a damaged dictionary: %v, known %v, bad %v", err, c.known, c.bad)
	}
}

// trainedCodec is a codec writing with a dictionary trained on docs.
func trainedCodec(tb testing.TB, docs []*Document) *recordCodec {
	tb.Helper()
	var samples [][]byte
	for _, d := range docs {
		b, _ := json.Marshal(d)
		samples = append(samples, b)
	}
	d, err := trainDict(samples, firstDictID)
	if err != nil {
		tb.Fatal(err)
	}
	c, err := newRecordCodec(map[uint32][]byte{firstDictID: d}, firstDictID)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// FuzzDecodeRecordTrained: with a trained dictionary, any bytes give a
// document or an error, never a panic, and a document that decodes
// encodes back to a record that decodes to it.
func FuzzDecodeRecordTrained(f *testing.F) {
	docs := genDocs(5, 300)
	c := trainedCodec(f, docs)
	for _, d := range append(docs[:5], &recordDocs[0].doc, &recordDocs[1].doc) {
		rec, _ := c.encode(d)
		f.Add(rec)
		old, _ := encodeDoc(d)
		f.Add(old)
	}
	f.Add([]byte{recLive, 0x28, 0xb5, 0x2f, 0xfd, 0x23, 0x41, 0x6e, 0x61, 0x76})
	f.Fuzz(func(t *testing.T, rec []byte) {
		var d Document
		if err := c.decode(rec, &d); err != nil {
			return
		}
		again, err := c.encode(&d)
		if err != nil {
			t.Fatalf("re-encode: %v", err)
		}
		var d2 Document
		if err := c.decode(again, &d2); err != nil {
			t.Fatalf("round trip of a decoded record: %v", err)
		}
		if a, b := docJSON(t, &d), docJSON(t, &d2); a != b {
			t.Fatalf("round trip of a decoded record:\n%s\n%s", a, b)
		}
		if recordDictOf(again) != firstDictID || recordGone(again) != d.Gone {
			t.Fatalf("re-encoded record names %#x, gone %v", recordDictOf(again), recordGone(again))
		}
	})
}

// TestTrainedRoundTrip: every shape of record round-trips through a
// trained codec, and the built-in dictionary's records still read.
func TestTrainedRoundTrip(t *testing.T) {
	c := trainedCodec(t, genDocs(6, 300))
	for _, tc := range recordDocs {
		rec, err := c.encode(&tc.doc)
		if err != nil {
			t.Fatal(err)
		}
		var got Document
		if err := c.decode(rec, &got); err != nil || !reflect.DeepEqual(got, tc.doc) {
			t.Errorf("%s: %v, %+v", tc.name, err, got)
		}
		old, _ := encodeDoc(&tc.doc)
		got = Document{}
		if err := c.decode(old, &got); err != nil || !reflect.DeepEqual(got, tc.doc) {
			t.Errorf("%s, built-in dictionary: %v", tc.name, err)
		}
		if !bytes.Equal(rec[:1], old[:1]) || recordGone(rec) != tc.doc.Gone {
			t.Errorf("%s: tag %d, want %d", tc.name, rec[0], old[0])
		}
	}
}

// TestTrainSkipsDamage: a record that does not decode neither stops the
// write that trains the dictionary nor a recompress: it is left as it is
// (check's to report), the others are rewritten, and the recompress keeps
// the older dictionaries.
func TestTrainSkipsDamage(t *testing.T) {
	s := openTrainStore(t, t.TempDir())
	docs := genDocs(8, testTrainAt/2)
	if _, err := s.PutBatch(docs); err != nil {
		t.Fatal(err)
	}
	bad := []byte{recLive, 0x28, 0xb5, 0x2f, 0xfd, 1, 2, 3}
	s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketDocs).Put([]byte(docs[3].ID), bad) })
	more := genDocs(9, testTrainAt/2)
	if _, err := s.PutBatch(more); err != nil {
		t.Fatalf("the training write with a damaged record stored: %v", err)
	}
	names, cur := storedDicts(t, s)
	if cur != firstDictID || names[firstDictID] != testTrainAt-1 || len(names) != 2 {
		t.Errorf("records name %v, current %#x", names, cur)
	}
	checkDocs(t, s, more)
	rep, err := s.Recompress(t.Context())
	if err != nil || rep.Unreadable != 1 || rep.Rewritten != testTrainAt-1 || rep.Dropped != 0 {
		t.Errorf("recompress: %+v, %v", rep, err)
	}
	if _, err := s.Get(docs[3].ID); err == nil {
		t.Error("the damaged record decodes")
	}
}
