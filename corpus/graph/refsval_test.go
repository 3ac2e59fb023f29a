package graph

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/cite"
	bolt "go.etcd.io/bbolt"
)

// refsCases are the values the round-trip tests encode.
func refsCases() map[string]Entry {
	cases := map[string]Entry{"empty": {}, "number only": {Number: "45/2023/qđ-ubnd"}}
	for _, d := range append(graphDocs, refsCiting(3), refsCiting(40)) {
		cases[d.ID] = d.entry()
	}
	odd := refsCiting(5).entry()
	odd.Refs[0].Relation = "consolidates" // a relation a later parser may add
	odd.Refs[0].Year = 1 << 30
	odd.Edges[0].Doc = "another-doc"
	odd.Edges[1].Kind = ""
	cases["odd"] = odd
	return cases
}

// sameRefs compares two values as stored: an empty slice equal to none,
// without the references' offsets (neither form keeps them).
func sameRefs(a, b Entry) bool {
	for _, v := range []*Entry{&a, &b} {
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
	c := newTestCodec(t)
	for name, v := range refsCases() {
		raw := Encode(c, &v, "qd-long")
		got, err := Decode(c, raw, "qd-long")
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
	if raw := Encode(c, &Entry{}, "x"); len(raw) != 1 {
		t.Errorf("a document without references takes %d bytes, want 1", len(raw))
	}
	long := refsCiting(40).entry()
	if raw := Encode(c, &long, "qd-long"); raw[0] != refsZst {
		t.Errorf("a value of %d references is not compressed (tag %d)", len(long.Refs), raw[0])
	}
	if len(long.Edges) == 0 || long.Edges[0].Doc != "qd-long" {
		t.Fatalf("the long decision states no edges of its own: %+v", long.Edges)
	}
}

// TestRefsValueJSON: the JSON values the graph wrote before the binary
// form read as they did, in a graph too, and a write replaces them.
func TestRefsValueJSON(t *testing.T) {
	for name, v := range refsCases() {
		if v.Refs == nil {
			v.Refs = []cite.Ref{} // what the JSON writer stored
		}
		js, _ := json.Marshal(v)
		got, err := Decode(newTestCodec(t), js, "qd-long")
		if err != nil || !sameRefs(got, v) {
			t.Errorf("%s: JSON value read differently (%v)", name, err)
		}
	}

	s := openTestDB(t)
	s.put(graphDocs...)
	refsOf := func(id string) (refs []ResolvedRef, err error) {
		s.view(func(g Graph) error { refs, err = g.Refs(id); return nil })
		return refs, err
	}
	want := map[string][]ResolvedRef{}
	for _, d := range graphDocs {
		refs, err := refsOf(d.ID)
		if err != nil {
			t.Fatal(err)
		}
		want[d.ID] = refs
	}
	// Turn every refs value into the JSON the graph used to write.
	s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketRefs)
		for _, d := range graphDocs {
			v := d.entry()
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
	s.reopen()
	for _, d := range graphDocs {
		got, err := refsOf(d.ID)
		if err != nil || !reflect.DeepEqual(got, want[d.ID]) {
			t.Errorf("Refs(%s) of a JSON value = %+v, %v; want %+v", d.ID, got, err, want[d.ID])
		}
	}
	// The plan no longer cites 24-NQ/TW: its old JSON entry's bykey pair goes.
	p := graphDocs[1]
	p.Body = "Kế hoạch số 236/KH-UBND cụ thể hóa Nghị quyết 154/NQ-CP ngày 23/11/2022."
	s.put(p)
	s.view(func(g Graph) error {
		if got := g.CitedBy("24-nq/tw"); !reflect.DeepEqual(got, []string{"r1"}) {
			t.Errorf("CitedBy(24-NQ/TW) after rewriting p1 = %v, want [r1]", got)
		}
		if raw := g.tx.Bucket(bucketRefs).Get([]byte("p1")); len(raw) == 0 || raw[0] == '{' {
			t.Errorf("p1's rewritten refs value is %q, want the binary form", raw)
		}
		return nil
	})
}

func TestRefsValueDamaged(t *testing.T) {
	c := newTestCodec(t)
	v := refsCiting(3).entry()
	raw := Encode(c, &v, "qd-long")
	long := refsCiting(40).entry()
	z := Encode(c, &long, "qd-long")
	bad := map[string][]byte{
		"empty":          {},
		"unknown tag":    {9, 1, 2},
		"JSON":           []byte(`{"refs":[{"text":`),
		"trailing byte":  append(append([]byte{}, raw...), 0),
		"huge count":     {refsBin, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f},
		"long string":    {refsBin, 0x7f, 'a'},
		"bad relation":   append([]byte{refsBin, 0, 0, 0, 0, 1}, append(make([]byte, 8), 99, 0, 0, 0, 0, 0, 0)...),
		"zstd garbage":   {refsZst, 1, 2, 3, 4, 5, 6, 7},
		"zstd truncated": z[:len(z)/2],
		"zstd of empty":  c.enc.EncodeAll(nil, []byte{refsZst}),
		"zstd damaged":   append(append([]byte{}, z[:len(z)-8]...), 1, 2, 3, 4, 5, 6, 7, 8),
	}
	for n := 1; n < len(raw); n++ {
		bad[fmt.Sprintf("truncated to %d", n)] = raw[:n]
	}
	for name, b := range bad {
		if _, err := Decode(c, b, "x"); !errors.Is(err, ErrRefsValue) {
			t.Errorf("%s: err %v, want ErrRefsValue", name, err)
		}
	}

	// In a graph: a damaged value is an error naming the document.
	s := openTestDB(t)
	s.put(graphDocs[0])
	s.update(func(tx *bolt.Tx) error { return tx.Bucket(bucketRefs).Put([]byte("r1"), bad["huge count"]) })
	s.view(func(g Graph) error {
		if _, err := g.Refs("r1"); err == nil || !strings.Contains(err.Error(), "refs of r1") || !errors.Is(err, ErrRefsValue) {
			t.Errorf("Refs of a damaged value: %v", err)
		}
		return nil
	})
}

func FuzzDecodeRefs(f *testing.F) {
	c := newTestCodec(f)
	for _, v := range refsCases() {
		f.Add(Encode(c, &v, "id"))
		js, _ := json.Marshal(v)
		f.Add(js)
	}
	f.Add([]byte{refsZst, 0x28, 0xb5, 0x2f, 0xfd})
	ground := groundEntry(true)
	f.Add(Encode(c, &ground, "id"))
	f.Add([]byte(oldGroundValue))
	f.Fuzz(func(t *testing.T, raw []byte) {
		v, err := Decode(c, raw, "id")
		if err != nil {
			if !errors.Is(err, ErrRefsValue) {
				t.Fatalf("error %v is not ErrRefsValue", err)
			}
			return
		}
		again, err := Decode(c, Encode(c, &v, "id"), "id")
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
	c := newTestCodec(b)
	for _, d := range []tdoc{graphDocs[1], refsCiting(3), refsCiting(40)} {
		v := d.entry()
		js, _ := json.Marshal(v)
		raw := Encode(c, &v, d.ID)
		b.Run(fmt.Sprintf("%s-%drefs/encode", d.ID, len(v.Refs)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				raw = Encode(c, &v, d.ID)
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
				if _, err := Decode(c, raw, d.ID); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(raw)), "B/value")
		})
		b.Run(fmt.Sprintf("%s-%drefs/decode-json", d.ID, len(v.Refs)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Decode(c, js, d.ID); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(js)), "B/value")
		})
	}
}
