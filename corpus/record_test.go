package corpus

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/klauspost/compress/zstd"
	"github.com/vanban/vanban/corpus/graph"
	bolt "go.etcd.io/bbolt"
)

// encodeDoc, decodeDoc and recordJSON are the codec of a store without a
// trained dictionary (format 4's records, at format 5's level).
func encodeDoc(doc *Document) ([]byte, error)   { return baseCodec().encode(doc) }
func decodeDoc(rec []byte, doc *Document) error { return baseCodec().decode(rec, doc) }
func recordJSON(rec []byte) ([]byte, error)     { return baseCodec().json(rec) }

// recordDocs are documents of every shape a record holds.
var recordDocs = []struct {
	name string
	doc  Document
}{
	{"plan", Document{ID: "0123456789abcdef", URL: "https://sotuphap.example.gov.vn/tin/1.html", Site: "sotuphap",
		Title: "Kế hoạch số 45/KH-UBND thực hiện Nghị quyết số 57-NQ/TW", Published: "2025-02-14",
		Summary: "Triển khai đột phá phát triển khoa học, công nghệ.",
		Body:    strings.Repeat("Ủy ban nhân dân tỉnh giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành. ", 40),
		Type:    "Kế hoạch", Number: "45/KH-UBND", Issuer: "UBND tỉnh", Attachments: []string{"https://x.example/a.pdf"},
		Hash: "h", FetchedAt: time.Date(2025, 2, 15, 8, 30, 0, 0, time.UTC), Seq: 42, Truncated: 7_000_000}},
	{"tombstone", Document{ID: "fedcba9876543210", URL: "https://x.example/gone", Title: "t", Gone: true, Seq: 9}},
	{"empty body", Document{ID: "e", URL: "https://x.example/e", Title: "Thông báo", DateAmbiguous: true}},
	{"control characters and quotes", Document{ID: "q", Body: "\"gone\":true \x00\x01 {\"id\":\"x\"} \\ \u2028"}},
}

func TestRecordRoundTrip(t *testing.T) {
	for _, tc := range recordDocs {
		t.Run(tc.name, func(t *testing.T) {
			rec, err := encodeDoc(&tc.doc)
			if err != nil {
				t.Fatal(err)
			}
			want := recLive
			if tc.doc.Gone {
				want = recGone
			}
			if rec[0] != want {
				t.Errorf("tag %d, want %d", rec[0], want)
			}
			if recordGone(rec) != tc.doc.Gone {
				t.Errorf("recordGone = %v, want %v", recordGone(rec), tc.doc.Gone)
			}
			var got Document
			if err := decodeDoc(rec, &got); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.doc) {
				t.Errorf("decoded %+v\nwant %+v", got, tc.doc)
			}
			// The same document as a format 2 record (plain JSON) reads the same.
			raw, _ := json.Marshal(&tc.doc)
			var old Document
			if err := decodeDoc(raw, &old); err != nil || !reflect.DeepEqual(old, tc.doc) {
				t.Errorf("JSON record: %v, %+v", err, old)
			}
			if recordGone(raw) != tc.doc.Gone {
				t.Errorf("recordGone(JSON) = %v, want %v", recordGone(raw), tc.doc.Gone)
			}
		})
	}
	// Compression pays on real-sized text: a third of the JSON or less.
	d := recordDocs[0].doc
	rec, _ := encodeDoc(&d)
	raw, _ := json.Marshal(&d)
	if len(rec)*3 > len(raw) {
		t.Errorf("record of %d bytes for %d bytes of JSON, want a third or less", len(rec), len(raw))
	}
}

// rleFrame is a zstd frame of a few KB that decompresses to size bytes
// (RLE blocks of 128 KB each), saying so in its header when declared >= 0.
func rleFrame(size, declared int) []byte {
	out := []byte{0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38} // magic; no size, no checksum; 128 KB window
	if declared >= 0 {
		out[4] = 0xc0 // an 8-byte content size follows the window
		out = binary.LittleEndian.AppendUint64(out, uint64(declared))
	}
	const block = 128 << 10
	for size > 0 {
		n := min(size, block)
		size -= n
		h := uint32(n)<<3 | 1<<1 // RLE
		if size == 0 {
			h |= 1 // last block
		}
		out = append(out, byte(h), byte(h>>8), byte(h>>16), 'a')
	}
	return out
}

