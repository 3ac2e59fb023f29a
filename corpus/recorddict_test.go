package corpus

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/klauspost/compress/zstd"
	bolt "go.etcd.io/bbolt"
)

// TestRecordDictUnchanged pins the record dictionary: records written with
// it cannot be read without exactly these bytes. A new dictionary needs a
// new recordDictID, with this one kept for the records that name it.
func TestRecordDictUnchanged(t *testing.T) {
	const want = "11ab1e635e3943b8ab899f2cb24e20a8f1fc05f984312c61922765074e10027d"
	sum := sha256.Sum256([]byte(recordDict))
	if got := hex.EncodeToString(sum[:]); got != want || recordDictID != 0x76616e31 {
		t.Errorf("recordDict %d bytes, sha256 %s, ID %#x: the dictionary of stored records changed", len(recordDict), got, recordDictID)
	}
}

// format3Record is doc's record as store format 3 wrote it: zstd without a
// dictionary.
func format3Record(t *testing.T, doc *Document) []byte {
	t.Helper()
	enc, err := zstd.NewWriter(nil, zstd.WithSingleSegment(true))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	tag := recLive
	if doc.Gone {
		tag = recGone
	}
	return enc.EncodeAll(raw, []byte{tag})
}

// TestRecordDictionary: records name the dictionary and are smaller with
// it; records of format 3 (no dictionary) read the same.
func TestRecordDictionary(t *testing.T) {
	for _, tc := range recordDocs {
		rec, err := encodeDoc(&tc.doc)
		if err != nil {
			t.Fatal(err)
		}
		var h zstd.Header
		if err := h.Decode(rec[1:]); err != nil || h.DictionaryID != recordDictID {
			t.Errorf("%s: frame names dictionary %#x (%v), want %#x", tc.name, h.DictionaryID, err, recordDictID)
		}
		old := format3Record(t, &tc.doc)
		if tc.name == "plan" && len(rec) >= len(old) {
			t.Errorf("%s: %d bytes with the dictionary, %d without", tc.name, len(rec), len(old))
		}
		var got Document
		if err := decodeDoc(old, &got); err != nil || !reflect.DeepEqual(got, tc.doc) {
			t.Errorf("%s: format 3 record: %v, %+v", tc.name, err, got)
		}
		if n, err := recordSize(old); err != nil || recordGone(old) != tc.doc.Gone {
			t.Errorf("%s: format 3 record size %d, %v; gone %v", tc.name, n, err, recordGone(old))
		}
	}
	// A short document of the genre (words the dictionary was not built
	// from): at most 80 % of its size without the dictionary.
	d := Document{ID: "5f0c2a9e7b1d4e38", URL: "https://stnmt.example.gov.vn/van-ban/12.html",
		Title: "Quyết định phê duyệt phương án bảo vệ nguồn nước trên địa bàn tỉnh",
		Body:  "Giao Sở Tài nguyên và Môi trường chủ trì, phối hợp với Ủy ban nhân dân các huyện tổ chức thực hiện phương án; báo cáo kết quả trước ngày 15 tháng 12 năm 2025.",
		Hash:  "9a3f", FetchedAt: time.Date(2025, 11, 2, 7, 0, 0, 0, time.UTC), Seq: 7}
	rec, _ := encodeDoc(&d)
	if old := format3Record(t, &d); len(rec)*5 > len(old)*4 {
		t.Errorf("short record: %d bytes with the dictionary, %d without, want at most 80 %%", len(rec), len(old))
	}
}

// TestStoreFormat3: a format 3 store is served read-only as it is; opened
// read-write it is marked format 4, its records stay as they are until
// they change.
func TestStoreFormat3(t *testing.T) {
	dir := t.TempDir()
	docs := copyDocs(graphDocs)
	s := openTestStore(t, dir)
	for _, d := range docs {
		if _, err := s.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	// make it a format 3 store: every record without the dictionary
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDocs)
		c := b.Cursor()
		var recs [][2][]byte
		for k, v := c.First(); k != nil; k, v = c.Next() {
			var d Document
			if err := decodeDoc(v, &d); err != nil {
				return err
			}
			recs = append(recs, [2][]byte{bytes.Clone(k), format3Record(t, &d)})
		}
		for _, r := range recs {
			if err := b.Put(r[0], r[1]); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Put([]byte("version"), []byte("3"))
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	dictOf := func(s *Store, id string) uint32 {
		var h zstd.Header
		s.db.View(func(tx *bolt.Tx) error {
			return h.Decode(tx.Bucket(bucketDocs).Get([]byte(id))[1:])
		})
		return h.DictionaryID
	}
	ro, err := OpenStore(dir, true, time.Second)
	if err != nil {
		t.Fatalf("read-only open of a format 3 store: %v", err)
	}
	if got, err := ro.Get(docs[0].ID); err != nil || got.Body != docs[0].Body {
		t.Errorf("Get from a format 3 store: %v", err)
	}
	if v := storeVersionOf(t, ro); v != "3" {
		t.Errorf("read-only open changed the version to %q", v)
	}
	ro.Close()

	s = openTestStore(t, dir)
	defer s.Close()
	if v := storeVersionOf(t, s); v != strconv.Itoa(storeVersion) {
		t.Errorf("version after a read-write open %q, want %d", v, storeVersion)
	}
	if id := dictOf(s, docs[0].ID); id != 0 {
		t.Errorf("the upgrade rewrote a record (dictionary %#x)", id)
	}
	changed := *docs[0]
	changed.Body += " Sửa đổi."
	if c, err := s.Put(&changed); err != nil || c != Changed {
		t.Fatalf("Put over a format 3 record: %v, %v", c, err)
	}
	if id := dictOf(s, docs[0].ID); id != recordDictID {
		t.Errorf("a changed record names dictionary %#x, want %#x", id, recordDictID)
	}
	var seen int
	if err := s.Changes(t.Context(), 0, func(*Document) error { seen++; return nil }); err != nil || seen != len(docs) {
		t.Errorf("Changes read %d of %d documents: %v", seen, len(docs), err)
	}
}
