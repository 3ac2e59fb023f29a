package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus/cite"
	bolt "go.etcd.io/bbolt"
)

// edgeCase is an edge as one bucket stores it.
type edgeCase struct {
	name string
	e    Edge
	doc  string // the key's stating document
	to   bool
}

// edgeCases are the entries of edgeDocs' edges on both sides, and edges
// the graph does not write today but a value must carry: an end that is
// not the lookup key of its key as written, a name without number, a
// relation a later parser may add, a Doc other than the key's.
func edgeCases(t testing.TB) []edgeCase {
	var out []edgeCase
	add := func(name string, e Edge, doc string) {
		if e.To != "" {
			out = append(out, edgeCase{name + "/to", e, doc, true})
		}
		if e.From != "" {
			out = append(out, edgeCase{name + "/from", e, doc, false})
		}
	}
	for _, d := range edgeDocs {
		for n, e := range d.entry().Edges {
			add(fmt.Sprintf("%s#%d", d.ID, n), e, d.ID)
		}
	}
	if len(out) < 20 {
		t.Fatalf("edgeDocs state %d edge entries", len(out))
	}
	odd := []Edge{
		{Kind: cite.Amends, From: "#tin-tuc-7", To: "13/2019/qđ-ubnd", ToKey: "13/2019/QĐ-UBND", Part: "khoản 1 Điều 2", Partial: true, Effective: "2025-03-03", Approx: true, Doc: "tin-tuc-7"},
		{Kind: cite.Replaces, From: "", FromKey: "Luật PPP", To: "64/2020/qh14", ToKey: "64/2020/QH14", Doc: "x"},
		{Kind: cite.Relation("consolidates"), From: "1/vbhn-vpqh", FromKey: "01/VBHN-VPQH", To: "2/vbhn-vpqh", ToKey: "02/VBHN", Doc: "x"},
		{Kind: cite.Repeals, From: "9/qđ-ubnd", FromKey: "9/QĐ-UBND", To: "8/qđ-ubnd", ToKey: "8/QĐ-UBND", Doc: "another document"},
		{Kind: cite.Expires, From: "ä\x00b", FromKey: "", To: "c", ToKey: "c d", Doc: "x\x00y"},
	}
	for i, e := range odd {
		add(fmt.Sprintf("odd%d", i), e, "x\x00y")
	}
	return out
}

func TestEdgeValueRoundTrip(t *testing.T) {
	var bin, js, derived int
	for _, c := range edgeCases(t) {
		end := c.e.From
		if c.to {
			end = c.e.To
		}
		key := edgeKey(end, c.e.Kind, c.doc, 3)
		raw := edgeValue(&c.e, c.doc, c.to)
		got, err := decodeEdge(key, raw, end, c.to)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if !reflect.DeepEqual(got, c.e) {
			t.Errorf("%s: round trip\n got %+v\nwant %+v", c.name, got, c.e)
		}
		j, _ := json.Marshal(c.e)
		if len(raw) >= len(j)/2 {
			t.Errorf("%s: %d bytes, at least half its JSON's %d", c.name, len(raw), len(j))
		}
		if !strings.HasPrefix(c.name, "odd") {
			bin, js = bin+len(raw), js+len(j)
			if raw[1]&4 != 0 {
				derived++
			}
		}
	}
	t.Logf("the graph's edges: %d B binary, %d B JSON; %d entries leave the other end out", bin, js, derived)
	if derived == 0 {
		t.Error("no entry leaves out an end that is its key's lookup key")
	}
}

