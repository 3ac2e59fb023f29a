package corpus

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/graph"
	bolt "go.etcd.io/bbolt"
)

// refsCiting is a decision citing n documents, amending and repealing
// some: a long refs value (the compressed form).
func refsCiting(n int) *Document {
	var b strings.Builder
	b.WriteString("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n")
	for i := range n {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, "Căn cứ Nghị định số %d/2020/NĐ-CP ngày 10/3/2020 của Chính phủ;\n", 9010+i)
		case 1:
			fmt.Fprintf(&b, "Sửa đổi khoản 2 Điều %d Quyết định số %d/2019/QĐ-UBND ngày 05/6/2019 của UBND tỉnh.\n", i, 9100+i)
		case 2:
			fmt.Fprintf(&b, "Bãi bỏ Quyết định số %d/QĐ-UBND ngày 12/01/2018 của Ủy ban nhân dân tỉnh.\n", 9200+i)
		default:
			fmt.Fprintf(&b, "Thực hiện Kế hoạch số %d/KH-UBND ngày 01/02/2021.\n", 9300+i)
		}
	}
	b.WriteString("Quyết định này có hiệu lực kể từ ngày 01 tháng 7 năm 2023.")
	return &Document{ID: "qd-long", Type: "Quyết định", Number: "45/2023/QĐ-UBND", Published: "2023-06-20",
		Title: "Quyết định số 45/2023/QĐ-UBND sửa đổi, bổ sung một số quy định", Body: b.String()}
}

// refsCases are the values the round-trip tests encode.
func refsCases() map[string]graph.Entry {
	cases := map[string]graph.Entry{"empty": {}, "number only": {Number: "45/2023/qđ-ubnd"}}
	for _, d := range append(graphDocs, refsCiting(3), refsCiting(40)) {
		cases[d.ID] = docGraph(d)
	}
	odd := docGraph(refsCiting(5))
	odd.Refs[0].Relation = "consolidates" // a relation a later parser may add
	odd.Refs[0].Year = 1 << 30
	odd.Edges[0].Doc = "another-doc"
	odd.Edges[1].Kind = ""
	cases["odd"] = odd
	return cases
}

// sameRefs compares two values as stored: an empty slice equal to none,
// without the references' offsets (neither form keeps them).
func sameRefs(a, b graph.Entry) bool {
	for _, v := range []*graph.Entry{&a, &b} {
		v.Refs = append([]cite.Ref(nil), v.Refs...)
		for i := range v.Refs {
			v.Refs[i].Start, v.Refs[i].End = 0, 0
		}
		if len(v.Refs) == 0 {
			v.Refs = nil
		}
		if len(v.Edges) == 0 {
			v.Edges = nil
		}
	}
	return reflect.DeepEqual(a, b)
}

func TestRefsValueRoundTrip(t *testing.T) {
	for name, v := range refsCases() {
		raw := graph.Encode(baseCodec(), &v, "qd-long")
		got, err := graph.Decode(baseCodec(), raw, "qd-long")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !sameRefs(got, v) {
			t.Errorf("%s: round trip differs", name)
		}
		js, _ := json.Marshal(v)
		t.Logf("%-12s %3d refs %3d edges: %5d B (JSON %5d B), tag %d", name, len(v.Refs), len(v.Edges), len(raw), len(js), raw[0])
		if len(raw) > len(js) {
			t.Errorf("%s: %d bytes, more than its JSON (%d)", name, len(raw), len(js))
		}
	}
	if raw := graph.Encode(baseCodec(), &graph.Entry{}, "x"); len(raw) != 1 {
		t.Errorf("a document without references takes %d bytes, want 1", len(raw))
	}
	long := docGraph(refsCiting(40))
	if raw := graph.Encode(baseCodec(), &long, "qd-long"); raw[0] != graph.TagRefsZst {
		t.Errorf("a value of %d references is not compressed (tag %d)", len(long.Refs), raw[0])
	}
	if len(long.Edges) == 0 || long.Edges[0].Doc != "qd-long" {
		t.Fatalf("the long decision states no edges of its own: %+v", long.Edges)
	}
}

