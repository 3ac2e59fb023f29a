package indexer

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	zap "github.com/blevesearch/zapx/v17"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/demo"
)

// zapSegmentFile writes docs as zap v17's New and Persist write them: the
// reference of our writer (segWriter.writeBatch's path before it).
func zapSegmentFile(docs []index.Document, path string) error {
	var p zap.ZapPlugin
	seg, _, err := p.New(docs)
	if err != nil {
		return err
	}
	defer seg.Close()
	return seg.(segment.UnpersistedSegment).Persist(path)
}

// canonicalSegment is the file data with each field's section addresses
// sorted by section type and the CRC made anew: zap writes a field's
// addresses in the order of a map's iteration (persistFieldsSection),
// the one part of its file that is not the same from run to run. Every
// other byte is kept.
func canonicalSegment(t testing.TB, data []byte) []byte {
	t.Helper()
	data = slices.Clone(data)
	if len(data) < zap.FooterSize {
		t.Fatalf("segment of %d bytes", len(data))
	}
	foot := len(data) - zap.FooterSize
	sections := binary.BigEndian.Uint64(data[foot+4+8+8:]) // after the writer id's length (no id), the count of documents and the stored index
	pos := int(sections)
	nf, n := binary.Uvarint(data[pos:])
	pos += n
	for f := range int(nf) {
		at := int(binary.BigEndian.Uint64(data[pos+8*f:]))
		l, n := binary.Uvarint(data[at:])
		at += n + int(l)
		_, n = binary.Uvarint(data[at:]) // options
		at += n
		ns, n := binary.Uvarint(data[at:])
		at += n
		type pair struct {
			typ  uint16
			addr uint64
		}
		pairs := make([]pair, ns)
		for k := range pairs {
			pairs[k] = pair{binary.BigEndian.Uint16(data[at+10*k:]), binary.BigEndian.Uint64(data[at+10*k+2:])}
		}
		slices.SortFunc(pairs, func(x, y pair) int { return int(x.typ) - int(y.typ) })
		for k, p := range pairs {
			binary.BigEndian.PutUint16(data[at+10*k:], p.typ)
			binary.BigEndian.PutUint64(data[at+10*k+2:], p.addr)
		}
	}
	binary.BigEndian.PutUint32(data[len(data)-4:], crc32.ChecksumIEEE(data[:len(data)-4]))
	return data
}

// sameAsZap fails unless our writer's file of the documents make gives is
// zap's (canonicalSegment) byte for byte. make is called once for each
// writer: zap changes the frequencies of a field repeated in a document.
// Ours is written with e (nil: a new encoder).
func sameAsZap(t testing.TB, e *segEncoder, name string, mk func() []index.Document) {
	t.Helper()
	dir := t.TempDir()
	want, got := filepath.Join(dir, "zap.zap"), filepath.Join(dir, "ours.zap")
	if err := zapSegmentFile(mk(), want); err != nil {
		t.Fatalf("%s: zap: %v", name, err)
	}
	if e == nil {
		e = new(segEncoder)
	}
	if err := e.writeFile(mk(), got); err != nil {
		t.Fatalf("%s: ours: %v", name, err)
	}
	b := sameFileAsZap(t, name+": our segment", want, got)
	if !bytes.Equal(canonicalSegment(t, b), b) {
		t.Fatalf("%s: our segment is not in canonical order", name)
	}
	var p zap.ZapPlugin
	seg, err := p.Open(got)
	if err != nil {
		t.Fatalf("%s: zap cannot open ours: %v", name, err)
	}
	seg.Close()
}

// analyzed is docs as the build hands them to a segment: analyzed with
// the index's mapping and the one pass (analyzedDocument) and prepared
// (prepareForSegment).
func analyzed(t testing.TB, docs []*corpus.Document) []index.Document {
	t.Helper()
	m := NewMapping()
	var pool scratchPool
	out := make([]index.Document, len(docs))
	for i, d := range docs {
		doc, err := analyzedDocument(m, d, nil, &pool)
		if err != nil {
			t.Fatal(err)
		}
		prepareForSegment(doc)
		out[i] = doc
	}
	return out
}