func TestRecordRejects(t *testing.T) {
	good, _ := encodeDoc(&recordDocs[0].doc)
	notJSON, _ := zstd.NewWriter(nil, zstd.WithSingleSegment(true))
	small := rleFrame(300_000, 300_000)
	if raw, err := recordJSON(append([]byte{recLive}, small...)); err != nil || len(raw) != 300_000 {
		t.Fatalf("the RLE frame itself does not decode: %d bytes, %v", len(raw), err)
	}
	for _, tc := range []struct {
		name string
		rec  []byte
		want string
	}{
		{"empty", nil, "not a document record"},
		{"unknown tag", []byte{7, 1, 2, 3}, "first byte 0x7"},
		{"tag alone", []byte{recLive}, "decompress"},
		{"truncated", good[:len(good)/2], "decompress"},
		{"flipped byte", func() []byte {
			b := bytes.Clone(good)
			b[len(b)/2] ^= 0x55
			return b
		}(), ""},
		{"not JSON inside", append([]byte{recLive}, notJSON.EncodeAll([]byte("<html>"), nil)...), "invalid character"},
		{"bomb without a size", append([]byte{recLive}, rleFrame(maxRecord+1, -1)...), "want a known size"},
		{"bomb saying its size", append([]byte{recLive}, rleFrame(maxRecord+1, maxRecord+1)...), "want a known size"},
		{"bomb saying less", append([]byte{recLive}, rleFrame(maxRecord+1, 1000)...), "decompress"},
		{"frame saying more", append([]byte{recLive}, rleFrame(1000, 5000)...), "decompress"},
		{"broken JSON", []byte(`{"id":"x","body":"`), "unexpected end"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var d Document
			err := decodeDoc(tc.rec, &d)
			if err == nil {
				// A flipped byte inside a literal may still decode: to
				// other text, never without an error to something that
				// is not a Document; the checksum-less frame cannot tell.
				if tc.want == "" {
					return
				}
				t.Fatalf("decoded %+v, want an error", d)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want it to say %q", err, tc.want)
			}
		})
	}
}

// FuzzDecodeRecord: any bytes give a document or an error, never a panic,
// and a document that decodes encodes back to a record that decodes to it.
func FuzzDecodeRecord(f *testing.F) {
	for _, tc := range recordDocs {
		rec, _ := encodeDoc(&tc.doc)
		f.Add(rec)
		raw, _ := json.Marshal(&tc.doc)
		f.Add(raw)
	}
	f.Add(append([]byte{recGone}, rleFrame(300_000, 300_000)...))
	f.Add([]byte{recLive, 0x28, 0xb5, 0x2f, 0xfd})
	f.Add([]byte(`{"id":"z","fetched_at":"2025-02-15T08:30:00+07:00","body":"\ud800"}`))
	f.Fuzz(func(t *testing.T, rec []byte) {
		var d Document
		if err := decodeDoc(rec, &d); err != nil {
			return
		}
		again, err := encodeDoc(&d)
		if err != nil {
			t.Fatalf("re-encode: %v", err)
		}
		// Compared as JSON: a decoded time's zone is a new *Location.
		var d2 Document
		if err := decodeDoc(again, &d2); err != nil {
			t.Fatalf("round trip of a decoded record: %v", err)
		}
		if a, b := docJSON(t, &d), docJSON(t, &d2); a != b {
			t.Fatalf("round trip of a decoded record:\n%s\n%s", a, b)
		}
		if recordGone(again) != d.Gone {
			t.Fatalf("recordGone = %v for Gone %v", recordGone(again), d.Gone)
		}
	})
}