// TestRefsValueJSON: the JSON values the graph wrote before the binary
// form read as they did, in a store too, and a write replaces them.
func TestRefsValueJSON(t *testing.T) {
	for name, v := range refsCases() {
		if v.Refs == nil {
			v.Refs = []cite.Ref{} // what the JSON writer stored
		}
		js, _ := json.Marshal(v)
		got, err := graph.Decode(baseCodec(), js, "qd-long")
		if err != nil || !sameRefs(got, v) {
			t.Errorf("%s: JSON value read differently (%v)", name, err)
		}
	}

	dir := t.TempDir()
	s := openTestStore(t, dir)
	for _, d := range graphDocs {
		if _, err := s.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string][]graph.ResolvedRef{}
	for _, d := range graphDocs {
		refs, err := s.Refs(d.ID)
		if err != nil {
			t.Fatal(err)
		}
		want[d.ID] = refs
	}
	// Turn every refs value into the JSON the graph used to write.
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(graph.BucketRefs)
		for _, d := range graphDocs {
			v := docGraph(d)
			if v.Refs == nil {
				v.Refs = []cite.Ref{}
			}
			js, _ := json.Marshal(v)
			if err := b.Put([]byte(d.ID), js); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = openTestStore(t, dir)
	for _, d := range graphDocs {
		got, err := s.Refs(d.ID)
		if err != nil || !reflect.DeepEqual(got, want[d.ID]) {
			t.Errorf("Refs(%s) of a JSON value = %+v, %v; want %+v", d.ID, got, err, want[d.ID])
		}
	}
	// The plan no longer cites 24-NQ/TW: its old JSON entry's bykey pair goes.
	p := *graphDocs[1]
	p.Body = "Kế hoạch số 236/KH-UBND cụ thể hóa Nghị quyết 154/NQ-CP ngày 23/11/2022."
	if _, err := s.Put(&p); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.CitedBy("24-NQ/TW"); !reflect.DeepEqual(got, []string{"r1"}) {
		t.Errorf("CitedBy(24-NQ/TW) after rewriting p1 = %v, want [r1]", got)
	}
	s.db.View(func(tx *bolt.Tx) error {
		if raw := tx.Bucket(graph.BucketRefs).Get([]byte("p1")); len(raw) == 0 || raw[0] == '{' {
			t.Errorf("p1's rewritten refs value is %q, want the binary form", raw)
		}
		return nil
	})
}

func TestRefsValueDamaged(t *testing.T) {
	v := docGraph(refsCiting(3))
	raw := graph.Encode(baseCodec(), &v, "qd-long")
	long := docGraph(refsCiting(40))
	z := graph.Encode(baseCodec(), &long, "qd-long")
	bad := map[string][]byte{
		"empty":          {},
		"unknown tag":    {9, 1, 2},
		"JSON":           []byte(`{"refs":[{"text":`),
		"trailing byte":  append(append([]byte{}, raw...), 0),
		"huge count":     {graph.TagRefsBin, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f},
		"long string":    {graph.TagRefsBin, 0x7f, 'a'},
		"bad relation":   append([]byte{graph.TagRefsBin, 0, 0, 0, 0, 1}, append(make([]byte, 8), 99, 0, 0, 0, 0, 0, 0)...),
		"zstd garbage":   {graph.TagRefsZst, 1, 2, 3, 4, 5, 6, 7},
		"zstd truncated": z[:len(z)/2],
		"zstd of empty":  encodeZstdRaw(nil),
		"zstd damaged":   append(append([]byte{}, z[:len(z)-8]...), 1, 2, 3, 4, 5, 6, 7, 8),
	}
	for n := 1; n < len(raw); n++ {
		bad[fmt.Sprintf("truncated to %d", n)] = raw[:n]
	}
	for name, b := range bad {
		if _, err := graph.Decode(baseCodec(), b, "x"); !errors.Is(err, graph.ErrRefsValue) {
			t.Errorf("%s: err %v, want errRefsValue", name, err)
		}
	}

	// Through the store: a damaged value is an error naming the document.
	s := openTestStore(t, t.TempDir())
	if _, err := s.Put(graphDocs[0]); err != nil {
		t.Fatal(err)
	}
	s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(graph.BucketRefs).Put([]byte("r1"), bad["huge count"]) })
	if _, err := s.Refs("r1"); err == nil || !strings.Contains(err.Error(), "refs of r1") || !errors.Is(err, graph.ErrRefsValue) {
		t.Errorf("Refs of a damaged value: %v", err)
	}
}