// segDemoDocs are the demo portal's articles as corpus documents.
func segDemoDocs() []*corpus.Document {
	var docs []*corpus.Document
	for i, a := range demo.Articles() {
		docs = append(docs, &corpus.Document{ID: fmt.Sprintf("demo-%03d", i), URL: "http://demo.test" + a.Path,
			Title: a.Title, Body: a.Body, Type: a.Type, Number: a.Number, Published: a.Published,
			Issuer: a.Issuer, Site: "demo.test", Category: "tin tức"})
	}
	return docs
}

// segGenDocs are n documents made of the demo's sentences and the one
// pass's test lines: empty titles and bodies, a word repeated hundreds of
// times, documents of thousands of sentences, numbers, cited numbers,
// article headings, dates, issuers, categories.
func segGenDocs(n int, seed uint64) []*corpus.Document {
	ss := append(slices.Clone(demo.Sentences()), onePassLines...)
	rng := rand.New(rand.NewPCG(seed, 21))
	types := []string{"", "Nghị quyết", "Kế hoạch", "Quyết định", "Thông tư"}
	docs := make([]*corpus.Document, n)
	for i := range docs {
		var body strings.Builder
		paras := rng.IntN(12)
		switch i % 50 {
		case 3:
			paras = 0
		case 7:
			paras = 2000 // very long
		}
		for range paras {
			body.WriteString(ss[rng.IntN(len(ss))])
			body.WriteString(". ")
			if rng.IntN(4) == 0 {
				body.WriteString("\nĐiều " + fmt.Sprint(1+rng.IntN(40)) + ". Quy định chung\n")
			}
		}
		if i%17 == 5 {
			body.WriteString(strings.Repeat("chuyển đổi số ", 300))
		}
		if rng.IntN(5) == 0 {
			body.WriteString(" Căn cứ Nghị định số 12/2024/NĐ-CP và Thông tư 05/2020/TT-BTC.")
		}
		d := &corpus.Document{ID: fmt.Sprintf("gen-%d-%05d", seed, i), URL: fmt.Sprintf("http://gen.test/%d", i),
			Body: body.String(), Type: types[rng.IntN(len(types))], Site: "gen.test"}
		if i%11 != 4 {
			d.Title = ss[rng.IntN(len(ss))]
		}
		if d.Type != "" {
			d.Number = fmt.Sprintf("%d/KH-UBND", 1+rng.IntN(300))
			d.Published = fmt.Sprintf("20%02d-%02d-%02d", 10+rng.IntN(15), 1+rng.IntN(12), 1+rng.IntN(28))
			d.Issuer = []string{"UBND tỉnh Quảng Ngãi", "Bộ Tài chính", "Chính phủ"}[rng.IntN(3)]
		}
		if rng.IntN(3) == 0 {
			d.Category = "Giáo dục"
		}
		if i%9 == 2 {
			d.PartOf = "Luật Đất đai 2024"
		}
		docs[i] = d
	}
	return docs
}

