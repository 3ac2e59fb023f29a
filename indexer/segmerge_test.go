package indexer

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	zap "github.com/blevesearch/zapx/v17"

	"github.com/vanban/vanban/demo"
)

// writeSegs writes each batch as a segment file in dir (ours unless
// withZap) and returns their paths.
func writeSegs(t testing.TB, dir, prefix string, batches [][]index.Document, withZap bool) []string {
	t.Helper()
	var paths []string
	e := new(segEncoder)
	for i, docs := range batches {
		p := filepath.Join(dir, fmt.Sprintf("%s%04d.zap", prefix, i))
		var err error
		if withZap {
			err = zapSegmentFile(docs, p)
		} else {
			err = e.writeFile(docs, p)
		}
		if err != nil {
			t.Fatalf("batch %d: %v", i, err)
		}
		paths = append(paths, p)
	}
	return paths
}

// zapMerge merges the files at paths into out with zap's Merge.
func zapMerge(t testing.TB, paths []string, out string) {
	t.Helper()
	var p zap.ZapPlugin
	var segs []segment.Segment
	for _, path := range paths {
		s, err := p.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		segs = append(segs, s)
	}
	if _, _, err := p.Merge(segs, make([]*roaring.Bitmap, len(segs)), out, nil, nil); err != nil {
		t.Fatalf("zap merge: %v", err)
	}
}

// sameMerge fails unless our merge of the files at paths is zap's
// (canonicalSegment) byte for byte, and opens with zap; it returns the
// merged file (ours).
func sameMerge(t testing.TB, m *segMerger, name string, paths []string) string {
	t.Helper()
	dir := filepath.Dir(paths[0])
	want := filepath.Join(dir, fmt.Sprintf("zap-%s.zap", strings.ReplaceAll(name, " ", "-")))
	got := filepath.Join(dir, fmt.Sprintf("ours-%s.zap", strings.ReplaceAll(name, " ", "-")))
	zapMerge(t, paths, want)
	if m == nil {
		m = new(segMerger)
	}
	if err := m.mergeSegmentFiles(paths, got, true, nil); err != nil {
		t.Fatalf("%s: our merge: %v", name, err)
	}
	sameFileAsZap(t, name+": our merge", want, got)
	var p zap.ZapPlugin
	s, err := p.Open(got)
	if err != nil {
		t.Fatalf("%s: zap cannot open our merge: %v", name, err)
	}
	s.Close()
	return got
}

// fullDocs are 70,000 small documents with a term in every one (a full
// roaring container, 65,536 documents, in the merge: a run container),
// a term in every other one and one in a few.
func fullDocs() []index.Document {
	kw := NewMapping().AnalyzerNamed("keyword")
	return edgeDocs(70000, func(i int, d *document.Document) {
		opts := index.IndexField | index.DocValues
		d.AddField(document.NewTextFieldCustom("k", nil, []byte("all"), opts, kw))
		if i%2 == 0 {
			d.AddField(document.NewTextFieldCustom("k", nil, []byte("even"), opts, kw))
		}
		if i%9000 == 1 {
			d.AddField(document.NewTextFieldCustom("r", nil, []byte(fmt.Sprint(i)), opts|index.StoreField, kw))
		}
	})
}

// split cuts docs into batches of the sizes given, in turn.
func split(docs []index.Document, sizes ...int) [][]index.Document {
	var out [][]index.Document
	for k := 0; len(docs) > 0; k++ {
		n := min(sizes[k%len(sizes)], len(docs))
		out = append(out, docs[:n])
		docs = docs[n:]
	}
	return out
}