// encodeZstdRaw is b compressed behind the refsZst tag.
func encodeZstdRaw(b []byte) []byte {
	return baseCodec().enc.EncodeAll(b, []byte{graph.TagRefsZst})
}

func FuzzDecodeRefs(f *testing.F) {
	for _, v := range refsCases() {
		f.Add(graph.Encode(baseCodec(), &v, "id"))
		js, _ := json.Marshal(v)
		f.Add(js)
	}
	f.Add([]byte{graph.TagRefsZst, 0x28, 0xb5, 0x2f, 0xfd})
	f.Fuzz(func(t *testing.T, raw []byte) {
		v, err := graph.Decode(baseCodec(), raw, "id")
		if err != nil {
			if !errors.Is(err, graph.ErrRefsValue) {
				t.Fatalf("error %v is not errRefsValue", err)
			}
			return
		}
		again, err := graph.Decode(baseCodec(), graph.Encode(baseCodec(), &v, "id"), "id")
		if err != nil || !sameRefs(again, v) {
			t.Fatalf("re-encoded value reads %+v, %v; want %+v", again, err, v)
		}
	})
}

// BenchmarkRefsValue encodes and decodes the refs values of a short
// plan, a decision citing 3 documents and one citing 40; B/value is the
// binary size, json-B/value the JSON the graph wrote before (whose
// costs the -json variants measure).
func BenchmarkRefsValue(b *testing.B) {
	for _, d := range []*Document{graphDocs[1], refsCiting(3), refsCiting(40)} {
		v := docGraph(d)
		js, _ := json.Marshal(v)
		raw := graph.Encode(baseCodec(), &v, d.ID)
		b.Run(fmt.Sprintf("%s-%drefs/encode", d.ID, len(v.Refs)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				raw = graph.Encode(baseCodec(), &v, d.ID)
			}
			b.ReportMetric(float64(len(raw)), "B/value")
			b.ReportMetric(float64(len(js)), "json-B/value")
		})
		b.Run(fmt.Sprintf("%s-%drefs/encode-json", d.ID, len(v.Refs)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				js, _ = json.Marshal(v)
			}
			b.ReportMetric(float64(len(js)), "B/value")
		})
		b.Run(fmt.Sprintf("%s-%drefs/decode", d.ID, len(v.Refs)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := graph.Decode(baseCodec(), raw, d.ID); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(raw)), "B/value")
		})
		b.Run(fmt.Sprintf("%s-%drefs/decode-json", d.ID, len(v.Refs)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := graph.Decode(baseCodec(), js, d.ID); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(js)), "B/value")
		})
	}
}

// TestRefsValueTrained: with a store's trained dictionary the values
// round-trip, and one naming a dictionary the codec does not hold is
// refused as damaged, saying which.
func TestRefsValueTrained(t *testing.T) {
	c := trainedCodec(t, genDocs(5, 300))
	for name, v := range refsCases() {
		raw := graph.Encode(c, &v, "qd-long")
		got, err := graph.Decode(c, raw, "qd-long")
		if err != nil || !sameRefs(got, v) {
			t.Errorf("%s: round trip with the trained dictionary differs (%v)", name, err)
		}
	}
	long := docGraph(refsCiting(40))
	raw := graph.Encode(c, &long, "qd-long")
	if raw[0] != graph.TagRefsZst {
		t.Fatalf("long value not compressed: tag %d", raw[0])
	}
	_, err := graph.Decode(baseCodec(), raw, "qd-long")
	if !errors.Is(err, graph.ErrRefsValue) || !errors.Is(err, errNoDict) {
		t.Errorf("value of a missing dictionary: %v, want graph.ErrRefsValue and errNoDict", err)
	}
}