func docJSON(t *testing.T, d *Document) string {
	t.Helper()
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// writeV2Store builds a format 2 store the way the format 2 binary wrote
// it: a version 1 store with its graph built, JSON records.
func writeV2Store(t *testing.T, dir string, docs []*Document) {
	t.Helper()
	writeV1Store(t, dir, docs)
	db, err := bolt.Open(filepath.Join(dir, "store.db"), 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		if err := graph.Reset(tx); err != nil {
			return err
		}
		if err := rebuildGraph(tx, baseCodec(), nil); err != nil {
			return err
		}
		meta := tx.Bucket(bucketMeta)
		meta.Put([]byte("graph"), []byte(strconv.Itoa(graph.Version)))
		return meta.Put([]byte("version"), []byte("2"))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func storeVersionOf(t *testing.T, s *Store) string {
	t.Helper()
	var v string
	s.db.View(func(tx *bolt.Tx) error {
		v = string(tx.Bucket(bucketMeta).Get([]byte("version")))
		return nil
	})
	return v
}

// TestStoreFormat2: a format 2 store (JSON records) is served read-only as
// it is, opened read-write it is marked format 3 without rewriting a
// record, and its records are compressed as they change; a store of a
// later format is refused, read-only or not.
func TestStoreFormat2(t *testing.T) {
	dir := t.TempDir()
	docs := copyDocs(graphDocs)
	docs[len(docs)-1].Gone = true
	writeV2Store(t, dir, docs)

	s, err := OpenStore(dir, true, time.Second)
	if err != nil {
		t.Fatalf("read-only open of a format 2 store: %v", err)
	}
	live, gone, err := s.Count()
	if err != nil || live != len(docs)-1 || gone != 1 {
		t.Errorf("Count = %d, %d, %v; want %d, 1", live, gone, err, len(docs)-1)
	}
	d, err := s.Get(docs[0].ID)
	if err != nil || d.Title != docs[0].Title || d.Body != docs[0].Body {
		t.Errorf("Get of a JSON record: %+v, %v", d, err)
	}
	if v := storeVersionOf(t, s); v != "2" {
		t.Errorf("read-only open changed the version to %q", v)
	}
	s.Close()

	s = openTestStore(t, dir)
	if v := storeVersionOf(t, s); v != strconv.Itoa(storeVersion) {
		t.Errorf("version after a read-write open %q, want %d", v, storeVersion)
	}
	raw := func(id string) []byte {
		var out []byte
		s.db.View(func(tx *bolt.Tx) error {
			out = bytes.Clone(tx.Bucket(bucketDocs).Get([]byte(id)))
			return nil
		})
		return out
	}
	if r := raw(docs[0].ID); r[0] != '{' {
		t.Errorf("the upgrade rewrote record %s: %q…", docs[0].ID, r[:8])
	}
	changed := *docs[0]
	changed.Body += " Sửa đổi."
	if c, err := s.Put(&changed); err != nil || c != Changed {
		t.Fatalf("Put over a JSON record: %v, %v", c, err)
	}
	if r := raw(docs[0].ID); r[0] != recLive {
		t.Errorf("a changed record is not compressed: %q…", r[:8])
	}
	var seen int
	if err := s.Changes(t.Context(), 0, func(d *Document) error {
		seen++
		return nil
	}); err != nil || seen != len(docs) {
		t.Errorf("Changes read %d of %d documents: %v", seen, len(docs), err)
	}
	live, gone, _ = s.Count()
	if live != len(docs)-1 || gone != 1 {
		t.Errorf("Count of a mixed store = %d, %d", live, gone)
	}
	s.Close()
	if rep, err := CheckStore(t.Context(), dir); err != nil || !rep.OK() || rep.Documents != len(docs) {
		t.Errorf("check of a mixed store: %+v, %v", rep, err)
	}

	// A later format: refused with the version named.
	s = openTestStore(t, dir)
	later := strconv.Itoa(storeVersion + 1)
	s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put([]byte("version"), []byte(later)) })
	s.Close()
	for _, ro := range []bool{true, false} {
		if _, err := OpenStore(dir, ro, time.Second); err == nil || !strings.Contains(err.Error(), `store format "`+later+`"`) {
			t.Errorf("open (read-only %v) of a format %s store: %v", ro, later, err)
		}
	}
}

func TestRecordErrorIsWrapped(t *testing.T) {
	if err := decodeDoc([]byte{9}, new(Document)); !errors.Is(err, errRecord) {
		t.Errorf("unknown record: %v, want errRecord", err)
	}
}

// BenchmarkRecord: encoding and decoding one stored document, and the
// size of its record against its JSON.
func BenchmarkRecord(b *testing.B) {
	doc := recordDocs[0].doc
	raw, _ := json.Marshal(&doc)
	rec, _ := encodeDoc(&doc)
	b.Run("encode", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(raw)))
		for b.Loop() {
			if _, err := encodeDoc(&doc); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(rec))/float64(len(raw)), "ratio")
	})
	b.Run("decode", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(raw)))
		for b.Loop() {
			var d Document
			if err := decodeDoc(rec, &d); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("decode-json", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(raw)))
		for b.Loop() {
			var d Document
			if err := decodeDoc(raw, &d); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestStoreBodies: the snippets' text comes from the store, as the index
// analyzed it (the summary before a body that does not hold it), for many
// IDs in one read; unknown IDs are left out, a cancelled read fails.
func TestStoreBodies(t *testing.T) {
	s := openTestStore(t, t.TempDir())
	docs := []*Document{
		{URL: "https://a.example/1", Title: "Kế hoạch", Summary: "Triển khai chuyển đổi số.", Body: "Các sở, ngành thực hiện."},
		{URL: "https://a.example/2", Title: "Thông báo", Summary: "Lịch tiếp công dân", Body: "Lịch tiếp công dân tháng 3 của Chủ tịch UBND tỉnh."},
		{URL: "https://a.example/3", Title: "Tin", Body: "Đã gỡ."},
	}
	if _, err := s.PutBatch(docs); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MarkGone(docs[2].ID); err != nil {
		t.Fatal(err)
	}
	got, err := s.Bodies(t.Context(), []string{docs[0].ID, docs[1].ID, docs[2].ID, "0000000000000000"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		docs[0].ID: "Triển khai chuyển đổi số.\nCác sở, ngành thực hiện.",
		docs[1].ID: "Lịch tiếp công dân tháng 3 của Chủ tịch UBND tỉnh.",
		docs[2].ID: "Đã gỡ.",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Bodies = %q, want %q", got, want)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := s.Bodies(ctx, []string{docs[0].ID}); !errors.Is(err, context.Canceled) {
		t.Errorf("Bodies with a cancelled context: %v", err)
	}
}