// edgesToJSON rewrites every relto and relfrom value of a store as the JSON
// the graph wrote before the binary form.
func edgesToJSON(db *bolt.DB) error {
	return db.Update(func(tx *bolt.Tx) error {
		for _, x := range []struct {
			name []byte
			to   bool
		}{{bucketRelTo, true}, {bucketRelFrom, false}} {
			b := tx.Bucket(x.name)
			var keys, vals [][]byte
			err := b.ForEach(func(k, v []byte) error {
				end, _, _ := bytes.Cut(k, []byte{0})
				e, err := decodeEdge(k, v, string(end), x.to)
				if err != nil {
					return err
				}
				js, err := json.Marshal(e)
				keys, vals = append(keys, bytes.Clone(k)), append(vals, js)
				return err
			})
			if err != nil {
				return err
			}
			for i, k := range keys {
				if err := b.Put(k, vals[i]); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// graphAnswers is what a store answers of every end edgeDocs name:
// relations, effect at two times, each document's effect and span.
func graphAnswers(t *testing.T, s *testDB) string {
	t.Helper()
	var b strings.Builder
	ends := map[string]bool{}
	for _, d := range edgeDocs {
		for _, e := range d.entry().Edges {
			ends[e.From], ends[e.To], ends[e.FromKey], ends[e.ToKey] = true, true, true, true
		}
	}
	delete(ends, "")
	for _, key := range slices.Sorted(maps.Keys(ends)) {
		r, err := s.relations(key)
		if err != nil {
			t.Fatal(err)
		}
		js, _ := json.Marshal(r)
		fmt.Fprintf(&b, "%s relations %s\n", key, js)
		for _, at := range []string{"2024-06-01", "2025-08-01"} {
			e, err := s.effect(context.Background(), key, day(at))
			if err != nil && !strings.Contains(err.Error(), "not a document number") {
				t.Fatal(err)
			}
			js, _ := json.Marshal(e)
			fmt.Fprintf(&b, "%s effect %s %s\n", key, at, js)
		}
	}
	for _, d := range edgeDocs {
		e, err := s.docEffect(context.Background(), d.ID, day("2025-08-01"))
		if err != nil {
			t.Fatal(err)
		}
		sp, err := s.span(d.ID)
		if err != nil {
			t.Fatal(err)
		}
		js, _ := json.Marshal([]any{e, sp})
		fmt.Fprintf(&b, "%s doc effect and span %s\n", d.ID, js)
	}
	return b.String()
}

// TestEdgeValueJSON: a graph whose edge entries are the JSON the graph
// wrote before answers relations and effects as one with binary entries;
// writing a document replaces its entries with the binary form.
func TestEdgeValueJSON(t *testing.T) {
	s := openTestDB(t)
	for _, d := range edgeDocs {
		s.put(d)
	}
	want := graphAnswers(t, s)
	if strings.Count(want, `"kind":`) < 10 {
		t.Fatalf("the answers hold few relations:\n%s", want)
	}
	if err := edgesToJSON(s.db); err != nil {
		t.Fatal(err)
	}
	s.reopen()
	if got := graphAnswers(t, s); got != want {
		t.Errorf("answers from JSON entries differ:\n got %s\nwant %s", got, want)
	}
	b := decisionB
	b.Summary = "Thay thế Đề án."
	s.put(b)
	if got := graphAnswers(t, s); got != want {
		t.Errorf("answers after rewriting qd2150 differ:\n got %s\nwant %s", got, want)
	}
	jsonLeft, binary := 0, 0
	s.db.View(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketRelTo, bucketRelFrom} {
			tx.Bucket(name).ForEach(func(k, v []byte) error {
				_, rest, _ := bytes.Cut(k, []byte{0})
				_, rest, _ = bytes.Cut(rest, []byte{0})
				switch doc, _, _ := bytes.Cut(rest, []byte{0}); {
				case string(doc) == b.ID && v[0] == '{':
					t.Errorf("%q of the rewritten document is still JSON", k)
				case string(doc) == b.ID:
					binary++
				case v[0] == '{':
					jsonLeft++
				}
				return nil
			})
		}
		return nil
	})
	if binary == 0 || jsonLeft == 0 {
		t.Errorf("%d binary entries of the rewritten document, %d JSON entries of the others", binary, jsonLeft)
	}
}

func TestEdgeValueDamaged(t *testing.T) {
	e := decisionB.entry().Edges[0]
	key := edgeKey(e.To, e.Kind, "qd2150", 0)
	raw := edgeValue(&e, "qd2150", true)
	if _, err := decodeEdge(key, raw, e.To, true); err != nil {
		t.Fatal(err)
	}
	bad := map[string]struct {
		key, raw []byte
		end      string
	}{
		"empty":         {key, nil, e.To},
		"unknown tag":   {key, []byte{9, 0}, e.To},
		"bad JSON":      {key, []byte(`{"kind":`), e.To},
		"unknown flag":  {key, []byte{edgeBin, 0x10, 0, 0, 0, 0, 0}, e.To},
		"trailing byte": {key, append(bytes.Clone(raw), 0), e.To},
		"long string":   {key, []byte{edgeBin, 4, 0x7f, 'a'}, e.To},
		"huge length":   {key, []byte{edgeBin, 4, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}, e.To},
		"other end":     {key, raw, "2150/qđ-ubnd"},
		"no kind":       {[]byte(e.To + "\x00\x00qd2150\x000"), raw, e.To},
		"no index":      {[]byte(e.To + "\x00replaces\x00qd2150"), raw, e.To},
		"bad index":     {[]byte(e.To + "\x00replaces\x00qd2150\x00x"), raw, e.To},
		"empty index":   {[]byte(e.To + "\x00replaces\x00qd2150\x00"), raw, e.To},
	}
	for n := 1; n < len(raw); n++ {
		bad[fmt.Sprintf("truncated to %d", n)] = struct {
			key, raw []byte
			end      string
		}{key, raw[:n], e.To}
	}
	for name, c := range bad {
		if _, err := decodeEdge(c.key, c.raw, c.end, true); !errors.Is(err, ErrEdgeValue) {
			t.Errorf("%s: err %v, want ErrEdgeValue", name, err)
		}
	}

	// In a graph: an error naming the entry (the store's error names the
	// number too: corpus's TestGraphReadErrors).
	s := openTestDB(t)
	s.put(decisionA, decisionB)
	s.update(func(tx *bolt.Tx) error { return tx.Bucket(bucketRelTo).Put(key, raw[:3]) })
	if _, err := s.relations("1579/QĐ-UBND"); err == nil || !strings.Contains(err.Error(), "qd2150") || !errors.Is(err, ErrEdgeValue) {
		t.Errorf("Relations of a damaged entry: %v", err)
	}
	if _, err := s.effect(context.Background(), "1579/QĐ-UBND", time.Now()); err == nil || !errors.Is(err, ErrEdgeValue) {
		t.Errorf("Effect of a damaged entry: %v", err)
	}
}

func FuzzDecodeEdge(f *testing.F) {
	for _, c := range edgeCases(f) {
		end := c.e.From
		if c.to {
			end = c.e.To
		}
		key := edgeKey(end, c.e.Kind, c.doc, 0)
		f.Add(key, edgeValue(&c.e, c.doc, c.to), c.to)
		js, _ := json.Marshal(c.e)
		f.Add(key, js, c.to)
	}
	f.Fuzz(func(t *testing.T, key, raw []byte, to bool) {
		end, _, _ := bytes.Cut(key, []byte{0})
		e, err := decodeEdge(key, raw, string(end), to)
		if err != nil {
			if !errors.Is(err, ErrEdgeValue) {
				t.Fatalf("error %v is not ErrEdgeValue", err)
			}
			return
		}
		if raw[0] != edgeBin {
			return // JSON: the value as it was written
		}
		_, doc, _ := parseEdgeKey(key, string(end))
		again, err := decodeEdge(key, edgeValue(&e, doc, to), string(end), to)
		if err != nil || !reflect.DeepEqual(again, e) {
			t.Fatalf("re-encoded entry reads %+v, %v; want %+v", again, err, e)
		}
	})
}

// BenchmarkEdgesRead reads the Lược đồ of a decree cited (căn cứ) by 200
// stored decisions and amended by 20, and its effect: the read path of
// relto and relfrom, binary entries against the JSON ones they replace.
// B/entry is the entries' mean key + value size.
func BenchmarkEdgesRead(b *testing.B) {
	s := openTestDB(b)
	var docs []tdoc
	for i := range 220 {
		body := fmt.Sprintf("Căn cứ Nghị định số 47/2020/NĐ-CP ngày 10/3/2020 của Chính phủ;\nĐiều 1. Giao đất cho xã %d.", i)
		if i%11 == 0 {
			body = fmt.Sprintf("Sửa đổi khoản %d Điều 3 Nghị định số 47/2020/NĐ-CP ngày 10/3/2020 của Chính phủ.", i%9+1)
		}
		docs = append(docs, tdoc{ID: fmt.Sprintf("qd-%03d", i), Number: fmt.Sprintf("%d/2024/QĐ-UBND", 100+i),
			Published: "2024-05-02", Title: fmt.Sprintf("Quyết định số %d/2024/QĐ-UBND", 100+i), Body: body})
	}
	s.put(docs...)
	for _, form := range []string{"binary", "json"} {
		if form == "json" {
			if err := edgesToJSON(s.db); err != nil {
				b.Fatal(err)
			}
		}
		var size, n int
		s.db.View(func(tx *bolt.Tx) error {
			return tx.Bucket(bucketRelTo).ForEach(func(k, v []byte) error {
				size, n = size+len(k)+len(v), n+1
				return nil
			})
		})
		b.Run(form+"/relations", func(b *testing.B) {
			b.ReportAllocs()
			var r Relations
			var err error
			for b.Loop() {
				if r, err = s.relations("47/2020/NĐ-CP"); err != nil {
					b.Fatal(err)
				}
			}
			if len(r.In) != MaxLinks { // 220 links in, the strongest 200 kept
				b.Fatalf("%d links in", len(r.In))
			}
			b.ReportMetric(float64(size)/float64(n), "B/entry")
		})
		b.Run(form+"/effect", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.effect(context.Background(), "47/2020/NĐ-CP", day("2025-01-01")); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEdgeValue encodes and decodes the entries of edgeDocs' edges
// (both buckets): the binary form against the JSON it replaces, per
// entry.
func BenchmarkEdgeValue(b *testing.B) {
	type entry struct {
		c        edgeCase
		key, bin []byte
		js       []byte
		end      string
	}
	var es []entry
	var binB, jsB int
	for _, c := range edgeCases(b) {
		if strings.HasPrefix(c.name, "odd") {
			continue
		}
		end := c.e.From
		if c.to {
			end = c.e.To
		}
		js, _ := json.Marshal(c.e)
		x := entry{c, edgeKey(end, c.e.Kind, c.doc, 0), edgeValue(&c.e, c.doc, c.to), js, end}
		es = append(es, x)
		binB, jsB = binB+len(x.bin), jsB+len(x.js)
	}
	n := float64(len(es))
	report := func(b *testing.B, size int) {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/entry")
		b.ReportMetric(float64(size)/n, "B/entry")
	}
	b.Run("encode", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, x := range es {
				_ = edgeValue(&x.c.e, x.c.doc, x.c.to)
			}
		}
		report(b, binB)
	})
	b.Run("encode-json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, x := range es {
				if _, err := json.Marshal(x.c.e); err != nil {
					b.Fatal(err)
				}
			}
		}
		report(b, jsB)
	})
	for _, form := range []string{"decode", "decode-json"} {
		b.Run(form, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, x := range es {
					raw := x.bin
					if form == "decode-json" {
						raw = x.js
					}
					if _, err := decodeEdge(x.key, raw, x.end, x.c.to); err != nil {
						b.Fatal(err)
					}
				}
			}
			report(b, map[bool]int{true: jsB, false: binB}[form == "decode-json"])
		})
	}
}