// customDocs are documents of fields our mapping does not make, built
// with bleve's document package: stored text with and without term
// vectors (positions and byte offsets), array positions, a field repeated
// in a document, numeric, date and boolean doc values, fields with no
// terms, fields indexed and not stored and stored and not indexed.
func customDocs(n int, seed uint64) []index.Document {
	m := NewMapping()
	exact, fold := m.AnalyzerNamed(AnalyzerExact), m.AnalyzerNamed(AnalyzerFold)
	ss := append(slices.Clone(demo.Sentences()), onePassLines...)
	rng := rand.New(rand.NewPCG(seed, 7))
	docs := make([]index.Document, n)
	for i := range docs {
		d := document.NewDocument(fmt.Sprintf("c%04d", i))
		s := func() []byte { return []byte(ss[rng.IntN(len(ss))]) }
		vec := index.IndexField | index.StoreField | index.IncludeTermVectors
		d.AddField(document.NewTextFieldCustom("vec", nil, s(), vec, exact))
		if rng.IntN(2) == 0 { // repeated, with array positions
			d.AddField(document.NewTextFieldCustom("vec", []uint64{1}, s(), vec, exact))
			d.AddField(document.NewTextFieldCustom("vec", []uint64{2, 0}, []byte("chuyển đổi số chuyển đổi số"), vec, exact))
		}
		d.AddField(document.NewTextFieldCustom("plain", nil, s(), index.IndexField, fold))
		d.AddField(document.NewTextFieldCustom("skip", nil, s(), index.IndexField|index.SkipFreqNorm, fold))
		if rng.IntN(3) == 0 {
			d.AddField(document.NewTextFieldCustom("stored", nil, s(), index.StoreField, nil))
		}
		if rng.IntN(4) > 0 {
			d.AddField(document.NewTextFieldCustom("tag", nil, []byte([]string{"a", "b", "Quốc hội", ""}[rng.IntN(4)]),
				index.IndexField|index.StoreField|index.DocValues, m.AnalyzerNamed("keyword")))
		}
		d.AddField(document.NewNumericFieldWithIndexingOptions("num", nil, float64(rng.IntN(1000)-500),
			index.IndexField|index.StoreField|index.DocValues))
		when, err := document.NewDateTimeFieldWithIndexingOptions("when", nil,
			time.Date(2000+rng.IntN(25), 1, 1+rng.IntN(28), 0, 0, 0, 0, time.UTC), time.RFC3339,
			index.IndexField|index.DocValues|index.SkipDVCompression)
		if err != nil {
			panic(err)
		}
		d.AddField(when)
		d.AddField(document.NewBooleanField("ok", nil, rng.IntN(2) == 0))
		if i%5 == 1 {
			d.AddField(document.NewTextFieldCustom("empty", nil, nil, index.IndexField|index.IncludeTermVectors|index.DocValues, exact))
		}
		prepareForSegment(d)
		docs[i] = d
	}
	return docs
}

// TestSegmentWriterSameAsZap: for every batch, our segment file is zap
// v17's (New and Persist) byte for byte (but for the order of each
// field's section addresses, canonicalSegment).
func TestSegmentWriterSameAsZap(t *testing.T) {
	demoDocs := segDemoDocs()
	gen := segGenDocs(400, 1)
	long := segGenDocs(60, 2)
	for _, d := range long {
		d.Body = strings.Repeat(d.Body+" ", 3)
	}
	tests := []struct {
		name string
		mk   func() []index.Document
	}{
		{"demo", func() []index.Document { return analyzed(t, demoDocs) }},
		{"generated", func() []index.Document { return analyzed(t, gen) }},
		{"one document", func() []index.Document { return analyzed(t, gen[7:8]) }},
		{"one empty document", func() []index.Document { return analyzed(t, gen[3:4]) }},
		{"long documents", func() []index.Document { return analyzed(t, long) }},
		{"custom fields", func() []index.Document { return customDocs(300, 3) }},
		{"one custom document", func() []index.Document { return customDocs(1, 4) }},
	}
	if !testing.Short() {
		// terms in more than 1,024 and 4,096 documents: chunked
		// postings and doc values, bitmap containers
		many := segGenDocs(5000, 5)
		tests = append(tests,
			struct {
				name string
				mk   func() []index.Document
			}{"5000 documents", func() []index.Document { return analyzed(t, many) }},
			struct {
				name string
				mk   func() []index.Document
			}{"2100 custom documents", func() []index.Document { return customDocs(2100, 6) }})
	}
	shared := new(segEncoder) // as a segment worker's, batch after batch
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sameAsZap(t, nil, tc.name, tc.mk)
			sameAsZap(t, shared, tc.name+" (encoder reused)", tc.mk)
		})
	}
}