// TestSegmentMergeSameAsZap: our merge of segment files is zap's Merge
// of them byte for byte (but for the order of each field's section
// addresses): the build's documents in batches of every size, one-document
// and many segments, custom fields (term vectors, array positions, stored
// values, doc values chunked and per document, compressed and not),
// fields present in some inputs only (renumbered fields, zap's re-encoding
// path), inputs written by zap and by our writer, merged segments merged
// again (1-hit postings in the inputs), terms in more than 1,024
// documents (chunked postings), a very long term.
func TestSegmentMergeSameAsZap(t *testing.T) {
	gen := analyzed(t, segGenDocs(600, 11))
	custom := customDocs(400, 12)
	m := NewMapping()
	kw := m.AnalyzerNamed("keyword")
	huge := edgeDocs(3, func(i int, d *document.Document) {
		d.AddField(document.NewTextFieldCustom("k", nil, []byte(strings.Repeat("ế", 40000)+fmt.Sprint(i%2)),
			index.IndexField|index.StoreField|index.DocValues, kw))
	})
	onlyID := edgeDocs(2, func(int, *document.Document) {})
	tests := []struct {
		name    string
		batches [][]index.Document
		withZap bool
	}{
		{"generated", split(gen, 100, 37, 250, 1, 212), false},
		{"generated zap batches", split(gen, 100, 37, 250, 1, 212), true},
		{"one document each", split(gen[:30], 1), false},
		{"two segments", split(gen[:50], 25), false},
		{"custom fields", split(custom, 150, 1, 49, 200), false},
		{"custom fields zap batches", split(custom, 150, 1, 49, 200), true},
		{"fields in some inputs only", [][]index.Document{gen[:40], custom[:30], gen[40:41], custom[30:31], onlyID}, false},
		{"fields in some inputs only zap batches", [][]index.Document{custom[:30], gen[:40], onlyID, custom[30:31]}, true},
		{"huge term", [][]index.Document{huge[:1], huge[1:], gen[:3]}, false},
	}
	if !testing.Short() {
		many := analyzed(t, segGenDocs(5000, 13))
		tests = append(tests, struct {
			name    string
			batches [][]index.Document
			withZap bool
		}{"5000 documents", split(many, 1000, 700, 1300), false}, struct {
			name    string
			batches [][]index.Document
			withZap bool
		}{"2100 custom", split(customDocs(2100, 14), 1000), false}, struct {
			name    string
			batches [][]index.Document
			withZap bool
		}{"70000 documents", split(fullDocs(), 30000, 40000), false})
	}
	shared := new(segMerger)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			paths := writeSegs(t, dir, "b", tc.batches, tc.withZap)
			all := sameMerge(t, nil, "all", paths)
			// a merged segment of every input merged with one more:
			// bitmap containers in an input when it holds over 4,096
			// documents of a term
			sameMerge(t, shared, "all and one", []string{all, paths[len(paths)-1]})
			// two levels: merged segments (with 1-hit postings) merged
			// again, and with the reused merger
			if len(paths) >= 4 {
				h := len(paths) / 2
				a := sameMerge(t, shared, "first", paths[:h])
				b := sameMerge(t, shared, "second", paths[h:])
				sameMerge(t, shared, "level2", []string{a, b})
				sameMerge(t, shared, "mixed", []string{paths[0], b})
			}
		})
	}
}

// TestAppendRoaring: the members read from a serialized bitmap are the
// library's, for array and bitmap containers, several containers, and
// run containers (read through the library); and the bytes we write for
// a set are the library's for the bitmap Add makes of it.
func TestAppendRoaring(t *testing.T) {
	tests := []struct {
		name string
		mk   func(b *roaring.Bitmap)
		runs bool
	}{
		{"one", func(b *roaring.Bitmap) { b.Add(7) }, false},
		{"array", func(b *roaring.Bitmap) {
			for i := uint32(0); i < 4096; i++ {
				b.Add(i * 3)
			}
		}, false},
		{"bitmap", func(b *roaring.Bitmap) {
			for i := uint32(0); i < 4097; i++ {
				b.Add(i*2 + 1)
			}
		}, false},
		{"containers", func(b *roaring.Bitmap) {
			for i := uint32(0); i < 300000; i += 7 {
				b.Add(i)
			}
			b.Add(1 << 31)
		}, false},
		{"runs", func(b *roaring.Bitmap) { b.AddRange(10, 100000) }, true},
		// Add makes a container that fills up a run container
		{"full container", func(b *roaring.Bitmap) {
			for i := uint32(0); i < 70000; i++ {
				b.Add(i)
			}
		}, false},
		{"full containers and others", func(b *roaring.Bitmap) {
			for i := uint32(3); i < 1<<16*5; i++ {
				if i < 1<<16 || i >= 1<<17+3 || i%3 == 0 {
					b.Add(i)
				}
			}
			b.Add(1 << 20)
		}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := roaring.New()
			tc.mk(b)
			if tc.runs {
				b.RunOptimize()
			}
			data, err := b.ToBytes()
			if err != nil {
				t.Fatal(err)
			}
			var want0 []byte
			want0 = binary.AppendUvarint(want0, b.GetSerializedSizeInBytes())
			if !tc.runs {
				if got, _ := appendRoaringOf([]byte{}, b.ToArray(), nil); !bytes.Equal(got, append(want0, data...)) {
					t.Fatalf("our bitmap's bytes (%d) are not the library's (%d)", len(got), len(want0)+len(data))
				}
			}
			got, err := appendRoaring([]uint32{42}, data, 5)
			if err != nil {
				t.Fatal(err)
			}
			want := []uint32{42}
			for _, v := range b.ToArray() {
				want = append(want, v+5)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("%d members read, want %d", len(got), len(want))
			}
		})
	}
}