// fuzzDocs are the documents of a fuzz input: its parts (split at 0x1e)
// as corpus documents (title the first line, body the rest, the rest's
// first line also as a number and an issuer), or as custom documents of
// those texts with term vectors (with and without frequencies), array
// positions, repeated fields, a composite field, a numeric field and doc
// values (chunked and per document, compressed and not).
func fuzzDocs(t testing.TB, data string, custom bool) []index.Document {
	parts := strings.Split(data, "\x1e")
	if len(parts) > 40 {
		parts = parts[:40]
	}
	if !custom {
		docs := make([]*corpus.Document, len(parts))
		for i, p := range parts {
			title, body, _ := strings.Cut(p, "\n")
			first, _, _ := strings.Cut(body, "\n")
			docs[i] = &corpus.Document{ID: fmt.Sprintf("f%02d", i), Title: title, Body: body, Number: first,
				Issuer: first, Type: title, Published: first}
		}
		return analyzed(t, docs)
	}
	m := NewMapping()
	exact, fold := m.AnalyzerNamed(AnalyzerExact), m.AnalyzerNamed(AnalyzerFold)
	vec := index.IndexField | index.StoreField | index.IncludeTermVectors
	docs := make([]index.Document, len(parts))
	for i, p := range parts {
		d := document.NewDocument(fmt.Sprintf("f%02d", i))
		if i%2 == 1 { // a composite of every field, with term vectors
			d.AddField(document.NewCompositeFieldWithIndexingOptions("all", true, nil, nil,
				index.IndexField|index.IncludeTermVectors|index.DocValues))
		}
		for k, line := range strings.Split(p, "\n") {
			d.AddField(document.NewTextFieldCustom("vec", []uint64{uint64(k)}, []byte(line), vec, exact))
			d.AddField(document.NewTextFieldCustom("fold", nil, []byte(line), index.IndexField|index.DocValues, fold))
			d.AddField(document.NewTextFieldCustom("key", nil, []byte(line), index.IndexField|index.StoreField|index.DocValues,
				m.AnalyzerNamed("keyword")))
			if k%2 == 1 { // in some documents only: term vectors without frequencies, doc values per document
				d.AddField(document.NewTextFieldCustom("nofreq", nil, []byte(line), vec|index.SkipFreqNorm, fold))
				d.AddField(document.NewTextFieldCustom("perdoc", nil, []byte(line),
					index.IndexField|index.DocValues|index.SkipDVChunking|index.SkipDVCompression, m.AnalyzerNamed("keyword")))
				d.AddField(document.NewNumericFieldWithIndexingOptions("n", nil, float64(len(line)),
					index.IndexField|index.StoreField|index.DocValues))
			}
		}
		prepareForSegment(d)
		docs[i] = d
	}
	return docs
}

// FuzzSegmentWriter: our segment file of random documents is zap's.
func FuzzSegmentWriter(f *testing.F) {
	f.Add(strings.Join(onePassLines, "\n"), false)
	f.Add(strings.Join(onePassLines, "\x1e"), true)
	f.Add(strings.Join(demo.Sentences()[:20], "\x1e\n"), false)
	f.Add("", true)
	f.Add("\x1e\x1e", false)
	f.Add("a a a a\x1eb a\nĐiều 1. c\x1e", true)
	f.Fuzz(func(t *testing.T, data string, custom bool) {
		if len(data) > 1<<16 {
			return
		}
		sameAsZap(t, nil, "fuzz", func() []index.Document { return fuzzDocs(t, data, custom) })
	})
}

// sameFileAsZap fails the test unless the file at got is the zap file at
// want in canonical order (canonicalSegment), saying where they part, and
// returns got's bytes.
func sameFileAsZap(t testing.TB, what, want, got string) []byte {
	t.Helper()
	a, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(got)
	if err != nil {
		t.Fatal(err)
	}
	ca := canonicalSegment(t, a)
	if !bytes.Equal(b, ca) {
		at := 0
		for at < min(len(ca), len(b)) && ca[at] == b[at] {
			at++
		}
		t.Fatalf("%s (%d bytes) differs from zap's (%d bytes) from byte %d:\nzap  % x\nours % x",
			what, len(b), len(ca), at, ca[at:min(at+32, len(ca))], b[at:min(at+32, len(b))])
	}
	return b
}