// FuzzSegmentMerge: our merge of random documents' segments is zap's:
// the documents of a fuzz input (fuzzDocs) cut into segments of the sizes
// cut gives, written by our writer or zap's, with a segment of other
// fields among them when cut is odd (renumbered fields), merged, and the
// merged segments merged again.
func FuzzSegmentMerge(f *testing.F) {
	f.Add(strings.Join(onePassLines, "\n"), false, uint8(0))
	f.Add(strings.Join(onePassLines, "\x1e"), true, uint8(3))
	f.Add(strings.Join(demo.Sentences()[:20], "\x1e\n"), false, uint8(13))
	f.Add("a a a a\x1eb a\nĐiều 1. c\x1e", true, uint8(6))
	f.Add("\x1e\x1e", false, uint8(255))
	f.Fuzz(func(t *testing.T, data string, custom bool, cut uint8) {
		if len(data) > 1<<16 {
			return
		}
		docs := fuzzDocs(t, data, custom)
		batches := split(docs, 1+int(cut%5), 1+int(cut>>4))
		if cut%2 == 1 {
			batches = append(batches[:1], append([][]index.Document{customDocs(3, 15)}, batches[1:]...)...)
		}
		paths := writeSegs(t, t.TempDir(), "b", batches, cut&8 != 0)
		all := sameMerge(t, nil, "all", paths)
		if len(paths) >= 2 {
			h := len(paths) / 2
			a := sameMerge(t, nil, "first", paths[:h])
			sameMerge(t, nil, "level2", []string{a, all})
		}
	})
}

// TestSegmentMergeTermLists: the term lists beside our segments are read
// by the merge (the merge gives zap's file with them), and a list that is
// not its segment's (another segment's, cut short, missing) is not read:
// the merge walks that segment's FST and still gives zap's file.
func TestSegmentMergeTermLists(t *testing.T) {
	gen := analyzed(t, segGenDocs(120, 16))
	dir := t.TempDir()
	paths := writeSegs(t, dir, "b", split(gen, 40), false)
	for _, p := range paths {
		in, err := openMergeIn(p)
		if err != nil {
			t.Fatal(err)
		}
		if in.lists == nil {
			t.Fatalf("%s: no term lists read", p)
		}
		in.close()
	}
	other, err := os.ReadFile(termsPath(paths[1]))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(termsPath(paths[0]), other, 0o600); err != nil { // another segment's
		t.Fatal(err)
	}
	if err := os.WriteFile(termsPath(paths[1]), other[:len(other)/2], 0o600); err != nil { // cut short
		t.Fatal(err)
	}
	if err := os.Remove(termsPath(paths[2])); err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		in, err := openMergeIn(p)
		if err != nil {
			t.Fatal(err)
		}
		if in.lists != nil {
			t.Fatalf("%s: a term list not its segment's read", p)
		}
		in.close()
	}
	sameMerge(t, nil, "without lists", paths)
}
